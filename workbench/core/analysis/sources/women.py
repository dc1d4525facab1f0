"""Which full names the annotations show to be a woman's, so that "Ms. Pelosi" joins
"Nancy Pelosi" (rv13 R4).

Source grouping keeps a woman's honorific apart from a full name not known to be a
woman's: in news copy "Mrs. Biden" beside "Hunter Biden" is most often another person of
the family (tr11 T9). A short list of first names knew too few women, so every "Ms."
of any other woman was a second source. What an article says of the person is better
evidence than a longer list: a "she" or "her" used of the full name (a pronoun source
that names it, or the first pronoun after the name in a sentence typed with it), a
woman's role written beside it ("Its chairwoman, Agnieszka Wróbel,": qa16 Q8), and a
woman's honorific typed with the same surname in an article that types the full name
("Nancy Pelosi said …", then "Ms. Pelosi said …"). Any such evidence of a man ("he",
"his", "Mr. Biden" in that article) leaves the name unknown: the reading stays apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from workbench.core.analysis.lexicon import (
    FEMALE_ROLE_NOUNS,
    FEMALE_TITLES,
    MALE_FIRST_NAMES,
    MALE_ROLE_NOUNS,
    MALE_TITLES,
    RELATIVE_PRONOUNS,
    TITLES,
)
from workbench.core.analysis.sources.grouping import clean_source, parse_source

_SHE = frozenset(["she", "her", "hers", "herself"])
_HE = frozenset(["he", "his", "him", "himself"])
GENDERED_PRONOUNS = _SHE | _HE
"""The pronoun sources whose speaker women_named reads."""
_WOMAN_TITLES = frozenset(t.rstrip(".") for t in FEMALE_TITLES)
_MAN_TITLES = frozenset(t.rstrip(".") for t in MALE_TITLES)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def she_words(role_nouns: Iterable[str]) -> re.Pattern[str]:
    """A pronoun of hers, or one of `role_nouns` (each word as written: rv16 R8)."""
    roles = "|".join(map(re.escape, sorted(role_nouns)))
    return re.compile(rf"\b(?:[Ss]he|[Hh]ers?|[Hh]erself|{roles})\b", re.IGNORECASE)


_SHE_WORD = she_words(FEMALE_ROLE_NOUNS)
"""A sentence that may show a woman: a pronoun of hers, or a woman's role noun."""
_BESIDE = re.compile(r"[,;:()\u2014\u2013]")
"""Where the words written beside a name (its role, its apposition) end."""


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
    sentences: dict[str, list[str]] = defaultdict(list)
    """Full name -> the sentences it was typed on (read only for a woman's candidates)."""
    read: dict[str, tuple[str, tuple[str, str] | None, str]] = {}
    """Spelling -> (its pronoun, its honorific's surname and gender, its full name)."""
    for typed, speaker, sentence, article in sources:
        pronoun, honorific, name = read.get(typed) or read.setdefault(typed, _reading(typed))
        if honorific is not None:  # as typed: the summary may have resolved it to the name
            honorifics[article].add(honorific)
        if speaker != typed:
            name = (read.get(speaker) or read.setdefault(speaker, _reading(speaker)))[2]
        if not name:
            continue
        full_in[article].add(name)
        if pronoun:
            told[name].add("she" if pronoun in _SHE else "he")
        elif speaker.strip() == typed.strip():
            sentences[name].append(sentence)
    for article, names in full_in.items():
        if article in honorifics:
            for name in names:
                words = parse_source(name)[1]  # "Park Jin" is Ms. Park: any word of it
                if words[0] in MALE_FIRST_NAMES:
                    continue  # a woman's title never joins a man's given name (src14)
                told[name].update(g for surname, g in honorifics[article] if surname in words)
    for name, typed_on in sentences.items():
        if "he" in told[name] or not (told[name] or any(_SHE_WORD.search(s) for s in typed_on)):
            continue  # no woman's evidence to weigh, or already a man's
        told[name].update(gender for s in typed_on if (gender := _pronoun_after(name, s)))
        told[name].update(gender for s in typed_on if (gender := _role_beside(name, s)))
    return frozenset(name for name, genders in told.items() if genders == {"she"})


def _reading(spelling: str) -> tuple[str, tuple[str, str] | None, str]:
    """A spelling's gendered pronoun ("she"), its honorific's surname and gender ("Ms.
    Pelosi": ("pelosi", "she")) and its cleaned full name ("Nancy Pelosi"), each or none."""
    kind, tokens = parse_source(spelling)
    if kind == "pronoun":
        return (tokens[0] if tokens[0] in GENDERED_PRONOUNS else "", None, "")
    if kind != "person":
        return ("", None, "")
    if len(tokens) > 1:
        return ("", None, clean_source(spelling))
    gender = _honorific_gender(spelling)
    return ("", (tokens[0], gender) if gender else None, "")


def _honorific_gender(spelling: str) -> str:
    """'she' for "Ms. Pelosi", 'he' for "Mr. Biden", else ""."""
    words = {word.lower().rstrip(".") for word in spelling.split()}
    woman, man = bool(words & _WOMAN_TITLES), bool(words & _MAN_TITLES)
    return "she" if woman and not man else "he" if man and not woman else ""


def _role_beside(name: str, sentence: str) -> str:
    """The gender a role noun written beside `name` tells: before it in its clause ("Its
    chairwoman, Agnieszka Wróbel,", "Commission spokeswoman Agnieszka Wróbel") or in the
    apposition after it (", the commission's spokeswoman,"), as the suggester reads a
    role for "she" (qa16 Q8); not a relative clause's ("Rosa Imre, whose daughter …"),
    which speaks of someone else, nor a role that is not the last word before the name or
    of its apposition ("The chairwoman met Piet Wróbel": hers, not his)."""
    at = sentence.find(name)
    if at < 0:
        return ""
    before = _WORD.findall(sentence[:at].rstrip().removesuffix(","))
    roles = [before[-1].lower()] if before else []
    after = sentence[at + len(name) :].lstrip()
    if after.startswith(","):
        apposition = [w.lower() for w in _WORD.findall(_BESIDE.split(after[1:])[0])]
        if apposition and apposition[0] not in RELATIVE_PRONOUNS:
            roles.append(apposition[-1])
    woman = any(w in FEMALE_ROLE_NOUNS for w in roles)
    man = any(w in MALE_ROLE_NOUNS for w in roles)
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
