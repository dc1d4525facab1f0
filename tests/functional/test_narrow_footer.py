"""At 80 columns the footer still shows `? Help` and `q Quit`, the keys a newcomer needs."""

from __future__ import annotations

from textual.widget import Widget


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
