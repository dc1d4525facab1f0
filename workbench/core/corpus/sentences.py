"""Sentence segmentation with exact code-point offsets.

Paragraphs are lines ("\\n"); a sentence never crosses one. The boundaries come from
sentencex, a maintained segmenter (see docs/decisions/segmentation.md for the comparison
with pysbd and syntok). This module maps its boundaries onto exact offsets and applies
four small, documented repairs on those offsets, never on the text:

1. quotations of several sentences are split at their sentence boundaries (sentencex
   keeps them whole), so each quoted sentence can be tagged on its own;
2. a boundary right after a title abbreviation ("Ret.", "Approx.") is removed;
3. a piece made only of punctuation (a stray ".") joins the sentence before it, or the
   next one when it opens the paragraph; a paragraph of nothing but punctuation has no
   sentence;
4. very long paragraphs are segmented window by window, so any input returns quickly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import sentencex

LANGUAGE = "en"
REPAIRS_VERSION = 1
"""Bump when a repair below moves a boundary: annotations are then checked against the new
segmentation (segmenter_stamp, docs/decisions/reanchoring.md)."""

WINDOW = 5_000
"""Code points given to the library at once; a longer run with no boundary is cut at a space."""

TITLES = frozenset(
    {
        "adm", "approx", "brig", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "lt",
        "maj", "mr", "mrs", "ms", "prof", "rep", "ret", "rev", "sen", "sgt",
    }
)  # fmt: skip
"""Abbreviations that stand before a name or a number and never end a sentence."""
TITLE_REACH = 16
"""Code points looked back from a boundary for a title (keeps long lines linear)."""

QUOTATION = re.compile(r'“[^“”\n]*”|"[^"\n]*"')
INNER_SENTENCE_END = re.compile(r"[.!?…]\W*\s+\S")
SURROGATE = re.compile("[\ud800-\udfff]")
NO_WORD_CHARACTER = re.compile(r"[\W_]*")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: text[start:end] of its article, whitespace trimmed."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@cache
def segmenter_stamp() -> str:
    """Names the segmentation in use: the library's version and the repairs'. The store
    keeps it with each article it has seen, so an upgrade that may move boundaries is
    noticed (and the article's annotations checked) without segmenting every article."""
    from importlib import metadata  # here: importing it costs every command ~15 ms

    try:
        version = metadata.version("sentencex")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"sentencex {version}, repairs {REPAIRS_VERSION}"


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """The sentences of one article, numbered from 0."""
    return [
        Sentence(article_id, index, start, end, text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(sentence_spans(text))
    ]


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for every sentence of `text`, in order."""
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        spans.extend((offset + start, offset + end, paragraph) for start, end in line_spans(line))
        offset += len(line) + 1
    return spans


def line_spans(line: str) -> list[Span]:
    """Sentence spans of one paragraph, relative to the line."""
    if not line or line.isspace():
        return []
    safe = SURROGATE.sub("\ufffd", line)  # same length; the library needs valid UTF-8
    cuts = library_cuts(safe)
    cuts |= quotation_cuts(safe)
    kept = [cut for cut in sorted(cuts) if not follows_title(line, cut)]
    pieces = trimmed_pieces(line, [0, *kept, len(line)])
    return list(join_punctuation_only(line, pieces))


def library_boundaries(text: str) -> list[int]:
    """Where the library starts a new sentence inside `text` (never 0 or len(text))."""
    try:
        found = sentencex.get_sentence_boundaries(LANGUAGE, text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # a Rust panic surfaces as a BaseException subclass
        return []
    starts: list[int] = []
    for boundary in found[1:]:
        start = int(boundary["start_index"])
        if 0 < start < len(text) and (not starts or start > starts[-1]):
            starts.append(start)
    return starts


def library_cuts(line: str) -> set[int]:
    """Library boundaries over the whole line, WINDOW code points at a time.

    The library is quadratic on some inputs (thousands of unmatched quotes), so a long
    line is fed in windows; the last, possibly unfinished sentence of a window starts the
    next one, so ordinary text is cut exactly as in a single call.
    """
    cuts: set[int] = set()
    start = 0
    while len(line) - start > WINDOW:
        stop = window_end(line, start)
        inner = library_boundaries(line[start:stop])
        if inner:
            cuts.update(start + cut for cut in inner)
            start += inner[-1]
        else:
            cuts.add(stop)
            start = stop
    cuts.update(start + cut for cut in library_boundaries(line[start:]))
    return cuts


def window_end(line: str, start: int) -> int:
    """End of the window from `start`: just after its last space, or WINDOW on."""
    space = line.rfind(" ", start + WINDOW // 2, start + WINDOW)
    return space + 1 if space >= 0 else start + WINDOW


def quotation_cuts(line: str) -> set[int]:
    """Sentence boundaries inside quotations, which the library keeps whole."""
    cuts: set[int] = set()
    if "“" not in line and '"' not in line:
        return cuts
    for match in QUOTATION.finditer(line):
        inner = match.group()[1:-1]
        if INNER_SENTENCE_END.search(inner):
            cuts.update(match.start() + 1 + cut for cut in library_boundaries(inner))
    return cuts


def follows_title(line: str, cut: int) -> bool:
    """True if the text before `cut` ends with a title abbreviation such as "Ret."."""
    before = line[max(0, cut - TITLE_REACH) : cut].rstrip()
    if not before.endswith("."):
        return False
    words = before[:-1].split()
    return bool(words) and words[-1].lstrip("(“\"'‘[").lower() in TITLES


def trimmed_pieces(line: str, cuts: list[int]) -> Iterator[Span]:
    """The non-blank stretches between consecutive cuts, without outer whitespace."""
    for start, end in pairwise(cuts):
        piece = line[start:end]
        lead = len(piece) - len(piece.lstrip())
        if lead == len(piece):
            continue
        yield start + lead, end - (len(piece) - len(piece.rstrip()))


def join_punctuation_only(line: str, pieces: Iterator[Span]) -> Iterator[Span]:
    """Attach punctuation-only pieces to the sentence before (or after, at the start)."""
    current: Span | None = None
    pending_start: int | None = None
    for start, end in pieces:
        if is_punctuation_only(line[start:end]):
            if current is not None:
                current = (current[0], end)
            elif pending_start is None:
                pending_start = start
            continue
        if current is not None:
            yield current
        current = (start if pending_start is None else pending_start, end)
        pending_start = None
    if current is not None:
        yield current


def is_punctuation_only(piece: str) -> bool:
    """True if every non-space character is Unicode punctuation (category P*)."""
    if not NO_WORD_CHARACTER.fullmatch(piece):
        return False
    return all(char.isspace() or unicodedata.category(char)[0] == "P" for char in piece)
