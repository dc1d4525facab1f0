"""Child process for test_app_kill.py: the real app, driven by Pilot, tags until killed.

Usage: app_tagger.py DATABASE SEED [--hold | --tag-and-hold]

It opens the database as the `workbench annotate` command does, runs WorkbenchApp on the
bundled articles under Pilot and presses tag keys (c, a, d, x, C, A, D) mixed with moves
(j, k, J, K, n). Before each tag key it prints "begin ARTICLE INDEX TAGS" (what the
sentence will hold if the key takes effect) and, only once the annotation panel shows the
write as saved (no error, the stored tags on screen), "ack ARTICLE INDEX TAGS". Every line
is flushed at once, so the parent knows exactly what the app acknowledged. The journal's
compaction threshold is tiny so that kills also land in compactions.

With --hold it prints "ready" once the app is on screen and then waits, holding the
database lock, until it is killed (the second-process test). With --tag-and-hold it
first tags the sentence on screen as a claim (printing "ack ARTICLE INDEX claim" once it
is saved), then does the same: a read-only command run next must see that tag.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

import store.journal
from store import AnnotationStore
from workbench.core.annotation import normalise_tags
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

ANNOTATOR = "tagger"
SIZE = (80, 24)
TOGGLES = {"c": "claim", "a": "attribution", "d": "denial"}
TAG_AND_ADVANCE = {"C": "claim", "A": "attribution", "D": "denial"}
KEYS = "cccaaaddd" + "x" + "CAD" + "jjkkkkkJKn"
"""Tag keys are drawn most often; moves spread the tags over the corpus, and as many
go back as forward (C, A and D advance), so that long runs do not pile up at the end."""


def say(*words: object) -> None:
    print(*words, flush=True)


def shown_place(screen: AnnotateScreen) -> tuple[str, int]:
    """The article and sentence index the screen shows now."""
    session = screen.session
    sentence = session.sentence
    assert sentence is not None, "every bundled article has sentences"
    return session.article.id, sentence.index


def shown_tags(panel: AnnotationPanel) -> tuple[str, ...]:
    return panel.annotation.tags if panel.annotation is not None else ()


def expected_tags(key: str, before: tuple[str, ...]) -> tuple[str, ...]:
    """The tags the current sentence holds once `key` has been saved."""
    if key == "x":
        return ()
    if key in TOGGLES:
        tag = TOGGLES[key]
        return tuple(t for t in before if t != tag) if tag in before else (*before, tag)
    tag = TAG_AND_ADVANCE[key]
    return before if tag in before else (*before, tag)


def canonical(tags: tuple[str, ...]) -> str:
    return ",".join(normalise_tags(tags))


async def tag_until_killed(app: WorkbenchApp, seed: int, hold: str) -> None:
    rng = random.Random(seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnnotateScreen), f"app opened on {screen!r}"
        panel = screen.query_one(AnnotationPanel)
        if hold == "--tag-and-hold":
            article, index = shown_place(screen)
            await pilot.press("c")
            assert panel.saved and shown_tags(panel) == ("claim",), panel.error
            say("ack", article, index, "claim")
        say("ready")
        if hold:
            await asyncio.Event().wait()
        while True:
            key = rng.choice(KEYS)
            if key not in TOGGLES and key not in TAG_AND_ADVANCE and key != "x":
                await pilot.press(key)
                continue
            article, index = shown_place(screen)
            wanted = expected_tags(key, shown_tags(panel))
            say("begin", article, index, canonical(wanted))
            await pilot.press(key)
            if panel.error:
                say("refused", article, index, panel.error)
                continue
            if key in TAG_AND_ADVANCE:
                # The screen moves on only after the store returned; the panel has
                # moved with it, so what was saved is read back from the app's store.
                saved = app.store.get(article, index)
                tags = saved.tags if saved is not None else ()
            else:
                assert shown_place(screen) == (article, index), "a tag key moved the screen"
                tags = shown_tags(panel)
                assert panel.saved or not tags, "tags on screen without the saved light"
            say("ack", article, index, canonical(tags))


def main(database: Path, seed: int, hold: str) -> None:
    store.journal.MIN_COMPACTION_BYTES = 8 * 1024
    opened = AnnotationStore.open(database, annotator=ANNOTATOR)
    app = WorkbenchApp(opened, corpus=load_corpus(), keymap={})
    asyncio.run(tag_until_killed(app, seed, hold))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if sys.argv[3:] else "")
