"""suggest(article): one Suggestion per sentence, spans into the article, pronouns and
bare roles resolved to the speaker named before; and any text at all is read safely."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.analysis.suggestions.suggest import (
    SUGGESTER_VERSION,
    THRESHOLDS,
    Suggestion,
    suggest,
    typed_speakers,
)
from workbench.core.annotation import TAGS
from workbench.core.corpus.articles import Article, load_corpus


def article(text: str) -> Article:
    return Article(id="story", path=Path("story.txt"), text=text)


def by_text(suggestions: list[Suggestion], text: str, start: str) -> Suggestion:
    return next(s for s in suggestions if text[s.start : s.end].startswith(start))


STORY = (
    "Troops Enter Combat\n"
    "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday that "
    "the troops had entered combat. “We do assess that they have engaged,” General Ryder "
    "said. He added: “We do have indications of casualties.” The spokesman said more "
    "details would follow.\n"
    "South Korean Defense Minister Kim Yong-hyun said the deployment was a war crime. "
    "“They are mercenaries,” the South Korean minister said.\n"
    "Ukrainian officials said 3,000 soldiers had arrived. They said more were coming. U.S. "
    "officials said 10,000 were expected.\n"
    "The agency said the photo showed a soldier. It said the photo was taken in June. His "
    "office said nothing.\n"
    "Ms. Lopez said the fire had spread. Mr. Hale said crews were ready. She added that 40 "
    "homes burned.\n"
)


def test_one_suggestion_per_sentence_in_order_with_every_score() -> None:
    story = article(STORY)
    suggestions = suggest(story)
    assert [(s.index, s.start, s.end) for s in suggestions] == [
        (s.index, s.start, s.end) for s in story.sentences
    ]
    for suggestion in suggestions:
        assert suggestion.article_id == "story"
        assert set(suggestion.scores) == set(TAGS)
        assert all(0.0 <= value <= 1.0 for value in suggestion.scores.values())
        assert suggestion.tags == tuple(
            tag for tag in TAGS if suggestion.scores[tag] >= THRESHOLDS[tag]
        )
        assert suggestion.version == SUGGESTER_VERSION


def test_source_and_cues_are_spans_of_the_article() -> None:
    story = article(STORY)
    for suggestion in suggest(story):
        if suggestion.source is not None:
            assert suggestion.source_start is not None and suggestion.source_end is not None
            assert story.text[suggestion.source_start : suggestion.source_end] == suggestion.source
            assert suggestion.start <= suggestion.source_start < suggestion.source_end
            assert suggestion.source_end <= suggestion.end
        for cue in suggestion.cues:
            assert story.text[cue.start : cue.end] == cue.text
        if suggestion.resolved_source is not None:
            assert suggestion.resolved_start is not None and suggestion.resolved_end is not None
            assert suggestion.resolved_end <= suggestion.start  # named before
            resolved = story.text[suggestion.resolved_start : suggestion.resolved_end]
            assert resolved == suggestion.resolved_source


def test_pronouns_and_bare_roles_resolve_to_the_speaker_named_before() -> None:
    story = article(STORY)
    suggestions = suggest(story)

    def resolved(start: str) -> tuple[str | None, str | None]:
        found = by_text(suggestions, story.text, start)
        return found.source, found.resolved_source

    assert resolved("“We do assess") == ("General Ryder", None)
    assert resolved("He added") == ("He", "Pat Ryder")  # the fullest name, not "General Ryder"
    assert resolved("The spokesman") == ("spokesman", "Pat Ryder")  # from the apposition
    assert resolved("“They are") == ("South Korean minister", "Kim Yong-hyun")
    assert resolved("They said") == ("They", "Ukrainian officials")
    assert resolved("U.S. officials") == ("U.S. officials", None)  # not the Ukrainians
    assert resolved("It said") == ("It", "agency")
    assert resolved("His office") == ("His office", None)  # whose office is "his"?
    assert resolved("She added") == ("She", "Ms. Lopez")  # not Mr. Hale


SEOUL = (
    "Seoul Briefing\n\n"
    "South Korea’s National Intelligence Service said 11,000 North Korean troops had been "
    "sent to Russia.\n\n"
    "North Korea’s foreign ministry denied sending any troops.\n\n"
    "Pyongyang has not officially confirmed the deployment.\n\n"
    "The troops travelled roughly 6,500 km by train, the agency said.\n\n"
    "The government said the reports were false.\n\n"
    "The ministry said the figure was too high.\n\n"
    "Halvane said its batteries were safe. The company said it would not recall them."
)


def test_a_role_resolves_only_to_a_body_of_its_kind() -> None:
    """qa6 Q6: "the agency said" was Pyongyang (the latest body: a capital, and the
    party denying the deployment). An agency is a body holding agency, service,
    intelligence... (not the foreign ministry, never a bare place); a company may be
    a bare brand; a ministry with none named since stays unresolved; a government may
    be a place."""
    story = article(SEOUL)
    suggestions = suggest(story)

    def resolved(start: str) -> str | None:
        return by_text(suggestions, story.text, start).resolved_source

    assert resolved("The troops travelled") == "South Korea’s National Intelligence Service"
    assert resolved("The government") == "Pyongyang"
    assert resolved("The ministry") == "North Korea’s foreign ministry"
    assert resolved("The company") == "Halvane"


def test_the_json_record_has_the_documented_keys() -> None:
    story = article(STORY)
    records = [s.to_record() for s in suggest(story)]
    assert list(records[0]) == [
        "article", "index", "start", "end", "tags", "scores", "source", "source_start",
        "source_end", "resolved_source", "cue",
    ]  # fmt: skip
    heading = records[0]
    assert heading["source"] is None and heading["cue"] is None
    added = next(r for r in records if r["source"] == "He")
    assert added["resolved_source"] == "Pat Ryder" and added["cue"] == "added"
    assert list(added["scores"]) == list(TAGS)


def test_tags_at_least_hides_low_scores() -> None:
    story = article(STORY)
    suggestion = by_text(suggest(story), story.text, "He added")
    assert suggestion.tags_at_least(0.0) == suggestion.tags
    assert suggestion.tags_at_least(1.01) == ()


def agrees_with_typed_speakers(story: Article, suggestions: list[Suggestion]) -> None:
    """A pronoun typed by an analyst names whom the suggestion's pronoun names, asked one
    sentence at a time (as a summary with one such annotation asks) or all at once."""
    asked = {s.index: [s.source] for s in suggestions if s.source and s.resolved_source}
    together = typed_speakers(story.text, story.sentences, asked)
    for suggestion in suggestions:
        if suggestion.source is None or suggestion.resolved_source is None:
            continue
        key = (suggestion.index, suggestion.source)
        alone = typed_speakers(story.text, story.sentences, {key[0]: [key[1]]})
        assert alone.get(key) == together.get(key) == suggestion.resolved_source


def test_typed_pronouns_resolve_as_the_suggestions_do() -> None:
    story = article(STORY)
    suggestions = suggest(story)
    agrees_with_typed_speakers(story, suggestions)
    he = by_text(suggestions, story.text, "He added").index
    assert typed_speakers(story.text, story.sentences, {he: ["he", "they", "we"]}) == {
        (he, "he"): "Pat Ryder"
    }
    for bundled in load_corpus():
        agrees_with_typed_speakers(bundled, suggest(bundled))


def test_the_bundled_articles_get_suggestions() -> None:
    for bundled in load_corpus():
        suggestions = suggest(bundled)
        assert len(suggestions) == len(bundled.sentences)
        assert any("attribution" in s.tags for s in suggestions)


NEWSY = st.sampled_from(
    [
        "said", "says", "told", "according to", "denied", "the", "The", "he", "He", "they",
        "Mr.", "Gen.", "Pat Ryder", "U.S.", "officials", "agency", "“", "”", '"', ",", ".",
        ":", "?", "’s", "not true", "there are no", "lies", "—", "\n", " ", "Ukraine’s",
        "\x1b[31m", "\u202e", "\x00", "é", "10,000",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=60).map(" ".join)))
def test_any_text_gets_suggestions_with_valid_spans(text: str) -> None:
    story = article(text)
    suggestions = suggest(story)
    assert len(suggestions) == len(story.sentences)
    for suggestion in suggestions:
        if suggestion.source is not None:
            assert suggestion.source_start is not None and suggestion.source_end is not None
            assert suggestion.start <= suggestion.source_start < suggestion.source_end
            assert suggestion.source_end <= suggestion.end
            assert text[suggestion.source_start : suggestion.source_end] == suggestion.source
        for cue in suggestion.cues:
            assert suggestion.start <= cue.start < cue.end <= suggestion.end
            assert text[cue.start : cue.end] == cue.text
        if suggestion.resolved_start is not None and suggestion.resolved_end is not None:
            assert text[suggestion.resolved_start : suggestion.resolved_end] == (
                suggestion.resolved_source
            )
    agrees_with_typed_speakers(story, suggestions)
