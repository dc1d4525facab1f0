"""kill -9 at random moments while the real app tags sentences: no acknowledged tag is lost.

app_tagger.py runs WorkbenchApp under Pilot and reports each tag the annotation panel
showed as saved. The parent SIGKILLs it at a random moment (during start-up, between
keys, or a few milliseconds after a key, when the write or a compaction is under way),
then opens a copy of the database as the crash left it and checks that it holds every
acknowledged tag, on the right sentence. The next child continues on the crashed files
themselves, so each start also recovers from the previous kill. test_crash.py does the
same for the bare store; this one covers the whole path from key to disk.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.core.annotation import normalise_tags
from workbench.core.corpus.articles import Corpus, load_corpus

from .helpers import copy_database

TAGGER = Path(__file__).with_name("app_tagger.py")
ANNOTATOR = "tagger"
Key = tuple[str, int]
Tags = tuple[str, ...]


@dataclass
class Acknowledged:
    """What the app has acknowledged so far, and the one tag key that may be in flight."""

    tags: dict[Key, Tags] = field(default_factory=dict)
    in_flight: tuple[Key, Tags] | None = None
    acks: int = 0

    def follow(self, lines: list[str]) -> None:
        """Apply one child's complete output lines."""
        self.in_flight = None
        for line in lines:
            word, *rest = line.split(" ", 3)
            if word == "begin":
                self.in_flight = (parse_key(rest), parse_tags(rest[2]))
            elif word == "ack":
                assert self.in_flight is not None, f"ack without begin: {line!r}"
                key, tags = parse_key(rest), parse_tags(rest[2])
                assert (key, tags) == self.in_flight, f"app saved {tags}, expected {self.in_flight}"
                self.tags[key] = tags
                self.in_flight = None
                self.acks += 1
            elif word == "refused":
                raise AssertionError(f"the app refused a write with no fault injected: {line}")


def parse_key(words: list[str]) -> Key:
    return words[0], int(words[1])


def parse_tags(text: str) -> Tags:
    return normalise_tags(text.split(",")) if text else ()


def run_and_kill(database: Path, seed: int, rng: random.Random, longest: int) -> list[str]:
    """Start the app, kill it at a random moment (after at most `longest` reported
    lines); return its complete output lines."""
    errors = database.with_name("tagger.stderr")
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(TAGGER), str(database), str(seed)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert child.stdout is not None
    output = ""
    try:
        # -1: during start-up (opening, recovering, compacting, first frame); 0: right
        # after the first frame; else after a number of begin/ack lines.
        roll = rng.random()
        wanted = -1 if roll < 0.15 else 0 if roll < 0.3 else rng.randrange(1, longest)
        if wanted < 0:
            time.sleep(rng.random() * 0.6)
        lines = 0
        while lines < wanted:
            line = child.stdout.readline()
            if not line:
                break
            output += line
            lines += line.startswith(("begin", "ack"))
        # Most kills land a few milliseconds after a key, inside the save; some later.
        time.sleep(rng.random() * (0.01 if rng.random() < 0.7 else 0.08))
    finally:
        child.send_signal(signal.SIGKILL)
    output += child.stdout.read()
    child.stdout.close()
    assert child.wait(timeout=30) == -signal.SIGKILL, errors.read_text()
    return output.split("\n")[:-1]  # a line cut short by the kill is not a report


def check(
    database: Path, seen: Acknowledged, corpus: Corpus, scratch: Path, figures: Counter[str]
) -> int:
    """Open the crashed database (a copy) and compare; returns the tags verified."""
    with AnnotationStore.open(copy_database(database, scratch), annotator=ANNOTATOR) as opened:
        stored = {(a.article_id, a.index): a for a in opened.all(ANNOTATOR)}
        torn = any("incomplete last change" in warning for warning in opened.warnings)
    figures["app kill -9: torn journal tails dropped on open"] += torn
    if seen.in_flight is not None:
        key, tags = seen.in_flight
        now = stored[key].tags if key in stored else ()
        assert now in {seen.tags.get(key, ()), tags}, f"in-flight {key} is neither old nor new"
        figures["app kill -9: kills with a tag key in flight"] += 1
        seen.tags[key] = now
    wanted = {key: tags for key, tags in seen.tags.items() if tags}
    assert {key: a.tags for key, a in stored.items()} == wanted
    for (article_id, index), annotation in stored.items():
        sentence = corpus.by_id[article_id].sentences[index]
        assert annotation.quote == sentence.text, f"tag on the wrong text at {article_id}:{index}"
    return len(wanted)


def kill_repeatedly(
    tmp_path: Path, kills: int, longest: int, seed: int, figures: Counter[str]
) -> None:
    database = tmp_path / "db" / "annotations.json"
    database.parent.mkdir()
    corpus = load_corpus()
    rng = random.Random(seed)
    seen = Acknowledged()
    for round_number in range(kills):
        seen.follow(run_and_kill(database, seed * 1000 + round_number, rng, longest))
        verified = check(database, seen, corpus, tmp_path / "check", figures)
        figures["app kill -9: kills survived"] += 1
        figures["app kill -9: tagged sentences verified after a kill"] += verified
    figures["app kill -9: acknowledged tag writes"] += seen.acks
    assert seen.acks > kills, "the app acknowledged too few tags to test anything"


def test_kill_9_while_the_app_tags_loses_no_acknowledged_tag(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(120)
    kill_repeatedly(tmp_path, kills=10, longest=16, seed=7, figures=figures)


@pytest.mark.stress
def test_kill_9_while_the_app_tags_many_times(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(1800)
    kill_repeatedly(tmp_path, kills=200, longest=60, seed=8, figures=figures)
