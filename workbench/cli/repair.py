"""`workbench repair`: recover a damaged database, keeping the damaged files, naming the loss.

Opening never repairs: damage is refused with a message that points here. Repair moves
every original file aside unchanged (FILE.damaged-TIMESTAMP...), writes a database of
what can be trusted, and prints exactly what was kept, lost and left unverified.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import fail, no_database, one_line
from workbench.core.terminal_text import name_printable

HELP = "recover what can be trusted from a damaged database (the damaged files are kept)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Run it when workbench refuses to open a database. The original files are renamed "
        "to FILE.damaged-TIMESTAMP... and never deleted."
    )


def run(args: argparse.Namespace) -> int:
    from store import AnnotationStore, StoreError
    from store.repair import repair
    from workbench.config.locations import resolve_database

    path = resolve_database(args.db)
    if not isinstance(path, Path):
        return fail(
            "repair mends a database file; a PostgreSQL server keeps its own data safe "
            "(restore it from the server's backups)"
        )
    problem = no_database(path, "give one with --db FILE")
    if problem is not None:
        return fail(problem)
    try:
        report = repair(path)
    except StoreError as error:
        return fail(str(error))
    out = sys.stdout
    if report.healthy:
        out.write(f"{name_printable(path)} opens without damage: nothing was changed.\n")
        for warning in report.warnings:
            out.write(f"  note: {one_line(warning)}\n")
        return 0
    try:
        with AnnotationStore.open(path, annotator="repair", read_only=True) as repaired:
            count, orphans = repaired.count(), repaired.orphan_count()
    except StoreError as error:
        return fail(f"the repaired database does not open: {error}")
    out.write(f"Repaired {name_printable(path)}: it opens with {opens_with(count, orphans)}.\n")
    out.write("The damaged files are kept, unchanged:\n")
    for original, aside in report.moved:
        out.write(f"  {name_printable(original.name)} -> {name_printable(aside.name)}\n")
    recovery = report.recovery
    sections = [
        ("Damaged", recovery.damaged, ""),
        ("Kept", recovery.kept, ""),
        ("Corrected from the history", recovery.corrected, None),
        ("Lost", recovery.lost, "nothing"),
        ("Not verified (kept as found)", recovery.unverified, None),
    ]
    for title, lines, when_empty in sections:
        if lines:
            out.write(f"{title}:\n")
            out.writelines(f"  {one_line(line)}\n" for line in lines)
        elif when_empty:
            out.write(f"{title}: {when_empty}.\n")
    return 0


def opens_with(count: int, orphans: int) -> str:
    """ "1 annotation and 2 orphaned ones": the orphans counted too, as the report's "Kept"
    lines count them (qa14 Q22: "it opens with 84 annotations" above "the snapshot (85
    annotations)" read as one lost)."""
    words = f"{count:,} annotation{'' if count == 1 else 's'}"
    if orphans:
        words += f" and {orphans:,} orphaned {'one' if orphans == 1 else 'ones'}"
    return words
