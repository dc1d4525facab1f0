"""The summary keeper: after a writer, computes the default summaries and keeps them.

`workbench summary` serves a kept output only for the very inputs it was made from
(cli/kept_summary.py). Writers (import, reanchor, the app at its end) start this keeper
as a process of its own (`start_keeper`) and never wait for it; the app also starts one
at its session's first save that follows the session (`follow`: the writer's summary of
each content made again from the last one, seconds after a save, not computed afresh
after a pause): detached in a session of its own, its standard streams on /dev/null, at a lower
priority. It computes by the command's own code path (cli/summary.py: asked, summarised,
report), with the writer's environment, for the writer's analyst, for every analyst
(`--annotator all`) and for every other analyst that summary names, up to OTHER_ANALYSTS
of them (in their names' order: a team of up to nine analysts has every summary served),
in Markdown and JSON, and keeps them:

- under the content token it took BEFORE its read-only open; the store keeps them only
  if the token is the same after (store/kept.py, the race rule);
- under the digest of the code taken before it computed, and keeps nothing if the code
  on disk changed meanwhile (an upgrade installed while it ran);
- only a summary that succeeded (exit status 0).

Entries already kept for the same inputs are not computed again. One keeper runs per
database (rv5 R2: every import of a batch started one, 700 MB each): the running one
looks again when it is done (a few rounds at most), and a keeper started while another
runs waits its turn, then keeps the newest content (finding it kept already if the
running one got there); a third, while one waits, exits at once (`only_keeper`).
Nothing the keeper meets is an error anyone sees: a summary it cannot keep is computed
by the command.
Writers start none while $WORKBENCH_SUMMARY_KEEPER is "off" (the test suite).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config.locations import DB_ENV, DatabaseLocation
from workbench.core.files.database_url import is_server_url

if TYPE_CHECKING:
    from store.kept_summaries import KeptSummaries
    from workbench.cli.followed_summary import FollowedSummary
    from workbench.cli.keeper_notice import Announcer
    from workbench.cli.screen_keeper import ScreenKeeper
    from workbench.cli.summary import QuoteReadings
    from workbench.cli.summary_request import Request

KEEPER_ENV = "WORKBENCH_SUMMARY_KEEPER"
""""off": writers start no keeper (the tests set it; those of the keeper unset it)."""
ALL = "all"
NICENESS = 10
"""The keeper runs below the analyst's own processes."""
ROUNDS = 2
"""Keeping rounds of one keeper: again while writers changed the content meanwhile."""
OTHER_ANALYSTS = 8
"""Other analysts whose summaries are kept too, after the writer's and every analyst's
(in their names' order): a database of up to nine analysts has each one's summary
served, whoever asks (tok9; two before: a team's fourth analyst was computed). Bounded
by the summaries' size, not their number: each annotation is in one analyst's summary,
so at 100,000 annotations the others' outputs add at most about what every analyst's
adds (five analysts: FILE.kept 314 -> 344 MB); each costs the keeper one more summary
at nice 10 (3-7 s at load 5-9), after the ones analysts ask for most. FILE.kept holds 2 * (2 + this)
entries (store/kept_file.py MAX_ENTRIES)."""


POLL_SECONDS = 0.5
"""How often a keeper following a session looks at the content token (a few stats and
the live journal read: about a millisecond for a file database)."""
SETTLE_SECONDS = 1.0
"""A content held still this long is kept by a keeper following a session (a burst of
saves, kept once)."""
PAUSE_SECONDS = 30.0
"""A content held still this long has every analyst's and the others' summaries kept
too (a full summary each: after a pause in saving, as the app started the keeper
before it followed)."""
FOLLOW_LIMIT = 900.0
"""A keeper following a session ends after this long without a change (it holds the
summary's state, a few hundred MB at 100,000 annotations); the app's next save starts
another, which builds from nothing."""


def keeper_switched_off() -> bool:
    return os.environ.get(KEEPER_ENV, "").strip().lower() in ("off", "0", "no", "false")


