"""The merges and splits a summary did not apply, in an analyst's words: which claims
("“title”, sentence 4", as the report labels a sentence everywhere, never an id) and why.

Two reasons must never read alike (qa20 #9): a decision on an article this summary did
not read is not applied *here* and applies again where that article is read, while one
whose sentence left its article's text, or whose claims are no claims any more, no longer
applies. The first read as the second ("Decisions that no longer apply: merge of 2 claim
groups"), naming no claim.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from workbench.core.analysis.ledger.decisions import (
    Merge,
    Sentence,
    Split,
    decision_articles,
)
from workbench.core.analysis.summary.model import sentence_label

TitleOf = Callable[[str], str | None]
"""An article's short title, or None when the summary knows none (then no id is shown)."""

QUOTE_CHARS = 80
"""How much of a lost sentence's text is shown."""


def not_applied_words(
    decision: Merge | Split,
    read: Collection[str],
    title_of: TitleOf,
    homes: Mapping[Sentence, int],
) -> str:
    """A merge or split not applied: what it did, naming its claims, and why it was not
    applied (ledger/decisions.apart_not_read tells which list it is in). `homes`: each
    claimed sentence of the summary -> its group's number."""
    named = _named(decision, title_of)
    if decision.anchoring.lost:
        lost = _lost(decision, title_of)
        return f"{named}: no longer applies, its article's text changed ({lost})"
    unread = sorted(decision_articles(decision) - set(read))
    if unread:
        return f"{named}: not applied here, {_not_read(unread, title_of)}"
    return f"{named}: no longer applies, {_gone(decision, homes, title_of)}"


def _named(decision: Merge | Split, title_of: TitleOf) -> str:
    if isinstance(decision, Split):
        _annotator, article_id, index = decision.member
        return f"split of {places([(article_id, index)], title_of)} from its group"
    count = f"merge of {len(decision.groups)} claim groups"
    if not decision.members:  # recorded before merges kept their sentences
        return count
    return f"{count}: " + ", with ".join(places(group, title_of) for group in decision.members)


def places(sentences: Iterable[Sentence], title_of: TitleOf) -> str:
    """Sentences as the report names them, by article in reading order: "“A”, sentence
    4", "“A”, sentences 4 and 6 and “B”, sentence 2"; an article with no title known is
    "an article not read"."""
    by_article: dict[str, list[int]] = {}
    for article_id, index in sorted(set(sentences)):
        by_article.setdefault(article_id, []).append(index)
    named = []
    for article_id, indexes in by_article.items():
        title = title_of(article_id)
        where = f"“{title}”" if title else "an article not read"
        if len(indexes) == 1:
            named.append(f"{where}, {sentence_label(indexes[0])}")
        else:
            numbers = [str(index + 1) for index in indexes]
            named.append(f"{where}, sentences {', '.join(numbers[:-1])} and {numbers[-1]}")
    return " and ".join(named)


def _not_read(unread: list[str], title_of: TitleOf) -> str:
    titles = [f"“{title}”" for article_id in unread if (title := title_of(article_id))]
    if len(titles) < len(unread):
        return (
            "its article is not in this summary"
            if len(unread) == 1
            else f"{len(unread)} of its articles are not in this summary"
        )
    if len(titles) == 1:
        return f"its article {titles[0]} is not in this summary"
    return f"its articles {', '.join(titles[:-1])} and {titles[-1]} are not in this summary"


def _lost(decision: Merge | Split, title_of: TitleOf) -> str:
    named = []
    for lost in decision.anchoring.lost:
        quote = lost.quote or ""
        text = f"“{quote[: QUOTE_CHARS - 1]}…”" if len(quote) > QUOTE_CHARS else f"“{quote}”"
        was = f"was {places([(lost.article_id, lost.index)], title_of)}"
        named.append(f"{text}, {was}" if quote else was)
    return "not in it now: " + "; ".join(named)


def _gone(decision: Merge | Split, homes: Mapping[Sentence, int], title_of: TitleOf) -> str:
    """Why a decision wholly on articles read did not apply, from the groups now."""
    if isinstance(decision, Split):
        sentence = (decision.member[1], decision.member[2])
        if sentence not in homes:
            return "that sentence is no claim now"
        if sum(1 for group in homes.values() if group == homes[sentence]) == 1:
            return f"that claim is a group of its own now (group {homes[sentence]})"
        return "its claim group is not found"
    unclaimed = {s for group in decision.members for s in group if s not in homes}
    if unclaimed:
        verb = "is no claim" if len(unclaimed) == 1 else "are no claims"
        return f"{places(unclaimed, title_of)} {verb} now"
    groups = {homes[s] for group in decision.members for s in group}
    if len(groups) == 1:
        return f"its claims are one group now (group {groups.pop()})"
    return "its claim groups are not found"
