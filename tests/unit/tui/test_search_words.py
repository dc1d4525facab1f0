"""The search screen's status line (qa14 Q19: "1 best matches for 'Inigo arieta'")."""

from __future__ import annotations

from workbench.tui.screens.search import found, nothing_found


def test_one_match_is_one_and_many_are_the_best() -> None:
    assert found(1, "Inigo arieta") == "1 match for 'Inigo arieta'"
    assert found(50, "troops") == "50 best matches for 'troops'"
    assert nothing_found("Zzz") == "no sentence has 'Zzz'"
