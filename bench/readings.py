"""Derived readings kept beside the database: reading 50,000 of them, and adding them.

50,000 readings is about what 100,000 annotations give the summary (one per distinct
quote, one per pronoun source), each about 300 bytes of JSON: a quote's reading as core
keeps it (its JSON text in one string), and, for comparison, as a small dict of string
and number lists parsed with the rest. They are read as the summary command reads them: a read-only
store, the compacted document (one orjson parse) plus a tail of appended lines. The
naive alternative is the same records as JSON lines, one json.loads per line. The peak
is tracemalloc's, in a run of its own (untimed).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from bench.report import Figure, Naive, Samples
from bench.summary import traced_peak
from bench.timing import repeated, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore

PER_ANNOTATION = 0.5
"""Readings per annotation: 50,000 at the largest size (100,000 annotations)."""
TAIL_SHARE = 25
"""One reading in this many is appended after the last compaction (a session's worth),
read from lines."""
FINGERPRINT = "f" * 64
WORDS = ("troops", "north", "korean", "kursk", "russia", "soldiers", "sent", "region", "said")
READ_TARGET = 0.25
"""A quarter of the summary's one-second budget at 100,000 annotations."""


def records(count: int, seed: int, as_text: bool) -> dict[str, Any]:
    """`count` readings shaped like a quote's, about 300 bytes of JSON each: a small dict
    of lists of strings and numbers, or (`as_text`) that dict's JSON text in one string,
    as core's codec keeps a quote's reading (core/analysis/ledger/readings.py)."""
    rng = random.Random(seed)
    found: dict[str, Any] = {}
    for number in range(count):
        key = f"q:{rng.getrandbits(256):064x}"
        value = {
            "sorted_tokens": sorted(rng.sample(WORDS, 6)),
            "quantities": [[rng.randrange(100, 20_000), "troops"]],
            "names": ["Kim Jong Un"] if number % 3 else [],
            "words": rng.sample(WORDS, 5),
            "figure_keys": [f"troops:{rng.randrange(1000)}"],
            "subject": rng.choice(WORDS),
        }
        found[key] = json.dumps(value) if as_text else value
    return found


def run(space: Workspace) -> list[Figure]:
    count = int(space.scale.largest * PER_ANNOTATION)
    tail = max(1, count // TAIL_SHARE)
    figures = []
    for as_text in (True, False):
        path = space.scratch_path("annotations.json")
        kept, more = records(count, 1, as_text), records(tail, 2, as_text)
        adds = with_adds(path, kept)
        with AnnotationStore.open(path, annotator=ANNOTATOR) as writer:
            writer.add_readings(FINGERPRINT, more)  # stays in the tail (below the fold's size)
            naive_file = naive_lines(path.with_name("readings.jsonl"), {**kept, **more})
            reads = read_samples(path, count + tail, space.scale.slow_repeats * 3)
            peak = traced_peak(lambda: read_only(path))  # noqa: B023 (called at once)
            naive = within_budget(
                lambda _run: naive_read(naive_file),  # noqa: B023
                most=space.scale.slow_repeats * 3,
                budget=20.0,
                least=space.scale.naive_repeats,
            )
            one = repeated(
                lambda run: writer.add_readings(FINGERPRINT, {f"q:one-{run}": more_of(kept)}),  # noqa: B023
                space.scale.repeats,
            )
        shape = "each a JSON string, as core keeps them" if as_text else "each a small dict"
        figures.append(
            Figure(
                f"readings() read-only, document + tail ({shape})",
                f"{count:,} + {tail:,} in the tail",
                Samples(reads.seconds, peak_bytes=peak),
                limit=READ_TARGET,
                naive=Naive("JSON lines, one json.loads per line", naive),
            )
        )
        if as_text:
            figures += [
                Figure(
                    "add_readings of all in one call (an import's, unsynced; folded on close)",
                    f"{count:,} readings",
                    adds,
                ),
                Figure(
                    "add_readings of one reading (a claim tag's, unsynced)",
                    f"{count + tail:,} kept",
                    one,
                    limit=0.001,
                    statistic="p95",
                ),
            ]
    return figures


def more_of(kept: dict[str, Any]) -> Any:
    return next(iter(kept.values()))


def with_adds(path: Path, kept: dict[str, Any]) -> Samples:
    """Time one add of every reading in a new database (its close folds them)."""
    with AnnotationStore.open(path, annotator=ANNOTATOR) as writer:
        return repeated(lambda _run: writer.add_readings(FINGERPRINT, kept), 1)


def read_only(path: Path) -> int:
    with AnnotationStore.open(path, annotator=ANNOTATOR, read_only=True) as reader:
        return len(reader.readings(FINGERPRINT))


def read_samples(path: Path, expected: int, repeats: int) -> Samples:
    with AnnotationStore.open(path, annotator=ANNOTATOR, read_only=True) as reader:
        found = reader.readings(FINGERPRINT)
        if len(found) != expected or reader.warnings:
            raise AssertionError(f"read {len(found)} readings, not {expected}: {reader.warnings}")
        return repeated(lambda _run: reader.readings(FINGERPRINT), repeats)


def naive_lines(file: Path, kept: dict[str, Any]) -> Path:
    with file.open("w", encoding="utf-8") as handle:
        for key, value in kept.items():
            handle.write(json.dumps({"f": FINGERPRINT, "k": key, "v": value}) + "\n")
    return file


def naive_read(file: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    with file.open("rb") as handle:
        for line in handle:
            record = json.loads(line)
            if record["f"] == FINGERPRINT:
                found[record["k"]] = record["v"]
    return found
