"""Which annotations to keep: one filter for the store, the export and the review screen.

Each field is a set of accepted values: values of one field are alternatives (any of
them matches), the fields must all match, and an empty field matches everything. The
filter reads an Annotation and a stored record (Annotation.to_record()'s dict) alike,
so the json export can filter records without building an Annotation for each.

Two values say "nothing recorded": UNTAGGED among `tags` keeps annotations without any
tag, None among `sources` those without a source (an empty source counts as none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter, not_
from typing import Any, TypeVar

from workbench.core.annotation import Annotation

UNTAGGED = "untagged"
"""A `tags` value: the annotation has no tag (only a source, note or status)."""

Item = TypeVar("Item")
Reader = Callable[..., Callable[[Any], Any]]
"""Field names to the function that reads them from an item (a tuple for several):
attrgetter for Annotations, itemgetter for records, attrgetter("annotation." + name)
for review rows."""
Test = tuple[str, Callable[[Any], bool], bool]
"""A field name (an Annotation attribute and a record key alike), a test of its value
and the answer that keeps the item."""


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """Accepted values per field; an empty set accepts any value."""

    article_ids: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    annotators: frozenset[str] = frozenset()
    sources: frozenset[str | None] = frozenset()
    anchor_states: frozenset[str] = frozenset()
    _tests: tuple[Test, ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if "" in self.sources:
            object.__setattr__(self, "sources", self.sources - {""} | {None})
        object.__setattr__(self, "_tests", self._compiled())

    @classmethod
    def of(
        cls,
        *,
        article_ids: Iterable[str] = (),
        tags: Iterable[str] = (),
        statuses: Iterable[str] = (),
        annotators: Iterable[str] = (),
        sources: Iterable[str | None] = (),
        anchor_states: Iterable[str] = (),
    ) -> AnnotationFilter:
        return cls(
            frozenset(article_ids),
            frozenset(tags),
            frozenset(statuses),
            frozenset(annotators),
            frozenset(sources),
            frozenset(anchor_states),
        )

    @property
    def is_empty(self) -> bool:
        return not self._tests

    def matches(self, annotation: Annotation) -> bool:
        # A loop, not all() over a generator: a third of the time per call.
        for name, test, keep in self._tests:  # noqa: SIM110
            if test(getattr(annotation, name)) is not keep:
                return False
        return True

    def matches_record(self, record: Mapping[str, Any]) -> bool:
        """matches() for a stored record (the same field names, tags as a list)."""
        for name, test, keep in self._tests:  # noqa: SIM110
            if test(record[name]) is not keep:
                return False
        return True

    def select(self, items: Iterable[Item], read: Reader = attrgetter) -> list[Item]:
        """The items that match, in their order; `read` gives each field's reader.

        Over 100,000 review rows or records this must cost no more than a hand-written
        loop: each comprehension tests up to three fields with C calls only (a reader,
        then a set's __contains__ or isdisjoint), no Python call per item, and the
        fields that keep the fewest items go first."""
        kept = list(items)
        checks = [(read(name), test, keep) for name, test, keep in self._tests]
        for at in range(0, len(checks), 3):
            kept = _passing(kept, checks[at : at + 3])
        return kept

    def _compiled(self) -> tuple[Test, ...]:
        """The rule, once: one test per field that holds values, those that usually
        keep fewest first (an article, a tag), the annotator last (a review always
        filters by it, and it keeps most)."""
        tests: list[Test] = []
        if self.article_ids:
            tests.append(("article_id", self.article_ids.__contains__, True))
        if self.tags:
            tests.append(_tags_test(self.tags))
        if self.sources:
            # An empty source is no source: "" is accepted wherever None is.
            accepted = self.sources | {""} if None in self.sources else self.sources
            tests.append(("source", accepted.__contains__, True))
        if self.statuses:
            tests.append(("status", self.statuses.__contains__, True))
        if self.anchor_states:
            tests.append(("anchor_state", self.anchor_states.__contains__, True))
        if self.annotators:
            tests.append(("annotator", self.annotators.__contains__, True))
        return tuple(tests)


def _tags_test(wanted: frozenset[str]) -> Test:
    """Any of the wanted tags; UNTAGGED also accepts no tag at all."""
    if wanted == {UNTAGGED}:
        return ("tags", not_, True)
    if UNTAGGED in wanted:
        return ("tags", lambda tags: not tags or not wanted.isdisjoint(tags), True)
    return ("tags", wanted.isdisjoint, False)


Check = tuple[Callable[[Any], Any], Callable[[Any], bool], bool]
"""A Test with its field's reader."""


def _passing(items: list[Item], checks: list[Check]) -> list[Item]:
    """The items passing one to three checks, in one comprehension."""
    match checks:
        case [(value, test, keep)]:
            return [item for item in items if test(value(item)) is keep]
        case [(value, test, keep), (value2, test2, keep2)]:
            return [
                item for item in items if test(value(item)) is keep and test2(value2(item)) is keep2
            ]
        case [(value, test, keep), (value2, test2, keep2), (value3, test3, keep3)]:
            return [
                item
                for item in items
                if test(value(item)) is keep
                and test2(value2(item)) is keep2
                and test3(value3(item)) is keep3
            ]
    raise ValueError(f"one to three checks, not {len(checks)}")
