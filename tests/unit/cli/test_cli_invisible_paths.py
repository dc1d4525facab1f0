"""A file name holding a character that draws nothing (U+200B) is named with it escaped,
in every command's messages: "db.json" and "db\u200b.json" are two files (tr15 T4)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation

HIDDEN = "\u200b"
SHOWN = "\\u200b"
TEXT = "Officials said 40 troops left. Nobody denied it."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name holds U+200B: every file named in it holds one."""
    made = tmp_path / f"desk{HIDDEN}"
    made.mkdir()
    (made / "articles").mkdir()
    (made / "articles" / "story.txt").write_text(TEXT, encoding="utf-8")
    return made


def filled(folder: Path) -> Path:
    db = folder / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.remember_article("story", "story", SHA, 2)
        anchor = Anchor.in_text("story", SHA, TEXT, 0, 0, 30)
        store.save(Annotation.new(anchor, "ana", tags=("claim",)))
    return db


def exported(folder: Path) -> Path:
    target = folder / "export.json"
    assert main(["export", "--db", str(filled(folder)), "-o", str(target)]) == 0
    return target


def locked(folder: Path) -> Iterator[list[str]]:
    export = exported(folder)
    with AnnotationStore.open(folder / "db.json", annotator="ana"):
        yield ["import", str(export), "--db", str(folder / "db.json")]


Scenario = Callable[[Path], list[str]]
SCENARIOS: dict[str, Scenario] = {
    "summary, no database": lambda f: ["summary", "--db", str(f / "db.json")],
    "export, no database": lambda f: ["export", "--db", str(f / "db.json")],
    "import, no file": lambda f: ["import", str(f / "x.json"), "--db", str(f / "db.json")],
    "import, not json": lambda f: [
        "import",
        str((f / "x.json", (f / "x.json").write_text("{"))[0]),
        "--db",
        str(f / "db.json"),
    ],
    "import, done": lambda f: ["import", str(exported(f)), "--db", str(f / "new.json")],
    "sentences, no articles": lambda f: ["sentences", str(f / "none")],
    "agree, no files": lambda f: ["agree", str(f / "a.json"), str(f / "b.json")],
    "agree, one file twice": lambda f: ["agree", str(exported(f)), str(f / "export.json")],
    "repair, whole": lambda f: ["repair", "--db", str(filled(f))],
    "copy-db": lambda f: ["copy-db", str(filled(f)), str(f / "copy.json")],
    "export, no folder": lambda f: ["export", "--db", str(filled(f)), "-o", str(f / "no/x.json")],
    "summary, no folder": lambda f: [
        "summary",
        "--annotator",
        "ana",
        "--db",
        str(filled(f)),
        str(f / "articles"),
        "-o",
        str(f / "no/x.md"),
    ],
    "export onto the database": lambda f: [
        "export",
        "--db",
        str(filled(f)),
        "-o",
        str(f / "db.json.journal"),
    ],
    "a folder for a database": lambda f: ["summary", "--db", str(f)],
    "reanchor, no database": lambda f: ["reanchor", str(f), "--db", str(f / "db.json")],
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_message_naming_a_file_shows_what_draws_nothing(
    scenario: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = SCENARIOS[scenario](folder)
    capsys.readouterr()
    main(arguments)
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert HIDDEN not in said, said
    assert f"desk{SHOWN}" in said, said


def test_a_database_in_use_is_named_with_what_draws_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for arguments in locked(folder):
        capsys.readouterr()
        assert main(arguments) == 1
    err = capsys.readouterr().err
    assert HIDDEN not in err and f"desk{SHOWN}" in err and "is in use by" in err
