"""The key the screen's kept snapshots are signed with (config/snapshot_key.py, rv15 R4):
made by a keeper only, readable by its owner only, else not used; written whole or not
at all, and a file there that is no key named and replaced by the next keeper."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from workbench.config.snapshot_key import (
    KEY_BYTES,
    KeyFound,
    read_key,
    snapshot_key,
    snapshot_key_path,
)


def test_a_reader_makes_no_key_and_a_keeper_makes_one_kept_after() -> None:
    assert snapshot_key() is None
    assert not snapshot_key_path().exists()  # a lookup writes nothing
    made = snapshot_key(create=True)
    assert made is not None and len(made) == KEY_BYTES
    assert snapshot_key() == made == snapshot_key(create=True)
    assert snapshot_key_path().stat().st_mode & 0o777 == 0o600
    assert read_key().problem == ""
    assert os.listdir(snapshot_key_path().parent) == ["snapshot.key"]  # no temporary left


@pytest.mark.parametrize(
    ("held", "said"),
    [
        (10, "holds 10 bytes, not 32 (cut short)"),
        (0, "holds 0 bytes, not 32 (cut short)"),
        (40, "holds more than the 32 bytes of a key"),
    ],
)
def test_a_key_file_cut_short_or_too_long_is_named_and_the_next_keeper_replaces_it(
    held: int, said: str
) -> None:
    """fx16: a key file cut short by a crash was read as no key and never made again: the
    screen was never served again until the user deleted it."""
    made = snapshot_key(create=True)
    assert made is not None
    path = snapshot_key_path()
    path.write_bytes((made * 2)[:held])
    assert snapshot_key() is None  # a reader signs and serves nothing with it
    assert read_key().problem == said
    assert (path.stat().st_size, path.read_bytes()) == (held, (made * 2)[:held])  # untouched
    again = snapshot_key(create=True)
    assert again is not None and len(again) == KEY_BYTES and again != made
    assert snapshot_key() == again and read_key().problem == ""
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_key_others_may_read_is_named_and_replaced() -> None:
    made = snapshot_key(create=True)
    assert made is not None
    path = snapshot_key_path()
    os.chmod(path, 0o644)
    assert snapshot_key() is None
    assert read_key().problem == "may be read by other users"
    again = snapshot_key(create=True)
    assert again is not None and again != made
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_link_at_the_key_is_named_and_replaced_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "planted"
    elsewhere.write_bytes(b"k" * KEY_BYTES)
    os.chmod(elsewhere, 0o600)
    path = snapshot_key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(elsewhere)
    assert snapshot_key() is None and read_key().problem == "is a link, not a key"
    made = snapshot_key(create=True)
    assert made is not None and made != b"k" * KEY_BYTES and not path.is_symlink()
    assert elsewhere.read_bytes() == b"k" * KEY_BYTES  # what the link named: untouched


def test_a_named_pipe_at_the_key_is_named_at_once_and_replaced() -> None:
    """rv16 R1: opening a named pipe for reading waits for a writer; the summary lookup
    and every keeper waited forever. The read runs in a thread so that, were it to wait,
    the test fails instead of hanging the suite."""
    path = snapshot_key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path, 0o600)
    found: list[KeyFound] = []
    reader = threading.Thread(target=lambda: found.append(read_key()), daemon=True)
    reader.start()
    reader.join(timeout=60)  # a hang guard, not a timing: the read either returns or waits
    assert found == [KeyFound(None, "is not a file")]
    made = snapshot_key(create=True)
    assert made is not None and len(made) == KEY_BYTES and path.is_file()


def test_the_key_is_fsynced_before_it_is_in_place_and_its_folder_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fx16: the key was written in place without an fsync; a crash could leave it cut
    short. Now it is whole on disk before its name is, and the name durable after."""
    path = snapshot_key_path()
    steps: list[str] = []
    real_fsync, real_link = os.fsync, os.link

    def fsync(descriptor: int) -> None:
        kind = "folder" if os.path.isdir(f"/proc/self/fd/{descriptor}") else "file"
        steps.append(f"fsync {kind}{' (in place)' if path.exists() else ''}")
        real_fsync(descriptor)

    def link(source: str, target: os.PathLike[str]) -> None:
        steps.append("in place")
        real_link(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    assert snapshot_key(create=True) is not None
    assert steps == ["fsync file", "in place", "fsync folder (in place)"]


def test_a_key_never_placed_leaves_no_file_and_the_next_keeper_makes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A keep that fails before the key is in place (a full disk, a crash) leaves no key
    file at all, never one cut short, and nothing of its own beside it."""

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert snapshot_key(create=True) is None
    assert os.listdir(snapshot_key_path().parent) == []
    monkeypatch.undo()
    assert snapshot_key(create=True) is not None
