"""The summary (per article, per source, claim ledger, conflicts) of the largest database.

Four ways it is used, each against the naive way in the same run where there is one:
- in process, as before: read every annotation from the open store and build_summary
  over them (every analyst's), cold (no cache) and as the screen rebuilds (with the
  previous build's SummaryCache). Naive: TinyDB's JSONStorage read, the records turned
  back into annotations, then the same build. Peak memory: the allocations one build
  adds (tracemalloc, in a run of its own, untimed: tracing slows allocation down);
- the `summary` command, process start to exit (json and md, one analyst's summary,
  as the command makes by default), each run a child process whose peak RSS
  (ru_maxrss, from wait4, bench/peak_rss.py) is reported. Naive: a child that does
  what the command did without this work: TinyDB read, every annotation built,
  json.dumps(indent=2) (bench/naive_summary.py);
- the open summary after one change (SummaryAccumulator, prepared as the summary
  screen prepares it): a status change is patched (naive: a cold build of the same
  summary); a claim or denial tag is patched through the LiveLedger (naive: what it
  did before, a rebuild with the previous build's cache, in the same run). Peak
  memory beside the claim tag: what prepare() keeps (the LiveLedger, traced);
- the summary screen opened in the app on the whole corpus (bench/summary_screen.py, a
  process a run): the key to the tables filled, the memory the screen adds at its peak
  and what it holds once shown;
- with the readings writers keep restored (ledger/readings.py), on a copy of the database
  holding them (as an import with the articles leaves it): the cold build in process
  (store.readings + build_summary) and the command, against the same without them.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from bench.report import Figure, Naive, Samples
from bench.synthetic import ANNOTATORS
from bench.timing import repeated, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.config.locations import DB_ENV
from workbench.core.analysis.ledger.decisions import decisions_from_records
from workbench.core.analysis.ledger.readings import Readings, analyser_fingerprint
from workbench.core.analysis.new_readings import NewReadings
from workbench.core.analysis.sources.speakers import ArticleText, forget_answers
from workbench.core.analysis.summary.build import SummaryCache, SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.model import Summary
from workbench.core.annotation import STATUSES, Annotation
from workbench.core.corpus.article_info import ArticleInfo

OTHER = ANNOTATORS[1][0]
"""The synthetic database's other analyst (a fifth of its annotations)."""
TARGET = 1.0
UPDATE_TARGET = 0.05
BUDGET = 20.0
"""Seconds of runs per side: a summary far over its target is run fewer times."""
REPOSITORY = Path(__file__).resolve().parents[1]


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    every = f"{size:,} annotations"
    cold = store_summaries(space, size)
    mine = f"{size:,} annotations, one analyst's"
    figures = [
        Figure(
            "summary (AnnotationStore.all + build_summary), peak: allocations it adds",
            every,
            cold,
            limit=TARGET,
            naive=Naive("TinyDB JSONStorage all() + build_summary", tinydb_summaries(space, size)),
        ),
        Figure(
            "summary rebuilt with the previous build's cache (SummaryCache)",
            every,
            warm_summaries(space, size),
            limit=TARGET,
            naive=Naive("the same build without the cache", cold),
        ),
    ]
    kept, count = readings_store(space, size)
    figures.append(
        Figure(
            "summary, cold, readings restored (store.readings + build_summary), peak: "
            "allocations it adds",
            every,
            restored_summaries(space, kept),
            limit=TARGET,
            naive=Naive("the cold build above (every quote and pronoun read)", cold),
            note=f"{count:,} readings kept",
        )
    )
    computed: dict[str, tuple[Samples, Path]] = {}
    for form in ("json", "md"):
        plain = command_runs(space, size, form, naive=False)
        output = space.scratch_path(f"summary.{form}")
        computed[form] = (
            command_runs(space, size, form, naive=False, database=kept, output=output),
            output,
        )
        figures += [
            Figure(
                f"`workbench summary --format {form} -o FILE`, start to exit, peak RSS",
                mine,
                plain,
                limit=TARGET,
                naive=Naive(
                    "TinyDB read + build_summary + json.dumps(indent=2) / render, a process",
                    command_runs(space, size, form, naive=True),
                ),
            ),
            Figure(
                f"`workbench summary --format {form} -o FILE`, readings restored, start to "
                "exit, peak RSS",
                mine,
                computed[form][0],
                limit=TARGET,
                naive=Naive("the same command on the database without readings", plain),
            ),
        ]
    figures += kept_figures(space, size, kept, computed)
    figures.append(screen_figure(space, size))
    patched, tagged, rebuilt, naive = updates(space, size)
    figures += [
        Figure("open summary after a status change (SummaryAccumulator, patched)", mine,
               patched, limit=UPDATE_TARGET, statistic="p95",
               naive=Naive("build_summary from scratch", naive)),
        Figure("open summary after a claim or denial tag (LiveLedger patch), peak: what "
               "prepare() keeps", mine, tagged, limit=UPDATE_TARGET, statistic="p95",
               naive=Naive("rebuilt with the previous build's cache (as before)", rebuilt)),
    ]  # fmt: skip
    return figures


