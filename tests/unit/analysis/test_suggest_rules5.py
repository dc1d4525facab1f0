"""rules-5: the forms added after blind set 3 was measured (blind sets 1-3 and the DEV
set are all development text now), each with its near misses. Every sentence here was
written for these tests from ../shared/GUIDELINE.md and news usage; none is copied from
a gold set."""

from __future__ import annotations

import pytest

from workbench.core.analysis.suggestions.suggest import (
    SUGGESTER_VERSION,
    Suggestion,
    suggest_sentences,
)
from workbench.core.corpus.sentences import split_sentences


def suggested(text: str) -> list[Suggestion]:
    return suggest_sentences("story", text, split_sentences("story", text))


def one(text: str) -> Suggestion:
    found = suggested(text)
    assert len(found) == 1
    return found[0]


def test_the_version_is_rules_17_with_the_denial_model() -> None:
    """rules-6 keeps these forms and moves the denial threshold (0.45 to 0.40): what is
    suggested changed, so provenance made under rules-5 is not read as rules-6's; the
    denial model (denial-model-1) changed it again, rules-7 with denial-model-2 again,
    rules-8 (a role resolves only to a body of its kind) again, rules-9 (a body's role
    never a person; a dated 'By' no byline) again, rules-10 ("died" a past form) again,
    rules-11 ("… is not yet known" no claim) again, rules-12 (a role or pronoun only a
    speaker of its kind, "put … at N"; the denial model given rules-11's reading) again,
    rules-13 (a person named before a role; a name followed by "its" a body) again,
    rules-14 (a subject's head, never a word inside its post-modifier) again, rules-15
    (a name read as a body or a group by its form alone may be the person a pronoun
    names; the model's probability shown at most 0.69) again, rules-16 (three plain words
    between a determiner and the head: "The Spanish data protection agency") again,
    rules-17 (a body's words in other languages: "Policía Nacional") again, rules-18 (a
    name with a body's word is no "he"; one family name, two people) again, rules-19 (a
    company named by its trade is a body: "Lakeline Transport"; "A statement by the
    ministry said"; "no reason to question" no denial) again, rules-20 (a pronoun is
    nobody its sentence names after it; a possessive name without its "'s"; a combining
    accent inside its word) again, rules-21 (a title-case headline's verb opens no
    titled name: "Mayor Says Flood Killed") again, rules-22 (a figure named as a
    "count", "tally" or "toll" is a claim a dispute verb may be aimed at) again, rules-23
    (after "according to", a participle before a preposition opens a post-modifier: "a
    mediator appointed by the ministry") again."""
    assert SUGGESTER_VERSION == "rules-23+denial-model-2"


# ---------------------------------------------------------------- passive disputes


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The accusations were rejected by the ruling party.", "ruling party"),
        ("The claims were also firmly denied by the ministry.", "ministry"),
        ("Her account of the meeting was disputed by two colleagues.", "two colleagues"),
        ("The allegations were brushed aside by the club's owner.", "club's owner"),
        ("The union's figures were quickly dismissed by Transport Minister Ana Lopes.",
         "Ana Lopes"),
    ],
)  # fmt: skip
def test_a_passive_dispute_names_its_agent_as_the_source(text: str, source: str) -> None:
    found = one(text)
    assert {"attribution", "denial"} <= set(found.tags)
    assert found.source == source


@pytest.mark.parametrize(
    "text",
    [
        "The charges were dismissed by a judge in March.",
        "The proposal was rejected by the council on Monday.",
        "Her application was denied by the housing office.",
        "The reports were published by three newspapers.",
    ],
)
def test_a_passive_ruling_or_act_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- described, then named


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The airline's largest shareholder, the investment fund Arcadia, said it would "
         "vote against the deal.", "Arcadia"),
        ("One of the strikers, the veteran forward Tomas Berg, told reporters he was fit.",
         "Tomas Berg"),
        ("A patients' group, Friends of the Royal Infirmary, said waiting times had "
         "doubled.", "Friends of the Royal Infirmary"),
        ("The defending champion, former world number one Lena Ost, said she felt ready.",
         "Lena Ost"),
        ("The city's mayor, a former teacher, said the budget was balanced.", "city's mayor"),
        ("The lawsuit, filed by Maria Gomez in a court in Lisbon, alleges fraud.", "lawsuit"),
    ],
)  # fmt: skip
def test_a_description_then_a_name_gives_the_name(text: str, source: str) -> None:
    assert one(text).source == source


def test_a_sentence_opening_with_a_place_phrase_keeps_its_subject_as_speaker() -> None:
    text = (
        "Outside the stadium, the fans' association issued a statement saying the ban was unfair."
    )
    found = one(text)
    assert found.source == "fans' association"


# ---------------------------------------------------------------- disputed texts


