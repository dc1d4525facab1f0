"""Child process for test_crash.py: writes annotations until it is killed.

Usage: crash_writer.py DATABASE SEED. Before each save it prints
"begin ARTICLE INDEX TAGS", and only after save() has returned "ack ARTICLE INDEX", each
line flushed at once, so the parent knows exactly which writes were acknowledged. The
compaction threshold is tiny so that kills also land in the middle of compactions.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import store.journal
from store import AnnotationStore
from workbench.core.annotation import TAGS, Anchor, Annotation

TEXT = "One sentence here. Another one there. " * 20


def main(database: Path, seed: int) -> None:
    store.journal.MIN_COMPACTION_BYTES = 16 * 1024
    rng = random.Random(seed)
    opened = AnnotationStore.open(database, annotator="writer")
    while True:
        article, index = f"a{rng.randrange(20)}", rng.randrange(40)
        tags = tuple(tag for tag in TAGS if rng.random() < 0.5)
        start = 19 * (index % 40)
        anchor = Anchor.in_text(article, "0" * 64, TEXT, index, start, start + 18)
        print(f"begin {article} {index} {','.join(tags)}", flush=True)
        opened.save(Annotation.new(anchor, "writer", tags=tags))
        print(f"ack {article} {index}", flush=True)
        if rng.random() < 0.2:
            opened.set_position(article, index)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
