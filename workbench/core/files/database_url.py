"""Where a database is: a file path (the default) or a PostgreSQL server's URL.

Plain text handling, so that the config (which resolves --db) and the store (which
opens it) agree on what a URL is, and telling or showing one never imports the
PostgreSQL driver (an optional extra)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_url(text: str) -> bool:
    """True for postgresql://… (or postgres://…): a database server, not a file."""
    scheme, separator, _rest = text.partition("://")
    return bool(separator) and scheme.lower() in SERVER_SCHEMES


def shown_url(url: str) -> str:
    """The URL fit for a message or a screen: any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def shown_location(location: object) -> str:
    """A database's path, or its URL without the password."""
    text = str(location)
    return shown_url(text) if is_server_url(text) else text
