"""Who is annotating, and whether anyone said so (qa14 Q11: the login name standing in
for an analyst nobody named made their work look gone)."""

from __future__ import annotations

import getpass

import pytest

from workbench.config.annotator import ANNOTATOR_ENV, named_by_user, resolve_annotator


def test_the_flag_then_the_environment_name_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ANNOTATOR_ENV, raising=False)
    assert named_by_user("ana") and resolve_annotator("ana") == "ana"
    assert not named_by_user(None) and not named_by_user("  ")
    assert resolve_annotator(None) == getpass.getuser()
    monkeypatch.setenv(ANNOTATOR_ENV, "bób")
    assert named_by_user(None) and resolve_annotator(None) == "bób"
