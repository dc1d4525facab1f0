"""User key remapping: keymap.toml's entries (read by workbench/config/keymap.py) checked
against Textual before use.

Example `~/.config/workbench/keymap.toml`:

    toggle_claim = "1"
    next_sentence = "j,down,space"

Every problem is reported with the file and line, and only the entry at fault is
ignored (its binding keeps its default keys): an id no screen has ("toggle_clam", with
the closest id as a suggestion), a key Textual would never report ("ctrl+shift+banana"),
and a key that two bindings of one screen would share (`toggle_denial = "c"` would take
`c` from claim, silently, as Textual resolves such a clash). The help screen lists each
binding's id.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from textual.app import App
from textual.binding import Binding, BindingType
from textual.keys import Keys, _character_to_key

from workbench.config.keymap import Keymap, KeymapError, read_keymap_file
from workbench.core.terminal_text import name_printable

MODIFIERS = frozenset({"alt", "ctrl", "hyper", "meta", "shift", "super"})
"""What Textual puts before a key's name, in this (alphabetical) order."""


@cache
def key_names() -> frozenset[str]:
    """Every key name Textual reports without modifiers: named keys (up, f5, escape,
    space...) and the names of the characters on a keyboard (question_mark, slash...)."""
    named = {key.value.rsplit("+", 1)[-1] for key in Keys}
    characters = [chr(code) for code in (*range(0x21, 0x7F), *range(0xA1, 0x100))]
    named.update(_character_to_key(char) for char in characters)
    return frozenset(name for name in named if not name.startswith("<") and name != "ctrl-at")


def normalized_key(text: str) -> str | None:
    """The key as Textual names it in a key event ("?" -> "question_mark", "shift+ctrl+x"
    -> "ctrl+shift+x"), or None when Textual never reports such a key."""
    text = text.strip()
    if len(text) == 1:
        return _character_to_key(text) if text.isprintable() else None
    *modifiers, base = text.split("+")
    if len(set(modifiers)) != len(modifiers) or not MODIFIERS.issuperset(modifiers):
        return None
    if len(base) == 1 and base.isprintable() and base != " ":
        base = _character_to_key(base)
    elif base not in key_names():
        return None
    return "+".join([*sorted(modifiers), base])


def binding_scopes() -> dict[str, list[Binding]]:
    """The remappable bindings of each screen, with the app's own keys: a key may be
    bound once per screen. Imports every screen, so only called when a keymap exists."""
    from workbench.tui.screens.annotate import ANNOTATE_BINDINGS
    from workbench.tui.screens.articles import ArticleListScreen
    from workbench.tui.screens.choice import ChoicePrompt
    from workbench.tui.screens.help import HelpScreen
    from workbench.tui.screens.loading import LoadingScreen
    from workbench.tui.screens.prompt import TextPrompt
    from workbench.tui.screens.review import ReviewScreen
    from workbench.tui.screens.search import SearchScreen
    from workbench.tui.screens.summary import SummaryScreen
    from workbench.tui.widgets.review_table import ReviewTable

    app_keys = [*bindings_of(App.BINDINGS), Binding(App.COMMAND_PALETTE_BINDING, "palette")]
    screens: dict[str, Iterable[BindingType]] = {
        "annotate": ANNOTATE_BINDINGS,
        "review": [*ReviewScreen.BINDINGS, *ReviewTable.BINDINGS],
        "summary": SummaryScreen.BINDINGS,
        "help": HelpScreen.BINDINGS,
        "articles": ArticleListScreen.BINDINGS,
        "choice": ChoicePrompt.BINDINGS,
        "prompt": TextPrompt.BINDINGS,
        "search": SearchScreen.BINDINGS,
        "loading": LoadingScreen.BINDINGS,
    }
    return {name: [*bindings_of(listed), *app_keys] for name, listed in screens.items()}


def bindings_of(listed: Iterable[BindingType]) -> list[Binding]:
    return [binding for binding in listed if isinstance(binding, Binding)]


