"""qa15 Q15: "A statement by the ministry said ..." was no attribution at all: "by" did
not open the subject's post-modifier ("from" did: "A statement from the ministry said"),
so the subject ended on "ministry", the object of a preposition, and nobody spoke; nor did
"Port records seen by this newspaper show that ..." ("reviewed by" was read)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_suggest_rules5 import one


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A statement by the ministry said the ferry was overloaded.", "statement by the ministry"),
        ("An analysis by Reuters said the ferry was overloaded.", "analysis by Reuters"),
        (
            "A 2019 report by the transport authority said that ferries carried more "
            "passengers than permitted.",
            "2019 report by the transport authority",
        ),
        # an irregular participle before "by" opens the post-modifier as "reviewed" does
        ("Port records seen by this newspaper show that 264 tickets were sold.", "Port records"),
        ("Emails seen by the Echo said the ferry was full.", "Emails"),
    ],
)
def test_a_document_by_someone_says_what_it_says(text: str, source: str) -> None:
    found = one(text)
    assert "attribution" in found.tags and found.source == source


@pytest.mark.parametrize(
    "text",
    ["The case was dismissed by a judge.", "The ferry was operated by the company."],
)
def test_a_passive_agent_is_still_no_speaker(text: str) -> None:
    assert "attribution" not in one(text).tags
