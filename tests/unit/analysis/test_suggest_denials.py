"""Denials that need the article: a source asserting the opposite in plain words, a
statement right after a denial, a bare quotation going on with its speaker; and the near
misses that must stay non-denials whatever surrounds them. Every article here was
written for these tests (none is taken from a gold set), after ../shared/GUIDELINE.md:
"the sentence reports a source rejecting, denying, refuting, dismissing or disputing a
claim, or asserting that a reported thing is false or not happening"."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.analysis.suggestions.judge import COUNTER, FOLLOWS, WORD
from workbench.core.analysis.suggestions.suggest import THRESHOLDS, Suggestion, suggest
from workbench.core.corpus.articles import Article


def suggestions(text: str) -> list[Suggestion]:
    return suggest(Article(id="story", path=Path("story.txt"), text=text))


def sentence(found: list[Suggestion], text: str, start: str) -> Suggestion:
    return next(s for s in found if text[s.start : s.end].startswith(start))


def denial_basis(suggestion: Suggestion) -> str | None:
    return next((cue.basis for cue in suggestion.cues if cue.tag == "denial"), None)


BAKERY = (
    "Regulators accused the Crumb & Co bakery chain of selling bread past its expiry date.\n"
    "The chain’s owner, Paul Grant, said his shops had never sold expired bread.\n"
    "“We did not sell a single stale loaf,” he told the local radio station.\n"
    "He acknowledged that two shops had failed earlier inspections.\n"
    "The regulator declined to comment on the case.\n"
)


def test_a_counter_assertion_answering_an_accusation_is_a_denial() -> None:
    found = suggestions(BAKERY)
    owner = sentence(found, BAKERY, "The chain’s owner")
    assert "denial" in owner.tags and "attribution" in owner.tags
    assert owner.source == "Paul Grant"
    assert denial_basis(owner) == COUNTER
    quoted = sentence(found, BAKERY, "“We did not sell")
    assert "denial" in quoted.tags


def test_a_concession_after_a_denial_is_not_one() -> None:
    found = suggestions(BAKERY)
    assert "denial" not in sentence(found, BAKERY, "He acknowledged").tags
    assert "denial" not in sentence(found, BAKERY, "The regulator declined").tags


def test_the_same_words_with_nothing_to_answer_score_lower() -> None:
    """Calibration of the rules' evidence (denial_by_rules; the suggestion's score is the
    larger of it and the denial model's): what the article said before moves the score.
    Alone, a negated statement of the speaker's own with a flat "never" scores 0.45: since
    rules-6 (denial threshold 0.40) it is suggested, at a score below the answer to an
    accusation."""
    alone = "The chain’s owner, Paul Grant, said his shops had never sold expired bread.\n"
    without = sentence(suggestions(alone), alone, "The chain’s owner")
    with_accusation = sentence(suggestions(BAKERY), BAKERY, "The chain’s owner")
    assert THRESHOLDS["denial"] <= without.denial_by_rules < with_accusation.denial_by_rules
    assert without.scores["denial"] <= with_accusation.scores["denial"]
    # not the speaker's own shops, no flat "never": under the threshold alone
    bare = "The chain’s owner, Paul Grant, said the shops had sold no expired bread.\n"
    assert (
        sentence(suggestions(bare), bare, "The chain’s owner").scores["denial"]
        < THRESHOLDS["denial"]
    )


HOSPITAL = (
    "Patients said they had waited up to 14 hours in the emergency department.\n"
    "The hospital denied that patients had been turned away.\n"
    "“Every patient was seen and treated,” a hospital spokeswoman said.\n"
    "She said the hospital would publish its waiting times next month.\n"
    "The spokeswoman said staff had worked extra shifts all winter.\n"
    "A nurses’ union said wards had been understaffed since March.\n"
)


def test_a_quotation_right_after_a_denial_goes_on_denying() -> None:
    found = suggestions(HOSPITAL)
    quoted = sentence(found, HOSPITAL, "“Every patient")
    assert "denial" in quoted.tags
    assert denial_basis(quoted) == FOLLOWS
    assert quoted.denial_by_rules < sentence(found, HOSPITAL, "The hospital denied").denial_by_rules


def test_a_plan_a_later_statement_and_another_speaker_do_not_follow_a_denial() -> None:
    found = suggestions(HOSPITAL)
    for start in ("She said the hospital would", "The spokeswoman said staff", "A nurses’"):
        assert "denial" not in sentence(found, HOSPITAL, start).tags, start


def test_an_act_with_its_reason_does_not_follow_a_denial() -> None:
    text = (
        "The minister denied the newspaper’s report.\n"
        "He resigned on Tuesday, saying the story had become a distraction.\n"
    )
    assert "denial" not in suggestions(text)[-1].tags


def test_the_accuser_quoted_after_a_denial_does_not_go_on_with_it() -> None:
    text = (
        "Prosecutors accused the mayor of taking bribes from a builder.\n"
        "The mayor denied the charges.\n"
        "“The evidence is overwhelming,” the prosecutors said.\n"
    )
    assert "denial" not in suggestions(text)[-1].tags


CLUB = (
    "The league accused the Harbour City club of paying players off the books.\n"
    "The club’s chairman, Ines Moro, rejected the accusation.\n"
    "“The claims are false.”\n"
    "“Our accounts are audited every year.”\n"
    "“We have seen nothing to suggest that any rule was broken.”\n"
)


def test_a_bare_quotation_goes_on_with_the_speaker_before() -> None:
    found = suggestions(CLUB)
    bare = sentence(found, CLUB, "“The claims are false")
    assert "denial" in bare.tags
    assert "attribution" not in bare.tags and bare.source is None  # no source in it
    assert denial_basis(bare) == WORD
    assert bare.denial_by_rules < 0.78  # its speaker is inferred, not stated


def test_a_bare_quotation_needs_its_own_cue_and_a_speaker_before() -> None:
    found = suggestions(CLUB)
    assert "denial" not in sentence(found, CLUB, "“Our accounts").tags
    assert "denial" not in sentence(found, CLUB, "“We have seen nothing").tags  # absence
    opening = "“The claims are false.”\nThe club said nothing more.\n"
    assert "denial" not in suggestions(opening)[0].tags


NEAR_MISSES = (
    "A fire broke out at the Delta Chemicals plant in Harwick on Tuesday night.\n"
    "No injuries were reported.\n"
    "Firefighters said the blaze did not spread beyond the storage building.\n"
    "The company said it had not yet determined the cause.\n"
    "Delta Chemicals declined to comment on earlier safety complaints.\n"
    "The environment agency did not respond to a request for comment.\n"
    "Officials would not say whether residents should stay indoors.\n"
    "The state has not officially confirmed that the air is safe.\n"
    "The mayor said she was not worried about the air quality.\n"
    "Residents said they had never seen such a large fire.\n"
    "The plant has not reopened.\n"
)


def test_near_misses_stay_non_denials() -> None:
    for suggestion in suggestions(NEAR_MISSES):
        text = NEAR_MISSES[suggestion.start : suggestion.end]
        assert "denial" not in suggestion.tags, text
        assert suggestion.scores["denial"] < 0.4, text


def test_scores_rank_the_evidence() -> None:
    """The rules rank their evidence: a denial word over a counter-assertion answering an
    accusation over a statement following a denial. Since denial-model-1 the score shown
    is the larger of the rules' and the model's, so the model's confidence in an answer
    to an accusation can put such a sentence as high as a denial word; never lower."""
    word = sentence(suggestions(HOSPITAL), HOSPITAL, "The hospital denied")
    counter = sentence(suggestions(BAKERY), BAKERY, "The chain’s owner")
    follows = sentence(suggestions(HOSPITAL), HOSPITAL, "“Every patient")
    assert word.denial_by_rules > counter.denial_by_rules > follows.denial_by_rules
    for found in (word, counter, follows):
        assert found.scores["denial"] >= found.denial_by_rules
    assert follows.tags_at_least(0.5) == follows.tags
    assert "denial" in word.tags_at_least(0.7)


@pytest.mark.parametrize(
    "text",
    [
        # accused, then the accused's own flat "never"/"nothing"/"not … anything"
        "Prosecutors charged the former treasurer with stealing from the charity.\n"
        "The former treasurer, Mark Olsen, told reporters he had never taken any money.\n",
        "The airline was accused of hiding safety faults from passengers.\n"
        "“We have hidden nothing from anyone,” its chief executive, Lena Park, said.\n",
        "Critics claimed the firm had sold customer data to advertisers.\n"
        "The firm insisted that no data had been sold.\n",
        "The report alleged that the minister had taken gifts from a builder.\n"
        "The minister’s office said she had never met the builder.\n",
        "An environmental group accused the mine of dumping waste into the river.\n"
        "“We have never released untreated water into the river,” the mine’s director, "
        "Tom Haley, said.\n",
    ],
)
def test_counter_assertions(text: str) -> None:
    last = suggestions(text)[-1]
    assert "denial" in last.tags, text[last.start : last.end]


@pytest.mark.parametrize(
    "text",
    [
        # first-person negatives that answer nothing: pride, records, grievances
        "The team won the cup on Saturday.\n"
        "“I have never been so proud of my players,” the coach said.\n",
        "Nurses at the hospital went on strike on Monday.\n"
        "“We have not had a day off in three weeks,” a nurse told reporters.\n",
        "The port union met the company on Friday.\n"
        "The union said its members had not been consulted about the new shifts.\n",
    ],
)
def test_negatives_that_answer_nothing(text: str) -> None:
    last = suggestions(text)[-1]
    assert "denial" not in last.tags, text[last.start : last.end]


@pytest.mark.parametrize(
    "text",
    [
        # a negated wrongdoing: nobody says "I never lied" unless it was put to them
        "The founder said he had never lied to investors.\n",
        "A rival accused the cyclist of doping.\nThe cyclist said she did not cheat.\n",
        "The newspaper reported that the mayor took bribes.\n"
        "“I have never taken a bribe in my life,” the mayor said.\n",
        # the earlier claim said again, negated: a reported thing said not to be so
        "The report said the dam was leaking.\nThe operator said the dam was not leaking.\n",
        "Residents said the water supply was contaminated.\n"
        "The utility said the water supply was not contaminated.\n",
        # a reassurance insisted on after an accusation
        "Regulators accused the bank of breaking sanctions.\n"
        "The bank insisted it had acted lawfully.\n",
    ],
)
def test_counter_assertions_without_a_denial_word(text: str) -> None:
    last = suggestions(text)[-1]
    assert "denial" in last.tags, text[last.start : last.end]
    assert denial_basis(last) == COUNTER


@pytest.mark.parametrize(
    "text",
    [
        # a concession after a denial does not go on with it
        "Prosecutors accused the banker of hiding losses.\n"
        "The banker denied the charges.\n"
        "“I made mistakes, and I trusted the wrong people,” he said.\n",
        # the same words, not negated, or negated about something else
        "The report said the dam was leaking.\n"
        "Engineers said they had not inspected the dam since March.\n",
        "The report said the dam was leaking.\nThe operator said the dam was old.\n",
        # an act described, not an accusation answered
        "The referee said the players had acted properly after the injury.\n",
        # an absence of information is not a denial
        "The company said it had received no formal complaint.\n",
        # a wrongdoing negated under a plan is a pledge
        "Critics said the mayor would hide the figures.\n"
        "The mayor said she would not hide anything.\n",
    ],
)
def test_near_misses_of_counter_assertions(text: str) -> None:
    last = suggestions(text)[-1]
    assert "denial" not in last.tags, text[last.start : last.end]
