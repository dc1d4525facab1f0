"""qa20 #7: a tab listing nothing says what is empty; the Possible tab tells "none
found" from "not looked for"."""

from __future__ import annotations

from workbench.core.analysis.summary.model import PossibleConflicts
from workbench.tui.screens.summary import TABS
from workbench.tui.state.empty_tabs import EMPTY_TABS, NOT_LOOKED_FOR, empty_tab_words


def test_every_tab_has_its_words() -> None:
    assert set(EMPTY_TABS) == set(TABS)
    assert empty_tab_words("conflicts", None) == "No conflicting figures."


def test_possible_conflicts_not_looked_for_are_not_none() -> None:
    none_found = PossibleConflicts((), "conflict-model-5", 0.9, 40, 0, 20, 0, 5000, ())
    assert empty_tab_words("possible", none_found) == "No possible conflicts."
    assert empty_tab_words("possible", None) == NOT_LOOKED_FOR
