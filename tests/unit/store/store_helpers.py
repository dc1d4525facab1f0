"""Helpers for the store tests (a module of its own: `conftest` is an ambiguous name)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store import line_format
from workbench.core.annotation import Anchor, Annotation

TEXT = "The minister said the figures were wrong. [Mr. Putin] denied it. Nobody else spoke."
SENTENCES = ((0, 41), (42, 64), (65, 83))

MakeAnnotation = Callable[..., Annotation]


def annotation(
    article_id: str = "a1", index: int = 0, annotator: str = "alice", **values: Any
) -> Annotation:
    """A tagged annotation of sentence `index` (claim unless values say otherwise)."""
    start, end = SENTENCES[index % len(SENTENCES)]
    anchor = Anchor.in_text(article_id, "0" * 64, TEXT, index, start, end)
    values.setdefault("tags", ("claim",))
    return Annotation.new(anchor, annotator, **values)


def database_files(path: Path) -> dict[str, bytes]:
    """The bytes of every file of a database, by name."""
    return {f.name: f.read_bytes() for f in sorted(path.parent.iterdir()) if f.is_file()}


def states(path: Path) -> dict[str, tuple[int, bytes]]:
    """Every file beside the database: its mtime and bytes."""
    return {
        p.name: (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(path.parent.iterdir())
        if p.is_file()
    }


def flip_byte(file: Path, offset: int) -> None:
    data = bytearray(file.read_bytes())
    data[offset] ^= 0x01
    file.write_bytes(bytes(data))


def crash_copy(path: Path, destination: Path) -> Path:
    """What a crash would leave on disk: the database's files (snapshot, journal and its
    sealed segments, history) as they are now, without close()."""
    destination.mkdir()
    for source in sorted(path.parent.iterdir()):
        if source.name.startswith(path.name) and not source.name.endswith(".lock"):
            shutil.copyfile(source, destination / source.name)
    return destination / path.name


def journal_changes(path: Path) -> list[dict[str, Any]]:
    """The changes FILE.journal holds (every journal begins with a start mark, no change)."""
    journal = path.with_name(path.name + ".journal")
    if not journal.exists():
        return []
    lines = [line_format.decode(line) for line in journal.read_bytes().splitlines(keepends=True)]
    return [line for line in lines if "ops" in line]


def snapshot_tables(path: Path) -> dict[str, Any]:
    """The snapshot's tables as TinyDB reads them, without the store's checksum table."""
    tables: dict[str, Any] = json.loads(path.read_bytes())
    tables.pop("integrity", None)
    return tables


def write_old_snapshot(path: Path, tables: dict[str, Any], version: int | None = 1) -> None:
    """A database as workbench left it on close before checksums and sequence numbers
    (schema version 1 or none): the snapshot without checksum, an empty journal."""
    tables = {name: table for name, table in tables.items() if name != "integrity"}
    meta = tables.setdefault("meta", {}).setdefault("1", {})
    meta.pop("journal_seq", None)
    meta.pop("history_checksum", None)  # both written first with the checksum
    if version is None:
        meta.pop("schema_version", None)
    else:
        meta["schema_version"] = version
    path.write_text(json.dumps(tables))
    path.with_name(path.name + ".journal").write_bytes(b"")
