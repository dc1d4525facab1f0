"""Fixtures every suite may use: a PostgreSQL server and a fresh schema on it; no summary
keeper started by the writers the tests run. Under pytest-xdist (`make test`), every test
that touches the server runs on one worker, one after another (some restart it)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.fixtures.postgres import GROUP, PgServer, Sharing, fresh_schema, server_or_skip

settings.register_profile("no_timings", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no_timings")
"""Property tests check what they assert, never how fast: Hypothesis's default deadline
(200 ms an example) and its too-slow check are timings, which a machine shared by many
runs misses now and then (tr15 T2: test_column_widths failed once under load)."""

# Writers start no summary keeper in the tests (a process computing beside them); the
# keeper's own tests unset it (tests/unit/cli/test_summary_keeper.py).
os.environ["WORKBENCH_SUMMARY_KEEPER"] = "off"


def pytest_configure(config: pytest.Config) -> None:
    """Young collections every 5,000 allocations, not 700: a test process holds every
    module and test of the run, and each Pilot app makes many objects. The collector took
    a sixth of three Pilot-heavy files' time, a third of that with this (about a tenth
    less CPU; 10-150 MB more per process). No test relies on when a collection runs."""
    gc.set_threshold(5_000, 10, 10)


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """The tests' PostgreSQL server (skipped without one, failed under CI)."""
    return server_or_skip()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of an empty schema of its own for this test."""
    with fresh_schema(pg_server) as url:
        yield url


def uses_the_server(item: pytest.Item) -> bool:
    """The pg_server fixture (or pg_url) requested, a "postgres" engine parameter (the store
    tests' engines), or the pg_server mark (a test reaching the server by other ways)."""
    if "pg_server" in getattr(item, "fixturenames", ()) or item.get_closest_marker("pg_server"):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and any(
        isinstance(value, str) and value == "postgres" for value in callspec.params.values()
    )


@pytest.hookimpl(tryfirst=True)  # before xdist's own, which reads the group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if uses_the_server(item):
            item.add_marker(pytest.mark.xdist_group(GROUP))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # What xdist scheduled by: its loadgroup mode names the group at the end of the id.
    Sharing.grouped = item.nodeid.endswith(f"@{GROUP}")


@pytest.fixture(autouse=True)
def own_state_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test's state ($XDG_STATE_HOME: the key keepers sign the screen's snapshots
    with, config/snapshot_key.py) in a folder of its own, never the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
