"""qa13 Q1: an analyst on an English keyboard types "Pena" for Peña. The review's search
and its source filter found nothing (the sentence search found Peña only as a typo,
below "operated" and "opened"); every search now takes a Latin letter without its
accent, and "Saether" for Sæther."""

from __future__ import annotations

from textual.widgets import Input

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from tests.functional.test_review import open_review, settle
from workbench.core.corpus.articles import Corpus
from workbench.core.corpus.search import SentenceSearch
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.choice import ChoicePrompt

SIZE = (120, 36)
WITNESSES = ("Anna Berg", "Lars Holm", "Mia Dahl", "Erik Lund", "Ole Vik", "Siri Moe", "Per Alm")
"""More speakers than the filter box appears for (choice.FILTER_FROM)."""
FERRY = article(
    "Operator denies ferry was overloaded\n"
    "The ship carried 280 people, said Tomás Kovač, the operator's spokesman.\n"
    "Interior Minister José Peña said at least 38 people had died.\n"
    "Peña denied that rescue boats had been slow to arrive.\n"
    "Commander Ingrid Sæther said 312 people were aboard.\n"
    "The company has operated the route since 1998.\n"
    + "".join(f"{name} said the ferry listed.\n" for name in WITNESSES),
    "ferry",
)
SOURCES = {1: "Tomás Kovač", 2: "José Peña", 3: "Peña", 4: "Ingrid Sæther", 5: None} | {
    6 + number: name for number, name in enumerate(WITNESSES)
}


def saved(store: AnnotationStore) -> None:
    for index, source in SOURCES.items():
        store.save(annotate(FERRY, index, store.annotator, source=source))


async def test_the_review_search_takes_a_name_without_its_accents(
    store: AnnotationStore,
) -> None:
    saved(store)
    app = WorkbenchApp(store, corpus=Corpus([FERRY], []), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        search = screen.query_one("#review-search", Input)
        for typed, wanted in (("Pena", [2, 3]), ("kovac", [1]), ("Saether", [4])):
            search.value = typed
            await settle(app, pilot)
            assert [row.annotation.index for row in screen.shown] == wanted, typed


async def test_the_source_filter_takes_a_name_without_its_accents(
    store: AnnotationStore,
) -> None:
    saved(store)
    app = WorkbenchApp(store, corpus=Corpus([FERRY], []), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("f", "4")
        await settle(app, pilot)
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        assert prompt.filtered
        await pilot.press(*"pena")
        await settle(app, pilot)
        assert [prompt.shown_as(choice) for choice in prompt.shown] == ["José Peña (also Peña)"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert [row.annotation.index for row in screen.shown] == [2, 3]


def test_the_sentence_search_ranks_the_name_above_words_with_a_typo() -> None:
    """qa13 Q2: "Pena" listed "operated" first, Peña's sentences after."""
    search = SentenceSearch(Corpus([FERRY], [])).build()
    hits = search.search("Pena")
    assert {hit.index for hit in hits[:2]} == {2, 3}
    assert all(hit.score >= 100 for hit in hits[:2])
