"""`workbench summary` a few seconds after the analyst saved a few tags: served from what
the keeper following the app's session kept, against computing it (tok10).

Two copies of the largest database holding its readings (as writers leave them), each
with a writer open all along (the app's session). On the first, the keeper follows the
session as the app starts it at its first save (`summary_keeper --follow PID`, PID a
stand-in process for the app, ended at the end); on the second no keeper runs, so the
summary is computed there (what the analyst got within about 45 s of a save before:
the keeper started after a 30 s pause, then computed from nothing). Each round saves the
same TAGS changes of tags on both copies (claim, attribution, denial, switched on the
writer's annotations), waits until the follower has kept the writer's report and JSON
(the seconds from the last save: the window in which a summary is still computed),
then runs the writer's summary, `-o FILE`, each run a process: served on the first
copy, computed on the second, by turns (the same load); every output is checked byte
for byte against the computed one. Also: the follower's first keep (from nothing), its
peak RSS, and the keeper as it ran before (started 30 s after the save, computing) for
one save. The load average is noted beside each figure.

tok11: a third copy is followed by the keeper as before tok11 (bench/follower_as_before.py:
the store read afresh for each content), the two keepers timed on the same saves at the
same time; and after each save the writer's summary is asked at once on the first copy
(`workbench summary` waiting for the follower's keep of that very summary), against
computing it on the second, the two formats by turns.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import Figure, Naive, Samples
from bench.summary import REPOSITORY, child, readings_store, user_environment
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore, kept_summaries
from workbench.config.locations import DB_ENV
from workbench.core.annotation import TAGS

if TYPE_CHECKING:
    from workbench.cli.summary_request import Request

TARGET = 1.0
TAGS_SAVED = 3
"""Tags saved in each round (a few, as an analyst saves before asking)."""
WAITED = 600.0
"""Seconds the bench waits for the keeper at most (a busy machine, nice 10)."""


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    environment = user_environment(space)
    first, _count = readings_store(space, size)
    second, third = copied(space, first), copied(space, first)
    rounds = max(2, space.scale.slow_repeats)
    rng = random.Random(15)
    loads = [os.getloadavg()[0]]
    app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(86400)"])
    keeper = follower(first, ["-P", "-m", "workbench.cli.summary_keeper"], app.pid, environment)
    as_before = follower(third, ["-m", "bench.follower_as_before"], app.pid, environment)
    writers = [AnnotationStore.open(path, annotator=ANNOTATOR) for path in (first, second, third)]
    requests = {path: looked_for(path, environment) for path in (first, third)}
    try:
        for writer in writers:
            writer.leave_short_journal()
        started = time.perf_counter()
        saved(writers, rng)  # the session's first save: the app starts the follower
        first_keep = kept_after(first, started, requests[first])
        kept: dict[Path, dict[str, list[float]]] = {
            path: {"md": [], "json": []} for path in (first, third)
        }
        asked: dict[str, list[tuple[float, int]]] = {"json": [], "md": []}
        served: dict[str, list[tuple[float, int]]] = {"json": [], "md": []}
        computed: dict[str, list[tuple[float, int]]] = {"json": [], "md": []}
        for _turn in range(rounds):
            for form in ("md", "json"):
                last = saved(writers, rng)
                watches = [Watch(path, last, requests[path]) for path in (first, third)]
                asked_output = space.scratch_path(f"asked.{form}")
                asked[form].append(child(summary(first, form, asked_output), environment))
                for watch in watches:
                    watch.join(timeout=WAITED)
                    md, whole = watch.found()
                    kept[watch.database]["md"].append(md)
                    kept[watch.database]["json"].append(whole)
                computed_output = space.scratch_path(f"computed.{form}")
                computed[form].append(child(summary(second, form, computed_output), environment))
                served_output = space.scratch_path(f"served.{form}")
                for _ in range(space.scale.slow_repeats):
                    served[form].append(child(summary(first, form, served_output), environment))
                expected = computed_output.read_bytes()
                for output in (asked_output, served_output):
                    if output.read_bytes() != expected:
                        raise RuntimeError(
                            f"the {form} summary {output.stem} differs from computed"
                        )
            loads.append(os.getloadavg()[0])
        peaks = rss_peak(keeper.pid), rss_peak(as_before.pid)
    finally:
        for writer in writers:
            writer.close()
        app.kill()
        app.wait()
        keeper.wait(timeout=WAITED)
        as_before.wait(timeout=WAITED)
    loads.append(os.getloadavg()[0])
    load = f"load {min(loads):.1f}-{max(loads):.1f}"
    computed_note = f"byte-identical; {rounds} saves each; {load}"
    figures = [
        Figure(
            f"`workbench summary --format {form} -o FILE` asked at once after {TAGS_SAVED} "
            "saved tags (waits for the follower's keep of it); start to exit, peak RSS",
            f"{size:,} annotations, the writer's summary",
            samples(asked[form]),
            limit=TARGET,
            naive=Naive("computed, as the command did before (no wait)", samples(computed[form])),
            note=computed_note,
        )
        for form in ("md", "json")
    ]
    figures += [
        Figure(
            f"`workbench summary --format {form} -o FILE` once kept; start to exit, peak RSS",
            f"{size:,} annotations, the writer's summary",
            samples(served[form]),
            limit=TARGET,
            naive=Naive("computed (no keeper has kept it yet)", samples(computed[form])),
            note=computed_note,
        )
        for form in ("md", "json")
    ]
    figures += [
        Figure(
            f"the writer's {'report' if form == 'md' else 'JSON'} kept, seconds after the "
            f"last of {TAGS_SAVED} saved tags (the follower, its store read kept)",
            f"{size:,} annotations",
            Samples(tuple(kept[first][form])),
            naive=Naive(
                "the follower as before tok11 (store read afresh), same saves, same time",
                Samples(tuple(kept[third][form])),
            ),
            note=load,
        )
        for form in ("md", "json")
    ]
    figures.append(
        Figure(
            "the keeper following the session: first keep (from nothing, its report and "
            "JSON); peak RSS over the session (as before tok11: "
            f"{(peaks[1] or 0) / 2**20:,.0f} MB)",
            f"{size:,} annotations",
            Samples((first_keep[1],), peaks[0]),
            note=load,
        )
    )
    return figures


def copied(space: Workspace, database: Path) -> Path:
    """A copy of the database's folder (no keeper has run on it)."""
    copy = space.scratch_path(database.name)
    copy.parent.rmdir()
    shutil.copytree(database.parent, copy.parent)
    return copy


