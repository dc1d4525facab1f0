"""`make run` from a fresh clone (qa9 Q25): it says what it installs before pip's quiet
minute, and installs what the app needs, not the test and benchmark tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_first_make_run_says_what_it_installs_and_installs_only_the_app(
    tmp_path: Path,
) -> None:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    # run alone, not as a sub-make of `make test` (whose flags it would inherit)
    alone = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    planned = subprocess.run(
        ["make", "--no-print-directory", "-n", "run"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env=alone,
    ).stdout.splitlines()
    installs = [line for line in planned if "pip install" in line and "-e" in line]
    assert planned[0].startswith('echo "Installing workbench') and "first run only" in planned[0]
    assert installs == [".venv/bin/python -m pip install --quiet -e '.[postgres]'"]
    assert planned[-1] == ".venv/bin/workbench"
