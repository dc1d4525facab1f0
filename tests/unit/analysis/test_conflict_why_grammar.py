"""Every conflict's why reads as English a fact-checker could paste (qa14 Q7).

The why of each conflict the rule finds among the labelled figure pairs (figure_pairs.py,
the sentence pairs and the blind sets) is checked against what made it unreadable: a
plural figure with a singular verb ("1.4 million patient copied is more than"), a
modifier standing for its noun ("some 7,500 dravian at the border"), a qualifier that
cannot follow "the" ("the about 1.2 million"), a number written at the start of its
sentence keeping its capital inside another ("more than the Twelve"), a word said twice
("aid aid"), a fraction cut to its article ("more than about a allows"), a unit without
its number's agreement ("1 tonnes"), an event read as a bare noun after "both" ("both vote
dresk", "both clock in Hollin": "both the vote for Dresk", "both the time in Hollin").
"""

from __future__ import annotations

import re

import pytest

from tests.fixtures.blind_figure_pairs import ALL as BLIND_ONE
from tests.fixtures.blind_figure_pairs2 import FINAL_TEST as BLIND_TWO
from tests.fixtures.blind_figure_pairs3 import FINAL_TEST as BLIND_THREE
from tests.fixtures.blind_figure_pairs4 import FINAL_TEST as BLIND_FOUR
from tests.fixtures.blind_figure_pairs5 import FINAL_TEST as BLIND_FIVE
from tests.fixtures.blind_figure_pairs6 import FINAL_TEST as BLIND_SIX
from tests.fixtures.blind_figure_pairs7 import FINAL_TEST as BLIND_SEVEN
from tests.fixtures.blind_figure_pairs8 import FINAL_TEST as BLIND_EIGHT
from tests.fixtures.blind_figure_pairs9 import FINAL_TEST as BLIND_NINE
from tests.fixtures.blind_figure_pairs10 import FINAL_TEST as BLIND_TEN
from tests.fixtures.blind_figure_pairs11 import FINAL_TEST as BLIND_ELEVEN
from tests.fixtures.blind_figure_pairs13 import FINAL_TEST as BLIND_THIRTEEN
from tests.fixtures.blind_figure_pairs14 import FINAL_TEST as BLIND_FOURTEEN
from tests.fixtures.blind_figure_pairs15 import FINAL_TEST as BLIND_FIFTEEN
from tests.fixtures.blind_figure_pairs16 import FINAL_TEST as BLIND_SIXTEEN
from tests.fixtures.blind_figure_pairs17 import FINAL_TEST as BLIND_SEVENTEEN
from tests.fixtures.blind_figure_pairs18 import FINAL_TEST as BLIND_EIGHTEEN
from tests.fixtures.blind_figure_pairs19 import FINAL_TEST as BLIND_NINETEEN
from tests.fixtures.blind_figure_pairs20 import FINAL_TEST as BLIND_TWENTY
from tests.fixtures.blind_figure_pairs21 import FINAL_TEST as BLIND_TWENTY_ONE
from tests.fixtures.figure_pairs import HELD_OUT, PAIRS
from tests.fixtures.figure_pairs_fig15 import FIG_FIFTEEN
from tests.fixtures.figure_pairs_part3 import PART_THREE
from tests.fixtures.figure_pairs_part4 import PART_FOUR
from tests.fixtures.figure_sentence_pairs import PART_TWO
from tests.unit.analysis.test_figure_conflicts import figure_of
from tests.unit.analysis.test_figure_sentence_pairs import CLASSES, sentence_figures
from workbench.core.analysis.figures.conflicts import explain, find_clashes
from workbench.core.analysis.lexicon import SPELLED_NUMBERS

SENTENCE_PAIRS = (
    PART_TWO + PART_THREE + PART_FOUR + BLIND_ONE + BLIND_TWO + BLIND_THREE + BLIND_FOUR
    + BLIND_FIVE + BLIND_SIX + BLIND_SEVEN + BLIND_EIGHT + BLIND_NINE + BLIND_TEN
    + BLIND_ELEVEN + BLIND_THIRTEEN + BLIND_FOURTEEN + BLIND_FIFTEEN + FIG_FIFTEEN
    + BLIND_SIXTEEN + BLIND_SEVENTEEN + BLIND_EIGHTEEN + BLIND_NINETEEN + BLIND_TWENTY
    + BLIND_TWENTY_ONE
)  # fmt: skip


