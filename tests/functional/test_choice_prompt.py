"""The list picker: digits for short lists, a filter box for long ones."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Label, OptionList

from workbench.core.annotation import STATUSES, status_words
from workbench.tui.screens.choice import SHOWN_LIMIT, ChoicePrompt


class Host(App[None]):
    def __init__(self, prompt: ChoicePrompt) -> None:
        super().__init__()
        self.prompt = prompt
        self.answer: str | None = "unset"

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        def keep(answer: str | None) -> None:
            self.answer = answer

        self.push_screen(self.prompt, keep)


async def test_a_digit_picks_from_a_short_list() -> None:
    app = Host(ChoicePrompt("Pick", ["alpha", "beta", "gamma"]))
    async with app.run_test() as pilot:
        assert not app.screen.query(Input)
        await pilot.press("2")
    assert app.answer == "beta"


async def test_a_long_list_is_filtered_by_typing() -> None:
    sources = [f"Source {number}" for number in range(5000)] + ["Mr. [Nebenzia]"]
    app = Host(ChoicePrompt("Filter by source", sources))
    async with app.run_test() as pilot:
        options = app.screen.query_one(OptionList)
        assert options.option_count == SHOWN_LIMIT
        await pilot.press(*"nebenz")
        assert options.option_count == 1
        await pilot.press("enter")
    assert app.answer == "Mr. [Nebenzia]"


async def test_enter_picks_from_what_the_box_holds_before_its_change_arrives() -> None:
    """In a burst (a loaded machine) Enter can be read while the filter box's Changed
    message is still on its way: the pick follows the box, not the list shown before."""
    sources = ["A senior official", *(f"Source {number}" for number in range(50)), "Kovalenko"]
    prompt = ChoicePrompt("Filter by source", sources)
    app = Host(prompt)
    async with app.run_test() as pilot:
        box = prompt.query_one(Input)
        with prompt.prevent(Input.Changed):
            box.value = "kovalenko"
        assert prompt.shown[0] == "A senior official"  # the list has not followed yet
        await prompt.action_answer()
        await pilot.pause()
    assert app.answer == "Kovalenko"


async def test_arrow_down_then_enter_picks_a_highlighted_match() -> None:
    app = Host(ChoicePrompt("Pick", [f"item {n}" for n in range(20)]))
    async with app.run_test() as pilot:
        await pilot.press(*"item 1")
        await pilot.press("down", "down", "enter")
    assert app.answer == "item 10"  # the first ↓ moves into the list, the second down it


async def test_escape_cancels() -> None:
    app = Host(ChoicePrompt("Pick", ["alpha", "beta"]))
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.answer is None


async def test_a_choice_reads_as_words_and_returns_its_name() -> None:
    """The status picker shows "in progress" and stores "in_progress" (qa5 Q17)."""
    app = Host(
        ChoicePrompt("Verification status", list(STATUSES), "unverified", shown_as=status_words)
    )
    async with app.run_test() as pilot:
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert shown[1] == "2  in progress"
        assert not any("_" in line for line in shown)
        await pilot.press("2")
    assert app.answer == "in_progress"
