"""qa17 Q1: a headline written in title case ("Mayor Says Flood Killed 47 in Dornbach")
put a title before the capitalised verb that reports, and the words from the verb on
were remembered as a titled person, "Says Flood Killed": the headline's own "Mayor"
resolved to them, and the summary, the review's source filter and the conflicts' "why"
named "Says Flood Killed" as a speaker. A name after a title never opens with a verb
that reports or denies in its third-person form ("Says", "Denies", "Confirms")."""

from __future__ import annotations

from tests.fixtures.speaker_story import suggestion_at, typed_speaker

FLOOD = (
    "Mayor Says Flood Killed 47 in Dornbach; Ministry Puts Toll at 12\n"
    "The mayor of Dornbach said on Tuesday that at least 47 people had died.\n"
    "Mayor Ingrid Halvorsen told reporters that rescue teams had recovered 47 bodies.\n"
    "She said that another 30 residents were still missing.\n"
)

MINISTER = (
    "Flood Toll Disputed\n"
    "Minister Denies Dornbach Cover Up, Says Toll Is 12\n"
    "He said the count was final.\n"
)


def test_a_title_case_headline_names_no_person_after_its_title() -> None:
    headline = suggestion_at(FLOOD, "Mayor Says")
    assert headline.source == "Mayor"
    assert headline.resolved_source is None
    assert typed_speaker(FLOOD, "Mayor Says", "Mayor") is None


def test_the_verb_of_a_headline_is_no_speaker_later_in_the_article() -> None:
    """ "He" after the headline was "Denies Dornbach Cover"; it is the minister now."""
    assert suggestion_at(MINISTER, "He said").resolved_source == "Minister"
    assert typed_speaker(MINISTER, "He said", "He") == "Minister"


def test_a_titled_name_after_the_headline_is_still_read() -> None:
    """The rule stops a verb, not a name: "Mayor Ingrid Halvorsen told" is her."""
    assert suggestion_at(FLOOD, "She said").resolved_source == "Ingrid Halvorsen"
