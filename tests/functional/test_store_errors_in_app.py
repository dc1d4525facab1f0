"""A store error that escapes a screen ends the app with one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore, CorruptDatabaseError
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp


async def test_damage_found_while_reading_exits_with_the_one_line_message(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "annotations.json"
    store = AnnotationStore.open(database, annotator="tester")
    app = WorkbenchApp(store, corpus=bundled, keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def damaged(*args: object, **kwargs: object) -> None:
            raise CorruptDatabaseError(database, "annotation 7: KeyError('quote')", database)

        monkeypatch.setattr(store, "get", damaged)
        await pilot.press("j")
    store.close()
    assert app.return_code == 1
    assert app.store_failure is not None  # `annotate` prints it as its one line, then exits 1
    assert app.store_failure.startswith(f"{database} cannot be read (annotation 7:")
    assert "workbench repair --db" in app.store_failure


async def test_a_damaged_history_found_while_tagging_is_a_notice_and_tags_go_on(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA finding 4: the app appended to a damaged history without a word. The first
    compaction checks it before appending: the damage becomes a notice, nothing is
    appended, and every tag is still saved (in the journal)."""
    import store.journal

    database = tmp_path / "annotations.json"
    with AnnotationStore.open(database, annotator="tester") as first:
        for index in range(3):
            first.save(first_claim(bundled, index))
    history = database.with_name(database.name + ".history")
    lines = history.read_bytes().splitlines(keepends=True)
    middle = bytearray(lines[1])
    middle[middle.index(b'"status":"') + 1] ^= 0x02
    history.write_bytes(lines[0] + bytes(middle) + b"".join(lines[2:]))
    data = history.read_bytes()
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 1024)
    opened = AnnotationStore.open(database, annotator="tester")
    app = WorkbenchApp(opened, corpus=bundled, keymap={})
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        for _ in range(6):
            await pilot.press("C")
        opened.wait_for_compaction()
        await pilot.pause(1.2)
        notices = [n.message for n in app._notifications]
    assert any(
        "line 2 (byte" in notice and "nothing more is added to it" in notice for notice in notices
    ), notices
    opened.close()
    assert history.read_bytes() == data
    with AnnotationStore.open(database, annotator="tester", read_only=True) as reopened:
        assert reopened.count() == 3 + 6


def first_claim(corpus: Corpus, index: int) -> Annotation:
    article = corpus.articles[1]
    sentence = article.sentences[index + 10]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, sentence.index, sentence.start, sentence.end
    )
    return Annotation.new(anchor, "tester", tags=("claim",))


async def test_the_header_follows_the_cursor_while_the_server_is_away(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """qa7 Q10 i: the team's server stopped, `j` moved the highlight to the next
    sentence but the header kept "sentence 1/…" until the server was back."""
    from textual.widgets import Static

    from store import ServerError

    store = AnnotationStore.open(tmp_path / "annotations.json", annotator="tester")
    app = WorkbenchApp(store, corpus=bundled, keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def away(*args: object, **kwargs: object) -> None:
            raise ServerError("cannot read the server: connection lost")

        monkeypatch.setattr(store, "articles_to_reanchor", away)
        monkeypatch.setattr(store, "get", away)
        await pilot.press("j")
        header = str(app.screen.query_one("#position-line", Static).render())
        assert "sentence 2/" in header and "server unreachable" in header
    store.close()


async def test_a_write_failing_as_an_article_opens_ends_with_the_way_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr13 T8: on a full disk, the re-anchoring of an article corrected since it was
    tagged could not be stored as it opened, and `annotate` ended with "not saved: the
    disk is full (…journal)" alone: what was not saved, whether anything was lost and
    that --read-only opens it were not said."""
    from store import StoreWriteError
    from tests.fixtures.anchored import STORY, annotate, article, story_folder
    from workbench.core.corpus.articles import load_corpus

    database = tmp_path / "annotations.json"
    store = AnnotationStore.open(database, annotator="tester")
    store.save(annotate(article(STORY), 4, "tester"))
    folder = story_folder(tmp_path)
    text = (folder / "story.txt").read_text(encoding="utf-8")
    (folder / "story.txt").write_text(text.replace("\n", "\nAn editor's note.\n", 1))

    def full(*args: object, **kwargs: object) -> None:
        raise StoreWriteError(database, "the disk is full")

    monkeypatch.setattr(store, "reanchor_articles", full)
    app = WorkbenchApp(store, corpus=load_corpus([folder]), keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    store.close()
    assert app.return_code == 1
    assert app.store_failure is not None
    assert app.store_failure.startswith("not saved: the disk is full")
    assert "what was saved before stays saved" in app.store_failure
    assert "workbench annotate --read-only" in app.store_failure
