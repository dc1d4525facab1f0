"""LiveLedger: after any sequence of changes, the Ledger build_ledger() gives.

The changes are what an analyst does to the gold annotations of the bundled articles
(claim and denial tags on and off, sources, deletions, new sentences), with knobs that
make keys and names cross their thresholds often (a tiny max_block, one key per claim)
as well as the defaults. After each change (or a few) the live ledger is compared with
build_ledger() over the annotations as they are.
"""

from __future__ import annotations

import random
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.synthetic import synthetic_annotations, synthetic_articles
from tests.fixtures.denial_stories import (
    FLOOD_TOLL,
    MAYORS_FIGURE,
    MAYORS_FIGURE_SAID_AFTER,
    PORT_STRIKE,
    TWO_CLAIMS_DENIED_BY_CLAIMANT,
    TWO_CLAIMS_DENIED_BY_FIGURE,
    TWO_CLAIMS_DENIED_RIGHT_AFTER,
    told,
)
from tests.fixtures.gold import load_gold
from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.ledger.denials import FIRST_TEXTS
from workbench.core.analysis.ledger.ledger import LedgerGroup, build_ledger
from workbench.core.analysis.ledger.live import LiveLedger
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Anchor, Annotation, AnnotationKey
from workbench.core.corpus.articles import Corpus, load_corpus

TAG_SETS = ((), ("claim",), ("denial",), ("claim", "denial"), ("claim", "attribution"),
            ("attribution",))  # fmt: skip
SOURCES = (None, "General Ryder", "Pat Ryder", "Vasily Nebenzia", "NATO", "Ukraine")


@cache
def corpus() -> Corpus:
    return load_corpus()


@cache
def gold() -> tuple[Annotation, ...]:
    return tuple(load_gold(corpus()))


def stripped(annotation: Annotation) -> str | None:
    """build_ledger()'s own naming of a source."""
    return annotation.source.strip() if annotation.source else None


def sentence(article: int, index: int) -> Annotation:
    found = corpus().articles[article % len(corpus().articles)]
    line = found.sentences[index % len(found.sentences)]
    anchor = Anchor.in_text(found.id, found.sha256, found.text, line.index, line.start, line.end)
    return Annotation.new(anchor, "gold")


def follow(
    knobs: LedgerSettings,
    steps: list[tuple[int, int, int | None, int]],
    every: int = 1,
) -> LiveLedger:
    """Apply the steps (article, sentence, tag set or None to delete, source) to the
    gold annotations, comparing with build_ledger() every `every` steps."""
    current: dict[AnnotationKey, Annotation] = {a.key: a for a in gold()}
    live = LiveLedger(current.values(), knobs, stripped)
    assert live.ledger() == build_ledger(sorted(current.values(), key=lambda a: a.key), knobs)
    for number, (article, index, tags, source) in enumerate(steps):
        blank = sentence(article, index)
        before = current.get(blank.key)
        after = None
        if tags is not None:
            after = (before or blank).changed(tags=TAG_SETS[tags], source=SOURCES[source])
            after = None if after.is_blank else after
        if after is None:
            current.pop(blank.key, None)
        else:
            current[blank.key] = after
        live.apply(before, after)
        if number % every == 0 or number == len(steps) - 1:
            expected = build_ledger([current[key] for key in sorted(current)], knobs)
            assert live.ledger() == expected
    return live


KNOBS = st.builds(
    LedgerSettings,
    max_block=st.sampled_from([2, 4, 1000]),
    keys_per_claim=st.sampled_from([1, 2]),
    max_reps=st.sampled_from([2, 40]),
    max_subject_groups=st.sampled_from([1, 100]),
    denial_threshold=st.sampled_from([40.0, 70.0]),
)
STEP = st.tuples(
    st.integers(0, 4),
    st.integers(0, 40),
    st.one_of(st.none(), st.integers(0, len(TAG_SETS) - 1)),
    st.integers(0, len(SOURCES) - 1),
)


@settings(max_examples=30, deadline=None)
@given(KNOBS, st.lists(STEP, min_size=1, max_size=15), st.integers(1, 4))
@example(  # a claim's source changed, then the claim deleted, both before one ledger()
    LedgerSettings(max_block=2, keys_per_claim=1, max_reps=2, max_subject_groups=1),
    [(0, 0, None, 0), (3, 1, 1, 0), (3, 1, None, 0)],
    2,
)
def test_random_changes_give_build_ledgers_ledger(
    knobs: LedgerSettings, steps: list[tuple[int, int, int | None, int]], every: int
) -> None:
    follow(knobs, steps, every)


