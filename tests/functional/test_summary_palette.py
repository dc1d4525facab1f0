"""qa20 #11: in the summary's command palette, "report" and "markdown" found nothing: the
entry was "Write .md", with no word of what it writes."""

from __future__ import annotations

from textual.command import CommandPalette

from tests.functional.test_summary_screen import gold, open_summary, settle

__all__ = ["gold"]  # the fixture, used by name


async def test_the_report_is_found_in_the_palette_by_its_purpose(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_summary(app, pilot)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        write = next(c for c in commands.values() if "summary.write" in c.help)
        assert "Markdown report" in write.title, write.title
        for word in ("report", "markdown"):
            await pilot.press("ctrl+p")
            await settle(app, pilot)
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*word)
            await pilot.pause(0.3)
            await settle(app, pilot)
            shown = [
                str(option.prompt) for option in app.screen.query("CommandList").first().options
            ]
            assert any("Markdown report" in prompt for prompt in shown), (word, shown)
            await pilot.press("escape")
            await settle(app, pilot)
