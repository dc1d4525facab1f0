"""Loading articles: files and folders, ids and titles, hashes, and every kind of bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workbench.core.corpus.articles import BUNDLED_ARTICLES, load_corpus


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_the_bundled_articles_load_without_problems() -> None:
    corpus = load_corpus()
    assert corpus.problems == []
    assert [article.id for article in corpus] == sorted(
        p.stem for p in BUNDLED_ARTICLES.glob("*.txt")
    )
    assert len(corpus) == 5
    assert corpus.by_id["000_e663f5f9bf7bc169"].title.startswith("U.S. Cites ‘Indications’")


def test_folders_are_walked_recursively_for_txt_and_md_only(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B title\nBody.")
    write(tmp_path / "nested" / "deeper" / "a.md", "A title\nBody.")
    write(tmp_path / "nested" / "upper.TXT", "Upper\nBody.")
    write(tmp_path / "notes.rst", "Not an article.")
    write(tmp_path / "data.json", "{}")
    corpus = load_corpus([tmp_path])
    assert corpus.problems == []
    assert sorted(article.id for article in corpus) == ["a", "b", "upper"]


def test_files_and_folders_can_be_mixed(tmp_path: Path) -> None:
    single = write(tmp_path / "one" / "single.txt", "Single\nText.")
    write(tmp_path / "folder" / "other.md", "Other\nText.")
    corpus = load_corpus([single, str(tmp_path / "folder")])
    assert [article.id for article in corpus] == ["single", "other"]
    assert corpus.roots == (single, tmp_path / "folder")


def test_id_title_text_and_hash(tmp_path: Path) -> None:
    path = write(tmp_path / "report-7.txt", "\n  \n  The Headline  \nFirst sentence. Second one.")
    (article,) = load_corpus([path]).articles
    assert article.id == "report-7"
    assert article.path == path
    assert article.title == "The Headline"
    assert article.text == "\n  \n  The Headline  \nFirst sentence. Second one."
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_the_title_line_is_segmented_and_taggable(tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", "North Korean Troops Sent\nThey arrived. Officials said so.")
    (article,) = load_corpus([path]).articles
    assert [s.text for s in article.sentences] == [
        "North Korean Troops Sent",
        "They arrived.",
        "Officials said so.",
    ]
    assert article.sentences[0].index == 0


def test_a_byte_order_mark_is_removed_before_hashing(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", "\ufeffTitle\nText.".encode())
    (article,) = load_corpus([path]).articles
    assert article.text == "Title\nText."
    assert article.title == "Title"
    assert article.sha256 == hashlib.sha256(b"Title\nText.").hexdigest()
    assert article.sentences[0].start == 0


def test_windows_line_ends_become_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"Title\r\nOne. Two.\r\n")
    (article,) = load_corpus([path]).articles
    assert article.text == "Title\nOne. Two.\n"
    assert [(s.text, s.paragraph) for s in article.sentences] == [
        ("Title", 0),
        ("One.", 1),
        ("Two.", 1),
    ]


def test_sentences_are_segmented_only_when_first_used(tmp_path: Path) -> None:
    for number in range(3):
        write(tmp_path / f"{number}.txt", f"Title {number}\nText.")
    corpus = load_corpus([tmp_path])
    assert not any(article.is_segmented for article in corpus)
    first = corpus.articles[0]
    assert first.sentences is first.sentences
    assert [article.is_segmented for article in corpus] == [True, False, False]


BAD_FILES = [
    pytest.param("empty.txt", b"", "empty", id="empty"),
    pytest.param("blank.txt", b" \n\t\n", "empty", id="only whitespace"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
    pytest.param("latin1.txt", "Café au lait".encode("latin-1"), "not UTF-8", id="not utf-8"),
    pytest.param("wide.txt", "Title\nText.".encode("utf-16"), "UTF-16", id="utf-16"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_a_bad_file_is_reported_and_the_rest_loads(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    write(tmp_path / "good.txt", "Good\nText.")
    bad = write(tmp_path / name, content)
    corpus = load_corpus([tmp_path])
    assert [article.id for article in corpus] == ["good"]
    (problem,) = corpus.problems
    assert problem.path == bad
    assert reason in problem.reason
    message = str(problem)
    assert str(bad) in message and reason in message and "\n" not in message


def test_a_missing_path_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good\nText.")
    missing = tmp_path / "missing.txt"
    corpus = load_corpus([missing, good])
    assert [article.id for article in corpus] == ["good"]
    (problem,) = corpus.problems
    assert problem.path == missing
    assert "no such file" in str(problem) and str(missing) in str(problem)


def test_a_duplicate_id_is_reported_naming_both_files_and_neither_is_opened(
    tmp_path: Path,
) -> None:
    # Taking the first found (QA pass 2): a file added in a sub-folder that sorts first
    # took the id, and the annotations made on the other were re-anchored onto its text.
    first = write(tmp_path / "a" / "same.txt", "First\nText.")
    second = write(tmp_path / "b" / "same.md", "Second\nText.")
    other = write(tmp_path / "c" / "other.txt", "Other\nText.")
    corpus = load_corpus([tmp_path])
    assert [article.path for article in corpus] == [other]
    later, earlier = corpus.problems
    assert later.path == second and str(first) in later.reason
    assert earlier.path == first and "neither is opened (rename one)" in earlier.reason
    for problem in corpus.problems:
        assert "duplicate" in problem.reason and "'same'" in problem.reason


def test_a_named_file_that_is_not_an_article_is_reported(tmp_path: Path) -> None:
    other = write(tmp_path / "table.csv", "a,b\n1,2\n")
    corpus = load_corpus([other])
    assert corpus.articles == []
    (problem,) = corpus.problems
    assert problem.path == other and ".txt" in problem.reason


def test_every_bad_input_at_once(tmp_path: Path) -> None:
    write(tmp_path / "ok1.txt", "One\nText.")
    write(tmp_path / "empty.md", b"")
    write(tmp_path / "binary.txt", b"\x00\x01")
    write(tmp_path / "cp1252.txt", b"\x93quoted\x94")
    write(tmp_path / "sub" / "ok1.md", "Duplicate\nText.")
    write(tmp_path / "sub" / "ok2.md", "Two\nText.")
    corpus = load_corpus([tmp_path, tmp_path / "nowhere"])
    assert sorted(article.id for article in corpus) == ["ok2"]  # ok1 twice: neither
    assert sorted(problem.path.name for problem in corpus.problems) == [
        "binary.txt",
        "cp1252.txt",
        "empty.md",
        "nowhere",
        "ok1.md",
        "ok1.txt",
    ]
