"""`workbench summary` served from what the keeper kept: byte for byte what it computes
(stdout, stderr, exit status), and never for inputs it was not made from."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from store import AnnotationStore, kept_summaries
from store.kept_file import MAX_ENTRIES
from tests.fixtures.gold import load_gold
from workbench.cli import kept_summary, summary_keeper
from workbench.cli import summary as summary_command
from workbench.cli.main import main
from workbench.core.analysis.kept.output import DATA, KeptOutput, Piece
from workbench.core.corpus import articles as articles_module
from workbench.core.corpus.articles import load_corpus


@dataclass(frozen=True)
class Ran:
    """What a command wrote and returned."""

    out: bytes
    err: bytes
    status: int


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """gold's annotations on the bundled articles (remembered), and one of bob's; gold is
    the current analyst, and the database is the default one (the keeper's way)."""
    path = tmp_path / "data" / "annotations.json"
    path.parent.mkdir()
    corpus = load_corpus()
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
def computing_refused(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], None]]:
    """refuse(True): a summary that would be computed fails the test (it must be served)."""

    def refuse(on: bool) -> None:
        if on:
            monkeypatch.setattr(summary_command, "summarised", computed_instead)
        else:
            monkeypatch.setattr(summary_command, "summarised", real)

    real = summary_command.summarised
    yield refuse
    monkeypatch.setattr(summary_command, "summarised", real)


def computed_instead(request: object) -> int:
    raise AssertionError("computed, not served")


def kept_now(annotator: str | None = None) -> int:
    """Run the keeper's work in this process (its process runs the same function).

    Its garbage collection between summaries (unfreeze, full collection) is left out:
    here it would scan every object the test process holds (a third of this file's time
    before), and what is kept does not depend on it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summary_keeper, "gc", SimpleNamespace(unfreeze=no_op, collect=no_op))
        return summary_keeper.keep(annotator)


def no_op() -> None:
    pass


VARIANTS = [
    ("--format", "md"),
    ("--format", "json"),
    ("--format", "md", "--annotator", "all"),
    ("--format", "json", "--annotator", "all"),
]


@pytest.mark.parametrize("argv", VARIANTS)
def test_served_is_byte_for_byte_what_is_computed(
    argv: tuple[str, ...],
    db: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
) -> None:
    computed = run(*argv)
    assert computed.status == 0 and computed.out
    assert kept_now() == 6, "md and json: gold's, every analyst's and bob's"
    computing_refused(True)
    assert run(*argv) == computed
    assert run(*argv, "--db", str(db)) == computed, "the same database named as it is"


def test_served_to_a_file_and_with_stderr_is_what_is_computed(
    db: Path,
    tmp_path: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """carol has no annotations: the command says so on stderr, and who has some."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "carol")
    computed: dict[str, tuple[Ran, bytes]] = {}
    for form in ("json", "md"):  # md: text, streamed as its UTF-8 bytes
        target = tmp_path / f"out.{form}"
        computed[form] = (run("--format", form, "-o", str(target)), target.read_bytes())
        target.unlink()
        assert b"no annotations by carol" in computed[form][0].err
    kept_now()
    computing_refused(True)
    for form, (ran, written) in computed.items():
        target = tmp_path / f"out.{form}"
        assert run("--format", form, "-o", str(target)) == ran
        assert target.read_bytes() == written
        target.write_bytes(b"an older summary")  # replaced whole
        assert run("--format", form, "-o", str(target)) == ran
        assert target.read_bytes() == written