def start_keeper(
    location: DatabaseLocation,
    annotator: str | None,
    follow: int | None = None,
    screen: Sequence[str] | None = None,
) -> subprocess.Popen[bytes] | None:
    """Start the keeper for the database at `location` and the writer's `annotator` (its
    --annotator, or None for the current one), and return at once; None when switched
    off or when it cannot start (nothing is kept then: the command computes). `follow`:
    the process id of the app whose session it follows (`follow`) while that runs: of a
    database file only. A server's content moves with every analyst's save, so a
    follower there read the whole database after each colleague's save, for as long as
    anyone saved (rv10 R3): a server's keeper keeps after a pause, as before. `screen`:
    the PATHs the app read its articles from (none: the bundled ones), whose summary
    screen's summary is kept too, after the writer's (cli/screen_keeper.py)."""
    if keeper_switched_off():
        return None
    if is_server_url(str(location)):
        follow = None
    # The database through the environment, never argv: a server URL may hold a
    # password, and any user can read another's command line.
    environment = {**os.environ, DB_ENV: str(location)}
    command = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper"]
    if annotator:
        command += ["--annotator", annotator]
    if follow is not None:
        command += ["--follow", str(follow)]
    command += screen_arguments(screen)
    try:
        return subprocess.Popen(
            command,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the writer's terminal does not reach it
            close_fds=True,
        )
    except (OSError, ValueError):
        return None


def screen_arguments(screen: Sequence[str] | None) -> list[str]:
    """The keeper's arguments asking for the summary screen's summary of the articles
    read from `screen` (None: not asked)."""
    if screen is None:
        return []
    return ["--screen", *(f"--article={os.path.abspath(path)}" for path in screen)]


def keep(
    annotator: str | None,
    still: Callable[[], bool] = lambda: True,
    screen: Sequence[str] | None = None,
    quotes: QuoteReadings | None = None,
) -> int:
    """Keep `annotator`'s summaries (None: the current analyst's), every analyst's, then
    up to OTHER_ANALYSTS others' among those every analyst's summary names; returns how
    many outputs were kept. Stops after a summary once `still()` is False (the content
    moved: the writer's summary comes first again in the next round, not the others'
    of a content already gone). `screen`: the app's PATHs, whose summary screen's
    summary is kept right after the writer's (cli/screen_keeper.py). `quotes`: what
    the keeper's summaries read in their quotes, taken and added to by each."""
    from workbench.cli.screen_keeper import ScreenKeeper
    from workbench.cli.summary_request import whose

    kept = 0
    analysts: list[str] = []
    for name in dict.fromkeys([annotator, ALL]):
        outcome = _kept(name, analysts, report_first=name == annotator, quotes=quotes)
        if outcome is None or not still():
            return kept + (outcome or 0)
        kept += outcome
        if name == annotator and screen is not None:
            kept += screen_kept(ScreenKeeper(screen), _location(), annotator)
            _collected()
            if not still():
                return kept
    writer = whose(annotator)
    others = [name for name in dict.fromkeys(analysts) if name != writer and whose(name) == name]
    for name in others[:OTHER_ANALYSTS]:
        outcome = _kept(name, quotes=quotes)
        if outcome is None:
            break
        kept += outcome
        if not still():
            break
    return kept


def _kept(
    annotator: str | None,
    analysts: list[str] | None = None,
    report_first: bool = False,
    quotes: QuoteReadings | None = None,
) -> int | None:
    outcome = keep_one(annotator, analysts, report_first, quotes=quotes)
    _collected()  # the summary freezes what it read
    return outcome


def keep_one(
    annotator: str | None,
    analysts: list[str] | None = None,
    report_first: bool = False,
    followed: FollowedSummary | None = None,
    announcer: Announcer | None = None,
    quotes: QuoteReadings | None = None,
) -> int | None:
    """Keep one analyst's summaries (both formats); how many were kept, or None when
    nothing more can be (the request fails, the code changed). Every analyst's summary,
    when computed, adds the analysts it names to `analysts`. With `report_first` (the
    writer's) the Markdown report, `workbench summary`'s default, is kept as soon as it
    is made, served while the JSON is made (2-5 s at 100,000 annotations, load 5-10);
    the others' are kept in one write (each keep rewrites FILE.kept whole). With
    `followed` (a keeper following a session) the summary is that one made again for
    this content (cli/followed_summary.py), not built from nothing; `announcer` says
    what is being kept, and when each format is (cli/keeper_notice.py: the command
    waits for it rather than compute it). `quotes`: as keep()'s, for a summary built."""
    from store import kept_summaries
    from workbench.cli.kept_summary import FORMATS, summary_key
    from workbench.cli.summary_request import asked
    from workbench.core.analysis.kept.code import code_digest

    request = asked(
        argparse.Namespace(
            db=None, annotator=annotator, paths=[], claim_threshold=None, denial_threshold=None
        )
    )
    if isinstance(request, int):
        return None
    with kept_summaries(request.location) as store:
        token = store.token()  # T1: before the read-only open
        # a keeper following a session keeps what the code it loaded makes, or nothing
        code = code_digest() if followed is None else followed.code
        keys = {name: summary_key(request, name, token, code) for name in FORMATS}
        wanted = {name: key for name, key in keys.items() if key is not None}
        if len(wanted) < len(FORMATS):
            return None
        if all(store.get(key) is not None for key in wanted.values()):
            if analysts is None or request.annotator is not None:
                return 0  # kept already for these very inputs (the app's end, after a pause)
            named = _analysts_kept(store.get(wanted["md"]))
            if named is not None:  # else computed: who it names is not known (rv9 R6)
                analysts.extend(named)
                return 0
        if request.annotator is not None and _kept_apart(store, request, token, code):
            return 0  # kept already: an analyst with no annotated sentence (tr11 T1)
        if not store.keepable(token):  # a snapshot parse: only when about to compute
            return None  # nothing could be kept under it: nothing computed
        if announcer is not None:
            announcer.began(token, wanted, build=followed is None or not followed.holds)
        try:
            return _made_and_kept(
                store, request, token, code, wanted, analysts, report_first, followed, announcer,
                quotes,
            )  # fmt: skip
        finally:
            if announcer is not None:
                announcer.ended()


