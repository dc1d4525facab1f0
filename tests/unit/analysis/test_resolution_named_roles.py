"""qa11 Q1: a person named before a role set between commas ("Tomas Reyes, secretary of
the plant workers' union, led the walkout") is remembered as a person with that role, so
a later "Reyes said" is that person and never "the company"; a name followed in its own
sentence by "its" ("Marlow Agrochem said its plant…") is a body, so "the company" may be
it and "he" never is."""

from __future__ import annotations

from tests.fixtures.speaker_story import UNION_STORY, suggestion_at, typed_speaker

PORT = (
    "Dockers stay out at Port Calder\n\n"
    "Harbour Lines said on Monday that two ships had been turned away.\n\n"
    "Ana Duarte, spokeswoman of the dockers' union, led the pickets on the quay.\n\n"
    "“We are staying until the contract is signed,” Duarte said.\n\n"
    "The company said the port would reopen on Friday.\n\n"
    "She said the union had not been consulted.\n"
)

BAKERY = (
    "Bakers strike at Ardley\n\n"
    "Kestrel Foods said its Ardley bakery had stopped work on Tuesday.\n\n"
    "Ben Okafor, an organiser for the bakers' union, joined the strikers at the gate.\n\n"
    "“Nobody goes back for less,” Okafor said.\n\n"
    "The company said it had offered a 3 percent raise.\n\n"
    "He said the offer did not cover rising rents.\n"
)


def test_the_company_is_never_the_union_official_named_by_surname() -> None:
    """ "Duarte said" after "Ana Duarte, spokeswoman of the dockers' union," is that
    woman: "the company" was resolved to "Duarte" (a surname alone read as a brand)."""
    said = suggestion_at(PORT, "The company said")
    assert said.source == "company"
    assert said.resolved_source is None
    assert typed_speaker(PORT, "The company said", "the company") is None


def test_a_person_named_before_her_role_is_remembered_with_it() -> None:
    """ "She" and a typed "the spokeswoman" are Ana Duarte, named before her role and
    never a speaker in full; "She" was "Harbour Lines"."""
    assert suggestion_at(PORT, "She said").resolved_source == "Ana Duarte"
    assert typed_speaker(PORT, "She said", "the spokeswoman") == "Ana Duarte"
    assert typed_speaker(PORT, "She said", "the union spokeswoman") == "Ana Duarte"


def test_a_name_followed_by_its_is_the_company() -> None:
    """ "Kestrel Foods said its Ardley bakery…": a body, which "the company" is; "he" is
    the union's organiser."""
    assert suggestion_at(BAKERY, "The company said").resolved_source == "Kestrel Foods"
    assert typed_speaker(BAKERY, "He said", "the organiser") == "Ben Okafor"
    assert suggestion_at(BAKERY, "He said").resolved_source == "Ben Okafor"


def test_a_body_named_before_its_kind_is_no_person() -> None:
    """ "Harbour Lines, the company that runs the port," is described as a body: a "he"
    after it stays unresolved."""
    text = (
        "Harbour Lines, the company that runs the port, said two ships were turned away.\n\n"
        "He added that talks would resume.\n"
    )
    assert suggestion_at(text, "He added").resolved_source is None


def test_a_time_before_a_role_is_no_person() -> None:
    """ "On Tuesday evening, the spokesman, …": a time, not a name; "the spokesman" later
    is the speaker who was described by it."""
    text = (
        "Late Tuesday, the ministry spokesman, Ilya Marek, said the port was closed.\n\n"
        "The spokesman said it would reopen.\n"
    )
    assert suggestion_at(text, "The spokesman said").resolved_source == "Ilya Marek"


def test_the_testers_story() -> None:
    """qa11 Q1 as reported: "The company said" was "Reyes", the union's secretary."""
    text = UNION_STORY
    assert suggestion_at(text, "The company said").resolved_source == "Marlow Agrochem"
    assert typed_speaker(text, "The company said", "the company") == "Marlow Agrochem"
    assert suggestion_at(text, "He said").resolved_source == "Tomas Reyes"
    assert typed_speaker(text, "He said", "the secretary") == "Tomas Reyes"
