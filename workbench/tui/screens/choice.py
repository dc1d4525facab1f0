"""Pick one item from a list: arrows and Enter, a digit (or a number), or Escape to cancel.

A long list (article ids, thousands of sources) gets a filter box: typing narrows the
list, and only the first matches are put on screen, so opening it stays instant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.core.corpus.matching import without_accents
from workbench.tui.literal import literal
from workbench.tui.typeahead import PromptInput, PromptOptionList, PromptScreen, answer_binding

FILTER_FROM = 10
"""Lists longer than this get a filter box (and lose the pick-by-digit keys)."""
SHOWN_LIMIT = 200
"""At most this many matches are shown at once; the hint says how many there are."""


class ChoicePrompt(PromptScreen[str | None]):
    """Returns the chosen item, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: answered as typed (Enter once the arrows before it are read), so the
        # keys after them reach the next screen (workbench.tui.typeahead).
        Binding("escape", "cancel", "Cancel", id="choice.cancel", priority=True),
        answer_binding("choice.answer"),
        *(
            Binding(str(number), f"pick({number})", show=False, priority=True)
            for number in range(10)
        ),
        Binding("backspace", "unpick", show=False, priority=True),
        Binding("down", "focus_options", "Options", show=False, id="choice.options"),
    ]

    def __init__(
        self,
        title: str,
        choices: list[str],
        current: str | None = None,
        *,
        detail: str = "",
        shown_as: Callable[[str], str] = str,
        numbers: Mapping[int, str] | None = None,
        unlisted: Mapping[int, str] | None = None,
    ) -> None:
        """`detail`: a longer text under the title, wrapped (the title is one line).
        `shown_as`: how a choice reads on screen and is matched by the filter (the
        choice itself is what is returned). `numbers`: when the choices carry numbers of
        their own (sentences: "3. The police …"), the choice each digit picks; the list
        is then shown without the options' own numbers (tr11 T11: "2" picked the second
        option, sentence 3, beside "It was sentence 2", and acted at once), and a number
        is typed digit by digit (typed_digit). `unlisted`: numbers left out of them on
        purpose, with why (said when one is typed: qa14 Q12, a taken sentence answered
        only "not one of the numbers shown")."""
        super().__init__(classes="prompt-screen")
        self.shown_as = shown_as
        self.prompt_title = title
        self.detail = detail
        self.choices = choices
        self.current = current
        self.numbers = numbers
        self.unlisted = unlisted or {}
        self.filtered = len(choices) > FILTER_FROM
        self.shown: list[str] = []
        self.keys: list[str] | None = None
        """Each choice as the filter matches it (`filter_key`), made at the first filter."""
        self.needle = ""
        """The filter `shown` was made for (the filter box may be ahead of it)."""
        self.typed = ""
        """The digits typed so far of one of `numbers` that begins another one shown."""
        self.typed_at: int | None = None
        """The option highlighted as the last digit was typed (the number typed, if it is
        shown): an arrow moving the highlight away drops the digits."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield Label(literal(self.prompt_title, single_line=True), classes="prompt-title")
            if self.detail:
                yield Label(literal(self.detail), classes="prompt-detail")
            if self.filtered:
                yield PromptInput(placeholder="type to filter", id="choice-filter")
            yield PromptOptionList(id="choice-options")
            yield Label("", id="choice-hint", classes="prompt-hint", markup=False)

    def on_mount(self) -> None:
        self.show_matches("")
        self.set_focus(self.typing_target())

    def typing_target(self) -> Widget:
        return self.query_one(Input) if self.filtered else self.query_one(OptionList)

    def show_matches(self, needle: str) -> None:
        """Put the first SHOWN_LIMIT choices containing `needle` on screen."""
        self.needle = needle
        wanted = filter_key(needle)
        if wanted and self.keys is None:
            self.keys = [filter_key(self.shown_as(choice)) for choice in self.choices]
        matches = (
            [c for c, key in zip(self.choices, self.keys or (), strict=True) if wanted in key]
            if wanted
            else self.choices
        )
        by_number = self.numbered_first(needle.strip())
        if by_number:
            first = set(by_number)
            matches = by_number + [c for c in matches if c not in first]
        self.shown = matches[:SHOWN_LIMIT]
        options = self.query_one(OptionList)
        options.clear_options()
        numbered = not self.filtered and self.numbers is None
        options.add_options(
            Option(literal(f"{number}  {label}" if numbered else label, single_line=True))
            for number, label in enumerate(map(self.shown_as, self.shown), start=1)
        )
        if self.current in self.shown and not by_number:
            options.highlighted = self.shown.index(self.current)
        elif self.shown:
            options.highlighted = 0
        hint = "↑/↓ and Enter, or a number · Escape cancels"
        if self.numbers is not None:
            hint = "↑/↓ and Enter, or type the number shown · Escape cancels"
        if self.filtered:
            more = (
                f" (first {len(self.shown)} of {len(matches)})"
                if len(matches) > len(self.shown)
                else ""
            )
            hint = f"{len(matches)} matching{more} · ↓ to the list, Enter picks · Escape cancels"
        self.query_one("#choice-hint", Label).update(hint)

    def numbered_first(self, typed: str) -> list[str]:
        """The choices whose own number begins with the digits typed in the filter box,
        the number itself first: typing "12" in a long list of sentences highlighted the
        first whose text holds "12" ("3. Officials said 12 people …"), and Enter
        re-attached the orphan there (tr13 T10; rv11 R8 for a short list)."""
        if self.numbers is None or not typed.isdigit():
            return []
        return [
            choice
            for number, choice in sorted(self.numbers.items())
            if str(number).startswith(typed) and choice in self.choices
        ]

    @on(Input.Changed, "#choice-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def answer(self) -> None:
        """Pick the highlighted match of what the filter box holds now: in a burst, its
        Changed message may still be on its way up when Enter is read."""
        if self.filtered and (typed := self.query_one(Input).value) != self.needle:
            self.show_matches(typed)
        if self.typed and self.numbers is not None:
            wanted = self.numbers.get(int(self.typed))
            if wanted is None:
                self.say(f"{self.typed}… is not a number shown: type the rest of it")
            else:
                self.dismiss(wanted)
            return
        highlighted = self.query_one(OptionList).highlighted
        if self.shown:
            self.dismiss(self.shown[highlighted or 0])

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """A click on an option (Enter answers through `answer`)."""
        event.stop()
        self.dismiss(self.shown[event.option_index])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Digits pick from a short list; in a filtered list they are typed."""
        if action == "pick":
            number = parameters[0]
            if self.filtered or not isinstance(number, int):
                return False
            return 1 <= number <= len(self.shown) if self.numbers is None else True
        if action == "unpick":
            return bool(self.typed)
        return True

    def action_pick(self, number: int) -> None:
        if self.numbers is None:
            self.dismiss(self.shown[number - 1])
        else:
            self.typed_digit(self.numbers, str(number))

    def typed_digit(self, numbers: Mapping[int, str], digit: str) -> None:
        """A digit of a number shown: the number is picked once it is one shown that
        begins no other (rv11 R8: with "1." and "12." shown, "12" picked sentence 1 at its
        first digit). Until then the highlight goes to the number typed, if shown, and
        Enter picks it; digits that begin no number shown pick nothing and say so."""
        typed = self.typed + digit
        longer = any(str(n).startswith(typed) and str(n) != typed for n in numbers)
        if not longer:
            self.typed, self.typed_at = "", None
            if int(typed) in numbers:
                self.dismiss(numbers[int(typed)])
            elif int(typed) in self.unlisted:
                self.say(self.unlisted[int(typed)])
            else:
                self.say(f"{typed} is not one of the numbers shown: ↑/↓ and Enter, or another")
            return
        self.typed = typed
        options = self.query_one(OptionList)
        choice = numbers.get(int(typed))
        if choice is None or choice not in self.shown:
            self.typed_at = options.highlighted
            self.say(f"{typed}…: type the rest of the number (Backspace clears it)")
            return
        self.typed_at = options.highlighted = self.shown.index(choice)
        self.say(f"{typed}: Enter picks it, or type the next digit (Backspace clears it)")

    def action_unpick(self) -> None:
        self.typed, self.typed_at = "", None
        self.say("↑/↓ and Enter, or type the number shown · Escape cancels")

    @on(OptionList.OptionHighlighted)
    def moved(self, event: OptionList.OptionHighlighted) -> None:
        """An arrow moved the highlight away from the number typed: the digits are dropped."""
        if self.typed and event.option_index != self.typed_at:
            self.action_unpick()

    def say(self, hint: str) -> None:
        self.query_one("#choice-hint", Label).update(hint)

    def action_focus_options(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


def filter_key(text: str) -> str:
    """`text` as the filter box matches it: any case, Latin letters without accents, so
    that "pena" finds "José Peña" (qa13 Q1: the source filter found no one)."""
    return without_accents(text).casefold()
