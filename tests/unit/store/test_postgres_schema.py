"""The PostgreSQL store's schema, its opening and its messages."""

from __future__ import annotations

import json
import re
import sys
import threading
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from store_helpers import MakeAnnotation

from store import SchemaVersionError, StoreError, StoreWriteError
from store.opening import MISSING_DRIVER, open_store
from store.protocol import DatabaseContent
from tests.fixtures.postgres import execute


def test_opening_creates_the_tables_once_at_the_latest_version(pg_url: str) -> None:
    from store.postgres import schema

    with open_store(pg_url, "alice"), open_store(pg_url, "bob"):
        pass
    assert execute(pg_url, "SELECT version FROM schema_version") == [(schema.latest(),)]


def test_analysts_opening_a_new_database_at_once_migrate_it_once(pg_url: str) -> None:
    opened: list[Any] = []
    failures: list[BaseException] = []
    start = threading.Barrier(4)

    def open_one(name: str) -> None:
        start.wait()
        try:
            opened.append(open_store(pg_url, name))
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=open_one, args=(f"a{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in opened:
        store.close()
    assert failures == []
    assert len(execute(pg_url, "SELECT version FROM schema_version")) == 1


def test_a_database_of_a_newer_workbench_is_refused(pg_url: str, make: MakeAnnotation) -> None:
    with open_store(pg_url, "alice") as store:
        store.save(make())
    execute(pg_url, "UPDATE schema_version SET version = version + 1")
    with pytest.raises(SchemaVersionError, match="upgrade workbench"):
        open_store(pg_url, "alice")
    assert execute(pg_url, "SELECT count(*) FROM annotations") == [(1,)]


def test_read_only_refuses_a_database_without_tables_and_creates_nothing(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no workbench database"):
        open_store(pg_url, "alice", read_only=True)
    assert execute(pg_url, "SELECT to_regclass('annotations') IS NULL") == [(True,)]


def test_read_only_refuses_every_write(pg_url: str, make: MakeAnnotation) -> None:
    with open_store(pg_url, "alice") as writer:
        saved = writer.save(make())
    with open_store(pg_url, "alice", read_only=True) as reader:
        assert reader.read_only
        assert reader.get("a1", 0) == saved
        for attempt in (
            lambda: reader.save(saved.toggled("denial")),
            lambda: reader.delete("a1", 0),
            lambda: reader.import_annotations([make(index=2)]),
            lambda: reader.remember_article("a1", "Title", "0" * 64, 3),
            lambda: reader.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]}),
        ):
            with pytest.raises(StoreWriteError, match="read-only"):
                attempt()
        reader.set_position("a1", 2)
        assert reader.position() is None
    assert execute(pg_url, "SELECT count(*) FROM history") == [(1,)]


def test_the_password_is_never_shown(pg_url: str) -> None:
    secret = "s3cret-never-shown"
    parts = urlsplit(pg_url)
    wrong = urlunsplit(parts._replace(netloc=f"nobody:{secret}@{parts.hostname}:{parts.port}"))
    with pytest.raises(StoreError) as refused:
        open_store(wrong, "alice")
    assert secret not in str(refused.value)
    assert "\n" not in str(refused.value)
    with open_store(pg_url, "alice") as store:
        assert parts.password is None or parts.password not in store.location


def test_an_unreachable_server_is_one_line_naming_it() -> None:
    with pytest.raises(
        StoreError, match=r"cannot connect to postgresql://u:\*\*\*@127\.0\.0\.1:1/"
    ):
        open_store("postgresql://u:secret@127.0.0.1:1/db", "alice")


def test_a_url_without_the_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name.startswith(("psycopg", "store.postgres"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError) as refused:
        open_store("postgresql://localhost/workbench", "alice")
    assert str(refused.value) == MISSING_DRIVER
    assert "workbench[postgres]" in MISSING_DRIVER


def test_a_version_1_database_gains_provenance_and_keeps_its_rows(
    pg_url: str, make: MakeAnnotation
) -> None:
    from store.postgres import schema

    execute(pg_url, schema.migrations()[1])
    execute(pg_url, "CREATE TABLE schema_version (version integer NOT NULL)")
    execute(pg_url, "INSERT INTO schema_version (version) VALUES (1)")
    old = make(source="Officials").to_record()
    del old["suggestion"]
    execute(
        pg_url,
        "SELECT * FROM workbench_apply(gen_random_uuid(), 'alice', 'save', %s, %s::jsonb,"
        " NULL, NULL, false)",
        old["created_at"],
        json.dumps([{"key": ["alice", "a1", 0], "after": old, "history_key": ["alice", "a1", 0]}]),
    )
    with open_store(pg_url, "alice") as store:
        (read,) = store.all()
        assert read.suggestion_outcome == "not_shown" and read.source == "Officials"
        assert store.records()[0]["suggestion"] is None
    assert execute(pg_url, "SELECT version FROM schema_version") == [(schema.latest(),)]


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [
        ("status", "'bogus'", "status is 'bogus'"),
        ("tags", "'claim,bogus'", "tags are ['claim', 'bogus']"),
        ("anchor_state", "'weird'", "anchor_state is 'weird'"),
        ("sentence", "-1", "index is -1, below 0"),
        # tr10 T4: read as if whole, exported into a file the import refuses, copied home
        ("created_at", "'garbage'", "created_at is 'garbage', not a UTC ISO 8601 timestamp"),
        ("annotator", "''", "annotator is empty"),
        ("article_sha256", "'XYZ'", "article_sha256 is 'XYZ', not a SHA-256 hash"),
        ("quote", "'totally different'", "quote has 17 characters but start..end spans 22"),
        ("start_offset", "500", "end is before start"),
    ],
)
def test_a_row_edited_by_sql_into_what_the_store_never_writes_is_named_by_its_id(
    pg_url: str, make: MakeAnnotation, column: str, value: str, named: str
) -> None:
    """tr7 T7: such a row ended `summary` and the app in a traceback, or was read and
    exported silently (a negative sentence); every read names the row and the field."""
    with open_store(pg_url, "alice") as opened:
        opened.save(make(index=1))
    execute(pg_url, f"UPDATE annotations SET {column} = {value}")
    refused = r"annotations row \d+ on the server .*" + re.escape(named)
    with (
        pytest.raises(StoreError, match=refused),
        open_store(pg_url, "alice", read_only=True) as reader,
    ):
        reader.all()


