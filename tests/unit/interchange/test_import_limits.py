"""Huge files are refused or streamed, never loaded whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from workbench.core.interchange.importing import (
    MAX_DOCUMENT_BYTES,
    MAX_LINE_BYTES,
    ImportFileError,
    numbered_lines,
    read_document,
    read_import,
)

GIB = 1024**3
HEADER = b'{"schema_version":1,"exported_at":"2026-01-01T00:00:00Z","articles":[]}\n'


def sparse_file(path: Path, size: int, start: bytes = b"") -> Path:
    """A file of `size` bytes that takes no disk space (zeros after `start`)."""
    with path.open("wb") as handle:
        handle.write(start)
        handle.truncate(size)
    return path


def test_a_1_gib_json_file_is_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sparse_file(tmp_path / "huge.json", GIB, b'{"schema_version": 1, ')

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    with pytest.raises(ImportFileError) as caught:
        read_import(path)
    assert str(caught.value) == (
        f"{path}: 1,024 MiB is above the 256 MiB limit for a json import; "
        "export with --format jsonl, which is read line by line"
    )


def test_the_json_limit_holds_even_if_the_file_grows_while_read(tmp_path: Path) -> None:
    path = tmp_path / "small.json"
    path.write_bytes(b"{}" * 10)
    assert read_document(path, limit=20) == b"{}" * 10
    with pytest.raises(ImportFileError, match="above the 0 MiB limit"):
        read_document(path, limit=19)
    assert MAX_DOCUMENT_BYTES == 256 * 1024 * 1024


def test_a_1_gib_jsonl_line_is_refused_after_reading_at_most_the_line_limit(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "huge.jsonl", GIB)
    with pytest.raises(ImportFileError) as caught:
        read_import(path)
    assert str(caught.value) == (
        f"{path} line 1: longer than the 16 MiB a jsonl line may hold (a workbench jsonl "
        "export never writes one): import a json export instead"
    )


def test_a_huge_line_after_a_good_header_is_refused_at_its_line(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "tail.jsonl", GIB, HEADER)
    with pytest.raises(ImportFileError, match=r"tail\.jsonl line 2: longer than the 16 MiB"):
        read_import(path)


def test_jsonl_is_read_one_bounded_line_at_a_time() -> None:
    lines = numbered_lines(io.BytesIO(b"ab\ncd\n" + b"x" * 11 + b"\n"), limit=10)
    assert next(lines) == (1, b"ab\n")
    assert next(lines) == (2, b"cd\n")
    with pytest.raises(ImportFileError, match=r"^line 3: longer than"):
        next(lines)
    assert MAX_LINE_BYTES == 16 * 1024 * 1024


def test_a_header_only_jsonl_file_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(HEADER)
    assert read_import(path).annotations == []


def test_a_jsonl_export_never_holds_a_line_its_import_refuses() -> None:
    """tr7 T21: a 20 MB note made a jsonl export its own import refused."""
    from test_export_formats import annotation

    from workbench.core.interchange.export.native import LineTooLong, render_jsonl
    from workbench.core.interchange.export.prepare import prepare_export

    huge = annotation(0, note="x" * (17 * 1024 * 1024))
    with pytest.raises(LineTooLong, match=r"line 2 would be 17\.8 MB, over the 16 MiB"):
        render_jsonl(prepare_export([huge, annotation(1)]))
