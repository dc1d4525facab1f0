"""Export from the TUI through the command palette writes the same document as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from store import AnnotationStore
from tests.fixtures.notices import recorded_notices
from tests.fixtures.waiting import until
from workbench.core.corpus.articles import Corpus
from workbench.core.interchange.export.from_store import export_bytes
from workbench.core.interchange.export.schema import validator

SIZE = (100, 30)


async def test_palette_export_writes_a_valid_json_export(
    make_app, store: AnnotationStore, bundled: Corpus, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "j", "d")
        await pilot.press("ctrl+p")
        await pilot.press(*"Export annotations")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")  # json
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    document = json.loads(target.read_bytes())
    validator().validate(document)
    assert [(a["index"], a["tags"]) for a in document["annotations"]] == [
        (0, ["claim"]),
        (1, ["denial"]),
    ]
    expected = json.loads(export_bytes(store, "json"))
    assert document["annotations"] == expected["annotations"]


async def export_notices(app, format_name: str, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The messages of the notices `app` shows while it tags a sentence and exports it
    in `format_name` to `target`, in order."""
    async with app.run_test(size=SIZE) as pilot:
        messages = recorded_notices(app)
        await pilot.press("c")
        app.export_in_background(format_name, target)
        await app.workers.wait_for_complete()
        await pilot.pause()
    return messages


