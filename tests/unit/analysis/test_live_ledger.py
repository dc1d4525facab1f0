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

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.synthetic import synthetic_annotations, synthetic_articles
from tests.fixtures.gold import load_gold
from workbench.core.analysis.ledger.ledger import build_ledger
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
    same buckets, denials aimed by subject): claims and denials toggled at random."""
    articles = synthetic_articles(150)
    start = [a for a in synthetic_annotations(articles, 2_000) if a.annotator == "analyst"]
    rng = random.Random(1515)
    for knobs in (LedgerSettings(), LedgerSettings(max_block=5, keys_per_claim=1)):
        current = {a.key: a for a in start}
        live = LiveLedger(current.values(), knobs, stripped)
        keys = list(current)
        for _ in range(25):
            before = current[rng.choice(keys)]
            after = current[before.key] = before.toggled(rng.choice(["claim", "denial"]))
            live.apply(before, after)
            assert live.ledger() == build_ledger([current[k] for k in sorted(current)], knobs)
