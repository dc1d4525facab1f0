"""The article list: one line per article with its tagging progress; Enter opens it.

Each line names the article by its title, as far as the line holds it (with its id,
where two articles have one title); the highlighted article's id
(its file name, what `--article ID` takes) is said whole under the list. The id came
first on each line, and at 80 columns the titles were cut to 20 characters ("U.S.
Cites ‘Indicat…", "North Korea Startin…") beside ids of 20 (polish19).
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.corpus.titles import shorten
from workbench.core.terminal_text import name_displayable
from workbench.tui.literal import literal, visible

BAR_WIDTH = 12
HINT = "Enter opens · Escape closes"


def progress_bar(done: int, total: int | None, width: int = BAR_WIDTH) -> str:
    """A text bar such as '██████░░░░░░  6/12'; total None means not counted yet."""
    if not total:
        return "░" * width + (f" {done:>4}/?" if total is None else "    0/0")
    filled = round(width * min(done, total) / total)
    return "█" * filled + "░" * (width - filled) + f" {done:>4}/{total}"


def apart(title: str, article_id: str) -> str:
    """A title another article has too (or none), told apart by the id, escaped where it
    holds a character that draws nothing (tr13 T6: "alpha" and "alpha" + U+200B)."""
    named = name_displayable(article_id)
    return f"{shorten(title)} ({named})" if title else named


class ArticleListScreen(ModalScreen[int | None]):
    """Returns the chosen article's position, or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="articles.close"),
    ]

    def __init__(
        self,
        rows: list[tuple[str, str, int, int | None]],
        current: int,
    ) -> None:
        """rows: (article id, title, tagged sentences, sentence count or None)."""
        super().__init__(classes="articles-screen")
        self.rows = rows
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        alike = Counter(title for _, title, _, _ in self.rows)
        for number, (article_id, title, tagged, total) in enumerate(self.rows):
            named = title if title and alike[title] == 1 else apart(title, article_id)
            line = Content.assemble(
                (progress_bar(tagged, total), "$success"),
                "  ",
                visible(named, single_line=True),
            )
            options.append(Option(line, id=str(number)))
        with Vertical(classes="articles-box"):
            yield Label(f"Articles ({len(self.rows)})", classes="prompt-title")
            yield OptionList(*options, id="article-list")
            yield Label(HINT, id="article-hint", classes="prompt-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = self.current

    @on(OptionList.OptionHighlighted)
    def say_id(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted article's id, whole, beside the keys."""
        article_id = self.rows[int(event.option.id or 0)][0]
        self.query_one("#article-hint", Label).update(
            literal(f"{name_displayable(article_id)} · {HINT}")
        )

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
