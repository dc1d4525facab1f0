"""Kept summaries: outputs made from a database's content, served while that content stands.

A summary of 100,000 annotations takes seconds to compute and a tenth of that to serve.
A keeper (a process run after a writer) computes it and keeps it under a key derived
from the content token (below) and every other input; the summary command serves it
only if the key it derives now finds it. The store's part is the token, reachable
without opening the database, and where the kept bytes live.

The race rule. The token is taken without any lock while writers go on, so:
- a keeper takes the token (T1) BEFORE its read-only open, reads and computes, and
  passes T1 to put(): put takes the token again (T2) and keeps only if T1 == T2. Then no
  write of content happened between the two (every such write changes the token, and a
  token never comes back: journals only grow, a PostgreSQL write makes new row
  versions), so what the keeper read is the content of T1 (a cursor moved meanwhile
  changes nothing it says: content_token.py). One residue, new with that: a read-only
  open that catches a position record half written (one small write straddling the
  whole read, which replay_consistently re-reads when it sees the journal move) would
  keep its "dropped an incomplete last change" line under T1;
- a reader takes the token and then get()s the key made from it: it serves the output of
  a content the database really had when it took the token, as a read-only open does.

`kept_summaries(location)` opens neither the database nor a lock: the file store's
token is a digest of its files (content_token.py), PostgreSQL's one query
(postgres/kept.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from store.content_token import FILE_PREFIX, file_token, token_state
from store.errors import CorruptDatabaseError
from store.kept_file import KeptFile
from store.kept_summaries import KeptSummaries
from store.replay import database_files
from store.snapshot import load_snapshot
from workbench.core.files.atomic import link_target
from workbench.core.files.database_url import is_server_url

_KEEPABLE: dict[str, bool] = {}
"""FileKept.keepable's answers by token (a keeper asks once per analyst)."""
_SNAPSHOT_NUMBERS: dict[str, int | None] = {}
"""The journal number a snapshot of these bytes (by sha256) begins at (None: none
checked), for FileKept.keepable: a keeper following a session asks at every save's
token, with the snapshot unchanged (68 MB parsed again each time: 2.3 s at load 7)."""


def kept_summaries(location: Path | str) -> KeptSummaries:
    """The kept summaries of the database at `location` (a file path or a postgresql://
    URL, as open_store takes it). Connects to a server only when first asked."""
    if isinstance(location, str) and is_server_url(location):
        from store.postgres.kept import ServerKept

        return ServerKept(location)
    return FileKept(Path(location).expanduser())


class FileKept(KeptSummaries):
    """Kept summaries of a file database: the token of its files, FILE.kept beside it."""

    def __init__(self, path: Path) -> None:
        self.path = link_target(path)
        self.warnings: list[str] = []
        self._file = KeptFile(self.path, self.warnings)

    def token(self) -> str:
        return file_token(self.path, self._file.digests())

    def get(self, key: str) -> bytes | None:
        return self._file.get(key)

    @contextlib.contextmanager
    def streamed(self, key: str) -> Iterator[Iterator[bytes] | None]:
        with self._file.streamed(key) as parts:
            yield parts

    def put_many(self, entries: Mapping[str, bytes], token: str) -> bool:
        files = database_files(self.path)
        if not token.startswith(FILE_PREFIX) or not files:
            return False  # nothing pinned down, or no database to keep anything beside
        state = token_state(self.path, self._file.digests())
        if state.token != token or not self.keepable(token):
            return False
        size = sum(file.stat().st_size for file in files if file.exists())
        return self._file.keep(token, entries, reserve=size, digests=state.digests)

    def keepable(self, token: str) -> bool:
        """Whether the live journal's hashed lines reach the snapshot's number: then how
        many position records follow them (the token leaves them out) never decides
        whether the database opens (replay refuses a journal that ends before the
        snapshot's number). A writer's journal always does (it begins at that number);
        this is for files put together otherwise. The snapshot is parsed (a keeper's
        second, asked before it computes, not a reader's): its number is not in bytes
        the token can trust unread. Remembered per token in this process: equal tokens
        have the same snapshot and the same hashed lines."""
        if token not in _KEEPABLE:
            found = self._reaches_snapshot(token)
            if found is None:
                return False  # the token moved meanwhile: nothing is kept under it now
            _KEEPABLE[token] = found
        return _KEEPABLE[token]

    def _reaches_snapshot(self, token: str) -> bool | None:
        """keepable(), or None when the database is not at `token` now. The snapshot's
        number is remembered by the snapshot's sha256 where the token recorded one (the
        racily-clean rule: those very bytes), so a new token over the same snapshot (a
        save in the live journal) parses nothing."""
        state = token_state(self.path, self._file.digests())
        if state.token != token:
            return None
        if state.hashed_seq is None:
            return True  # no position is left out of this token
        digest = next((d.sha256 for d in state.digests if d.name == self.path.name), None)
        if digest is not None and digest in _SNAPSHOT_NUMBERS:
            number = _SNAPSHOT_NUMBERS[digest]
        else:
            try:
                snapshot = load_snapshot(self.path)
            except (CorruptDatabaseError, OSError):
                return None
            number = None if snapshot is None or not snapshot.checked else snapshot.journal_seq
            del snapshot
            if token_state(self.path, self._file.digests()).token != token:
                return None  # the snapshot read may not be the one hashed
            if digest is not None:
                _SNAPSHOT_NUMBERS[digest] = number
        return number is None or number <= state.hashed_seq

    def close(self) -> None:
        """Nothing is held open between calls."""
