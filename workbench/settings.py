"""Where the database lives and who the annotator is: flag, then environment, then default."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DB_ENV = "WORKBENCH_DB"
ANNOTATOR_ENV = "WORKBENCH_ANNOTATOR"


def default_db_path() -> Path:
    """$XDG_DATA_HOME/workbench/annotations.json, never inside the installed package.

    A relative XDG_DATA_HOME is ignored, as the XDG spec says, so the default never
    depends on the current directory.
    """
    data_home = Path(os.environ.get("XDG_DATA_HOME") or "")
    if not data_home.is_absolute():
        data_home = Path.home() / ".local" / "share"
    return data_home / "workbench" / "annotations.json"


def resolve_db_path(flag: str | Path | None) -> Path:
    if flag:
        return Path(flag).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def resolve_annotator(flag: str | None) -> str:
    if flag and flag.strip():
        return flag.strip()
    from_env = os.environ.get(ANNOTATOR_ENV, "").strip()
    if from_env:
        return from_env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"
