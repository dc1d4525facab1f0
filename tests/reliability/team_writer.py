"""Child process of test_team_store.py: one analyst tagging a PostgreSQL database.

Usage: team_writer.py [--retry] [--hold FILE] URL ANNOTATOR OTHER COUNT SEED [START_FILE]

Tags sentence after sentence (article a{n % 20}, sentence n // 20), printing
"ack ARTICLE INDEX TAGS" flushed only once save() has returned, so the parent knows
exactly which writes were acknowledged. COUNT 0 tags until killed. With a START_FILE it
prints "listening" once its subscription listens, then waits for that file (all writers
start together, each hearing the other's first save); after its COUNT saves it waits
until it sees OTHER's COUNT annotations (announcements wake it up), then prints one JSON
line: the analysts it heard about, the kinds of announcement, the annotations it sees
of each, and OTHER's as it reads them ([article, index, tags]).

--retry is the analyst who presses the key again: a save refused with "not saved:
connection lost" prints "lost ARTICLE INDEX" and is tried again (every few
milliseconds, for up to RETRY_SECONDS) instead of ending the process; reads that find
no server are tried again too. Each save then pauses PACE_SECONDS, so that a server
restart lands in the middle of the run. --hold FILE makes sure it does, however slow the
restart: ten saves before the end the writer waits for FILE (the parent makes it once the
server is back), so its last saves meet the cut connection.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from store import ConnectionLostError, ServerError, open_store
from store.protocol import StoreEvent
from workbench.core.annotation import TAGS, Anchor, Annotation

TEXT = "One sentence here. Another one there. " * 20
WAIT_SECONDS = 60.0
RETRY_SECONDS = 60.0
PACE_SECONDS = 0.004
R = TypeVar("R")


def sentence(annotator: str, number: int, tags: tuple[str, ...]) -> Annotation:
    article, index = f"a{number % 20}", number // 20
    start = 19 * (index % 40)
    anchor = Anchor.in_text(article, "0" * 64, TEXT, index, start, start + 18)
    return Annotation.new(anchor, annotator, tags=tags or ("claim",))


def wait_for(path: Path) -> None:
    """Until `path` exists (at most WAIT_SECONDS)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.005)


def persistently(work: Callable[[], R], retry: bool, lost: Callable[[], None]) -> R:
    """work(), tried again while the server is away if `retry` (else once)."""
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            return work()
        except (ConnectionLostError, ServerError):
            if not retry or time.monotonic() > deadline:
                raise
            lost()
            time.sleep(0.02)


def main(
    url: str,
    annotator: str,
    other: str,
    count: int,
    seed: int,
    start: str | None,
    retry: bool,
    hold: str | None = None,
) -> None:
    rng = random.Random(seed)
    heard: set[str] = set()
    kinds: set[str] = set()
    woken = threading.Event()

    def on_event(event: StoreEvent) -> None:
        heard.add(event.annotator)
        kinds.add(event.kind)
        woken.set()

    def nothing() -> None:
        return None

    with open_store(url, annotator) as store:
        store.subscribe(on_event)
        if start is not None:
            print("listening", flush=True)  # the parent starts the race once all listen
            wait_for(Path(start))
        number = 0
        while count == 0 or number < count:
            if hold is not None and number == count - 10:
                wait_for(Path(hold))
            tags = tuple(tag for tag in TAGS if rng.random() < 0.5)
            wanted = sentence(annotator, number, tags)

            def said_lost(wanted: Annotation = wanted) -> None:
                print(f"lost {wanted.article_id} {wanted.index}", flush=True)

            saved = persistently(lambda wanted=wanted: store.save(wanted), retry, said_lost)
            print(f"ack {saved.article_id} {saved.index} {','.join(saved.tags)}", flush=True)
            number += 1
            if retry:
                time.sleep(PACE_SECONDS)
        deadline = time.monotonic() + WAIT_SECONDS
        while (
            persistently(lambda: store.count(other), retry, nothing) < count
            or other not in heard  # its saves can be counted before their news arrives
        ) and time.monotonic() < deadline:
            woken.wait(0.5)
            woken.clear()
        seen = {
            name: persistently(lambda name=name: store.count(name), retry, nothing)
            for name in (annotator, other)
        }
        others = [
            [a.article_id, a.index, list(a.tags)]
            for a in persistently(lambda: store.all(other), retry, nothing)
        ]
        print(
            json.dumps(
                {"heard": sorted(heard), "kinds": sorted(kinds), "seen": seen, "others": others}
            ),
            flush=True,
        )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    retrying = "--retry" in arguments
    if retrying:
        arguments.remove("--retry")
    held = None
    if "--hold" in arguments:
        at = arguments.index("--hold")
        held = arguments[at + 1]
        del arguments[at : at + 2]
    url, annotator, other, count, seed = arguments[:5]
    main(
        url,
        annotator,
        other,
        int(count),
        int(seed),
        arguments[5] if len(arguments) > 5 else None,
        retrying,
        held,
    )
