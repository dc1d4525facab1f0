"""qa10 Q1, Q2, Q3, Q6: who a role or a pronoun resolves to follows what kind of speaker
the article shows: "the company" only a body of that kind (never "Rescuers", a group
opening its sentence, nor "the Red Cross", a body written with "the"); "he" the person
last named as acting ("its chief executive, Jonas Brandt, resigned"), never a body;
"the government" a government or a place, never one of its agencies. And the cues a
reader takes as attribution: "called Ms. Vell's claim “a lie”", "put the number … at",
a whole office ("prime minister"), never a noun ending the sentence ("the spillway
reports")."""

from __future__ import annotations

from tests.fixtures.speaker_story import suggestion_at, typed_speaker
from workbench.core.analysis.ledger.answers import unclaimed_spans

DAY3 = (
    "Forty-one dead in Norrdal flood; prime minister denies cover-up\n\n"
    "The death toll has risen to forty-one, the interior ministry said on Monday.\n\n"
    "Prime Minister Tova Linde denied that the government had hidden victims.\n\n"
    "Opposition leader Petra Sand said at least 60 people had died.\n\n"
    "The ministry called Ms. Sand's claim “a lie.”\n\n"
    "Rescuers said 22 people were still missing.\n\n"
    "About 12,000 people remain in shelters, the Red Cross said.\n\n"
    "Norrdal Power's chief executive, Jonas Brandt, resigned on Monday.\n\n"
    "In a statement, he did not address the spillway reports.\n\n"
    "Mr. Brandt's resignation is not an admission of fault, the company said.\n"
)


def test_the_company_is_no_group_opening_a_sentence_nor_a_body_written_with_the() -> None:
    """qa10 Q1: "the company said" showed "company → Rescuers" (a plural capitalised
    because it opens its sentence, read as a brand's name); with no company named as
    a speaker it names nobody."""
    said = suggestion_at(DAY3, "Mr. Brandt's resignation")
    assert (said.source, said.resolved_source) == ("company", None)
    assert typed_speaker(DAY3, "Mr. Brandt's resignation", "the company") is None


def test_a_brand_named_alone_is_still_the_company() -> None:
    text = "Halvane said its batteries were safe.\n\nThe company said it would not recall them.\n"
    assert suggestion_at(text, "The company").resolved_source == "Halvane"


def test_a_plural_opening_its_sentence_is_a_group() -> None:
    """ "Rescuers said": a group of people, so "they" after it is them."""
    text = "Rescuers said 22 people were still missing.\n\nThey added that the search went on.\n"
    assert suggestion_at(text, "They added").resolved_source == "Rescuers"


def test_he_is_the_person_named_beside_a_role_not_a_body_before() -> None:
    """qa10 Q3: a typed "he" after "Norrdal Power's chief executive, Jonas Brandt,
    resigned" was "the Red Cross" (two capitalised words read as a person's name)."""
    assert typed_speaker(DAY3, "In a statement", "he") == "Jonas Brandt"


def test_a_body_written_with_the_is_never_he() -> None:
    text = "About 12,000 people remain in shelters, the Red Cross said.\n\nHe added more.\n"
    assert typed_speaker(text, "He added", "he") is None
    assert suggestion_at(text, "He added").resolved_source is None


def test_a_body_beside_its_role_is_never_he() -> None:
    text = (
        "Norrdal Power, the state-owned company that runs the dam, denied the reports.\n\n"
        "He said the dam was sound.\n"
    )
    assert typed_speaker(text, "He said", "he") is None


def test_a_noun_ending_the_sentence_is_no_reporting_verb() -> None:
    """qa10 Q1: "did not address the spillway reports" suggested the source "spillway"."""
    said = suggestion_at(DAY3, "In a statement")
    assert said.source is None and "attribution" not in said.tags
    closing = suggestion_at("Sales fell by a third, the agency reports.\n", "Sales")
    assert closing.source == "agency"


GOVERNMENT = (
    "Seventeen people are still missing, the civil protection agency said on Tuesday.\n\n"
    "The dam held roughly 140 million cubic metres of water, the agency said.\n\n"
    "The government has denied any cover-up.\n"
)


def test_the_government_is_not_one_of_its_agencies() -> None:
    """qa10 Q3: "The government" typed by hand became the civil protection agency."""
    assert typed_speaker(GOVERNMENT, "The government", "The government") is None
    denied = suggestion_at(GOVERNMENT, "The government")
    assert (denied.source, denied.resolved_source) == ("government", None)
    assert suggestion_at(GOVERNMENT, "The dam").resolved_source == "civil protection agency"


def test_the_government_may_be_a_place_or_a_government_named_before() -> None:
    place = "Pyongyang has not confirmed the deployment.\n\nThe government said it was false.\n"
    assert typed_speaker(place, "The government", "the government") == "Pyongyang"
    named = (
        "The Dravian government said 3,000 people had been evacuated.\n\n"
        "The government added that the dam was safe.\n"
    )
    assert suggestion_at(named, "The government added").resolved_source == "Dravian government"


def test_a_headline_office_is_kept_whole() -> None:
    """qa10 Q6: "prime minister denies cover-up" suggested the source "minister"."""
    assert suggestion_at(DAY3, "Forty-one dead").source == "prime minister"


def test_the_toll_before_a_semicolon_is_not_the_denier_s() -> None:
    """qa10 Q6: the headline's 41 was credited to the prime minister, who gave no toll;
    a reporting verb does not reach back across a semicolon."""
    headline = "Forty-one dead in Norrdal flood; prime minister denies cover-up"
    (toll,) = [span for span in unclaimed_spans(headline, "prime minister", False)]
    assert toll == (0, headline.index(";"))
    said = "27 bodies have been recovered, the ministry said; more are missing."
    assert unclaimed_spans(said, "ministry", False) == ()
    according = "Fifteen thousand left, according to the Red Cross; the office says fewer."
    assert unclaimed_spans(according, "Red Cross", False) == ()


def test_a_claim_called_a_lie_is_an_attributed_denial() -> None:
    """qa10 Q2: "The ministry called Ms. Sand's claim “a lie.”" was a bare claim."""
    called = suggestion_at(DAY3, "The ministry called")
    assert {"attribution", "denial"} <= set(called.tags)
    assert (called.source, called.resolved_source) == ("ministry", "interior ministry")


def test_putting_a_number_at_a_figure_is_an_attribution() -> None:
    """qa10 Q2: "Governor Reyes put the number of evacuated at 9,500." had no source."""
    text = "Governor Reyes put the number of evacuated at 9,500.\n"
    put = suggestion_at(text, "Governor")
    assert "attribution" in put.tags and put.source == "Governor Reyes"
    assert suggestion_at("The army put troops on alert at dawn.\n", "The army").source is None
