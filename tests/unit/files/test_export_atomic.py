"""Atomic writes (used by `export -o`): all of the new file, or the old one untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbench.core.files.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    atomic_writer,
    current_umask,
)


def test_writes_a_new_file_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write_text(target, "ünï\n")
    assert target.read_bytes() == "ünï\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~current_umask()
    assert os.listdir(tmp_path) == ["out.json"]


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failure_midway_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failed_rename_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_bytes(b"keep")
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"cannot replace a folder with a file")
    assert (target / "inside").read_bytes() == b"keep"
    assert sorted(os.listdir(tmp_path)) == ["folder"]


def test_a_missing_folder_is_an_error_not_a_stray_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "missing" / "out.json", b"x")


def test_relative_paths_write_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    atomic_write_bytes("here.json", b"{}")
    assert (tmp_path / "here.json").read_bytes() == b"{}"
