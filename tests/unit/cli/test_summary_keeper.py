"""Writers start the summary keeper, a process of its own nobody waits for; switched off
in the tests by $WORKBENCH_SUMMARY_KEEPER (tests/conftest.py) except here."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from store import AnnotationStore, DatabaseLockedError, StoreError
from tests.fixtures.gold import load_gold
from workbench.cli import summary_keeper
from workbench.cli.main import main
from workbench.cli.summary import QuoteReadings
from workbench.cli.summary_keeper import KEEPER_ENV, start_keeper
from workbench.core.corpus.articles import BUNDLED_ARTICLES, load_corpus
from workbench.tui.app import WorkbenchApp


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="gold") as store:
        store.import_annotations(load_gold(load_corpus()))
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(tmp_path / "settings.toml"))
    return path


def test_the_tests_start_no_keeper(db: Path) -> None:
    assert os.environ[KEEPER_ENV] == "off"
    assert start_keeper(db, None) is None


def test_the_keeper_is_a_process_of_its_own_that_keeps_what_summary_serves(
    db: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.delenv(KEEPER_ENV)
    started = time.monotonic()
    keeper = start_keeper(db, None)
    assert keeper is not None and time.monotonic() - started < 2, "nobody waits for it"
    assert str(db) not in " ".join(map(str, keeper.args)), "a URL's password never in argv"
    assert os.getsid(keeper.pid) == keeper.pid or keeper.poll() is not None, "detached"
    assert keeper.wait(timeout=240) == 0
    assert db.with_name(db.name + ".kept").exists()
    monkeypatch.setattr(
        "workbench.cli.summary.summarised",
        lambda request: pytest.fail("computed, not served"),
    )
    capfdbinary.readouterr()
    assert main(["summary", "--db", str(db), "--format", "json"]) == 0
    assert capfdbinary.readouterr().out.startswith(b"{")


class Launches:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.calls: list[tuple[object, str | None]] = []
        self.screens: list[object] = []
        """The app's PATHs whose summary screen's summary the keeper is asked to keep."""

    def __call__(self, location: object, annotator: str | None, screen: object = None) -> None:
        try:  # the writer has closed the database: a writer can open it
            with AnnotationStore.open(self.db, annotator="probe"):
                pass
        except DatabaseLockedError:
            pytest.fail("the keeper started while the writer held the database")
        self.calls.append((location, annotator))
        self.screens.append(screen)


@pytest.fixture
def launches(db: Path, monkeypatch: pytest.MonkeyPatch) -> Launches:
    recorded = Launches(db)
    monkeypatch.setattr(summary_keeper, "start_keeper", recorded)
    return recorded


def test_import_starts_the_keeper_once_it_has_committed(
    db: Path, tmp_path: Path, launches: Launches
) -> None:
    export = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "-o", str(export)]) == 0
    target = tmp_path / "other.json"
    assert main(["import", str(export), "--db", str(target), "--annotator", "bob"]) == 0
    assert launches.calls == [(target, "bob")]


def test_a_failed_import_starts_none(db: Path, tmp_path: Path, launches: Launches) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["import", str(bad), "--db", str(db)]) == 1
    assert launches.calls == []


def test_reanchor_starts_the_keeper_unless_a_dry_run(db: Path, launches: Launches) -> None:
    assert main(["reanchor", str(BUNDLED_ARTICLES), "--db", str(db), "--dry-run"]) == 0
    assert launches.calls == []
    assert main(["reanchor", str(BUNDLED_ARTICLES), "--db", str(db)]) == 0
    assert launches.calls == [(db, None)]


def test_the_app_starts_the_keeper_once_its_store_is_closed(
    db: Path, launches: Launches, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[object] = []

    def run(app: WorkbenchApp) -> None:
        given.append(app.keep_summary)

    monkeypatch.setattr(WorkbenchApp, "run", run)
    assert main(["annotate", "--db", str(db), "--annotator", "gold"]) == 0
    assert launches.calls == [(db, "gold")]
    assert launches.screens == [[]]  # and the screen's summary of the bundled articles
    assert given[0] is not None, "and the app may start one after a pause in saving"


@pytest.mark.parametrize("keeping", [True, False])
def test_the_app_leaves_a_short_journal_at_its_end_while_summaries_are_kept(
    keeping: bool, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a keeper kept in the session's last pause stays served after it (the fold
    would move the content token); with no keeper the end folds as before."""
    if keeping:
        monkeypatch.delenv(KEEPER_ENV)
    monkeypatch.setattr(summary_keeper, "start_keeper", lambda location, annotator, screen: None)
    snapshot = db.read_bytes()
    gold = load_gold(load_corpus())
    monkeypatch.setattr(
        WorkbenchApp, "run", lambda app: app.store.save(replace(gold[0], status="in_progress"))
    )
    assert main(["annotate", "--db", str(db), "--annotator", "gold"]) == 0
    assert (db.read_bytes() == snapshot) is keeping
    with AnnotationStore.open(db, annotator="gold", read_only=True) as reader:
        found = reader.get(gold[0].article_id, gold[0].index, "gold")
        assert found is not None and found.status == "in_progress"