def test_long_random_sequences_give_build_ledgers_ledger() -> None:
    """Longer than hypothesis draws (seeded: the same every run), tagging sentences
    the gold left untagged as well as untagging gold claims."""
    rng = random.Random(15)
    for knobs in (LedgerSettings(), LedgerSettings(max_block=3, keys_per_claim=1)):
        steps = [
            (
                rng.randrange(5),
                rng.randrange(60),
                rng.choice([None, *range(len(TAG_SETS))]),
                rng.randrange(len(SOURCES)),
            )
            for _ in range(40)
        ]
        follow(knobs, steps)


def test_generated_annotations_follow_build_ledger() -> None:
    """The bench's synthetic articles (many versions of each claim, figures in the
    same buckets, denials aimed by subject): claims and denials toggled at random, half
    of them claims of groups of more than FIRST_TEXTS texts (a group made again with
    the same first texts keeps the verdicts the texts added or taken do not touch)."""
    articles = synthetic_articles(150)
    start = [a for a in synthetic_annotations(articles, 2_000) if a.annotator == "analyst"]
    rng = random.Random(1515)
    for knobs in (LedgerSettings(), LedgerSettings(max_block=5, keys_per_claim=1)):
        current = {a.key: a for a in start}
        live = LiveLedger(current.values(), knobs, stripped)
        keys = list(current)
        in_big = [
            key
            for group in live.ledger().groups
            if len({member.quote for member in group.members}) > FIRST_TEXTS
            for key in (member.key for member in group.members)
        ] or keys
        for step in range(25):
            before = current[rng.choice(in_big if step % 2 else keys)]
            after = current[before.key] = before.toggled(rng.choice(["claim", "denial"]))
            live.apply(before, after)
            assert live.ledger() == build_ledger([current[k] for k in sorted(current)], knobs)


def test_a_clash_that_comes_inside_a_group_is_no_conflict_with_elsewhere() -> None:
    """rv9 R5: a claim tag joined the high figure's claim to the group of the low one;
    the same clashes ranked the same, so no bucket's ranked list changed, and the group
    kept "conflicts with figures elsewhere" that a rebuild does not show."""
    articles = synthetic_articles(150)
    start = [a for a in synthetic_annotations(articles, 2_000) if a.annotator == "analyst"]
    current = {a.key: a for a in start}
    knobs = LedgerSettings()
    live = LiveLedger(current.values(), knobs, stripped)
    before = current[("analyst", "syn00112", 19)]
    after = current[before.key] = before.toggled("claim")
    live.apply(before, after)
    assert live.ledger() == build_ledger([current[k] for k in sorted(current)], knobs)


KURSK = "North Korean troops were in Kursk"
SENT = "North Korean troops had been sent to Russia"


def test_a_denial_follows_the_later_texts_a_group_gains_and_loses() -> None:
    """A text joining a group of more than FIRST_TEXTS texts after its first ones: the
    denial it answers is aimed at the group (compared with that text alone, the others
    not touched), kept while another answering text stays, dropped with the last one."""
    said = [
        ("a", "NATO's Mark Rutte said 10,000"),
        ("b", "The Pentagon said 11,000"),
        ("c", "South Korea's spy agency said 11 000"),
        ("d", "The White House said 10,000"),
    ]
    claims = [claimed(article, f"{who} {SENT}.") for article, who in said]
    elsewhere = [
        claimed("k", "Fighting went on around Kursk on Tuesday, the governor said."),
        claimed("l", "Heavy shelling hit the Kursk region overnight, residents said."),
    ]
    putin = claimed(
        "z",
        "[Mr. Putin] dismissed the reports as a pure fabrication and said no "
        "North Korean soldiers were in Kursk.",
        tags=("denial",),
    )
    answering = [
        claimed("e", f"On November 14, Ukraine said 11,000 {KURSK}."),
        claimed("f", f"On November 4, Ukraine said 10,000 {KURSK}."),
    ]
    current = {a.key: a for a in (*claims, *elsewhere, putin)}
    live = LiveLedger(current.values(), LedgerSettings(), stripped)
    linked = []
    for text, added in ((answering[0], True), (answering[1], True), (answering[0], False),
                        (answering[1], False)):  # fmt: skip
        if added:
            live.apply(None, text)
            current[text.key] = text
        else:
            live.apply(text, None)
            del current[text.key]
        ledger = live.ledger()
        assert ledger == build_ledger([current[key] for key in sorted(current)], LedgerSettings())
        group = next(g for g in ledger.groups if claims[0] in g.members)
        assert len(group.members) > FIRST_TEXTS
        linked.append(putin in group.denials)
    assert linked == [True, True, True, False]


