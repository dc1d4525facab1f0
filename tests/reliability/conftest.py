"""Shared pieces of the reliability suite: a hang guard, database bytes, and the figures.

Each test adds what it verified (kills survived, inputs tried, writes checked) to
FIGURES; the totals are printed at the end of the run, so a stress run reports the
numbers that docs/RELIABILITY.md records.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from .helpers import Run
from .terminal import Hostile, hostile_space

FIGURES: Counter[str] = Counter()
"""figure name -> count, summed over the tests of this run."""


class Hang(Exception):
    """A reliability test ran past its deadline: something hangs."""


@pytest.fixture
def deadline() -> Iterator[Callable[[float], None]]:
    """deadline(seconds) arms SIGALRM: a hang (even in synchronous code on the main
    thread, where asyncio timeouts cannot reach) fails the test instead of stalling it."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang("still running at the deadline")

    previous = signal.signal(signal.SIGALRM, expire)

    def arm(seconds: float) -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds)

    yield arm
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """run("export", "--db", path): the command in process, (exit code, stdout, stderr)."""

    def run(*arguments: str | Path) -> tuple[int, str, str]:
        from workbench.cli.main import main

        code = main([str(argument) for argument in arguments])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def figures() -> Counter[str]:
    """Where a test adds what it verified, e.g. figures["kills survived"] += 1."""
    return FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for name, count in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {count:,}")


@pytest.fixture(scope="module")
def space(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """A hostile corpus and import, and a database that holds the import."""
    return hostile_space(tmp_path_factory.mktemp("hostile"))
