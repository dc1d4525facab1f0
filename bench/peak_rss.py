"""Run a command and print its wall-clock seconds, peak RSS and CPU seconds (user and
system): `python -m bench.peak_rss CMD ...`.

bench/summary.py runs commands through this small process rather than directly: a
child forked from the bench process (gigabytes by then) inherits its peak RSS, which
Linux keeps across exec, so wait4 would report the bench's peak, not the command's.
A child of this process starts from this one's few megabytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main(command: list[str]) -> int:
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime  # what a loaded machine inflates least
    print(f"{elapsed} {usage.ru_maxrss * 1024} {cpu}")  # ru_maxrss is in kilobytes on Linux
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
