"""Kept summaries on PostgreSQL: the token moves with every write of any session or
client (and not with a cursor move), the race rule, the table made by the first keeper
only, damage and failures named, never raised."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

import store.derived_bound
import store.kept_file
import store.postgres.kept
from store import kept_summaries
from store.kept_file import MAX_ENTRIES
from store.postgres import PostgresStore
from store.postgres.kept import ServerKept
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.analysis.ledger.decisions import Merge
from workbench.core.anchoring.placement import plan_article
from workbench.core.corpus.sentences import segmenter_stamp

OLD = article(STORY)
NEW = article(STORY.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
MERGE = Merge(("g-1111111111", "g-2222222222")).to_record()


@pytest.fixture
def database(pg_url: str) -> str:
    with PostgresStore.open(pg_url, "alice") as opened:
        for index in (1, 3, 4):
            opened.save(annotate(OLD, index, "alice"))
        opened.remember_article(OLD.id, OLD.title, OLD.sha256, len(OLD.sentences), "s1")
    return pg_url


def table_exists(url: str) -> bool:
    with psycopg.connect(url) as connection:
        row = connection.execute("SELECT to_regclass('kept_summaries') IS NOT NULL").fetchone()
        return bool(row and row[0])


def reanchored(opened: PostgresStore) -> Any:
    plan = plan_article(NEW, opened.in_article(NEW.id))
    return opened.reanchor(
        plan, title=NEW.title, sentences=len(NEW.sentences), segmenter=segmenter_stamp()
    )


def undone_then_redone(opened: PostgresStore) -> Any:
    opened.save(annotate(OLD, 0, "alice"))
    opened.undo()
    with ServerKept(opened_url(opened)) as kept:
        before = kept.token()
        opened.redo()
        assert kept.token() != before


def opened_url(opened: PostgresStore) -> str:
    return opened._url


def raw_update(opened: PostgresStore) -> None:
    """A client that knows nothing of workbench's functions, writing the same values."""
    with psycopg.connect(opened_url(opened), autocommit=True) as connection:
        connection.execute("UPDATE annotations SET note = note")


WRITES: dict[str, Callable[[PostgresStore], Any]] = {
    "save": lambda opened: opened.save(annotate(OLD, 0, "alice")),
    "save by another analyst": lambda opened: opened.save(annotate(OLD, 1, "bob")),
    "delete": lambda opened: (opened.get(OLD.id, 1), opened.delete(OLD.id, 1)),  # seen first
    "undo": lambda opened: opened.undo(),
    "redo": undone_then_redone,
    "import": lambda opened: opened.import_annotations([annotate(OLD, 0, "carol")]),
    "reanchor": reanchored,
    "ledger decision": lambda opened: opened.save_ledger_decision(MERGE),
    "article remembered": lambda opened: opened.remember_article(
        "other", "Other", "1" * 64, 3, "s1"
    ),
    "readings added": lambda opened: opened.add_readings("f" * 64, {"q:1": "x"}),
    "another client's update": raw_update,
}


@pytest.mark.parametrize("name", list(WRITES))
def test_every_kind_of_write_changes_the_token(database: str, name: str) -> None:
    with kept_summaries(database) as kept, PostgresStore.open(database, "alice") as opened:
        before = kept.token()
        assert kept.token() == before  # stable while nothing writes
        WRITES[name](opened)
        assert kept.token() != before
        assert before.startswith("pg:")


def test_a_cursor_move_leaves_the_token(database: str) -> None:
    """Positions are not read by a summary (and change at every keypress)."""
    with kept_summaries(database) as kept, PostgresStore.open(database, "alice") as opened:
        before = kept.token()
        opened.set_position(OLD.id, 3)
        assert kept.token() == before


