"""Loading a corpus of articles from files and folders.

Bad files are reported, never fatal: each problem names the file and why, and the
rest of the corpus still loads. Sentences are segmented lazily, on first use, so a
10,000-article corpus opens in seconds.

Nothing met on the way can hang the load or pass unnoticed: a FIFO, socket or device
(named, or in a folder with an article's suffix) is skipped unopened, every file is
opened without blocking and read only if it is a regular file (core/files/regular.py), and
unreadable files and folders, broken links and symbolic link loops are named.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from workbench.core.files.regular import kind_of, open_regular

if TYPE_CHECKING:
    from workbench.core.corpus.sentences import Sentence

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 64 << 20
"""The most bytes an article file may hold: more than three times the largest article the
reliability tests load and tag (20 MB under `make stress`), where a news article is tens
of kilobytes; a larger file is skipped, named, without being read further."""
READ_PART = 1 << 20
"""Bytes of an article file read at a time (article_bytes)."""
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_UTF16 = "UTF-16 text, not UTF-8 (save it as UTF-8)"
_BINARY = "binary file (contains NUL bytes), not a text article"


def bundled_articles() -> Path:
    """The five bundled articles: inside an installed wheel, or the source checkout's."""
    package = Path(__file__).resolve().parents[2]  # workbench/, from workbench/core/corpus/
    inside_wheel = package / "bundled_articles"
    return inside_wheel if inside_wheel.is_dir() else package.parent / "articles"


BUNDLED_ARTICLES = bundled_articles()


@dataclass(eq=False)
class Article:
    """One article: its id is the file stem, its title the first non-empty line."""

    id: str
    path: Path
    text: str
    sha256: str = field(init=False)
    stamp: tuple[int, int] | None = None
    """(mtime in ns, size) of the file when it was read; None when not read from a
    file: what tells a correction saved during a session cheaply (on_disk.py)."""

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def title(self) -> str:
        """Display only (offsets never depend on it); a `.md` title loses its syntax."""
        from workbench.core.corpus.titles import markdown_title  # listing files needs none

        markdown = self.path.suffix.lower() == ".md"
        for line in self.text.splitlines():
            title = markdown_title(line) if markdown else line.strip()
            if title:
                return title
        return self.id

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Segmented on first access and cached."""
        # imported here: the segmenter is not needed to list or read files (a served
        # summary digests the bundled articles' bytes, kept/key.py)
        from workbench.core.corpus.sentences import split_sentences

        return split_sentences(self.id, self.text)

    @property
    def is_segmented(self) -> bool:
        return "sentences" in self.__dict__


@dataclass(frozen=True, slots=True)
class CorpusProblem:
    """A file that could not be loaded, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        """The file named so that no two look alike (terminal_text.invisible_shown); the
        screen or the terminal shows its control characters safely."""
        from workbench.core.terminal_text import invisible_shown

        return f"{invisible_shown(str(self.path))}: {self.reason}"