def _made_and_kept(
    store: KeptSummaries,
    request: Request,
    token: str,
    code: str,
    wanted: dict[str, str],
    analysts: list[str] | None,
    report_first: bool,
    followed: FollowedSummary | None,
    announcer: Announcer | None,
    quotes: QuoteReadings | None,
) -> int | None:
    """keep_one's summary made and kept under `token` (its keys `wanted` by format)."""
    from workbench.cli.kept_summary import FORMATS
    from workbench.cli.recorded import recording_stderr
    from workbench.cli.summary import report, summarised
    from workbench.core.analysis.kept.code import code_digest
    from workbench.core.analysis.kept.output import DATA, TEXT, encoded

    with recording_stderr() as recorded:
        summary = summarised(request, quotes) if followed is None else followed.summarised(request)
    if isinstance(summary, int):
        return None
    named = summary.totals.annotators if request.annotator is None else None
    if analysts is not None and named is not None:
        analysts.extend(named)
    if request.annotator is not None and not summary.totals.sentences:
        # no annotated sentence: kept apart, served only without --annotator NAME, which
        # refuses it (kept_summary.kept_keys, tr11 T1)
        wanted = _apart(request, token, code)
        if len(wanted) < len(FORMATS):
            return None
    said = tuple(recorded.pieces)
    shown = report(summary, None if followed is None else followed.report_pieces)
    outputs = {wanted["md"]: encoded(said, TEXT, [shown.encode("utf-8")], analysts=named)}
    del shown
    kept = 0
    if report_first:
        if code_digest() != code:
            return None  # the code changed while it ran: which made this is not known
        if not store.put_many(outputs, token):
            return 0
        if announcer is not None:
            announcer.kept(["md"])
        kept, outputs = 1, {}
    pieces = None if followed is None else followed.pieces  # those unchanged not encoded
    outputs[wanted["json"]] = encoded(said, DATA, list(summary.json_parts(pieces)), analysts=named)
    del summary
    if code_digest() != code:
        return None
    if not store.put_many(outputs, token):
        return kept
    if announcer is not None:
        announcer.kept(["json"] if report_first else ["md", "json"])
    return kept + len(outputs)


def _apart(request: Request, token: str, code: str) -> dict[str, str]:
    """The keys one analyst's summary with no annotated sentence is kept under, by format
    (kept_summary.kept_keys: served only without --annotator NAME; tr11 T1)."""
    from workbench.cli.kept_summary import FORMATS, summary_key

    keys = {name: summary_key(request, name, token, code, nobody=True) for name in FORMATS}
    return {name: key for name, key in keys.items() if key is not None}


def _kept_apart(store: KeptSummaries, request: Request, token: str, code: str) -> bool:
    keys = _apart(request, token, code)
    return bool(keys) and all(store.get(key) is not None for key in keys.values())


def _analysts_kept(record: bytes | None) -> tuple[str, ...] | None:
    """The analysts a kept summary of every analyst names (its header says them), or
    None: a keeper that found it kept learnt no name and kept no other analyst's (rv9
    R6: they were computed until the content moved)."""
    from workbench.core.analysis.kept.output import DamagedOutput, KeptHead

    if record is None or (end := record.find(b"\n")) < 0:
        return None
    try:
        return KeptHead.decode(record[:end]).analysts
    except DamagedOutput:
        return None


