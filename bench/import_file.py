"""Reading an export back (`read_import`: decode, refuse repeated keys, validate).

The largest database is exported as json and as jsonl, then read back as
`workbench import` reads it before anything is written. The alternative is the decoder
used before repeated keys were refused: orjson, which is faster but keeps the last
value of a repeated key without a word, followed by the same validation.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import orjson

from bench.report import Figure, Naive, Samples
from bench.timing import timed
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.core.interchange import importing
from workbench.core.interchange.export.from_store import export_bytes


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    figures = []
    for format_name in ("json", "jsonl"):
        path = exported(space, size, format_name)
        figures.append(
            Figure(
                f"read an import file, {format_name} (decode, repeated keys, validate)",
                f"{size:,} annotations",
                reads(path, space.scale.slow_repeats),
                naive=Naive(
                    "orjson.loads (keeps the last of a repeated key)",
                    reads(path, space.scale.naive_repeats, decoder=orjson_decode),
                ),
            )
        )
    return figures


def exported(space: Workspace, size: int, format_name: str) -> Path:
    path = space.scratch_path(f"export.{format_name}")
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:
        path.write_bytes(export_bytes(store, format_name))
    return path


def orjson_decode(raw: bytes, where: importing.Location) -> object:
    return orjson.loads(raw)


def reads(path: Path, repeats: int, decoder: object = None) -> Samples:
    def read() -> None:
        batch = importing.read_import(path)
        if not batch.annotations:
            raise RuntimeError(f"{path}: nothing read")

    samples = []
    for _run in range(max(1, repeats)):
        if decoder is None:
            samples.append(timed(read))
        else:
            with mock.patch.object(importing, "decode_json", decoder):
                samples.append(timed(read))
    return Samples(tuple(samples))
