"""The team store: PostgresStore on a local server, against the file store in the same run.

Figures: a save (one round trip, committed with synchronous_commit on) at the largest
size; eight writer processes at once (each save's time, and commits per second in
all); how soon another session hears of a change (save to its callback), and how soon
another workbench shows it (bench/team_screen.py); opening; the summary. The database
is the file store's largest one copied in (copy-db's COPY) into a schema of its own,
dropped at the end. Without a server the figures are skipped,
saying why: WORKBENCH_BENCH_PG_URL (or WORKBENCH_TEST_PG_URL) names one.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.summary import store_summaries, summarise
from bench.team_screen import screen_heard
from bench.timing import timed, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore, open_store
from store.protocol import Store
from workbench.core.analysis.sources.speakers import ArticleText, forget_answers
from workbench.core.annotation import Annotation

URL_ENVS = ("WORKBENCH_BENCH_PG_URL", "WORKBENCH_TEST_PG_URL")
SAVE_P95 = 0.002
HEARD_P95 = 1.0
WRITERS = 8
SUMMARY_BUDGET = 20.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def server_url() -> str | None:
    for name in URL_ENVS:
        if os.environ.get(name, "").strip():
            return os.environ[name].strip()
    return None


def run(space: Workspace) -> list[Figure]:
    url = server_url()
    if url is None:
        say(f"team_store: skipped: no PostgreSQL server ({' or '.join(URL_ENVS)} names one)")
        return []
    try:
        import psycopg  # noqa: F401
    except ImportError:
        say("team_store: skipped: psycopg is not installed (pip install 'workbench[postgres]')")
        return []
    size = space.scale.largest
    with schema(url) as database:
        with AnnotationStore.open(space.store_db(size), ANNOTATOR, read_only=True) as source:
            content = source.content()
        with open_store(database, ANNOTATOR) as store:
            store.restore(content)
        picks = random.Random(5).sample(
            [a for a in space.annotations(size) if a.annotator == ANNOTATOR],
            min(space.scale.repeats, size // 4),
        )
        where = f"{size:,} annotations"
        screen_presses = min(space.scale.repeats, 60)
        return [
            Figure(
                "save on a local PostgreSQL server (PostgresStore.save, synchronous_commit on)",
                where,
                server_saves(database, picks),
                limit=SAVE_P95,
                statistic="p95",
                naive=Naive(
                    "file store save incl. fsync (AnnotationStore)", file_saves(space, picks)
                ),
            ),
            writers_figure(database, space.scale.repeats, space.root),
            Figure(
                "another session hears of a change (save to its subscriber's callback)",
                where,
                heard(database, picks),
                limit=HEARD_P95,
                statistic="p95",
                note="the file store has one writer: there is nothing to hear",
            ),
            Figure(
                "a tag on the same analyst's other workbench (two apps, Pilot: key to frame)",
                f"{where}, {len(space.corpus.articles):,} articles",
                screen_heard(database, space.corpus, screen_presses, reviewer=False),
                limit=HEARD_P95,
                statistic="p95",
                note="the annotate panel and its counts; the file store: seen after a restart",
            ),
            Figure(
                "a tag on another analyst's review screen (two apps, Pilot: key to frame)",
                f"{where}, every annotation listed",
                screen_heard(database, space.corpus, screen_presses, reviewer=True),
                limit=HEARD_P95,
                statistic="p95",
                note="the changed article's rows read again, the list filtered again",
            ),
            Figure(
                "open a PostgreSQL store (connect, check the schema)",
                where,
                server_opens(database, space.scale.slow_repeats),
                naive=Naive("file store open (reads every record)", file_opens(space, size)),
            ),
            Figure(
                "summary from PostgreSQL (all + build_summary)",
                where,
                server_summaries(database, space.scale.slow_repeats, space.corpus.by_id),
                naive=Naive("file store all() + build_summary", store_summaries(space, size)),
            ),
        ]


@contextmanager
def schema(url: str) -> Iterator[str]:
    """A new schema's URL on the server, dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


def toggles(store: Store, picks: list[Annotation]) -> Samples:
    """Toggle 'denial' on each pick (read first, as the app has it on screen)."""
    samples: list[float] = []
    for pick in picks:
        shown = store.get(pick.article_id, pick.index) or pick
        samples.append(timed(lambda shown=shown: store.save(shown.toggled("denial"))))
    return Samples(tuple(samples))


def server_saves(database: str, picks: list[Annotation]) -> Samples:
    with open_store(database, ANNOTATOR) as store:
        return toggles(store, picks)


def file_saves(space: Workspace, picks: list[Annotation]) -> Samples:
    with AnnotationStore.open(space.scratch_store(space.scale.largest), ANNOTATOR) as store:
        return toggles(store, picks)


def server_opens(database: str, repeats: int) -> Samples:
    return Samples(
        tuple(timed(lambda: open_store(database, ANNOTATOR).close()) for _ in range(repeats))
    )


def file_opens(space: Workspace, size: int) -> Samples:
    samples: list[float] = []
    for _run in range(space.scale.slow_repeats):
        path = space.scratch_store(size)
        samples.append(timed(lambda path=path: AnnotationStore.open(path, ANNOTATOR).close()))
    return Samples(tuple(samples))


def server_summaries(database: str, repeats: int, texts: Mapping[str, ArticleText]) -> Samples:
    """Cold summaries with the articles' texts, as bench.summary.store_summaries makes them."""
    with open_store(database, ANNOTATOR) as store:

        def summary() -> None:
            forget_answers()
            summarise(store.all(), store.articles(), store.ledger_decisions(), texts=texts)

        return within_budget(lambda _run: summary(), repeats, SUMMARY_BUDGET)


def heard(database: str, picks: list[Annotation]) -> Samples:
    """Seconds from the start of one session's save to the other session's callback."""
    arrived = threading.Event()
    with open_store(database, ANNOTATOR) as writer, open_store(database, "reader") as reader:
        subscription = reader.subscribe(lambda _event: arrived.set())
        samples: list[float] = []
        for pick in picks:
            shown = writer.get(pick.article_id, pick.index) or pick
            arrived.clear()
            start = time.perf_counter()
            writer.save(shown.toggled("attribution"))
            if not arrived.wait(5.0):
                raise RuntimeError("a change was not heard within 5 s")
            samples.append(time.perf_counter() - start)
        subscription.close()
    return Samples(tuple(samples))


def writers_figure(database: str, saves: int, root: Path) -> Figure:
    """WRITERS processes saving at once: every save's seconds, and commits per second."""
    start_file = root / f"team-start-{uuid.uuid4().hex[:8]}"
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.team_writer",
                database,
                f"w{n}",
                str(saves),
                str(start_file),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    time.sleep(1.0 + 0.2 * WRITERS)  # every writer connected and waiting
    start_file.touch()
    reports = []
    for child in children:
        out, _err = child.communicate(timeout=600)
        if child.returncode != 0:
            raise RuntimeError(f"a writer failed with exit code {child.returncode}")
        reports.append(json.loads(out.splitlines()[-1]))
    start_file.unlink()
    latencies = tuple(seconds for report in reports for seconds in report["latencies"])
    span = max(r["end"] for r in reports) - min(r["start"] for r in reports)
    rate = len(latencies) / span if span > 0 else float("inf")
    return Figure(
        f"save with {WRITERS} writer processes at once (PostgresStore.save)",
        f"{len(latencies):,} saves",
        Samples(latencies),
        statistic="p95",
        note=f"{rate:,.0f} commits/s in all; the file store lets one writer in at a time",
    )
