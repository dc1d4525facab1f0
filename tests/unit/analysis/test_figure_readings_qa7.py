"""Figures a new analyst's flood story read wrongly (qa7, session 8)."""

from __future__ import annotations

from tests.unit.analysis.test_figure_general import figures
from workbench.core.analysis.figures.conflicts import find_clashes
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats
TOLL = "The regional government said 211 people had died in the province of Valencia."


def test_some_of_the_dead_are_a_part_of_the_toll_never_its_whole() -> None:
    """qa7 Q6: '62 of the dead were from her town' was read as the whole toll: a false
    conflict with the toll it is part of, the reason backwards."""
    toll = figures(TOLL, "regional government")
    mayor = figures("The mayor of Paiporta said 62 of the dead were from her town.", "mayor")
    assert [figure.measure.part for figure in mayor] == ["of them"]
    assert not find_clashes(toll + mayor, CLASSES)
    losses = figures("The army said 112 of its soldiers were killed in Valencia.", "army")
    assert [figure.measure.part for figure in losses] != ["of them"], "the dead themselves"


def test_the_value_a_toll_rose_from_is_of_an_earlier_time() -> None:
    """qa7 Q7: 'had risen to 217 from 211': the 211 is the count before the rise, as
    after 'up from', and the 217 a later count than it, so the regional government's
    undated 211 is that earlier count, not a contradiction (session 9)."""
    rising = figures(
        "Officials said the death toll in Valencia had risen to 217 from 211.", "officials"
    )
    now, before = rising
    assert (now.measure.when, before.measure.when) == ("later", "earlier")
    toll = figures("The regional government said 211 people had died in Valencia.", "government")
    assert not find_clashes(toll + rising, CLASSES)
