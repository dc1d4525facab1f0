"""Where a database is: a file path (the default) or a PostgreSQL server's URL.

Plain text handling, so that the config (which resolves --db) and the store (which
opens it) agree on what a URL is, and telling or showing one never imports the
PostgreSQL driver (an optional extra)."""

from __future__ import annotations

import re

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_url(text: str) -> bool:
    """True for postgresql://… (or postgres://…): a database server, not a file."""
    scheme, separator, _rest = text.partition("://")
    return bool(separator) and scheme.lower() in SERVER_SCHEMES


def shown_url(url: str) -> str:
    """The URL fit for a message or a screen: every password replaced by ***, however it
    is given: in the user part (even holding an unencoded #, ? or [ that a URL parser
    would cut it at, or refuse with an error), or as libpq's `password=` parameter
    (tr7 T17). Never raises."""
    scheme, _separator, rest = url.partition("://")
    at = rest.rfind("@")
    if at >= 0:
        user, colon, _password = rest[:at].partition(":")
        rest = f"{user}:***@{rest[at + 1 :]}" if colon else rest
    return scheme + "://" + _SECRET_PARAMETER.sub(r"\1***", rest)


_SECRET_PARAMETER = re.compile(r"(?i)([?&][a-z_]*password=)[^&#]*")
"""libpq's `password=` (and `sslpassword=`) parameters, up to the next one."""


def shown_location(location: object) -> str:
    """A database's path, or its URL without the password."""
    text = str(location)
    return shown_url(text) if is_server_url(text) else text
