"""Connections to the server: one for work, one per listener; each knows it may be lost.

A connection is opened in autocommit mode (every statement its own transaction, so a
save is one round trip), with synchronous_commit on (a commit returns once it is on
the server's disk) and keepalives, so that a server gone quiet is noticed in seconds
rather than hanging a save. The caller's options (a search_path, say) are kept.
"""

from __future__ import annotations

from typing import Any

import orjson
import psycopg
from psycopg import conninfo
from psycopg.types.json import set_json_dumps, set_json_loads

from store.errors import ServerError

SESSION_OPTIONS = "-c synchronous_commit=on -c idle_in_transaction_session_timeout=60000"
CONNECT_SECONDS = 10


def connect(url: str, shown: str, read_only: bool = False) -> psycopg.Connection[Any]:
    """An autocommit connection to `url`; ServerError (naming `shown`) if there is none,
    or if `url` is no URL libpq can read (one line, never a traceback: tr7 T17)."""
    try:
        options = conninfo.conninfo_to_dict(url).get("options") or ""
    except (psycopg.Error, UnicodeError, ValueError):
        # libpq's own words may quote the password ('unexpected spaces found in "…"').
        raise ServerError(
            f"{shown} is not a postgresql:// URL libpq can read: percent-encode spaces and "
            "any of : @ / ? # [ ] in the user name or password, or keep the password in "
            "~/.pgpass"
        ) from None
    options = f"{options} {SESSION_OPTIONS}".strip()
    if read_only:
        options += " -c default_transaction_read_only=on"
    try:
        connection = psycopg.connect(
            url,
            autocommit=True,
            options=options,
            application_name="workbench",
            connect_timeout=CONNECT_SECONDS,
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=3,
            tcp_user_timeout=15000,
        )
    except psycopg.Error as error:
        raise ServerError(f"cannot connect to {shown}: {reason(error)}") from error
    set_json_loads(orjson.loads, connection)
    set_json_dumps(orjson.dumps, connection)
    return connection


def reason(error: psycopg.Error) -> str:
    """The server's or libpq's message in one line, without the URL or password."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    return lines[0].removeprefix("connection failed:").removeprefix("FATAL:").strip()


def is_lost(error: BaseException, connection: psycopg.Connection[Any] | None) -> bool:
    """True if `error` means the connection is gone (server restarted, network cut)."""
    if not isinstance(error, psycopg.OperationalError):
        return False
    return connection is None or connection.broken or connection.closed
