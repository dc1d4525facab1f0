"""Who "Mr. Park" is: an honorific and a surname read as the person its article named.

News reports name a person in full once ("Foreign Minister Park Jin said") and then by
honorific and surname ("Ms. Park said"). Across a corpus one surname is often several
people (Park Jin and Park Won-gon, Kim Jong-un and Kim Yong-hyun), so "Ms. Park" is
read in its own article, as "he" is: it names the one person of that surname the article
named in full up to its sentence; of two such people there, the one the article quoted
("Kim Yong-hyun said", not Kim Jong-un, only spoken of). Two such people and not one
quoted, a man and a woman both called "Mr./Ms. Park" there, or a first name of the
other gender, and it names nobody: a wrong name is worse than none. What
sources/speakers.py does with one that names nobody (kept apart in its article, or
grouped as typed) depends on the corpus.

A full name is found in the text itself, without reading the whole article as tokens:
each place the surname is written, widened over the capitalised words beside it ("Park
Jin", "Vladimir V. Putin", "Kim Jong-un"), never over a title, a people's adjective or a
possessive ("Russia's Putin"), and never in a headline ("Putin Seeks Vindication"); a
possessive ending it is dropped ("Ilse Marwood's lead": Ilse Marwood, qa16 Q2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.sources.grouping import clean_source, parse_source
from workbench.core.analysis.suggestions.tokens import Token, tokenize

WINDOW = 80
"""Characters read either side of a surname for the name around it."""

_WORD = re.compile(r"[^\W\d_]+(?:[.’'-][^\W\d_]+)*\.?")


@dataclass(frozen=True, slots=True)
class Surname:
    """A source that is one name word, with or without a title before it."""

    written: str
    """The surname as the source writes it ("Park")."""
    token: str
    """As source grouping compares it ("park")."""
    gender: str
    """"he" or "she" when an honorific tells it ("Mr.", "Ms."), else ""."""
    titled: bool
    """A title stands before it ("Mr. Park", "General Ryder"), not "Park" alone."""


@dataclass(frozen=True, slots=True)
class FullName:
    """A person named in full in an article, carrying a surname."""

    offset: int
    text: str
    tokens: tuple[str, ...]
    titled: bool
    """A title stands before it ("Foreign Minister Park Jin"): a person, surely. A
    surname typed alone ("Putin") is read only against these: "Pyongyang" alone must not
    become "Pyongyang Times"."""
    quoted: bool
    """A reporting verb follows it ("Kim Yong-hyun said"): the person speaks here."""


@lru_cache(maxsize=4096)
def surname_of(source: str) -> Surname | None:
    """The surname of a cleaned source that is a person's one name word ("Mr. Park",
    "General Ryder", "Putin"), else None (a full name, a group, a pronoun)."""
    kind, tokens = parse_source(source)
    if kind != "person" or len(tokens) != 1:
        return None
    words = _WORD.findall(clean_source(source))
    place = next(
        (n for n in range(len(words) - 1, -1, -1) if words[n].lower().rstrip(".") == tokens[0]),
        None,
    )
    if place is None:
        return None
    before = [word.lower() for word in words[:place]]
    male = any(w in lx.MALE_TITLES for w in before)
    female = any(w in lx.FEMALE_TITLES for w in before)
    gender = "he" if male and not female else "she" if female and not male else ""
    titled = any(w.rstrip(".") in lx.TITLES for w in before)
    return Surname(words[place].rstrip("."), tokens[0], gender, titled)


@dataclass(frozen=True, slots=True)
class InArticle:
    """What one article says of a surname: the full names carrying it, and whether it
    calls both a man and a woman by it."""

    names: tuple[FullName, ...]
    both_genders: bool


ABSENT = InArticle((), False)


def in_article(text: str, surname: Surname) -> InArticle:
    """Read `text` for `surname` (most articles do not write it: one substring test)."""
    if surname.written not in text:
        return ABSENT
    found = []
    for match in _surname_pattern(surname.written).finditer(text):
        name = _name_at(text, match.start())
        if name is not None and (surname.titled or name.titled):
            found.append(name)
    return InArticle(tuple(found), _both_genders(text, surname.written))


@lru_cache(maxsize=4096)
def _surname_pattern(written: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-]){re.escape(written)}(?![\w-])")


@lru_cache(maxsize=4096)
def _honorific_pattern(written: str) -> re.Pattern[str]:
    honorifics = "|".join(
        sorted({re.escape(t.rstrip(".").title()) for t in lx.MALE_TITLES | lx.FEMALE_TITLES})
    )
    return re.compile(rf"\b({honorifics})\.?\s+{re.escape(written)}(?![\w-])")


def _name_at(text: str, position: int) -> FullName | None:
    """The full name around the surname at `position`, if it stands in one."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, position - WINDOW)
    tokens = tokenize(text[start : min(line_end, position + WINDOW)], start)
    at = next((k for k, token in enumerate(tokens.items) if token.start == position), None)
    if at is None or tokens.is_headline:
        return None
    items = tokens.items
    first = at
    while first > 0 and _name_part(items[first - 1]) and not items[first - 1].is_possessive:
        first -= 1
    last = at + 1
    if not items[at].is_possessive:
        while last < len(items) and _name_part(items[last]):
            last += 1
            if items[last - 1].is_possessive:
                break
    while first < at and items[first].is_particle:
        first += 1
    while last > at + 1 and items[last - 1].is_particle:
        last -= 1
    names = [t for t in items[first:last] if not t.is_particle and len(t.bare.rstrip(".")) > 1]
    if len(names) < 2:
        return None
    written = tokens.span_text(first, last)
    if items[last - 1].is_possessive:  # "Ilse Marwood's lead" names Ilse Marwood (qa16 Q2)
        written = written[: -2 if items[last - 1].lower.endswith("'s") else -1]
    kind, words = parse_source(written)
    if kind != "person" or len(words) < 2:
        return None
    titled = first > 0 and items[first - 1].bare.rstrip(".") in lx.TITLES
    quoted = last < len(items) and items[last].lower in lx.REPORTING_VERBS
    return FullName(position, written, words, titled, quoted)


