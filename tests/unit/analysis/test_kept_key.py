"""The kept output's key, the code digest and the record's codec (core/analysis/kept)."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.analysis.kept import code, key
from workbench.core.analysis.kept.key import JsonValue, articles_digest, output_key
from workbench.core.analysis.kept.output import (
    DATA,
    TEXT,
    DamagedOutput,
    KeptOutput,
    Piece,
    streamed,
)
from workbench.core.corpus import articles
from workbench.core.corpus.articles import BUNDLED_ARTICLES, load_corpus

INPUTS: dict[str, JsonValue] = {
    "token": "t",
    "annotator": "alice",
    "ledger": {"claim_threshold": 70.0},
}


def test_the_key_is_the_same_for_the_same_inputs_in_any_order() -> None:
    again = dict(reversed(list(INPUTS.items())))
    assert output_key("workbench summary", INPUTS) == output_key("workbench summary", again)


@pytest.mark.parametrize(
    "changed",
    [
        {"token": "u"},
        {"annotator": "bob"},
        {"annotator": None},
        {"ledger": {"claim_threshold": 70.5}},
        {"format": "json"},
    ],
)
def test_any_input_changed_gives_another_key(changed: dict[str, JsonValue]) -> None:
    assert output_key("workbench summary", INPUTS) != output_key(
        "workbench summary", {**INPUTS, **changed}
    )


def test_the_key_names_what_it_is_for() -> None:
    assert output_key("workbench summary", INPUTS) != output_key("workbench export", INPUTS)


def package_copy(tmp_path: Path) -> Path:
    """A copy of workbench/ and store/ as installed, to change a file of."""
    for package in code.PACKAGES:
        shutil.copytree(
            Path(code._ROOT, package),
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    return tmp_path


def test_the_code_digest_follows_every_file_of_both_packages(tmp_path: Path) -> None:
    root = package_copy(tmp_path)
    before = code.code_digest(root)
    assert code.code_digest(root) == before
    (root / "store" / "kept_example.py").write_text("x = 1\n", encoding="utf-8")
    added = code.code_digest(root)
    assert added != before
    lexicon = root / "workbench" / "core" / "analysis" / "lexicon.py"
    lexicon.write_bytes(lexicon.read_bytes() + b"\n")
    assert code.code_digest(root) not in (before, added)


def test_compiled_caches_are_not_code(tmp_path: Path) -> None:
    root = package_copy(tmp_path)
    before = code.code_digest(root)
    cache = root / "workbench" / "__pycache__"
    cache.mkdir()
    (cache / "x.cpython-311.pyc").write_bytes(b"\0")
    assert code.code_digest(root) == before


def test_the_code_digest_follows_the_python_and_the_installed_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = package_copy(tmp_path)
    before = code.code_digest(root)
    site = tmp_path / "site"
    (site / "rapidfuzz-9.9.9.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    assert "rapidfuzz-9.9.9.dist-info" in code.installed_distributions()
    with_library = code.code_digest(root)
    assert with_library != before
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert code.code_digest(root) != with_library


def test_the_articles_digest_follows_their_bytes_names_and_problems(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(BUNDLED_ARTICLES, folder)
    before = articles_digest([folder])
    assert before is not None and articles_digest([folder]) == before
    first = sorted(folder.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes().replace(b"troops", b"soldiers", 1))
    changed = articles_digest([folder])
    assert changed not in (None, before)
    first.rename(folder / "renamed.txt")
    renamed = articles_digest([folder])
    assert renamed not in (None, before, changed)
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")  # a problem load_corpus names
    assert articles_digest([folder]) not in (None, renamed)


def test_an_article_that_cannot_be_read_gives_no_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(path: Path | str) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    assert articles_digest() is not None
    monkeypatch.setattr(key, "read_article_bytes", unreadable)
    assert articles_digest() is None


def test_an_article_past_the_cap_is_a_problem_and_read_no_further(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv R4: the key read every article file whole (read_regular), a 3 GiB one too;
    load_corpus stops at the part past MAX_ARTICLE_BYTES and names it, so does the key."""
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 1000)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "nato.txt").write_text("NATO said 10,000 troops were sent.\n", encoding="utf-8")
    alone = articles_digest([folder])
    big = folder / "log.txt"
    big.write_bytes(b"a log line\n" * (3 * articles.READ_PART // 11))
    with_big = articles_digest([folder])
    assert with_big not in (None, alone)
    [problem] = load_corpus([folder]).problems
    assert problem.path == big and "larger than" in problem.reason
    with big.open("r+b") as handle:  # past the first part read: not read, not in the key
        handle.seek(-2, 2)
        handle.write(b"!\n")
    assert articles_digest([folder]) == with_big


def test_a_fifo_named_as_the_articles_does_not_hang_the_key(tmp_path: Path) -> None:
    fifo = tmp_path / "articles.txt"
    os.mkfifo(fifo)
    found: list[str | None] = []
    thread = threading.Thread(target=lambda: found.append(articles_digest([fifo])), daemon=True)
    thread.start()
    thread.join(10.0)
    assert found, "articles_digest waited on the FIFO"


texts = st.text(st.characters(codec="utf-8") | st.sampled_from(["\udcff", "\x1b", "\n"]))


def split(data: bytes, size: int) -> list[bytes]:
    return [data[start : start + size] for start in range(0, len(data), size)]


@given(
    st.lists(st.tuples(texts, st.booleans()), max_size=4),
    st.sampled_from([DATA, TEXT]),
    texts,
    st.integers(0, 255),
    st.integers(1, 64),
)
def test_a_kept_output_reads_back_as_it_was(
    pieces: list[tuple[str, bool]], kind: str, stdout: str, status: int, size: int
) -> None:
    body = stdout.encode("utf-8", "surrogateescape") if kind == DATA else b"report\n"
    output = KeptOutput(tuple(Piece(*piece) for piece in pieces), kind, body, status)
    assert KeptOutput.decode(output.encode()) == output
    head, parts = streamed(split(output.encode(), size))  # as the store streams an entry
    assert (head.stderr, head.kind, head.status) == (output.stderr, kind, status)
    assert b"".join(parts) == body


@pytest.mark.parametrize(
    "damaged",
    [
        b"",
        b"not json\nbody",
        b'{"status":0,"stderr":[],"kind":"data","length":5}\nbody',  # length differs
        b'{"status":0,"stderr":[],"kind":"other","length":4}\nbody',
        b'{"status":0,"stderr":[[1,false]],"kind":"data","length":4}\nbody',
        b'{"status":0,"stderr":[],"kind":"text","length":2}\n\xff\xfe',
        b'{"stderr":[],"kind":"data","length":4}\nbody',
    ],
)
def test_a_record_that_does_not_decode_is_damage(damaged: bytes) -> None:
    with pytest.raises(DamagedOutput):
        KeptOutput.decode(damaged)
    with pytest.raises(DamagedOutput):  # streamed: said at once, or after the last part
        _head, parts = streamed(split(damaged, 3))
        b"".join(parts)


def test_standard_output_is_given_in_pieces_that_end_after_a_newline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workbench.core.analysis.kept import output as output_module

    monkeypatch.setattr(output_module, "PART", 8)
    document = '{\n  "é": "ünïcödé ✓",\n  "n": 1\n}\n'.encode()
    kept = KeptOutput.decode(KeptOutput((), DATA, document).encode())
    parts = list(kept.parts())
    assert b"".join(parts) == document and len(parts) > 1
    assert all(part.endswith(b"\n") for part in parts)
    for part in parts:
        part.decode("utf-8")  # none ends inside a character
    assert list(KeptOutput((), DATA, b"no newline at all").parts()) == [b"no newline at all"]
    assert list(KeptOutput((), DATA, b"").parts()) == []
