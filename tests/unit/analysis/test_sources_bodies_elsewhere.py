"""qa14 Q15: bodies named in their own language ("Policía Nacional", "Agencia Española
de Protección de Datos", "Tecnologías Guadalquivir") were people: the Sources tab's kind
"person", ClaimReview's author a Person. Their words are read as the English ones."""

from __future__ import annotations

import json

import pytest

from tests.unit.interchange.test_export_formats import annotation
from workbench.core.analysis.sources.grouping import group_sources
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export

BODIES = (
    "Policía Nacional",
    "Agencia Española de Protección de Datos",
    "Tecnologías Guadalquivir",
    "Acme Technologies",
)


def test_a_body_named_in_its_own_language_is_a_group() -> None:
    assert {g.canonical: g.kind for g in group_sources([*BODIES, "Ana Ruiz"])} == {
        **dict.fromkeys(BODIES, "group"),
        "Ana Ruiz": "person",
    }


@pytest.mark.parametrize("source", BODIES)
def test_claimreview_names_it_an_organization(source: str) -> None:
    reviewed = annotation(0, tags=("claim",), source=source, status="disputed")
    review = json.loads(render("claimreview", prepare_export([reviewed])))["@graph"][0]
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": source}