def _name_part(token: Token) -> bool:
    """A word that can stand in a name beside a surname: capitalised (or a particle),
    not a title or a people's adjective ("President", "Russian")."""
    if not (token.is_name or token.is_particle):
        return False
    return token.bare.rstrip(".") not in lx.NAME_PREFIXES


def distinct_people(names: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Name token tuples with each one that another holds dropped ("Vladimir Putin"
    within "Vladimir Vladimirovich Putin"): the people they are, as far as words tell."""
    people: list[tuple[str, ...]] = []
    for tokens in sorted(set(names), key=lambda t: (-len(t), t)):
        if not any(set(tokens) <= set(person) for person in people):
            people.append(tokens)
    return people


@dataclass(frozen=True, slots=True)
class Reading:
    """What an article says of one surname source: the person it names, or why none."""

    speaker: str | None
    ambiguous: bool
    """Names nobody because the article has two people it could be."""


NOBODY = Reading(None, False)


def read_surname(surname: Surname, end: int, article: InArticle) -> Reading:
    """The person `surname`, in a sentence ending at `end` of an article, names: the one
    person of that surname named in full up to there (`article`: in_article's reading)."""
    before = [name for name in article.names if name.offset < end]
    people = distinct_people(name.tokens for name in before)
    if len(people) > 1:
        # "Kim Yong-hyun said … Kim Jong-un … Mr. Kim said": the one of them quoted
        quoted = distinct_people(name.tokens for name in before if name.quoted)
        if len(quoted) == 1 and not any(
            set(person) <= set(quoted[0]) or set(quoted[0]) <= set(person)
            for person in people
            if person != quoted[0]
        ):
            before = [name for name in before if set(name.tokens) <= set(quoted[0])]
            people = quoted
    if len(people) > 1 or article.both_genders:
        return Reading(None, True)
    if not people:
        return NOBODY
    fullest = max(before, key=lambda name: (len(name.tokens), name.offset))
    if surname.gender and _other_gender(fullest.tokens, surname):
        return Reading(None, True)
    return Reading(fullest.text, False)


def _both_genders(text: str, written: str) -> bool:
    """The article calls someone "Mr. Park" and someone "Ms. Park": two people."""
    honorifics = {found.lower() for found in _honorific_pattern(written).findall(text)}
    male = any(h in lx.MALE_TITLES for h in honorifics)
    female = any(h in lx.FEMALE_TITLES for h in honorifics)
    return male and female


def _other_gender(tokens: tuple[str, ...], surname: Surname) -> bool:
    """A first name of the full name is a common one of the other gender."""
    given = [t for t in tokens if t != surname.token]
    other = lx.FEMALE_FIRST_NAMES if surname.gender == "he" else lx.MALE_FIRST_NAMES
    return any(t in other for t in given)
