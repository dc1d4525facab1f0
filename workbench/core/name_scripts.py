"""Analyst names whose letters come from more than one script: look-alikes.

"аna" with a Cyrillic "а" (U+0430) prints as "ana" on every screen and in every report,
yet is another analyst: taken without a word, "All analysts: ana, аna." named two people
nobody could tell apart (qa21 #6). A name of one script is left alone, however it is
written; a name mixing scripts is said (the letters of its lesser scripts escaped, named
by their code point), and so is an analyst whose name differs from it only in letters of
another script. Scripts are read from the Unicode character names (the standard library
has no script property): the first word of "CYRILLIC SMALL LETTER A". The scripts one
name may mix, as Unicode's "highly restrictive" profile (UTS #39) allows: Latin with Han
and the Japanese kana, with Han and Bopomofo, or with Han and Hangul. A full confusables
table (UTS #39 skeletons) would also catch a whole name in another script ("асе", all
Cyrillic, for "ace"); that is a new dependency for a case no one has met here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from workbench.core.terminal_text import name_printable

_HAN = "CJK"
_ONE_WRITING = (
    frozenset(("LATIN", _HAN, "HIRAGANA", "KATAKANA")),
    frozenset(("LATIN", _HAN, "BOPOMOFO")),
    frozenset(("LATIN", _HAN, "HANGUL")),
)
"""Scripts written together in one name (UTS #39, highly restrictive)."""


def script(character: str) -> str | None:
    """A letter's script, from its Unicode name ("CYRILLIC"); None for what is no letter
    (digits, punctuation, marks, spaces: common to every script)."""
    if not character.isalpha():
        return None
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0].split("-", 1)[0] or None


def scripts(name: str) -> Counter[str]:
    """The scripts of the name's letters, in one Unicode form (NFKC: a full-width or a
    mathematical "a" is Latin), each with how many letters it writes."""
    found = (script(c) for c in unicodedata.normalize("NFKC", name))
    return Counter(s for s in found if s is not None)


def mixed(name: str) -> bool:
    """Whether a word of the name has letters of scripts not written together in a name
    (a Latin given name beside a Cyrillic patronymic is two words, each of one script)."""
    return not name.isascii() and any(_mixed_word(word) for word in name.split())


def _mixed_word(word: str) -> bool:
    held = set(scripts(word))
    return len(held) > 1 and not any(held <= together for together in _ONE_WRITING)


def code_point(character: str) -> str:
    """A character as its code point escaped, as Python writes it: "\\u0430"."""
    number = ord(character)
    return f"\\u{number:04x}" if number <= 0xFFFF else f"\\U{number:08x}"


def analyst_shown(name: str) -> str:
    """An analyst's name as printed (name_printable), with the letters of each mixed
    word's lesser scripts escaped ("\\u0430na"): never shown as "ana"."""
    if not mixed(name):
        return name_printable(name)
    composed = unicodedata.normalize("NFKC", name)
    return name_printable(_WORD.sub(lambda word: _shown_word(word.group()), composed))


_WORD = re.compile(r"\S+")


def _shown_word(word: str) -> str:
    if not _mixed_word(word):
        return word
    return "".join(code_point(c) if c in _lesser(word) else c for c in word)


def _lesser(word: str) -> list[str]:
    """The letters of a mixed word not of its main script (the one writing most; Latin
    in a tie, what a reader takes the word for)."""
    counted = scripts(word)
    main = max(counted, key=lambda name: (counted[name], name == "LATIN"))
    return [c for c in word if script(c) not in (None, main)]


def quoted_name(name: str) -> str:
    """An analyst's name quoted as Python quotes it, or with its lesser scripts' letters
    escaped when it mixes scripts ('\\u0430na'): two names never quoted alike."""
    return f"'{analyst_shown(name)}'" if mixed(name) else repr(name)


def mixed_script_problem(name: str) -> str | None:
    """What to say of a name mixing scripts, or None: which letter, by code point."""
    if not mixed(name):
        return None
    composed = unicodedata.normalize("NFKC", name)
    word = next(word for word in composed.split() if _mixed_word(word))
    first = _lesser(word)[0]
    kinds = " and ".join(s.title() for s, _ in scripts(word).most_common())
    return (
        f"analyst name {analyst_shown(name)} mixes {kinds} letters ({code_point(first)} is "
        f"{unicodedata.name(first, '?')}): it prints like a name written in one script, "
        "and is another analyst"
    )


def script_twins(name: str, held: list[str]) -> list[str]:
    """The names of `held` that differ from `name` only in letters of other scripts at
    the same places ("ana" for "аna"), sorted: the analyst it looks like."""
    if name.isascii() and all(other.isascii() for other in held):
        return []
    return sorted(other for other in set(held) if other != name and _script_twins(name, other))


def _script_twins(one: str, other: str) -> bool:
    one = unicodedata.normalize("NFKC", one).casefold()
    other = unicodedata.normalize("NFKC", other).casefold()
    if len(one) != len(other) or not (mixed(one) or mixed(other)):
        return False
    return all(
        a == b or (script(a) is not None and script(b) is not None and script(a) != script(b))
        for a, b in zip(one, other, strict=True)
    )
