"""Export from the TUI through the command palette writes the same document as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from store import AnnotationStore
from workbench.core.corpus import Corpus
from workbench.core.export.from_store import export_bytes
from workbench.core.export.schema import validator

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


async def test_a_failed_export_is_reported_and_writes_nothing(make_app, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    app = make_app()
    messages: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        original = app.notify

        def record(message: str, **kwargs: object) -> None:
            messages.append(message)
            original(message, **kwargs)  # type: ignore[arg-type]

        app.notify = record  # type: ignore[method-assign]
        await pilot.press("c")
        app.export_in_background("w3c", target)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert not target.exists()
    assert any(str(target) in message for message in messages)
