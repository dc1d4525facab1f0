"""The possible conflicts as a fact-checker can publish them (qa20 #3).

The report is what a desk prints, so it says what the list is worth in one plain line,
"about 6 in 10 it listed were real conflicts", and leaves the reader's name, its blind
sets, precision and recall (possible.MEASURED) and the words it weighed in each pair to
the screen, the JSON and the docs. The
share is MEASURED's own: its "N of M" counts of the pairs the reader added on text it had
never seen, pooled, so the line follows when those figures are measured again.
"""

from __future__ import annotations

import re

from workbench.core.analysis.summary.possible import MEASURED

_SHARE = re.compile(r"(\d[\d,]*) of (\d[\d,]*)\b")
"""'6 of 8', '50 of 85': the pairs the reader added on unseen text that were conflicts."""


def real_in_ten(measured: str = MEASURED) -> int | None:
    """Of 10 pairs the reader listed on unseen text, how many were conflicts: the "N of
    M" counts in `measured` pooled, rounded; None when it gives none."""
    counts = [[int(n.replace(",", "")) for n in pair] for pair in _SHARE.findall(measured)]
    listed = sum(m for _, m in counts)
    if not listed:
        return None
    return int(sum(n for n, _ in counts) * 10 / listed + 0.5)


def published_caveat(measured: str = MEASURED) -> str:
    """One line on what the list is worth, in a reader's words."""
    share = real_in_ten(measured)
    worth = (
        f"on text it had never seen, about {share} in 10 it listed were real conflicts"
        if share is not None
        else "many it lists are not real conflicts"
    )
    return f"Found by a trained reader, not checked: {worth}."
