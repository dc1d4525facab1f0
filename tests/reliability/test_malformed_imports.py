"""Malformed imports: a clear one-line error, exit code 1, and the database unchanged.

Every broken file is made from a valid export of real annotations, so each case differs
from an accepted file in one way only. `workbench import` runs in this process (through
main(), as the console script does) for the many small cases, and as a real process for
the 1 GB files, whose peak memory (the child's own max RSS) shows they were never read
whole.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import load_corpus
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export

from .helpers import database_files, import_in_child

GIB = 1 << 30
MAX_CHILD_RSS = 160 * (1 << 20)
"""A 1 GB file must be refused or streamed: the importing process stays far below it."""
Document = dict[str, Any]


def valid_annotations() -> list[Annotation]:
    article = load_corpus().articles[0]
    return [
        Annotation.new(
            Anchor.in_text(article.id, article.sha256, article.text, s.index, s.start, s.end),
            "alice",
            tags=("claim",),
            note=f"checked {s.index}",
        )
        for s in article.sentences[:3]
    ]


@pytest.fixture(scope="module")
def valid() -> Document:
    """A valid json export, parsed, for the cases to break."""
    data = prepare_export(valid_annotations(), exported_at="2024-05-01T12:00:00.000000Z")
    document: Document = json.loads(render("json", data))
    return document


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database that already holds one annotation of its own."""
    path = tmp_path / "db" / "annotations.json"
    with AnnotationStore.open(path, annotator="bob") as opened:
        opened.save(valid_annotations()[0].changed(annotator="bob", tags=("denial",)))
    return path


def dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def jsonl(document: Document) -> bytes:
    header = {key: value for key, value in document.items() if key != "annotations"}
    return b"".join(dumps(line) + b"\n" for line in [header, *document["annotations"]])


def edited(valid: Document, change: Callable[[Document], object]) -> Document:
    document = copy.deepcopy(valid)
    change(document)
    return document


def first(document: Document) -> dict[str, Any]:
    annotation: dict[str, Any] = document["annotations"][0]
    return annotation


def duplicate_first(document: Document) -> None:
    document["annotations"].append(copy.deepcopy(first(document)))


def duplicate_article(document: Document) -> None:
    document["articles"].append(copy.deepcopy(document["articles"][0]))


def nested(depth: int) -> bytes:
    return b'{"schema_version": 1, "articles": ' + b"[" * depth + b"]" * depth + b"}"


def deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


def repeated_key(raw: bytes, old: bytes, new: bytes) -> bytes:
    """`raw` with `new` written right after the first `old`: one key, two values."""
    assert old in raw
    return raw.replace(old, old + b", " + new, 1)


Case = tuple[str, str, Callable[[Document], bytes]]
"""(name, file suffix, the file's bytes made from the valid document)."""
CASES: list[Case] = [
    ("empty file", ".json", lambda v: b""),
    ("not JSON", ".json", lambda v: b"hello, world\n"),
    ("truncated in the middle", ".json", lambda v: dumps(v)[: len(dumps(v)) // 2]),
    ("truncated by one byte", ".json", lambda v: dumps(v)[:-1]),
    ("a list, not an object", ".json", lambda v: b"[]"),
    ("not UTF-8", ".json", lambda v: dumps(v).replace(b"alice", b"al\xe9ce")),
    ("NaN", ".json", lambda v: dumps(v).replace(b'"index": 0', b'"index": NaN')),
    ("nested 100,000 deep", ".json", lambda v: nested(100_000)),
    ("schema version 4", ".json", lambda v: dumps({**v, "schema_version": 4})),
    ("schema version 0", ".json", lambda v: dumps({**v, "schema_version": 0})),
    ("schema version as text", ".json", lambda v: dumps({**v, "schema_version": "1"})),
    ("no schema version", ".json", lambda v: dumps({k: x for k, x in v.items() if k[0] != "s"})),
    ("annotations not a list", ".json", lambda v: dumps({**v, "annotations": {"a": 1}})),
    ("index as text", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(index="0")))),
    ("index negative", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(index=-1)))),
    ("tags a string", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(tags="c")))),
    ("unknown tag", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(tags=["x"])))),
    ("status a number", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(status=3)))),
    (
        "bad timestamp",
        ".json",
        lambda v: dumps(edited(v, lambda d: first(d).update(updated_at="x"))),
    ),
    ("missing quote", ".json", lambda v: dumps(edited(v, lambda d: first(d).pop("quote")))),
    ("quote off its span", ".json", lambda v: dumps(edited(v, lambda d: first(d).update(end=1)))),
    ("duplicate annotation", ".json", lambda v: dumps(edited(v, duplicate_first))),
    ("duplicate article id", ".json", lambda v: dumps(edited(v, duplicate_article))),
    ("jsonl truncated", ".jsonl", lambda v: jsonl(v)[:-20]),
    ("jsonl schema version 9", ".jsonl", lambda v: jsonl({**v, "schema_version": 9})),
    ("jsonl duplicate", ".jsonl", lambda v: jsonl(edited(v, duplicate_first))),
    ("jsonl wrong type", ".jsonl", lambda v: jsonl(edited(v, lambda d: first(d).update(end="9")))),
    ("jsonl no header", ".jsonl", lambda v: jsonl(v).split(b"\n", 1)[1]),
    (
        "index given twice",
        ".json",
        lambda v: repeated_key(dumps(v), b'"index": 0', b'"index": 999'),
    ),
    (
        "schema version given twice",
        ".json",
        lambda v: b'{"schema_version": 2, ' + dumps(v)[1:],
    ),
    ("annotations given twice", ".json", lambda v: dumps(v)[:-1] + b', "annotations": []}'),
    (
        "jsonl key given twice",
        ".jsonl",
        lambda v: repeated_key(jsonl(v), b'"note": "checked 1"', b'"note": "x"'),
    ),
    (
        "nested 1,000 deep in a field",
        ".json",
        lambda v: dumps({**v, "exported_at": "X"}).replace(b'"X"', b"[" * 1_000 + b"]" * 1_000),
    ),
    (
        "nested 500 deep in a note",
        ".json",
        lambda v: dumps(edited(v, lambda d: first(d).update(note=deep_list(500)))),
    ),
]
EXPECTED = {
    "index given twice": ": $.annotations[0].index: this key appears twice in one object",
    "schema version given twice": ": $.schema_version: this key appears twice",
    "annotations given twice": ": $.annotations: this key appears twice",
    "jsonl key given twice": " line 3: $.note: this key appears twice",
    "nested 1,000 deep in a field": ": $: nested more than 64 levels deep at line 1, column",
    "nested 500 deep in a note": ": $.annotations[0]: nested more than 64 levels deep",
    "nested 100,000 deep": ": $: nested more than 64 levels deep at line 1, column 98",
}
"""The message (after the file name) of the cases issue 12 added."""


