"""Readings on the server: the readings table, read as one document.

The table is not part of the schema's version: a writer makes it (CREATE TABLE IF NOT
EXISTS, under an advisory lock) before it first adds readings, and a database without
it simply has none. A cache must not bump the schema: every colleague still on the
previous version would be refused the team database (SchemaVersionError), and a
read-only command would refuse a database no writer had upgraded yet.

Each row holds its key and value as JSON text written by store/readings_format.dumps,
so the server joins a fingerprint's rows into one JSON object and the client parses it
once (50,000 rows parsed one by one cost several times more), and a value reads back
exactly as the file store's does.

Their size is bounded as FILE.readings' is (store/derived_bound.py): a fingerprint's rows
holding more than ENTRY_PER_DATABASE_BYTE bytes for each byte of the tables a summary
reads (ENTRY_FLOOR whatever their size) are no readings of this database (rows written by
SQL, or a table grown without end): they are measured, never sent, and a writer drops
them (tr18; before, every summary joined and parsed them whole).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

import psycopg

from store import derived_bound, readings_format
from store.postgres.kept import READ_TABLES  # the tables a summary reads: they bound the readings

ROWS_PER_STATEMENT = 5000
"""Readings per INSERT (one round trip each, arrays unnested on the server)."""
TABLE = (
    "CREATE TABLE IF NOT EXISTS readings (fingerprint text NOT NULL, key_json text NOT NULL, "
    "value_json text NOT NULL, PRIMARY KEY (fingerprint, key_json))"
)
"""Never data of record: rows are added outside any change of annotations, without
waiting for the disk, and never replaced (a key under one fingerprint always holds the
same value); key and value are their JSON text, as the file store writes them."""
MAKING_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/workbench-readings'))"
EXISTS = "SELECT to_regclass('readings') IS NOT NULL"
READ = (
    "SELECT CASE WHEN total <= most THEN (SELECT '{' || coalesce(string_agg(key_json || ':' "
    "|| value_json, ','), '') || '}' FROM readings WHERE fingerprint = %s) END, total, most "
    "FROM (SELECT coalesce(sum(octet_length(key_json) + octet_length(value_json) + 2), 0)"
    "::bigint AS total FROM readings WHERE fingerprint = %s) AS size, (SELECT greatest(%s, "
    "%s * coalesce(sum(pg_total_relation_size(to_regclass(name))), 0))::bigint AS most "
    "FROM unnest(%s::text[]) AS name) AS bound"
)
"""The document of a fingerprint's rows, unless they are larger than the readings of this
database can be: then NULL (the join is an InitPlan the CASE never runs), with their size
and the bound (octet_length reads a stored value's length without its text)."""
ADD = (
    "INSERT INTO readings (fingerprint, key_json, value_json) "
    "SELECT %s, k, v FROM unnest(%s::text[], %s::text[]) AS t(k, v) "
    "ON CONFLICT DO NOTHING"
)
DROP_OTHERS = "DELETE FROM readings WHERE fingerprint <> %s"
DROP_ALL = "DELETE FROM readings"


class TooLarge(ValueError):
    """A fingerprint's readings larger than the readings of the database can be."""

    def __init__(self, size: int, most: int) -> None:
        super().__init__(
            f"{size:,} bytes, where the readings of this database hold at most {most:,}"
        )
        self.size = size
        self.most = most


def read(connection: psycopg.Connection[Any], fingerprint: str) -> dict[str, Any]:
    """key -> value of the readings under `fingerprint` (none without the table);
    TooLarge, unread, if they are larger than the readings of this database can be."""
    exists = connection.execute(EXISTS).fetchone()
    if not exists or not exists[0]:
        return {}
    bound = [derived_bound.ENTRY_FLOOR, derived_bound.ENTRY_PER_DATABASE_BYTE, list(READ_TABLES)]
    found = connection.execute(READ, [fingerprint, fingerprint, *bound]).fetchone()
    if found is not None and found[0] is None and int(found[1]) > int(found[2]):
        raise TooLarge(int(found[1]), int(found[2]))
    document = str(found[0]) if found and found[0] is not None else "{}"
    records = readings_format.loads(document)
    return records if isinstance(records, dict) else {}


def encoded(records: Mapping[str, Any]) -> list[tuple[list[str], list[str]]]:
    """(keys, values) as JSON text, in statements' worth; TypeError for a value that
    is not JSON (before anything is sent)."""
    items = iter(records.items())
    batches: list[tuple[list[str], list[str]]] = []
    while chunk := list(islice(items, ROWS_PER_STATEMENT)):
        keys = [readings_format.dumps(key).decode() for key, _value in chunk]
        values = [readings_format.dumps(value).decode() for _key, value in chunk]
        batches.append((keys, values))
    return batches


def add(
    connection: psycopg.Connection[Any],
    fingerprint: str,
    batches: list[tuple[list[str], list[str]]],
    drop_others: bool,
    make_table: bool,
    drop_all: bool = False,
) -> None:
    """Insert the rows (those held kept) in one transaction that does not wait for the
    server's disk; with `make_table`, the table is made first if there is none (two
    writers at once: the advisory lock lets one make it); with `drop_others`, other
    fingerprints' rows go first, with `drop_all` every row (read as TooLarge)."""
    with connection.transaction():
        connection.execute("SET LOCAL synchronous_commit = off")
        if make_table:
            connection.execute(MAKING_LOCK)
            connection.execute(TABLE)
        if drop_all:
            connection.execute(DROP_ALL)
        elif drop_others:
            connection.execute(DROP_OTHERS, [fingerprint])
        for keys, values in batches:
            connection.execute(ADD, [fingerprint, keys, values])
