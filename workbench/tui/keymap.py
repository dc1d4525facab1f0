"""User key remapping: a TOML file mapping binding ids to keys.

Example `~/.config/workbench/keymap.toml`:

    toggle_claim = "1"
    next_sentence = "j,down,space"
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.user_config import SettingsError, config_dir, read_toml

KEYMAP_ENV = "WORKBENCH_KEYMAP"


def keymap_path() -> Path:
    explicit = os.environ.get(KEYMAP_ENV)
    return Path(explicit).expanduser() if explicit else config_dir() / "keymap.toml"


class KeymapError(SettingsError):
    """The keymap file exists but cannot be used."""


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding id -> comma-separated keys; empty when there is no keymap file."""
    path = path or keymap_path()
    try:
        data = read_toml(path, "keymap")
    except SettingsError as error:
        raise KeymapError(str(error)) from None
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(f'{path}: {binding_id} must be a string of keys, like "j,down"')
        keymap[binding_id] = keys.replace(" ", "")
    return keymap
