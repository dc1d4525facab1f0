"""The summary's sources: a pronoun counted under the speaker it names ("he → Lloyd Austin")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.speakers import PLAIN, PRONOUN, ROLE, source_kind
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import SourceRow, Summary
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

AUSTIN = (
    "Pentagon Confirms Troop Movements\n"
    "Defense Secretary Lloyd Austin said on Wednesday that 3,000 troops had moved east. "
    "He added that the number could grow to 10,000 by December. "
    "Austin spoke in Rome."
)
PUTIN = (
    "Kremlin Answers Western Reports\n"
    "President Vladimir Putin told reporters that the reports were a provocation. "
    "He said Russia would decide its own affairs."
)
NOBODY = "Harvest Report\nThe harvest was late this year. He said it would improve."
SPOKESMAN = (
    "Ministry Statement\n"
    "Maria Zakharova, the foreign ministry spokeswoman, said the talks were over. "
    "The spokeswoman said 40 diplomats had left."
)


def article(name: str, text: str) -> Article:
    return Article(name, Path(f"{name}.txt"), text)


def tag(
    on: Article, index: int, source: str | None, annotator: str = "ana", tags: tuple[str, ...] = ()
) -> Annotation:
    sentence = on.sentences[index]
    anchor = Anchor.in_text(on.id, on.sha256, on.text, index, sentence.start, sentence.end)
    return Annotation.new(anchor, annotator, tags=tags or ("claim", "attribution"), source=source)


def index_of(on: Article, words: str) -> int:
    return next(s.index for s in on.sentences if words in s.text)


def summarise(
    annotations: list[Annotation], articles: list[Article], texts: bool = True, **settings: object
) -> Summary:
    return build_summary(
        annotations,
        [ArticleInfo.of(a) for a in articles],
        SummarySettings(**settings),  # type: ignore[arg-type]
        texts={a.id: a for a in articles} if texts else None,
    )


def row(summary: Summary, canonical: str) -> SourceRow:
    return next(r for r in summary.sources if r.canonical == canonical)


@pytest.fixture
def austin() -> Article:
    return article("002_austin", AUSTIN)


@pytest.fixture
def putin() -> Article:
    return article("003_putin", PUTIN)


def test_he_is_counted_under_the_speaker_each_article_names(
    austin: Article, putin: Article
) -> None:
    annotations = [
        tag(austin, index_of(austin, "Lloyd Austin said"), "Lloyd Austin"),
        tag(austin, index_of(austin, "He added"), "He"),
        tag(putin, index_of(putin, "told reporters"), "Vladimir Putin"),
        tag(putin, index_of(putin, "He said"), "he"),
    ]
    summary = summarise(annotations, [austin, putin])
    assert {r.canonical for r in summary.sources} == {"Lloyd Austin", "Vladimir Putin"}
    lloyd, vladimir = row(summary, "Lloyd Austin"), row(summary, "Vladimir Putin")
    assert lloyd.sentences == 2 and lloyd.claims == 2 and lloyd.kind == "person"
    assert "he → Lloyd Austin" in lloyd.variants and "he → Vladimir Putin" in vladimir.variants
    assert vladimir.sentences == 2
    line = next(m for g in summary.ledger for m in g.members if m.annotation.source == "He")
    assert line.source == "He" and line.canonical_source == "Lloyd Austin"


def test_the_arrow_shows_in_the_report_and_the_json(austin: Article) -> None:
    annotations = [tag(austin, index_of(austin, "He added"), "He")]
    summary = summarise(annotations, [austin])
    assert "| Lloyd Austin | person | he → Lloyd Austin |" in render_markdown(summary)
    shape = json.loads(json.dumps(summary.to_json(), ensure_ascii=False))
    (source,) = shape["sources"]
    assert source["canonical"] == "Lloyd Austin"
    assert source["variants"] == ["Lloyd Austin", "he → Lloyd Austin"]


def test_a_resolved_pronoun_joins_the_spelling_an_analyst_typed(austin: Article) -> None:
    annotations = [
        tag(austin, index_of(austin, "Austin spoke"), "Austin"),
        tag(austin, index_of(austin, "He added"), "He"),
    ]
    summary = summarise(annotations, [austin])
    (only,) = summary.sources
    assert only.sentences == 2
    # the fuller name the article gives is the canonical one (listed, as every canonical is)
    assert only.canonical == "Lloyd Austin"
    assert only.variants == ("Austin", "Lloyd Austin", "he → Lloyd Austin")


def test_an_unresolved_pronoun_stays_apart_in_each_article(austin: Article) -> None:
    harvest = article("005_harvest", NOBODY)
    annotations = [
        tag(austin, index_of(austin, "He added"), "He"),
        tag(harvest, index_of(harvest, "He said"), "He"),
    ]
    summary = summarise(annotations, [austin, harvest], texts=False)
    names = sorted(r.canonical for r in summary.sources)
    assert names == [
        "he (unresolved, in “Harvest Report”)",
        "he (unresolved, in “Pentagon Confirms Troop Movements”)",
    ]
    assert all(r.kind == "pronoun" and r.sentences == 1 for r in summary.sources)
    with_text = summarise(annotations, [austin, harvest])
    assert sorted(r.canonical for r in with_text.sources) == [
        "Lloyd Austin",
        "he (unresolved, in “Harvest Report”)",
    ]


def test_a_pronoun_on_another_text_is_not_resolved(austin: Article) -> None:
    annotation = tag(austin, index_of(austin, "He added"), "He")
    changed = article(austin.id, AUSTIN.replace("Lloyd Austin", "Mark Milley"))
    (only,) = summarise([annotation], [changed]).sources
    assert only.canonical.startswith("he (unresolved")


def test_first_person_and_possessive_sources_are_never_one_source(
    austin: Article, putin: Article
) -> None:
    annotations = [
        tag(austin, index_of(austin, "He added"), "we"),
        tag(putin, index_of(putin, "He said"), "We"),
    ]
    summary = summarise(annotations, [austin, putin])
    assert len(summary.sources) == 2
    assert all(r.canonical.startswith("we (unresolved, in") for r in summary.sources)


def test_a_definite_role_resolves_and_a_description_is_left_alone() -> None:
    ministry = article("006_ministry", SPOKESMAN)
    annotations = [
        tag(ministry, index_of(ministry, "The spokeswoman"), "The spokeswoman"),
        tag(ministry, index_of(ministry, "Zakharova"), "officials"),
    ]
    summary = summarise(annotations, [ministry])
    zakharova = row(summary, "Maria Zakharova")
    assert zakharova.variants[-1] == "The spokeswoman → Maria Zakharova"
    assert row(summary, "officials").variants == ("officials",)
    # an unresolved role stays as typed, a source of its own
    alone = summarise(annotations, [ministry], texts=False)
    assert {r.canonical for r in alone.sources} == {"The spokeswoman", "officials"}


def test_analysts_naming_one_speaker_differently_agree(austin: Article) -> None:
    index = index_of(austin, "He added")
    annotations = [tag(austin, index, "He", "ana"), tag(austin, index, "Lloyd Austin", "bo")]
    summary = summarise(annotations, [austin], annotator=None)
    assert summary.totals.disagreements == 0
    assert row(summary, "Lloyd Austin").sentences == 1


def test_source_kinds() -> None:
    assert source_kind("he") == source_kind("They") == source_kind("their") == PRONOUN
    assert source_kind("the spokesman") == source_kind("The agency") == ROLE
    for plain in (
        "officials",
        "U.S. officials",
        "the Pentagon",
        "Lloyd Austin",
        "the U.S. and others",
    ):
        assert source_kind(plain) == PLAIN, plain


def test_an_article_is_read_once_for_repeated_summaries(
    austin: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = [tag(austin, index_of(austin, "He added"), "He")]
    first = summarise(annotations, [austin])
    calls: list[str] = []
    monkeypatch.setattr(speakers, "typed_speakers", lambda *args: calls.append("read") or {})
    second = summarise(annotations, [austin])
    assert calls == [] and second.sources == first.sources


def test_an_unattributed_claim_is_named_among_its_groups_sources() -> None:
    """qa7 Q4: a group of Pat Ryder's sentence and another article's unattributed one
    read "sources: Pat Ryder.", as if he alone had said it."""
    said = "About 10,000 North Korean soldiers were deployed to the Kursk region"
    ryder = article("001_ryder", f"Pentagon\n{said}, Pat Ryder said.")
    wire = article("002_wire", f"Wire\n{said}.")
    annotations = [
        tag(ryder, index_of(ryder, "Ryder"), "Pat Ryder"),
        tag(wire, index_of(wire, "Kursk"), None, tags=("claim",)),
    ]
    summary = summarise(annotations, [ryder, wire])
    (group,) = [g for g in summary.ledger if len(g.members) == 2]
    report = render_markdown(summary)
    assert "2 sentence(s) in 2 article(s); sources: Pat Ryder, unattributed (1)." in report
    assert group.sources == ("Pat Ryder",)  # the JSON's list names sources only