def test_a_read_only_app_starts_none(
    db: Path, launches: Launches, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[object] = []
    monkeypatch.setattr(WorkbenchApp, "run", lambda app: given.append(app.keep_summary))
    assert main(["annotate", "--db", str(db), "--read-only"]) == 0
    assert launches.calls == [] and given == [None]


def test_a_keeper_that_cannot_start_is_no_error(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEEPER_ENV)

    def cannot(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", cannot)
    assert start_keeper(db, None) is None


def test_the_keepers_work_fails_quietly(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(annotator: str | None) -> int:
        raise StoreError("the database vanished")

    monkeypatch.setattr(summary_keeper, "keep", broken)
    assert summary_keeper.main(["--annotator", "gold"]) == 1


@pytest.fixture
def waiting_its_turn(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to return once a keeper waits for the running one (or fail after 10 s)."""
    waits = threading.Event()
    took = summary_keeper._took

    def noted(descriptor: int, wait: bool = False) -> bool:
        if wait:
            waits.set()
        return took(descriptor, wait)

    monkeypatch.setattr(summary_keeper, "_took", noted)

    def waiting() -> None:
        if not waits.wait(10):
            pytest.fail("no keeper waits its turn")

    return waiting


def test_one_keeper_per_database_and_one_waiting_its_turn(
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    waiting_its_turn: Callable[[], None],
) -> None:
    """rv5 R2: each writer of a batch started a keeper (700 MB, half a minute each at
    100,000): one runs; one started meanwhile waits its turn (tok9: its writer's content
    may be newer than any the running one keeps); a third leaves at once."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    turns: list[bool] = []

    def next_keeper() -> None:
        with summary_keeper.only_keeper(db) as turn:
            turns.append(turn)

    with summary_keeper.only_keeper(db) as first:
        assert first
        later = threading.Thread(target=next_keeper)
        later.start()
        waiting_its_turn()
        with summary_keeper.only_keeper(db) as third:
            assert not third, "one keeper waits its turn already"
        with summary_keeper.only_keeper(tmp_path / "other.json") as other:
            assert other, "another database has its own"
        assert turns == [] and later.is_alive(), "the next one waits for the running one"
    later.join(10)
    assert turns == [True], "its turn once the running one is done"


def test_the_keeper_after_the_running_one_keeps_the_newest_content(
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    waiting_its_turn: Callable[[], None],
) -> None:
    """The app's end (or a batch's last import) while a keeper runs its last round for
    an older content: the keeper it starts keeps the content left, after it."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("WORKBENCH_DB", str(db))
    monkeypatch.setattr(summary_keeper, "gc", SimpleNamespace(unfreeze=list, collect=list))
    with summary_keeper.only_keeper(db):  # the running keeper, its rounds spent
        with AnnotationStore.open(db, annotator="gold") as store:
            store.save(replace(store.all()[0], status="in_progress"))
        later = threading.Thread(target=summary_keeper.main, args=(["--annotator", "gold"],))
        later.start()
        waiting_its_turn()
    later.join(60)
    assert summary_keeper.keep("gold") == 0, "kept already, for the content left"


def test_the_keeper_s_lock_is_never_taken_through_a_link(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr8 T7: the lock in a shared /tmp was opened with open(path, "a"): a link planted
    at its name (computable from the database's path) had its target created."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with summary_keeper.only_keeper(db):
        (lock,) = tmp_path.glob("workbench-keeper-*.lock")
    assert lock.stat().st_mode & 0o777 == 0o600
    lock.unlink()
    victim = tmp_path / "victim.txt"
    lock.symlink_to(victim)
    with summary_keeper.only_keeper(db) as keeping:
        assert keeping, "no lock to be had: keeping goes on, as without one"
    assert not victim.exists()


def test_the_keeper_keeps_again_while_writers_change_the_content(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writers that ended during a round left the keeping to the running keeper: it
    keeps again, for the newest content, a bounded number of rounds."""
    import store

    tokens = iter(["t1", "t2", "t2", "t2", "t3", "t3"])  # a write in the first round only

    class Changing:
        def __enter__(self) -> Changing:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def token(self) -> str:
            return next(tokens)

    rounds: list[tuple[str | None, object]] = []
    monkeypatch.setattr(store, "kept_summaries", lambda location: Changing())
    monkeypatch.setattr(
        summary_keeper,
        "keep",
        lambda annotator, still, screen, quotes: rounds.append((annotator, quotes)),
    )
    quotes = QuoteReadings()
    summary_keeper.keep_while_changing(db, "ana", quotes=quotes)
    # again after the write, then still: done; each round given what the last read
    assert rounds == [("ana", quotes), ("ana", quotes)]


def test_a_round_ends_once_the_content_moved(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save during a round (the app's pause cut short): the summary under way is not
    followed by the others' of a content already gone; the next round begins with the
    writer's again."""
    asked: list[str | None] = []

    def keep_one(
        annotator: str | None,
        analysts: list[str] | None = None,
        first: bool = False,
        quotes: object = None,
    ) -> int:
        asked.append(annotator)
        if analysts is not None:
            analysts.extend(["bob", "carl"])
        return 2

    monkeypatch.setattr(summary_keeper, "keep_one", keep_one)
    monkeypatch.setattr(summary_keeper, "gc", SimpleNamespace(unfreeze=list, collect=list))
    assert summary_keeper.keep("gold", lambda: False) == 2 and asked == ["gold"]
    asked.clear()
    still = iter([True, True, False])
    assert summary_keeper.keep("gold", lambda: next(still)) == 6
    assert asked == ["gold", "all", "bob"]


@pytest.mark.parametrize(
    ("location", "follows"),
    [("postgresql://ana@db.example/team", False), ("/data/annotations.json", True)],
)
def test_only_a_database_file_s_keeper_follows_the_app_s_session(
    location: str, follows: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv10 R3: a server's content moves with every analyst's save, so a follower there
    read the whole database after each colleague's save, as long as anyone saved."""
    monkeypatch.delenv(KEEPER_ENV)
    started: list[list[str]] = []
    monkeypatch.setattr(
        subprocess, "Popen", lambda command, **options: started.append(command) or "started"
    )
    assert start_keeper(location, "ana", follow=4242) == "started"
    assert ("--follow" in started[0]) is follows


def test_a_round_stopped_by_the_follower_removes_what_it_was_writing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv10 R8: the follower stops a round (SIGTERM) whenever the content moves; a round
    stopped in its FILE.kept write left the whole temporary file for an hour. SIGTERM
    now ends the round as Ctrl-C does, so the atomic write removes its temporary."""
    import signal

    handlers: list[object] = []
    monkeypatch.setenv("WORKBENCH_DB", str(db))
    monkeypatch.setattr(
        summary_keeper, "keep", lambda *args: handlers.append(signal.getsignal(signal.SIGTERM))
    )
    assert summary_keeper.main(["--one-round"]) == 0
    assert handlers and callable(handlers[0]) and handlers[0] is not signal.SIG_DFL
