"""Fuzzy matching of a typed query against many texts: every word, in any order.

An analyst types a few words they remember ("zelensky troops"), not the sentence's exact
phrase, so each word of the query is matched on its own, anywhere in the text, and a word
may carry a typo. A text matches when every word does; the whole query found verbatim
ranks above the words found apart, and exact words above words found with a typo.

Texts are compared as `search_key` made them (lower case, punctuation as spaces), and
scanned a chunk at a time: a caller shows the first results, and stops (a newer
keystroke) between chunks. Each chunk is one rapidfuzz call per word, and each word after
the first is only tried on the texts that matched the words before it.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, filterfalse

from rapidfuzz import fuzz, process, utils

CHUNK = 10_000
"""Texts scanned per call: a few milliseconds each, so the first results come at once
and a cancelled search stops soon (a call into rapidfuzz holds the interpreter lock)."""

COMMON_WORD = 8
"""A word held verbatim by at least one text in this many (a common word) is aligned
only with the texts that do not hold it: finding those costs one substring test each,
less than aligning the texts that hold it; for a rarer word it would cost more than it
saves."""
COMMON_SAMPLE = 256

PHRASE_BONUS = 100.0
"""Added when the whole query appears verbatim: a phrase outranks scattered words."""

_DIGIT_GROUPS = re.compile(r"\d(?<![\d.,]\d)(?<!\d[ '’,.]\d)\d{0,2}(?:[ '’,.]\d{3})+\b")
"""A number whose thousands are split by a comma, a point, a space or an apostrophe
("11,000", "11.000", "11 000", "12’000"): a first group of one to three digits, then
groups of three ("in 2024 500 troops" is two numbers, "3.14159" one). The lookbehinds
come after the first digit: tried at every place of every sentence, they cost four
times as much in front."""
_SEPARATORS = re.compile(r"[ '’,.]")
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
"""Characters that show nothing (a soft hyphen, zero-width spaces, a word joiner), pasted
from web pages inside words and numbers ("12,\u200b000"): dropped from a search key.

Six of the 4,300 in terminal_text's table of what draws nothing (terminal_text.INVISIBLE),
on purpose (rv16): search_key runs on every sentence of the corpus and every annotation
the review filters, and six substring tests cost 0.14 µs a sentence where one pattern of
the whole table costs 2.2 µs (the bundled articles' non-ASCII sentences, load 7; a key
costs 12.5 µs in all). Any other character of the table becomes a space in the key
(rapidfuzz's default_process; a Hangul filler, a letter, stays): a word typed whole is
then missed where one sits inside it, but nothing else is ever matched for it."""
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))


_MARKS = re.compile(r"[\u0300-\u036f]")
_LATIN_ACCENTS = re.compile(r"(?<=[A-Za-z])[\u0300-\u036f]+")
"""The accents of a decomposed Latin letter (é is e and U+0301, Å is A and U+030A)."""
_WRITTEN_APART = {
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ı": "i",
}  # fmt: skip
"""Latin letters that Unicode does not decompose, as an English keyboard spells them."""


def _latin_letters_unaccented() -> dict[str, str]:
    """Each accented Latin letter (Latin-1, Extended-A and B, Extended Additional) as
    the ASCII letters it decomposes to, and those of _WRITTEN_APART."""
    table = dict(_WRITTEN_APART)
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        letter = chr(code)
        plain = _LATIN_ACCENTS.sub("", unicodedata.normalize("NFKD", letter))
        if plain != letter and plain.isascii() and plain.isalpha():
            table[letter] = plain
    return table


_UNACCENTED = _latin_letters_unaccented()
_ACCENTED = re.compile(f"[{re.escape(''.join(_UNACCENTED))}]")


def without_accents(text: str) -> str:
    """`text` with compatibility characters folded (NFKC: fullwidth "２" is "2") and
    Latin letters without their accents: "Peña" is "Pena", "Kovač" "Kovac", "Sæther"
    "Saether", as an analyst on an English keyboard types them (qa13 Q1: the review
    found none of them). A mark on a letter of another script is kept: there it can be
    part of the letter (й is not и).

    A letter is looked up in a table made once (a decomposition per letter would cost
    ten times as much), and each step first looks, at C speed, whether it has
    anything to do: most non-ASCII news text holds only curly quotes and dashes."""
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _MARKS.search(text):  # a mark no letter composes with ("x̌")
        text = _LATIN_ACCENTS.sub("", text)
    if _ACCENTED.search(text):
        text = _ACCENTED.sub(lambda letter: _UNACCENTED[letter.group()], text)
    return text


def search_key(text: str) -> str:
    """Text as matched: compatibility characters folded (NFKC: fullwidth "２，０００" is
    "2,000", a no-break or thin space a space), Latin letters without their accents
    (`without_accents`), invisible characters dropped, lower case, punctuation as
    spaces, and a number's thousands joined however they are split ("11,000",
    "11.000", "11 000", "11\u00a0000", "12’000": "11000"), as the figure reader reads
    them (qa6 Q11: the review search did not find "11 000" or "２，０００" for 11000 or
    2000)."""
    if not text.isascii():
        text = without_accents(text)
        for mark in INVISIBLE:
            if mark in text:
                text = text.translate(_DROP_INVISIBLE)
                break
    return utils.default_process(_DIGIT_GROUPS.sub(_joined, text))


def _joined(found: re.Match[str]) -> str:
    return _SEPARATORS.sub("", found.group())


def typos_allowed(word: str) -> int:
    """Letters that may be wrong, missing or extra: none in short words (they would
    match almost anything), one from four letters, two from eight."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def word_cutoff(word: str, floor: float = 0.0) -> float:
    """Lowest rapidfuzz partial_ratio at which `word` counts as found.

    partial_ratio is the best alignment of the word with a stretch of the text, as a
    share of matching letters: one wrong letter in a six-letter word leaves 5/6 (83.3).
    `floor` lets a caller ask for closer matches than the typo allowance.
    """
    allowed = typos_allowed(word)
    if allowed == 0:
        return 100.0
    return max(floor, 100.0 * (len(word) - allowed) / len(word) - 0.01)


