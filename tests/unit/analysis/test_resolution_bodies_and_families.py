"""src14: "He" after "Policía Nacional said" resolved to the police (a body named with a
body's word, in any language, is no "he"), and one family name joined two people: "Mrs.
Biden" joined "Hunter Biden" (a woman's title never joins a man's given name), "Hunter
Biden" joined "Joe Biden" (two given names are two people)."""

from __future__ import annotations

import pytest

from workbench.core.analysis.sources.grouping import group_sources
from workbench.core.analysis.sources.women import TypedSource, women_named
from workbench.core.analysis.suggestions.suggest import suggest_sentences
from workbench.core.corpus.sentences import split_sentences


def resolved(text: str) -> list[tuple[str | None, str | None]]:
    """Each sentence's suggested source and the speaker it resolves to."""
    found = suggest_sentences("one", text, split_sentences("one", text))
    return [(s.source, s.resolved_source) for s in found]


@pytest.mark.parametrize(
    "body",
    [
        "Policía Nacional",
        "The Policía Nacional",
        "Guardia Civil",
        "Agencia Española de Protección de Datos",
        "Ministerio de Sanidad",
        "Acme Technologies",
        "Brenner Holdings",
        "Grupo Santander",
    ],
)
def test_he_is_never_a_body(body: str) -> None:
    text = f"{body} said two men were arrested in Valencia. He said they would appear in court."
    assert resolved(text)[-1] == ("He", None)
    person = "Inspector Juan Ortiz said the men were known to police. " + text
    assert resolved(person)[-1] == ("He", "Juan Ortiz")


def test_a_womans_title_never_joins_a_mans_given_name() -> None:
    both = "Mrs. Biden said the family was grateful. Hunter Biden said he would testify."
    assert resolved(f"{both} She said the hearing was unfair.")[-1] == ("She", "Mrs. Biden")
    later = "Hunter Biden said he would testify. Mrs. Biden said the family was grateful."
    assert resolved(f"{later} He said the hearing was unfair.")[-1] == ("He", "Hunter Biden")
    hunter = TypedSource("Hunter Biden", "Hunter Biden", "Hunter Biden said it was legal.", "h")
    jill = TypedSource("Mrs. Biden", "Mrs. Biden", "Mrs. Biden said the family was united.", "h")
    assert women_named([hunter, jill]) == frozenset()
    groups = group_sources(["Hunter Biden", "Mrs. Biden"], {}, women_named([hunter, jill]))
    assert {g.canonical: g.variants for g in groups} == {
        "Hunter Biden": ("Hunter Biden",),
        "Mrs. Biden": ("Mrs. Biden",),
    }


def test_two_given_names_of_one_family_are_two_people() -> None:
    text = (
        "Joe Biden said the talks went well. Hunter Biden said the deal was legal. "
        "He said the hearing was unfair."
    )
    assert resolved(text)[-1] == ("He", "Hunter Biden")


def test_a_title_still_joins_the_full_name_it_fits() -> None:
    text = (
        "Nancy Pelosi said the bill would pass. Ms. Pelosi said 218 members had signed. "
        "She said the vote was on Friday."
    )
    assert resolved(text)[-1] == ("She", "Nancy Pelosi")
