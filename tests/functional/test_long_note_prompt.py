"""tr18: a note or source far longer than one is typed (an import takes a note of 30 MB)
is not opened in the prompt: Textual's input measured the whole value at each key, 5 s
to open and 4-8 s a key, the app frozen meanwhile. It is said, and kept as it is."""

from __future__ import annotations

from store import AnnotationStore
from tests.fixtures.notices import recorded_notices
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.prompt import EDIT_MOST, TextPrompt

SIZE = (100, 30)


async def test_a_note_longer_than_the_prompt_edits_is_named_not_opened(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article = bundled.articles[0]
    sentence = article.sentences[0]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, 0, sentence.start, sentence.end
    )
    note = "word " * (EDIT_MOST // 5 + 1)
    saved = store.save(Annotation.new(anchor, store.annotator, tags=("claim",), note=note))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        messages = recorded_notices(app)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt), "a short source opens as before"
        await pilot.press("escape")
    assert (
        f"This note holds {len(note):,} characters, more than the prompt edits "
        f"({EDIT_MOST:,}): it is kept as it is (an export holds it whole)."
    ) in messages
    assert store.get(article.id, 0) == saved
