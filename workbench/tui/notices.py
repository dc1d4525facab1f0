"""Toasts that do not pile up: a repeated notice replaces the one shown, and only the
newest few information notices stay on screen.

Pressing J five times at the last article used to stack five "This is the last
article." toasts; five undos stacked five. Now a notice identical to one shown (text,
title and severity) takes its place, shown afresh for its full time, and at most
MAX_INFORMATION information notices are shown at once (the oldest goes first). Warnings
and errors are never dismissed early by newer notices: only by an identical one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

MAX_INFORMATION = 3
"""Information notices shown at once; the newest stay."""


class Shown(Protocol):
    @property
    def message(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def severity(self) -> str: ...


N = TypeVar("N", bound=Shown)


def replaced_by(new: Shown, shown: Iterable[N]) -> list[N]:
    """The notices (oldest first in `shown`) that `new` takes off the screen."""
    shown = list(shown)
    same = (new.message, new.title, new.severity)
    gone = [old for old in shown if (old.message, old.title, old.severity) == same]
    if new.severity == "information":
        staying = [old for old in shown if old.severity == "information" and old not in gone]
        gone += staying[: max(0, len(staying) - (MAX_INFORMATION - 1))]
    return gone


SKIPPED_NAMED = 5
"""Files the start-up notice of the files skipped names; the others are counted."""


def skipped_notice(problems: Sequence[object]) -> tuple[str, str]:
    """(title, message) of one notice for every article file skipped at start: one
    toast each stacked four alike for four binary files, each shown till it timed out
    (polish20). The first SKIPPED_NAMED are named with why, one a line; the rest are
    counted (`workbench sentences PATH` names them all on stderr)."""
    lines = [str(problem) for problem in problems[:SKIPPED_NAMED]]
    if len(problems) > SKIPPED_NAMED:
        lines.append(f"… and {len(problems) - SKIPPED_NAMED:,} more files skipped.")
    count = len(problems)
    return f"{count:,} file{'' if count == 1 else 's'} skipped", "\n".join(lines)


SETTINGS_NOTICE_SECONDS = 30.0
"""How long the start-up notice of keymap.toml's and settings.toml's problems stays."""


def settings_notice(problems: Sequence[str]) -> str:
    """One notice for every problem found in keymap.toml and settings.toml: one toast each
    stacked them, and at 80x24 the later notices pushed the first off the top of the screen
    (qa9 Q12). The help screen (`?`) lists them again, for as long as the app runs."""
    return "\n".join(problems) + "\nEach is ignored: its default applies. ? lists them again."


def others_here(me: str, held: Sequence[tuple[str, int]]) -> str:
    """The start-up notice of an analyst named by the login name alone, on a database
    holding other analysts' annotations and none of theirs (qa14 Q11): their work
    looked gone. `held`: each other analyst and their annotations, most first."""
    named = ", ".join(f"{name!r} ({count:,})" for name, count in held[:3])
    if len(held) > 3:
        named += f" and {len(held) - 3} more"
    return (
        f"You are {me!r}, your login name: neither --annotator nor WORKBENCH_ANNOTATOR "
        f"named you. This database holds the annotations of {named}, none of them yours: "
        "yours start empty here. To work as one of them, quit (q) and open it again with "
        "--annotator NAME."
    )
