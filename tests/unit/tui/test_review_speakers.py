"""The review's source filter: a speaker as the summary names them, pronouns by annotation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.annotation import TAGS, Anchor, Annotation, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.tui.state.review_rows import NO_SOURCE, ReviewQuery, make_rows, select_rows
from workbench.tui.state.review_speakers import ReviewSpeakers

AUSTIN = (
    "Pentagon Confirms Troop Movements\n"
    "Defense Secretary Lloyd Austin said on Wednesday that 3,000 troops had moved east. "
    "He added that the number could grow to 10,000 by December. "
    "Mr. Austin spoke in Rome."
)
PUTIN = (
    "Kremlin Answers Western Reports\n"
    "President Vladimir Putin told reporters that the reports were a provocation. "
    "He said Russia would decide its own affairs."
)
HARVEST = "Harvest Report\nThe harvest was late this year. He said it would improve."
RAIN = "Rain Report\nThe rain came late this year. He said the fields would recover."


def article(name: str, text: str) -> Article:
    return Article(name, Path(f"{name}.txt"), text)


ARTICLES = [article(n, t) for n, t in (("a", AUSTIN), ("p", PUTIN), ("h", HARVEST), ("r", RAIN))]
BY_ID = {a.id: a for a in ARTICLES}


def tag(article_id: str, words: str, source: str | None) -> Annotation:
    on = BY_ID[article_id]
    sentence = next(s for s in on.sentences if words in s.text)
    anchor = Anchor.in_text(on.id, on.sha256, on.text, sentence.index, sentence.start, sentence.end)
    return Annotation.new(anchor, "ana", tags=("claim", "attribution"), source=source)


def told(annotation: Annotation, speaker: str) -> Annotation:
    """The annotation as saved from a suggestion accepted as is, naming `speaker`."""
    suggested = Suggested(
        version=SUGGESTER_VERSION,
        tags=annotation.tags,
        source=annotation.source,
        resolved_source=speaker,
        scores={tag: 0.9 if tag in annotation.tags else 0.1 for tag in TAGS},
    )
    return replace(annotation, suggestion=suggested)


@pytest.fixture
def notes() -> list[Annotation]:
    return [
        tag("a", "Defense Secretary", "Lloyd Austin"),
        tag("a", "He added", "He"),
        tag("a", "Rome", "Mr. Austin"),
        tag("p", "President Vladimir", "President Vladimir Putin"),
        tag("p", "He said", "he"),
        tag("h", "He said", "He"),  # nobody named before it
        told(tag("r", "He said", "He"), "Olga Marin"),  # the provenance names her
        tag("h", "harvest was late", None),
    ]


def speakers_of(notes: list[Annotation]) -> ReviewSpeakers:
    info = [ArticleInfo(a.id, a.title) for a in ARTICLES]
    return ReviewSpeakers(notes, info, BY_ID)


def kept(notes: list[Annotation], speaker: str) -> list[tuple[str, str | None]]:
    rows = make_rows(notes, {a.id: n for n, a in enumerate(ARTICLES)}, {})
    query = ReviewQuery(source=speaker).with_speakers(speakers_of(notes))
    found = select_rows(rows, query)
    assert found is not None
    return [(row.annotation.article_id, row.annotation.source) for row in found]


def test_he_in_two_articles_is_the_two_people_each_names(notes: list[Annotation]) -> None:
    found = speakers_of(notes)
    assert found.of(notes[1]) == "Lloyd Austin"
    assert found.of(notes[4]) == "President Vladimir Putin"  # the summary's fullest spelling
    assert "he → Lloyd Austin" in found.spellings["Lloyd Austin"]
    assert "Mr. Austin" in found.spellings["Lloyd Austin"]
    assert kept(notes, "Lloyd Austin") == [("a", "Lloyd Austin"), ("a", "He"), ("a", "Mr. Austin")]
    assert kept(notes, "President Vladimir Putin") == [
        ("p", "President Vladimir Putin"),
        ("p", "he"),
    ]
    assert not [name for name in found.spellings if name.casefold() == "he"]


def test_an_unresolved_pronoun_is_a_choice_of_its_own_article(notes: list[Annotation]) -> None:
    found = speakers_of(notes)
    name = "he (unresolved, in “Harvest Report”)"
    assert found.of(notes[5]) == name
    assert found.choices[name] == name
    assert kept(notes, name) == [("h", "He")]


def test_a_pronoun_the_provenance_names_is_that_speaker(notes: list[Annotation]) -> None:
    """On the text it was made on, the accepted suggestion's speaker is believed, as the
    summary believes it (the text alone names nobody here)."""
    found = speakers_of(notes)
    assert found.of(notes[6]) == "Olga Marin"
    assert kept(notes, "Olga Marin") == [("r", "He")]
    label = next(label for label, name in found.choices.items() if name == "Olga Marin")
    assert label == "Olga Marin (also he → Olga Marin)"


def test_every_choice_keeps_the_rows_the_summary_counts(notes: list[Annotation]) -> None:
    summary = build_summary(
        notes, [ArticleInfo.of(a) for a in ARTICLES], SummarySettings(), texts=BY_ID
    )
    counted = {row.canonical: row.sentences for row in summary.sources}
    found = speakers_of(notes)
    assert set(found.spellings) == set(counted)
    for name in found.spellings:
        assert len(kept(notes, name)) == counted[name], name


def test_an_orphans_pronoun_stays_apart_in_its_article(notes: list[Annotation]) -> None:
    """An annotation the summary does not count (its article is not in the corpus) is
    named by its spelling, and a pronoun there is never one source with another's."""
    elsewhere = replace(tag("a", "He added", "He"), article_id="gone")
    found = speakers_of([*notes, elsewhere])
    assert found.of(elsewhere) == "he (unresolved, in “gone”)"
    assert found.of(replace(elsewhere, source="Mr. Austin")) == "Lloyd Austin"


