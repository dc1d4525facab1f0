"""rules-4: the forms added after blind set 2 was measured (it then became development
text), each with its near misses. Every sentence here was written for these tests from
../shared/GUIDELINE.md and news usage; none is copied from a gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.analysis.suggestions.suggest import (
    THRESHOLDS,
    Suggestion,
    suggest,
    suggest_sentences,
)
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import split_sentences


def suggestions(text: str) -> list[Suggestion]:
    return suggest(Article(id="story", path=Path("story.txt"), text=text))


def one(text: str) -> Suggestion:
    found = suggest_sentences("one", text, split_sentences("one", text))
    assert len(found) == 1
    return found[0]


def sentence(found: list[Suggestion], text: str, start: str) -> Suggestion:
    return next(s for s in found if text[s.start : s.end].startswith(start))


# ---------------------------------------------------------------- deny as a ruling


@pytest.mark.parametrize(
    "text",
    [
        "A judge denied the company's request to delay the trial.",
        "The court denied the appeal on Tuesday.",
        "The insurer has denied nearly 2,000 claims filed after the storm.",
        "Harbor Mutual denied 512 claims last year.",
        "The tribunal denied him bail.",
        "The council denied the residents' application for a permit.",
    ],
)
def test_denying_a_request_or_counted_claims_is_a_ruling_not_a_denial(text: str) -> None:
    found = one(text)
    assert "denial" not in found.tags
    assert "attribution" not in found.tags


@pytest.mark.parametrize(
    "text",
    [
        "The company denied the claims, calling them baseless.",
        "The minister denied that any troops had crossed the border.",
        "Harbor Mutual denied claims that it had delayed payments on purpose.",
    ],
)
def test_denying_a_claim_is_still_a_denial(text: str) -> None:
    assert "denial" in one(text).tags


# ---------------------------------------------------------------- dismissive names


@pytest.mark.parametrize(
    "text",
    [
        'The opposition leader called the minister\'s explanation "a whitewash."',
        'The club chairman called that account "laughable."',
        "Critics called the government's version of events a cover-up.",
    ],
)
def test_calling_an_explanation_a_whitewash_or_laughable_is_a_denial(text: str) -> None:
    found = one(text)
    assert "denial" in found.tags and "attribution" in found.tags


@pytest.mark.parametrize(
    "text",
    [
        'The mayor called the new stadium "a whitewash of the old one."',
        "The comedian called the evening laughable fun.",
    ],
)
def test_a_dismissive_word_not_aimed_at_a_claim_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- standing by


def test_standing_by_a_decision_is_an_attribution_and_weak_denial_evidence() -> None:
    """rules-7: standing by a report or a decision is read (the cue, a weak score) but
    not suggested as a denial on its own: blind sets 3–6's annotators tagged 1 of 8."""
    found = one("The insurer stood by its decisions.")
    assert "attribution" in found.tags and "denial" not in found.tags
    assert found.source == "insurer"
    assert 0.2 <= found.denial_by_rules < THRESHOLDS["denial"]


def test_standing_by_a_person_or_a_place_is_neither() -> None:
    for text in (
        "The coach stood by the goalkeeper.",
        "Fans stood by the gate for hours.",
        "The senator stood by her decision to retire.",
    ):
        found = one(text)
        assert "denial" not in found.tags and "attribution" not in found.tags


# ---------------------------------------------------------------- insisting


CLINIC = (
    "Patients accused the Northgate clinic of cancelling appointments without notice.\n"
    "The clinic's director, Ruth Amis, said 300 appointments had been moved this year, "
    "but insisted that every patient had been called in advance.\n"
    "She said the clinic would publish its figures next month.\n"
)


def test_insisting_against_an_accusation_is_a_denial() -> None:
    found = suggestions(CLINIC)
    director = sentence(found, CLINIC, "The clinic's director")
    assert "denial" in director.tags
    assert director.source == "Ruth Amis"
    assert "denial" not in sentence(found, CLINIC, "She said the clinic").tags