@dataclass
class Corpus:
    """Articles in a stable order (sorted by path), with the problems met on the way."""

    articles: list[Article]
    problems: list[CorpusProblem]
    roots: tuple[Path, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def position(self, article_id: str) -> int:
        """0-based position of an article; KeyError if absent."""
        for number, article in enumerate(self.articles):
            if article.id == article_id:
                return number
        raise KeyError(article_id)

    @property
    def name(self) -> str:
        if len(self.roots) == 1:
            return self.roots[0].name or str(self.roots[0])
        return f"{len(self.roots)} paths"


class ArticleError(ValueError):
    """A file that is not a readable article."""


OFFSETS = (
    "start and end count code points of the article as read: its UTF-8 bytes decoded, a "
    "leading BOM dropped, CRLF and CR turned into LF (article_sha256 names the bytes)"
)
"""What every offset into an article counts (decode_article), said by each export and
output that carries offsets: a tool applying them to the published file as it is, BOM
and CRLF included, selected other characters (tr7 T18)."""


def decode_article(raw: bytes) -> str:
    """UTF-8 text without BOM; raises ArticleError for empty, binary or non-UTF-8 data."""
    if not raw.strip():
        raise ArticleError("empty file")
    if raw.startswith(_UTF16_MARKS):
        raise ArticleError(_UTF16)
    if b"\x00" in raw:
        raise ArticleError(_BINARY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"not UTF-8 (invalid byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("empty file")
    return text


def read_article(path: Path) -> Article:
    """One article from a file; raises ArticleError (or OSError) when it cannot."""
    try:
        path.stem.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleError("the file name is not UTF-8 (rename it)") from None
    with open_regular(path) as handle:
        opened = os.fstat(handle.fileno())  # before the read: a change during it shows
        raw = article_bytes(handle)
    stamp = (opened.st_mtime_ns, opened.st_size)
    return Article(id=path.stem, path=path, text=decode_article(raw), stamp=stamp)


def read_article_bytes(path: Path) -> bytes:
    """The bytes of the article file at `path` (article_bytes); ArticleError or OSError."""
    with open_regular(path) as handle:
        return article_bytes(handle)


def article_bytes(handle: BinaryIO) -> bytes:
    """The bytes of an article file open as `handle`, read a part at a time and refused
    (ArticleError) at the first part that shows it is no article: UTF-16's mark, a NUL
    byte, or more than MAX_ARTICLE_BYTES. A 3 GiB file of zeros with a .txt name was read
    whole, 3 GB in memory, before its NUL bytes had it skipped (tr17); a big log or
    dump saved in the folder as text would have been segmented."""
    parts: list[bytes] = []
    size = 0
    while part := handle.read(READ_PART):
        if not parts and part.startswith(_UTF16_MARKS):
            raise ArticleError(_UTF16)
        if b"\x00" in part:
            raise ArticleError(_BINARY)
        size += len(part)
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"larger than {MAX_ARTICLE_BYTES >> 20} MiB, which no article is (a log, a "
                "dump or a book?): not read further"
            )
        parts.append(part)
    return b"".join(parts)


def why_unreadable(error: OSError, path: Path) -> str:
    """The reason an OSError gives about `path`, in the words of a skip message."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    return error.strerror or str(error)


def is_article_name(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def article_files(paths: Iterable[Path]) -> Iterator[Path | CorpusProblem]:
    """Every article file under `paths`, and a problem for each path that cannot be one.

    A folder is walked recursively in sorted order (symbolic links to folders are not
    followed, so a link cannot lead the walk in circles); its dot-files and dot-folders
    are not read (a dot-file with an article's suffix is named as skipped). A path named
    itself is read whatever its name.

    A file named twice (a folder and a file in it, or `a.txt ./a.txt`) is one file: it
    was read twice, its article refused as a duplicate of itself and not opened at all,
    and a file that cannot be read was named as skipped twice (polish20).
    """
    given: set[str] = set()
    for item in _named_files(paths):
        where = os.path.abspath(item.path if isinstance(item, CorpusProblem) else item)
        if where not in given:
            given.add(where)
            yield item


def _named_files(paths: Iterable[Path]) -> Iterator[Path | CorpusProblem]:
    """article_files, a file named twice found twice."""
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            yield CorpusProblem(path, why_unreadable(error, path))
            continue
        if stat.S_ISDIR(mode):
            yield from sorted_walk(path)
        elif not stat.S_ISREG(mode):
            yield CorpusProblem(path, f"{kind_of(mode)}, not an article file")
        elif is_article_name(path):
            yield path
        else:
            yield CorpusProblem(path, f"not an article (expected {', '.join(ARTICLE_SUFFIXES)})")


def sorted_walk(folder: Path) -> Iterator[Path | CorpusProblem]:
    """Article files and problems under `folder`, sorted by path."""
    found: list[Path | CorpusProblem] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            found.append(
                CorpusProblem(current, f"cannot read the folder: {why_unreadable(error, current)}")
            )
            continue
        for entry in listed:
            child = Path(entry.path)
            if entry.name.startswith("."):
                hidden = hidden_entry(entry, child)
                if hidden is not None:
                    found.append(hidden)
            elif entry.is_dir(follow_symlinks=False):
                pending.append(child)
            else:
                item = folder_file(entry, child)
                if item is not None:
                    found.append(item)
    yield from sorted(found, key=item_path)


HIDDEN = "hidden file (its name starts with a dot): not read as an article"


def hidden_entry(entry: os.DirEntry[str], child: Path) -> CorpusProblem | None:
    """A dot-file or dot-folder met in a folder is never read (a desk's editor backups,
    `.git`, a Mac's `._` copies are not articles: qa10 Q23); one with an article's suffix
    is named, so a file someone meant as an article is not dropped unsaid."""
    if entry.is_dir(follow_symlinks=False) or not is_article_name(child):
        return None
    return CorpusProblem(child, HIDDEN)


def item_path(item: Path | CorpusProblem) -> Path:
    return item.path if isinstance(item, CorpusProblem) else item


def folder_file(entry: os.DirEntry[str], child: Path) -> Path | CorpusProblem | None:
    """An entry of a folder that is not a folder: an article file, a problem, or None
    (not an article, or a link to a folder, which is not followed)."""
    if entry.is_file(follow_symlinks=False):  # the usual case costs no system call
        return child if is_article_name(child) else None
    try:
        mode = os.stat(child).st_mode
    except OSError as error:  # a broken link or a loop: named when it may be an article
        if is_article_name(child) or error.errno == errno.ELOOP:
            return CorpusProblem(child, why_unreadable(error, child))
        return None
    if stat.S_ISDIR(mode) or not is_article_name(child):
        return None
    if stat.S_ISREG(mode):
        return child
    return CorpusProblem(child, f"{kind_of(mode)}, not an article file")


def load_corpus(
    paths: Iterable[Path | str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    limit: int | None = None,
) -> Corpus:
    """Load articles from files and folders; with no paths, the bundled articles.

    `progress(done, total)` is called now and then, for a progress bar (an exception it
    raises stops the load). With `limit`, loading stops once that many articles loaded:
    `limit=1` tells cheaply whether there is anything to open at all.
    """
    roots = tuple(Path(p) for p in paths) if paths else (BUNDLED_ARTICLES,)
    articles: list[Article] = []
    problems: list[CorpusProblem] = []
    seen: dict[str, Path] = {}
    duplicated: set[str] = set()
    items = list(article_files(roots))
    for done, item in enumerate(items, start=1):
        if progress is not None and (done % 50 == 0 or done == len(items)):
            progress(done, len(items))
        if isinstance(item, CorpusProblem):
            problems.append(item)
            continue
        try:
            article = read_article(item)
        except ArticleError as error:
            problems.append(CorpusProblem(item, str(error)))
            continue
        except OSError as error:
            problems.append(CorpusProblem(item, why_unreadable(error, item)))
            continue
        if article.id in seen:
            problems.append(
                CorpusProblem(
                    item, f"duplicate article id {article.id!r} (also {seen[article.id]})"
                )
            )
            duplicated.add(article.id)
            continue
        seen[article.id] = item
        articles.append(article)
        if limit is not None and len(articles) >= limit:
            break
    if duplicated:
        # Neither copy is taken: which one the annotations of that id were made on cannot
        # be told, and the first found (a file added in a sub-folder may sort first) would
        # have them re-anchored onto its text, moved or orphaned.
        for article in articles:
            if article.id in duplicated:
                problems.append(
                    CorpusProblem(
                        article.path,
                        f"duplicate article id {article.id!r}: another file has the same name, "
                        "so neither is opened (rename one)",
                    )
                )
        articles = [article for article in articles if article.id not in duplicated]
    return Corpus(articles=articles, problems=problems, roots=roots)
