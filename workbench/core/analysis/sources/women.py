"""Which full names the annotations show to be a woman's, so that "Ms. Pelosi" joins
"Nancy Pelosi" (rv13 R4).

Source grouping keeps a woman's honorific apart from a full name not known to be a
woman's: in news copy "Mrs. Biden" beside "Hunter Biden" is most often another person of
the family (tr11 T9). A short list of first names knew too few women, so every "Ms."
of any other woman was a second source. What an article says of the person is better
evidence than a longer list: a "she" or "her" used of the full name (a pronoun source
that names it, or the first pronoun after the name in a sentence typed with it), and a
woman's honorific typed with the same surname in an article that types the full name
("Nancy Pelosi said …", then "Ms. Pelosi said …"). Any such evidence of a man ("he",
"his", "Mr. Biden" in that article) leaves the name unknown: the reading stays apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from workbench.core.analysis.lexicon import FEMALE_TITLES, MALE_TITLES, TITLES
from workbench.core.analysis.sources.grouping import clean_source, parse_source

_SHE = frozenset(["she", "her", "hers", "herself"])
_HE = frozenset(["he", "his", "him", "himself"])
_WOMAN_TITLES = frozenset(t.rstrip(".") for t in FEMALE_TITLES)
_MAN_TITLES = frozenset(t.rstrip(".") for t in MALE_TITLES)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class TypedSource(NamedTuple):
    """One annotation's source, as grouping reads it."""

    typed: str
    """The source as recorded ("She", "Ms. Pelosi", "Nancy Pelosi")."""
    speaker: str
    """Whom it names: the speaker a pronoun resolves to, else the source as recorded."""
    sentence: str
    article: str


def women_named(sources: Iterable[TypedSource]) -> frozenset[str]:
    """The full-name spellings (cleaned, as grouping's variants) the annotations show to
    be a woman's and none shows to be a man's."""
    told: dict[str, set[str]] = defaultdict(set)
    """Full name -> "she"/"he" evidence."""
    full_in: dict[str, set[str]] = defaultdict(set)
    """Article -> the full names typed or resolved to in it."""
    honorifics: dict[str, set[tuple[str, str]]] = defaultdict(set)
    """Article -> (surname, "she"/"he") of the honorific spellings typed in it."""
    for source in sources:
        typed = clean_source(source.typed)
        kind, tokens = parse_source(typed)
        gender = _honorific_gender(typed) if kind == "person" and len(tokens) == 1 else ""
        if gender:  # as typed: the summary may have resolved it to the full name
            honorifics[source.article].add((tokens[0], gender))
        speaker = clean_source(source.speaker)
        kind, tokens = parse_source(speaker)
        if kind != "person" or len(tokens) < 2:
            continue
        full_in[source.article].add(speaker)
        pronoun = typed.lower()
        if pronoun in _SHE or pronoun in _HE:
            told[speaker].add("she" if pronoun in _SHE else "he")
        elif typed == speaker:
            gender = _pronoun_after(speaker, source.sentence)
            if gender:
                told[speaker].add(gender)
    for article, names in full_in.items():
        for name in names:
            words = parse_source(name)[1]  # "Park Jin" is Ms. Park: any word of the name
            told[name].update(gender for surname, gender in honorifics[article] if surname in words)
    return frozenset(name for name, genders in told.items() if genders == {"she"})


def _honorific_gender(spelling: str) -> str:
    """'she' for "Ms. Pelosi", 'he' for "Mr. Biden", else ""."""
    words = {word.lower().rstrip(".") for word in spelling.split()}
    woman, man = bool(words & _WOMAN_TITLES), bool(words & _MAN_TITLES)
    return "she" if woman and not man else "he" if man and not woman else ""


def _pronoun_after(name: str, sentence: str) -> str:
    """The gender of the first personal pronoun after `name` in `sentence`, unless another
    capitalised word (another name) comes first: "Nancy Pelosi said she …" -> 'she',
    "Nancy Pelosi told President Biden he …" -> ""."""
    at = sentence.find(name)
    if at < 0:
        return ""
    for word in _WORD.findall(sentence[at + len(name) :]):
        lower = word.lower()
        if lower in _SHE:
            return "she"
        if lower in _HE:
            return "he"
        if word[:1].isupper() and lower not in TITLES:
            return ""
    return ""