@pytest.mark.parametrize(
    ("sql", "named", "read"),
    [
        (
            "UPDATE articles SET sentences = -3",
            r"articles row a1 on the server .*sentences is -3, below 0",
            "articles",
        ),
        (
            "INSERT INTO ledger_decisions (decision) VALUES ('[1, 2]'::json)",
            r"ledger_decisions row \d+ on the server .*\[1, 2\] is not a decision",
            "ledger_decisions",
        ),
        (  # tr7 T3's ledger part: an object the import refuses was exported as read
            'INSERT INTO ledger_decisions (decision) VALUES (\'{"annotator": "alice", '
            '"at": "2026-01-01T00:00:00Z", "action": "explode"}\'::json)',
            r"ledger_decisions row \d+ on the server .*unknown action 'explode'",
            "ledger_decisions",
        ),
        (  # tr9 T9: named by summary and the app, exported and copied home silently
            "UPDATE annotations SET start_offset = -5",
            r"annotations row \d+ on the server .*start is -5, below 0",
            "records",
        ),
        (  # tr9 T9: `export --history` ended in a traceback
            "UPDATE history SET after = '[1, 2]'",
            r"history row \d+ on the server .*it cannot be read as a change",
            "history",
        ),
        (  # exported as written, for the import of that export to refuse
            "UPDATE history SET at = 'yesterday'",
            r"history row \d+ on the server .*at is 'yesterday', not a UTC ISO 8601 timestamp",
            "history",
        ),
        (
            "UPDATE history SET action = 'explode'",
            r"history row \d+ on the server .*action is 'explode', not one of save, delete",
            "history",
        ),
        (  # tr10 T3: read silently, and copied home into a file no command opens
            "INSERT INTO positions (annotator, article_id, sentence) VALUES ('alice', 'a1', -5)",
            r"positions row 'alice' on the server .*index is -5, below 0",
            "position",
        ),
    ],
)
def test_every_read_names_a_row_the_store_never_writes_copy_and_export_included(
    pg_url: str, make: MakeAnnotation, sql: str, named: str, read: str
) -> None:
    """tr9 T1, T3, T9: an article row's sentence count of -3 was shown in the summary and
    copied home by copy-db into a file no command opens; a decision that is a JSON array
    ended every command and the app in a traceback; a bad annotations row was named by
    the summary but exported and copied home silently (content, records)."""
    with open_store(pg_url, "alice") as opened:
        opened.remember_article("a1", "First", "0" * 64, 3)
        opened.save(make(index=1))
    execute(pg_url, sql)
    with open_store(pg_url, "alice", read_only=True) as reader:
        for method in ("content", read):  # content: what copy-db and export read
            with pytest.raises(StoreError, match=named):
                getattr(reader, method)()


def test_a_copy_into_the_server_waits_for_a_write_under_way_and_then_finds_it_not_empty(
    pg_url: str, make: MakeAnnotation
) -> None:
    """tr9 T7: two copies into one empty server at once both found it empty and both
    committed, a merge that no source held."""
    import psycopg

    with open_store(pg_url, "alice") as target:
        content = DatabaseContent(annotations=[make(index=2).to_record()])
        with psycopg.connect(pg_url) as other:  # another copy, not yet committed
            other.execute(
                "INSERT INTO positions (annotator, article_id, sentence) VALUES ('bob', 'a1', 0)"
            )
            outcome: list[BaseException | None] = []

            def copy() -> None:
                try:
                    target.restore(content)
                    outcome.append(None)
                except BaseException as error:
                    outcome.append(error)

            copying = threading.Thread(target=copy)
            copying.start()
            copying.join(timeout=1.0)
            assert copying.is_alive(), outcome  # waits for the other copy's transaction
            other.commit()
            copying.join()
        assert len(outcome) == 1 and isinstance(outcome[0], StoreWriteError), outcome
        assert "not empty" in str(outcome[0])
        assert target.all() == []


def test_history_written_before_a_field_existed_is_read_as_history(
    pg_url: str, make: MakeAnnotation
) -> None:
    """rv9 R8: a history row whose annotation has no anchor_state (written before it
    existed, as the file store's history may be and copy-db copies) is history, not
    damage: the server read it as a row to correct or delete."""
    with open_store(pg_url, "alice") as opened:
        opened.save(make(index=1))
    execute(pg_url, "UPDATE history SET after = (after::jsonb - 'anchor_state')::json")
    with open_store(pg_url, "alice", read_only=True) as reader:
        (change,) = reader.history()
        assert change.after is not None and change.after.anchor_state == "current"
        assert "anchor_state" not in reader.content().history[0]["after"]
