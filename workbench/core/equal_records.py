"""Records found among many by equality (==) in one lookup, not one comparison each.

Ledger decisions are JSON records matched by equality: an import adds those the ledger
does not hold, an undo takes back the decision whose record it holds. Compared one by
one, each was a pass over every record held: importing 10,000 decisions took 19 s of
comparisons into a file database and 4 minutes of queries into a server, and a ledger of
10,000 undos matching nothing made every summary 5 s slower (tr16 T4). `record_key` is
hashable and the same for equal records, so an index finds the few candidates, which ==
then confirms: exactly the matches a pass over them all would find.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


def record_key(value: object) -> Hashable:
    """A hashable stand-in for a JSON value, equal for equal values (unequal values may
    share one: a list and a tuple, two objects of a type JSON does not have)."""
    if isinstance(value, Mapping):
        return frozenset((name, record_key(item)) for name, item in value.items())
    if isinstance(value, list | tuple):
        return tuple(map(record_key, value))
    if value is None or isinstance(value, str | int | float):
        return value  # 1 == 1.0 == True: equal, and hashed alike
    return type(value).__name__


class RecordIndex(Generic[T]):
    """Values filed under records, found by a record equal to one of theirs."""

    def __init__(self) -> None:
        self._filed: dict[Hashable, list[tuple[object, T]]] = {}

    def add(self, record: object, value: T) -> None:
        self._filed.setdefault(record_key(record), []).append((record, value))

    def found(self, record: object) -> list[T]:
        """The values filed under a record equal to `record`, in the order filed."""
        candidates = self._filed.get(record_key(record), ())
        return [value for held, value in candidates if held == record]


def not_held(held: Iterable[object], records: Iterable[T]) -> Iterator[T]:
    """Each of `records` equal to none of `held` nor to an earlier one of `records`, in
    order (a ledger's new decisions, in both stores)."""
    index: RecordIndex[None] = RecordIndex()
    for record in held:
        index.add(record, None)
    for record in records:
        if not index.found(record):
            index.add(record, None)
            yield record
