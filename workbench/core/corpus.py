"""Loading a corpus of articles from files and folders.

Bad files are reported, never fatal: each problem names the file and why, and the
rest of the corpus still loads. Sentences are segmented lazily, on first use, so a
10,000-article corpus opens in seconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from workbench.core.sentences import Sentence, split_sentences
from workbench.core.titles import markdown_title

ARTICLE_SUFFIXES = (".txt", ".md")


def bundled_articles() -> Path:
    """The five bundled articles: inside an installed wheel, or the source checkout's."""
    package = Path(__file__).resolve().parents[1]
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

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def title(self) -> str:
        """Display only (offsets never depend on it); a `.md` title loses its syntax."""
        markdown = self.path.suffix.lower() == ".md"
        for line in self.text.splitlines():
            title = markdown_title(line) if markdown else line.strip()
            if title:
                return title
        return self.id

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Segmented on first access and cached."""
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
        return f"{self.path}: {self.reason}"


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


def decode_article(raw: bytes) -> str:
    """UTF-8 text without BOM; raises ArticleError for empty, binary or non-UTF-8 data."""
    if not raw.strip():
        raise ArticleError("empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError("UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\x00" in raw:
        raise ArticleError("binary file (contains NUL bytes), not a text article")
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
    return Article(id=path.stem, path=path, text=decode_article(path.read_bytes()))


def article_files(paths: Iterable[Path]) -> Iterator[Path | CorpusProblem]:
    """Every article file under `paths` (folders are walked recursively, sorted)."""
    for path in paths:
        if not path.exists():
            yield CorpusProblem(path, "no such file or folder")
        elif path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path
        else:
            yield CorpusProblem(path, f"not an article (expected {', '.join(ARTICLE_SUFFIXES)})")


def load_corpus(
    paths: Iterable[Path | str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Load articles from files and folders; with no paths, the bundled articles.

    `progress(done, total)` is called now and then, for a progress bar.
    """
    roots = tuple(Path(p) for p in paths) if paths else (BUNDLED_ARTICLES,)
    articles: list[Article] = []
    problems: list[CorpusProblem] = []
    seen: dict[str, Path] = {}
    items = list(article_files(roots))
    for done, item in enumerate(items, start=1):
        if progress is not None and (done % 250 == 0 or done == len(items)):
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
            problems.append(CorpusProblem(item, error.strerror or str(error)))
            continue
        if article.id in seen:
            problems.append(
                CorpusProblem(
                    item, f"duplicate article id {article.id!r} (also {seen[article.id]})"
                )
            )
            continue
        seen[article.id] = item
        articles.append(article)
    return Corpus(articles=articles, problems=problems, roots=roots)
