"""Kept summaries on the server: a content token in one query, the kept_summaries table.

The token. Every write of every workbench version (and of anyone else) is an INSERT,
UPDATE or DELETE, and under MVCC each INSERT or UPDATE makes a new row version whose
(xmin, ctid) no visible row had: xmin is the writing transaction, which was still open
(its rows invisible) when any earlier snapshot was taken; a DELETE takes a row version
away. So the multiset of the visible rows' (xmin, ctid) in the tables a summary reads
changes with every committed write and never comes back. The query sums a 64-bit hash
of each (exact numeric sums, with the count), one statement so one snapshot, reading
no column: about 60 ms for 100,000 annotations and 100,000 history rows, where hashing
the rows' text takes 300 ms (bench --only kept_token). Freezing keeps a row's raw xmin
(PostgreSQL 9.4 on); VACUUM FULL, CLUSTER or a restore move rows: a new token, a
recompute. The schema version is read by value (a migration may change what the rows
mean without touching them). `positions` is left out: the summary never reads it, and
it changes with every move of every analyst.

The table is not part of the schema's version (as the readings table): the first
keeper makes it (CREATE TABLE IF NOT EXISTS under an advisory lock); a database without
it simply has nothing kept, and reading creates nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import psycopg

from store import derived_bound
from store.content_token import unsettled
from store.errors import ServerError
from store.kept_file import MAX_ENTRIES, damaged, not_kept, not_read
from store.kept_summaries import KeptSummaries
from store.postgres.connection import connect, reason
from workbench.core.files.database_url import shown_url

PG_PREFIX = "pg:"
READ_TABLES = ("annotations", "history", "articles", "ledger_decisions")
"""What a summary reads (with readings, when the table is there)."""
SUMMARY_TABLES = [*READ_TABLES, "readings"]
"""The tables whose size bounds a kept entry's (GET)."""
TABLE_NAME = "kept_summaries"
TABLE = (
    "CREATE TABLE IF NOT EXISTS kept_summaries (key text PRIMARY KEY, token text NOT NULL, "
    "data bytea NOT NULL, sha256 text NOT NULL, kept_at timestamptz NOT NULL DEFAULT now())"
)
MAKING_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/workbench-kept'))"
EXISTS = "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('readings') IS NOT NULL"
KEPT_EXISTS = "SELECT to_regclass('kept_summaries') IS NOT NULL"
GET = (
    "SELECT CASE WHEN octet_length(data) <= most THEN data END, sha256, octet_length(data), "
    "most FROM kept_summaries, (SELECT greatest(%s, %s * coalesce(sum(pg_total_relation_size("
    "to_regclass(name))), 0))::bigint AS most FROM unnest(%s::text[]) AS name) AS bound "
    "WHERE key = %s"
)
"""An entry, unless it is larger than a summary of this database can be (as FILE.kept's,
derived_bound.most_an_entry_holds: ENTRY_PER_DATABASE_BYTE for each byte of the tables a
summary reads, and ENTRY_FLOOR whatever their size): then its size alone, and the data
is never sent (octet_length reads a stored value's length without it). A row of a
gigabyte written by SQL was read whole by every summary before its checksum (tr17)."""
DROP_OTHERS = "DELETE FROM kept_summaries WHERE token <> %s"
PUT = (
    "INSERT INTO kept_summaries (key, token, data, sha256) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (key) DO UPDATE SET token = excluded.token, data = excluded.data, "
    "sha256 = excluded.sha256, kept_at = now()"
)
BOUND = (
    "DELETE FROM kept_summaries WHERE key NOT IN "
    "(SELECT key FROM kept_summaries ORDER BY kept_at DESC, key LIMIT %s)"
)


def row_versions(table: str) -> str:
    """The count and the sum of a 64-bit hash of every visible row version's (xmin, ctid)."""
    return (
        f"(SELECT count(*) || ':' || coalesce(sum(hashtextextended(xmin::text || ':' || "
        f"ctid::text, 0)::numeric), 0) FROM {table})"
    )


def token_query(with_readings: bool) -> str:
    tables = [*READ_TABLES, "readings"] if with_readings else list(READ_TABLES)
    versions = ", ".join(row_versions(table) for table in tables)
    return (
        "SELECT (SELECT coalesce(string_agg(version::text, ',' ORDER BY version), '') "
        f"FROM schema_version), {versions}"
    )


class ServerKept(KeptSummaries):
    """Kept summaries of a PostgreSQL database, on a connection of their own (opened
    when first needed; none is made by kept_summaries() itself)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.shown = shown_url(url)
        self.warnings: list[str] = []
        self._connection: psycopg.Connection[Any] | None = None

    def token(self) -> str:
        """See the module docstring; a server that cannot be reached, or holds no
        workbench database, gives a token nothing is kept under."""
        try:
            connection = self._connected()
            found = connection.execute(EXISTS).fetchone()
            if not found or not found[0]:
                return unsettled()
            row = connection.execute(token_query(bool(found[1]))).fetchone()
        except (ServerError, psycopg.Error):
            self._drop_connection()
            return unsettled()
        text = "\n".join(str(value) for value in row or ())
        return PG_PREFIX + hashlib.sha256(f"readings {found[1]}\n{text}".encode()).hexdigest()

    def get(self, key: str) -> bytes | None:
        where = f"{TABLE_NAME} of {self.shown}"
        try:
            connection = self._connected()
        except ServerError:
            return None  # the token said so already; the open that follows names it
        try:
            exists = connection.execute(KEPT_EXISTS).fetchone()
            if not exists or not exists[0]:
                return None
            bound = [
                derived_bound.ENTRY_FLOOR,
                derived_bound.ENTRY_PER_DATABASE_BYTE,
                SUMMARY_TABLES,
            ]
            row = connection.execute(GET, [*bound, key]).fetchone()
        except psycopg.Error as error:
            self._drop_connection()
            self._say(not_read(key, where, reason(error)))
            return None
        if row is None:
            return None
        if row[0] is None:
            self._say(
                damaged(
                    key,
                    where,
                    f"too large: {row[2]:,} bytes, where a summary of this database holds at "
                    f"most {row[3]:,}; not read",
                )
            )
            return None
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            self._say(damaged(key, where, "checksum mismatch"))
            return None
        return data

    def put_many(self, entries: Mapping[str, bytes], token: str) -> bool:
        if not token.startswith(PG_PREFIX) or self.token() != token:
            return False
        try:
            connection = self._connected()
            with connection.transaction():
                connection.execute("SET LOCAL synchronous_commit = off")  # a cache
                connection.execute(MAKING_LOCK)
                connection.execute(TABLE)
                connection.execute(DROP_OTHERS, [token])
                for key, data in entries.items():
                    digest = hashlib.sha256(data).hexdigest()
                    connection.execute(PUT, [key, token, data, digest])
                connection.execute(BOUND, [max(MAX_ENTRIES, len(entries))])
        except (ServerError, psycopg.Error) as error:
            self._drop_connection()
            self._say(not_kept(f"{TABLE_NAME} of {self.shown}", _why(error)))
            return False
        return True

    def close(self) -> None:
        self._drop_connection()

    def _connected(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.closed:
            self._connection = connect(self.url, self.shown)
        return self._connection

    def _drop_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _say(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def _why(error: Exception) -> str:
    return reason(error) if isinstance(error, psycopg.Error) else str(error)
