"""qa16 Q9: "Piet van der Linde", a commission's spokesman, was a *group* in the Sources
tab: a person's name had to be capitalised throughout, and "van der" is not. A particle inside
a name ("van", "der", "von", "bin", "al") keeps it a person's, and "Mr. van der Linde"
is the same person."""

from __future__ import annotations

import pytest

from workbench.core.analysis.sources.grouping import group_sources


@pytest.mark.parametrize(
    "name", ["Piet van der Linde", "Ursula von der Leyen", "Ahmed bin Salem", "Lucas da Silva"]
)
def test_a_name_with_a_particle_is_a_person(name: str) -> None:
    (group,) = group_sources([name])
    assert (group.canonical, group.kind) == (name, "person")


def test_the_surname_with_its_particle_joins_the_full_name() -> None:
    (group,) = group_sources(["Piet van der Linde", "Mr. van der Linde"])
    assert (group.canonical, group.kind) == ("Piet van der Linde", "person")


@pytest.mark.parametrize("typed", ["van der Linde's office", "the de facto authorities", "van"])
def test_a_particle_that_opens_or_ends_it_names_no_person(typed: str) -> None:
    assert all(group.kind == "group" for group in group_sources([typed]))