@contextlib.contextmanager
def only_keeper(location: DatabaseLocation) -> Iterator[bool]:
    """True while this is the one keeper of the database at `location`: at once when none
    runs; when one runs, once it is done, this one being the next (tok9: the content the
    writer that started this one left may be newer than any the running one keeps, whose
    rounds are bounded: a batch of three imports, or two saves and the app's end during
    a pause's keeper, left the last content never kept). False when another keeper waits
    its turn already: that one keeps the newest content. So at most two keepers, one
    running and one waiting (rv5 R2: each writer of a batch started one, 700 MB each).
    Locks of the user's, outside the database's folder: keeping writes nothing beside it
    but FILE.kept."""
    from workbench.cli.keeper_notice import keeper_stem

    stem = keeper_stem(location)
    with _own_lock_file(stem.with_name(f"{stem.name}.lock")) as running:
        if running is None:
            yield True  # no lock to be had: keeping stays correct (the race rule), only duplicated
            return
        if not _took(running):
            with _own_lock_file(stem.with_name(f"{stem.name}.next.lock")) as waiting:
                if waiting is None or not _took(waiting) or not _took(running, wait=True):
                    yield False  # another waits its turn (or no turn to be had)
                    return
                fcntl.flock(waiting, fcntl.LOCK_UN)  # the next writer's keeper waits behind
        yield True


@contextlib.contextmanager
def _own_lock_file(path: Path) -> Iterator[int | None]:
    """The user's own lock file at `path`, open (None: none to be had)."""
    try:
        # Never through a link planted at the name (a shared /tmp), and the user's own
        # file only: another's, held, would stop every keeping (tr8 T7).
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError:
        yield None
        return
    try:
        found = os.fstat(descriptor)
        yield descriptor if found.st_uid == os.getuid() and stat.S_ISREG(found.st_mode) else None
    finally:
        os.close(descriptor)


