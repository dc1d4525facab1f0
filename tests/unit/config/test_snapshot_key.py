"""The key the screen's kept snapshots are signed with (config/snapshot_key.py, rv15 R4):
made by a keeper only, readable by its owner only, else not used."""

from __future__ import annotations

import os

from workbench.config.snapshot_key import KEY_BYTES, snapshot_key, snapshot_key_path


def test_a_reader_makes_no_key_and_a_keeper_makes_one_kept_after() -> None:
    assert snapshot_key() is None
    assert not snapshot_key_path().exists()  # a lookup writes nothing
    made = snapshot_key(create=True)
    assert made is not None and len(made) == KEY_BYTES
    assert snapshot_key() == made == snapshot_key(create=True)
    assert snapshot_key_path().stat().st_mode & 0o777 == 0o600


def test_a_key_others_may_read_or_cut_short_signs_nothing() -> None:
    made = snapshot_key(create=True)
    assert made is not None
    path = snapshot_key_path()
    os.chmod(path, 0o644)
    assert snapshot_key() is None and snapshot_key(create=True) is None
    os.chmod(path, 0o600)
    path.write_bytes(made[:10])
    assert snapshot_key() is None
