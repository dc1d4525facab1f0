"""Store fixtures: every store test runs against an in-memory and an on-disk store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, annotation

from store import AnnotationStore


@pytest.fixture
def make() -> MakeAnnotation:
    return annotation


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AnnotationStore]:
    path = None if request.param == "memory" else tmp_path / "db" / "annotations.json"
    opened = AnnotationStore.open(path, annotator="alice")
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"
