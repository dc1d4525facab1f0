"""The real program in a real terminal: tag with keys in tmux, quit, export shows the tag."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def test_tag_in_tmux_then_export(tmp_path: Path) -> None:
    db = tmp_path / "e2e.json"
    session = f"workbench-e2e-{uuid.uuid4().hex[:8]}"
    command = (
        f"cd {tmp_path} && XDG_CONFIG_HOME={tmp_path} {sys.executable} -m workbench "
        f"--db {db} --annotator e2e"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command],
        check=True,
    )
    try:
        wait_for(session, "sentence 1/")
        subprocess.run(["tmux", "send-keys", "-t", session, "j"], check=True)
        wait_for(session, "sentence 2/")
        subprocess.run(["tmux", "send-keys", "-t", session, "c"], check=True)
        wait_for(session, "saved")
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        deadline = time.monotonic() + 10
        while (
            time.monotonic() < deadline
            and subprocess.run(
                ["tmux", "has-session", "-t", session], capture_output=True, check=False
            ).returncode
            == 0
        ):
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    exported = subprocess.run(
        [sys.executable, "-m", "workbench", "export", "--format", "json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    annotations = json.loads(exported.stdout)["annotations"]
    assert [(a["index"], a["tags"], a["annotator"]) for a in annotations] == [(1, ["claim"], "e2e")]
