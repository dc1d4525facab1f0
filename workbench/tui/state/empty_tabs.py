"""What the summary screen's detail pane says under a tab with no row (qa20 #7).

"Nothing highlighted." read as a missed key press; an empty tab is an answer ("no
conflicting figures"), so the pane gives it, as the report's sections do.
"""

from __future__ import annotations

from workbench.core.analysis.summary.model import PossibleConflicts

EMPTY_TABS = {
    "ledger": "No claims in this summary.",
    "conflicts": "No conflicting figures.",
    "articles": "No articles read.",
    "sources": "No sources named.",
    "anchoring": "No annotation to check, orphaned, or on an article not opened.",
    "denials": "No denial left without a claim group it is aimed at.",
    "possible": "No possible conflicts.",
}
"""Each tab's words when it lists nothing."""
NOT_LOOKED_FOR = "Possible conflicts: not looked for in this summary."


def empty_tab_words(tab: str, possible: PossibleConflicts | None) -> str:
    """The pane's words for `tab` listing nothing; `possible`: the possible conflicts
    found (None: not looked for, which is not "none")."""
    if tab == "possible" and possible is None:
        return NOT_LOOKED_FOR
    return EMPTY_TABS.get(tab, "Nothing to show.")
