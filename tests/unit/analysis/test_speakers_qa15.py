"""qa15 Q5, Q9: a ferry operator, "Lakeline Transport", was read as a person.

"The ferry operator, Lakeline Transport, denied ..." then "the company said ...": the
company resolved to nobody (a body's role never resolves to a person); in another
article "Lakeline Transport acknowledged ..." then "the company said ..." resolved to the
headline's "Ferry operator" two sentences further back. The Sources tab counted
"Lakeline Transport" as a person. A role naming a body set beside the name ("the ferry
operator", "the airline") and a company's trade in its name ("Transport", "Airlines",
"Shipping") say it is a body."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_suggest_rules5 import suggested
from workbench.core.analysis.sources.grouping import group_sources
from workbench.core.interchange.export.claimreview import source_type


def resolved_source(text: str, index: int) -> str | None:
    found = suggested(text)[index]
    return found.resolved_source or found.source


@pytest.mark.parametrize(
    ("text", "index", "speaker"),
    [
        (  # "the company" after a name a body's role describes is that body
            "The ferry operator, Lakeline Transport, denied that the vessel was overloaded. "
            "In a statement, the company said the ferry had passed an inspection in March.",
            1,
            "Lakeline Transport",
        ),
        (  # the trade named just before, not an older role
            "Ferry operator admits more passengers were aboard\n\n"
            "Lakeline Transport acknowledged on Friday that more than 212 people may have "
            "been on board. In a statement, the company said it had no reason to doubt it.",
            2,
            "Lakeline Transport",
        ),
        (  # a person is still "he" after a body
            "Lakeline Transport's chief executive, Dariusz Kolen, denied the reports. "
            "He said the captain had received no warning.",
            1,
            "Dariusz Kolen",
        ),
    ],
)
def test_who_speaks(text: str, index: int, speaker: str) -> None:
    assert resolved_source(text, index) == speaker


@pytest.mark.parametrize(
    "name", ["Lakeline Transport", "Norvik Airlines", "Baltic Shipping", "Harbour Logistics"]
)
def test_a_company_named_by_its_trade_is_a_group_in_the_sources_tab(name: str) -> None:
    assert {g.canonical: g.kind for g in group_sources([name, "Dariusz Kolen"])} == {
        name: "group",
        "Dariusz Kolen": "person",
    }


def test_claimreview_names_a_trade_an_organization_and_a_minister_of_it_a_person() -> None:
    assert source_type("Lakeline Transport") == "Organization"
    assert source_type("Transport Minister Ana Ferrell") == "Person"
