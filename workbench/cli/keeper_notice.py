"""What the keeper following an app's session is keeping now, so that `workbench summary`
can wait for that very summary rather than compute it from nothing (tok11).

A followed keep makes the writer's summary again from the last one (a few seconds at
100,000 annotations on a quiet machine, tens under load); the command, asked while it
runs, computed the same summary from nothing beside it (7-8 s quiet, 60-77 s at load
7-11), taking the CPU the keep needed. The follower now says, in a small file of the
user's beside the keepers' locks (never in the database's folder), which content it is
keeping, under which keys, since when, how long its last keeps of each kind took and
which formats it has kept. The command reads it (it writes nothing) and waits when the
keep asked for is under way, or about to begin, and its end is expected sooner than a
computation would take; what it then serves goes through the key and the entry's
checksum as ever. The notice only decides whether to wait: a stale, planted or wrong one
costs at most a bounded wait, never a wrong summary.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.cli.summary_request import Request
    from workbench.config.locations import DatabaseLocation

NOTICE_BYTES = 16384
"""A notice is a few hundred bytes: anything longer is not one."""
ANNOUNCED_WITHIN = 5.0
"""Seconds the follower takes to begin keeping a content that holds still (its
SETTLE_SECONDS and POLL_SECONDS, 1.5 s, with a margin): a command asked right after a
save waits at least this long for the keep to begin, and up to a quarter of what
computing is expected to take (a busy machine, where the follower at nice 10 begins
late: bench kept_follow at load 3-10 saw it begin more than 5 s after a save)."""
POLL_SECONDS = 0.1
"""How often a waiting command reads the notice (a stat and a few hundred bytes)."""
COMPUTED_SHARE = 0.5
"""What the command computing a summary is taken to cost, as a share of the follower's
last build from nothing (the command makes one format at full priority; the build made
both at nice 10 and wrote them): 11-13 s builds against 7-8 s computations at load 2,
144 s against 60-77 s at load 7-11."""
MARGIN_SECONDS = 3.0
"""A keep late by more than this (and by more than its own expected length) is given up
on, and the summary computed."""


def keeper_stem(location: DatabaseLocation) -> Path:
    """The user's own files of the keepers of the database at `location` begin with this
    (the locks, the notice): in $XDG_RUNTIME_DIR or the temporary folder, by the
    database's real path."""
    import tempfile

    name = os.path.realpath(location) if isinstance(location, Path) else str(location)
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(folder) / f"workbench-keeper-{os.getuid()}-{digest}"


def notice_path(location: DatabaseLocation) -> Path:
    stem = keeper_stem(location)
    return stem.with_name(stem.name + ".keeping")