@pytest.mark.parametrize(("name", "suffix", "make"), CASES, ids=[case[0] for case in CASES])
def test_a_malformed_import_is_refused_and_changes_nothing(
    name: str,
    suffix: str,
    make: Callable[[Document], bytes],
    valid: Document,
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(60)
    file = tmp_path / f"broken{suffix}"
    broken = make(valid)
    assert broken not in (dumps(valid), jsonl(valid)), "the case breaks nothing"
    file.write_bytes(broken)
    before = database_files(database)
    code = main(["import", str(file), "--db", str(database), "--annotator", "bob"])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"workbench: {file}"), err
    assert len(err) < 400, "a message quotes at most a short piece of the file"
    if name in EXPECTED:
        assert err.startswith(f"workbench: {file}{EXPECTED[name]}"), err
    assert database_files(database) == before
    figures["malformed imports: files refused"] += 1


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_the_valid_file_is_accepted(
    suffix: str,
    valid: Document,
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The control: the file every case breaks imports, so each refusal is the break's."""
    file = tmp_path / f"valid{suffix}"
    file.write_bytes(dumps(valid) if suffix == ".json" else jsonl(valid))
    assert main(["import", str(file), "--db", str(database)]) == 0, capsys.readouterr()
    with AnnotationStore.open(database, annotator="bob") as opened:
        assert opened.count() == 4
        assert [a.note for a in opened.all("alice")] == ["checked 0", "checked 1", "checked 2"]


def sparse(path: Path, prefix: bytes) -> Path:
    """`prefix`, then zero bytes up to 1 GiB: a file that costs no disk space."""
    with path.open("wb") as handle:
        handle.write(prefix)
        handle.truncate(GIB)
    return path


@pytest.mark.parametrize(
    ("suffix", "prefix"),
    [
        (".json", b'{"schema_version": 1, "articles": [], "annotations": ['),
        (
            ".jsonl",
            b'{"schema_version": 1, "exported_at": "2024-05-01T12:00:00Z", "articles": []}\n',
        ),
    ],
)
def test_a_1_gb_import_is_refused_without_reading_it_whole(
    suffix: str,
    prefix: bytes,
    database: Path,
    tmp_path: Path,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(120)
    file = sparse(tmp_path / f"huge{suffix}", prefix)
    before = database_files(database)
    code, errors, peak = import_in_child(file, database)
    assert code == 1, errors
    assert errors.startswith(f"workbench: {file}") and errors.count("\n") == 1, errors
    assert peak < MAX_CHILD_RSS, f"the import used {peak >> 20} MiB for a 1 GiB file"
    assert database_files(database) == before
    figures["malformed imports: files refused"] += 1
    peak_figure = "malformed imports: peak RSS importing a 1 GiB file (MiB)"
    figures[peak_figure] = max(figures[peak_figure], peak >> 20)