def _took(descriptor: int, wait: bool = False) -> bool:
    """Whether the lock on `descriptor` was taken (`wait`: once its holder lets go)."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def keep_while_changing(
    location: DatabaseLocation,
    annotator: str | None,
    screen: Sequence[str] | None = None,
    quotes: QuoteReadings | None = None,
) -> None:
    """keep() until the content holds still through a round (writers that ended
    meanwhile found this keeper running and left the keeping to it)."""
    for _round in range(ROUNDS):
        before = _token(location)
        keep(annotator, _standing(location, before), screen, quotes)
        if _token(location) == before:
            return


def follow(
    location: DatabaseLocation,
    annotator: str | None,
    alive: Callable[[], bool],
    pause: float = PAUSE_SECONDS,
    screen: Sequence[str] | None = None,
) -> None:
    """Keep `annotator`'s summary of each content the database holds still at for
    SETTLE_SECONDS while `alive()` (the app that started this keeper runs), made again
    from the last one (cli/followed_summary.py: the annotations changed given to it, not
    a build from nothing), and the rest of keep() (every analyst's, the others') once a
    content has held still for `pause`, by a process of this one's (`--one-round`)
    stopped as soon as the content moves: a full summary each, which would otherwise
    hold up the writer's after the next save. Says what it keeps as it goes
    (cli/keeper_notice.py). Ends when the app has ended, once the writer's summary of its
    last content is kept (its end's keeper, waiting its turn, keeps the rest, finding
    that one kept), after FOLLOW_LIMIT without a change
    (the app starts another at its next save), or once the code on disk is not the code
    running (an upgrade: what this process would keep is not what the command computes).
    `screen`: the app's PATHs, whose summary screen's summary is kept after the writer's
    for each content, made again from the last one too (cli/screen_keeper.py)."""
    from workbench.cli.followed_summary import FollowedSummary
    from workbench.cli.keeper_notice import Announcer
    from workbench.cli.screen_keeper import ScreenKeeper
    from workbench.core.analysis.kept.code import code_digest

    followed = FollowedSummary(code_digest())
    screen_followed = (
        None
        if screen is None
        else ScreenKeeper(screen, follow=True, code=followed.code, memo=followed.memo)
    )
    announcer = Announcer(location)
    seen, moved = "", time.monotonic()
    kept_for = rest_for = ""
    rest: subprocess.Popen[bytes] | None = None
    try:
        while alive():
            current = _token(location)
            now = time.monotonic()
            if current != seen:
                seen, moved = current, now
                _stopped(rest)
            elif now - moved >= FOLLOW_LIMIT:
                return
            elif now - moved >= SETTLE_SECONDS and kept_for != seen:
                if code_digest() != followed.code:
                    return
                kept_for = seen
                keep_one(annotator, report_first=True, followed=followed, announcer=announcer)
                followed.prepare()  # the LiveLedger, after a keep from nothing or a rebuild
                if screen_followed is not None:  # the summary screen's, made again too
                    screen_kept(screen_followed, location, annotator)
            elif now - moved >= pause and rest_for != seen:
                rest_for = seen
                rest = _round_started(location, annotator, screen)
            time.sleep(POLL_SECONDS)
        # The app has ended (its store closed): its last content, saved less than
        # SETTLE_SECONDS before, is made again here in seconds; the end's keeper,
        # waiting its turn, then finds it kept rather than compute it from nothing.
        if _token(location) != kept_for and code_digest() == followed.code:
            keep_one(annotator, report_first=True, followed=followed, announcer=announcer)
            if screen_followed is not None:
                screen_kept(screen_followed, location, annotator)
    finally:
        _stopped(rest)


def _round_started(
    location: DatabaseLocation, annotator: str | None, screen: Sequence[str] | None = None
) -> subprocess.Popen[bytes] | None:
    """One round of keep() in a process of its own (the writer's summary is kept
    already: the screen's, every analyst's and the others'), at this keeper's priority."""
    command = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--one-round"]
    if annotator:
        command += ["--annotator", annotator]
    command += screen_arguments(screen)
    try:
        return subprocess.Popen(
            command,
            env={**os.environ, DB_ENV: str(location)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
    except (OSError, ValueError):
        return None


def _stopped(process: subprocess.Popen[bytes] | None) -> None:
    """`process` ended (what it kept stays kept; a keep under way is written whole or
    not at all, and a temporary file left is removed by a later keep)."""
    if process is not None and process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
            return
        process.kill()
        process.wait()


def _standing(location: DatabaseLocation, token: str) -> Callable[[], bool]:
    """Whether the database is still at `token`."""
    return lambda: _token(location) == token


def screen_kept(keeper: ScreenKeeper, location: DatabaseLocation, annotator: str | None) -> bool:
    """keeper.keep(): the summary screen's summary kept. Whatever it meets keeps nothing
    (the screen computes it) and never stops the keeping of the command's summaries."""
    try:
        return keeper.keep(location, annotator)
    except Exception:  # nobody waits and nobody reads, as for the rest of the keeper
        return False


def _location() -> DatabaseLocation:
    """The database this keeper keeps for (given through the environment)."""
    from workbench.config.locations import resolve_database

    return resolve_database(None)


def _token(location: DatabaseLocation) -> str:
    from store import kept_summaries

    with kept_summaries(location) as store:
        return store.token()


def _collected() -> None:
    """What a summary froze let go again (a command ends; a keeper goes on)."""
    gc.unfreeze()
    gc.collect()


def _running(pid: int) -> Callable[[], bool]:
    """Whether the process `pid` (the app this keeper follows) still runs."""

    def alive() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # another user's: it exists
        return True

    return alive


def main(argv: Sequence[str] | None = None) -> int:
    from workbench.config.locations import resolve_database

    parser = argparse.ArgumentParser(prog="python -m workbench.cli.summary_keeper")
    parser.add_argument("--annotator", help="whose summary besides every analyst's")
    parser.add_argument(
        "--follow", type=int, metavar="PID", help="follow the app of this process id's session"
    )
    parser.add_argument(
        "--one-round", action="store_true", help="one round, as part of the keeper following"
    )
    parser.add_argument(
        "--screen", action="store_true", help="keep the summary screen's summary too"
    )
    parser.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="PATH",
        help="a PATH the app read its articles from (none: the bundled articles)",
    )
    args = parser.parse_args(argv)
    screen = args.article if args.screen else None
    try:
        from workbench.cli.summary import QuoteReadings

        quotes = QuoteReadings()  # summaries of one database, one after another
        location = resolve_database(None)
        if args.one_round:  # the following keeper holds the turn and stops this one
            from workbench.cli.common import stopped_cleanly_by_sigterm

            with stopped_cleanly_by_sigterm():  # stopped mid-write, no temporary left (rv10 R8)
                keep(args.annotator, _standing(location, _token(location)), screen, quotes)
            return 0
        with only_keeper(location) as only:
            if only and args.follow is not None:
                follow(location, args.annotator, _running(args.follow), screen=screen)
            elif only:
                keep_while_changing(location, args.annotator, screen, quotes)
    except Exception:  # nobody waits and nobody reads: what is not kept is computed
        return 1
    return 0


if __name__ == "__main__":
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    sys.exit(main())
