"""settings.toml is read once per start (fix22b): the start-up check read it once per
section and once more per [ledger] key to name its line, and the app read [suggestions]
and [anchoring] again as the corpus opened: 7 reads with one key set, 8 with three."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import workbench.config.toml_file as toml_file
from workbench.cli.main import main
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen

SETTINGS = (
    "[ledger]\nclaim_threshold = 80\ndenial_treshold = 70\n"
    "[anchoring]\nfuzzy_threshold = 65\n[suggestions]\nenabled = false\n"
)


def test_a_start_reads_the_settings_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(settings))
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(tmp_path / "keymap.toml"))
    reads: list[Path] = []
    real = toml_file.read_regular

    def counted(path: Path, *args: int) -> bytes:
        if Path(path) == settings:
            reads.append(path)
        return real(path, *args)

    monkeypatch.setattr(toml_file, "read_regular", counted)
    started: list[WorkbenchApp] = []

    async def drive(app: WorkbenchApp) -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            while not isinstance(app.screen, AnnotateScreen):
                await pilot.pause(0.05)
            await pilot.pause()
            started.append(app)

    monkeypatch.setattr(WorkbenchApp, "run", lambda app: asyncio.run(drive(app)))
    assert main(["annotate", "--db", str(tmp_path / "db.json")]) == 0
    assert started and reads == [settings]
    # what that one read gave: the problem named, the sections applied
    assert "line 3: unknown ledger setting 'denial_treshold'" in capsys.readouterr().err
    app = started[0]
    assert app.workspace is not None and app.workspace.threshold == 65.0
