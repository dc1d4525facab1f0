"""The keys each binding has now, for what the screens show (footer chips, help, palette).

The app applies the user's keymap to Textual and hands the same mapping here, so a
screen asks this object, never the app's private state, which key toggles a claim.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from textual.binding import Binding


def _plain(binding: Binding) -> str:
    return binding.key


def _no_screens() -> Mapping[str, Sequence[Binding]]:
    return {}


@dataclass(frozen=True, slots=True)
class BoundKeys:
    """Binding id -> keys as applied (`keymap`), shown the way the app shows keys."""

    keymap: Mapping[str, str] = field(default_factory=dict)
    """What the app gave Textual's set_keymap: every id at its keys once a keymap.toml
    exists, else empty (every binding at its default keys)."""
    display: Callable[[Binding], str] = _plain
    """How a key is written for people (App.get_key_display: "ctrl+r" -> "^r")."""
    screens: Callable[[], Mapping[str, Sequence[Binding]]] = _no_screens
    """Every screen's bindings by screen name (keymap.binding_scopes, given by the app:
    it imports every screen, so it is called only when the help opens)."""

    def of(self, binding: Binding) -> list[str]:
        """The keys `binding` has now, each as shown, in the order bound."""
        keys = self.keymap.get(binding.id, binding.key) if binding.id else binding.key
        return [self.display(Binding(key.strip(), "")) for key in keys.split(",")]