def follower(
    database: Path, module: list[str], app: int, environment: dict[str, str]
) -> subprocess.Popen[bytes]:
    """A keeper following the session of process `app` on `database`, as the app starts it."""
    return subprocess.Popen(
        [sys.executable, *module, "--annotator", ANNOTATOR, "--follow", str(app)],
        cwd=REPOSITORY,
        env={**environment, DB_ENV: str(database)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


class Watch(threading.Thread):
    """kept_after() in a thread: the seconds to each format kept, while the bench asks."""

    def __init__(self, database: Path, since: float, request: Request) -> None:
        super().__init__(daemon=True)
        self.database = database
        self._since, self._request = since, request
        self._found: tuple[float, float] | None = None
        self.start()

    def run(self) -> None:
        self._found = kept_after(self.database, self._since, self._request)

    def found(self) -> tuple[float, float]:
        if self._found is None:
            raise RuntimeError(f"the keeper following {self.database} kept nothing")
        return self._found


def saved(writers: list[AnnotationStore], rng: random.Random) -> float:
    """TAGS_SAVED tags switched on the same annotations of each writer's copy, as the
    app saves them, each followed by a move to the next sentence (journaled, left out of
    the content token); the moment the last save returned."""
    annotations = writers[0].all(ANNOTATOR)
    for _ in range(TAGS_SAVED):
        chosen = rng.choice(annotations)
        tag = rng.choice(TAGS)
        for writer in writers:
            found = writer.get(chosen.article_id, chosen.index, ANNOTATOR)
            assert found is not None
            switched = set(found.tags) ^ {tag}
            writer.save(dataclasses.replace(found, tags=tuple(t for t in TAGS if t in switched)))
            writer.set_position(found.article_id, found.index + 1)  # on to the next sentence
    return time.perf_counter()


def looked_for(database: Path, environment: dict[str, str]) -> Request:
    """The writer's summary as the command and the keeper ask for it (their environment)."""
    from workbench.cli.summary_request import asked

    saved_environment = dict(os.environ)
    os.environ.update({**environment, DB_ENV: str(database)})  # as the keeper reads them
    try:
        request = asked(
            argparse.Namespace(
                db=None, annotator=ANNOTATOR, paths=[], claim_threshold=None,
                denial_threshold=None,
            )
        )  # fmt: skip
    finally:
        os.environ.clear()
        os.environ.update(saved_environment)
    assert not isinstance(request, int)
    return request


def kept_after(database: Path, since: float, request: Request) -> tuple[float, float]:
    """Seconds from `since` until the writer's report, then its JSON, are kept for the
    content the database has now (looked for every 50 ms, as the command would)."""
    from workbench.cli.kept_summary import summary_key
    from workbench.core.analysis.kept.code import code_digest

    code = code_digest()
    found: dict[str, float] = {}
    deadline = time.perf_counter() + WAITED
    while len(found) < 2 and time.perf_counter() < deadline:
        with kept_summaries(database) as kept:
            token = kept.token()
            for form in ("md", "json"):
                key = summary_key(request, form, token, code)
                if form not in found and key is not None and kept.get(key) is not None:
                    found[form] = time.perf_counter() - since
        time.sleep(0.05)
    if len(found) < 2:
        raise RuntimeError("the keeper following the session kept nothing")
    return found["md"], found["json"]


def summary(database: Path, form: str, output: Path) -> list[str]:
    return [
        sys.executable, "-m", "workbench", "summary", "--annotator", ANNOTATOR, "--db",
        str(database), "--format", form, "-o", str(output),
    ]  # fmt: skip


def rss_peak(pid: int) -> int | None:
    """The peak RSS of a running process (VmHWM), in bytes."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def samples(runs: list[tuple[float, int]]) -> Samples:
    return Samples(tuple(t for t, _ in runs), max(peak for _, peak in runs))


def median(values: list[float]) -> float:
    return Samples(tuple(values)).median