@pytest.mark.parametrize(
    "text",
    [
        "The head of research, Omar Said, rejected that analysis in an email to staff.",
        "The company's lawyer, Ruth Kay, took issue with the study's method.",
        "The mayor dismissed online commentary linking the fire to the new plant.",
        "The ministry's spokesman, Ivan Petrov, disputed the poll's results.",
        "Dr. Mills refuted a claim spreading on social media that the vaccine was untested.",
    ],
)
def test_disputing_a_text_or_its_method_is_a_denial(text: str) -> None:
    assert {"attribution", "denial"} <= set(one(text).tags)


@pytest.mark.parametrize(
    "text",
    [
        "The board rejected the merger plan on Friday.",
        "The minister dismissed two senior officials after the leak.",
        "The embassy denied a visa to the journalist.",
    ],
)
def test_disputing_an_act_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- calling a claim something


@pytest.mark.parametrize(
    "text",
    [
        'The coach described claims to the contrary as "simply mistaken."',
        'The chief executive called the report\'s account "a complete misreading of the contract."',
        "The authors issued a statement calling the critics' account a mischaracterisation "
        "of their work.",
        'The minister described the union\'s figures as "plainly wrong."',
    ],
)
def test_calling_a_claim_mistaken_is_a_denial(text: str) -> None:
    assert {"attribution", "denial"} <= set(one(text).tags)


@pytest.mark.parametrize(
    "text",
    [
        'The professor called the report "an important contribution."',
        'She described the findings as "sobering."',
        "He called the decision wrong-headed but said he would comply.",
    ],
)
def test_calling_a_claim_by_another_name_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- "no such", "any such"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said no such meeting had taken place.",
        "The club said it had received no such offer.",
        "She said she was not aware of any such payment.",
    ],
)
def test_no_such_thing_rebuts_what_was_reported(text: str) -> None:
    assert {"attribution", "denial"} <= set(one(text).tags)


@pytest.mark.parametrize(
    "text",
    [
        "The police said they would look into any such reports.",
        "The regulator said any such payment would have to be declared.",
    ],
)
def test_any_such_without_negation_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- denials not made


@pytest.mark.parametrize(
    "text",
    [
        "The senator did not deny meeting the lobbyist.",
        "The company has never denied the report.",
        "The ministry would neither confirm nor deny the figures.",
        "The player declined to deny the transfer rumours.",
        "Asked whether he denied the allegations, the coach said he had no comment.",
        "Reporters asked the minister if she denies the claims.",
    ],
)
def test_a_denial_not_made_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


# ---------------------------------------------------------------- nobody speaks


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the blast.",
        "The ministry has not announced whether it will appeal.",
        "The company did not explain how the data was lost.",
    ],
)
def test_nothing_said_is_no_attribution(text: str) -> None:
    assert "attribution" not in one(text).tags


# ---------------------------------------------------------------- after a denial


def test_a_reported_clause_after_a_denial_is_narration() -> None:
    text = (
        "The hospital denied that patients had been turned away. "
        "It said it had opened two new wards this year."
    )
    assert "denial" not in suggested(text)[1].tags


def test_a_quotation_after_a_denial_goes_on_denying() -> None:
    text = (
        "The hospital denied that patients had been turned away. "
        '"Every patient who came to us was seen and treated," a spokeswoman said.'
    )
    assert "denial" in suggested(text)[1].tags


# ---------------------------------------------------------------- headlines


@pytest.mark.parametrize(
    "text",
    [
        "Senator denies taking gifts from defence contractor",
        "Cargo plane lands safely after engine fire",
        "Port workers dispute safety figures",
    ],
)
def test_a_sentence_case_headline_with_a_verb_is_a_claim(text: str) -> None:
    assert "claim" in one(text).tags


@pytest.mark.parametrize(
    "text",
    ["Weather and traffic updates", "Opinion: the week in review", "Photos and videos"],
)
def test_a_label_is_not_a_claim(text: str) -> None:
    assert "claim" not in one(text).tags


def test_a_headline_denial_names_the_denier_not_the_verb() -> None:
    found = one("Council rejects claim it ignored flood warnings")
    assert {"attribution", "denial"} <= set(found.tags)
    assert found.source == "Council"


def test_recalling_counted_things_reports_nothing() -> None:
    assert "attribution" not in one("CarCo recalls 80,000 cars over faulty brakes.").tags


# ---------------------------------------------------------------- not what is disputed


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Amal Reyes, an engineer who was not involved in the inquiry, said the bridge "
        "was sound.",
        "The health board said there was no risk to patients.",
        "He said it was not possible to say how long the repairs would take.",
        "She said she was not seeking damages.",
    ],
)
def test_a_description_a_reassurance_or_an_inability_is_not_a_denial(text: str) -> None:
    assert "denial" not in one(text).tags


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('The envoy, in a speech to the assembly, branded the report "a fabrication."',
         "envoy"),
        ("The club's medical director, Dr. Lise Holm, contested the league's figures, "
         "saying most injuries were minor.", "Lise Holm"),
    ],
)  # fmt: skip
def test_branding_or_contesting_a_claim_is_a_denial_by_its_subject(text: str, source: str) -> None:
    found = one(text)
    assert {"attribution", "denial"} <= set(found.tags)
    assert found.source == source