def test_a_missing_articles_accepted_pronoun_is_the_speaker_it_was_told(
    notes: list[Annotation],
) -> None:
    """Without its text, an accepted suggestion names the speaker (as the summary
    command does), on the text the store last saw or another (what the analyst
    accepted holds, qa5 Q6); a pronoun typed there stays apart."""
    moved = told(replace(tag("a", "He added", "He"), article_id="gone"), "Lloyd Austin")
    info = [ArticleInfo(a.id, a.title) for a in ARTICLES]
    seen = ArticleInfo("gone", "Gone Away", moved.article_sha256)
    assert ReviewSpeakers([*notes, moved], [*info, seen], BY_ID).of(moved) == "Lloyd Austin"
    other = replace(seen, sha256="0" * 64)
    assert ReviewSpeakers([*notes, moved], [*info, other], BY_ID).of(moved) == "Lloyd Austin"
    typed = replace(moved, suggestion=None)
    found = ReviewSpeakers([*notes, typed], [*info, seen], BY_ID).of(typed)
    assert found == "he (unresolved, in “Gone Away”)"


def test_without_speakers_the_source_filters_as_typed(notes: list[Annotation]) -> None:
    rows = make_rows(notes, {}, {})
    assert [r.annotation.source for r in select_rows(rows, ReviewQuery(source="he")) or []] == [
        "he"
    ]
    no_source = ReviewQuery(source=NO_SOURCE).with_speakers(speakers_of(notes))
    assert not no_source.by_speaker
    assert [r.annotation.source for r in select_rows(rows, no_source) or []] == [None]


def test_the_search_finds_a_row_by_the_speaker_its_source_names(notes: list[Annotation]) -> None:
    """qa8 Q11 h: "/ Austin" finds the "He" that is Lloyd Austin, as the source filter
    keeps it, not the "He" of another article; an unresolved one by its row's name."""
    rows = make_rows(notes, {a.id: n for n, a in enumerate(ARTICLES)}, {})
    speakers = speakers_of(notes)

    def searched(text: str) -> list[tuple[str, str | None]]:
        found = select_rows(rows, ReviewQuery(text=text).with_speakers(speakers))
        assert found is not None
        return [(row.annotation.article_id, row.annotation.source) for row in found]

    assert searched("austin") == [("a", "Lloyd Austin"), ("a", "He"), ("a", "Mr. Austin")]
    assert searched("olga marin") == [("r", "He")]
    assert searched("unresolved harvest") == [("h", "He")]
    assert select_rows(rows, ReviewQuery(text="austin")) is not None  # no speakers: as typed


def test_a_source_holding_what_draws_nothing_is_offered_with_it_escaped(
    notes: list[Annotation],
) -> None:
    """tr18: "Put" + U+200B + "in" is another speaker than "Putin"; the source filter
    offered it as a second "Putin", as the summary's Sources table listed it."""
    hidden = replace(tag("p", "He said", "Put\u200bin"), annotator="bob")
    found = speakers_of([*notes, hidden])
    assert found.choices["Put\\u200bin"] == "Put\u200bin"
    assert not [label for label in found.choices if "\u200b" in label]
    assert kept([*notes, hidden], "Put\u200bin") == [("p", "Put\u200bin")]