def summarise(
    annotations: Iterable[Annotation],
    articles: Iterable[ArticleInfo],
    decisions: Sequence[Mapping[str, Any]],
    cache: SummaryCache | None = None,
    texts: Mapping[str, ArticleText] | None = None,
    readings: Readings | None = None,
) -> Summary:
    """The summary as the screen builds it: with the articles' texts, so the pronoun
    sources (bench.synthetic.PRONOUN_SHARE) are resolved to their speakers."""
    settings = SummarySettings(decisions=decisions_from_records(decisions))
    return build_summary(
        annotations, articles, settings, cache=cache, texts=texts, readings=readings
    )


def traced_peak(action: Callable[[], object]) -> int:
    """Bytes of the largest allocation peak during one call (tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def traced_growth(action: Callable[[], object]) -> int:
    """Bytes still allocated after one call, of those it allocated (tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def store_summaries(space: Workspace, size: int) -> Samples:
    texts = space.corpus.by_id
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:

        def summary() -> None:
            forget_answers()  # cold: every pronoun's article read again, as in a new process
            summarise(store.all(), store.articles(), store.ledger_decisions(), texts=texts)

        samples = within_budget(lambda _run: summary(), space.scale.slow_repeats, BUDGET)
        return Samples(samples.seconds, traced_peak(summary))


def readings_store(space: Workspace, size: int) -> tuple[Path, int]:
    """A copy of the `size` database holding the readings writers keep of every one of
    its annotations (NewReadings, as an import with the articles keeps them; folded into
    one document when the store closes), and how many."""
    path = space.scratch_store(size)
    return path, readings_added(space, path)


def readings_added(space: Workspace, path: Path) -> int:
    """Keep in the database at `path` the readings of every one of its annotations (as
    an import with the articles keeps them); how many."""
    with AnnotationStore.open(path, annotator=ANNOTATOR) as store:
        noted = NewReadings()
        for annotation in store.all():
            noted.note(annotation)
        records = noted.read(space.corpus.by_id)
        store.add_readings(analyser_fingerprint(), records)
    return len(records)


def restored_summaries(space: Workspace, database: Path) -> Samples:
    """The cold build, every analyst's, with the readings the store keeps restored."""
    texts = space.corpus.by_id
    with AnnotationStore.open(database, annotator=ANNOTATOR, read_only=True) as store:

        def summary() -> None:
            forget_answers()  # no article's answers kept: only what the store restores
            readings = Readings(store.readings(analyser_fingerprint()))
            summarise(
                store.all(), store.articles(), store.ledger_decisions(), texts=texts,
                readings=readings,
            )  # fmt: skip
            assert not readings.added, "every quote and pronoun restored, none read"

        samples = within_budget(lambda _run: summary(), space.scale.slow_repeats, BUDGET)
        return Samples(samples.seconds, traced_peak(summary))


def warm_summaries(space: Workspace, size: int) -> Samples:
    texts = space.corpus.by_id
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:
        cache = SummaryCache()

        def summary() -> None:
            summarise(store.all(), store.articles(), store.ledger_decisions(), cache, texts)

        summary()
        samples = within_budget(lambda _run: summary(), space.scale.slow_repeats, BUDGET)
        return Samples(samples.seconds, traced_peak(summary))


def tinydb_summaries(space: Workspace, size: int) -> Samples:
    texts = space.corpus.by_id
    path = space.tinydb_db(size)

    def summary() -> None:
        forget_answers()
        with TinyDB(path) as db:
            records = db.all()
        summarise(map(Annotation.from_record, records), [], [], texts=texts)

    samples = within_budget(lambda _run: summary(), space.scale.naive_repeats, BUDGET)
    return Samples(samples.seconds, traced_peak(summary))


def child(command: list[str], environment: Mapping[str, str]) -> tuple[float, int]:
    """Seconds from start to exit of one process running `command`, and its peak RSS in
    bytes (measured by bench/peak_rss.py, which says why)."""
    seconds, peak, _cpu = child_usage(command, environment)
    return seconds, peak


def child_usage(command: list[str], environment: Mapping[str, str]) -> tuple[float, int, float]:
    """`child`'s seconds and peak RSS, and the CPU seconds (user and system) the process
    used: the figure to compare on a machine loaded by others."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.peak_rss", *command],
        cwd=REPOSITORY,
        env=dict(environment),
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}")
    seconds, peak, cpu = done.stdout.split()
    return float(seconds), int(peak), float(cpu)


def user_environment(space: Workspace) -> dict[str, str]:
    """A child's environment as a user's: no settings of theirs, and bytecode cached
    (PYTHONDONTWRITEBYTECODE, which some environments set, would make every run compile
    every module it imports: about 0.1 s more for the summary command)."""
    environment = {**os.environ, "XDG_CONFIG_HOME": str(space.root)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def command_runs(
    space: Workspace,
    size: int,
    form: str,
    naive: bool,
    database: Path | None = None,
    output: Path | None = None,
    annotator: str = ANNOTATOR,
) -> Samples:
    """`workbench summary` (or the naive script) as a user runs it, one process a run
    (on `database`, a copy of the `size` one, when given; writing `output`; the summary
    of `annotator`)."""
    output = output or space.scratch_path(f"summary.{form}")
    if naive:
        arguments = ["-m", "bench.naive_summary", str(space.tinydb_db(size)), form, str(output)]
    else:
        arguments = ["-m", "workbench", "summary", "--annotator", annotator, "--db",
                     str(database or space.store_db(size)), "--format", form, "-o",
                     str(output)]  # fmt: skip
    environment = user_environment(space)
    child([sys.executable, *arguments], environment)  # compiles bytecode: not counted
    most = space.scale.naive_repeats if naive else space.scale.slow_repeats
    runs: list[tuple[float, int]] = []
    while len(runs) < max(1, most) and (not runs or sum(t for t, _ in runs) < BUDGET):
        runs.append(child([sys.executable, *arguments], environment))
    return Samples(tuple(t for t, _ in runs), max(peak for _, peak in runs))


def kept_figures(
    space: Workspace, size: int, database: Path, computed: Mapping[str, tuple[Samples, Path]]
) -> list[Figure]:
    """The summary kept by the keeper (cli/summary_keeper.py) on `database` (readings
    restored, as writers leave it), then served by the command: against the same
    command computing it on the same database (`computed`, earlier in this run), whose
    output the served one must equal byte for byte. And the keeper's own time: what a
    writer leaves running after it (nobody waits for it)."""
    mine = f"{size:,} annotations, one analyst's"
    computing: dict[str, tuple[Samples, Path]] = {}
    database.with_name(database.name + ".kept").unlink(missing_ok=True)
    for form in computed:  # the other analyst's, before anything is kept
        output = space.scratch_path(f"computed-{OTHER}.{form}")
        computing[form] = (
            command_runs(space, size, form, False, database, output, OTHER),
            output,
        )
    environment = {**user_environment(space), DB_ENV: str(database)}
    keeper = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR]
    kept_file = database.with_name(database.name + ".kept")
    loads = [os.getloadavg()[0]]
    runs: list[tuple[float, int]] = []
    while len(runs) < max(1, space.scale.naive_repeats):
        kept_file.unlink(missing_ok=True)  # computed again from nothing kept
        runs.append(child(keeper, environment))
    if not kept_file.exists():
        raise RuntimeError("the keeper kept nothing")
    figures = [
        Figure(
            "summary keeper (a writer leaves it running): the analyst's, every analyst's "
            f"and {OTHER}'s summaries, md and json, kept; start to exit, peak RSS",
            f"{size:,} annotations",
            Samples(tuple(t for t, _ in runs), max(peak for _, peak in runs)),
            note=f"{kept_file.stat().st_size / 2**20:,.0f} MB kept",
        )
    ]
    for form, (samples, output) in computed.items():
        served_output = space.scratch_path(f"served.{form}")
        served = command_runs(space, size, form, False, database, served_output)
        if served_output.read_bytes() != output.read_bytes():
            raise RuntimeError(f"the kept {form} summary differs from the computed one")
        loads.append(os.getloadavg()[0])
        figures.append(
            Figure(
                f"`workbench summary --format {form} -o FILE`, kept by the keeper, start to "
                "exit, peak RSS",
                mine,
                served,
                limit=TARGET,
                naive=Naive("the same command computing it (readings restored), above", samples),
                note=f"byte-identical; load {min(loads):.1f}-{max(loads):.1f}",
            )
        )
    return figures + other_analyst_figures(space, size, database, computing)


def other_analyst_figures(
    space: Workspace, size: int, database: Path, computing: Mapping[str, tuple[Samples, Path]]
) -> list[Figure]:
    """The other analyst's summary (OTHER, the synthetic reviewer), kept by the keeper
    beside the writer's since tok6: served, against the same command computing it on the
    same database before the keeper ran (`computing`)."""
    figures = []
    for form, (samples, output) in computing.items():
        served_output = space.scratch_path(f"served-{OTHER}.{form}")
        served = command_runs(space, size, form, False, database, served_output, OTHER)
        if served_output.read_bytes() != output.read_bytes():
            raise RuntimeError(f"{OTHER}'s kept {form} summary differs from the computed one")
        figures.append(
            Figure(
                f"`workbench summary --annotator {OTHER} --format {form} -o FILE` (another "
                "analyst's), kept by the keeper, start to exit, peak RSS",
                f"{size:,} annotations, {OTHER}'s",
                served,
                limit=TARGET,
                naive=Naive("the same command computing it (readings restored)", samples),
                note=f"byte-identical; load {os.getloadavg()[0]:.1f}",
            )
        )
    return figures


def screen_figure(space: Workspace, size: int) -> Figure:
    """The summary screen opened in the app (bench/summary_screen.py), a process a run
    on a copy of the database (the app writes: positions, articles seen)."""
    arguments = [sys.executable, "-m", "bench.summary_screen"]
    runs: list[tuple[float, float, float, int, int]] = []
    while len(runs) < max(1, space.scale.naive_repeats):
        database = space.scratch_store(size)
        done = subprocess.run(
            [*arguments, str(database), str(space.corpus_folder)],
            cwd=REPOSITORY,
            env=user_environment(space),
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        shown, ready, stall, held, peak = done.stdout.split()
        runs.append((float(shown), float(ready), float(stall), int(held), int(peak)))
    held_mb = max(run[3] for run in runs) / 2**20
    ready = statistics.median(run[1] for run in runs)
    stall = max(run[2] for run in runs)
    return Figure(
        "summary screen opened in the app (Pilot, S to tables filled), peak: RSS it adds",
        f"{len(space.articles):,} articles, {size:,} annotations",
        Samples(tuple(run[0] for run in runs), max(run[4] for run in runs)),
        note=(
            f"holds {held_mb:,.0f} MB more once shown; every worker done (the LiveLedger "
            f"built) {ready:.1f} s after the key; the UI's longest stall {stall:.2f} s"
        ),
    )


def updates(space: Workspace, size: int) -> tuple[Samples, Samples, Samples, Samples]:
    """One analyst's open summary after a status change, after a claim or denial tag
    (patched, then rebuilt as before), and built from scratch."""
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:
        annotations = store.all(ANNOTATOR)
        articles = store.articles()
        settings = SummarySettings(
            decisions=decisions_from_records(store.ledger_decisions()), annotator=ANNOTATOR
        )
    texts = space.corpus.by_id
    accumulator = SummaryAccumulator(annotations, articles, settings, texts=texts)
    accumulator.summary()
    kept = traced_growth(accumulator.prepare)  # as the screen does once it shows a summary
    current = {a.key: a for a in annotations}
    rng = random.Random(5)

    def change(make: Callable[[Annotation], Annotation], into: SummaryAccumulator) -> None:
        before = current[rng.choice(annotations).key]
        after = current[before.key] = make(before)
        into.apply(before, after)
        into.summary()

    def restatus(before: Annotation) -> Annotation:
        return before.changed(status=rng.choice([s for s in STATUSES if s != before.status]))

    def retag(before: Annotation) -> Annotation:
        return before.toggled(rng.choice(["claim", "claim", "denial"]))

    patched = repeated(lambda _run: change(restatus, accumulator), space.scale.repeats)
    tagged = repeated(lambda _run: change(retag, accumulator), space.scale.repeats)
    assert accumulator.rebuilds == 1, "a tag was rebuilt, not patched"
    unprepared = SummaryAccumulator(list(current.values()), articles, settings, texts=texts)
    unprepared.summary()
    rebuilt = within_budget(
        lambda _run: change(retag, unprepared), space.scale.slow_repeats, BUDGET
    )

    def scratch() -> Summary:
        forget_answers()
        return build_summary(annotations, articles, settings, texts=texts)

    cold = within_budget(
        lambda _run: scratch(),
        space.scale.naive_repeats,
        BUDGET,
    )
    return patched, Samples(tagged.seconds, kept), rebuilt, cold
