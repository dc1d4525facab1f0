"""AnnotationIndex: annotation key -> document id, so reads and writes never scan.

A TinyDB query over 100,000 documents takes about half a second; these dicts answer
get() in O(1), for_article() in O(sentences) and tagged_counts() in O(articles).

Orphans (anchor_state "orphaned") are on no sentence, so they never take a key: they
are listed apart, per (annotator, article), and a new annotation of the sentence their
old index names is free to take it. For each article the index also counts the texts
(article_sha256) its placed annotations were anchored to, so that telling whether an
article needs re-anchoring costs one look-up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from workbench.core.annotation import ORPHANED, AnnotationKey

ArticleKey = tuple[str, str]
"""(annotator, article_id)."""


def record_key(record: Mapping[str, Any]) -> AnnotationKey:
    """The (annotator, article_id, index) of a stored record; KeyError/ValueError if absent."""
    return (str(record["annotator"]), str(record["article_id"]), int(record["index"]))


def past_its_sentences(last: int | None, sentences: object) -> bool:
    """Whether a placed annotation on sentence index `last` is past the `sentences` its
    article was last seen with, on that very text: the store never writes one (an edit
    outside workbench: tr11 T8), so the article is re-anchored, not read as whole."""
    return type(sentences) is int and last is not None and last >= sentences


class AnnotationIndex:
    """Where each annotation is stored, grouped by article, with counts of tagged ones."""

    def __init__(self) -> None:
        self._by_article: dict[ArticleKey, dict[int, str]] = defaultdict(dict)
        self._tagged: dict[ArticleKey, int] = defaultdict(int)
        self._hashes: dict[str, dict[str, int]] = defaultdict(dict)
        """article_id -> article_sha256 -> placed annotations anchored to that text."""
        self._annotators: dict[str, dict[str, int]] = defaultdict(dict)
        """article_id -> annotator -> placed annotations."""
        self._orphans: dict[ArticleKey, dict[str, None]] = defaultdict(dict)
        """(annotator, article_id) -> document ids of orphans, in the order they came."""
        self._orphan_annotators: dict[str, dict[str, int]] = defaultdict(dict)
        """article_id -> annotator -> orphans (which articles have orphans, at once)."""
        self._size = 0
        self._orphan_count = 0

    @classmethod
    def of(cls, table: Mapping[str, Mapping[str, Any]]) -> AnnotationIndex:
        """Index every record of the annotations table (add() inlined: 100,000 records
        are indexed on every open). ValueError for a sentence index that is not an int
        or two placed records on one key: read leniently, one would hide the other, or
        a record would be shown on a sentence its text is not (a string "3" read as 3)."""
        index = cls()
        by_article = index._by_article
        tagged = index._tagged
        hashes = index._hashes
        annotators = index._annotators
        for doc_id, record in table.items():
            annotator = str(record["annotator"])
            article_id = str(record["article_id"])
            group = (annotator, article_id)
            sentence = record["index"]
            if type(sentence) is not int:
                sentence = _sentence_index(doc_id, sentence)
            if record.get("anchor_state") == ORPHANED:
                index._orphans[group][doc_id] = None
                index._orphan_count += 1
                _add(index._orphan_annotators[article_id], annotator)
                continue
            sentences = by_article[group]
            if sentence in sentences:
                raise ValueError(
                    f"annotations {sentences[sentence]} and {doc_id} are both {annotator!r}'s "
                    f"on sentence {sentence + 1} of {article_id!r}"
                )
            index._size += 1
            sentences[sentence] = doc_id
            if record.get("tags"):
                tagged[group] += 1
            _add(hashes[article_id], str(record["article_sha256"]))
            _add(annotators[article_id], annotator)
        return index

    def __len__(self) -> int:
        """Placed annotations (orphans are counted apart, by orphan_count)."""
        return self._size

    @property
    def orphan_count(self) -> int:
        return self._orphan_count

    def doc_id(self, key: AnnotationKey) -> str | None:
        annotator, article_id, sentence = key
        sentences = self._by_article.get((annotator, article_id))
        return sentences.get(sentence) if sentences else None

    def in_article(self, annotator: str, article_id: str) -> Mapping[int, str]:
        """Sentence index -> document id for one annotator's article."""
        return self._by_article.get((annotator, article_id), {})

    def annotators_of(self, article_id: str) -> list[str]:
        """Who has placed annotations in the article, sorted."""
        return sorted(self._annotators.get(article_id, {}))

    def annotators(self) -> list[str]:
        """Everyone with a placed annotation, sorted (no record read)."""
        return sorted({who for counts in self._annotators.values() for who in counts})

    def last_sentence(self, article_id: str) -> int:
        """The highest sentence index a placed annotation of the article is on (-1: none)."""
        return max(
            (
                max(self.in_article(who, article_id), default=-1)
                for who in self._annotators.get(article_id, {})
            ),
            default=-1,
        )

    def anchor_hashes(self, article_id: str) -> Mapping[str, int]:
        """article_sha256 -> how many placed annotations of the article were anchored to it."""
        return self._hashes.get(article_id, {})

    def articles(self) -> list[str]:
        """Every article with a placed annotation."""
        return list(self._hashes)

    def orphans(self, annotator: str | None = None, article_id: str | None = None) -> list[str]:
        """Document ids of orphans (of one annotator and/or article when given), sorted by
        (annotator, article) and then in the order they were orphaned."""
        if annotator is None and article_id is not None:
            return [
                doc_id
                for who in sorted(self._orphan_annotators.get(article_id, {}))
                for doc_id in self._orphans.get((who, article_id), ())
            ]
        return [
            doc_id
            for (who, article), doc_ids in sorted(self._orphans.items())
            if (annotator is None or who == annotator)
            and (article_id is None or article == article_id)
            for doc_id in doc_ids
        ]

    def has_orphans(self, article_id: str) -> bool:
        return article_id in self._orphan_annotators

    def orphans_of(self, annotator: str, article_id: str) -> list[str]:
        """Document ids of one annotator's orphans of one article."""
        return list(self._orphans.get((annotator, article_id), ()))

    def doc_ids(self, annotator: str | None = None, ordered: bool = True) -> list[str]:
        """Document ids of placed annotations in key order (annotator, article, sentence),
        of one annotator or of all for None: sorting the groups and then each group's
        sentences is much cheaper than sorting every key. Unordered, they come in no
        particular order, for a reader that sorts them its own way anyway."""
        if not ordered:
            return [
                doc_id
                for (who, _article_id), sentences in self._by_article.items()
                if annotator is None or who == annotator
                for doc_id in sentences.values()
            ]
        groups = sorted(key for key in self._by_article if annotator is None or key[0] == annotator)
        ordered_ids: list[str] = []
        for group in groups:
            sentences = self._by_article[group]
            ordered_ids.extend(sentences[sentence] for sentence in sorted(sentences))
        return ordered_ids

    def tagged_counts(self, annotator: str) -> dict[str, int]:
        """article_id -> number of this annotator's sentences with at least one tag."""
        return {
            article_id: count
            for (who, article_id), count in self._tagged.items()
            if who == annotator and count
        }

    def add(self, doc_id: str, record: Mapping[str, Any]) -> None:
        annotator, article_id, sentence = record_key(record)
        group = (annotator, article_id)
        if record.get("anchor_state") == ORPHANED:
            if doc_id not in self._orphans[group]:
                self._orphans[group][doc_id] = None
                self._orphan_count += 1
                _add(self._orphan_annotators[article_id], annotator)
            return
        sentences = self._by_article[group]
        if sentence not in sentences:
            self._size += 1
        sentences[sentence] = doc_id
        if record.get("tags"):
            self._tagged[group] += 1
        _add(self._hashes[article_id], str(record["article_sha256"]))
        _add(self._annotators[article_id], annotator)

    def remove(self, doc_id: str, record: Mapping[str, Any]) -> None:
        annotator, article_id, sentence = record_key(record)
        group = (annotator, article_id)
        if record.get("anchor_state") == ORPHANED:
            orphans = self._orphans.get(group)
            if orphans is not None and doc_id in orphans:
                del orphans[doc_id]
                self._orphan_count -= 1
                _subtract(self._orphan_annotators, article_id, annotator)
                if not orphans:
                    del self._orphans[group]
            return
        sentences = self._by_article.get(group)
        if sentences is None or sentences.get(sentence) != doc_id:
            return
        del sentences[sentence]
        self._size -= 1
        if record.get("tags"):
            self._tagged[group] -= 1
        if not sentences:
            del self._by_article[group]
        _subtract(self._hashes, article_id, str(record["article_sha256"]))
        _subtract(self._annotators, article_id, annotator)

    def replace(
        self, doc_id: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
    ) -> None:
        """Follow one put or delete of a document."""
        self.follow([(doc_id, before, after)])

    def follow(
        self, changes: list[tuple[str, Mapping[str, Any] | None, Mapping[str, Any] | None]]
    ) -> None:
        """Follow puts and deletes made together: every old record out first, then every
        new one in, so that annotations trading sentences (a re-anchoring after two
        paragraphs swapped) never find their new key still held."""
        for doc_id, before, _after in changes:
            if before is not None:
                self.remove(doc_id, before)
        for doc_id, _before, after in changes:
            if after is not None:
                self.add(doc_id, after)


def _sentence_index(doc_id: str, value: Any) -> int:
    """A sentence index that is not an int: a whole float (a file from before checksums
    may hold one) as an int; ValueError for anything else (a string, a bool, 2.5)."""
    if type(value) is float and value.is_integer():
        return int(value)
    raise ValueError(f"annotation {doc_id}: sentence index {value!r} is not a whole number")


def _add(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def _subtract(counts: dict[str, dict[str, int]], outer: str, key: str) -> None:
    """One fewer of counts[outer][key]; emptied counters are removed."""
    inner = counts.get(outer)
    if inner is None or key not in inner:
        return
    inner[key] -= 1
    if not inner[key]:
        del inner[key]
        if not inner:
            del counts[outer]
