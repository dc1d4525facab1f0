"""A team on one PostgreSQL database: analysts writing at once, a client killed in the
middle of a save, the server restarted in the middle of a session. Nothing acknowledged
is ever lost."""

from __future__ import annotations

import json
import queue
import select
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from store import ConnectionLostError, open_store
from store.protocol import StoreEvent
from tests.fixtures.postgres import PgServer, execute, required

WRITER = Path(__file__).with_name("team_writer.py")
SAVES = 150


def writer(
    url: str,
    annotator: str,
    other: str,
    count: int,
    seed: int,
    start: Path | None,
    retry: bool = False,
    hold: Path | None = None,
) -> subprocess.Popen[str]:
    """A team_writer.py child (see there), its output readable as text."""
    arguments = [sys.executable, str(WRITER), *(["--retry"] if retry else [])]
    arguments += ["--hold", str(hold)] if hold is not None else []
    arguments += [url, annotator, other, str(count), str(seed)]
    if start is not None:
        arguments.append(str(start))
    return subprocess.Popen(
        arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path.cwd()
    )


def start_together(children: dict[str, subprocess.Popen[str]], start: Path) -> None:
    """Make `start` once every child listens (its first line). A fixed sleep was not
    enough under load: a child still importing subscribed after the other's saves were
    all made and heard nothing of them (a red train, session 19)."""
    for child in children.values():
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], LISTEN_SECONDS)
        assert ready, f"a writer did not listen within {LISTEN_SECONDS} s"
        assert child.stdout.readline() == "listening\n"
    start.touch()


LISTEN_SECONDS = 60.0
"""How long a writer may take to start and listen before the test fails (not hangs)."""


