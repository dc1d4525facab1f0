"""Decisions made on another text of an article than the one a summary reads.

A merge, split or dismissal names sentences by number on the texts it records (`texts`: article id
-> sha256). Re-anchoring moves a decision with its sentences onto a new text
(core/anchoring/decisions.py), but a record can reach a summary still naming another
text: imported from a colleague's database without their annotations of that article
(no plan moved it), held from a text the database has since left, written by hand or
by SQL. Its numbers are of that text: applied to the text read, a split took out, and a
merge joined, whatever sentences now have those numbers (tr17: a split recorded on a
text the database never saw split sentence 2 of the text read, without a word). Such a
decision is read as one that no longer applies: its sentences there are `lost`, and the
report names it with them ("not in its article's text now: was sentence 2 of …").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from workbench.core.analysis.ledger.decisions import (
    Dismiss,
    LedgerDecision,
    Lost,
    Sentence,
    Sentenced,
    Split,
)


def on_texts_read(
    decisions: Iterable[LedgerDecision], read: Mapping[str, str]
) -> tuple[LedgerDecision, ...]:
    """`decisions`, each one made on another text of an article than `read` names for
    it (article id -> the sha256 of the text the summary reads) marked lost there."""
    return tuple(_on_text_read(decision, read) for decision in decisions)


def _on_text_read(decision: LedgerDecision, read: Mapping[str, str]) -> LedgerDecision:
    if not isinstance(decision, Sentenced) or decision.anchoring.lost:
        return decision
    elsewhere = {
        article_id
        for article_id, sha256 in decision.anchoring.texts
        if read.get(article_id, sha256) != sha256
    }
    if not elsewhere:
        return decision
    lost = [Lost(*sentence) for sentence in _sentences(decision) if sentence[0] in elsewhere]
    if not lost:
        return decision  # a merge of before names no sentence: found by its groups' names
    anchoring = dataclasses.replace(decision.anchoring, lost=tuple(dict.fromkeys(lost)))
    return dataclasses.replace(decision, anchoring=anchoring)


def _sentences(decision: Sentenced) -> list[Sentence]:
    if isinstance(decision, Split):
        return [(decision.member[1], decision.member[2])]
    if isinstance(decision, Dismiss):
        return [(figure.key[1], figure.key[2]) for figure in decision.figures]
    return [sentence for group in decision.members for sentence in group]
