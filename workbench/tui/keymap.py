"""User key remapping: a TOML file mapping binding ids to keys.

Example `~/.config/workbench/keymap.toml`:

    toggle_claim = "1"
    next_sentence = "j,down,space"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

KEYMAP_ENV = "WORKBENCH_KEYMAP"


def keymap_path() -> Path:
    explicit = os.environ.get(KEYMAP_ENV)
    if explicit:
        return Path(explicit).expanduser()
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "workbench" / "keymap.toml"


class KeymapError(ValueError):
    """The keymap file exists but cannot be used."""


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding id -> comma-separated keys; empty when there is no keymap file."""
    path = path or keymap_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise KeymapError(f"{path}: cannot read keymap ({error.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: not a valid TOML keymap ({error})") from None
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(f'{path}: {binding_id} must be a string of keys, like "j,down"')
        keymap[binding_id] = keys.replace(" ", "")
    return keymap
