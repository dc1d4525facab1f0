"""The kept summaries' interface, shared by both engines (store/kept.py, store/postgres/kept.py).

A module of its own so that the server's side can implement it without importing the
file store's side, which picks the engine.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Self


class EntryDamaged(ValueError):
    """A kept entry read a part at a time failed its checksum (or could not be read to
    its end): none of its parts may be trusted. The reason is in `warnings`."""


class KeptSummaries(ABC):
    """The content token of one database and the outputs kept for it."""

    warnings: list[str]
    """Damage found and keeps that failed, one line each (a keep never raises)."""

    @abstractmethod
    def token(self) -> str:
        """The database's content token now: equal tokens, equal content (whoever
        wrote it, of whatever version). Never raises: a database that cannot be read
        gives a token nothing is kept under."""

    @abstractmethod
    def get(self, key: str) -> bytes | None:
        """The bytes kept under `key`, or None; damage is named in `warnings`, never
        served. Writes nothing, creates nothing."""

    @contextlib.contextmanager
    def streamed(self, key: str) -> Iterator[Iterator[bytes] | None]:
        """The bytes kept under `key` a part at a time, or None (as get()): a large
        entry is never held whole. The parts are checked as they are read and end by
        raising EntryDamaged if they were not the bytes kept, so write them only where
        that can be undone (a temporary file renamed once they are all written).
        This default reads the whole entry with get(), already checked."""
        data = self.get(key)
        yield None if data is None else iter((data,))

    def put(self, key: str, data: bytes, token: str) -> bool:
        """put_many({key: data}, token)."""
        return self.put_many({key: data}, token)

    @abstractmethod
    def put_many(self, entries: Mapping[str, bytes], token: str) -> bool:
        """Keep `entries` (atomically: a reader sees all of an entry or none) if the
        token is still `token` (the race rule); entries kept under other tokens are
        dropped. False if not kept (the token moved: silently; a failed write: the
        reason in `warnings`). Takes no lock of the database's writer."""

    def keepable(self, token: str) -> bool:
        """Whether outputs may be kept under `token` at all (a keeper asks before it
        computes; put checks it too). True unless the engine says otherwise."""
        return True

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
