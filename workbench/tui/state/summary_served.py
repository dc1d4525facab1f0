"""The summary screen served from the summary kept for its very inputs (issue 15).

Building the screen's summary takes tens of seconds at 100,000 annotations, and its live
model (what a tag is patched in with) some 200 MB. A keeper that ran read_summary on
the same inputs (cli/screen_keeper.py: the content token, the code, the app's articles,
the analyst, the ledger settings, the anchoring threshold) kept that Summary whole
(core/analysis/summary/snapshot.py); the screen, finding it under the key of its inputs
now, shows it in about a second and builds nothing more until the analyst changes
something (summary.py: a change is read again, the tables said to be from before it).

A lookup reads the token (a few stats and the live journal) and one entry: it writes and
creates nothing, so a read-only session serves as well. Blocking (in the screen's
worker), and it makes the tables too: a record that decodes to the summary's types but
whose tables cannot be made (written to be read so) is damage named, never the
worker's failure ending the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from store import StoreError
from workbench.config.snapshot_key import read_key, snapshot_key_path
from workbench.core.analysis.kept.screen import corpus_digest, screen_key
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.snapshot import (
    DamagedSnapshot,
    NotSigned,
    Snapshot,
    decoded,
    verified,
)
from workbench.core.collector import paused_gc
from workbench.core.terminal_text import name_displayable
from workbench.tui.state.live_summary import give_back_freed_memory
from workbench.tui.state.summary_view import SummaryView, prepare_view
from workbench.tui.state.workspace import Workspace

NOT_KEPT = "no summary is kept for the database as it is now"
"""Why the summary is being computed, said while it is: the keeper keeps the screen's
summary after a pause in saving and when the app ends (cli/screen_keeper.py)."""
NOT_KEEPABLE = "summaries are not kept for this database"


@dataclass(frozen=True, slots=True)
class Served:
    """What a lookup found: the snapshot and its tables, or why there is none (`said`)."""

    snapshot: Snapshot | None
    said: str = ""
    warnings: tuple[str, ...] = ()
    """Damage found: an entry failing its checksum, or one that is no summary's."""
    view: SummaryView | None = None
    """The snapshot's tables (prepare_view), made here so that one that cannot be made
    is damage said, not the screen's worker failing (rv15 R1)."""


def served_summary(workspace: Workspace, analyst: str | None, ledger: LedgerSettings) -> Served:
    """The summary kept for the screen's read of `analyst`'s summary (None: every
    analyst's) with `ledger`, on the database and articles as they are now."""
    kept = workspace.store.kept_summaries()
    if kept is None:
        return Served(None, NOT_KEEPABLE)
    try:
        with kept:
            key = screen_key(
                kept.token(),
                workspace.code.digest(),  # taken as the app started (rv15 R3)
                analyst,
                ledger,
                workspace.threshold,
                corpus_digest(workspace.corpus.articles),
            )
            data = kept.get(key)
            warnings = tuple(kept.warnings)
    except (StoreError, OSError):
        return Served(None, NOT_KEPT)
    found = read_key()
    warnings += key_said(found.problem, workspace.key_problems_said)
    if data is None:
        return Served(None, NOT_KEPT, warnings)
    try:
        with paused_gc(promote=True):  # a million objects made: no collection scans them
            snapshot = decoded(verified(data, found.key, key))
    except NotSigned:
        return Served(None, NOT_KEPT, (*warnings, not_signed(key)))
    except DamagedSnapshot as error:
        return Served(None, NOT_KEPT, (*warnings, damaged(key, str(error))))
    finally:
        del data  # the record (38 MB at 100,000 annotations) and the unpickler's memo,
        give_back_freed_memory()  # freed in this worker's arena: handed back
    if snapshot.summary.annotator != analyst:
        return Served(None, NOT_KEPT, warnings)  # never another analyst's
    try:
        view = prepare_view(snapshot.summary)
    except Exception as error:
        # the summary's own types in another shape (a record written to be read so: its
        # checksum holds) is damage like any other
        reason = f"its tables cannot be made: {type(error).__name__}"
        return Served(None, NOT_KEPT, (*warnings, damaged(key, reason)))
    return Served(snapshot, "", warnings, view)


def key_said(problem: str, said_before: set[str]) -> tuple[str, ...]:
    """The warning naming a key file that is no key (config/snapshot_key.py), unless it
    is in `said_before` (the app's: Workspace.key_problems_said), where it is added;
    nothing for no problem."""
    if not problem:
        return ()
    said = (
        f"the summary keeper's key {name_displayable(snapshot_key_path())} {problem}: the "
        "keeper replaces it, and until it has kept a summary under the new one the summary "
        "is computed"
    )
    if said in said_before:
        return ()
    said_before.add(said)
    return (said,)


def not_signed(key: str) -> str:
    return (
        f"the kept summary {key[:12]} is not signed with your key now for these inputs (it "
        "was kept under a key since replaced, by another user, or for other inputs): not "
        "read; computed instead"
    )


def damaged(key: str, reason: str) -> str:
    return f"the kept summary {key[:12]} is damaged ({reason}); computed instead"