async def test_a_failed_export_is_reported_and_writes_nothing(make_app, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    messages = await export_notices(make_app(), "w3c", target)
    assert not target.exists()
    assert any(str(target) in message for message in messages)


async def test_a_file_named_with_what_draws_nothing_is_named_with_it_shown(
    make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """tr15 T4: "out.json" and "out" + U+200B + ".json" are two files, and the notice
    naming the one written looked like the other."""
    target = tmp_path / "out\u200b.json"
    messages = await export_notices(make_app(), "json", target)
    assert target.exists()
    written = [message for message in messages if "bytes written to" in message]
    assert written and "out\\u200b.json" in written[0] and "\u200b" not in written[0]


async def answer_export(app, pilot, path: str) -> None:  # type: ignore[no-untyped-def]
    """Open the export dialog, pick json, and replace the suggested file with `path`."""
    await app.action_export()
    await pilot.press("1")
    app.screen.query_one(Input).value = path
    await pilot.press("enter")


async def test_an_existing_file_is_overwritten_only_after_yes(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.tui.screens.confirm import ConfirmPrompt
    from workbench.tui.screens.prompt import TextPrompt

    target = tmp_path / "earlier.json"
    target.write_bytes(b"25,099 bytes of an earlier export")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await answer_export(app, pilot, str(target))
        assert isinstance(app.screen, ConfirmPrompt)
        await pilot.press("n")  # back to the file name, the file untouched
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert json.loads(target.read_bytes())["annotations"]


async def test_the_database_and_its_files_are_refused_as_targets(
    make_app, store: AnnotationStore
) -> None:  # type: ignore[no-untyped-def]
    """qa4 Q8: an export over the database (or its journal) would replace it."""
    from workbench.tui.screens.prompt import TextPrompt

    database = Path(store.location)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        for target in (database, database.with_name(database.name + ".journal")):
            await answer_export(app, pilot, str(target))
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt)  # asked again, nothing exported
            assert any(f"{target} is " in n.message for n in app._notifications)
            await pilot.press("escape")
        await app.workers.wait_for_complete()
    with AnnotationStore.open(database, annotator="tester", read_only=True) as reopened:
        assert [a.tags for a in reopened.all()] == [("claim",)]


async def test_the_settings_and_keymap_are_refused_as_targets(
    make_app, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """polish19: an export over settings.toml, after "Overwrite it?" y, replaced the
    settings, and the next start stopped on "not a valid TOML settings file"."""
    from workbench.tui.screens.prompt import TextPrompt

    settings, keymap = tmp_path / "settings.toml", tmp_path / "keymap.toml"
    settings.write_text("[ledger]\nclaim_threshold = 70\n")
    keymap.write_text("")
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(settings))
    monkeypatch.setenv("WORKBENCH_KEYMAP", str(keymap))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for target in (settings, keymap):
            await answer_export(app, pilot, str(target))
            await pilot.press("y")  # were it asked whether to overwrite
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt)  # asked again, nothing exported
            said = f"{target} is workbench's "
            assert any(said in n.message for n in app._notifications), target
            await pilot.press("escape")
        await app.workers.wait_for_complete()
    assert settings.read_text() == "[ledger]\nclaim_threshold = 70\n"
    assert keymap.read_text() == ""


async def test_no_leaves_the_existing_file_alone(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "earlier.json"
    target.write_bytes(b"keep me")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await answer_export(app, pilot, str(target))
        await pilot.press("enter", "escape")  # Enter answers no; Escape leaves the dialog
        await app.workers.wait_for_complete()
    assert target.read_bytes() == b"keep me"


async def test_tilde_expands_and_the_folder_is_remembered_across_runs(
    make_app, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    (home / "exports").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await answer_export(first, pilot, "~/exports")  # a folder: the default name in it
        await first.workers.wait_for_complete()
        await pilot.pause()
    assert (home / "exports" / "workbench-export.json").is_file()
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await second.action_export()
        await pilot.press("1")
        suggested = second.screen.query_one(Input).value
    assert suggested == str(home / "exports" / "workbench-export.json")


async def test_w3c_and_claimreview_suggest_different_files(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    suggested = []
    async with app.run_test(size=SIZE) as pilot:
        for choice in ("3", "4"):  # w3c, claimreview
            await app.action_export()
            await pilot.press(choice)
            suggested.append(Path(app.screen.query_one(Input).value).name)
            await pilot.press("escape")
    assert suggested == ["workbench-export.w3c.jsonld", "workbench-claimreview.jsonld"]


async def test_an_article_and_its_folder_are_refused_as_targets(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """tr8 T1: the export dialog and the summary's `w` asked only "Overwrite it?" over
    an article of the open corpus (and wrote a new file into its folder, read as an
    article next time). Both are refused in the CLI's words, and nothing is written."""
    from workbench.config.settings import SuggestionSettings
    from workbench.core.corpus.articles import load_corpus
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.prompt import TextPrompt

    folder = tmp_path / "arts"
    folder.mkdir()
    article = folder / "nato.txt"
    article.write_text("NATO said 10,000 troops were sent.\n", encoding="utf-8")
    new_file = folder / "report.md"
    app = WorkbenchApp(
        store,
        corpus=load_corpus([folder]),
        paths=[folder],
        keymap={},
        suggestions=SuggestionSettings(enabled=False),
    )
    refusals = {article: "is one of the articles read", new_file: "where the articles are read"}
    async with app.run_test(size=SIZE) as pilot:
        for target, why in refusals.items():
            await answer_export(app, pilot, str(target))
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt)  # asked again, no "Overwrite it?"
            assert any(why in n.message for n in app._notifications), why
            await pilot.press("escape")
        await pilot.press("S")
        for target, why in refusals.items():
            app.clear_notifications()
            await pilot.press("w")
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            # The answer goes through the prompt's callback: a few turns.
            await until(pilot, lambda: any(why in n.message for n in app._notifications), 60.0)  # noqa: B023
            assert isinstance(app.screen, TextPrompt)
            await pilot.press("escape")
        await app.workers.wait_for_complete()
    assert article.read_text(encoding="utf-8") == "NATO said 10,000 troops were sent.\n"
    assert sorted(path.name for path in folder.iterdir()) == ["nato.txt"]


def nested_state(private_state: Path) -> Path:
    """A state.json of 100,000 '[' where the app looks for it."""
    state = private_state / "workbench" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_bytes(b"[" * 100_000)
    return state


async def test_a_state_file_nested_too_deeply_is_named_and_the_export_goes_on(
    make_app, private_state: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """rv R1: the remembered export folder's state.json of 100,000 '[' raised a
    RecursionError out of the dialog, and the app ended in a traceback."""
    from workbench.tui.screens.prompt import TextPrompt

    state = nested_state(private_state)
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        notices = recorded_notices(app)
        await pilot.press("c")
        await app.action_export()
        await pilot.press("1")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, TextPrompt)  # the current directory suggested
        assert app.screen.query_one(Input).value == str(tmp_path / "workbench-export.json")
        named = [message for message in notices if str(state) in message]
        assert named and "nested too deeply" in named[0]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
    assert json.loads((tmp_path / "workbench-export.json").read_bytes())["annotations"]
    assert json.loads(state.read_bytes()) == {"export_folder": str(tmp_path)}


async def test_a_state_file_nested_too_deeply_is_named_by_the_report_too(
    make_app, private_state: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The summary's `w` (the Markdown report) asks the same remembered folder."""
    from tests.functional.test_summary_screen import open_summary
    from workbench.tui.screens.prompt import TextPrompt

    state = nested_state(private_state)
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        notices = recorded_notices(app)
        await open_summary(app, pilot)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt), 60.0)
        assert app.is_running
        assert app.screen.query_one(Input).value == str(tmp_path / "summary.md")
        named = [message for message in notices if str(state) in message]
        assert named and "nested too deeply" in named[0]
        await pilot.press("escape")
        await app.workers.wait_for_complete()


async def test_the_format_choice_says_what_each_format_is_for(make_app) -> None:  # type: ignore[no-untyped-def]
    """polish20: the dialog listed "json", "jsonl", "w3c" and "claimreview", nothing
    more; an analyst had to know which to pick. Each is a line in an 80-column terminal."""
    from textual.widgets import OptionList

    from workbench.tui.screens.choice import ChoicePrompt

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.action_export()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        options = prompt.query_one(OptionList)
        shown = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert [line.split()[:2] for line in shown] == [
            ["1", "json"],
            ["2", "jsonl"],
            ["3", "w3c"],
            ["4", "claimreview"],
        ]
        assert "import" in shown[0] and "backup" in shown[0]
        assert "scripts" in shown[1]
        assert "W3C Web Annotation" in shown[2]
        assert "ClaimReview" in shown[3] and "verdict" in shown[3]
        assert all(len(line) <= options.scrollable_content_region.width for line in shown)
        await pilot.press("2")
        assert Path(app.screen.query_one(Input).value).name == "workbench-export.jsonl"


async def test_started_inside_the_articles_folder_the_report_is_proposed_above_it(
    store, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """qa21 #11: `cd corpus && workbench annotate .` proposed ./summary.md for `w`, then
    refused it as inside the articles' folder; the folder above is proposed now."""
    from tests.functional.test_summary_screen import open_summary
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.prompt import TextPrompt

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text("Dam toll\nHe said 112 people were hurt.\n", "utf-8")
    monkeypatch.chdir(corpus)
    app = WorkbenchApp(store, paths=["."], keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.workspace is not None, 60.0)
        await open_summary(app, pilot)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt), 60.0)
        assert app.screen.query_one(Input).value == str(tmp_path.resolve() / "summary.md")
        await pilot.press("escape")
