"""What a build asks of one quote or one annotation again and again is read once, and the
summary is the same (tok13, issue 15: the cold summary at 100,000 annotations).

- a group's plain claims are read once per distinct quote where a claim of it denies
  (denials.denying_members), with the same members found as reading each one, and not
  at all when the ledger's words of them are given;
- each annotation's speaker is asked of SourceNames once per build (summary/build.py
  named_once), with the same summary, byte for byte, as asking it every time.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cache

import pytest
from rapidfuzz import fuzz

from bench.synthetic import synthetic_annotations, synthetic_articles
from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.ledger import denials
from workbench.core.analysis.ledger.answers import denied_clause
from workbench.core.analysis.ledger.claim_text import claim_text
from workbench.core.analysis.summary import build
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo

CLAIMS = (
    ("The Pentagon said 12,000 North Korean troops had been sent to Russia.", ("claim",)),
    ("The hospital said 52 people had died in the fire.", ("claim",)),
    ("Officials said the army had denied that 52 people had died.", ("claim",)),
    ("Ukraine said 12,000 troops were in Kursk and denied that Russia had retaken the town.",
     ("claim", "denial")),
    ("Russian Defence Minister Andrei Belousov denied that 12,000 North Korean soldiers had "
     "been sent to Russia.", ("claim", "denial")),
    ("Police denied that 52 people had died, saying the toll was 41.", ("claim", "denial")),
    ("Minister rejects union figure of missing workers", ("claim", "denial")),
)  # fmt: skip
"""qa6 Q5, qa8 Q9: plain claims (one reporting a denial itself) and claims that deny."""


def denying_as_before(members: Sequence[Annotation]) -> list[Annotation]:
    """denials.denying_members as it was before tok13: every plain claim read for every
    member (the reference the one read once must equal)."""
    both = [m for m in members if "claim" in m.tags and "denial" in m.tags]
    if not both or len(both) == len(members):
        return []
    plain = [
        (denials._tokens(m.quote), denied_clause(m.quote) is not None)
        for m in members
        if "denial" not in m.tags
    ]
    claimed = {(m.article_id, m.index) for m in members if "denial" not in m.tags}
    found = []
    for member in both:
        if (member.article_id, member.index) in claimed:
            continue
        quote = member.quote
        clause = denied_clause(quote) if plain else None
        if clause is None:
            continue
        inside, whole = denials._tokens(quote[clause[0] : clause[1]]), denials._tokens(quote)
        rest = denials._tokens(f"{quote[: clause[0]]} {quote[clause[1] :]}")
        if any(
            fuzz.ratio(inside, said) > fuzz.ratio(whole if reports else rest, said)
            for said, reports in plain
        ):
            found.append(member)
    return found


def groups_read(
    monkeypatch: pytest.MonkeyPatch, tokens: Callable[[str], str] | None
) -> Iterator[tuple[list[Annotation], Counter[str]]]:
    """Groups of up to 60 members drawn from CLAIMS (quotes repeated, as in a large group
    of the bench's database), some members on one sentence, each with the words read by
    denials._tokens (by text) while denying_members (given `tokens`) found the members
    denying_as_before finds, which it asserts."""
    read: Counter[str] = Counter()
    reader = denials._tokens

    def counted(text: str) -> str:
        read[text] += 1
        return reader(text)

    rng = random.Random(13)
    found_some = False
    for _ in range(200):
        members = [
            sentence_annotation(quote, index=rng.randrange(40), tags=tags, annotator=name)
            for name in ("alice", "bob")
            for quote, tags in rng.choices(CLAIMS, k=rng.randrange(1, 31))
        ]
        expected = denying_as_before(members)
        read.clear()
        with monkeypatch.context() as patched:
            patched.setattr(denials, "_tokens", counted)
            assert denials.denying_members(members, tokens) == expected
        yield members, read
        found_some = found_some or bool(expected)
    assert found_some


def test_a_groups_plain_claims_are_read_once_per_quote_with_the_same_members_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """denying_members finds the members reading every plain claim finds, and reads each
    distinct quote once."""
    for members, read in groups_read(monkeypatch, None):
        plain = {m.quote for m in members if "denial" not in m.tags}
        assert all(read[quote] <= 1 for quote in plain)


def test_a_groups_plain_claims_are_compared_by_the_words_the_ledger_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given the ledger's words of each quote (ClaimText.sorted_tokens), denying_members
    reads no plain claim's words again (nor keeps a second copy of them: issue 15) and
    finds the same members as reading every plain claim."""
    texts = {quote: claim_text(quote) for quote, _ in CLAIMS}
    for members, read in groups_read(monkeypatch, lambda quote: texts[quote].sorted_tokens):
        assert not read.keys() & {m.quote for m in members if "denial" not in m.tags}


@cache
def generated() -> tuple[list[Annotation], list[ArticleInfo]]:
    """3,000 annotations of two analysts on 200 of the bench's synthetic articles (their
    pronoun sources, denials aimed at several groups)."""
    articles = synthetic_articles(200)
    annotations = sorted(synthetic_annotations(articles, 3_000), key=lambda a: a.key)
    infos = [ArticleInfo(a.id, a.id, None, len(a.spans), None, None) for a in articles]
    return annotations, infos


@pytest.mark.parametrize("whose", ["analyst", None], ids=["one", "all"])
def test_each_annotations_speaker_is_asked_once_and_the_summary_is_the_same(
    monkeypatch: pytest.MonkeyPatch, whose: str | None
) -> None:
    annotations, infos = generated()
    settings = SummarySettings(annotator=whose)
    asked: Counter[int] = Counter()
    name_of = build.SourceNames.__call__

    def counted(names: build.SourceNames, annotation: Annotation) -> str | None:
        asked[id(annotation)] += 1
        return name_of(names, annotation)

    monkeypatch.setattr(build.SourceNames, "__call__", counted)
    once = build_summary(annotations, infos, settings)
    assert asked and max(asked.values()) == 1
    monkeypatch.setattr(build, "named_once", lambda names: names)  # asked every time
    every_time = build_summary(annotations, infos, settings)
    assert max(asked.values()) > 1  # the build does ask again
    assert once == every_time
    assert once.to_json_bytes() == every_time.to_json_bytes()