def test_a_hint_for_a_terminal_is_written_only_to_a_terminal(
    db: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    computed_plain = run()
    with monkeypatch.context() as patch:
        patch.setattr(sys.stderr, "isatty", lambda: True)
        computed_terminal = run()
    assert b"sentences as stored" in computed_terminal.err
    assert b"sentences as stored" not in computed_plain.err
    kept_now()
    computing_refused(True)
    assert run() == computed_plain
    with monkeypatch.context() as patch:
        patch.setattr(sys.stderr, "isatty", lambda: True)
        assert run() == computed_terminal


def serves(run: Callable[..., Ran], *argv: str) -> bool:
    """True when the summary of `argv` is served (not computed)."""
    real = summary_command.summarised
    calls: list[object] = []

    def counted(request: summary_command.Request) -> object:
        calls.append(request)
        return real(request)

    summary_command.summarised = counted  # type: ignore[assignment]
    try:
        assert run(*argv).status == 0
    finally:
        summary_command.summarised = real
    return not calls


def tag_by(db: Path, annotator: str) -> None:
    gold = load_gold()
    with AnnotationStore.open(db, annotator=annotator) as store:
        store.save(replace(gold[3], annotator=annotator, status="in_progress"))


def decision(db: Path) -> None:
    with AnnotationStore.open(db, annotator="gold") as store:
        store.save_ledger_decision({"action": "merge", "groups": ["g1", "g2"]})


def settings(db: Path) -> None:
    Path(os.environ["WORKBENCH_SETTINGS"]).write_text(
        "[ledger]\nclaim_threshold = 90\n", encoding="utf-8"
    )


def anchoring_settings(db: Path) -> None:
    Path(os.environ["WORKBENCH_SETTINGS"]).write_text(
        "[anchoring]\nfuzzy_threshold = 90\n", encoding="utf-8"
    )


def damaged_readings(db: Path) -> None:
    readings = db.with_name(db.name + ".readings")
    readings.write_bytes(b"not a readings file\n")


CHANGES = {
    "a tag by the analyst": lambda db: tag_by(db, "gold"),
    "a tag by another analyst": lambda db: tag_by(db, "bob"),
    "a ledger decision": decision,
    "the ledger settings": settings,
    "the anchoring settings": anchoring_settings,
    "the readings beside the database": damaged_readings,
}


@pytest.mark.parametrize(
    ("change", "annotator"),
    # each input once, the two kinds of summary taking turns (the cross product doubled
    # the time of `make test`'s slowest module for no input more)
    [(change, ("all", "gold")[number % 2]) for number, change in enumerate(CHANGES)],
    ids=list(CHANGES),
)
def test_any_input_changed_is_computed_again(
    change: str,
    annotator: str,
    db: Path,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", os.environ["WORKBENCH_ANNOTATOR"])  # restored
    argv = ("--format", "json") + (("--annotator", "all") if annotator == "all" else ())
    kept_now()
    assert serves(run, *argv)
    CHANGES[change](db)
    assert not serves(run, *argv)
    kept_now()
    assert serves(run, *argv), "kept again by the next keeper"


def test_an_analyst_reading_in_the_app_is_served_what_was_kept(
    db: Path, run: Callable[..., Ran], computing_refused: Callable[[bool], None]
) -> None:
    """The app's writer open records its journal's start in FILE.lock, and every cursor
    move journals a position: neither is content, and the kept summary stays served,
    byte for byte, until a tag."""
    computed = run("--format", "json")
    assert kept_now() == 6
    article_id = load_corpus().articles[0].id
    with AnnotationStore.open(db, annotator="gold") as store:
        computing_refused(True)
        assert run("--format", "json") == computed
        for index in (3, 0, 7):
            store.set_position(article_id, index)
        store._storage.sync()
        assert run("--format", "json") == computed
        computing_refused(False)
        store.save(replace(load_gold()[3], status="in_progress"))
        assert not serves(run, "--format", "json")


def test_what_the_keeper_kept_in_the_last_pause_is_served_after_the_app_ends(
    db: Path, run: Callable[..., Ran], computing_refused: Callable[[bool], None]
) -> None:
    """The app leaves its short journal as it is at its end (cli/annotate.py): the
    summary kept during the session's last pause is served right after it, byte for
    byte, and the keeper started at the end finds it kept."""
    store = AnnotationStore.open(db, annotator="gold")
    store.leave_short_journal()
    store.save(replace(load_gold()[3], status="in_progress"))
    computed = run("--format", "json")
    assert kept_now() == 6, "the keeper after a pause in saving"
    store.set_position(load_corpus().articles[0].id, 2)
    store.close()
    computing_refused(True)
    assert run("--format", "json") == computed
    assert kept_now() == 0, "kept already: nothing computed at the end"


@pytest.mark.parametrize("output_format", ["md", "json"])
def test_the_other_analysts_summaries_are_kept_too(
    output_format: str,
    db: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
) -> None:
    """The writer is gold; bob's summary, asked by flag or as the current analyst, is
    served byte for byte as computed."""
    computed = run("--format", output_format, "--annotator", "bob")
    assert computed.status == 0 and computed.out
    kept_now()
    computing_refused(True)
    assert run("--format", output_format, "--annotator", "bob") == computed
    os.environ["WORKBENCH_ANNOTATOR"] = "bob"
    try:
        assert run("--format", output_format) == computed
    finally:
        os.environ["WORKBENCH_ANNOTATOR"] = "gold"


def test_every_analyst_of_a_team_is_kept(
    db: Path, run: Callable[..., Ran], computing_refused: Callable[[bool], None]
) -> None:
    """Five analysts (a fourth other than the writer computed before tok9): each one's
    summary is kept, and the last in names' order is served byte for byte as computed."""
    for name in ("dora", "carl", "abe"):
        tag_by(db, name)
    computed = run("--format", "json", "--annotator", "dora")
    assert computed.status == 0 and computed.out
    assert kept_now() == 12
    assert serves(run, "--annotator", "carl")
    computing_refused(True)
    assert run("--format", "json", "--annotator", "dora") == computed


def test_the_other_analysts_kept_are_bounded(
    db: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond OTHER_ANALYSTS others, the first in their names' order are kept; FILE.kept
    has room for every entry the keeper keeps."""
    assert MAX_ENTRIES == 2 * (2 + summary_keeper.OTHER_ANALYSTS) + 1  # and the screen's
    monkeypatch.setattr(summary_keeper, "OTHER_ANALYSTS", 2)
    for name in ("dora", "carl", "abe"):
        tag_by(db, name)
    assert kept_now() == 8
    assert serves(run, "--annotator", "abe") and serves(run, "--annotator", "bob")
    assert not serves(run, "--annotator", "carl")
    assert serves(run) and serves(run, "--annotator", "all")


def test_the_current_analyst_is_an_input_of_their_own_summary_only(
    db: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every analyst's summary is opened as ALL whoever asks (summary_request.asked),
    so the one gold's keeper kept is bob's too; carol's own is computed."""
    kept_now()
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "carol")
    assert serves(run, "--annotator", "all")
    assert not serves(run)
    kept_now()
    assert serves(run), "kept again by the next keeper"


def test_the_thresholds_given_are_inputs(db: Path, run: Callable[..., Ran]) -> None:
    kept_now()
    assert serves(run)
    assert not serves(run, "--claim-threshold", "95")
    assert not serves(run, "--denial-threshold", "95")
    assert serves(run, "--claim-threshold", "70"), "the default, given: the same input"


def test_paths_are_never_served(db: Path, run: Callable[..., Ran]) -> None:
    kept_now()
    assert not serves(run, str(articles_module.BUNDLED_ARTICLES))


def test_the_database_as_messages_name_it_is_an_input(
    db: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analyst with no annotations is told the database's name: the same file named
    another way is another output."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "carol")
    kept_now()
    assert serves(run)
    monkeypatch.chdir(db.parent)
    assert not serves(run, "--db", db.name)


def test_the_code_is_an_input(
    db: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_now()
    assert serves(run)
    monkeypatch.setattr(kept_summary, "code_digest", lambda: "another version")
    assert not serves(run)


def test_the_bundled_articles_bytes_are_an_input(
    db: Path, tmp_path: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pronouns are resolved on the bundled articles: one byte of theirs changes it."""
    bundled = tmp_path / "bundled"
    shutil.copytree(articles_module.BUNDLED_ARTICLES, bundled)
    monkeypatch.setattr(articles_module, "BUNDLED_ARTICLES", bundled)
    before = run()
    kept_now()
    assert serves(run)
    first = sorted(bundled.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes().replace(b"He ", b"She ", 1))
    assert not serves(run)
    assert run().out != before.out, "the computed output did change"


def test_a_keeper_that_saw_a_write_meanwhile_keeps_nothing(
    db: Path, run: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = summary_command.summarised
    statuses = iter(["in_progress", "supported", "refuted"])

    def written_meanwhile(
        request: summary_command.Request, quotes: summary_command.QuoteReadings | None = None
    ) -> object:
        result = real(request, quotes)
        with AnnotationStore.open(db, annotator="bob") as store:  # a new tag each time
            store.save(replace(load_gold()[3], annotator="bob", status=next(statuses)))
        return result

    monkeypatch.setattr(summary_command, "summarised", written_meanwhile)
    assert kept_now() == 0
    monkeypatch.setattr(summary_command, "summarised", real)
    assert not serves(run)


def test_a_keeper_on_code_changed_meanwhile_keeps_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.core.analysis.kept import code

    digests = iter(["before", "after", "after", "after"])
    monkeypatch.setattr(code, "code_digest", lambda: next(digests))
    assert kept_now() == 0


def test_a_keeper_computes_nothing_where_nothing_could_be_kept(
    db: Path, computing_refused: Callable[[bool], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store says so before the keeper computes (store/kept.py keepable)."""
    from store.kept import FileKept

    monkeypatch.setattr(FileKept, "keepable", lambda self, token: False)
    computing_refused(True)
    assert kept_now() == 0


def test_kept_already_is_not_computed_again(
    db: Path, computing_refused: Callable[[bool], None]
) -> None:
    assert kept_now() == 6
    computing_refused(True)
    assert kept_now() == 0


def test_the_writer_s_report_is_served_while_its_json_is_made(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`workbench summary` (Markdown by default) need not wait for the writer's JSON."""
    from workbench.core.analysis.summary.model import Summary

    made, seen = Summary.json_parts, []

    def json_parts(summary: Summary, pieces: object = None) -> Iterator[bytes]:
        with kept_summaries(db) as kept:
            keys = (entry_of(db, ("--format", "md")), entry_of(db, ("--format", "json")))
            seen.append(tuple(kept.get(key) is not None for key in keys))
        return made(summary)

    monkeypatch.setattr(Summary, "json_parts", json_parts)
    assert kept_now() == 6
    assert seen[0] == (True, False), "the writer's report kept, its JSON being made"


def entry_of(db: Path, argv: tuple[str, ...]) -> str:
    """The key the command looks for."""
    args = summary_command_args(*argv)
    request = summary_command.asked(args)
    assert isinstance(request, summary_command.Request)
    with kept_summaries(db) as kept:
        key = kept_summary.summary_key(
            request, args.format, kept.token(), kept_summary.code_digest()
        )
    assert key is not None
    return key


def summary_command_args(*argv: str) -> object:
    from workbench.cli.common import Parser, store_options

    parser = Parser(prog="workbench summary", parents=[store_options()])
    summary_command.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_a_damaged_kept_entry_is_named_and_computed(db: Path, run: Callable[..., Ran]) -> None:
    asked = [("--format", "json"), ("--format", "md"), ("--format", "md", "--annotator", "all")]
    computed = [run(*argv).out for argv in asked]
    kept_now()
    kept = db.with_name(db.name + ".kept")
    data = bytearray(kept.read_bytes())
    data[-200] ^= 0x01  # inside the last entry's bytes: one of the writer's two
    kept.write_bytes(bytes(data))
    damaged = [run(*argv) for argv in asked]
    named = [line for ran in damaged for line in ran.err.splitlines() if b"damaged" in line]
    assert len(named) == 1 and str(kept).encode() in named[0] and b"computed instead" in named[0]
    assert [ran.out for ran in damaged] == computed


def test_a_kept_record_that_does_not_decode_is_named_and_computed(
    db: Path, run: Callable[..., Ran]
) -> None:
    computed = run("--format", "json")
    key = entry_of(db, ("--format", "json"))
    with kept_summaries(db) as kept:
        assert kept.put(key, b"not a kept output", kept.token())
    damaged = run("--format", "json")
    assert damaged.out == computed.out and damaged.status == 0
    named = (
        f"workbench: warning: kept summary {key[:12]} of {db} is damaged (its header does "
        "not read (no header line)); computed instead\n"
    )
    assert damaged.err == named.encode() + computed.err


def test_a_kept_output_is_written_as_kept(
    db: Path, run: Callable[..., Ran], computing_refused: Callable[[bool], None]
) -> None:
    """What is kept is what is written: the keeper's bytes, not a recomputation."""
    key = entry_of(db, ("--format", "json"))
    with kept_summaries(db) as kept:
        output = KeptOutput((), DATA, b'{"kept": true}\n', 0)
        assert kept.put(key, output.encode(), kept.token())
    computing_refused(True)
    assert run("--format", "json") == Ran(b'{"kept": true}\n', b"", 0)


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(folder.iterdir())
    }


def test_the_read_only_summary_writes_and_creates_nothing(
    db: Path, run: Callable[..., Ran]
) -> None:
    before = folder_state(db.parent)
    assert not any(name.endswith(".kept") for name in before)
    for argv in VARIANTS:
        assert run(*argv).status == 0  # computed: nothing kept
    assert folder_state(db.parent) == before, "no FILE.kept made by a reader"
    kept_now()
    kept = folder_state(db.parent)
    for argv in VARIANTS:
        assert run(*argv).status == 0  # served
    assert folder_state(db.parent) == kept


def test_a_team_database_on_postgresql_is_served_as_computed(
    pg_url: str,
    tmp_path: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from store import open_store

    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")
    monkeypatch.setenv("WORKBENCH_DB", pg_url)
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(tmp_path / "settings.toml"))
    gold = load_gold()
    with open_store(pg_url, annotator="gold") as store:
        store.import_annotations(gold)
    computed = {argv: run(*argv) for argv in VARIANTS}
    assert kept_now() == 4
    computing_refused(True)
    assert {argv: run(*argv) for argv in VARIANTS} == computed
    computing_refused(False)
    with open_store(pg_url, annotator="bob") as store:
        store.save(replace(gold[3], annotator="bob"))
    assert not serves(run, "--annotator", "all")
    assert not serves(run), "any change of content moves the token"


def test_a_database_it_cannot_pin_down_is_not_looked_up(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv5 R5: a server not answering gave the token a timeout, the look-up a second
    and the command's open a third; an unsettled token ends the look-up at once."""

    class Unreachable:
        def __enter__(self) -> Unreachable:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def token(self) -> str:
            return "unsettled:" + "0" * 32

        def get(self, key: str) -> bytes | None:
            raise AssertionError("looked up under a token that names no content")

    import argparse

    import store
    from workbench.cli.summary_request import Request, asked

    request = asked(
        argparse.Namespace(
            db=str(db), annotator=None, paths=[], claim_threshold=None, denial_threshold=None
        )
    )
    assert isinstance(request, Request)
    monkeypatch.setattr(store, "kept_summaries", lambda location: Unreachable())
    assert kept_summary.served(request, "json") is None


def damaged_entry(db: Path, key: str, damage: str) -> None:
    """The entry under `key` made unservable: a byte flipped in its bytes (found only at
    its end), a record that does not decode (found at once), or one whose standard
    output is shorter than its header says (found at its end)."""
    record = KeptOutput((Piece("kept stderr\n"),), DATA, b'{"kept": true}\n', 0).encode()
    if damage == "record":
        record = b"not a kept output"
    elif damage == "length":
        record = record.replace(b'"length":15', b'"length":16', 1)
    with kept_summaries(db) as kept:
        assert kept.put(key, record, kept.token())
    if damage == "entry":
        file = db.with_name(db.name + ".kept")
        data = bytearray(file.read_bytes())
        data[-2] ^= 0x01  # in its standard output, the last bytes read
        file.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [("entry", b"checksum mismatch"), ("record", b"does not read"), ("length", b"not match")],
)
def test_a_damaged_entry_streamed_to_a_file_is_put_nowhere_and_computed(
    db: Path,
    tmp_path: Path,
    run: Callable[..., Ran],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
    reason: bytes,
) -> None:
    """`-o FILE` streams the kept bytes into a temporary file, checked as they come:
    damage found at the end leaves the target as it was, says nothing the kept record
    holds, and the summary is computed."""
    target = tmp_path / "out" / "summary.json"
    target.parent.mkdir()
    computed = run("--format", "json", "-o", str(target))
    expected = target.read_bytes()
    target.write_bytes(b"before")
    damaged_entry(db, entry_of(db, ("--format", "json")), damage)
    real = summary_command.summarised

    def computing(request: summary_command.Request) -> object:
        assert target.read_bytes() == b"before", "nothing put in place before computing"
        return real(request)

    monkeypatch.setattr(summary_command, "summarised", computing)
    ran = run("--format", "json", "-o", str(target))
    assert target.read_bytes() == expected and ran.status == 0 and ran.out == b""
    warning, rest = ran.err.split(b"\n", 1)
    assert b"damaged" in warning and reason in warning and b"computed instead" in warning
    assert rest == computed.err
    assert sorted(path.name for path in target.parent.iterdir()) == ["summary.json"]


def test_a_keeper_finding_every_analyst_s_summary_kept_keeps_the_others_too(
    db: Path, run: Callable[..., Ran]
) -> None:
    """rv9 R6: a round stopped after every analyst's summary (the app ended while it
    ran) left bob's unkept; the next keeper found every analyst's kept already, learnt
    no other analyst's name, and kept none of theirs: computed until the content moved.
    Every analyst's kept summary says whom it names."""
    assert summary_keeper.keep_one("gold", report_first=True) == 2
    assert summary_keeper.keep_one("all", []) == 2
    assert not serves(run, "--annotator", "bob")
    assert kept_now() == 2, "bob's report and JSON"
    assert serves(run, "--annotator", "bob")


def test_an_analyst_named_who_has_no_annotations_is_refused_though_kept(
    db: Path,
    run: Callable[..., Ran],
    computing_refused: Callable[[bool], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """carol's summary kept (asked without the flag: a report of nothing, exit 0) is not
    served to `--annotator carol`, which refuses an analyst the database does not hold
    (qa7 Q9; tr11 T1: it was served, exit 0)."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "carol")
    refused = run("--annotator", "carol")
    assert refused.status == 1 and not refused.out
    unflagged = run()
    assert kept_now() > 0
    assert run("--annotator", "carol") == refused, "computed: refused"
    computing_refused(True)
    assert run() == unflagged, "served without the flag"
