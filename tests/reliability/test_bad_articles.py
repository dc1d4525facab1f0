"""A corpus of hostile files: each loads and renders literally, or is skipped with a reason.

The app loads the corpus as `workbench annotate FOLDER` does (in its background worker);
every skipped file is named in a notification, every loaded article is shown with its
text exactly as written (control characters as visible symbols, markup as text), can be
tagged, and the tag is stored on the right text. A deadline turns a hang into a failure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store import AnnotationStore
from workbench.core.corpus.articles import load_corpus
from workbench.core.terminal_text import UNSAFE
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

from .bad_articles import BadArticle, bad_articles, write_corpus
from .helpers import RecordingApp, sentence_view_text

QUICK_BIG_BYTES = 2_000_000
STRESS_BIG_BYTES = 20_000_000
NOTIFIED_PROBLEMS = 5
"""The app names the first five skipped files and counts the rest."""


def words(text: str) -> str:
    """Whitespace normalised: the screen wraps lines where the text has spaces."""
    return " ".join(text.split())


def test_every_bad_file_loads_or_is_skipped_with_its_reason(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(60)
    cases = bad_articles(QUICK_BIG_BYTES)
    corpus = load_corpus([write_corpus(tmp_path / "corpus", cases)])
    problems = {problem.path.name: problem.reason for problem in corpus.problems}
    for case in cases:
        if case.refused is not None:
            assert case.refused in problems.pop(case.name), case.name
        else:
            assert corpus.by_id[Path(case.name).stem].sentences, case.name
    assert problems == {}
    for problem in corpus.problems:
        assert str(tmp_path / "corpus") in str(problem), "a problem must name its file"
    figures["bad articles: files tried"] += len(cases)


async def show_every_article(
    tmp_path: Path, cases: list[BadArticle], figures: Counter[str]
) -> None:
    folder = write_corpus(tmp_path / "corpus", cases)
    database = tmp_path / "db" / "annotations.json"
    loaded = [case for case in cases if case.shown is not None]
    with AnnotationStore.open(database, annotator="tester") as store:
        app = RecordingApp(store, paths=[folder], keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, AnnotateScreen), app.notifications
            check_skip_notices(app.notifications, folder, cases)
            for number, case in enumerate(loaded):
                assert case.shown is not None
                assert app.session is not None and app.session.article.path.name == case.name
                shown = sentence_view_text(app)
                assert words(case.shown) in words(shown), case.name
                assert not UNSAFE.search(shown), case.name
                await pilot.press("c")
                assert app.screen.query_one(AnnotationPanel).saved, case.name
                if case.name.endswith("big.txt"):
                    await show_the_last_sentence(app, pilot)
                if number + 1 < len(loaded):
                    await pilot.press("J")
                figures["bad articles: articles rendered and tagged in the app"] += 1
    check_stored_quotes(database, folder, len(loaded))


def check_skip_notices(notices: list[str], folder: Path, cases: list[BadArticle]) -> None:
    skipped = [case.name for case in cases if case.refused is not None]
    for name in skipped[:NOTIFIED_PROBLEMS]:
        assert any(str(folder / name) in notice for notice in notices), (name, notices)
    rest = len(skipped) - NOTIFIED_PROBLEMS
    assert rest <= 0 or any(f"{rest} more files skipped" in notice for notice in notices)


async def show_the_last_sentence(app: WorkbenchApp, pilot: Pilot[None]) -> None:
    """Go to the last sentence of the big article with `g` and check it is on screen."""
    assert app.session is not None
    sentences = app.session.sentences
    await pilot.press("g", *str(len(sentences)), "enter")
    assert app.session.place.sentence == len(sentences) - 1
    assert words(sentences[-1].text) in words(sentence_view_text(app))
    await pilot.press("c")
    assert app.screen.query_one(AnnotationPanel).saved


def check_stored_quotes(database: Path, folder: Path, articles: int) -> None:
    """Reopened, every tag sits on the text it was given for, however odd the text."""
    corpus = load_corpus([folder])
    with AnnotationStore.open(database, annotator="tester") as reopened:
        stored = reopened.all()
    assert len({annotation.article_id for annotation in stored}) == articles
    for annotation in stored:
        sentence = corpus.by_id[annotation.article_id].sentences[annotation.index]
        assert annotation.quote == sentence.text
        assert annotation.tags == ("claim",)


async def test_the_app_shows_every_bad_article_literally(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(120)
    await show_every_article(tmp_path, bad_articles(QUICK_BIG_BYTES), figures)


@pytest.mark.stress
async def test_the_app_shows_a_20_mb_article(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(900)
    await show_every_article(tmp_path, bad_articles(STRESS_BIG_BYTES), figures)