def test_insisting_with_nothing_to_answer_is_not_a_denial() -> None:
    text = "The chef insisted that the soup be served cold.\n"
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- flat rebuttals


FUND = (
    "A newspaper reported that the Larkspur fund had traded on leaked figures.\n"
    'Larkspur said it had "never received any confidential information" from the agency.\n'
)


def test_never_with_any_is_a_flat_rebuttal_whatever_the_verb() -> None:
    found = suggestions(FUND)
    assert "denial" in sentence(found, FUND, "Larkspur said").tags


def test_a_grievance_or_absence_stays_a_non_denial() -> None:
    text = (
        "Residents said they had not yet received any compensation.\n"
        "The agency said it had not received the report.\n"
    )
    for found in suggestions(text):
        assert "denial" not in found.tags


def test_never_anything_answering_an_accusation_is_a_denial() -> None:
    text = (
        "The league accused the agent Tom Reyes of arranging an illegal transfer.\n"
        'Reyes said he had "never negotiated anything with the club."\n'
    )
    assert "denial" in sentence(suggestions(text), text, "Reyes said").tags


# ---------------------------------------------------------------- texts as sources


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The ship carried 90 passengers, according to its manifest.", "its manifest"),
        ("The firm paid $2 million in fines, according to court records.", "court records"),
        ("Prices rose 9% last year, according to official figures.", "official figures"),
        ("The officers took bribes, according to the complaint.", "complaint"),
        ("The plant leaked for weeks, according to a whistleblower.", "whistleblower"),
        ("Five carriers have left the state since 2022, industry data show.", "industry data"),
        ("Customs records show that the cargo left Rotterdam in May.", "Customs records"),
    ],
)
def test_a_text_that_reports_is_a_source(text: str, source: str) -> None:
    found = one(text)
    assert "attribution" in found.tags
    assert found.source == source


@pytest.mark.parametrize(
    "text",
    [
        "The photographs show a crowd outside the station.",
        "The show was cancelled after two episodes.",
        "Moonline Records released the album in March.",
    ],
)
def test_showing_without_a_text_as_subject_is_no_attribution(text: str) -> None:
    assert "attribution" not in one(text).tags


# ---------------------------------------------------------------- other verbs


def test_admitting_a_number_of_people_is_not_a_report() -> None:
    assert "attribution" not in one("The college admitted 2,300 students last year.").tags
    assert "attribution" in one("The college admitted that it had lost the records.").tags


def test_comment_on_reports_is_a_refusal_not_a_report() -> None:
    found = one("It declined to comment on reports that the pilot had been tired.")
    assert "attribution" not in found.tags


def test_did_not_explain_reports_nothing() -> None:
    assert "attribution" not in one("The mayor did not explain why the bridge was closed.").tags


def test_an_occupation_after_an_inverted_says_is_the_source() -> None:
    found = one('"Nobody listens to us," says one night nurse.')
    assert "attribution" in found.tags
    assert found.source == "one night nurse"


# ---------------------------------------------------------------- source conventions


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Both airlines said they were cooperating with the inquiry.", "Both airlines"),
        ("Both Spain and Portugal said the border would stay open.", "Spain and Portugal"),
        ("Navy spokesman Commodore Ian Vale said the ship had sailed.", "Ian Vale"),
        (
            "Minister of Transport and Infrastructure Ana Lobo said the line would reopen.",
            "Ana Lobo",
        ),
        ("Secretary of State Blinken said talks would resume.", "Secretary of State Blinken"),
        (
            "The firm's trade body, the Northern Builders Federation, said prices had risen.",
            "Northern Builders Federation",
        ),
        ("The singer's label, Moonline Records, said the song was original.", "Moonline Records"),
    ],
)
def test_source_conventions(text: str, source: str) -> None:
    found = one(text)
    assert "attribution" in found.tags
    assert found.source == source
