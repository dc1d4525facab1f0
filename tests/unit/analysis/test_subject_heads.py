"""qa11 Q2: the source of "A former inspector at the authority, who asked not to be
named, said …" was "authority": the subject was cut at the preposition. The source is the
head of the subject phrase (with a post-modifier that says whose: "of", "for", "with"),
never the object of a preposition or of a relative clause's verb inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.analysis.suggestions.suggest import suggest
from workbench.core.corpus.articles import Article


def source_of(sentence: str) -> str | None:
    found = suggest(Article("story", Path("story.txt"), sentence + "\n"))[0]
    assert "attribution" in found.tags
    return found.source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "A former inspector at the authority, who asked not to be named, said "
            "inspections had stopped in March.",
            "former inspector",
        ),
        ("A former inspector at the authority said inspections had stopped.", "former inspector"),
        (
            "A former guard from the prison, who asked not to be named, said the cells "
            "were flooded.",
            "former guard",
        ),
        (
            "A technician with the contractor, who declined to give his name, said the "
            "valves had failed.",
            "technician with the contractor",
        ),
        (
            "The owner of the bakery, who has run it for 30 years, said the rent had doubled.",
            "owner of the bakery",
        ),
        (
            "A cousin of the driver, who was not in the car, told reporters the brakes had failed.",
            "cousin of the driver",
        ),
    ],
)
def test_the_source_is_the_head_before_a_preposition(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Officials at the agency that oversees the dam said it was safe.", "Officials"),
        ("Inspectors from the ministry that licenses the mines said the shaft was safe.",
         "Inspectors"),
        ("Workers at the plant that makes the pesticide said they were not warned.", "Workers"),
    ],
)  # fmt: skip
def test_the_source_is_never_inside_a_relative_clause(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A post shared on social media claimed the dam had burst.", "post"),
        ("The agency said on Monday that officials had found no leak.", "agency"),
        ("A retired judge who sat on the panel said the ruling was flawed.", "retired judge"),
        ("A spokeswoman for the ministry of health said 30 posts were vacant.",
         "spokeswoman for the ministry of health"),
        ("A volunteer at the shelter said 40 families had arrived.", "volunteer"),
        ("A night nurse for the clinic said the ward was short of staff.",
         "night nurse for the clinic"),
    ],
)  # fmt: skip
def test_subjects_read_before_stay(sentence: str, source: str) -> None:
    """Guards: what was read right before stays so."""
    assert source_of(sentence) == source
