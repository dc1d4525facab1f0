"""qa10 Q9 through the app: an annotation re-anchoring kept on its own sentence (a "he"
whose speaker's sentence the publisher rewrote, nobody's tag recovering the old text)
is said to be not moved, the article changed around it, never "moved here (was
sentence 3)" on sentence 3; the notice counts it apart from the moved ones."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from tests.functional.test_reanchoring_screens import SIZE, notices, panel
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import StartAt, WorkbenchApp

TITLE = "North Korean troops in Russia: what the two sides say about the numbers"
RUTTE = "NATO chief Mark Rutte said 10,000 North Korean troops had been sent to Russia."
REWRITTEN = "Russian minister Andrei Belousov said 10,000 troops had been sent to Russia."
HE = "He added that 3,000 more were expected by December."
MOVED_ON = "Officials declined to comment."


async def test_the_panel_says_a_pronoun_kept_at_its_sentence_did_not_move(
    store: AnnotationStore, tmp_path: Path
) -> None:
    old = article(f"{TITLE}\n{RUTTE}\n{HE}\n{MOVED_ON}\n")
    store.save(annotate(old, 2, store.annotator, tags=("claim",), source="He"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(f"{TITLE}\n{REWRITTEN}\n{HE}\n{MOVED_ON}\n", "utf-8")
    start = StartAt(article_id="story", sentence=3)
    app = WorkbenchApp(store, corpus=load_corpus([folder]), start=start, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = panel(app)
        assert shown.annotation is not None and shown.annotation.source == "He"
        assert shown.annotation.anchor_state == "reanchored"
        line = shown.compose_panel().plain.splitlines()[-1]
        assert line == (
            "↷ not moved, the article changed around it: who “He” is may read differently "
            "now · y confirms"
        )
        assert (
            "still to look at (this change and earlier ones): 0 moved, 0 to check, "
            "0 orphaned, 1 in place to confirm (the article changed around)"
        ) in " ".join(notices(app))
        await pilot.press("y")
    confirmed = store.get("story", 2)
    assert confirmed is not None and confirmed.anchor_state == "current"


RESCUERS = "Rescuers said 22 people were still missing, down from 40 on Saturday."
OFFICIALS = "Rescue officials said 22 people were still missing, down from 40 on Saturday."


async def test_the_panel_says_when_the_recorded_source_left_the_sentence(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """qa10 Q28: "Rescuers said" corrected to "Rescue officials said"; the annotation to
    check kept "Rescuers", and y confirmed it with nothing said. The panel says so."""
    old = article(f"{TITLE}\n{RUTTE}\n{RESCUERS}\n")
    store.save(annotate(old, 2, store.annotator, tags=("claim",), source="Rescuers"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(f"{TITLE}\n{RUTTE}\n{OFFICIALS}\n", "utf-8")
    start = StartAt(article_id="story", sentence=3)
    app = WorkbenchApp(store, corpus=load_corpus([folder]), start=start, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = panel(app)
        assert shown.annotation is not None and shown.annotation.anchor_state == "check"
        assert shown.compose_panel().plain.splitlines()[-1] == (
            "source “Rescuers” is not in the sentence now · s changes it"
        )
