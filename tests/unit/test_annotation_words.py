"""How a stored status and a stored time read to a person."""

from __future__ import annotations

import pytest

from workbench.core.annotation import STATUSES, moment_words, status_words


def test_every_status_reads_as_words() -> None:
    assert status_words("in_progress") == "in progress"
    assert all("_" not in status_words(status) for status in STATUSES)


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ("2026-11-30T17:48:48.923373Z", "2026-11-30 17:48 UTC"),
        ("2026-01-01T00:00:00Z", "2026-01-01 00:00 UTC"),
        ("2026-11-30T17:48:00+02:00", "2026-11-30 17:48 +0200"),
        ("not a time", "not a time"),
    ],
)
def test_a_stored_time_reads_to_the_minute(stored: str, read: str) -> None:
    assert moment_words(stored) == read
