"""A dismissed pair's row in the Conflicts tab names both articles in a cell the article
column shows whole at its widest, with no doubled "…" (rv21 #5)."""

from __future__ import annotations

from rich.cells import cell_len

from workbench.core.analysis.ledger.decisions import Dismiss, PairFigure
from workbench.core.analysis.ledger.ledger import build_ledger
from workbench.core.annotation import Anchor, Annotation
from workbench.tui.state.summary_view import dismissed_rows

TEXTS = [
    ("Officials", "Officials said 100 people died in the blast."),
    ("Police", "Police said 300 people died in the blast."),
]
TITLES = {
    "a0": "Thousands of North Korean soldiers are fighting…",
    "a1": "Ukraine says its forces pushed back an assault…",
}


def test_a_dismissed_pair_of_two_articles_names_both_titles_in_the_column() -> None:
    claims = [
        Annotation.new(
            Anchor.in_text(f"a{n}", "0" * 64, text, 0, 0, len(text)),
            "ana",
            tags=("claim",),
            source=source,
        )
        for n, (source, text) in enumerate(TEXTS)
    ]
    (clash,) = build_ledger(claims).conflicts[0].clashes
    figures = (
        PairFigure(clash.low.key, clash.low.quantity.text),
        PairFigure(clash.high.key, clash.high.quantity.text),
    )
    ledger = build_ledger(claims, decisions=[Dismiss(figures, None, "ana")])
    (row,) = dismissed_rows(ledger.dismissed, TITLES)
    cell = str(row[4])
    first, second = cell.split(" vs ")
    assert first.startswith("Thousands of") and second.startswith("Ukraine says")
    assert cell_len(cell) <= 40 and "……" not in cell
