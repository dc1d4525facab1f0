"""The keeper following an app session keeps the writer's summary of each content made
again from the last one (cli/followed_summary.py, summary_keeper.follow): what
`workbench summary` then serves is byte for byte what it computes, after any changes."""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from store import AnnotationStore, kept_summaries
from tests.fixtures.anchored import annotate
from tests.fixtures.gold import load_gold
from workbench.cli import keeper_notice, summary_keeper
from workbench.cli import summary as summary_command
from workbench.cli.followed_summary import FollowedSummary
from workbench.cli.keeper_notice import Announcer, read_notice
from workbench.cli.kept_summary import summary_key
from workbench.cli.main import main
from workbench.cli.summary_request import Request, asked
from workbench.core.analysis.kept.code import code_digest
from workbench.core.analysis.ledger.readings import analyser_fingerprint
from workbench.core.annotation import STATUSES, TAGS, Annotation
from workbench.core.corpus.articles import Corpus, load_corpus

FORMS = ("md", "json")


@dataclass(frozen=True)
class Ran:
    out: bytes
    err: bytes
    status: int


@pytest.fixture
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> Path:
    """gold's annotations on the bundled articles (remembered) and one of bob's; gold is
    the current analyst and the database the default one (as the keeper finds it)."""
    path = tmp_path / "data" / "annotations.json"
    path.parent.mkdir()
    gold = load_gold(corpus)
    with AnnotationStore.open(path, annotator="gold") as store:
        store.import_annotations([*gold, replace(gold[0], annotator="bob", status="supported")])
        for article in corpus:
            store.remember_article(
                article.id, article.title, article.sha256, len(article.sentences)
            )
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")
    monkeypatch.setenv("WORKBENCH_DB", str(path))
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(tmp_path / "settings.toml"))
    (tmp_path / "run").mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))  # the keepers' locks, notice
    return path


@pytest.fixture
def run(capfdbinary: pytest.CaptureFixture[bytes]) -> Callable[..., Ran]:
    def command(*argv: str) -> Ran:
        capfdbinary.readouterr()
        status = main(["summary", *argv])
        captured = capfdbinary.readouterr()
        return Ran(captured.out, captured.err, status)

    return command


