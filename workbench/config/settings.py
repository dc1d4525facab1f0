"""settings.toml: the thresholds, each checked and named with its file and line.

Example `~/.config/workbench/settings.toml`:

    [ledger]
    claim_threshold = 75      # how alike two claims must be to share a ledger entry
    denial_threshold = 70     # how alike a denial and a claim must be to link them

    [anchoring]
    fuzzy_threshold = 65      # how alike a changed sentence must be to keep an annotation

    [suggestions]
    enabled = true            # suggested tags and source on the annotate screen
    lowest_score = 0.40       # 0-1: a suggested tag scoring less is not shown
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from workbench.config.settings_file import SettingsFile, settings_of
from workbench.config.toml_file import ConfigFileError
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.anchoring.threshold import DEFAULT_THRESHOLD

T = TypeVar("T")


def unknown(kind: str, name: str, known: Iterable[str]) -> str:
    """ "unknown ledger setting 'claim_treshold' (did you mean claim_threshold?)" """
    import difflib  # only for a misspelt name: not on every start

    close = difflib.get_close_matches(name, list(known), n=1)
    return f"unknown {kind} {name!r}" + (f" (did you mean {close[0]}?)" if close else "")


RETIRED_LEDGER = {
    "denial_samples": "a denial is compared with every text of a group holding its rare "
    "words or subject (docs/summary.md); remove the line"
}
"""[ledger] settings of earlier versions, and why each went (named, not "unknown")."""


Source = Path | SettingsFile | None
"""The settings file: as read already (settings_file.py: read once, passed along), or
its path (None: the user's), read then."""


def ledger_settings(
    source: Source = None, overrides: Mapping[str, Any] | None = None
) -> LedgerSettings:
    """LedgerSettings from the [ledger] table of the settings file, then `overrides`;
    ConfigFileError naming every problem of the file if [ledger] has one."""
    file = settings_of(source)
    settings, problems = checked_ledger(file, overrides)
    if problems:
        raise every_problem(file, problems)
    return settings


def checked_ledger(
    file: SettingsFile, overrides: Mapping[str, Any] | None = None
) -> tuple[LedgerSettings, list[str]]:
    """The [ledger] settings (a default in place of each bad value) and every problem."""
    defaults = LedgerSettings()
    table = file.document.get("ledger", {})
    if not isinstance(table, dict):
        return defaults, [f"{file.where('ledger')}: [ledger] must be a table"]
    values = {**table, **{k: v for k, v in (overrides or {}).items() if v is not None}}
    known = {field.name: getattr(defaults, field.name) for field in dataclasses.fields(defaults)}
    checked: dict[str, Any] = {}
    problems: list[str] = []
    for name, value in values.items():
        at = file.where("ledger", name)
        if name in RETIRED_LEDGER:
            problems.append(f"{at}: ledger.{name} is no longer a setting: {RETIRED_LEDGER[name]}")
            continue
        if name not in known:
            problems.append(f"{at}: {unknown('ledger setting', name, known)}")
            continue
        default = known[name]
        if isinstance(default, tuple):
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                problems.append(f"{at}: ledger.{name} must be a list of strings")
                continue
            value = tuple(value)
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{at}: ledger.{name} must be a number")
                continue
            value = float(value)
            if name.endswith("threshold") and not 0 <= value <= 100:
                problems.append(f"{at}: ledger.{name} must be between 0 and 100")
                continue
        elif isinstance(default, int) and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            problems.append(f"{at}: ledger.{name} must be a whole number >= 1")
            continue
        checked[name] = value
    return dataclasses.replace(defaults, **checked), problems


def anchoring_threshold(source: Source = None, override: float | None = None) -> float:
    """Re-anchoring's fuzzy threshold (0-100): `override`, else [anchoring] fuzzy_threshold
    of the settings file, else the measured default (docs/decisions/reanchoring.md);
    ConfigFileError naming every problem of the file if [anchoring] has one."""
    if override is not None:
        return override
    return checked_or_refused(source, checked_anchoring)


def checked_or_refused(source: Source, check: Callable[[SettingsFile], tuple[T, list[str]]]) -> T:
    """What `check` reads of the settings file (the user's by default); ConfigFileError
    naming every problem of the file if the section `check` reads has one."""
    file = settings_of(source)
    value, problems = check(file)
    if problems:
        raise every_problem(file, problems)
    return value


def checked_anchoring(file: SettingsFile) -> tuple[float, list[str]]:
    """[anchoring] fuzzy_threshold (the default if it is bad) and every problem."""
    table = file.document.get("anchoring", {})
    if not isinstance(table, dict):
        return DEFAULT_THRESHOLD, [f"{file.where('anchoring')}: [anchoring] must be a table"]
    problems = [
        f"{file.where('anchoring', name)}: "
        + unknown("anchoring setting", name, ["fuzzy_threshold"])
        for name in table
        if name != "fuzzy_threshold"
    ]
    value = table.get("fuzzy_threshold", DEFAULT_THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        problems.append(
            f"{file.where('anchoring', 'fuzzy_threshold')}: "
            "anchoring.fuzzy_threshold must be a number from 0 to 100"
        )
        value = DEFAULT_THRESHOLD
    return float(value), problems


@dataclasses.dataclass(frozen=True, slots=True)
class SuggestionSettings:
    """[suggestions]: whether the annotate screen shows suggestions, and the lowest score
    of a suggested tag it shows (below the suggester's own thresholds, 0.40 for a
    denial and 0.5 for the others, changes nothing: a tag is suggested only from
    there; the default, the lowest of them, shows every suggested tag)."""

    enabled: bool = True
    lowest_score: float = 0.40


def suggestion_settings(source: Source = None) -> SuggestionSettings:
    """[suggestions] of the settings file; ConfigFileError naming every problem of the
    file if [suggestions] has one."""
    return checked_or_refused(source, checked_suggestions)


def checked_suggestions(file: SettingsFile) -> tuple[SuggestionSettings, list[str]]:
    """[suggestions] (a default in place of each bad value) and every problem."""
    defaults = SuggestionSettings()
    table = file.document.get("suggestions", {})
    if not isinstance(table, dict):
        return defaults, [f"{file.where('suggestions')}: [suggestions] must be a table"]
    known = [field.name for field in dataclasses.fields(defaults)]
    problems = [
        f"{file.where('suggestions', name)}: {unknown('suggestions setting', name, known)}"
        for name in table
        if name not in known
    ]
    enabled = table.get("enabled", defaults.enabled)
    if not isinstance(enabled, bool):
        problems.append(
            f"{file.where('suggestions', 'enabled')}: suggestions.enabled must be true or false"
        )
        enabled = defaults.enabled
    lowest = table.get("lowest_score", defaults.lowest_score)
    if isinstance(lowest, bool) or not isinstance(lowest, int | float) or not 0 <= lowest <= 1:
        problems.append(
            f"{file.where('suggestions', 'lowest_score')}: "
            "suggestions.lowest_score must be a number from 0 to 1"
        )
        lowest = defaults.lowest_score
    return SuggestionSettings(enabled, float(lowest)), problems


def every_problem(file: SettingsFile, found: list[str]) -> ConfigFileError:
    """The error for a section that has a problem: every problem of the whole file, so
    that one run names them all (the section's own first if the file has no others)."""
    return ConfigFileError(*dict.fromkeys([*settings_problems(file), *found]))


SECTIONS: dict[str, Callable[[SettingsFile], tuple[object, list[str]]]] = {
    "ledger": checked_ledger,
    "anchoring": checked_anchoring,
    "suggestions": checked_suggestions,
}
"""Each [table] of settings.toml and the function that checks it (its value and every
problem): a new section must be added here, or the start-up check reports it as unknown."""


def settings_problems(source: Source = None) -> list[str]:
    """Every problem of the settings file, each naming the file and line, in the order of
    the sections: reported when the app starts, and by a command that uses a section
    with a problem (which then refuses to run)."""
    file = settings_of(source)
    try:
        problems = unknown_sections(file)
    except ConfigFileError as error:
        return [str(error)]
    for check in SECTIONS.values():
        problems.extend(check(file)[1])
    return sorted(problems, key=lambda problem: _line_of(file.path, problem))


def no_unknown_section(source: Source = None) -> None:
    """ConfigFileError (every problem of the file) if a [table] of the settings file is
    no section: a misspelt heading ("[ledgr]") leaves the analyst's thresholds unapplied,
    so a command refuses it as it refuses an unknown key (qa4 Q5). The app names it at
    start and goes on with the sections that are right."""
    file = settings_of(source)
    if unknown_sections(file):
        raise every_problem(file, [])


def unknown_sections(file: SettingsFile) -> list[str]:
    """A problem for each [table] of the settings file that is no section."""
    data = file.document
    return [
        f"{file.where(name)}: {unknown('section', f'[{name}]', [f'[{s}]' for s in SECTIONS])}"
        for name in data
        if name not in SECTIONS
    ]


def _line_of(path: Path, problem: str) -> int:
    """The line a problem names ("FILE line N: ..."), 0 for the file as a whole."""
    found = re.match(r" line ([0-9]+):", problem[len(str(path)) :])
    return int(found.group(1)) if found else 0
