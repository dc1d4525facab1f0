"""The article list (`o`) names each article by its title, as far as its line holds it,
and says the highlighted one's id under the list (polish19: each line began with the
id, a 20-character file name, and at 80 columns the titles were cut to 20 characters,
"U.S. Cites ‘Indicat…", "North Korea Startin…")."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Label, OptionList

from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.articles import ArticleListScreen


def drawn_lines(options: OptionList) -> list[str]:
    """The list's lines as drawn, cut to its width."""
    return [options.render_line(y).text for y in range(options.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_titles_take_the_line_and_the_id_is_said_below(
    make_app: Any, bundled: Corpus, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        options = app.screen.query_one(OptionList)
        drawn = drawn_lines(options)
        room = options.scrollable_content_region.width - len("██░░░░░░░░░░    7/34  ") - 2
        for article, line in zip(bundled.articles, drawn, strict=False):
            assert article.id not in line, "no id on the line"
            head = article.title[: min(len(article.title), room) - 1]
            assert head in line, f"{head!r} not in {line!r}"
        for number, article in enumerate(bundled.articles):
            options.highlighted = number
            await pilot.pause()
            hint = str(app.screen.query_one("#article-hint", Label).render())
            assert hint == f"{article.id} · Enter opens · Escape closes"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.place.article == len(bundled.articles) - 1


async def test_a_newline_in_a_file_name_is_said_escaped_under_the_list(make_app: Any) -> None:
    """qa21 #10: "004_nl" + LF + "name" was said as "004_nl name", the name of another
    file; `sentences` writes 004_nl\\nname, and so does the list now."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = [("004_nl\nname", "", 0, 3), ("004_nl name", "", 0, 3)]
        await app.push_screen(ArticleListScreen(rows, 0))
        await pilot.pause()
        hint = str(app.screen.query_one("#article-hint", Label).render())
        assert hint == "004_nl\\nname · Enter opens · Escape closes"
        assert [line.split()[-1] for line in drawn_lines(app.screen.query_one(OptionList))[:2]] == [
            "004_nl\\nname",
            "name",
        ]