@dataclass(frozen=True, slots=True)
class Query:
    """A query as matched: its normalised text and its distinct words.

    Words are tried in the order that discards texts cheapest: those that must be
    exact first (a substring test), then the longest (the rarest, usually).
    """

    text: str
    words: tuple[str, ...]

    @classmethod
    def parse(cls, raw: str) -> Query:
        text = search_key(raw)
        distinct = dict.fromkeys(text.split())
        order = sorted(distinct, key=lambda word: (typos_allowed(word) > 0, -len(word)))
        return cls(text, tuple(order))

    def __bool__(self) -> bool:
        return bool(self.words)


def allows_typos(query: Query) -> bool:
    return any(map(typos_allowed, query.words))


def match(
    query: Query, keys: Sequence[str], cutoff: float = 0.0, typos: bool = True
) -> list[tuple[int, float]]:
    """(offset, score) of every key matching every word of `query`, in key order.

    With `typos` False only exact words count (a fast first pass). The score is the
    mean similarity of the words (0-100, longer words weigh more), plus PHRASE_BONUS
    when the whole query appears verbatim, plus a tie-break below 0.01 favouring texts
    the match fills more of: every word exact scores at least 100, any typo less.
    """
    if not query:
        return []
    offsets: Sequence[int] = range(len(keys))
    weighted = [0.0] * len(keys)
    for word in query.words:
        texts = keys if len(offsets) == len(keys) else [keys[offset] for offset in offsets]
        found = _found(word, texts, word_cutoff(word, cutoff) if typos else 100.0)
        kept: list[int] = []
        for position, score in found:
            offset = offsets[position]
            weighted[offset] += score * len(word)
            kept.append(offset)
        kept.sort()
        offsets = kept
        if not offsets:
            return []
    total = sum(len(word) for word in query.words)
    results = []
    for offset in offsets:
        key = keys[offset]
        fill = len(query.text) / max(len(key), len(query.text))
        score = weighted[offset] / total + fill / 101
        if query.text in key:
            score += PHRASE_BONUS
        results.append((offset, score))
    return results


def _found(word: str, texts: Sequence[str], cutoff: float) -> list[tuple[int, float]]:
    """(position, similarity) of the texts in which `word` is found."""
    if cutoff >= 100.0:
        return [(position, 100.0) for position, text in enumerate(texts) if word in text]
    found: list[tuple[int, float]] = []
    positions: Sequence[int] = range(len(texts))
    if _is_common(word, texts):
        # Texts holding the word verbatim score 100 for a substring test: only the
        # others need aligning with rapidfuzz, the costly part of a search.
        holds = [word in text for text in texts]
        found = [(position, 100.0) for position in compress(positions, holds)]
        positions = list(filterfalse(holds.__getitem__, positions))
        texts = [texts[position] for position in positions]
    shortest = len(word) - typos_allowed(word)
    found.extend(
        (positions[offset], float(score))
        for _text, score, offset in process.extract(
            word,
            texts,
            scorer=fuzz.partial_ratio,
            processor=None,
            limit=None,
            score_cutoff=cutoff,
        )
        # partial_ratio aligns the shorter string inside the longer: a text shorter
        # than the word ("I") would otherwise match any word containing it.
        if len(texts[offset]) >= shortest
    )
    return found


def _is_common(word: str, texts: Sequence[str]) -> bool:
    """Whether at least one text in COMMON_WORD holds `word` verbatim, judged on the
    first COMMON_SAMPLE texts: a guess that only decides how to scan, never what is
    found."""
    sample = texts[:COMMON_SAMPLE]
    return sum(word in text for text in sample) * COMMON_WORD >= len(sample) > 0


def match_chunks(
    query: Query,
    keys: Sequence[str],
    cutoff: float = 0.0,
    typos: bool = True,
    chunk: int = CHUNK,
) -> Iterator[list[tuple[int, float]]]:
    """`match` over `keys` a chunk at a time: (position in keys, score) per chunk.

    A caller wanting the best hits at once makes two passes: exact words first (a
    substring test, fast, and every exact match outranks any match with a typo), then
    with typos, which finds the exact matches again with the same score.
    """
    for low in range(0, len(keys), chunk):
        yield [
            (low + offset, score)
            for offset, score in match(query, keys[low : low + chunk], cutoff, typos)
        ]


def best(
    ranked: Iterable[tuple[int, float]], more: Iterable[tuple[int, float]], limit: int
) -> list[tuple[int, float]]:
    """The `limit` best (position, score) pairs of both, best first, earlier on ties;
    a position in both is kept once."""
    merged = dict(ranked)
    for position, score in more:
        if score > merged.get(position, -1.0):
            merged[position] = score
    return heapq.nsmallest(limit, merged.items(), key=lambda item: (-item[1], item[0]))
