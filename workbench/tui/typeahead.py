"""Every key applies, in the order typed, also across a prompt's opening and closing.

Textual reads a key and, unless a priority binding takes it there and then, hands it to
the focused widget's queue and reads the next one; an ordinary binding runs only when
its key comes back up unhandled, checked against whatever screen is on top by then. So
in a burst of keys (a fast typist, a laggy ssh link):

- a tag key just before a prompt key (`c s`) came back up with the prompt already on
  top, and was lost with the claim;
- keys typed straight after a prompt key went to a prompt not yet showing its input;
- keys typed straight after the Enter that answers a prompt (`Enter j`) were handed to
  the prompt's input before it had read the Enter, and died with it;
- inside the input, ctrl+a / ctrl+k ran only after a round trip through the app, behind
  the letters typed after them ("ctrl+a ctrl+k name" came out as the name deleted).

The cure: a screen without an input (the annotate screen) binds every key as a priority
binding, run as the key is read, before the next is. `open_prompt` returns only once the
prompt is mounted and its input has the keyboard focus: the app reads no further key
until then, so the keys typed meanwhile wait and then reach the input, in order. A
prompt's widgets run its key bindings (theirs, then the prompt's) as they read each key
(`run_in_order`), so nothing they are given goes back up to the app behind later keys.
And the keys that answer a prompt (Enter, Escape) are priority bindings too: `answer`
first waits until the prompt's widgets have read every key handed to them before it,
then answers; the prompt is off the screen before the app reads the next key, and its
callback runs before it too.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList

from workbench.tui.widgets.literal_input import LiteralInput

Result = TypeVar("Result")

TYPED_WAIT = 1.0
"""Seconds `answer` waits, at most, for a prompt's widget to read the keys handed to it:
a guard against a widget that is closing; reading a few keys takes well under 1 ms."""


class PromptScreen(ModalScreen[Result]):
    """A modal prompt: the keys typed while it opens go to `typing_target()`; Enter,
    bound as `answer_binding()`, answers with `answer()` once every key typed before it
    has been read."""

    def typing_target(self) -> Widget:
        raise NotImplementedError

    def answer(self) -> None:
        """Answer with what was typed or chosen (dismiss), or say why not."""
        raise NotImplementedError

    async def action_answer(self) -> None:
        await typed(self)
        if self.is_active:
            self.answer()


def answer_binding(id: str) -> Binding:
    """Enter as a priority binding that answers the prompt (PromptScreen.action_answer)."""
    return Binding("enter", "answer", "Answer", show=False, id=id, priority=True)


async def typed(prompt: Widget) -> None:
    """Return once every widget of `prompt` that takes keys has read those handed to it."""
    loop = asyncio.get_running_loop()
    for widget in prompt.query("*"):
        if not widget.focusable:
            continue
        done: asyncio.Future[None] = loop.create_future()
        if widget.call_later(done.set_result, None):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done, TYPED_WAIT)


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


async def run_in_order(widget: Widget, event: events.Key) -> bool:
    """Run the key's binding of `widget` or of its ancestors up to its screen (the first
    that runs), as the widget reads the key; True if one ran. Priority bindings are left
    out: the app has run those already."""
    keymap = widget.app._keymap  # the user's keymap, as Textual applies it
    for node in widget.ancestors_with_self:
        bindings = node._bindings.copy()
        if keymap:
            bindings.apply_keymap(keymap)
        for binding in bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await widget.app.run_action(binding.action, node):
                return True
        if node is widget.screen:
            break
    return False


class PromptInput(LiteralInput):
    """An Input that runs its key bindings, and its prompt's, in typing order (see the
    module doc), and shows control characters as symbols (LiteralInput)."""

    async def _on_key(self, event: events.Key) -> None:
        if await run_in_order(self, event):
            event.stop()
            event.prevent_default()  # Input's own handler would type the key too


class PromptOptionList(OptionList):
    """An OptionList that runs its key bindings (arrows), and its prompt's, in typing
    order, so an Enter typed after them answers with the option they moved to."""

    async def _on_key(self, event: events.Key) -> None:
        if await run_in_order(self, event):
            event.stop()
            event.prevent_default()
