"""A one-line text prompt: Enter returns the text, Escape cancels (returns None)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label

from workbench.core.analysis.sources.speakers import taken_for
from workbench.core.annotation import Suggested
from workbench.core.corpus.titles import shorten
from workbench.core.nul_text import NUL_WORDS, holds_nul
from workbench.tui.literal import literal
from workbench.tui.typeahead import PromptInput, PromptScreen, answer_binding


class TextPrompt(PromptScreen[str | None]):
    """Asks for one line of text, pre-filled with `value`.

    Escape and Enter answer as they are typed (priority bindings), Enter once the input
    has read the keys typed before it, so the keys typed after them reach the screen
    underneath (workbench.tui.typeahead).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", priority=True),
        answer_binding("prompt.answer"),
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        validators: list[Validator] | None = None,
        hint: str = "Enter saves · Escape cancels",
        replace: bool = False,
        detail: str = "",
        reading: Callable[[str], str] | None = None,
    ) -> None:
        """`replace`: the value is selected when the prompt opens, so typing replaces it
        (a guess); arrows, Home or End keep it. Otherwise the cursor is at its end.
        `detail`: what the answer is about (the sentence), shown above the input.
        `reading`: what the text typed will be taken for, said under the input as it
        is typed ("" says nothing)."""
        super().__init__(classes="prompt-screen")
        self.prompt_title = title
        self.detail = detail
        self.reading = reading
        self.value = value
        self.placeholder = placeholder
        self.validators = validators or []
        self.hint = hint
        self.replacing = replace

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield Label(literal(self.prompt_title, single_line=True), classes="prompt-title")
            if self.detail:
                yield Label(literal(self.detail), classes="prompt-detail")
            yield PromptInput(
                self.value,
                placeholder=self.placeholder,
                validators=self.validators,
                validate_on=["submitted"],
                select_on_focus=self.replacing,
            )
            if self.reading is not None:
                yield Label(literal(self.reading(self.value)), classes="prompt-reading")
            yield Label(self.hint, classes="prompt-hint", markup=False)

    @on(Input.Changed)
    def say_reading(self, event: Input.Changed) -> None:
        if self.reading is not None:
            self.query_one(".prompt-reading", Label).update(literal(self.reading(event.value)))

    def typing_target(self) -> Widget:
        return self.query_one(Input)

    def answer(self) -> None:
        typed = self.query_one(Input)
        checked = typed.validate(typed.value)
        if checked is not None and not checked.is_valid:
            reasons = "; ".join(checked.failure_descriptions)
            self.query_one(".prompt-hint", Label).update(literal(reasons))
            return
        self.dismiss(typed.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoNul(Validator):
    """No U+0000 in a note or source: no store takes one (workbench/core/nul_text.py);
    a paste may bring one, and an old file database may hold one (shown as ␀)."""

    def validate(self, value: str) -> ValidationResult:
        if holds_nul(value):
            return self.failure(f"Not saved: this text {NUL_WORDS}; delete the ␀.")
        return self.success()


DETAIL_LIMIT = 240
"""Characters of the sentence a prompt shows: four lines of its box, so that at 80x24
the prompt, over the middle of the screen, still fits."""


def source_prompt(
    value: str, sentence: str = "", provenance: Suggested | None = None
) -> TextPrompt:
    """The source prompt of every screen: pre-filled with the source or a guess,
    selected so that typing replaces it. It shows the sentence it is about: over the
    middle of a small terminal it covers the sentence being sourced (qa7 Q10 b).
    `provenance`: the suggestion the source is saved with; while the text typed is its
    pronoun or role ("She"), the prompt says whom it is taken for, as the panel does
    once saved: "She" is recorded as the guideline asks, and the reading is never
    taken silently (qa17 Q2)."""

    def reading(typed: str) -> str:
        source = typed.strip()
        speaker = taken_for(source, provenance)
        if speaker is None or speaker == source:
            return ""
        return f"Recorded as “{source}”, taken for {speaker} (the suggestion's reading)."

    return TextPrompt(
        "Source: who says it?",
        value,
        validators=[NoNul()],
        replace=True,
        detail=shorten(sentence, DETAIL_LIMIT),
        reading=reading if provenance is not None else None,
    )


EDIT_MOST = 100_000
"""Characters of a source or note the prompt edits: Textual's input measures its whole
value at each key, and a 30 MB note imported took 5 s to open and 4-8 s a key (tr18)."""


def too_long_to_edit(what: str, value: str) -> str | None:
    """Why `value` is not opened in a prompt (longer than EDIT_MOST), None to open it."""
    if len(value) <= EDIT_MOST:
        return None
    return (
        f"This {what} holds {len(value):,} characters, more than the prompt edits "
        f"({EDIT_MOST:,}): it is kept as it is (an export holds it whole)."
    )


def note_prompt(value: str, sentence: str = "") -> TextPrompt:
    """The note prompt of every screen, with the sentence it is about."""
    return TextPrompt("Note", value, validators=[NoNul()], detail=shorten(sentence, DETAIL_LIMIT))
