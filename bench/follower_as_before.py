"""The keeper following an app's session as before tok11, for bench/kept_follow.py's
comparison in the same run: the store read afresh for each content (no ReadMemo), the
rest as now. Run as `python -m bench.follower_as_before --annotator NAME --follow PID`
(the database from WORKBENCH_DB), at the keeper's priority."""

from __future__ import annotations

import contextlib
import os
import sys

from workbench.cli import followed_summary, summary_keeper


def _no_memo() -> None:
    return None


if __name__ == "__main__":
    setattr(followed_summary, "ReadMemo", _no_memo)  # noqa: B010 (a name it only imports)
    with contextlib.suppress(OSError):
        os.nice(summary_keeper.NICENESS)
    sys.exit(summary_keeper.main())
