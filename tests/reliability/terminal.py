"""Every command run over hostile inputs, in process, as if on a terminal."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from tests.fixtures import hostile
from workbench.cli.main import COMMANDS, main
from workbench.core.terminal_text import UNSAFE


class TerminalCapture(io.TextIOWrapper):
    """A standard stream that says it is a terminal and keeps every byte written."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)

    def isatty(self) -> bool:
        return True

    def written(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


@dataclass(frozen=True)
class Run:
    argv: tuple[str, ...]
    code: int
    out: bytes
    err: bytes

    @property
    def text(self) -> str:
        return (self.out + self.err).decode("utf-8")


def run_on_terminal(argv: Sequence[str]) -> Run:
    """`workbench ARGV` in this process, stdout and stderr being (fake) terminals."""
    out, err = TerminalCapture(), TerminalCapture()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv))
    finally:
        sys.stdout, sys.stderr = saved
    return Run(tuple(argv), code, out.written(), err.written())


def unsafe_in(text: str) -> list[str]:
    """Each character a terminal would obey, with a little context, for a message."""
    return [repr(text[max(0, m.start() - 20) : m.end() + 20]) for m in UNSAFE.finditer(text)]


@dataclass(frozen=True)
class Hostile:
    corpus: Path
    imported: Path
    imported_by_bob: Path
    database: Path
    missing: Path
    bad_import: Path


def hostile_space(root: Path) -> Hostile:
    """The hostile corpus, imports and a database holding the hostile annotations."""
    corpus = hostile.write_corpus(root / "corpus")
    imported = hostile.write_import(root / "import.json", corpus)
    bob = hostile.write_import(root / "bob.json", corpus, annotator=f"bob{hostile.BELL}")
    document = hostile.import_document(corpus)
    document["annotations"][1]["tags"] = [f"claim{hostile.TITLE_OSC}"]
    bad = root / f"bad{hostile.CLEAR}.json"
    bad.write_text(json.dumps(document))
    database = root / "db" / "annotations.json"
    assert main(["import", str(imported), "--db", str(database), "--corpus", str(corpus)]) == 0
    return Hostile(corpus, imported, bob, database, root / f"gone{hostile.TITLE_OSC}", bad)


def scenarios(space: Hostile) -> dict[str, list[list[str]]]:
    """Each command's runs over the hostile inputs (text and json output, errors)."""
    corpus, db = str(space.corpus), ["--db", str(space.database)]
    return {
        "annotate": [["annotate", str(space.missing), *db]],  # refused before any screen
        "sentences": [["sentences", corpus], ["sentences", "--json", corpus]],
        "export": [
            ["export", *db],
            *(["export", *db, "--format", name] for name in ("jsonl", "w3c", "claimreview")),
            ["export", *db, "--article", hostile.IMPORT_ARTICLE],
            ["export", *db, "-o", str(space.corpus)],
        ],
        "import": [
            ["import", str(space.imported), *db, "--corpus", corpus],
            ["import", str(space.bad_import), *db],
            ["import", corpus, *db],
        ],
        "summary": [  # every analyst's: the hostile import is nobody's own
            ["summary", *db, "--annotator", "all", corpus],
            ["summary", *db, "--annotator", "all", "--format", "json", corpus],
        ],
        "agree": [
            ["agree", str(space.imported), str(space.imported_by_bob)],
            ["agree", "--json", str(space.imported), str(space.imported_by_bob)],
        ],
    }


def generic(name: str, space: Hostile) -> list[list[str]]:
    """Runs any command gets: its help, the corpus, the import, a missing path, and
    its json output if it has one."""
    db = ["--db", str(space.database)]
    runs = [[name, "--help"], [name, str(space.missing), *db]]
    if name != "annotate":  # on a real corpus it would open the screen
        runs += [[name, str(space.corpus), *db], [name, str(space.imported), *db]]
        if "--json" in run_on_terminal([name, "--help"]).text:
            runs.append([name, str(space.corpus), *db, "--json"])
    return runs


def writes_json(argv: Sequence[str]) -> bool:
    """Whether a run asks for json output (its stdout must then parse)."""
    return (
        "--json" in argv
        or any(
            option in ("--format",) and value in ("json", "jsonl", "w3c", "claimreview")
            for option, value in pairwise(argv)
        )
        or (argv[0] == "export" and not {"--format", "-o", "--help"} & set(argv))
    )


def every_run(space: Hostile) -> Iterator[list[str]]:
    own = scenarios(space)
    for name in COMMANDS:
        yield from own.get(name, [])
        yield from generic(name, space)
    yield [hostile.HOSTILE_NAME]  # an unknown command quoting itself
    yield ["sentences", f"--x{hostile.TITLE_OSC}"]  # argparse quotes it
    yield ["export", "--format", f"json{hostile.CLEAR}"]
