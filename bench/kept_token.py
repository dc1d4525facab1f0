"""The kept summary's content token and entry at 100,000 annotations: what `summary` pays
before it knows whether a kept output may be served (store/kept.py).

File store: token() streams a sha256 over the database's files (snapshot, journal,
FILE.history, FILE.lock's saved change as far as replay checks it); the naive way to
know the content is a read-only open, which parses every record. Then the same token
during an app session after an analyst's cursor moves: the positions ending the live
journal are read (each parsed, to be certain it is one) but left out of the digest, so
the token must come out as it was before them. get() of an entry the size of a large kept
summary (its sha256 checked). PostgreSQL (when a server is named, as bench/team_store.py):
the token query over the row versions of the tables a summary reads, against hashing
every row's text on the server, the other sound digest.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.team_store import say, schema, server_url
from bench.timing import repeated
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore, database_files, kept_summaries, open_store

MOVES = 2_000
"""Cursor moves of a long reading session (each journals a position record)."""
TOKEN_TARGET = 0.15
"""A sixth of the summary's one-second budget: the token is paid on every run."""
ENTRY_BYTES_PER_ANNOTATION = 250
"""About the JSON summary's size: 25 MB at 100,000 annotations."""
ROW_TEXT_DIGEST = (
    "(SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) "
    "FROM {table} t)"
)


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    path = space.scratch_store(size)
    repeats = space.scale.slow_repeats * 3
    megabytes = sum(file.stat().st_size for file in database_files(path)) / 1e6
    where = f"{size:,} annotations, {megabytes:,.0f} MB of files"
    with kept_summaries(path) as kept:
        token = kept.token()
        tokens = repeated(lambda _run: kept.token(), repeats)
        entry = os.urandom(ENTRY_BYTES_PER_ANNOTATION * size)
        if not kept.put("bench", entry, token):
            raise AssertionError(f"not kept: {kept.warnings}")
        gets = repeated(lambda _run: kept.get("bench"), repeats)
    opens = repeated(
        lambda _run: AnnotationStore.open(path, ANNOTATOR, read_only=True).close(),
        space.scale.slow_repeats,
    )
    figures = [
        Figure(
            "kept summary: content token, file store (sha256 of the files, warm cache)",
            where,
            tokens,
            limit=TOKEN_TARGET,
            naive=Naive("read-only open (parses every record)", opens),
        ),
        Figure(
            "kept summary: get() of a kept entry (sha256 checked)",
            f"{len(entry) / 1e6:,.0f} MB entry",
            gets,
        ),
    ]
    figures.append(moves_figure(path, token, repeats, where))
    return figures + server_figures(space, path, repeats)


def moves_figure(path: Path, token: str, repeats: int, where: str) -> Figure:
    """The token with a writer open after MOVES cursor moves: the token as before them."""
    with AnnotationStore.open(path, ANNOTATOR) as store, kept_summaries(path) as kept:
        articles = [info.article_id for info in store.articles()]
        for move in range(MOVES):
            store.set_position(articles[move % len(articles)], move % 40)
        store.wait_for_compaction()
        store._storage.sync()  # FILE.lock records the last position's number
        if kept.token() != token:
            raise AssertionError("cursor moves moved the content token")
        journal = path.with_name(path.name + ".journal").stat().st_size
        tokens = repeated(lambda _run: kept.token(), repeats)
    return Figure(
        f"kept summary: content token after {MOVES:,} cursor moves, writer open (as before them)",
        f"{where}, {journal / 1e3:,.0f} kB journal of positions",
        tokens,
        limit=TOKEN_TARGET,
    )


def server_figures(space: Workspace, path: Path, repeats: int) -> list[Figure]:
    url = server_url()
    if url is None:
        say("kept_token: PostgreSQL skipped: no server (WORKBENCH_BENCH_PG_URL names one)")
        return []
    with schema(url) as database:
        with AnnotationStore.open(path, ANNOTATOR, read_only=True) as source:
            content = source.content()
        with open_store(database, ANNOTATOR) as store:
            store.restore(content)
        import psycopg

        with kept_summaries(database) as kept, psycopg.connect(database) as connection:
            tokens = repeated(lambda _run: kept.token(), repeats)
            tables = ("annotations", "history", "articles", "ledger_decisions")
            query = "SELECT " + ", ".join(ROW_TEXT_DIGEST.format(table=t) for t in tables)
            naive = repeated(lambda _run: connection.execute(query).fetchall(), repeats)
            rows = connection.execute("SELECT count(*) FROM history").fetchone()
    history = rows[0] if rows else 0
    return [
        Figure(
            "kept summary: content token, PostgreSQL (row versions' hash, one query)",
            f"{space.scale.largest:,} annotations, {history:,} history rows, local server",
            Samples(tokens.seconds),
            limit=TOKEN_TARGET,
            naive=Naive("every row's text hashed on the server", naive),
        )
    ]