@dataclasses.dataclass
class Notice:
    """What the follower (process `pid`) said last."""

    pid: int
    token: str
    """The content it keeps, or kept last."""
    keys: dict[str, str]
    """Its summary of `token` by format: the key each is kept under."""
    kept: list[str]
    """The formats of `keys` kept already."""
    keeping: bool
    """A keep of `token` is under way."""
    since: float
    """When it began (time.time())."""
    build: bool
    """It is a build from nothing (the follower's first), not a summary made again."""
    took: dict[str, dict[str, float]]
    """Seconds from the start of a keep to each format kept, the last of each kind
    ("build", "again"): what the next one is expected to take."""

    def expected(self, output_format: str) -> float | None:
        """Seconds this keep is expected to take to keep `output_format`, or None: the
        last keep of its kind's; the first summary made again is taken to take what
        computing it would (a few times less, measured: waiting is then no later)."""
        build = self.took.get("build", {}).get(output_format)
        if self.build:
            return build
        again = self.took.get("again", {}).get(output_format)
        if again is not None or build is None:
            return again
        return build * COMPUTED_SHARE

    def to_json(self) -> bytes:
        return json.dumps(dataclasses.asdict(self), sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Notice | None:
        try:
            found: Any = json.loads(data)
            notice = cls(**found)
        except (ValueError, TypeError):
            return None
        return notice if _well_formed(notice) else None


def _well_formed(notice: Notice) -> bool:
    strings = (notice.token, *notice.keys, *notice.keys.values(), *notice.kept)
    took = notice.took
    return (
        type(notice.pid) is int
        and isinstance(notice.keys, dict)
        and isinstance(notice.kept, list)
        and all(isinstance(value, str) for value in strings)
        and type(notice.keeping) is bool
        and type(notice.build) is bool
        and isinstance(notice.since, (int, float))
        and isinstance(took, dict)
        and all(
            isinstance(kind, dict)
            and all(isinstance(s, (int, float)) and not isinstance(s, bool) for s in kind.values())
            for kind in took.values()
        )
    )


def read_notice(location: DatabaseLocation) -> Notice | None:
    """The follower's notice for the database at `location`, if there is one of this
    user's (never through a link planted at the name) and it reads as one."""
    try:
        descriptor = os.open(notice_path(location), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        found = os.fstat(descriptor)
        if found.st_uid != os.getuid() or not stat.S_ISREG(found.st_mode):
            return None
        data = os.read(descriptor, NOTICE_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return None if len(data) > NOTICE_BYTES else Notice.from_json(data)


def running(pid: int) -> bool:
    """Whether process `pid` still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's: it exists
    return True


class Announcer:
    """The follower's side: says what it keeps as it goes (best effort: a notice not
    written only means the command computes, as before)."""

    def __init__(self, location: DatabaseLocation) -> None:
        self.path = notice_path(location)
        before = read_notice(location)
        took = before.took if before is not None else {}
        self.notice = Notice(os.getpid(), "", {}, [], False, 0.0, True, took)
        """The last build's times are the last session's until this one builds."""
        self._started = 0.0

    def began(self, token: str, keys: dict[str, str], build: bool) -> None:
        self._started = time.monotonic()
        self.notice = dataclasses.replace(
            self.notice,
            token=token,
            keys=dict(keys),
            kept=[],
            keeping=True,
            since=time.time(),
            build=build,
        )
        self._written()

    def kept(self, formats: list[str]) -> None:
        seconds = time.monotonic() - self._started
        kind = "build" if self.notice.build else "again"
        took = {**self.notice.took, kind: dict(self.notice.took.get(kind, {}))}
        for name in formats:
            took[kind][name] = round(seconds, 3)
        kept = [*self.notice.kept, *formats]
        done = set(kept) >= set(self.notice.keys)
        self.notice = dataclasses.replace(self.notice, kept=kept, took=took, keeping=not done)
        self._written()

    def ended(self) -> None:
        """No keep under way (it failed, or was left: the content moved)."""
        if self.notice.keeping:
            self.notice = dataclasses.replace(self.notice, keeping=False)
            self._written()

    def _written(self) -> None:
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC
            descriptor = os.open(temporary, flags, 0o600)
            try:
                os.write(descriptor, self.notice.to_json())
            finally:
                os.close(descriptor)
            os.replace(temporary, self.path)


def waited_for_keeper(
    request: Request, output_format: str, served: Callable[[], int | None]
) -> int | None:
    """When the follower is keeping the very summary `request` asks for in
    `output_format` (or is about to: the content moved since its last keep of that
    summary), and is expected to finish sooner than computing it would take: wait for
    it, then served() (the kept output served as ever, or None). Says so at a terminal.
    Returns served()'s status, or None to compute (no such keep, not sooner, given up on,
    or the keep ended without it)."""
    from store import StoreError, kept_summaries
    from workbench.cli.kept_summary import summary_key
    from workbench.cli.recorded import say_at_terminal
    from workbench.core.analysis.kept.code import code_digest

    notice = read_notice(request.location)
    if notice is None or not notice.keys or not running(notice.pid):
        return None
    code = code_digest()
    if notice.keys.get(output_format) != summary_key(request, output_format, notice.token, code):
        return None  # it keeps another summary (another analyst's, other settings, code)
    began = time.monotonic()
    deadline: float | None = None
    while True:
        try:
            with kept_summaries(request.location) as kept:
                token = kept.token()
        except (StoreError, OSError):
            return None
        if notice.token == token and output_format in notice.kept:
            return served()  # kept: served as ever (None: damaged, named, or moved on)
        if notice.token == token and notice.keeping:
            if deadline is None:
                left = _left(notice, output_format)
                if left is None:
                    return None
                deadline = time.monotonic() + max(2 * left, left + MARGIN_SECONDS)
                say_at_terminal(
                    "workbench: the summary keeper is making this very summary (about "
                    f"{left:.0f} s more, sooner than computing it): waiting for it\n"
                )
            elif time.monotonic() > deadline:
                say_at_terminal("workbench: the summary keeper is late: computing it\n")
                return None
        elif notice.token == token or time.monotonic() - began > _begins_within(notice):
            return None  # it kept nothing of this content, or does not begin
        time.sleep(POLL_SECONDS)
        found = read_notice(request.location)
        if found is None or found.pid != notice.pid or not running(found.pid):
            return None
        notice = found


def _begins_within(notice: Notice) -> float:
    """How long to wait for the follower to begin keeping the content now."""
    builds = notice.took.get("build", {}).values()
    computing = max(builds, default=0.0) * COMPUTED_SHARE
    return max(ANNOUNCED_WITHIN, computing / 4)


def _left(notice: Notice, output_format: str) -> float | None:
    """Seconds the keep under way is expected to go on, if that is sooner than the
    command computing the summary; else None."""
    expected = notice.expected(output_format)
    if expected is None:
        return None  # a first build, with no build of a session before to go by
    left = max(0.0, notice.since + expected - time.time())
    computing = notice.took.get("build", {}).get(output_format)
    if computing is not None and left > computing * COMPUTED_SHARE:
        return None
    return left
