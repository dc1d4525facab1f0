"""An import's ledger decisions checked as its annotations are (qa4 Q6): a record of an
action this version does not know, a merge or split it cannot read, a sentence of an
article nobody knows, or one beyond its article's sentences, an undo, redo or reanchor
that is not its decision's own (move_clash: it would take back or replace another
analyst's decision, or put another in its place, tr17), is refused with the
record's place (`$.decisions[0].members[0][0]`), and nothing is imported.

A decision's sentence index is of the text it was made on: checked against that text's
sentence count when the record names it (`texts`) and it is known (the file's own
article list, or the corpus, by sha256); a record from before names none, and its index
is refused only beyond every known version of the article (it may be of an earlier
one; re-anchoring places it).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

from workbench.core.analysis.ledger.decisions import (
    Dismiss,
    Merge,
    Sentenced,
    Split,
    UnreadableDecision,
    decision_from_record,
    move_clash,
)
from workbench.core.corpus.articles import Article
from workbench.core.interchange.decision_shape import MOVES, decision_shape_problem
from workbench.core.interchange.importing import ImportFileError, Location, shorten


class SentenceCounts:
    """How many sentences each known text of an article has (article id -> sha256 ->
    count), from the file's article list and the corpus."""

    def __init__(self, listed: Iterable[Mapping[str, Any]], corpus: Mapping[str, Article]) -> None:
        self.counts: dict[str, dict[str, int]] = {}
        for record in listed:
            count = record.get("sentences")
            if isinstance(count, int):
                self.counts.setdefault(str(record["id"]), {})[str(record["sha256"])] = count
        for article in corpus.values():
            self.counts.setdefault(article.id, {})[article.sha256] = len(article.sentences)

    def of(self, article_id: str, texts: Mapping[str, str]) -> int | None:
        """The count of the text a decision's sentence of `article_id` was made on (its
        `texts`); for a record without them, the largest of the article's known texts
        (it may be of an earlier one: an index beyond every one is surely wrong); None
        when no text of it is known."""
        known = self.counts.get(article_id, {})
        if article_id in texts:
            return known.get(texts[article_id])
        return max(known.values(), default=None)


def check_decisions(
    records: Sequence[Mapping[str, Any]],
    known: Container[str],
    counts: SentenceCounts,
    where: Location,
) -> None:
    """ImportFileError at the first decision record that is not one this version reads,
    names an article not `known` (the file's list, the database, the corpus), or a
    sentence beyond its article."""
    for number, record in enumerate(records):
        _check(record, known, counts, where.at(f"$.decisions[{number}]"))


def _check(
    record: Mapping[str, Any], known: Container[str], counts: SentenceCounts, where: Location
) -> None:
    problem = decision_shape_problem(record) or move_clash(record)
    if problem is not None:
        raise ImportFileError(where.at(problem[0]), problem[1])
    _check_sentences(record, known, counts, where)


def _check_sentences(
    record: Mapping[str, Any], known: Container[str], counts: SentenceCounts, where: Location
) -> None:
    """The articles and sentences a decision record of a readable shape names."""
    action = str(record.get("action"))
    if action in MOVES:
        for name in MOVES[action]:
            _check_sentences(record[name], known, counts, where.at(f"$.{name}"))
        return
    decision = decision_from_record(record)
    assert not isinstance(decision, UnreadableDecision)  # decision_shape_problem said so
    texts = dict(decision.anchoring.texts)
    for place, (article_id, index) in _sentences(decision):
        if article_id not in known:
            raise ImportFileError(
                where.at(place),
                f"unknown article {shorten(repr(article_id), 80)} (not in the file's "
                "articles, the database or the corpus)",
            )
        count = counts.of(article_id, texts)
        if count is not None and not 0 <= index < count:
            raise ImportFileError(
                where.at(place),
                f"no sentence {index + 1} in article {shorten(repr(article_id), 80)} "
                f"({count} sentences)",
            )


def _sentences(decision: Sentenced) -> list[tuple[str, tuple[str, int]]]:
    """Every sentence a decision names, with its JSON path in the record."""
    if isinstance(decision, Split):
        _annotator, article_id, index = decision.member
        return [("$.member[1]", (article_id, index))]
    if isinstance(decision, Dismiss):
        return [
            (f"$.figures[{n}].key[1]", (figure.key[1], figure.key[2]))
            for n, figure in enumerate(decision.figures)
        ]
    assert isinstance(decision, Merge)
    return [
        (f"$.members[{group}][{item}]", sentence)
        for group, sentences in enumerate(decision.members)
        for item, sentence in enumerate(sentences)
    ] + [(f"$.to_check[{n}]", sentence) for n, sentence in enumerate(decision.anchoring.to_check)]
