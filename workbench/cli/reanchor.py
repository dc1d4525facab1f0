"""`workbench reanchor [PATH ...]`: place annotations again on articles that changed.

For each article whose text (or segmentation) changed under its annotations, one line
`ID: N unchanged, M moved, F to check, O orphaned` (`, R re-attached` when orphans of
the article fit its text again and came back); with --json, JSON Lines instead: one
JSON object a line per moved, to-check, orphaned or re-attached annotation (streamed as
each article is done; `jq -s` or a line-by-line reader takes it, not one json.load).
Each article's re-anchoring is one durable write (in the history, action "reanchor";
no undo step); --dry-run opens the database read-only (no lock: it works while the TUI
holds it), prints the same and writes nothing. Articles holding the analyst's
annotations to check are looked at even when their text did not change (one stuck to
check on exactly the sentence it was tagged on goes back to current). Annotations of
articles not in the corpus are left as they are, and so are other analysts' (tr7 T15:
each analyst's workbench re-anchors their own; stderr says how many were left).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from workbench.cli.common import (
    fail,
    fail_each,
    no_articles_found,
    no_database,
    skipped,
    threshold,
    warn,
)
from workbench.core.terminal_text import name_printable

if TYPE_CHECKING:
    from store.change import Change
    from store.protocol import Store
    from workbench.core.anchoring.reanchoring import ArticleReanchoring

HELP = "place annotations again on articles whose text changed (bundled articles by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or folders (default: bundled)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="JSON Lines: one JSON object a line per moved, to-check or orphaned annotation",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would change and write nothing"
    )
    parser.add_argument(
        "--fuzzy-threshold",
        type=threshold,
        metavar="SCORE",
        help="how alike (0-100) a changed sentence must be to keep an annotation, marked "
        "to check (default: [anchoring] fuzzy_threshold in settings.toml, else 65)",
    )


def affected_records(found: ArticleReanchoring) -> list[dict[str, Any]]:
    """One JSON-ready object per annotation the re-anchoring moved, marked or orphaned."""
    return [
        {
            "article_id": placement.before.article_id,
            "annotator": placement.before.annotator,
            "old_index": placement.before.index,
            "new_index": placement.new_index,
            "state": placement.outcome,
            "old_quote": placement.before.quote,
            "new_quote": None if placement.new_index is None else placement.after.quote,
        }
        for placement in found.plan.affected
    ]


def others_left(found: Sequence[ArticleReanchoring]) -> str | None:
    """What re-anchoring left as made because it is other analysts' (tr7 T15), said on
    stderr: a colleague's annotations of an article are re-anchored by their own
    workbench, never by one holding another version of it."""
    left = [p for item in found for p in item.plan.others if p.changed]
    if not left:
        return None
    names = ", ".join(map(name_printable, sorted({p.before.annotator for p in left})))
    return (
        f"workbench: {len(left)} annotation(s) of other analysts ({names}) made on another "
        "text of these articles left as made (their own workbench re-anchors them, or "
        "reanchor --annotator NAME)"
    )


def nothing_to_do(
    annotated: int, orphans: int = 0, annotator: str = "", others_changed: int = 0
) -> str:
    """The line that says so when no annotation needs re-anchoring (silence would leave
    the analyst wondering whether it ran). Orphans are tried again only when their
    article's text changed; an article whose annotations are all orphaned is not one
    "without annotations". `others_changed`: articles whose text changed since other
    analysts annotated them (left as made, said on stderr): not "unchanged" (qa13 Q15:
    a login with no annotations read "4 annotated article(s) unchanged" of two changed)."""
    if not annotated and not orphans:
        return "nothing to re-anchor: no article of the corpus has annotations"
    line = f"nothing to re-anchor: {annotated} annotated article(s) unchanged"
    if others_changed:
        line = (
            f"nothing to re-anchor: no annotation of {name_printable(annotator)}'s in "
            f"{annotated} annotated article(s) was made on another text ({others_changed} "
            "changed since other analysts annotated them)"
        )
    if orphans:
        line += (
            f"; {orphans} orphaned annotation(s) stay orphaned (re-attach or delete them in "
            "the review screen)"
        )
    return line


def run(args: argparse.Namespace) -> int:
    from store import AnnotationStore, StoreError, open_store
    from workbench.cli.output import write_json_text
    from workbench.cli.readings import keep_new_readings
    from workbench.cli.summary_keeper import start_keeper
    from workbench.config.annotator import resolve_annotator
    from workbench.config.locations import resolve_database
    from workbench.config.settings import anchoring_threshold, no_unknown_section
    from workbench.config.toml_file import ConfigFileError
    from workbench.core.analysis.new_readings import NewReadings
    from workbench.core.anchoring.reanchoring import plans, store_plans
    from workbench.core.annotation import CHECK
    from workbench.core.corpus.articles import load_corpus
    from workbench.core.terminal_text import printable

    try:
        no_unknown_section()
        fuzzy = anchoring_threshold(override=args.fuzzy_threshold)
    except ConfigFileError as error:
        return fail_each(error.problems)
    corpus = load_corpus(args.paths or None)
    skipped(corpus.problems)
    if not corpus.articles:
        return fail(no_articles_found(corpus.roots))
    location = resolve_database(args.db)
    problem = no_database(location, "give one with --db FILE or URL")
    if problem is not None:
        return fail(problem)
    out = sys.stdout
    try:
        annotator = resolve_annotator(args.annotator)
        with open_store(location, annotator, read_only=args.dry_run) as store:
            warn(store.warnings)
            warned = len(store.warnings)
            # This analyst's annotations only: a colleague's are theirs to re-anchor
            # (tr7 T15); --dry-run says what the same command would store.
            held = {a.article_id for a in store.all(annotator) if a.anchor_state == CHECK}
            found_all = list(plans(store, corpus, fuzzy, history_for(store), annotator, held))
            if isinstance(store, AnnotationStore) and not any(f.changed for f in found_all):
                # Nothing to store: the short journal an app session leaves stays as it
                # is, not folded on close (rv8 R8: the files and the content token the
                # kept summaries are served under changed for nothing).
                store.leave_short_journal()
            if not args.dry_run:
                store_plans(store, found_all)
                noted = NewReadings()
                for found in found_all:
                    if found.changed:  # on a new text: their pronouns are read on it
                        for annotation in store.in_article(found.plan.article_id):
                            noted.note(annotation)
                keep_new_readings(store, noted, corpus.by_id, "the re-anchored articles")
                warn(store.warnings[warned:])  # damaged readings skipped (read again)
            for found in found_all:
                if not found.changed:
                    continue
                if args.json:
                    for record in affected_records(found):
                        write_json_text(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    out.write(printable(found.plan.line(), single_line=True) + "\n")
            annotated = set(store.annotated_articles())
            orphans = sum(
                1 for orphan in store.orphans(annotator) if orphan.article_id in corpus.by_id
            )
    except StoreError as error:
        return fail(str(error))
    left = others_left(found_all)
    if left is not None:
        print(printable(left, single_line=True), file=sys.stderr)
    missing = sorted(annotated - set(corpus.by_id))
    if not args.json and not any(found.changed for found in found_all):
        others = {p.before.article_id for f in found_all for p in f.plan.others if p.changed}
        said = nothing_to_do(len(annotated & set(corpus.by_id)), orphans, annotator, len(others))
        out.write(printable(said, single_line=True) + "\n")
    if missing:
        shown = ", ".join(map(name_printable, missing[:5]))
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        print(
            f"workbench: {len(missing)} annotated article(s) not in the corpus, left as they "
            f"are: {shown}{more}",
            file=sys.stderr,
        )
    if args.dry_run:
        print("workbench: dry run, nothing was written", file=sys.stderr)
    else:
        start_keeper(location, args.annotator)  # the summaries kept for the new content
    return 0


def history_for(store: Store) -> Callable[[], Sequence[Change]]:
    """The store's history for re-anchoring: how annotations to check were tagged, so
    that one whose text is back goes back to its sentence (tr7 T13, T15)."""
    from workbench.cli.common import readable_history

    return readable_history(
        store, "annotations to check stay so, though their text may be back (history unread)"
    )