def _whys() -> list[str]:
    """The why of every conflict found among the labelled pairs, once each."""
    found: dict[str, None] = {}
    for pair in SENTENCE_PAIRS:
        figures = sentence_figures(pair.a, pair.a_source, f"{pair.id}-a")
        figures += sentence_figures(pair.b, pair.b_source, f"{pair.id}-b")
        for clash in find_clashes(figures, CLASSES):
            found[explain(clash, lambda figure: figure.origin)] = None
    for labelled in PAIRS + HELD_OUT:
        a, b = figure_of(labelled.a), figure_of(labelled.b)
        if a is not None and b is not None:
            for clash in find_clashes([a, b], CLASSES):
                found[explain(clash, lambda figure: figure.origin)] = None
    return list(found)


WHYS = _whys()
PART_OF = [why for why in WHYS if " more than the " in why]

NUMBER_WORDS = "|".join(sorted({*SPELLED_NUMBERS, "one", "tens", "hundreds", "half"}))
CAPITAL_NUMBER = re.compile(rf"(?<!^)\b(?:{NUMBER_WORDS.title()})\b")
"""A spelled number with its sentence-initial capital, inside the why."""
NOT_AFTER_THE = re.compile(r"\bthe (?:about|around|some|approximately|an estimated|a maximum)\b")
SAID_TWICE = re.compile(r"\b([a-z]+) \1\b")
BARE_SUBJECT = re.compile(
    r"\bboth (?:vote \w+|clock|fatality|interest|turnout|unemployment|inflation|homes|profit|"
    r"revenue|damage|pay|rise|planned cut)\b|\bthe size of the (?:depth|height|length)\b"
)
"""What "both" was followed by where the event is a noun read bare ("both vote dresk",
"both clock in Hollin", "both planned cut"), and a size's size."""


def test_the_labelled_pairs_give_part_of_whys_to_check() -> None:
    assert len(WHYS) > 400 and len(PART_OF) >= 15


@pytest.mark.parametrize("why", WHYS)
def test_each_why_reads_as_english(why: str) -> None:
    rest = why.split(": ", 1)[1]
    assert not NOT_AFTER_THE.search(why), why
    assert not CAPITAL_NUMBER.search(rest), why
    assert not SAID_TWICE.search(why), why
    assert not re.search(r"\b(?:a|an) allows\b", why), why
    assert not re.search(r"\b1 (?:tonnes|metres)\b", why), why
    assert ") (" not in why, why
    assert not BARE_SUBJECT.search(why), why


@pytest.mark.parametrize("why", PART_OF)
def test_a_part_larger_than_its_whole_agrees_in_number(why: str) -> None:
    rest = why.split(": ", 1)[1]
    subject, verb, _ = re.split(r" (is|are) more than the ", rest, maxsplit=1)
    assert verb == ("are" if _counts_a_plural(subject) else "is"), why
    if why.endswith(" part of"):
        assert why.endswith("they are part of" if verb == "are" else "it is part of"), why


def _counts_a_plural(subject: str) -> bool:
    """Whether the part's subject counts things (soldiers, passengers, the killed), not a
    sum ("$85 million train deal") or a measure ("212 kilometres of link")."""
    return not re.search(r"[$€£]|\b(?:km|kilometres|miles|metres|km/h|mph|fine|deal)\b", subject)


def test_a_part_says_its_noun_where_its_modifier_stood() -> None:
    """qa14 Q7: "1.4 million patient copied is more than the about 1.2 million"."""
    a = "The attackers copied 1.4 million patient records, the regulator said."
    b = "The attackers copied about 1.2 million records in all, the company said."
    clashes = find_clashes(sentence_figures(a, "A", "a") + sentence_figures(b, "B", "b"), CLASSES)
    assert [explain(clash, lambda figure: str(figure.source)) for clash in clashes] == [
        "about 1.2 million records (B) vs 1.4 million records (A): 1.4 million patient "
        "records copied are more than the roughly 1.2 million copied in all"
    ]
