"""The follower's notice (cli/keeper_notice.py): what the command reads to decide whether
waiting for a keep under way is sooner than computing the summary."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from workbench.cli import keeper_notice
from workbench.cli.keeper_notice import Announcer, Notice, read_notice


def notice(build: bool, since_ago: float, took: dict[str, dict[str, float]]) -> Notice:
    return Notice(os.getpid(), "t", {"md": "k"}, [], True, time.time() - since_ago, build, took)


def test_a_summary_made_again_is_waited_for_and_a_build_only_past_its_half() -> None:
    took = {"build": {"md": 100.0}, "again": {"md": 10.0}}
    assert keeper_notice._left(notice(False, 4.0, took), "md") == pytest.approx(6.0, abs=0.5)
    assert keeper_notice._left(notice(True, 70.0, took), "md") == pytest.approx(30.0, abs=0.5)
    assert keeper_notice._left(notice(True, 30.0, took), "md") is None, "computing is sooner"
    assert keeper_notice._left(notice(True, 30.0, {}), "md") is None, "nothing to go by"
    made_again_first = {"build": {"md": 100.0}}
    assert keeper_notice._left(notice(False, 90.0, made_again_first), "md") is not None


def test_the_last_session_s_build_is_what_the_next_follower_goes_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    database = tmp_path / "annotations.json"
    first = Announcer(database)
    first.began("t1", {"md": "k1", "json": "k2"}, build=True)
    first.kept(["md", "json"])
    found = read_notice(database)
    assert found is not None and not found.keeping and set(found.took["build"]) == {"md", "json"}
    assert Announcer(database).notice.took == found.took


def test_a_file_that_is_not_a_notice_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    database = tmp_path / "annotations.json"
    path = keeper_notice.notice_path(database)
    for data in (b"", b"{", b"[]", b'{"pid": "1"}', b"x" * 20000):
        path.write_bytes(data)
        assert read_notice(database) is None
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere")
    assert read_notice(database) is None