@pytest.fixture
def no_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keeper's collections between summaries left out: here they would scan every
    object the test process holds, and what is kept does not depend on them."""
    monkeypatch.setattr(
        summary_keeper, "gc", SimpleNamespace(unfreeze=no_op, collect=no_op, freeze=no_op)
    )


def no_op() -> None:
    pass


def served_and_computed(
    run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch, form: str
) -> tuple[Ran, Ran]:
    """gold's summary in `form`, served (computing it fails the test), then computed
    (serving refused)."""
    real = summary_command.summarised
    with monkeypatch.context() as patch:
        patch.setattr(summary_command, "summarised", computing_refused)
        served = run("--format", form)
    with monkeypatch.context() as patch:
        patch.setattr(summary_command, "kept_written", lambda *args: None)
        patch.setattr(summary_command, "summarised", real)
        computed = run("--format", form)
    return served, computed


def computing_refused(request: object) -> int:
    raise AssertionError("computed, not served")


def changed(annotation: Annotation, rng: random.Random) -> Annotation:
    """The annotation with one thing changed, as an analyst changes it in the app: a tag
    (claim and denial reach the ledger), the status, the note, the source."""
    what = rng.randrange(5)
    if what < 2:
        flipped = set(annotation.tags) ^ {rng.choice(TAGS)}
        return replace(annotation, tags=tuple(tag for tag in TAGS if tag in flipped))
    if what == 2:
        return replace(annotation, status=rng.choice(STATUSES))
    if what == 3:
        return replace(annotation, note=rng.choice(["", "check the figure", "see the wire"]))
    return replace(annotation, source=rng.choice([None, "NATO", "he", "Mr. Austin"]))


def saved_changes(
    db: Path, corpus: Corpus, rng: random.Random, count: int, fold: bool = False
) -> None:
    """`count` changes saved by gold as the app saves them: most change a sentence
    annotated, some annotate a new sentence, a few delete one. `fold`: the writer's end
    folds the journal into a new snapshot (as any writer but the app's does)."""
    with AnnotationStore.open(db, annotator="gold") as store:
        if not fold:
            store.leave_short_journal()
        for _ in range(count):
            annotations = store.all("gold")
            roll = rng.random()
            if roll < 0.15:
                article = rng.choice(corpus.articles)
                index = rng.randrange(len(article.sentences))
                if store.get(article.id, index, "gold") is None:
                    tags = rng.choice([("claim",), ("denial",), ("attribution",), ()])
                    store.save(annotate(article, index, "gold", tags=tags, source="NATO"))
            elif roll < 0.22:
                gone = rng.choice(annotations)
                store.delete(gone.article_id, gone.index)
            else:
                store.save(changed(rng.choice(annotations), rng))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_followed_summary_served_is_the_computed_one_after_random_changes(
    seed: int,
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    no_collection: None,
) -> None:
    rng = random.Random(seed)
    followed = FollowedSummary(code_digest())
    for step in range(6):
        if step:
            # step 4: a new snapshot, read whole again; else the same one, read once
            saved_changes(db, corpus, rng, rng.randint(1, 4), fold=step == 4)
        assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
        if step == 0:
            followed.prepare()  # claim and denial tags followed from here, as the keeper does
        for form in FORMS:
            served, computed = served_and_computed(run, monkeypatch, form)
            assert computed.status == 0 and computed.out
            assert served == computed, f"step {step}, {form}"
    assert followed.builds == 1, "made again from the last summary each time, not built"
    assert (followed.memo.parsed, followed.memo.reused) == (2, 4), "the snapshot parsed twice"


def test_tags_saved_are_patched_and_only_what_they_touch_encoded(
    db: Path,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    no_collection: None,
) -> None:
    """The app's normal use: a few tags switched on sentences annotated already."""
    followed = FollowedSummary(code_digest())
    assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
    followed.prepare()
    with AnnotationStore.open(db, annotator="gold") as store:
        for annotation in store.all("gold")[:3]:
            store.save(annotation.toggled("attribution"))
        store.save(store.all("gold")[5].toggled("claim"))
    assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
    assert followed.builds == 1
    reused = followed.pieces.reused
    assert reused > 0, "the rows and groups no tag touched are not encoded again"
    assert followed.report_pieces.reused > 0, "nor rendered again in the report"
    for form in FORMS:
        served, computed = served_and_computed(run, monkeypatch, form)
        assert served == computed


def test_damaged_readings_are_named_by_every_followed_summary(
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    no_collection: None,
) -> None:
    """The computing command names damaged readings on every run: so does every summary
    the follower keeps, not only its first build (rv10 R2)."""
    with AnnotationStore.open(db, annotator="gold") as store:
        store.leave_short_journal()
        store.add_readings(analyser_fingerprint(), {"x" * 10: ["a"], "y" * 10: ["b"]})
    readings = next(
        path
        for path in (db.with_name(db.name + ".readings.tail"), db.with_name(db.name + ".readings"))
        if path.exists()
    )
    data = bytearray(readings.read_bytes())
    data[len(data) // 3] ^= 0x01  # one bit of a complete line flipped
    readings.write_bytes(bytes(data))
    followed = FollowedSummary(code_digest())
    for step in range(2):
        if step:
            saved_changes(db, corpus, random.Random(5), 1)
        assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
        for form in FORMS:
            served, computed = served_and_computed(run, monkeypatch, form)
            assert b"damaged" in computed.err
            assert served == computed, (step, form)


def test_a_ledger_decision_or_a_setting_changed_is_built_again(
    db: Path,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_collection: None,
) -> None:
    followed = FollowedSummary(code_digest())
    assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
    (tmp_path / "settings.toml").write_text("[ledger]\nclaim_threshold = 55\n", encoding="utf-8")
    assert summary_keeper.keep_one(None, report_first=True, followed=followed) == 2
    assert followed.builds == 2
    for form in FORMS:
        served, computed = served_and_computed(run, monkeypatch, form)
        assert served == computed


def test_what_code_other_than_the_code_on_disk_made_is_not_kept(
    db: Path, no_collection: None
) -> None:
    """A keeper following a session loaded its code when it began: once an upgrade is on
    disk, what it makes is not what the command computes."""
    followed = FollowedSummary("the code before the upgrade")
    assert summary_keeper.keep_one(None, report_first=True, followed=followed) is None
    assert not kept_for_now(db) and not kept_for_now(db, ("md",))


@pytest.fixture
def quick_follow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary_keeper, "POLL_SECONDS", 0.02)
    monkeypatch.setattr(summary_keeper, "SETTLE_SECONDS", 0.05)


@dataclass
class Following:
    """A keeper following in a thread of this process, as its own process runs it."""

    thread: threading.Thread
    app: threading.Event
    """Set while the app it follows runs."""


@pytest.fixture
def following(
    db: Path, quick_follow: None, no_collection: None
) -> Iterator[Callable[..., Following]]:
    started: list[Following] = []

    def start(pause: float = 3600.0, screen: list[str] | None = None) -> Following:
        app = threading.Event()
        app.set()
        thread = threading.Thread(
            target=summary_keeper.follow,
            args=(db, None, app.is_set, pause, screen),
            daemon=True,
        )
        started.append(Following(thread, app))
        thread.start()
        return started[-1]

    yield start
    for one in started:
        one.app.clear()
        one.thread.join(timeout=60)


def kept_for_now(db: Path, forms: tuple[str, ...] = FORMS, annotator: str = "gold") -> bool:
    """Whether `annotator`'s summary in each of `forms` is kept for the content now."""
    from workbench.cli.kept_summary import summary_key
    from workbench.cli.summary_request import asked

    request = asked(
        SimpleNamespace(
            db=None, annotator=annotator, paths=[], claim_threshold=None, denial_threshold=None
        )
    )
    assert not isinstance(request, int)
    with kept_summaries(db) as kept:
        token = kept.token()
        keys = [summary_key(request, form, token, code_digest()) for form in forms]
        return all(key is not None and kept.get(key) is not None for key in keys)


def waited(condition: Callable[[], bool], seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_the_keeper_following_a_session_keeps_each_save(
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    following: Callable[..., Following],
) -> None:
    keeper = following()
    rng = random.Random(7)
    for _save in range(3):
        saved_changes(db, corpus, rng, 2)
        assert waited(lambda: kept_for_now(db)), "the writer's summary kept after the save"
        for form in FORMS:
            served, computed = served_and_computed(run, monkeypatch, form)
            assert served == computed
    assert not kept_for_now(db, annotator="bob"), "the others wait for a pause in saving"
    keeper.app.clear()
    keeper.thread.join(timeout=60)
    assert not keeper.thread.is_alive(), "it ends with the app it follows"


def test_the_keeper_following_a_session_keeps_the_screen_s_summary_after_each_save(
    db: Path, corpus: Corpus, following: Callable[..., Following]
) -> None:
    """Given the app's PATHs (none: the bundled articles), the follower keeps the summary
    screen's summary of each content too, the one the screen builds (cli/screen_keeper.py)."""
    from workbench.core.analysis.ledger.settings import LedgerSettings
    from workbench.tui.state.summary_served import served_summary
    from workbench.tui.state.summary_view import read_summary
    from workbench.tui.state.workspace import Workspace

    def screen_kept() -> bool:
        with AnnotationStore.open(db, annotator="gold", read_only=True) as store:
            workspace = Workspace(store, corpus)
            served = served_summary(workspace, "gold", LedgerSettings()).snapshot
            if served is None:
                return False
            assert served.summary == read_summary(workspace, "gold", LedgerSettings())[0].summary
            return True

    following(screen=[])
    rng = random.Random(5)
    for _save in range(2):
        saved_changes(db, corpus, rng, 2)
        assert waited(screen_kept), "the screen's summary kept after the save"


def test_after_a_pause_every_analyst_s_summary_is_kept_too(
    db: Path, following: Callable[..., Following]
) -> None:
    following(pause=0.3)
    assert waited(lambda: kept_for_now(db) and kept_for_now(db, annotator="all"))
    assert waited(lambda: kept_for_now(db, annotator="bob"))


def test_the_round_for_the_others_is_stopped_once_the_content_moves(
    db: Path,
    corpus: Corpus,
    monkeypatch: pytest.MonkeyPatch,
    following: Callable[..., Following],
) -> None:
    """Every analyst's and the others' summaries (a full summary each) never hold up the
    writer's after the next save: their process is stopped when the content moves."""
    rounds: list[Round] = []
    monkeypatch.setattr(
        summary_keeper, "_round_started", lambda *args: rounds.append(Round()) or rounds[-1]
    )
    following(pause=0.2)
    assert waited(lambda: bool(rounds)), "a pause: the round starts"
    assert not rounds[0].stopped
    saved_changes(db, corpus, random.Random(3), 1)
    assert waited(lambda: rounds[0].stopped), "a save: it is stopped"
    assert waited(lambda: kept_for_now(db))


class Round:
    """The others' round as a process, never ending on its own."""

    def __init__(self) -> None:
        self.stopped = False

    def poll(self) -> int | None:
        return 0 if self.stopped else None

    def terminate(self) -> None:
        self.stopped = True

    def wait(self, timeout: float | None = None) -> int:
        return 0


def test_following_ends_once_the_code_on_disk_changed(
    db: Path, monkeypatch: pytest.MonkeyPatch, following: Callable[..., Following]
) -> None:
    """What it would keep is made by the code it loaded, not the code the key names."""
    digests = iter(["the code it started with"])
    with monkeypatch.context() as patch:
        patch.setattr(
            "workbench.core.analysis.kept.code.code_digest", lambda: next(digests, "upgraded")
        )
        keeper = following()
        keeper.thread.join(timeout=30)
        assert not keeper.thread.is_alive()
    assert not kept_for_now(db), "and kept nothing"


def test_following_ends_after_a_long_time_without_a_change(
    db: Path, monkeypatch: pytest.MonkeyPatch, following: Callable[..., Following]
) -> None:
    monkeypatch.setattr(summary_keeper, "FOLLOW_LIMIT", 0.3)
    keeper = following()
    keeper.thread.join(timeout=60)
    assert not keeper.thread.is_alive()
    assert kept_for_now(db), "what it followed is kept"


def test_the_keeper_following_keeps_the_last_content_when_the_app_ends(
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    following: Callable[..., Following],
) -> None:
    """Saved and quit within the second a content must hold still: the follower keeps it
    as it ends (made again in seconds), not the end's keeper from nothing."""
    monkeypatch.setattr(summary_keeper, "SETTLE_SECONDS", 3600.0)  # never while the app runs
    keeper = following()
    saved_changes(db, corpus, random.Random(11), 2)
    keeper.app.clear()  # the app ends
    keeper.thread.join(timeout=60)
    assert kept_for_now(db)
    for form in FORMS:
        served, computed = served_and_computed(run, monkeypatch, form)
        assert served == computed


def command_request(annotator: str = "gold") -> Request:
    request = asked(
        argparse.Namespace(
            db=None, annotator=annotator, paths=[], claim_threshold=None, denial_threshold=None
        )
    )
    assert not isinstance(request, int)
    return request


def command_keys(token: str) -> dict[str, str]:
    """The keys gold's summary is looked up under by the command, by format."""
    keys = {form: summary_key(command_request(), form, token, code_digest()) for form in FORMS}
    return {form: key for form, key in keys.items() if key is not None}


def test_the_notice_names_the_keys_the_command_looks_up(
    db: Path, following: Callable[..., Following]
) -> None:
    following()
    assert waited(lambda: kept_for_now(db))
    assert waited(lambda: (read_notice(db) or SimpleNamespace(keeping=True)).keeping is False)
    notice = read_notice(db)
    assert notice is not None
    with kept_summaries(db) as kept:
        token = kept.token()
    keys = command_keys(token)
    assert (notice.token, notice.keys, sorted(notice.kept)) == (token, keys, sorted(FORMS))
    assert set(notice.took["build"]) == set(FORMS)


@pytest.fixture
def slow_keep(
    db: Path, monkeypatch: pytest.MonkeyPatch, no_collection: None
) -> Iterator[Callable[[], threading.Thread]]:
    """A follower that has built the summary once (its times noted) and then keeps the
    next content slowly, in a thread: the keep is under way (announced) when it returns."""
    followed = FollowedSummary(code_digest())
    announcer = Announcer(db)
    assert (
        summary_keeper.keep_one(None, report_first=True, followed=followed, announcer=announcer)
        == 2
    )
    followed.prepare()
    real = followed.summarised
    monkeypatch.setattr(keeper_notice, "MARGIN_SECONDS", 120.0)  # however busy the machine
    threads: list[threading.Thread] = []

    def slowly(request: Request) -> object:
        time.sleep(1.0)
        return real(request)

    def start() -> threading.Thread:
        monkeypatch.setattr(followed, "summarised", slowly)
        thread = threading.Thread(
            target=summary_keeper.keep_one,
            args=(None,),
            kwargs={"report_first": True, "followed": followed, "announcer": announcer},
            daemon=True,
        )
        threads.append(thread)
        thread.start()
        assert waited(lambda: (read_notice(db) or SimpleNamespace(keeping=False)).keeping)
        return thread

    yield start
    for thread in threads:
        thread.join(timeout=60)


@pytest.mark.parametrize("form", FORMS)
def test_the_command_waits_for_the_keep_of_its_very_summary_and_serves_it(
    form: str,
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    slow_keep: Callable[[], threading.Thread],
) -> None:
    saved_changes(db, corpus, random.Random(13), 3)
    keep = slow_keep()
    with monkeypatch.context() as patch:
        patch.setattr(summary_command, "summarised", computing_refused)
        served = run("--format", form)  # a keep under way: waited for, not computed
    keep.join(timeout=60)
    with monkeypatch.context() as patch:
        patch.setattr(summary_command, "kept_written", lambda *args: None)
        patch.setattr(keeper_notice, "read_notice", lambda location: None)
        computed = run("--format", form)
    assert served == computed


def test_a_summary_the_follower_does_not_keep_is_computed_without_waiting(
    db: Path,
    corpus: Corpus,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    slow_keep: Callable[[], threading.Thread],
) -> None:
    """bob's summary, other thresholds: another summary than the one being kept."""
    saved_changes(db, corpus, random.Random(13), 3)
    slow_keep()
    monkeypatch.setattr(
        keeper_notice,
        "time",
        SimpleNamespace(sleep=never, monotonic=time.monotonic, time=time.time),
    )
    for argv in (["--annotator", "bob"], ["--claim-threshold", "55"]):
        assert run(*argv).status == 0


def never(seconds: float) -> None:
    raise AssertionError("waited")


def test_a_keep_that_ended_without_the_summary_is_not_waited_for(
    db: Path, corpus: Corpus, run: Callable[..., Ran], no_collection: None
) -> None:
    """The follower began the content now and stopped without keeping it (a save in
    the meantime): the command computes."""
    followed = FollowedSummary(code_digest())
    announcer = Announcer(db)
    assert (
        summary_keeper.keep_one(None, report_first=True, followed=followed, announcer=announcer)
        == 2
    )
    saved_changes(db, corpus, random.Random(17), 1)
    with kept_summaries(db) as kept:
        token = kept.token()
    announcer.began(token, command_keys(token), build=False)
    announcer.ended()
    ran = run("--format", "md")
    assert ran.status == 0 and ran.out
