"""`J` on the last article and `K` on the first keep the place and say why."""

from __future__ import annotations

from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt

SIZE = (100, 30)


async def test_no_article_past_either_end_keeps_the_place(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    last = len(bundled.articles) - 1
    app = make_app(StartAt(article_id=bundled.articles[last].id, sentence=5))
    async with app.run_test(size=SIZE) as pilot:
        assert app.session is not None
        await pilot.press("J")
        assert (app.session.place.article, app.session.place.sentence) == (last, 4)
        await pilot.press("K", "j", "j")  # to the previous article's third sentence
        for _ in range(last - 1):
            await pilot.press("K")
        assert (app.session.place.article, app.session.place.sentence) == (0, 0)
        await pilot.press("j", "K")
        assert (app.session.place.article, app.session.place.sentence) == (0, 1)
        said = [notification.message for notification in app._notifications]
    assert said == ["This is the last article.", "This is the first article."]
