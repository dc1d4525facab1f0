"""`workbench copy-db SOURCE TARGET`: a whole database into an empty one, either engine.

Annotations (orphans too), their history, the remembered articles, positions and
ledger decisions go across as they are (one transaction on a server, staged journal
lines in a file: all or nothing). The copy is then checked: the json export of each,
history included, must be the same document, and so must the positions and decisions,
which no export carries. The source is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.common import database_named, fail, warn

if TYPE_CHECKING:
    from store import DatabaseContent, Store

HELP = "copy a whole database (file or postgresql:// URL) into an empty one, and verify it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", metavar="SOURCE", type=database_named, help="the database to copy (FILE or URL)"
    )
    parser.add_argument(
        "target",
        metavar="TARGET",
        type=database_named,
        help="an empty or new database (FILE or URL)",
    )
    parser.epilog = (
        "Moves a team to a server (copy-db annotations.json postgresql://HOST/DB) or takes "
        "a server's database home as a file (copy-db postgresql://HOST/DB copy.json). "
        "Nothing is merged: the target must be empty. --db is not used."
    )


def run(args: argparse.Namespace) -> int:
    from store import StoreError, database_exists, open_store
    from workbench.config.locations import resolve_database
    from workbench.core.files.database_url import is_server_url, shown_location
    from workbench.core.files.links import link_loop
    from workbench.core.terminal_text import name_printable

    source_location = resolve_database(args.source)
    target_location = resolve_database(args.target)
    source_name = name_printable(shown_location(source_location))
    target_name = name_printable(shown_location(target_location))
    if str(source_location) == str(target_location):
        return fail(f"{source_name} is both the source and the target")
    if one_file(source_location, target_location):  # a link, or another name of it
        return fail(
            f"{target_name} is {source_name} under another name (a link to it): the source "
            "and the target are one database"
        )
    loop = link_loop(Path(source_location)) if not isinstance(source_location, str) else None
    if loop is not None:
        return fail(loop)
    if not database_exists(source_location):
        return fail(f"no annotation database at {source_name}")
    try:
        if isinstance(target_location, Path) and database_exists(target_location):
            # Decided before a writer opens a file database: the open alone would fold its
            # journal and cut a torn tail, and a refused copy changes nothing (tr8 T11).
            with open_store(target_location, "copy-db", read_only=True) as existing:
                if not existing.content().is_empty:
                    return fail(
                        f"not saved: {target_name} is not empty; a copy goes only into an empty one"
                    )
        with open_store(source_location, "copy-db", read_only=True) as source:
            warn(source.warnings)
            content = source.content()
            held = unholdable_record(content) if is_server_url(str(target_location)) else None
            if held is not None:  # before the target is opened (or created): nothing written
                return fail(f"{source_name}: {held} (nothing was copied to {target_name})")
            with open_store(target_location, "copy-db") as target:
                warn(target.warnings)
                target.restore(content)
                problem = verified(source, target, content, isinstance(source_location, Path))
    except StoreError as error:
        return fail(str(error))
    if problem is not None:
        return fail(
            f"the copy in {target_name} differs from {source_name} ({problem}); do not use it"
        )
    orphaned = sum(1 for record in content.annotations if record["anchor_state"] == "orphaned")
    print(
        f"copied {source_name} to {target_name}: {len(content.annotations):,} annotations "
        f"({orphaned:,} orphaned), {len(content.history):,} history entries, "
        f"{len(content.articles):,} articles, {len(content.positions):,} positions, "
        f"{len(content.ledger):,} ledger decisions; verified: the exports are identical",
        file=sys.stdout,
    )
    return 0


def one_file(source: Path | str | None, target: Path | str | None) -> bool:
    """True when two file databases are one file (a symlink or hard link to the other,
    "./" and ".." spellings): the target was found "not empty", naming no reason."""
    if not isinstance(source, Path) or not isinstance(target, Path):
        return False
    try:
        return source.samefile(target)
    except OSError:  # one does not exist (a new target), or cannot be read: not one file
        return False


def verified(source: Store, target: Store, content: DatabaseContent, snapshot: bool) -> str | None:
    """What differs between the copy and what it was copied from, read back: the
    target's content must be the one copied, and its export the source's. A file source
    opened read-only is one read (`snapshot`), exported again as it was copied; a
    server is read again as it is now, and a colleague's tag since the copy's one
    consistent read would differ (tr8 T10): its export is compared with that of the
    content copied, restored apart (the content read back checks the restore, rv8 R7)."""
    from store import AnnotationStore

    if target.content() != content:
        return "the content read back differs"
    if snapshot:
        return difference(source, target)
    with AnnotationStore.open(None, annotator="copy-db") as copied:
        copied.restore(content)
        return difference(copied, target)


def unholdable_record(content: DatabaseContent) -> str | None:
    """The first record of `content` a server cannot hold, an old file database's from
    before the stores and the import refused it, named with its field and what to do:
    text holding U+0000 (tr8 T3), an id or analyst name too long for the server's index
    (tr9 T13), a count past its integers (tr8 T3). None if there is none. The history's
    text is not looked at: the server keeps it as JSON, which holds U+0000 escaped (a
    note since edited still copies) and any length; its sentence numbers are columns."""
    from workbench.core.nul_text import NUL_WORDS, nul_field
    from workbench.core.team_limits import count_words, limit_problem, shown, too_large

    edit = "edit it there (it shows as ␀), then copy again"
    kept = "the team store cannot take it: keep this database in a file"

    def problem(
        record: dict[str, Any], keys: tuple[str, ...] = ("article_id", "annotator")
    ) -> str | None:
        found = nul_field(record)
        if found is not None:
            return f"its {found} {NUL_WORDS}; {edit}"
        limit = limit_problem(record, keys)
        return None if limit is None else f"its {limit[0]} {limit[1]}; {kept}"

    for record in content.annotations:
        found = problem(record)
        if found is not None:
            orphan = record["anchor_state"] == "orphaned"
            return (
                f"the {'orphaned ' if orphan else ''}annotation of {shown(record['annotator'])} "
                f"on article {shown(record['article_id'])}, "
                f"{'once ' if orphan else ''}sentence {int(record['index']) + 1}: {found}"
            )
    for article in content.articles:
        found = problem(article, ("article_id",))
        if found is not None:
            return f"the remembered article {shown(article['article_id'])}: {found}"
    for annotator, article_id, index in content.positions:
        found = problem({"annotator": annotator, "article_id": article_id, "index": index})
        if found is not None:
            return f"the position of analyst {shown(annotator)} on {shown(article_id)}: {found}"
    for number, decision in enumerate(content.ledger, 1):
        found = nul_field(decision)
        if found is not None:
            return f"ledger decision {number}: its {found} {NUL_WORDS}; {edit}"
    for number, change in enumerate(content.history, 1):
        index = change["key"][2]
        if too_large(index):
            return f"history record {number}: its sentence index {count_words(index)}; {kept}"
    return None


def difference(source: Store, target: Store) -> str | None:
    """What differs between two databases' exports, read back: None if nothing (their
    positions and ledger decisions are in `verified`'s comparison of the content)."""
    import orjson

    from workbench.core.interchange.export.from_store import export_bytes

    def exported(store: Store) -> dict[str, object]:
        document: dict[str, object] = orjson.loads(
            export_bytes(store, "json", history=True, importable=False)
        )
        document.pop("exported_at", None)
        return document

    mine, theirs = exported(source), exported(target)
    for part in ("annotations", "history", "articles"):
        if mine.get(part) != theirs.get(part):
            return f"the exports' {part} differ"
    if mine != theirs:
        return "the exports differ"
    return None
