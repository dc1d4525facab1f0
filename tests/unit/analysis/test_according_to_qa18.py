"""qa18 F8: "Talks are scheduled to resume on Monday, according to a mediator appointed
by the labour ministry." was suggested with the source "mediator appointed": after
"according to", a noun phrase that is no known role ran up to the preposition, taking
the participle that opens its post-modifier ("appointed by", "hired by", "based in")."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_suggest_rules5 import one


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Talks will resume on Monday, according to a mediator appointed by the labour "
         "ministry.", "mediator"),
        ("The dam held, according to a surveyor hired by the county.", "surveyor"),
        ("The dam held, according to a hydrologist stationed in the valley.", "hydrologist"),
        ("The dam held, according to a retired hydrologist.", "retired hydrologist"),
        ("The fund lost half its value, according to a court-appointed liquidator.",
         "court-appointed liquidator"),
    ],
)  # fmt: skip
def test_a_participle_opening_a_post_modifier_is_no_part_of_the_source(
    text: str, source: str
) -> None:
    assert one(text).source == source
