"""Inputs that are not plain files never hang or crash a load, and are always named."""

from __future__ import annotations

import errno
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.corpus import articles
from workbench.core.corpus.articles import load_corpus
from workbench.core.files import regular
from workbench.core.files.regular import NotARegularFile, open_regular, read_regular

STORY = "A title\nThe minister said the plan works.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A corpus folder with one good article and every kind of file that is not one."""
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "good.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "pipe-without-suffix")
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "broken.md").symlink_to("nowhere.md")
    (corpus / "sub" / "up").symlink_to("..")  # a link to a folder: not followed
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(corpus / "sock.md"))
    yield corpus
    server.close()


def reasons(corpus_problems: list[object]) -> dict[str, str]:
    return {problem.path.name: problem.reason for problem in corpus_problems}  # type: ignore[attr-defined]


def test_fifos_sockets_links_and_loops_in_a_folder_are_named_not_opened(folder: Path) -> None:
    corpus = load_corpus([folder])
    assert [article.id for article in corpus] == ["good"]
    assert reasons(corpus.problems) == {
        "broken.md": "broken symbolic link",
        "loop.txt": "symbolic link loop",
        "pipe.txt": "a FIFO (named pipe), not an article file",
        "sock.md": "a socket, not an article file",
    }


def test_fifos_and_devices_named_directly_are_skipped(folder: Path) -> None:
    named = [folder / "pipe.txt", folder / "pipe-without-suffix", Path("/dev/null")]
    corpus = load_corpus([*named, folder / "good.txt"])
    assert [article.id for article in corpus] == ["good"]
    assert [problem.reason for problem in corpus.problems] == [
        "a FIFO (named pipe), not an article file",
        "a FIFO (named pipe), not an article file",
        "a character device, not an article file",
    ]


def test_a_named_symbolic_link_loop_is_named(folder: Path) -> None:
    corpus = load_corpus([folder / "loop.txt"])
    assert reasons(corpus.problems) == {"loop.txt": "symbolic link loop"}


def test_an_unreadable_folder_is_named_and_the_rest_loads(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # the tests run as root: chmod cannot lock it
        if Path(str(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus([folder])
    assert [article.id for article in corpus] == ["good"]
    assert reasons(corpus.problems)["locked"] == "cannot read the folder: Permission denied"


def test_an_unreadable_file_is_named(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refusing(path: object, flags: int, *args: int) -> int:
        if str(path).endswith("good.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    corpus = load_corpus([folder / "good.txt"])
    assert reasons(corpus.problems) == {"good.txt": "Permission denied"}


def test_a_file_name_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert reasons(corpus.problems) == {name: "the file name is not UTF-8 (rename it)"}


def test_the_opened_file_decides_not_a_stat_before_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path swapped for a FIFO between the check and the open: the open does not block
    (O_NONBLOCK) and fstat on the descriptor refuses it."""
    real_stat = os.stat
    pipe = folder / "pipe.txt"

    def stale_stat(path: object, **options: bool) -> os.stat_result:
        return real_stat(folder / "good.txt" if Path(str(path)) == pipe else path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(regular.os, "stat", stale_stat)
    with pytest.raises(NotARegularFile, match="FIFO"):
        open_regular(folder / "pipe.txt")
    assert read_regular(folder / "good.txt") == STORY.encode()


def test_a_device_is_refused_without_being_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> int:
        raise AssertionError("opened")

    monkeypatch.setattr(os, "open", never)
    with pytest.raises(NotARegularFile) as refused:
        open_regular("/dev/zero")
    assert refused.value.strerror == "a character device, not a regular file"
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)


def test_a_folders_dot_files_and_dot_folders_are_not_articles_and_are_named(
    tmp_path: Path,
) -> None:
    """qa10 Q23: `.hidden.txt` was read as article ".hidden"; a dot-folder was walked."""
    corpus = tmp_path / "story"
    (corpus / ".git").mkdir(parents=True)
    (corpus / "101_day1.txt").write_text(STORY, encoding="utf-8")
    (corpus / "NOTES.md").write_text("# notes\nThe desk said so.\n", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / ".git" / "draft.txt").write_text(STORY, encoding="utf-8")
    loaded = load_corpus([corpus])
    assert [article.id for article in loaded] == ["101_day1", "NOTES"]
    assert [(problem.path.name, problem.reason) for problem in loaded.problems] == [
        (".hidden.txt", "hidden file (its name starts with a dot): not read as an article")
    ]


def test_a_dot_file_named_itself_is_read(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    assert [article.id for article in load_corpus([tmp_path / ".hidden.txt"])] == [".hidden"]


def test_a_huge_binary_file_is_skipped_at_its_first_part_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr17: a 3 GiB file of zeros with a .txt name (a sparse file: one line, then NUL
    bytes) was read whole, 3 GB in memory, before its NUL bytes had it skipped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(STORY, encoding="utf-8")
    with (corpus / "huge.txt").open("wb") as handle:
        handle.write(b"Title\nSome text. ")
        handle.truncate(64 << 20)  # sparse: nothing written past the first line
    read: list[int] = []
    real_open = regular.open_regular

    class Counted:
        def __init__(self, inner: object) -> None:
            self.inner = inner

        def __enter__(self) -> Counted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()  # type: ignore[attr-defined]

        def fileno(self) -> int:
            return self.inner.fileno()  # type: ignore[attr-defined,no-any-return]

        def read(self, size: int = -1) -> bytes:
            data: bytes = self.inner.read(size)  # type: ignore[attr-defined]
            read.append(len(data))
            return data

    monkeypatch.setattr(articles, "open_regular", lambda path: Counted(real_open(path)))
    corpus_read = load_corpus([corpus])
    assert [article.id for article in corpus_read] == ["good"]
    assert reasons(corpus_read.problems) == {
        "huge.txt": "binary file (contains NUL bytes), not a text article"
    }
    assert sum(read) <= 2 << 20, "the first part, not the whole file"


def test_a_text_file_larger_than_any_article_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log or dump saved in the folder as .txt is skipped, named, its reading stopped
    past MAX_ARTICLE_BYTES (64 MiB; 3 MiB here), never segmented."""
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 3 << 20, raising=False)
    monkeypatch.setattr(articles, "READ_PART", 1 << 20, raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(STORY, encoding="utf-8")
    (corpus / "log.txt").write_bytes(b"Log\n" + b"A line of a log, and more. \n" * 150_000)
    corpus_read = load_corpus([corpus])
    assert [article.id for article in corpus_read] == ["good"]
    assert reasons(corpus_read.problems) == {
        "log.txt": "larger than 3 MiB, which no article is (a log, a dump or a book?): not "
        "read further"
    }


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    """polish20: `annotate folder folder/story.txt` refused story as a duplicate of
    itself ("so neither is opened"), and a file that cannot be read was named twice.
    Two files of one name in two folders are still refused, both named."""
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "pipe.txt").write_bytes(b"\x00")
    named = [tmp_path, tmp_path / "story.txt", tmp_path / "." / "pipe.txt", tmp_path]
    corpus = load_corpus(named)
    assert [article.id for article in corpus.articles] == ["story"]
    assert [problem.path.name for problem in corpus.problems] == ["pipe.txt"]
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "story.txt").write_text(STORY, encoding="utf-8")
    corpus = load_corpus([tmp_path / "story.txt", tmp_path / "other"])
    assert corpus.articles == []
    assert len(corpus.problems) == 2 and "duplicate article id" in str(corpus.problems[0])
