"""qa10 Q26: an article corrected on disk during a session is named when the summary is
opened (the session shows the text as opened; `workbench summary` reads the new one)."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.functional.test_reanchoring_screens import corpus_of
from tests.functional.test_review import settle
from workbench.core.corpus.on_disk import changed_on_disk
from workbench.tui.app import WorkbenchApp

TEXT = "Dam toll\nHe said 112 people had been injured.\nThe ministry said 41 had died.\n"


def notices(app: WorkbenchApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_opening_the_summary_names_an_article_changed_on_disk(
    store: AnnotationStore, tmp_path: Path
) -> None:
    corpus = corpus_of(tmp_path, TEXT)
    (article,) = corpus.articles
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        assert not any("changed on disk" in said for said in notices(app))
        await pilot.press("escape")
        article.path.write_text(TEXT.replace("112", "115"), encoding="utf-8")
        await pilot.press("S")
        await settle(app, pilot)
        (said,) = [said for said in notices(app) if "changed on disk" in said]
        assert said.startswith(f"{article.path.name} changed on disk since opened")
        assert "reopen to re-anchor" in said


def test_a_file_touched_but_not_changed_is_not_named(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, TEXT)
    (article,) = corpus.articles
    article.path.write_text(TEXT, encoding="utf-8")  # same words, a new time
    assert changed_on_disk(corpus.articles) == []
    article.path.unlink()
    assert changed_on_disk(corpus.articles) == [article]


async def test_an_article_opened_again_after_a_change_on_disk_is_named(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """qa21 #13: J, K or `o` onto an article corrected on disk said nothing; the session
    tagged the text as opened until the next start."""
    corpus = corpus_of(tmp_path, TEXT)
    (article,) = corpus.articles
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o", "enter")
        await settle(app, pilot)
        assert not any("changed on disk" in said for said in notices(app))
        article.path.write_text(TEXT.replace("112", "115"), encoding="utf-8")
        await pilot.press("o", "enter")
        await settle(app, pilot)
        (said,) = [said for said in notices(app) if "changed on disk" in said]
        assert said.startswith(f"{article.path.name} changed on disk since opened")
