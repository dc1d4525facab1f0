"""The keys each binding has now, for what the screens show (footer chips, help, palette).

The app applies the user's keymap to Textual and hands the same mapping here, so a
screen asks this object, never the app's private state, which key toggles a claim.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from textual.binding import Binding

HelpRow = tuple[str, str, str]
"""A line of the help: keys as shown, what they do, the binding id."""


WIDGET_KEYS: Mapping[str, Sequence[HelpRow]] = {
    "summary": (
        ("tab", "Move on: the tabs, a table, the detail pane (the highlighted line in full, "
         "and why two figures conflict)", ""),
        ("enter", "On a ledger, conflict, anchoring, denial or possible line: open its "
         "sentence in its article", ""),
        ("up, down, pgup, pgdn", "Move through a table's lines, or scroll the detail pane", ""),
        ("home, end", "A table's first or last line; the detail pane's top or bottom", ""),
    ),
}  # fmt: skip
"""Keys a screen's widgets answer, which no binding of the screen names (keymap.toml
changes bindings, not these): the help lists them after the screen's own (qa20 #5: at
80x24 nothing said that Tab shows why two figures conflict, nor that Enter opens the
sentence)."""


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

    def help_rows(self, scope: str) -> list[HelpRow]:
        """What the help (`?`) lists on the screen `scope` ("annotate", "review",
        "summary"): that screen's keys first, its widgets' (WIDGET_KEYS), then the command
        palette's, then every other
        screen's under its name, so that the help of any screen names every id keymap.toml
        can use (README points here)."""
        screens = self.screens()
        rows = self._rows(screens.get(scope, ()))
        rows.extend(WIDGET_KEYS.get(scope, ()))
        rows.append(("ctrl+p", "Command palette (every action by name)", ""))
        for name, bindings in screens.items():
            named = self._rows(bindings) if name != scope else []
            if named:
                rows.append(("", f"— {name} screen —", ""))
            rows.extend(named)
        return rows

    def _rows(self, bindings: Sequence[Binding]) -> list[HelpRow]:
        """(keys, what they do, binding id) of each remappable binding (one with an id)."""
        return [
            (", ".join(self.of(binding)), binding.tooltip or binding.description, binding.id)
            for binding in bindings
            if binding.id
        ]
