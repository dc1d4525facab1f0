"""A process making one summary after another of one database (the keeper: the writer's,
every analyst's, the others') reads each quote once, not once per summary, and each
summary is the one made alone, byte for byte (cli/summary.py QuoteReadings). What was
read is handed to each summary by the keeper, never switched on for the whole process."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from bench.synthetic import synthetic_annotations, synthetic_articles
from store import AnnotationStore
from workbench.cli import summary_keeper
from workbench.cli.summary import QuoteReadings, summarised
from workbench.cli.summary_request import asked
from workbench.config.locations import DB_ENV
from workbench.core.analysis.figures.conflict_model import read_sentence
from workbench.core.analysis.ledger import readings
from workbench.core.analysis.ledger.claim_text import claim_text
from workbench.core.analysis.summary import possible
from workbench.core.analysis.summary.model import Summary

WHOSE = ("analyst", "all", "reviewer")
"""The keeper's order: the writer's, every analyst's, another analyst's."""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(tmp_path / "settings.toml"))
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="analyst") as store:
        store.import_annotations(synthetic_annotations(synthetic_articles(60), 1_200))
    return path


def summaries(
    db: Path, quotes: QuoteReadings | None = None, whose_: Sequence[str] = WHOSE
) -> list[bytes]:
    made = []
    for whose in whose_:
        request = asked(
            argparse.Namespace(
                db=str(db), annotator=whose, paths=[], claim_threshold=None, denial_threshold=None
            )
        )
        assert not isinstance(request, int)
        summary = summarised(request, quotes)
        assert isinstance(summary, Summary)
        made.append(summary.to_json_bytes())
    return made


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], Counter[str]]:
    """How often each quote's reading is made, and how often the reader reads it."""
    read: Counter[str] = Counter()
    reread: Counter[str] = Counter()

    def counted_claim_text(quote: str) -> object:
        read[quote] += 1
        return claim_text(quote)

    def counted_read_sentence(quote: str, *args: object, **kwargs: object) -> object:
        reread[quote] += 1
        return read_sentence(quote, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readings, "claim_text", counted_claim_text)
    monkeypatch.setattr(possible, "read_sentence", counted_read_sentence)
    return read, reread


def test_a_process_of_summaries_reads_each_quote_once_and_makes_the_same_summaries(
    db: Path, counted: tuple[Counter[str], Counter[str]]
) -> None:
    alone = summaries(db)
    read, reread = counted
    read.clear()
    reread.clear()
    assert summaries(db, QuoteReadings()) == alone
    assert read and max(read.values()) == 1, "each quote's reading made once"
    assert reread and max(reread.values()) == 1, "each quote read once by the reader"


def test_the_keeper_hands_its_readings_to_its_summaries_and_switches_nothing_on(
    db: Path, counted: tuple[Counter[str], Counter[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv16: the keeper switched QuoteReadings on for its whole process (a module's
    global); a summary made after it in the same process took what it had read."""
    monkeypatch.setenv(DB_ENV, str(db))
    read, reread = counted
    assert summary_keeper.main(["--annotator", "analyst", "--one-round"]) == 0
    assert read and max(read.values()) == 1, "the keeper's summaries read each quote once"
    assert reread and max(reread.values()) == 1
    read.clear()
    reread.clear()
    summaries(db, whose_=["analyst"])
    assert read and reread, "a summary made alone reads its quotes itself"
