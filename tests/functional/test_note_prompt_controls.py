"""qa21 #12: the note prompt drew a C1 control (\\x9b) as U+FFFD, where the panel showed
it escaped (`\\x9b31m`). The prompt shows it as every screen does, the cursor in the right
place after it, and saving keeps the real character."""

from __future__ import annotations

from store import AnnotationStore
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.widgets.literal_input import LiteralInput

SIZE = (100, 30)
NOTE = "see \x9b31m and \x1b[0m ok"


async def test_the_note_prompt_shows_a_c1_control_escaped_and_saves_it_as_it_is(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article = bundled.articles[0]
    sentence = article.sentences[0]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, 0, sentence.start, sentence.end
    )
    store.save(Annotation.new(anchor, store.annotator, tags=("claim",), note=NOTE))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        field = app.screen.query_one(LiteralInput)
        drawn = field.render_line(0).text
        assert "see \\x9b31m and ␛[0m ok" in drawn, drawn
        assert "\ufffd" not in drawn and "\x9b" not in drawn and "\x1b" not in drawn
        # the cursor at the end of the value is drawn after the shown text
        assert field.cursor_position == len(NOTE)
        assert field._position_to_cell(len(NOTE)) == len("see \\x9b31m and ␛[0m ok")
        assert field._position_to_cell(5) == len("see \\x9b"), "after the one character"
        await pilot.press("end", "exclamation_mark", "enter")
        await pilot.pause()
    saved = store.get(article.id, 0)
    assert saved is not None and saved.note == NOTE + "!"


async def test_the_cursor_on_an_escaped_character_covers_the_whole_escape(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one(LiteralInput)
        field.cursor_blink = False  # drawn now, not half a blink from now
        field.value = "a\x9bb"
        field.cursor_position = 1
        await pilot.pause()
        strip = field.render_line(0)
        assert strip.text.startswith("a\\x9bb"), strip.text
        cursor = field.get_component_rich_style("input--cursor")
        assert cursor.bgcolor is not None
        styled = [
            segment.text
            for segment in strip
            if segment.style and segment.style.bgcolor == cursor.bgcolor
        ]
        assert "".join(styled) == "\\x9b", styled
