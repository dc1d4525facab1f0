"""qa15 Q9: "Survivors said ...", "Relatives say ..." opening a sentence were typed as
"Survivors" and "Relatives", and the Sources tab called them a person (one capitalised
word, no body's word in it). A plural of a role names a group of people."""

from __future__ import annotations

import pytest

from workbench.core.analysis.sources.grouping import group_sources


@pytest.mark.parametrize("typed", ["Survivors", "Relatives", "Witnesses", "Doctors"])
def test_a_plural_role_is_a_group_however_capitalised(typed: str) -> None:
    (group,) = group_sources([typed, typed.lower()])
    assert group.kind == "group"


@pytest.mark.parametrize("name", ["Williams", "Reyes", "Witness", "Tomas Reyk"])
def test_a_name_or_one_role_holder_is_still_a_person(name: str) -> None:
    (group,) = group_sources([name])
    assert group.kind == "person"
