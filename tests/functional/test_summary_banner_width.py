"""qa17 Q5 (the list's Q14): at 80x24 the summary's banner, one text wrapped into three
lines, cut the denials' line inside a name ("… by Interior Ministry, Katarina") and lost
its pointer to the Denials tab once two things measured had conflicting figures. Each
part now has a line of its own fitted to the width: deniers named whole, the others
counted, the tab named first."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Static

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.functional.test_review import settle
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.conflict_banner import banner_lines

FLOOD = [
    (
        "Mayor Ingrid Halvorsen-Okonkwo said 47 people had died in the flood.",
        "Ingrid Halvorsen-Okonkwo",
        (),
    ),
    (
        "Interior Minister Katarina Vollenweider-Amsel said 12 people had died in the flood.",
        "Katarina Vollenweider-Amsel",
        (),
    ),
    (
        "Mayor Ingrid Halvorsen-Okonkwo said 30 people were missing in Dornbach.",
        "Ingrid Halvorsen-Okonkwo",
        (),
    ),
    ("The ministry said 14 people were missing in Dornbach.", "Interior Ministry", ()),
    (
        "Katarina Vollenweider-Amsel denied that helicopters had been delayed.",
        "Katarina Vollenweider-Amsel",
        ("denial",),
    ),
    (
        "Dr. Lennart Osei-Fairweather denied that his office had been consulted.",
        "Lennart Osei-Fairweather",
        ("denial",),
    ),
    (
        "Aleksandra Wiśniewska-Brandt denied that shelters had run out of blankets.",
        "Aleksandra Wiśniewska-Brandt",
        ("denial",),
    ),
]


async def test_the_banner_names_each_denier_whole_at_80x24(
    store: AnnotationStore, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    text = "Dornbach flood toll\n" + "\n".join(quote for quote, _, _ in FLOOD) + "\n"
    (folder / "flood.txt").write_text(text, "utf-8")
    corpus = load_corpus([folder])
    article = corpus.articles[0]
    for index, (_, source, tags) in enumerate(FLOOD, 1):
        tagged = ("claim", "attribution", *tags)
        store.save(annotate(article, index, store.annotator, tags=tagged, source=source))
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen) and screen.summary is not None
        assert len(screen.summary.conflicts) >= 2 and len(screen.summary.unlinked_denials) >= 3
        banner = screen.query_one("#conflict-banner", Static)
        shown = str(banner.render()).splitlines()
        assert len(shown) <= 3 and all(cell_len(line.rstrip()) <= 78 for line in shown)
        denials = shown[-1]
        assert "aimed at no claim group (tab 6, Denials)" in denials, shown
        deniers = {d.canonical_source or d.source for d in screen.summary.unlinked_denials}
        named = denials.split(", by ", 1)[1]
        if named != f"{len(deniers)} source(s)":  # none fits whole: counted
            named = named.rsplit(" and ", 1)[0] if named.endswith(" more") else named
            assert all(name in deniers for name in named.split(", ")), named
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.3)
        wide = str(banner.render()).splitlines()[-1]
        assert wide.startswith(denials.split(", by ")[0]) and "Aleksandra Wiśniewska-Brandt" in wide


def test_headings_beyond_the_rows_are_counted_and_a_long_one_ends_with_an_ellipsis() -> None:
    headings = [f"⚠ killed: {n}, {n + 30}" for n in range(5)]
    deniers = ["Katarina Vollenweider-Amsel", "Tomas Brenner"]
    assert banner_lines(headings, 2, deniers, 78) == [
        "⚠ killed: 0, 30",
        "+4 more things measured with conflicting figures (tab 2, Conflicts)",
        "2 denial(s) aimed at no claim group (tab 6, Denials), by 2 source(s)",
    ]
    wide = banner_lines(["⚠ " + "x" * 100], 2, deniers, 95)
    assert wide[0].endswith("…") and cell_len(wide[0]) == 95
    assert wide[1] == (
        "2 denial(s) aimed at no claim group (tab 6, Denials), by Katarina Vollenweider-Amsel "
        "and 1 more"
    )
    assert banner_lines([], 0, [], 80) == []