def rest_of(child: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """The rest of a child's output once it ends, after lines read with readline():
    communicate() would read the pipes' descriptors and miss what readline() had
    already buffered."""
    assert child.stdout is not None and child.stderr is not None
    out = child.stdout.read()
    err = child.stderr.read()
    child.wait(timeout)
    return out, err


def acknowledged(lines: list[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    """(article, sentence) -> tags of every write the child saw acknowledged (the last)."""
    acks: dict[tuple[str, int], tuple[str, ...]] = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "ack":
            tags = tuple(parts[3].split(",")) if len(parts) > 3 else ()
            acks[(parts[1], int(parts[2]))] = tags
    return acks


def test_two_analysts_tagging_at_once_see_each_other_and_lose_nothing(
    pg_url: str, tmp_path: Path, figures: Counter[str]
) -> None:
    with open_store(pg_url, "setup"):
        pass  # the schema is created once, before the race
    start = tmp_path / "start"
    children = {
        "alice": writer(pg_url, "alice", "bob", SAVES, 1, start),
        "bob": writer(pg_url, "bob", "alice", SAVES, 2, start),
    }
    start_together(children, start)
    outputs = {name: rest_of(child, 120) for name, child in children.items()}
    for name, (out, err) in outputs.items():
        assert children[name].returncode == 0, err
        lines = out.splitlines()
        report = json.loads(lines[-1])
        other = "bob" if name == "alice" else "alice"
        assert report["seen"] == {name: SAVES, other: SAVES}
        assert other in report["heard"]
        with open_store(pg_url, "checker", read_only=True) as store:
            stored = {(a.article_id, a.index): a.tags for a in store.all(name)}
        assert stored == acknowledged(lines[:-1])
        # Each sees the other's tags as the other saved them.
        theirs = outputs[other][0].splitlines()[:-1]
        assert seen_of(report) == acknowledged(theirs)
    assert execute(pg_url, "SELECT count(*) FROM history") == [(2 * SAVES,)]
    figures["team: concurrent saves verified"] += 2 * SAVES


def seen_of(report: dict[str, Any]) -> dict[tuple[str, int], tuple[str, ...]]:
    """(article, sentence) -> tags of the other analyst's annotations as a child read them."""
    return {(article, index): tuple(tags) for article, index, tags in report["others"]}


def test_a_client_killed_mid_save_loses_nothing_acknowledged(
    pg_url: str, figures: Counter[str]
) -> None:
    with open_store(pg_url, "setup"):
        pass
    for seed in range(3):
        child = writer(pg_url, f"w{seed}", "nobody", 0, seed, None)
        assert child.stdout is not None
        lines = [child.stdout.readline() for _ in range(40 + 37 * seed)]
        child.send_signal(signal.SIGKILL)
        rest, _err = rest_of(child, 30)
        acks = acknowledged(lines + rest.splitlines())
        with open_store(pg_url, "checker", read_only=True) as store:
            stored = {(a.article_id, a.index): a.tags for a in store.all(f"w{seed}")}
            saves = sum(1 for change in store.history() if change.annotator == f"w{seed}")
        for key, tags in acks.items():
            assert stored.get(key) == tags
        assert len(stored) - len(acks) in (0, 1)  # the save in flight: all or nothing
        assert saves == len(stored)
        figures["team: kills survived"] += 1


def test_a_server_restart_mid_session_is_not_saved_then_recovered(
    pg_server: PgServer, pg_url: str, figures: Counter[str]
) -> None:
    if pg_server.ctl is None and required():
        pytest.fail("WORKBENCH_TEST_PG_CTL is needed to restart the server under CI")
    from tests.reliability.team_writer import sentence

    heard: queue.Queue[StoreEvent] = queue.Queue()
    with open_store(pg_url, "alice") as store, open_store(pg_url, "bob") as other:
        other.subscribe(heard.put)
        acked = [store.save(sentence("alice", number, ("claim",))) for number in range(5)]
        pg_server.restart()
        with pytest.raises(ConnectionLostError, match="not saved: connection lost"):
            store.save(sentence("alice", 5, ("denial",)))
        acked.append(store.save(sentence("alice", 6, ("denial",))))  # connected again
        assert store.all() == acked
        assert other.all() == acked  # a read connects again by itself
        # The listener came back by itself and says that it may have missed changes.
        events: list[StoreEvent] = []
        while StoreEvent("resync") not in events:
            events.append(heard.get(timeout=30))
    figures["team: server restarts survived"] += 1


def test_analysts_tagging_through_a_server_restart_lose_nothing_acknowledged(
    pg_server: PgServer, pg_url: str, tmp_path: Path, figures: Counter[str]
) -> None:
    """Two processes tag while the server restarts under them: each save in flight is
    "not saved: connection lost" (or acknowledged), each tries again and goes on by
    itself, the listeners come back and announce it, and every acknowledged tag is
    stored and seen by the other."""
    if pg_server.ctl is None and required():
        pytest.fail("WORKBENCH_TEST_PG_CTL is needed to restart the server under CI")
    with open_store(pg_url, "setup"):
        pass
    start, back = tmp_path / "start", tmp_path / "back"
    saves = 400
    children = {
        "alice": writer(pg_url, "alice", "bob", saves, 3, start, retry=True, hold=back),
        "bob": writer(pg_url, "bob", "alice", saves, 4, start, retry=True, hold=back),
    }
    start_together(children, start)
    before: dict[str, list[str]] = {}
    for name, child in children.items():  # both well under way, far from done
        assert child.stdout is not None
        before[name] = [child.stdout.readline() for _ in range(40)]
    pg_server.restart()
    back.touch()  # a writer that got ahead of a slow restart waits for it (--hold)
    outputs = {name: rest_of(child, 120) for name, child in children.items()}
    lines = {name: before[name] + outputs[name][0].splitlines() for name in children}
    for name, child in children.items():
        assert child.returncode == 0, outputs[name][1]
        other = "bob" if name == "alice" else "alice"
        report = json.loads(lines[name][-1])
        assert any(line.startswith("lost ") for line in lines[name])
        assert "resync" in report["kinds"]
        assert report["seen"] == {name: saves, other: saves}
        with open_store(pg_url, "checker", read_only=True) as store:
            stored = {(a.article_id, a.index): a.tags for a in store.all(name)}
        assert stored == acknowledged(lines[name][:-1])
        assert seen_of(report) == acknowledged(lines[other][:-1])
    figures["team: saves through a server restart verified"] += 2 * saves
