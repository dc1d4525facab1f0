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
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.summary import child, readings_store, user_environment
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore, kept_summaries
from workbench.config.locations import DB_ENV
from workbench.core.annotation import TAGS

TARGET = 1.0
TAGS_SAVED = 3
"""Tags saved in each round (a few, as an analyst saves before asking)."""
WAITED = 600.0
"""Seconds the bench waits for the keeper at most (a busy machine, nice 10)."""


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    environment = user_environment(space)
    first, _count = readings_store(space, size)
    second = space.scratch_path(first.name)
    second.parent.rmdir()
    shutil.copytree(first.parent, second.parent)
    rounds = max(2, space.scale.slow_repeats)
    rng = random.Random(15)
    loads = [os.getloadavg()[0]]
    app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(86400)"])
    keeper = subprocess.Popen(
        [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR,
         "--follow", str(app.pid)],
        env={**environment, DB_ENV: str(first)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    writers = [AnnotationStore.open(path, annotator=ANNOTATOR) for path in (first, second)]
    try:
        for writer in writers:
            writer.leave_short_journal()
        started = time.perf_counter()
        saved(writers, rng)  # the session's first save: the app starts the follower
        first_keep = kept_after(first, started, environment)
        kept_md: list[float] = []
        kept_json: list[float] = []
        served: dict[str, list[tuple[float, int]]] = {"json": [], "md": []}
        computed: dict[str, list[tuple[float, int]]] = {"json": [], "md": []}
        for turn in range(rounds):
            last = saved(writers, rng)
            md, whole = kept_after(first, last, environment)
            kept_md.append(md)
            kept_json.append(whole)
            for form in ("json", "md"):
                served_output = space.scratch_path(f"served.{form}")
                computed_output = space.scratch_path(f"computed.{form}")
                for _ in range(space.scale.slow_repeats):
                    served[form].append(child(summary(first, form, served_output), environment))
                if turn < space.scale.naive_repeats or form == "json":
                    computed[form].append(
                        child(summary(second, form, computed_output), environment)
                    )
                    if served_output.read_bytes() != computed_output.read_bytes():
                        raise RuntimeError(f"the {form} summary served differs from computing it")
            loads.append(os.getloadavg()[0])
        peak = rss_peak(keeper.pid)
    finally:
        for writer in writers:
            writer.close()
        app.kill()
        app.wait()
        keeper.wait(timeout=WAITED)
    before = keeper_before(second, environment) if space.scale.slow_repeats > 1 else None
    loads.append(os.getloadavg()[0])
    load = f"load {min(loads):.1f}-{max(loads):.1f}"
    figures = [
        Figure(
            f"`workbench summary --format {form} -o FILE` after {TAGS_SAVED} saved tags, "
            "kept by the keeper following the session; start to exit, peak RSS",
            f"{size:,} annotations, the writer's summary",
            samples(served[form]),
            limit=TARGET,
            naive=Naive("computed (no keeper has kept it yet)", samples(computed[form])),
            note=f"byte-identical; {rounds} rounds of saves; {load}",
        )
        for form in ("json", "md")
    ]
    figures.append(
        Figure(
            f"the writer's report kept, seconds after the last of {TAGS_SAVED} saved tags "
            "(a summary asked sooner is computed)",
            f"{size:,} annotations",
            Samples(tuple(kept_md)),
            naive=None
            if before is None
            else Naive("the keeper as before: 30 s pause, then computed", before),
            note=f"JSON kept after {median(kept_json):.1f} s median; {load}",
        )
    )
    figures.append(
        Figure(
            "the keeper following the session: first keep (from nothing, its report and "
            "JSON), peak RSS over the session",
            f"{size:,} annotations",
            Samples((first_keep[1],), peak),
            note=load,
        )
    )
    return figures


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


def kept_after(database: Path, since: float, environment: dict[str, str]) -> tuple[float, float]:
    """Seconds from `since` until the writer's report, then its JSON, are kept for the
    content the database has now (looked for every 50 ms, as the command would)."""
    from workbench.cli.kept_summary import summary_key
    from workbench.cli.summary_request import asked
    from workbench.core.analysis.kept.code import code_digest

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


def keeper_before(database: Path, environment: dict[str, str]) -> Samples:
    """The writer's report kept as before tok10 after a save: the app's 30 s pause, then
    the keeper computing from nothing (its process timed to the report kept)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR],
        env={**environment, DB_ENV: str(database)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        md, _whole = kept_after(database, started, environment)
    finally:  # every analyst's and the others' summaries after it: not what is timed
        process.terminate()
        process.wait(timeout=WAITED)
    return Samples((30.0 + md,))


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
