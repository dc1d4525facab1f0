"""A Markdown article's title shows without its syntax; its text stays as written."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from store import AnnotationStore
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sentence_view import SentenceView


async def test_the_header_shows_a_md_title_without_markdown(
    tmp_path: Path, store: AnnotationStore
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    text = "# Kyiv: **troops** seen near [Kursk](https://example.com/k)\n\nA first sentence."
    (folder / "kyiv.md").write_text(text, encoding="utf-8")
    app = WorkbenchApp(store, corpus=load_corpus([folder]), keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#title-line", Static).render())
        assert "Kyiv: troops seen near Kursk" in header
        assert "#" not in header and "**" not in header and "](" not in header
        assert "# Kyiv: **troops**" in str(app.screen.query_one(SentenceView).render())
        await pilot.press("c")
    saved = store.get("kyiv", 0)
    assert saved is not None and saved.quote == text[saved.start : saved.end]
