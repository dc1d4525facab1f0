"""The state file: the last export folder, remembered across runs, never in the way."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from workbench.config.state import (
    MAX_STATE_BYTES,
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


def read_in_thread(state: Path) -> BaseException | dict[str, object] | None:
    """What read_state gives for `state` (its result or its exception), None when it
    has not returned within 10 s (a daemon thread: a hang cannot hold up the tests)."""
    outcome: list[BaseException | dict[str, object]] = []

    def read() -> None:
        try:
            outcome.append(read_state(state))
        except BaseException as error:  # handed to the test as it is
            outcome.append(error)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(10.0)
    return outcome[0] if outcome else None


def test_a_fifo_at_the_state_file_is_named_not_waited_on(tmp_path: Path) -> None:
    """rv R1: read_bytes opened the FIFO and waited for a writer, the dialog with it."""
    state = tmp_path / "state.json"
    os.mkfifo(state)
    outcome = read_in_thread(state)
    assert isinstance(outcome, StateError), outcome
    assert "state.json" in str(outcome) and "FIFO" in str(outcome)


def test_a_state_file_nested_too_deeply_is_named(tmp_path: Path) -> None:
    """rv R1: 100,000 '[' ended the export dialog (and the app) in a RecursionError."""
    state = tmp_path / "state.json"
    state.write_bytes(b"[" * 100_000)
    with pytest.raises(StateError, match=r"state\.json: .*nested too deeply"):
        last_export_folder(state)


def test_a_state_file_past_the_cap_is_named_unread(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_bytes(b'{"export_folder": "' + b" " * MAX_STATE_BYTES + b'"}')
    with pytest.raises(StateError, match=r"state\.json: larger than 1 MiB"):
        read_state(state)
    assert MAX_STATE_BYTES <= 1 << 20


def test_a_remembered_name_too_long_for_a_folder_is_forgotten(tmp_path: Path) -> None:
    """Path.is_dir raises ENAMETOOLONG rather than answering False."""
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"export_folder": "a" * 5000}), encoding="utf-8")
    assert last_export_folder(state) is None
