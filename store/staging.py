"""Staging: one import in many bounded journal lines, all or nothing (a commit marker).

An import of a million annotations as one journal line would be a gigabyte, built and
parsed back in memory. Instead its changes go in lines of about a megabyte, each
written, fsynced and applied as it comes, marked `"staged": true`; the last line has no
mark, and writing it commits every staged line before it. Replaying a journal applies a
run of staged lines only when the unmarked line that ends it is there: a run cut off by
a crash is dropped (with a warning naming the journal and the bytes), like a torn line.
If the import fails half way (a bad record, a full disk), abort() cuts the staged lines
off the journal and takes their changes back in memory. No compaction starts meanwhile,
so a staged line is never sealed into a segment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from store.ops import Applied, Op


@dataclass(frozen=True, slots=True)
class Bookmark:
    """Where the storage stood before the first staged line: what abort() goes back to."""

    journal_end: int
    last_seq: int
    pending_history: int
    live_changes: int


class StagingStorage(Protocol):
    """What staging needs of the journal storage (store.journal.JournalStorage): a
    Protocol, so that this module does not import the journal that imports it."""

    staging_open: bool

    def bookmark(self) -> Bookmark: ...

    def append_line(
        self,
        ops: list[Op],
        history: list[dict[str, Any]],
        sync: bool = True,
        staged: bool = False,
        owned: bool = False,
    ) -> list[Applied]: ...

    def compact_if_long(self) -> None: ...

    def roll_back(self, bookmark: Bookmark, applied: list[Applied]) -> None: ...


class Staging:
    """The lines of one import; write() each, the last with `final`, or abort()."""

    def __init__(self, storage: StagingStorage) -> None:
        self._storage = storage
        self._bookmark = storage.bookmark()
        self._applied: list[Applied] = []
        self._staged = 0
        storage.staging_open = True

    def write(self, ops: list[Op], history: list[dict[str, Any]], final: bool) -> list[Applied]:
        """Write and apply one line of fresh documents (the caller's dicts are kept, not
        copied); `final` commits it and every staged line before it."""
        if final and not ops and not self._staged:
            self._storage.staging_open = False
            return []
        applied = self._storage.append_line(ops, history, staged=not final, owned=True)
        if final:
            self._storage.staging_open = False
            self._applied = []
            self._storage.compact_if_long()
        else:
            self._staged += 1
            self._applied.extend(applied)
        return applied

    def abort(self) -> None:
        """Cut the staged lines off the journal and take their changes back."""
        if not self._storage.staging_open:
            return
        self._storage.staging_open = False
        self._storage.roll_back(self._bookmark, self._applied)
        self._applied = []
