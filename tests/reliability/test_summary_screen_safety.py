"""Outside text with figures on every tab of the summary screen, drawn as data.

test_screen_safety.py's hostile corpus has no figures, so the summary's conflicts,
possible conflicts and the ledger's figures column were never drawn from hostile text
(tr17). Here the bundled articles, whose figures give conflicts and possible conflicts,
carry the hostile sequences and markup beside their figures, in their titles and in
very long words, and the gold annotations carry them in sources and notes. Every tab
(1-7) is visited, then the review screen, and each row of a table highlighted, so its
detail pane is drawn too; the titles' annotations, made on the title before its hostile
tail, are re-anchored, so tab 5 lists hostile rows as well. What the screen draws must
hold no character a terminal would obey, and the markup must be on screen as the text it
is.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from store import AnnotationStore
from tests.fixtures import hostile
from tests.fixtures.gold import anchor_quote, gold_records
from workbench.config.settings import SuggestionSettings
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import load_corpus
from workbench.core.terminal_text import UNSAFE
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import TABS, SummaryScreen

from .helpers import RecordingApp

LINK_MARKUP = "[link=https://evil.example]Kursk[/link]"
BOLD_MARKUP = "[bold]Korean[/]"
LONG_WORD = "Pyongyang" * 40
HOSTILE_KOREAN = f"{hostile.RED}North {BOLD_MARKUP}{hostile.OVERRIDE}"
"""Put for "North Korean": beside the troop figures the conflicts are made of."""
HOSTILE_SOURCE = f"{hostile.HOSTILE_SOURCE} {LINK_MARKUP} [@click=app.quit]x[/] {hostile.LINK}"
HOSTILE_NOTE = f"{hostile.HOSTILE_NOTE} [bold red]loud[/] {hostile.C1_CSI}{LONG_WORD}"
SHOWN = (
    LINK_MARKUP,
    BOLD_MARKUP,
    "[@click=app.quit]x[/]",
    "[bold red]loud[/]",
    "␛]0;pwned␇",
    "␛[31mNorth",
    "\\x9b31m",
    "\\u202e",
    "\\u2066",
)
"""What the screens must show, as the text it is."""
ROWS = 40
"""Rows highlighted per table at most (the ledger has about 200)."""


def hostile_text(text: str) -> str:
    return text.replace("North Korean", HOSTILE_KOREAN).replace("Kursk", f"Kursk{hostile.ISOLATE}")


def write_corpus(folder: Path) -> Path:
    """The bundled articles with the hostile text beside their figures and in their
    titles (an ESC sequence, a long word, markup)."""
    folder.mkdir(parents=True)
    for article in load_corpus():
        title, _, body = article.text.partition("\n")
        name = f"{article.id}{hostile.BELL}" if article.id.startswith("000") else article.id
        tail = f"{hostile.TITLE_OSC}{LINK_MARKUP} {LONG_WORD}"
        text = f"{hostile_text(title)} {tail}\n{hostile_text(body)}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def hostile_gold(folder: Path, annotator: str) -> list[Annotation]:
    """The gold annotations on the hostile articles, with hostile sources and notes."""
    corpus = load_corpus([folder])
    by_original = {article.id.rstrip(hostile.BELL): article for article in corpus}
    made = []
    for row in gold_records():
        article = by_original[row["article_id"]]
        anchor = anchor_quote(article, hostile_text(row["quote"]))
        made.append(
            Annotation.new(
                anchor,
                annotator,
                tags=tuple(row["tags"]),
                source=HOSTILE_SOURCE if row["source"] else None,
                status=row["status"],
                note=HOSTILE_NOTE,
            )
        )
    return made


def drawn(app: WorkbenchApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Scan:
    """Every row of a table highlighted in turn, the screen scanned after each."""

    def __init__(self, app: WorkbenchApp, pilot: Pilot[None], figures: Counter[str]) -> None:
        self.app, self.pilot, self.figures = app, pilot, figures
        self.seen = ""
        self.rows: Counter[str] = Counter()

    async def rows_of(self, table: DataTable[Any], name: str) -> None:
        for row in range(min(table.row_count, ROWS)):
            table.move_cursor(row=row)
            await self.pilot.pause()
            text = drawn(self.app)
            found = [text[max(0, m.start() - 20) : m.end() + 20] for m in UNSAFE.finditer(text)]
            assert not found, (name, row, found)
            self.seen += text
            self.rows[name] += 1
            self.figures["terminal safety: table rows scanned with their detail"] += 1


async def test_every_summary_tab_and_the_review_draw_hostile_figures_as_text(
    tmp_path: Path, figures: Counter[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        store.import_annotations(hostile_gold(corpus, "ana"))
        app = RecordingApp(
            store,
            corpus=load_corpus([corpus]),
            keymap={},
            suggestions=SuggestionSettings(enabled=False),
        )
        app.animation_level = "none"
        async with app.run_test(size=(160, 50), notifications=True) as pilot:
            scan = Scan(app, pilot, figures)
            await pilot.pause()
            await pilot.press("S")
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SummaryScreen) and screen.summary is not None
            for number, tab in enumerate(TABS, start=1):
                await pilot.press(str(number))
                await app.workers.wait_for_complete()
                await pilot.pause()
                await scan.rows_of(screen.query_one(f"#{tab}-table", DataTable), tab)
            await pilot.press("escape", "r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await scan.rows_of(app.screen.query_one("#review-table", DataTable), "review")
    assert all(scan.rows[name] for name in (*TABS, "review")), scan.rows
    for expected in SHOWN:
        assert expected in scan.seen, expected
