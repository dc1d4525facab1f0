"""Records found among many by equality (core/equal_records.py): exactly the matches a
pass comparing each would find, each found with a comparison or two, not one per record
held (tr16 T4: importing 10,000 ledger decisions compared each with every one held)."""

from __future__ import annotations

from typing import Any

from workbench.core.equal_records import RecordIndex, not_held, record_key


class Counted(dict[str, Any]):
    """A record that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        Counted.compared += 1
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def merge(number: int, **more: object) -> dict[str, Any]:
    return {"action": "merge", "groups": [f"g-{number:010d}", "g-x"], **more}


def test_equal_records_have_one_key_and_the_index_finds_exactly_the_equal_ones() -> None:
    assert record_key(merge(1, at=1)) == record_key({"at": 1.0, **merge(1)})
    assert record_key({"a": [1, {"b": None}]}) == record_key({"a": [True, {"b": None}]})
    index: RecordIndex[str] = RecordIndex()
    index.add(merge(1), "first")
    index.add(merge(2), "second")
    index.add(merge(1), "again")
    index.add({"groups": ("g-0000000001", "g-x"), "action": "merge"}, "a tuple")
    assert index.found(merge(1)) == ["first", "again"]  # a tuple is no list: not equal
    assert index.found(merge(3)) == [] and index.found(None) == []


def test_the_records_not_held_are_kept_in_order_once_each() -> None:
    held = [merge(1), merge(2)]
    incoming = [merge(3), merge(1), merge(4), merge(3), merge(2), merge(5)]
    assert list(not_held(held, incoming)) == [merge(3), merge(4), merge(5)]


def test_a_record_is_compared_only_with_those_it_may_equal() -> None:
    held = [Counted(merge(number)) for number in range(2_000)]
    Counted.compared = 0
    new = list(not_held(held, [merge(number) for number in range(1_000, 3_000)]))
    assert new == [merge(number) for number in range(2_000, 3_000)]
    assert Counted.compared <= 1_000  # each held one found once; a pass: 3,000,000
