"""kill -9 at random moments never loses an acknowledged write.

A child process (crash_writer.py) saves annotations continuously and reports each one
only after save() returned; the parent kills it with SIGKILL after a random number of
acknowledgements, then opens the database and checks that every acknowledged write is
there (the one write in flight may or may not be).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from store import AnnotationStore
from store.files import stale_temporaries

WRITER = Path(__file__).with_name("crash_writer.py")
State = dict[tuple[str, int], tuple[str, ...]]
Write = tuple[tuple[str, int], tuple[str, ...]]


def run_and_kill(database: Path, seed: int, rng: random.Random) -> list[str]:
    """Start the writer, kill it after a random number of acks, return its complete lines."""
    errors = database.with_name("writer.stderr")
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(database), str(seed)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert child.stdout is not None
    output = ""
    wanted = rng.choice([0, 1, 5, rng.randrange(2, 120)])
    acks = 0
    while acks < wanted:
        line = child.stdout.readline()
        if not line:
            break
        output += line
        acks += line.startswith("ack")
    time.sleep(rng.random() * 0.03)  # land anywhere: in a write, an fsync, a compaction
    child.send_signal(signal.SIGKILL)
    output += child.stdout.read()  # what it printed before dying (read through the same buffer)
    child.stdout.close()
    assert child.wait(timeout=30) == -signal.SIGKILL, errors.read_text()
    return output.split("\n")[:-1]  # a line cut short by the kill is not a report


def follow(expected: State, lines: list[str]) -> Write | None:
    """Apply acknowledged writes to `expected`; return the write in flight, if any."""
    in_flight = None
    for line in lines:
        words = line.split(" ")
        if words[0] == "begin":
            tags = tuple(words[3].split(",")) if words[3] else ()
            in_flight = ((words[1], int(words[2])), tags)
        elif words[0] == "ack":
            assert in_flight is not None and in_flight[0] == (words[1], int(words[2]))
            expected[in_flight[0]] = in_flight[1]
            in_flight = None
    return in_flight


def check(database: Path, expected: State, in_flight: Write | None) -> int:
    """Open as the writer: every acknowledged write is there, nothing else, and no stale
    temporary file of the database is left. Returns how many the open removed."""
    stale = len(stale_temporaries(database))
    with AnnotationStore.open(database, annotator="writer") as opened:
        stored = {(a.article_id, a.index): a.tags for a in opened.all()}
    assert stale_temporaries(database) == []
    if in_flight is not None:
        key, tags = in_flight
        allowed = {expected.get(key, ()), tags}
        assert stored.get(key, ()) in allowed, f"in-flight write {key} is neither old nor new"
        expected[key] = stored.get(key, ())
    wanted = {key: tags for key, tags in expected.items() if tags}
    assert stored == wanted
    return stale


def kill_repeatedly(tmp_path: Path, kills: int, seed: int, figures: Counter[str]) -> None:
    database = tmp_path / "annotations.json"
    rng = random.Random(seed)
    expected: State = {}
    for round_number in range(kills):
        lines = run_and_kill(database, seed * 1000 + round_number, rng)
        figures["store kill -9: stale temporary files removed on open"] += check(
            database, expected, follow(expected, lines)
        )
        figures["store kill -9: kills survived"] += 1


def test_kill_9_never_loses_an_acknowledged_write(tmp_path: Path, figures: Counter[str]) -> None:
    kill_repeatedly(tmp_path, kills=20, seed=1, figures=figures)


@pytest.mark.stress
def test_kill_9_many_times(tmp_path: Path, figures: Counter[str]) -> None:
    kill_repeatedly(tmp_path, kills=200, seed=2, figures=figures)
