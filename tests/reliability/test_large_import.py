"""A large import streams: memory bounded by what the database holds, never the file's text
twice over, and still all or nothing.

The file is generated (big_export.py: annotations as `workbench export --format jsonl`
writes them, about 700 bytes a line) and imported by the real program in a child
process, whose peak RSS is measured. Before issue 11, a 525 MB file peaked at 4.9 GB and
wrote one 1.08 GB journal line; the store now holds the records it imports (about 2 kB
each with their history), and nothing else grows with the file. The quick pass imports
20 MiB and checks the same rules, and that a bad last line refuses the whole file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from store import AnnotationStore

from .big_export import write_export
from .helpers import database_files, import_in_child

MIB = 1 << 20


def import_and_measure(tmp_path: Path, mebibytes: int, figures: Counter[str]) -> float:
    """Import a generated file of `mebibytes` MiB; returns peak RSS / file size."""
    file = tmp_path / "big.jsonl"
    count = write_export(file, mebibytes)
    database = tmp_path / "db" / "annotations.json"
    code, errors, peak = import_in_child(file, database, timeout=1800)
    assert code == 0, errors
    with AnnotationStore.open(database, annotator="analyst", read_only=True) as opened:
        assert opened.count() == count
        assert opened.warnings == []
    size = file.stat().st_size
    figures[f"large import: {size // MIB} MiB file, annotations"] = count
    figures[f"large import: {size // MIB} MiB file, peak RSS (MiB)"] = peak // MIB
    return peak / size


def test_a_20_mib_import_streams_and_a_bad_last_line_refuses_it_all(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(300)
    assert import_and_measure(tmp_path, 20, figures) < 8  # Python's own start-up counts here
    bad = tmp_path / "bad.jsonl"
    write_export(bad, 5)
    with bad.open("a") as out:
        out.write('{"article_id": "big-000"}\n')
    database = tmp_path / "db" / "annotations.json"
    before = database_files(database)
    code, errors, _peak = import_in_child(bad, database)
    assert code == 1 and errors.startswith(f"workbench: {bad} line "), errors
    assert database_files(database) == before
    figures["malformed imports: files refused"] += 1


@pytest.mark.stress
def test_a_525_mb_import_peaks_at_a_few_times_its_size(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(1800)
    ratio = import_and_measure(tmp_path, 500, figures)
    assert ratio < 4, f"peak RSS was {ratio:.1f} times the file"
