"""Which shown toasts a new notice replaces (tui/notices.py)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.tui.notices import MAX_INFORMATION, replaced_by


@dataclass(frozen=True)
class Notice:
    message: str
    title: str = ""
    severity: str = "information"


def test_an_identical_notice_replaces_the_one_shown() -> None:
    shown = [Notice("This is the last article."), Notice("Saved", severity="warning")]
    assert replaced_by(Notice("This is the last article."), shown) == [shown[0]]
    assert replaced_by(Notice("This is the last article.", severity="warning"), shown) == []


def test_only_the_newest_information_notices_stay_and_warnings_are_kept() -> None:
    shown = [Notice(f"n{i}") for i in range(MAX_INFORMATION)] + [Notice("w", severity="error")]
    assert replaced_by(Notice("new"), shown) == [shown[0]]
    assert replaced_by(Notice("new error", severity="error"), shown) == []


def test_the_files_skipped_are_one_notice_naming_the_first_five() -> None:
    """polish20: one warning a file, four alike stacked for four binary files."""
    from workbench.tui.notices import skipped_notice

    assert skipped_notice(["a.txt: binary"]) == ("1 file skipped", "a.txt: binary")
    title, message = skipped_notice([f"{n}.txt: binary" for n in range(7)])
    assert title == "7 files skipped"
    assert message.splitlines() == [
        *(f"{n}.txt: binary" for n in range(5)),
        "… and 2 more files skipped.",
    ]
