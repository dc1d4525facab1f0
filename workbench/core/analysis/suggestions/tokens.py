"""Words and punctuation of one sentence, with offsets into the article.

The suggester reads a sentence as tokens and returns spans, so every token keeps where
it stands in the article text. Abbreviations stay whole ("U.S.", "Maj.", "p.m."), as do
names with inner apostrophes and hyphens ("O'Brien", "Jong-un") and possessives
("Korea’s"), and so do words whose accents are combining marks, as a Mac's decomposed
copy writes them ("Wro\u0301bel": qa16 Q3; such a mark is no \\w to `re`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from workbench.core.analysis.lexicon import ABBREVIATIONS, NAME_PARTICLES, NEVER_NAMES

_TOKEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                           # U.S.  U.N.  a.m.
    | \d+(?:[.,:]\d+)*                           # 10,000  54.2  3:45
    | [^\W\d_](?:\w|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]
                 |[’'\-‐](?=\w))*(?:[’'](?![^\W_]))?  # word, Korea’s, officials’, Wro\u0301bel
    | \S                                         # any other character on its own
    """,
    re.VERBOSE,
)


class Token:
    """One word or punctuation mark: text[start:end] of the article.

    Its readings are computed once, when it is made: the suggester asks them often.
    """

    __slots__ = ("bare", "end", "is_capitalised", "is_name", "is_number", "is_particle",
                 "is_possessive", "is_word", "lower", "start", "text")  # fmt: skip

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        first = text[0]
        self.is_word = first.isalnum()
        self.is_capitalised = first.isupper()
        self.is_number = first.isdigit()
        if not self.is_word:  # punctuation: nothing more to read
            self.lower = self.bare = text
            self.is_possessive = self.is_name = self.is_particle = False
            return
        lower = text.lower()
        if "’" in lower:
            lower = lower.replace("’", "'")
        if lower[-1] == "." and len(lower) > 1:
            lower = lower.rstrip(".")
        self.lower = lower
        """Lower case, curly apostrophes straightened, a closing period dropped."""
        self.is_possessive = len(text) > 2 and lower.endswith(("'s", "s'"))
        self.bare = lower
        """Lower case without a possessive ending: "Korea’s" -> "korea"."""
        if self.is_possessive:
            self.bare = lower[:-2] if lower.endswith("'s") else lower[:-1]
        self.is_name = self.is_capitalised and lower not in NEVER_NAMES
        """Capitalised and not a function word ("The", "But" open sentences)."""
        self.is_particle = lower in NAME_PARTICLES

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (
            other.text,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


@dataclass(frozen=True)
class Tokens:
    """The tokens of one sentence, and a few facts about the sentence as a whole."""

    items: tuple[Token, ...]
    text: str
    """The sentence's text; items[k].start - offset indexes it."""
    offset: int

    def span_text(self, first: int, last: int) -> str:
        """The text from token `first` to token `last - 1`, as it stands."""
        return self.text[
            self.items[first].start - self.offset : self.items[last - 1].end - self.offset
        ]

    @cached_property
    def lowers(self) -> tuple[str, ...]:
        return tuple(token.lower for token in self.items)

    @cached_property
    def is_headline(self) -> bool:
        """Title Case: most content words capitalised and no closing period."""
        words = [t for t in self.items if t.is_word and not t.is_number]
        content = [t for t in words if t.lower not in NEVER_NAMES and len(t.text) > 3]
        if len(content) < 3 or (self.items and self.items[-1].text in ".!?"):
            return False
        capitalised = sum(1 for t in content if t.is_capitalised)
        return capitalised >= 0.8 * len(content)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Token:
        return self.items[index]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Tokens of `text`; offsets are `offset` + the position in `text`."""
    found: list[Token] = []
    open_single_quote = False
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if word == "‘":
            open_single_quote = True
        elif open_single_quote and len(word) > 1 and word[-1] in "’'":
            # ‘Indications’: a closing quotation mark, not a plural possessive
            open_single_quote = False
            found.append(Token(word[:-1], start + offset, end - 1 + offset))
            found.append(Token(word[-1], end - 1 + offset, end + offset))
            continue
        if (
            word == "."
            and found
            and found[-1].end == start + offset
            and _keeps_period(found[-1].text)
        ):
            last = found.pop()
            found.append(Token(last.text + ".", last.start, end + offset))
            continue
        found.append(Token(word, start + offset, end + offset))
    return Tokens(tuple(found), text, offset)


def _keeps_period(word: str) -> bool:
    """An abbreviation or an initial ("V." in "Vladimir V. Putin")."""
    if len(word) == 1:
        return word.isupper()
    return word.isalpha() and word.lower() in ABBREVIATIONS
