"""Where each user file lives: the XDG folders, unless a flag or an environment variable
names another place.

The database is data ($XDG_DATA_HOME), settings.toml and keymap.toml are configuration
($XDG_CONFIG_HOME), state.json is state ($XDG_STATE_HOME): losing it costs a default.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.files.database_url import is_server_url

DB_ENV = "WORKBENCH_DB"
SETTINGS_ENV = "WORKBENCH_SETTINGS"
KEYMAP_ENV = "WORKBENCH_KEYMAP"


def default_db_path() -> Path:
    """$XDG_DATA_HOME/workbench/annotations.json, never inside the installed package.

    A relative XDG_DATA_HOME is ignored, as the XDG spec says, so the default never
    depends on the current directory.
    """
    data_home = Path(os.environ.get("XDG_DATA_HOME") or "")
    if not data_home.is_absolute():
        data_home = Path.home() / ".local" / "share"
    return data_home / "workbench" / "annotations.json"


DatabaseLocation = Path | str
"""A database file's path, or a PostgreSQL server's URL (a str)."""


def resolve_database(flag: str | Path | None) -> DatabaseLocation:
    """The database: the flag, then $WORKBENCH_DB, then the default file. A
    postgresql:// URL stays a URL (a team's server); anything else is a path."""
    for given in (flag, os.environ.get(DB_ENV)):
        if given:
            text = str(given)
            return text if is_server_url(text) else Path(text).expanduser()
    return default_db_path()


def config_dir() -> Path:
    """$XDG_CONFIG_HOME/workbench, else ~/.config/workbench."""
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "workbench"


def settings_path() -> Path:
    """settings.toml: $WORKBENCH_SETTINGS, else in the config folder."""
    explicit = os.environ.get(SETTINGS_ENV)
    return Path(explicit).expanduser() if explicit else config_dir() / "settings.toml"


def keymap_path() -> Path:
    """keymap.toml: $WORKBENCH_KEYMAP, else in the config folder."""
    explicit = os.environ.get(KEYMAP_ENV)
    return Path(explicit).expanduser() if explicit else config_dir() / "keymap.toml"


def state_path() -> Path:
    """$XDG_STATE_HOME/workbench/state.json, else ~/.local/state/workbench/state.json."""
    state_home = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state_home) / "workbench" / "state.json"