# ---------------------------------------------------------------- sources and claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Two bridges were damaged in the storm, according to fishermen.", "fishermen"),
        ("The fund lost half its value, according to a court-appointed liquidator.",
         "court-appointed liquidator"),
        ("The ship sank within minutes, according to crew members on a nearby trawler.",
         "crew members"),
    ],
)  # fmt: skip
def test_according_to_any_noun_phrase_names_the_source(text: str, source: str) -> None:
    found = one(text)
    assert "attribution" in found.tags
    assert found.source == source


@pytest.mark.parametrize(
    "text",
    [
        "Why the plane turned back has not been explained.",
        "How many people were on board is not known.",
        "It was not immediately known how the fire started.",
        "Whether the talks resume remains an open question.",
    ],
)
def test_a_question_said_to_be_open_is_no_claim(text: str) -> None:
    assert "claim" not in one(text).tags


@pytest.mark.parametrize(
    "text",
    [
        "Copyright lawsuits against record labels have doubled since 2020.",
        "Voting resumes on Monday.",
        "The airline has not declared an emergency.",
        "The mayor did not reply to questions.",
    ],
)
def test_a_plain_statement_is_a_claim_without_attribution(text: str) -> None:
    found = one(text)
    assert found.tags == ("claim",)


def test_a_copyright_line_is_furniture() -> None:
    assert one("Copyright 2026 The Valley Herald.").tags == ()


# ---------------------------------------------------------------- quoted verbs, "a single"


def test_a_dispute_verb_quoted_in_a_reported_clause_is_a_denial() -> None:
    text = 'The club said it "firmly rejects" any suggestion that its players were paid.'
    assert {"attribution", "denial"} <= set(one(text).tags)


def test_never_a_single_answers_an_accusation() -> None:
    text = (
        "The magazine reported that the senator had taken gifts from lobbyists. "
        '"I have never accepted a single gift from a lobbyist," the senator told reporters.'
    )
    assert "denial" in suggested(text)[1].tags


def test_a_single_without_negation_is_no_rebuttal() -> None:
    text = (
        "The magazine reported that the senator had taken gifts from lobbyists. "
        '"I accepted a single gift, and I declared it," the senator told reporters.'
    )
    assert "denial" not in suggested(text)[1].tags


# ---------------------------------------------------------------- whose speaker


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Relatives of the missing climbers criticised the search.",
         "Relatives of the missing climbers"),
        ("Lawyers for the defendants said they would appeal.", "Lawyers for the defendants"),
        ("A spokesman for the airline said flights would resume.", "spokesman for the airline"),
        ("A senior official familiar with the talks said a deal was close.", "senior official"),
        ("Officials who asked not to be named said the plan was shelved.", "Officials"),
    ],
)  # fmt: skip
def test_a_post_modifier_saying_whose_is_part_of_the_source(text: str, source: str) -> None:
    assert one(text).source == source


def test_a_group_with_a_post_modifier_is_not_the_body_a_later_role_means() -> None:
    text = (
        "The mining company denied that it had ignored any warnings. "
        "Relatives of the trapped men accused the company of cutting corners. "
        '"Every shift was inspected," the company said.'
    )
    assert suggested(text)[2].resolved_source == "mining company"


def test_a_time_after_by_is_no_byline_and_put_is_a_verb() -> None:
    """qa7 Q10 f: a toll "By Saturday" was a byline (furniture), and "X put the number
    of dead at 211" had no verb: neither was suggested a claim."""
    risen = one("By Saturday, the death toll had risen to 217, the regional government said.")
    assert "claim" in risen.tags and "attribution" in risen.tags
    assert "claim" in one("Carlos Mazón put the number of dead at 211.").tags
    assert "claim" not in one("By Jenna Morales").tags  # still a byline


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the fire service, 16 people died in the blast.",
        "Sixteen people died in the blast, according to the fire service.",
        "16 people died in the blast.",
    ],
)
def test_a_toll_said_with_died_is_a_claim(sentence: str) -> None:
    """qa9 Q11: "died" was too short for the past-form test: no verb, no claim."""
    assert "claim" in one(sentence).tags


def test_a_sentence_that_only_says_something_is_not_known_is_no_claim() -> None:
    """qa9 Q17 b: "The cause of the explosion is not yet known." was a claim (0.56)."""
    assert "claim" not in one("The cause of the explosion is not yet known.").tags
    assert "claim" in one("Twelve people died, and the cause of the blast is not yet known.").tags
