"""Prompts own every key typed from the moment they open.

Textual reads a key, hands it to the focused widget's queue and reads the next one; a
key binding runs only when its key comes back up unhandled. So keys typed straight after
`s` were handed to the annotate screen, or to a prompt not yet showing its input, and
were lost ("ebenzia" for "Mr. Nebenzia"; 9 of 113 sources in a fast keyboard pass).

The cure has three parts. The keys that open a prompt (and a short list's digits, which
answer one) are priority bindings: they run as the key is read, before the next key is.
`open_prompt` returns only once the prompt is mounted and its input has the keyboard
focus; the app reads no further key until then (Textual also awaits a pushed screen's
mount before the app's next message), so the keys typed meanwhile wait in its queue and
then reach the input, in order. And the prompt's `PromptInput` runs its own key bindings
(ctrl+a, ctrl+k, Enter) as it reads them: Textual would run them only after a round trip
through the app, behind the letters typed after them, so a burst of "ctrl+a ctrl+k name"
came out as the name deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.screen import ModalScreen
from textual.widget import Widget

from workbench.tui.widgets.literal_input import LiteralInput

Result = TypeVar("Result")


class PromptScreen(ModalScreen[Result]):
    """A modal prompt: the keys typed while it opens go to `typing_target()`."""

    def typing_target(self) -> Widget:
        raise NotImplementedError


async def open_prompt(
    app: App[Any],
    prompt: PromptScreen[Result],
    callback: Callable[[Result | None], Any] | None = None,
) -> None:
    """Push `prompt` and return once its typing target has the focus (see module doc).

    Await it from an action run by a priority binding, or from the callback of an
    earlier prompt's answer: both run before the app reads the next key.
    """
    await app.push_screen(prompt, callback)
    prompt.set_focus(prompt.typing_target(), scroll_visible=False)


class PromptInput(LiteralInput):
    """An Input that runs its own key bindings in typing order (see the module doc), and
    shows control characters as symbols (LiteralInput)."""

    async def _on_key(self, event: events.Key) -> None:
        bindings = self._bindings.copy()
        keymap = self.app._keymap  # the user's keymap, as Textual applies it
        if keymap:
            bindings.apply_keymap(keymap)
        for binding in bindings.key_to_bindings.get(event.key, ()):
            if await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # Input's own handler would type the key too
                return
