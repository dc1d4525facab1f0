"""SummaryAccumulator: after any sequence of changes, the same Summary as a rebuild.

The changes are what an analyst does on the bundled articles (tag and untag, status,
note, source, delete) to the gold annotations and a second analyst's, each one either
patched into the previous Summary or rebuilt; after each, the accumulator's Summary is
compared with build_summary over the annotations as a store would list them.
"""

from __future__ import annotations

import random
from dataclasses import replace
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synthetic import synthetic_annotations, synthetic_articles
from tests.fixtures.gold import load_gold
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.markdown import MarkdownPieces, render_markdown
from workbench.core.analysis.summary.model import JsonPieces
from workbench.core.annotation import STATUSES, Anchor, Annotation, AnnotationKey, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Corpus, load_corpus

ANALYSTS = ("gold", "bob")
TAG_SETS = ((), ("claim",), ("denial",), ("attribution",), ("claim", "attribution"),
            ("attribution", "denial"), ("claim", "denial"))  # fmt: skip
SOURCES = (None, "General Ryder", "Pat Ryder", "Vasily Nebenzia", "he", "Zelensky", "NATO")
NOTES = ("", "check the figure", "seen elsewhere")


@cache
def corpus() -> Corpus:
    return load_corpus()


@cache
def infos() -> tuple[ArticleInfo, ...]:
    return tuple(ArticleInfo.of(article) for article in corpus())


@cache
def gold() -> tuple[Annotation, ...]:
    return tuple(load_gold(corpus()))


SHOWN = Suggested("rules-2", ("claim",), None, None, {"claim": 0.9, "attribution": 0, "denial": 0})
"""The suggestion every other sentence showed (provenance: its outcome is in the totals)."""


def sentence_annotation(annotator: str, article: int, index: int) -> Annotation:
    """A blank annotation of one sentence of the bundled articles; on every other
    sentence, made with a suggestion shown."""
    found = corpus().articles[article % len(corpus().articles)]
    sentence = found.sentences[index % len(found.sentences)]
    anchor = Anchor.in_text(
        found.id, found.sha256, found.text, sentence.index, sentence.start, sentence.end
    )
    return Annotation.new(anchor, annotator, suggestion=SHOWN if index % 2 else None)


change = st.tuples(
    st.sampled_from(ANALYSTS),
    st.integers(0, 4),
    st.integers(0, 60),
    st.one_of(
        st.none(),  # deleted
        st.tuples(
            st.sampled_from(TAG_SETS),
            st.sampled_from(STATUSES),
            st.sampled_from(SOURCES),
            st.sampled_from(NOTES),
        ),
    ),
)
"""Who, which article and sentence, and what the annotation becomes (None: deleted)."""

Becomes = tuple[tuple[str, ...], str, str | None, str] | None
"""(tags, status, source, note), or None: deleted."""
Step = tuple[str, int, int, Becomes]


def changes_of_one_field(
    annotations: list[Annotation],
) -> st.SearchStrategy[tuple[int, str, object]]:
    return st.tuples(
        st.integers(0, len(annotations) - 1),
        st.sampled_from(("status", "note", "tags", "source")),
        st.integers(0, 6),
    )


def check(
    start: list[Annotation],
    steps: list[Step],
    whose: str | None,
    texts: bool = False,
    prepared: bool = False,
) -> SummaryAccumulator:
    """`texts`: the articles' texts given, so that "he" counts under its speaker;
    `prepared`: the accumulator prepared (its LiveLedger made) after every summary, as
    the summary screen does, so that claim and denial tags are patched too."""
    info = infos()
    summary_settings = SummarySettings(annotator=whose)
    by_id = corpus().by_id if texts else None
    accumulator = SummaryAccumulator(start, info, summary_settings, texts=by_id)
    current: dict[AnnotationKey, Annotation] = {a.key: a for a in start}
    assert accumulator.summary() == build_summary(start, info, summary_settings, texts=by_id)
    pieces = JsonPieces()  # the JSON of each summary made from the last one's pieces
    accumulator.summary().to_json_bytes(pieces)
    report_pieces = MarkdownPieces()  # and the report, from the last report's
    render_markdown(accumulator.summary(), pieces=report_pieces)
    if prepared:
        accumulator.prepare()
    for annotator, article, index, becomes in steps:
        blank = sentence_annotation(annotator, article, index)
        before = current.get(blank.key)
        if becomes is None:
            after = None
        else:
            tags, status, source, note = becomes
            after = (before or blank).changed(tags=tags, status=status, source=source, note=note)
            if after.is_blank:
                after = None  # a blank annotation is not kept
        if after is None:
            current.pop(blank.key, None)
        else:
            current[blank.key] = after
        accumulator.apply(before, after)
        expected = build_summary(
            [current[key] for key in sorted(current)], info, summary_settings, texts=by_id
        )
        assert accumulator.summary() == expected
        if prepared:  # as a keeper following a session makes it
            assert accumulator.summary().to_json_bytes(pieces) == expected.to_json_bytes()
            made = render_markdown(accumulator.summary(), pieces=report_pieces)
            assert made == render_markdown(expected)
            accumulator.prepare()
    return accumulator


