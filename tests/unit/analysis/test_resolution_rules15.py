"""rules-15: a name read as a body or a group from its form alone is not kept from the
person a pronoun names. rv13 R12: "Tomas Reyes said its members would stay out." read
"Tomas Reyes" as a body ("its" after a name tells a company, rules-13), so the "He" after
it named nobody; a common first name is evidence of a person that a possessive which may
point elsewhere does not outweigh. rv13 R6: "Sanders said 3,000 …" read the surname as
a group (a plural opening its sentence, as "Rescuers said" is); a "he" or "she" opening
the next sentence, with no person nearer, is evidence that the name is a person's."""

from __future__ import annotations

from tests.fixtures.speaker_story import UNION_STORY, suggestion_at, typed_speaker


def test_a_full_name_with_a_first_name_followed_by_its_is_a_person() -> None:
    """rv13 R12, as reported: "He" was unresolved (Tomas Reyes read as a body)."""
    text = (
        "Strike at Dunmere\n\n"
        "Tomas Reyes said its members would stay out.\n\n"
        "He said 4,000 had joined.\n"
    )
    assert suggestion_at(text, "He said").resolved_source == "Tomas Reyes"
    assert typed_speaker(text, "He said", "he") == "Tomas Reyes"


def test_a_name_followed_by_its_is_he_of_the_next_sentence() -> None:
    """No first name the lexicon knows: the "He" opening the next sentence, with nobody
    else to name, tells the person."""
    text = (
        "Strike at Dunmere\n\n"
        "Oren Vasko said its members would stay out.\n\n"
        "He said 4,000 had joined.\n"
    )
    assert suggestion_at(text, "He said").resolved_source == "Oren Vasko"


def test_a_company_followed_by_its_is_still_the_company() -> None:
    """What rules-13 fixed stays: "The company said" is Marlow Agrochem, the "He" after
    it the union's secretary."""
    text = UNION_STORY
    assert suggestion_at(text, "The company said").resolved_source == "Marlow Agrochem"
    assert suggestion_at(text, "He said").resolved_source == "Tomas Reyes"


def test_a_surname_ending_in_s_opening_a_sentence_is_the_person_he_names() -> None:
    """rv13 R6: "Sanders said 3,000 …" was a group, so "He" named nobody."""
    text = (
        "Rally in Burlington\n\n"
        "Sanders said 3,000 people had come to the rally.\n\n"
        "He said the crowd had been peaceful.\n"
    )
    assert suggestion_at(text, "He said").resolved_source == "Sanders"
    assert typed_speaker(text, "He said", "he") == "Sanders"


def test_a_nearer_person_comes_first_and_a_group_stays_they() -> None:
    """The pronoun's evidence counts for the speaker just before only: "He" after
    "Rescuers said" and a person named since is that person; "They" is still the
    rescuers."""
    text = (
        "Rescuers said 22 people were still missing.\n\n"
        "Mr. Olsen said the search would go on.\n\n"
        "He said divers had arrived.\n"
    )
    assert suggestion_at(text, "He said").resolved_source == "Mr. Olsen"
    plural = "Rescuers said 22 people were still missing.\n\nThey added that the search went on.\n"
    assert suggestion_at(plural, "They added").resolved_source == "Rescuers"


def test_a_body_the_article_writes_as_one_is_never_he() -> None:
    """Only the form's reading yields: a body after "the" or beside its kind stays a
    body whatever pronoun follows (qa10 Q1, Q3)."""
    written = (
        "Norrdal Power, the state-owned company that runs the dam, denied the reports.\n\n"
        "He said the dam was sound.\n"
    )
    assert suggestion_at(written, "He said").resolved_source is None
    definite = "About 12,000 people remain in shelters, the Red Cross said.\n\nHe added more.\n"
    assert suggestion_at(definite, "He added").resolved_source is None


def test_he_added_after_a_surname_said_is_that_person() -> None:
    """qa13 Q16: "He added" after "Lindqvist said" named nobody (a surname alone, the
    full name only narrated before, read as a brand); it is Lindqvist, as "He said" is."""
    for intro in ("", "The council is led by Erik Lindqvist.\n\n"):
        for verb in ("added", "said"):
            text = (
                f"Budget\n\n{intro}Lindqvist said the budget was short by 4 million.\n\n"
                f"He {verb} that cuts would follow.\n"
            )
            assert suggestion_at(text, "He ").resolved_source == "Lindqvist"
