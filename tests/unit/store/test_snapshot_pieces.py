"""A large checksummed snapshot is parsed a piece at a time (store/snapshot.py _in_pieces),
into exactly the tables parsing it whole gives; anything else is parsed whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from store_helpers import MakeAnnotation

from store import AnnotationStore, snapshot
from store.snapshot import load_snapshot, parse_json

PIECE = 1500
"""Bytes a piece holds in these tests (a few documents), so small files are cut often."""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every document orjson parses, with PIECE made small."""
    sizes: list[int] = []
    loads = orjson.loads

    def counted(data: Any) -> Any:
        sizes.append(len(data))
        return loads(data)

    monkeypatch.setattr(snapshot, "PIECE", PIECE)
    monkeypatch.setattr(orjson, "loads", counted)
    return sizes


def written(path: Path, make: MakeAnnotation, count: int = 60) -> bytes:
    """A database of `count` annotations, articles and positions, closed: its snapshot."""
    with AnnotationStore.open(path, annotator="alice") as store:
        for number in range(count):
            store.save(make(article_id=f"a{number // 3}", index=number % 3, note="n" * number))
        for number in range(count // 3):
            store.remember_article(f"a{number}", f"Title {number}", "0" * 64, 3)
            store.set_position(f"a{number}", number % 3)
    return path.read_bytes()


def test_a_checksummed_snapshot_is_parsed_in_pieces_into_the_same_tables(
    db_path: Path, make: MakeAnnotation, parses: list[int]
) -> None:
    data = written(db_path, make)
    whole = orjson.loads(data)
    parses.clear()
    tables = parse_json(data, checked=True)
    assert tables == whole
    assert list(tables) == list(whole)
    assert all(list(tables[name]) == list(whole[name]) for name in whole)
    assert len(parses) > 5
    assert max(parses) < 3 * PIECE  # never the whole document at once
    loaded = load_snapshot(db_path)
    assert loaded is not None and loaded.checked
    assert len(loaded.tables["annotations"]) == 60


def test_the_store_reads_the_same_annotations_from_pieces(
    db_path: Path, make: MakeAnnotation, parses: list[int]
) -> None:
    written(db_path, make)
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as store:
        annotations = store.all()
        articles = store.articles()
    assert max(parses) < 3 * PIECE
    assert len(annotations) == 60 and len(articles) == 20
    assert sorted(a.note for a in annotations) == sorted("n" * n for n in range(60))


def test_a_cut_inside_a_document_is_parsed_whole(parses: list[int]) -> None:
    """A document holding an object keyed by a number looks like a document's start to
    the cut; the piece before it is then no whole documents: the file is parsed whole."""
    inner = {str(n): {"x": n} for n in range(200)}
    tables = {"meta": {"1": {"v": 1}}, "annotations": {"1": {"k": inner}, "2": {"k": 2}}}
    data = orjson.dumps(tables)
    assert parse_json(data, checked=True) == tables
    assert parses[-1] == len(data)  # the last parse: the whole document


@pytest.mark.parametrize("later", ['"u":{"1":{}},"t"', '"t"', '""'])
def test_a_table_named_again_in_a_later_piece_is_parsed_whole(
    later: str, parses: list[int]
) -> None:
    documents = ",".join(f'"{n}":{{"a":"{"x" * 50}"}}' for n in range(100))
    data = ('{"t":{' + documents + "}," + later + ':{"9":{"b":1}}}').encode()
    assert parse_json(data, checked=True) == orjson.loads(data)
    assert parses[-1] == len(data)


def test_a_snapshot_without_checksum_is_parsed_whole(
    db_path: Path, make: MakeAnnotation, parses: list[int]
) -> None:
    data = written(db_path, make)
    parses.clear()
    assert parse_json(data) == orjson.loads(data)
    assert parses[0] == len(data)
