"""User settings files under the config folder: thresholds (settings.toml).

Example `~/.config/workbench/settings.toml`:

    [ledger]
    claim_threshold = 75      # how alike two claims must be to share a ledger entry
    denial_threshold = 70     # how alike a denial and a claim must be to link them

    [anchoring]
    fuzzy_threshold = 65      # how alike a changed sentence must be to keep an annotation
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.core.anchoring import DEFAULT_THRESHOLD
from workbench.core.ledger import LedgerSettings
from workbench.core.regular_files import read_regular

SETTINGS_ENV = "WORKBENCH_SETTINGS"


class SettingsError(ValueError):
    """A settings file that exists but cannot be used; the message names it."""


def config_dir() -> Path:
    """$XDG_CONFIG_HOME/workbench, else ~/.config/workbench."""
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "workbench"


def settings_path() -> Path:
    explicit = os.environ.get(SETTINGS_ENV)
    return Path(explicit).expanduser() if explicit else config_dir() / "settings.toml"


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The TOML document at `path`, {} when there is none; SettingsError when unreadable."""
    try:
        raw = read_regular(path)  # a FIFO in its place must not hang the start
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise SettingsError(f"{path}: cannot read {what} ({error.strerror})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{path}: not a valid TOML {what} ({error})") from None


def ledger_settings(
    path: Path | None = None, overrides: Mapping[str, Any] | None = None
) -> LedgerSettings:
    """LedgerSettings from the [ledger] table of the settings file, then `overrides`."""
    path = path or settings_path()
    table = read_toml(path, "settings file").get("ledger", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [ledger] must be a table")
    values = {**table, **{k: v for k, v in (overrides or {}).items() if v is not None}}
    defaults = LedgerSettings()
    known = {field.name: getattr(defaults, field.name) for field in dataclasses.fields(defaults)}
    checked: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise SettingsError(f"{path}: unknown ledger setting {name!r}")
        default = known[name]
        if isinstance(default, tuple):
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise SettingsError(f"{path}: ledger.{name} must be a list of strings")
            value = tuple(value)
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise SettingsError(f"{path}: ledger.{name} must be a number")
            value = float(value)
            if name.endswith("threshold") and not 0 <= value <= 100:
                raise SettingsError(f"{path}: ledger.{name} must be between 0 and 100")
        elif isinstance(default, int) and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise SettingsError(f"{path}: ledger.{name} must be a whole number >= 1")
        checked[name] = value
    return dataclasses.replace(defaults, **checked)


def anchoring_threshold(path: Path | None = None, override: float | None = None) -> float:
    """Re-anchoring's fuzzy threshold (0-100): `override`, else [anchoring] fuzzy_threshold
    of the settings file, else the measured default (docs/decisions/reanchoring.md)."""
    if override is not None:
        return override
    path = path or settings_path()
    table = read_toml(path, "settings file").get("anchoring", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [anchoring] must be a table")
    unknown = sorted(set(table) - {"fuzzy_threshold"})
    if unknown:
        raise SettingsError(f"{path}: unknown anchoring setting {unknown[0]!r}")
    value = table.get("fuzzy_threshold", DEFAULT_THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise SettingsError(f"{path}: anchoring.fuzzy_threshold must be a number from 0 to 100")
    return float(value)
