"""At 80 columns the footer still shows `? Help` and `q Quit`, the keys a newcomer needs,
and the keys that record a judgement."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer

from workbench.tui.widgets.fitted_footer import _width


def shown_keys(footer_keys: list[Widget]) -> list[str]:
    return [str(getattr(key, "key", "")) for key in footer_keys if key.display]


async def test_help_and_quit_stay_in_a_narrow_footer(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        at_80 = shown_keys(list(app.screen.query("FooterKey")))
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        at_60 = shown_keys(list(app.screen.query("FooterKey")))
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        at_160 = shown_keys(list(app.screen.query("FooterKey")))
    for shown in (at_80, at_60):
        assert {"question_mark", "q", "ctrl+p"} <= set(shown)
    assert {"c", "a", "d"} <= set(at_60)  # the tag keys are the next most needed
    assert len(at_60) < len(at_80) < len(at_160)
    assert at_160[:3] == ["j", "k", "n"]  # a wide footer shows every key, in binding order


async def test_at_80_columns_the_footers_keep_the_keys_that_record_a_judgement(make_app) -> None:  # type: ignore[no-untyped-def]
    """qa9 Q22: at 80 columns the annotate footer showed j/k but no way to record a source
    or a status, and nothing said there were more keys; review's footer was cut mid-key."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = list(app.screen.query("FooterKey"))
        annotate = shown_keys(keys)
        help_key = next(key for key in keys if getattr(key, "key", "") == "question_mark")
        help_label = str(getattr(help_key, "description", ""))
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        wide_label = str(getattr(help_key, "description", ""))
        await pilot.resize_terminal(80, 24)
        await pilot.press("c", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        shown = [key for key in footer.query("FooterKey") if key.display]
        review = shown_keys(shown)
        used = sum(_width(key) for key in shown)
        width = footer.size.width
    assert {"c", "a", "d", "s", "v", "question_mark", "q"} <= set(annotate)
    assert help_label == "Keys" and wide_label == "Help"
    assert {"c", "a", "d", "s", "v", "e"} <= set(review)
    assert used <= width == 80, "every key shown is whole, none cut at the edge"
