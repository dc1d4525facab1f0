"""qa21 #5: the Sources table called NATO, the EU, the U.N. and UNICEF "person": a name
of capitals alone, dotted or not, is a body's initials, never a person's name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.analysis.lexicon import SOURCE_PRONOUNS
from workbench.core.analysis.sources.grouping import group_sources, parse_source

LETTERS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=7)
ACRONYMS = st.one_of(
    LETTERS,
    LETTERS.map(lambda word: ".".join(word) + "."),  # U.N., U.S.A.
).filter(lambda word: word.lower().replace(".", "") not in SOURCE_PRONOUNS)


@given(ACRONYMS, st.sampled_from(["", "The ", "the "]))
def test_a_source_of_initials_is_a_body(acronym: str, article: str) -> None:
    assert parse_source(f"{article}{acronym}")[0] == "group"


def test_the_bodies_qa21_met_are_groups_and_people_stay_people() -> None:
    kinds = {g.canonical: g.kind for g in group_sources(["NATO", "The EU", "U.N.", "UNICEF"])}
    assert set(kinds.values()) == {"group"}
    for person in ("J.D. Vance", "Mr. DE GAULLE", "Emmanuel MACRON", "Ana McDonald"):
        assert parse_source(person)[0] == "person", person
