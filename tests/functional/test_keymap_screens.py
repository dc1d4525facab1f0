"""A keymap in use: the panel and help show the keys really bound, problems are a notice
and head the help."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.help import HelpScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

KEYMAP = 'toggle_claim = "1"\ntoggle_attribution = "ctrl+shift+banana"\ntoggle_denial = "a"\n'


@pytest.fixture
def user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(KEYMAP, encoding="utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text("[ledger]\nclaim_treshold = 80\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(keymap))
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(settings))
    return tmp_path


async def test_the_keys_shown_are_the_keys_bound(
    user_files: Path, store: AnnotationStore, bundled: Corpus
) -> None:
    app = WorkbenchApp(store, corpus=bundled)  # reads the keymap and settings itself
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        notices = "\n".join(notification.message for notification in app._notifications)
        assert "keymap.toml line 2: 'ctrl+shift+banana' is not a key" in notices
        assert "keymap.toml line 3: a is already toggle_attribution's key" in notices
        assert "settings.toml line 2: unknown ledger setting" in notices
        panel = str(app.screen.query_one(AnnotationPanel).render())
        assert "claim (1)" in panel and "attribution (a)" in panel and "denial (d)" in panel
        await pilot.press("1")
        saved = store.get(bundled.articles[0].id, 0)
        assert saved is not None and saved.tags == ("claim",)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = str(app.screen.query_one("#help-keys", Static).render()).splitlines()
        claim = next(row for row in rows if "Toggle claim" in row)
        assert claim.split()[:2] == ["1", "toggle_claim"]
        assert any(row.split()[:2] == ["d", "toggle_denial"] for row in rows)


def test_annotate_reports_the_problems_on_stderr_before_the_screen_opens(
    user_files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []

    def run(app: WorkbenchApp) -> None:
        seen.append(app.settings_notices)
        assert app.user_keymap == {"toggle_claim": "1"}

    monkeypatch.setattr(WorkbenchApp, "run", run)
    assert main(["annotate", "--db", str(user_files / "db.json")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[0] for line in err] == ["workbench"] * 3
    assert seen == [[line.removeprefix("workbench: ") for line in err]]
    assert "keymap.toml line 3" in err[1] and "settings.toml line 2" in err[2]


async def test_several_settings_problems_are_each_shown_once(
    user_files: Path, store: AnnotationStore, bundled: Corpus
) -> None:
    """QA saw the fuzzy_threshold problem twice and denial_threshold = 170 not at all."""
    settings = user_files / "settings.toml"
    settings.write_text(
        "[ledger]\nclaim_threshold = 170\ndenial_threshold = 170\n\n"
        "[anchoring]\nfuzzy_threshold = 300\nfuzzy = 1\n",
        encoding="utf-8",
    )
    app = WorkbenchApp(store, corpus=bundled)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        notices = [notification.message for notification in app._notifications]
    lines = [line for notice in notices for line in notice.splitlines()]
    about_settings = [line for line in lines if "settings.toml" in line]
    assert [line.split(": ", 1)[1] for line in about_settings] == [
        "ledger.claim_threshold must be between 0 and 100",
        "ledger.denial_threshold must be between 0 and 100",
        "anchoring.fuzzy_threshold must be a number from 0 to 100",
        "unknown anchoring setting 'fuzzy'",
    ]


async def test_every_settings_problem_is_readable_at_80x24(
    user_files: Path, store: AnnotationStore, bundled: Corpus
) -> None:
    """qa9 Q12: one toast per problem, and at 80x24 the later notices pushed the keymap's
    off the top of the screen. Now one notice names them all, and the help (`?`) lists them
    first, on screen, for as long as the app runs."""
    (user_files / "keymap.toml").write_text(
        'toggle_claim = "1"\ntoggle_clam = "2"\ntoggle_denial = "c"\n'
        'next_sentence = "ctrl+shift+banana"\n',
        encoding="utf-8",
    )
    (user_files / "settings.toml").write_text(
        "[ledger]\nclaim_threshold = 170\n[foo]\nx=1\n", encoding="utf-8"
    )
    app = WorkbenchApp(store, corpus=bundled)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        problems = list(app.settings_notices)
        said = [n.message for n in app._notifications if n.title == "Settings"]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = app.screen.query_one("#help-problems", Static)
        shown = str(listed.render()).splitlines()
        inside = app.screen.region.contains_region(listed.region)
    assert len(problems) == 4
    assert any("toggle_clam" in p for p in problems) and any("banana" in p for p in problems)
    assert len(said) == 1 and all(problem in said[0] for problem in problems)
    assert "? lists them again" in said[0]
    assert [line for line in shown if line] == problems
    assert inside, "the list is on screen when the help opens"
