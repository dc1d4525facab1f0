"""Summary.to_json() against docs/summary.md: every key it writes is documented there,
and every key the documented JSON shows is written."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.gold import load_gold
from workbench.core.analysis.anchor_report import anchoring_section
from workbench.core.analysis.ledger.decisions import Merge, UnreadableDecision
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.model import SCHEMA
from workbench.core.analysis.summary.possible import with_possible
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus

DOCS = Path(__file__).parents[3] / "docs" / "summary.md"
COUNT_MAPS = {"tags", "statuses"}
"""Objects keyed by tag or status: their keys are TAGS and STATUSES, not the shape's."""


def documented() -> str:
    """The JSON shape section of docs/summary.md (the shape and Sentence, Figure, Measure)."""
    text = DOCS.read_text(encoding="utf-8")
    return text[text.index("## JSON shape") : text.index("## How it is computed")]


@pytest.fixture(scope="module")
def shape() -> dict[str, Any]:
    """A summary holding every kind of entry: two analysts who disagree, notes, figures
    in conflict, denials linked and not, ignored decisions, each anchoring list."""
    corpus = load_corpus()
    gold = load_gold(corpus)
    bob = [
        replace(a, annotator="bob", status="disputed", note="bob's note")
        for a in gold
        if "claim" in a.tags
    ][:10]
    annotations = [*gold, *bob]
    checked = replace(gold[0], anchor_state="check")
    orphan = replace(gold[1], anchor_state="orphaned")
    gone = replace(gold[2], article_id="gone")
    anchoring = anchoring_section([checked, gone], [orphan], corpus.by_id)
    decisions = (
        Merge(("g-missing", "g-gone"), "gold", "2024-11-01T00:00:00Z"),
        UnreadableDecision({"action": "rename"}),
    )
    summary = build_summary(
        annotations,
        [ArticleInfo.of(article) for article in corpus],
        SummarySettings(decisions=decisions),
        anchoring,
    )
    summary = with_possible(summary)  # as the command finishes it
    assert summary.totals.disagreements and summary.conflicts and summary.unlinked_denials
    assert summary.possible is not None and summary.possible.pairs
    assert all(listed for _, listed in summary.anchoring.lists())  # type: ignore[union-attr]
    return summary.to_json()


def keys(value: object, parent: str = "") -> Iterator[tuple[str, str]]:
    """(parent key, key) of every object in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield parent, key
            yield from keys(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from keys(item, parent)


def test_the_shape_is_plain_json_of_its_schema(shape: dict[str, Any]) -> None:
    assert json.loads(json.dumps(shape)) == shape
    assert shape["schema"] == SCHEMA and SCHEMA in documented()
    assert list(shape) == [
        "schema",
        "annotator",
        "caveats",
        "totals",
        "articles",
        "sources",
        "ledger",
        "unlinked_denials",
        "conflicts",
        "possible_conflicts",
        "dismissed",
        "ignored_decisions",
        "settings",
        "anchoring",
    ]


def test_every_key_written_is_documented(shape: dict[str, Any]) -> None:
    docs = documented()
    quoted = set(re.findall(r'"([a-z_]+)"', docs))
    entry = docs[docs.index("// Entry:") : docs.index('"settings"')]
    anchoring_entry = set(re.findall(r"[a-z_]+", entry.replace("Entry", "")))
    written = {
        (parent, key)
        for parent, key in keys(shape)
        if parent not in COUNT_MAPS | {"settings", "ignored_decisions"}
    }
    undocumented = {
        (parent, key)
        for parent, key in written
        if key not in quoted
        and not (parent in {"check", "orphaned", "article_missing"} and key in anchoring_entry)
    }
    assert not undocumented


def test_every_key_documented_is_written(shape: dict[str, Any]) -> None:
    block = documented()
    block = block[block.index("```jsonc") : block.index("```", block.index("```jsonc") + 3)]
    shown = set(re.findall(r'"([a-z_]+)"\s*:', block))
    written = {key for _, key in keys(shape)}
    assert shown - written == set()


def test_settings_are_the_documented_ledger_settings(shape: dict[str, Any]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index("### LedgerSettings defaults") : text.index("## Merge and split")]
    rows = re.findall(r"^\| ([a-z_]+) \|", table, flags=re.MULTILINE)
    assert ["setting", *shape["settings"]] == rows, "the table's header, then each setting"
    assert shape["settings"] == json.loads(json.dumps(LedgerSettings().to_dict()))


def test_ignored_decisions_are_written_as_stored(shape: dict[str, Any]) -> None:
    assert shape["ignored_decisions"] == [
        {
            "annotator": "gold",
            "at": "2024-11-01T00:00:00Z",
            "action": "merge",
            "groups": ["g-missing", "g-gone"],
        },
        {"action": "rename"},
    ]
