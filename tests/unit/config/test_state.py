"""The state file: the last export folder, remembered across runs, never in the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.config.state import (
    StateError,
    last_export_folder,
    read_state,
    remember_export_folder,
    state_path,
)


def test_the_state_file_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert state_path() == tmp_path / "state" / "workbench" / "state.json"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_path() == tmp_path / "home" / ".local" / "state" / "workbench" / "state.json"


def test_a_remembered_folder_comes_back(tmp_path: Path) -> None:
    state = tmp_path / "state" / "state.json"
    assert last_export_folder(state) is None
    remember_export_folder(tmp_path, state)
    assert last_export_folder(state) == tmp_path


def test_a_folder_that_is_gone_is_forgotten(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    remember_export_folder(tmp_path / "gone", state)
    assert last_export_folder(state) is None


def test_a_damaged_state_file_is_named_and_then_replaced(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(StateError, match=r"state\.json: not valid JSON"):
        last_export_folder(state)
    remember_export_folder(tmp_path, state)
    assert read_state(state) == {"export_folder": str(tmp_path)}


def test_an_unwritable_state_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(StateError, match="cannot write"):
        remember_export_folder(tmp_path, blocker / "state.json")
