"""qa10 Q3, Q10: the summary's speakers. A source typed by hand is read as a reader
would read it ("The government" stays the government, "he" is the chief executive
named just before, not the Red Cross); an edit elsewhere in an article leaves the
speaker of an untouched sentence as it was (its provenance, marked as made on an
earlier text like every annotation's of the article, does not unread it); and "(to
check)" names only annotations that are to check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.core.analysis.ledger.answers import unclaimed_spans
from workbench.core.analysis.sources import speakers
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest
from workbench.core.analysis.summary.build import SourceNames
from workbench.core.anchoring.placement import plan_article
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

TITLE = "Forty-one dead in Norrdal flood; prime minister denies cover-up"
DAY3 = (
    f"{TITLE}\n\n"
    "Prime Minister Tova Linde denied that the government had hidden victims.\n\n"
    "Opposition leader Petra Sand said at least 60 people had died.\n\n"
    "The ministry called Ms. Sand's claim a lie, the interior ministry said.\n\n"
    "About 12,000 people remain in shelters, the Red Cross said.\n\n"
    "Norrdal Power's chief executive, Jonas Brandt, resigned on Monday.\n\n"
    "In a statement, he did not address the spillway reports.\n\n"
    "Seventeen people are still missing, the civil protection agency said.\n\n"
    "The government has denied any cover-up.\n"
)


def story(text: str) -> Article:
    return Article("day3", Path("day3.txt"), text)


def tagged(on: Article, start: str, source: str, shown: bool = True) -> Annotation:
    """The sentence saved with `source` typed, the suggestion shown then kept as its
    provenance (as the annotate screen saves it)."""
    sentence = next(s for s in on.sentences if s.text.startswith(start))
    anchor = Anchor.in_text(on.id, on.sha256, on.text, sentence.index, sentence.start, sentence.end)
    made = next(s for s in suggest(on) if s.index == sentence.index)
    provenance = Suggested(
        SUGGESTER_VERSION, made.tags, made.source, made.resolved_source, dict(made.scores)
    )
    return Annotation.new(
        anchor,
        "ana",
        tags=("claim", "attribution"),
        source=source,
        suggestion=provenance if shown else None,
    )


def names(annotations: list[Annotation], on: Article) -> list[str | None]:
    speakers.forget_answers()
    name = SourceNames(annotations, [ArticleInfo.of(on)], {on.id: on}, None)
    return [name(annotation) for annotation in annotations]


def test_a_typed_government_and_he_are_read_as_a_reader_reads_them() -> None:
    """qa10 Q3: with the articles given, "The government" became the civil protection
    agency and "he" the Red Cross."""
    day3 = story(DAY3)
    government = tagged(day3, "The government", "The government")
    he = tagged(day3, "In a statement", "he")
    assert names([government, he], day3) == ["The government", "Jonas Brandt"]


def edited(annotations: list[Annotation], new: Article) -> list[Annotation]:
    return [placement.after for placement in plan_article(new, annotations).placements]


def test_an_edit_elsewhere_leaves_an_untouched_headline_s_speaker() -> None:
    """qa10 Q10: a figure corrected further down; the headline's "prime minister"
    (kept current, its provenance marked as made on an earlier text) lost the prime
    minister the article names."""
    before = story(DAY3)
    after = story(DAY3.replace("at least 60", "at least 70"))
    minister = tagged(before, "Forty-one dead", "prime minister")
    assert names([minister], before) == ["Tova Linde"]
    (kept,) = edited([minister], after)
    assert kept.anchor_state == "current" and kept.suggestion is not None
    assert kept.suggestion.version.endswith(" (on an earlier text)")
    assert names([kept], after) == ["Tova Linde"]


def test_to_check_names_only_an_annotation_to_check() -> None:
    """qa10 Q10: a re-anchored "he" (its sentence untouched) was listed as "he (to
    check, …)" though the review's to-check filter did not list it."""
    day3 = story(DAY3)
    he = tagged(day3, "In a statement", "he", shown=False)
    reanchored = replace(he, anchor_state="reanchored")
    check = replace(he, anchor_state="check")
    short = "Forty-one dead in Norrdal flood; prime…"
    assert names([reanchored], day3) == [f"he (to confirm, in “{short}”)"]
    assert names([check], day3) == [f"he (to check, in “{short}”)"]


def test_the_toll_before_a_semicolon_is_not_the_denier_s() -> None:
    """qa10 Q6: the headline's 41 was credited to the prime minister, who gave no toll;
    a reporting verb does not reach back across a semicolon."""
    headline = "Forty-one dead in Norrdal flood; prime minister denies cover-up"
    assert unclaimed_spans(headline, "prime minister", False) == ((0, headline.index(";")),)
    said = "27 bodies have been recovered, the ministry said; more are missing."
    assert unclaimed_spans(said, "ministry", False) == ()
    according = "Fifteen thousand left, according to the Red Cross; the office says fewer."
    assert unclaimed_spans(according, "Red Cross", False) == ()