def test_a_kept_entry_round_trips_and_obeys_the_race_rule(database: str) -> None:
    with kept_summaries(database) as kept:
        token = kept.token()
        assert kept.put_many({"md": b"# summary\n", "json": b"\x00{}"}, token)
        assert kept.get("md") == b"# summary\n"
        assert kept.get("json") == b"\x00{}"
        assert kept.get("other") is None
        with PostgresStore.open(database, "alice") as opened:
            opened.save(annotate(OLD, 0, "alice"))
        assert kept.put("md", b"stale", token) is False
        assert kept.get("md") == b"# summary\n"  # a reader's new token makes a new key
        fresh = kept.token()
        assert kept.put("new", b"x", fresh)
        assert kept.get("md") is None  # an older token's entries are dropped
        for number in range(MAX_ENTRIES + 4):
            assert kept.put(f"k{number}", b"z", fresh)
        with psycopg.connect(database) as connection:
            row = connection.execute("SELECT count(*) FROM kept_summaries").fetchone()
        assert row is not None and row[0] == MAX_ENTRIES
        assert kept.warnings == []


def test_reading_creates_no_table(database: str) -> None:
    with kept_summaries(database) as kept:
        kept.token()
        assert kept.get("md") is None
    assert not table_exists(database)


def test_a_damaged_entry_is_named_and_not_served(database: str) -> None:
    with kept_summaries(database) as kept:
        kept.put("a" * 64, b"the kept summary", kept.token())
        with psycopg.connect(database, autocommit=True) as connection:
            connection.execute("UPDATE kept_summaries SET data = 'tampered'::bytea")
        assert kept.get("a" * 64) is None
        assert kept.warnings == [
            f"kept summary {'a' * 12} in kept_summaries of {kept.shown} damaged "  # type: ignore[attr-defined]
            "(checksum mismatch); computed instead"
        ]


def test_a_failed_keep_is_a_warning_and_leaves_what_was_kept(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with kept_summaries(database) as kept:
        token = kept.token()
        assert kept.put("md", b"first", token)
        monkeypatch.setattr(
            store.postgres.kept, "PUT", "INSERT INTO no_such_table VALUES (%s, %s, %s, %s)"
        )
        assert kept.put("json", b"second", token) is False
        assert len(kept.warnings) == 1
        assert kept.warnings[0].startswith("summary not kept in kept_summaries of ")
        assert "no_such_table" in kept.warnings[0]
        monkeypatch.undo()
        assert kept.get("md") == b"first"  # rolled back whole


def test_a_server_that_cannot_be_reached_keeps_and_serves_nothing() -> None:
    with kept_summaries("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2") as kept:
        token = kept.token()
        assert token != kept.token()  # nothing is ever kept under it
        assert kept.get("md") is None
        assert kept.put("md", b"x", token) is False
        assert kept.warnings == []


def test_an_entry_larger_than_a_summary_of_the_database_can_be_is_refused_unread(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr17: FILE.kept's entries are bounded (rv15 R10), the server's were not: a row of
    any size written by SQL under a key the keeper uses, its checksum made for it, was
    read whole by every summary and served. Past what a summary of this database can
    hold (ENTRY_FLOOR, or four bytes for each byte of the tables a summary reads) it is
    named as too large, never sent, and the summary computed."""
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20)
    size = 8 << 20
    data = bytes(size)
    with kept_summaries(database) as kept:
        assert kept.put("md", b"kept", kept.token())
        with psycopg.connect(database, autocommit=True) as connection:
            tables = connection.execute(
                "SELECT sum(pg_total_relation_size(to_regclass(t))) FROM "
                "unnest(ARRAY['annotations','history','articles','ledger_decisions']) t"
            ).fetchone()
            assert tables is not None and 4 * tables[0] < size
            connection.execute(
                "UPDATE kept_summaries SET data = %s, sha256 = %s",
                [data, hashlib.sha256(data).hexdigest()],
            )
        assert kept.get("md") is None
        assert len(kept.warnings) == 1
        said = kept.warnings[0]
        assert said.startswith(
            f"kept summary md in kept_summaries of {kept.shown} damaged (too large: 8,388,608"  # type: ignore[attr-defined]
        )
        assert said.endswith("; not read); computed instead")
        monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 16 << 20)
        assert kept.get("md") == data  # within the bound: served as before
