"""qa17 Q2 (Q15 of the list): the guideline records a pronoun as the pronoun ("She"),
but the source prompt of "She said …" was pre-filled with the speaker the suggestion
read her as ("Ingrid Halvorsen"), so `s` Enter recorded the name, and a "She" typed
over it was taken for that speaker without the prompt saying so. The prompt now offers
the source as it stands in the sentence and says, as it is typed, whom it is taken for;
the panel says it once saved."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label

from store import AnnotationStore
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Article, load_corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

ON = SuggestionSettings(enabled=True, lowest_score=0.5)

STORY = (
    "Flood toll disputed in Dornbach\n\n"
    "Mayor Ingrid Halvorsen told reporters that rescue teams had recovered 47 bodies.\n\n"
    "She said that another 30 residents were still missing.\n"
)


def story_app(store: AnnotationStore, tmp_path: Path) -> tuple[WorkbenchApp, Article, int]:
    (tmp_path / "flood.txt").write_text(STORY, encoding="utf-8")
    corpus = load_corpus([tmp_path / "flood.txt"])
    article = corpus.articles[0]
    index = next(s.index for s in article.sentences if s.text.startswith("She said"))
    start = StartAt(article_id=article.id, sentence=index + 1)
    app = WorkbenchApp(store, corpus=corpus, start=start, keymap={}, suggestions=ON)
    return app, article, index


async def ready(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def reading(app: WorkbenchApp) -> str:
    return str(app.screen.query_one(".prompt-reading", Label).render())


async def test_the_prompt_offers_the_pronoun_and_says_whom_it_is_taken_for(
    store: AnnotationStore, tmp_path: Path
) -> None:
    app, article, index = story_app(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        assert app.screen.query_one(Input).value == "She", "the guideline's form"
        assert "taken for Ingrid Halvorsen" in reading(app)
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
        saved = store.get(article.id, index)
        assert saved is not None and saved.source == "She"
        panel = str(app.screen.query_one(AnnotationPanel).render())
        assert "She → Ingrid Halvorsen" in panel


async def test_the_reading_follows_what_is_typed(store: AnnotationStore, tmp_path: Path) -> None:
    app, article, index = story_app(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s", *"Halvorsen")
        assert app.screen.query_one(Input).value == "Halvorsen"
        assert reading(app) == "", "a name of one's own is taken for nobody else"
        await pilot.press(*["backspace"] * len("Halvorsen"), *"She")
        assert "taken for Ingrid Halvorsen" in reading(app)
        box = app.screen.query_one(".prompt-box").region
        assert box.bottom <= 24, "the line fits at 80x24"
        await pilot.press("escape")
        assert store.get(article.id, index) is None


async def test_the_review_prompt_says_it_too(store: AnnotationStore, tmp_path: Path) -> None:
    app, article, index = story_app(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # the suggestion: claim, attribution, "She"
        saved = store.get(article.id, index)
        assert saved is not None and saved.source == "She"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("down", "s")
        assert app.screen.query_one(Input).value == "She"
        assert "taken for Ingrid Halvorsen" in reading(app)
