"""A server's URL as messages and screens show it: never with a password in it."""

from __future__ import annotations

import pytest

from store.errors import ServerError
from workbench.core.files.database_url import shown_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:secret@host/db", "postgresql://ana:***@host/db"),
        ("postgresql://ana@host/db", "postgresql://ana@host/db"),
        ("postgresql://host/db", "postgresql://host/db"),
        # tr7 T17: libpq's parameter, and passwords a URL parser cuts or refuses
        ("postgresql:///db?password=secret&port=1", "postgresql:///db?password=***&port=1"),
        (
            "postgresql://host/db?sslpassword=s&user=u",
            "postgresql://host/db?sslpassword=***&user=u",
        ),
        ("postgresql://ana:se#cret@host:1/db", "postgresql://ana:***@host:1/db"),
        ("postgresql://ana:se?cret@host:1/db", "postgresql://ana:***@host:1/db"),
        ("postgresql://ana:p]w[@host:1/db", "postgresql://ana:***@host:1/db"),
    ],
)
def test_every_password_is_masked_however_given(url: str, shown: str) -> None:
    assert shown_url(url) == shown
    assert "secret" not in shown_url(url)


@pytest.mark.parametrize(
    "url", ["postgresql://ana:se cret@host:1/db", "postgresql://host:1/d\udc9b31m"]
)
def test_a_url_libpq_cannot_read_is_one_line_without_its_password(url: str) -> None:
    pytest.importorskip("psycopg")
    from store.postgres.connection import connect

    with pytest.raises(ServerError, match="is not a postgresql:// URL libpq can read") as caught:
        connect(url, shown_url(url))
    assert "cret" not in str(caught.value)
