"""Store fixtures: every store test runs against the in-memory and the on-disk file
store, and the PostgreSQL store (a fresh schema each; skipped without a server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, annotation

from store.opening import open_store
from store.protocol import Store
from tests.fixtures.postgres import fresh_schema


@pytest.fixture
def make() -> MakeAnnotation:
    return annotation


ENGINES = ["memory", "disk", "postgres"]


def location_of(engine: str, request: pytest.FixtureRequest, path: Path) -> str | Path | None:
    """Where a new database of `engine` goes: nowhere (memory), `path`, or a new schema
    (dropped when the test ends)."""
    if engine == "disk":
        return path
    if engine == "postgres":
        schema = fresh_schema(request.getfixturevalue("pg_server"))
        location = schema.__enter__()
        request.addfinalizer(lambda: schema.__exit__(None, None, None))
        return location
    return None


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    location = location_of(request.param, request, tmp_path / "db" / "annotations.json")
    opened = open_store(location, annotator="alice")
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"
