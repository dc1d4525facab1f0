"""Child process of test_team_store.py: one analyst tagging a PostgreSQL database.

Usage: team_writer.py URL ANNOTATOR OTHER COUNT SEED [START_FILE]

Tags sentence after sentence (article a{n % 20}, sentence n // 20), printing
"ack ARTICLE INDEX TAGS" flushed only once save() has returned, so the parent knows
exactly which writes were acknowledged. COUNT 0 tags until killed. With a START_FILE it
waits for that file first (all writers start together); after its COUNT saves it waits
until it sees OTHER's COUNT annotations (announcements wake it up), then prints one JSON
line: the analysts it heard about and the annotations it sees of each.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from pathlib import Path

from store import open_store
from store.protocol import StoreEvent
from workbench.core.annotation import TAGS, Anchor, Annotation

TEXT = "One sentence here. Another one there. " * 20
WAIT_SECONDS = 60.0


def sentence(annotator: str, number: int, tags: tuple[str, ...]) -> Annotation:
    article, index = f"a{number % 20}", number // 20
    start = 19 * (index % 40)
    anchor = Anchor.in_text(article, "0" * 64, TEXT, index, start, start + 18)
    return Annotation.new(anchor, annotator, tags=tags or ("claim",))


def main(url: str, annotator: str, other: str, count: int, seed: int, start: str | None) -> None:
    rng = random.Random(seed)
    heard: set[str] = set()
    woken = threading.Event()

    def on_event(event: StoreEvent) -> None:
        heard.add(event.annotator)
        woken.set()

    with open_store(url, annotator) as store:
        store.subscribe(on_event)
        if start is not None:
            while not Path(start).exists():
                time.sleep(0.005)
        number = 0
        while count == 0 or number < count:
            tags = tuple(tag for tag in TAGS if rng.random() < 0.5)
            saved = store.save(sentence(annotator, number, tags))
            print(f"ack {saved.article_id} {saved.index} {','.join(saved.tags)}", flush=True)
            number += 1
        deadline = time.monotonic() + WAIT_SECONDS
        while store.count(other) < count and time.monotonic() < deadline:
            woken.wait(0.5)
            woken.clear()
        seen = {name: store.count(name) for name in (annotator, other)}
        print(json.dumps({"heard": sorted(heard), "seen": seen}), flush=True)


if __name__ == "__main__":
    url, annotator, other, count, seed = sys.argv[1:6]
    main(url, annotator, other, int(count), int(seed), sys.argv[6] if len(sys.argv) > 6 else None)
