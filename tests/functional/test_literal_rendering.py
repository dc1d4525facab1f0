"""Regression: the bracketed sentences of article 002 show on screen exactly as written."""

from __future__ import annotations

from textual.geometry import Region

from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.widgets.sentence_view import SentenceView

ARTICLE = "002_3495a8c75ef49377"
BRACKETED = ["[Mr. Putin]", "[South Korea]", "[and]", "[an]"]


def screen_text(app: WorkbenchApp) -> str:
    view = app.screen.query_one(SentenceView)
    width, height = view.size
    lines = view.render_lines(Region(0, 0, width, height))
    return "".join(line.text.rstrip() + " " for line in lines)


async def test_bracketed_sentences_render_literally(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    article = bundled.by_id[ARTICLE]
    seen = set()
    for sentence in article.sentences:
        found = [b for b in BRACKETED if b in sentence.text]
        if not found:
            continue
        app = make_app(StartAt(article_id=ARTICLE, sentence=sentence.index + 1))
        async with app.run_test(size=(200, 40)) as pilot:
            await pilot.pause()
            shown = " ".join(screen_text(app).split())
            for bracket in found:
                assert bracket in shown
                seen.add(bracket)
    assert seen == set(BRACKETED)


async def test_markup_and_escape_codes_in_an_article_are_shown_as_text(tmp_path, store) -> None:  # type: ignore[no-untyped-def]
    from workbench.core.corpus.articles import load_corpus

    (tmp_path / "evil.txt").write_text(
        "Evil [bold]title[/bold]\n"
        "He said [/] and [link=http://x]click[/link] \x1b[31mred\x1b[0m.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([tmp_path])
    app = WorkbenchApp(store, corpus=corpus, start=StartAt(sentence=2), keymap={})
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[/] and [link=http://x]click[/link] ␛[31mred␛[0m." in shown