@settings(max_examples=20, deadline=None)
@given(st.lists(change, max_size=12), st.sampled_from(["gold", "bob", None]), st.booleans())
def test_random_changes_give_the_rebuilt_summary(
    steps: list[Step], whose: str | None, texts: bool
) -> None:
    check(list(gold()), steps, whose, texts)


@settings(max_examples=25, deadline=None)
@given(st.lists(change, max_size=12), st.sampled_from(["gold", "bob"]), st.booleans())
def test_random_changes_to_a_prepared_accumulator_give_the_rebuilt_summary(
    steps: list[Step], whose: str, texts: bool
) -> None:
    check(list(gold()), steps, whose, texts, prepared=True)


CLAIM_TAGS = (("claim",), ("denial",), ("claim", "denial"), ("claim", "attribution"), ())


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 40), st.sampled_from(CLAIM_TAGS)),
                min_size=1, max_size=10))  # fmt: skip
def test_claim_and_denial_tags_are_patched_once_prepared(
    picks: list[tuple[int, int, tuple[str, ...]]],
) -> None:
    """Claim and denial tags put on and taken off sentences the gold tagged (sources
    kept as they are): patched, never rebuilt, and each the rebuilt summary."""
    articles = [article.id for article in corpus().articles]
    tagged = [a for a in gold() if a.tags]
    steps: list[Step] = []
    current = {a.key: a for a in gold()}
    for article, index, tags in picks:
        annotation = current[tagged[(article * 41 + index) % len(tagged)].key]
        becomes = (tags or ("attribution",), annotation.status, annotation.source, annotation.note)
        steps.append(("gold", articles.index(annotation.article_id), annotation.index, becomes))
        current[annotation.key] = annotation.changed(tags=becomes[0])
    accumulator = check(list(gold()), steps, "gold", texts=True, prepared=True)
    assert accumulator.rebuilds == 1


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_changes_to_tagged_sentences_are_patched_when_the_ledger_reads_none_of_them(
    data: st.DataObject,
) -> None:
    """Statuses, notes and attribution tags on the gold claims: the summary is patched
    (no rebuild after the first) and still equal to a rebuild; half of them were made
    with a suggestion shown, which the attribution tag takes or leaves as is."""
    start = [replace(a, suggestion=SHOWN) if n % 2 else a for n, a in enumerate(gold())]
    picks = data.draw(st.lists(st.tuples(st.integers(0, len(start) - 1),
                                         st.sampled_from(STATUSES), st.sampled_from(NOTES)),
                               min_size=1, max_size=8))  # fmt: skip
    steps: list[Step] = []
    articles = [article.id for article in corpus().articles]
    current = {a.key: a for a in start}
    for position, status, note in picks:
        annotation = list(current.values())[position]
        tags = tuple(sorted(set(annotation.tags) ^ {"attribution"}))
        becomes = (tags, status, annotation.source, note)
        steps.append(("gold", articles.index(annotation.article_id), annotation.index, becomes))
        current[annotation.key] = annotation.changed(tags=tags, status=status, note=note)
    accumulator = check(start, steps, "gold", texts=True)  # the gold's "He" patched too
    assert accumulator.rebuilds == 1


def test_another_analysts_change_leaves_a_one_analyst_summary_as_it_was() -> None:
    start = list(gold())
    accumulator = SummaryAccumulator(start, infos(), SummarySettings(annotator="gold"))
    first = accumulator.summary()
    theirs = sentence_annotation("bob", 0, 3).changed(tags=("claim",))
    accumulator.apply(None, theirs)
    assert accumulator.summary() is first


def test_claim_and_denial_tags_on_generated_annotations_are_patched_as_rebuilt() -> None:
    """The bench's synthetic articles (groups of many versions of a claim, denials
    aimed at them, figures in conflict): claim and denial tags toggled at random on a
    prepared accumulator, each summary the rebuilt one and none rebuilt."""
    articles = synthetic_articles(150)
    start = sorted(synthetic_annotations(articles, 2_000), key=lambda a: a.key)
    infos = [ArticleInfo(article.id, article.text[:40]) for article in articles]
    summary_settings = SummarySettings(annotator="analyst")
    accumulator = SummaryAccumulator(start, infos, summary_settings)
    accumulator.prepare()
    current = {a.key: a for a in start}
    mine = [a.key for a in start if a.annotator == "analyst"]
    denials = [a.key for a in start if a.annotator == "analyst" and "denial" in a.tags]
    rng = random.Random(15)
    for _ in range(20):
        # half of them a claim tag on a denial: its line in the groups it is aimed at
        if rng.random() < 0.5:
            before, tag = current[rng.choice(denials)], "claim"
        else:
            before, tag = current[rng.choice(mine)], rng.choice(["claim", "denial"])
        after = current[before.key] = before.toggled(tag)
        accumulator.apply(before, after)
        rebuilt = build_summary([current[k] for k in sorted(current)], infos, summary_settings)
        assert accumulator.summary() == rebuilt
    assert accumulator.rebuilds == 1
