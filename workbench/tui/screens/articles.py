"""The article list: one line per article with its tagging progress; Enter opens it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.terminal_text import name_displayable
from workbench.tui.literal import visible

BAR_WIDTH = 12


def progress_bar(done: int, total: int | None, width: int = BAR_WIDTH) -> str:
    """A text bar such as '██████░░░░░░  6/12'; total None means not counted yet."""
    if not total:
        return "░" * width + (f" {done:>4}/?" if total is None else "    0/0")
    filled = round(width * min(done, total) / total)
    return "█" * filled + "░" * (width - filled) + f" {done:>4}/{total}"


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
        for number, (article_id, title, tagged, total) in enumerate(self.rows):
            line = Content.assemble(
                (progress_bar(tagged, total), "$success"),
                "  ",
                (name_displayable(article_id), "bold"),
                "  ",
                visible(title, single_line=True),
            )
            options.append(Option(line, id=str(number)))
        with Vertical(classes="articles-box"):
            yield Label(f"Articles ({len(self.rows)})", classes="prompt-title")
            yield OptionList(*options, id="article-list")
            yield Label("Enter opens · Escape closes", classes="prompt-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = self.current

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
