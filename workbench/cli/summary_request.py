"""What `workbench summary` is asked for, every option resolved: the command computes
it (cli/summary.py), the keeper keeps it (cli/summary_keeper.py) and the key of what is
kept covers it (cli/kept_summary.py)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.cli.common import (
    fail,
    fail_each,
    no_database,
    output_refusal,
)
from workbench.config.annotator import resolve_annotator
from workbench.config.locations import DatabaseLocation, resolve_database
from workbench.core.annotation import EVERY_ANALYST
from workbench.core.files.database_url import shown_location
from workbench.core.terminal_text import name_printable

if TYPE_CHECKING:
    from workbench.core.analysis.ledger.settings import LedgerSettings

ALL = EVERY_ANALYST
"""`--annotator all`: every analyst's annotations, each sentence once, disagreements shown."""


def whose(flag: str | None) -> str | None:
    """The analyst whose summary it is: --annotator, else the current annotator
    (workbench/config/annotator.py); None for `--annotator all`."""
    if flag is not None and flag.strip().lower() == ALL:
        return None
    return resolve_annotator(flag)


@dataclass(frozen=True, slots=True)
class Request:
    """What a summary is asked for, every option resolved (flags, environment, settings
    file): the same request gives the same output for the same database and code."""

    location: DatabaseLocation
    annotator: str | None
    """Whose summary: None for every analyst's (`--annotator all`)."""
    opener: str
    """The annotator the store is opened as: the analyst's, or for every analyst's
    summary ALL, whoever asks (a read-only store's reads the summary makes name their
    analyst or take every one's; the same name makes the kept summary everyone's)."""
    ledger: LedgerSettings
    fuzzy: float
    """The anchoring threshold (articles read: re-anchoring in memory)."""
    paths: tuple[str, ...]
    named: bool = False
    """--annotator NAME was given: an analyst the database does not hold is refused
    (a report of nothing, exit 0, read as "No conflicting figures": qa7 Q9)."""

    @property
    def shown(self) -> str:
        """The database as messages name it."""
        return name_printable(shown_location(self.location))


def asked(args: argparse.Namespace) -> Request | int:
    """The request `args` make, or the exit status of a problem already said (a bad
    settings file, no database)."""
    from workbench.config.settings import (
        anchoring_threshold,
        ledger_settings,
        no_unknown_section,
    )
    from workbench.config.toml_file import ConfigFileError

    try:
        no_unknown_section()
        ledger = ledger_settings(
            overrides={
                "claim_threshold": args.claim_threshold,
                "denial_threshold": args.denial_threshold,
            }
        )
        fuzzy = anchoring_threshold()
    except ConfigFileError as error:
        return fail_each(error.problems)
    location = resolve_database(args.db)
    output = getattr(args, "output", None)  # the keeper asks without one
    problem = no_database(location, "annotate first, or pass --db FILE") or output_refusal(
        location, output, args.paths
    )
    if problem is not None:
        return fail(problem)
    annotator = whose(args.annotator)
    opener = ALL if annotator is None else annotator
    named = annotator is not None and args.annotator is not None
    return Request(location, annotator, opener, ledger, fuzzy, tuple(args.paths), named)
