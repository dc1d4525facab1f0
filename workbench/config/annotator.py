"""Who is annotating: the flag, then the environment, then the login name."""

from __future__ import annotations

import getpass
import os

ANNOTATOR_ENV = "WORKBENCH_ANNOTATOR"


def named_by_user(flag: str | None) -> bool:
    """True if `--annotator` or WORKBENCH_ANNOTATOR names the analyst; False when the
    login name stands in (a shell where neither was set: the analyst's work then looks
    gone, qa14 Q11)."""
    return bool((flag and flag.strip()) or os.environ.get(ANNOTATOR_ENV, "").strip())


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