def load_keymap(
    path: Path | None = None, scopes: Mapping[str, list[Binding]] | None = None
) -> Keymap:
    """The usable entries of the keymap file and a problem (file and line) for each other
    one; an empty Keymap when there is no file. KeymapError when it cannot be read."""
    found = read_keymap_file(path)
    if not found.entries:
        return Keymap()
    path, lines = found.path, found.lines
    scopes = binding_scopes() if scopes is None else scopes
    defaults = {binding.id: binding.key for listed in scopes.values() for binding in listed}
    keymap = Keymap()
    refused: list[tuple[int, str, str]] = []
    for binding_id, keys in found.entries.items():
        problem = entry_problem(binding_id, keys, defaults.keys())
        if problem:
            refused.append((lines.get(binding_id, 0), binding_id, problem))
            continue
        normalized = [normalized_key(key) for key in keys.split(",")]
        keymap.bindings[binding_id] = ",".join(dict.fromkeys(k for k in normalized if k))
    for binding_id, problem in clashes(keymap.bindings, scopes):
        refused.append((lines.get(binding_id, 0), binding_id, problem))
        del keymap.bindings[binding_id]
    for table in found.empty_tables:
        problem = f'[{table}] holds no binding: a keymap is lines of binding_id = "keys"'
        refused.append((lines.get(table, 0), table, problem))
    for line, binding_id, problem in sorted(refused, key=lambda item: item[0]):
        place = f"{name_printable(path)} line {line}" if line else name_printable(path)
        default = defaults.get(binding_id)
        kept = f"; {binding_id} keeps {default}" if default else ""
        keymap.problems.append(f"{place}: {problem} (ignored{kept})")
    return keymap


def entry_problem(binding_id: str, keys: object, known: Iterable[str | None]) -> str | None:
    """Why one entry cannot be used on its own, or None."""
    ids = [name for name in known if name]
    if binding_id not in ids:
        last = binding_id.rsplit(".", 1)[-1]
        close = [last] if last in ids else difflib.get_close_matches(binding_id, ids, n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (the help screen, ?, lists them)"
        return f"unknown binding id {binding_id!r}{hint}"
    if not isinstance(keys, str):
        return f'{binding_id} must be a string of keys, like "j,down", not {toml_kind(keys)}'
    if not keys.strip():
        return (
            f'{binding_id} = "" binds no key: give at least one, like "u" '
            "(a binding cannot be unbound)"
        )
    for key in keys.split(","):
        if not key.strip():
            return f"{keys!r} has an empty key between its commas"
        if normalized_key(key) is None:
            return f"{key.strip()!r} is not a key name (examples: j, J, ctrl+r, f5, question_mark)"
    return None


def toml_kind(value: object) -> str:
    """What a TOML value is, in the words of the file ("a number", "a list")."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "a list" if isinstance(value, list) else "a date or time"


def clashes(bindings: dict[str, str], scopes: Mapping[str, list[Binding]]) -> list[tuple[str, str]]:
    """(binding id, why) for each entry that would give one screen a key twice. Every
    entry in a clash is refused, then the check runs again on the rest (a refused entry
    gives its binding back its default keys, which may clash in turn)."""
    accepted = dict(bindings)
    refused: list[tuple[str, str]] = []
    while True:
        found = first_clash(accepted, scopes)
        if found is None:
            return refused
        key, holders = found
        for binding_id in [name for name in holders if name in accepted]:
            others = " and ".join(label(name) for name in holders if name != binding_id)
            refused.append((binding_id, f"{key} is already {others}"))
            del accepted[binding_id]


def label(holder: str) -> str:
    """ "toggle_claim's key", or for the app's own keys (no id) "the app's key for quit"."""
    return holder if holder.startswith("the app's") else f"{holder}'s key"


def first_clash(
    keymap: Mapping[str, str], scopes: Mapping[str, list[Binding]]
) -> tuple[str, list[str]] | None:
    """The first key bound to two bindings of one screen, and those bindings' names."""
    for listed in scopes.values():
        holders: dict[str, list[str]] = {}
        for binding in listed:
            name = binding.id or f"the app's key for {binding.action}"
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            for key in dict.fromkeys(normalized_key(k) or k for k in keys.split(",")):
                holders.setdefault(key, []).append(name)
        for key, names in holders.items():
            if len(names) > 1 and any(name in keymap for name in names):
                return key, names
    return None


def complete_keymap(
    bindings: Mapping[str, str], scopes: Mapping[str, list[Binding]] | None = None
) -> dict[str, str]:
    """The user's bindings, and every other binding id at its default keys.

    Textual moves each remapped binding to the end of its screen's bindings, so the
    footer would list the remapped keys last; given every binding, it moves them all,
    in their order, and the footer keeps its order. (An id with different default keys
    on different screens is left out: it cannot be given one.)"""
    if not bindings:
        return {}
    scopes = binding_scopes() if scopes is None else scopes
    defaults: dict[str, set[str]] = {}
    for listed in scopes.values():
        for binding in listed:
            if binding.id:
                defaults.setdefault(binding.id, set()).add(binding.key)
    completed = {name: next(iter(keys)) for name, keys in defaults.items() if len(keys) == 1}
    return {**completed, **bindings}


def load_user_keymap(path: Path | None = None) -> Keymap:
    """load_keymap, with a file that cannot be used at all as one problem."""
    try:
        return load_keymap(path)
    except KeymapError as error:
        return Keymap(problems=[f"{error} (the default keys are used)"])