def claimed(article: str, quote: str, tags: tuple[str, ...] = ("claim",)) -> Annotation:
    return Annotation(
        article_id=article, article_sha256="0" * 64, index=1, start=0, end=len(quote),
        quote=quote, prefix="", suffix="", annotator="gold", tags=tags, source=None,
    )  # fmt: skip


DENIALS_OF_ONE_CLAIM = (
    ("The hospital said 52 people had died in the fire.", "hospital", ()),
    ("Police denied that 52 people had died, saying the toll was 41.", "Police", ("denial",)),
    ("Minister rejects union figure of missing workers", "Minister", ("denial",)),
    ("The union said on Friday that 23 workers were still missing.", "union", ()),
    ("Labour Minister Shirin Akhter denied that any workers were missing, saying all had "
     "been accounted for.", "Shirin Akhter", ("denial",)),
    ("The Labour Ministry said the factory had failed a fire-safety inspection in January.",
     "Labour Ministry", ()),
    ("Factory manager Abdul Karim rejected that, saying the factory had passed its last "
     "inspection in 2024.", "Abdul Karim", ("denial",)),
    ("The owner has denied the allegation.", "owner", ("denial",)),
)  # fmt: skip
"""qa8 Q9, Q4, Q11 b: a counter-figure denial, two denials of one claim (group_sides), an
anaphoric denial of the claim before it and one of the anaphoric denial before it."""


def test_denials_of_one_claim_follow_build_ledger() -> None:
    """Each sentence tagged in turn (from the last: an anaphoric denial before the claim
    it answers), each denial tag taken off and put back, then every sentence untagged
    (from the first): after each change the live ledger's groups and their denials are
    build_ledger's."""
    made = [
        sentence_annotation(quote, index=index, source=source, tags=("claim", *tags))
        for index, (quote, source, tags) in enumerate(DENIALS_OF_ONE_CLAIM)
    ]
    current: dict[AnnotationKey, Annotation] = {}
    live = LiveLedger((), LedgerSettings(), stripped)
    shown: dict[str, LedgerGroup] = {}
    denying = [a.key for a in made if "denial" in a.tags]
    keys = [None] * len(made) + denying + denying + [a.key for a in made]
    for step, key in enumerate(keys):
        before: Annotation | None
        after: Annotation | None
        if key is None:
            before, after = None, made[-1 - step]
        elif step >= len(made) + 2 * len(denying):
            before, after = current[key], None
        else:
            before = current[key]
            after = before.toggled("denial")
        if before is not None:
            del current[before.key]
        if after is not None:
            current[after.key] = after
        live.apply(before, after)
        expected = build_ledger([current[k] for k in sorted(current)])
        assert live.ledger() == expected
        listed = {d.key for group in expected.groups for d in group.denials}
        denials = sorted(k for k, a in current.items() if "denial" in a.tags)
        assert live.unlinked() == [k for k in denials if k not in listed]
        now = {group.id: group for group in expected.groups}
        moved = {gid for gid in now.keys() | shown.keys() if now.get(gid) != shown.get(gid)}
        assert moved <= live.take_changed()
        shown = now


@pytest.mark.parametrize(
    "story",
    [
        PORT_STRIKE,
        FLOOD_TOLL,
        MAYORS_FIGURE,
        MAYORS_FIGURE_SAID_AFTER,
        TWO_CLAIMS_DENIED_BY_FIGURE,
        TWO_CLAIMS_DENIED_BY_CLAIMANT,
        TWO_CLAIMS_DENIED_RIGHT_AFTER,
    ],
    ids=["port", "flood", "mayor", "mayor-said-after", "two-figure", "two-claimant", "two-after"],
)
def test_denials_naming_whose_claim_or_a_figure_follow_build_ledger(
    story: tuple[tuple[str, str, tuple[str, ...]], ...],
) -> None:
    """qa10 Q7, Q14, Q17: a denial naming whose claim it rejects answers their claims a few
    sentences back, one naming a figure only claims of it, none its speaker's own: tagged
    in turn from the last, then untagged from the first, the live ledger keeps
    build_ledger's groups, denials and unlinked denials."""
    made = told(story)
    current: dict[AnnotationKey, Annotation] = {}
    live = LiveLedger((), LedgerSettings(), stripped)
    for before, after in [(None, a) for a in reversed(made)] + [(a, None) for a in made]:
        if before is not None:
            del current[before.key]
        if after is not None:
            current[after.key] = after
        live.apply(before, after)
        expected = build_ledger([current[k] for k in sorted(current)])
        assert live.ledger() == expected
        listed = {d.key for group in expected.groups for d in group.denials}
        denials = sorted(k for k, a in current.items() if "denial" in a.tags)
        assert live.unlinked() == [k for k in denials if k not in listed]
