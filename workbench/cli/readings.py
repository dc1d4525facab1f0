"""What a writing command keeps for the summary once it has written (ledger/readings.py)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.core.terminal_text import printable

if TYPE_CHECKING:
    from store.protocol import Store
    from workbench.core.analysis.new_readings import NewReadings
    from workbench.core.analysis.sources.speakers import ArticleText


def keep_new_readings(
    store: Store, noted: NewReadings, texts: Mapping[str, ArticleText], what: str
) -> None:
    """Read and keep what a summary of the annotations `noted` reads, those the store does
    not hold yet. A cache: what is not kept, the summary reads; a store error here is said
    on stderr (naming `what`), the command's work is done and stays done."""
    from store import StoreError
    from workbench.core.analysis.ledger.readings import analyser_fingerprint

    if not noted:
        return
    fingerprint = analyser_fingerprint()
    try:
        store.add_readings(fingerprint, noted.read(texts, store.readings(fingerprint)))
    except StoreError as error:
        print(
            f"workbench: the summary's readings of {what} were not kept (the summary reads "
            f"them): {printable(str(error), single_line=True)}",
            file=sys.stderr,
        )
