"""Child process of bench/team_store.py: one analyst saving as fast as it can.

Usage: python -m bench.team_writer URL ANNOTATOR SAVES START_FILE

Opens the store, waits for START_FILE (every writer starts together), saves SAVES
annotations on sentences of its own, and prints one JSON line: when it started and
ended (wall clock, comparable across processes) and each save's seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from store import open_store
from workbench.core.annotation import Anchor, Annotation

TEXT = "One sentence here. Another one there. " * 20


def main(url: str, annotator: str, saves: int, start_file: Path) -> None:
    with open_store(url, annotator) as store:
        while not start_file.exists():
            time.sleep(0.001)
        latencies: list[float] = []
        started = time.time()
        for number in range(saves):
            index = number % 40
            anchor = Anchor.in_text(
                f"w{number // 40}", "0" * 64, TEXT, index, 19 * index, 19 * index + 18
            )
            annotation = Annotation.new(anchor, annotator, tags=("claim",))
            begin = time.perf_counter()
            store.save(annotation)
            latencies.append(time.perf_counter() - begin)
        print(json.dumps({"start": started, "end": time.time(), "latencies": latencies}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
