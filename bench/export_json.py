"""`workbench export --format json` of the largest database.

Measured in process, as the command runs it (open the store, read every annotation,
render, write the file atomically), and the export step alone from an open store.
The naive alternative reads the TinyDB file with TinyDB and dumps all() with indent.
"""

from __future__ import annotations

import json
from pathlib import Path

from tinydb import TinyDB

from bench.report import Figure, Naive, Samples
from bench.timing import timed
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.cli.main import main as workbench_main
from workbench.core.files.atomic import atomic_write_bytes
from workbench.core.interchange.export.from_store import export_bytes

TARGET = 1.0


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    naive = Naive("TinyDB all() + json.dump(indent=2)", tinydb_exports(space, size))
    return [
        Figure(
            "export json (`workbench export --format json -o FILE`, in process)",
            f"{size:,} annotations",
            command_exports(space, size),
            limit=TARGET,
            naive=naive,
        ),
        Figure(
            "export json from an open store (records, prepare, render, atomic write)",
            f"{size:,} annotations",
            open_store_exports(space, size),
            naive=naive,
        ),
    ]


def command_exports(space: Workspace, size: int) -> Samples:
    database = space.store_db(size)
    output = space.scratch_path("export.json")
    arguments = ["export", "--format", "json", "--db", str(database), "-o", str(output)]
    samples = []
    for _run in range(space.scale.slow_repeats):
        samples.append(timed(lambda: check(workbench_main(arguments))))
    return Samples(tuple(samples))


def check(code: int) -> None:
    if code != 0:
        raise RuntimeError(f"workbench export exited with {code}")


def open_store_exports(space: Workspace, size: int) -> Samples:
    output = space.scratch_path("export.json")
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:

        def export() -> None:
            atomic_write_bytes(output, export_bytes(store, "json"))

        return Samples(tuple(timed(export) for _ in range(space.scale.slow_repeats)))


def tinydb_exports(space: Workspace, size: int) -> Samples:
    source = space.tinydb_db(size)
    output = space.scratch_path("naive-export.json")

    def export() -> None:
        with TinyDB(source) as db:
            write_indented(db.all(), output)

    return Samples(tuple(timed(export) for _ in range(space.scale.naive_repeats)))


def write_indented(records: list[dict[str, object]], output: Path) -> None:
    with output.open("w", encoding="utf-8") as handle:
        json.dump({"annotations": records}, handle, indent=2)
