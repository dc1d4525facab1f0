"""Fixtures every suite may use: a PostgreSQL server and a fresh schema on it; no summary
keeper started by the writers the tests run."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.fixtures.postgres import PgServer, fresh_schema, server_or_skip

# Writers start no summary keeper in the tests (a process computing beside them); the
# keeper's own tests unset it (tests/unit/cli/test_summary_keeper.py).
os.environ["WORKBENCH_SUMMARY_KEEPER"] = "off"


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """The tests' PostgreSQL server (skipped without one, failed under CI)."""
    return server_or_skip()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of an empty schema of its own for this test."""
    with fresh_schema(pg_server) as url:
        yield url
