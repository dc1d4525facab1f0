"""Who "the Russian leader" is: a role with a people's adjective read as the person the
article names in that role.

Reports name a head of state once with the office and the country ("President Vladimir
V. Putin of Russia", "North Korean leader Kim Jong-un", "Kim Jong-un, North Korea's
leader") and then write "the Russian leader" or "the North Korean leader". The
suggester resolves a bare role only to a speaker described by the same words before
it, so "the Russian leader" after "Mr. Putin said" names nobody (qa4 Q15). Here each
person the article names in full is read with the people (a demonym or a country, the
lexicon's DEMONYM_ADJECTIVES and COUNTRIES) and the office written beside their name,
anywhere in the article (an office holds for the whole report); the role names the one
person of that people holding that office ("leader" is any head of state or government),
and nobody when none or two do, or when the office is qualified ("former", "deputy").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.sources.grouping import parse_source
from workbench.core.analysis.sources.surnames import distinct_people
from workbench.core.analysis.suggestions.tokens import Tokens, tokenize
from workbench.core.corpus.sentences import Sentence

LEADERS = frozenset(
    ["leader", "president", "premier", "chancellor", "king", "queen", "emperor", "prime"]
)
"""Offices "the Russian leader" may mean: the head of a state or of its government."""

QUALIFIERS = frozenset(["former", "deputy", "vice", "acting", "late", "ex", "then"])
"""Words that make an office another one ("former president")."""

REACH = 4
"""Words read before a name for its office ("South Korean Defense Minister")."""


@dataclass(frozen=True, slots=True)
class NationRole:
    """'the Russian leader': the people and the office words."""

    people: str
    """As the lexicon names it ("Russian")."""
    office: frozenset[str]
    """The role's words without the people and "the" ({"leader"}, {"foreign", "minister"})."""


def nation_role(source: str) -> NationRole | None:
    """The people and office of a role source with a people's adjective ("the Russian
    leader", "the North Korean foreign minister", "Russia's president"), else None."""
    words = [w.strip(",.") for w in source.lower().replace("’", "'").split()]
    if words and words[0] == "the":
        words = words[1:]
    people, rest = _people_first(words)
    if people is None or not rest or any(w in QUALIFIERS for w in rest):
        return None
    if rest[-1] not in lx.ROLES and rest[-1] not in LEADERS:
        return None
    if not all(w in lx.TITLES or w in lx.ROLES for w in rest):
        return None
    return NationRole(people, frozenset(rest))


def _people_first(words: list[str]) -> tuple[str | None, list[str]]:
    """The people the first word(s) name ("north korean", "russia's") and the rest."""
    for size in (2, 1):
        head = " ".join(words[:size])
        country = head.removesuffix("'s")
        found = lx.DEMONYM_ADJECTIVES.get(head) or (
            lx.COUNTRIES.get(country) if head.endswith("'s") else None
        )
        if found is not None:
            return found, words[size:]
    return None, words


@dataclass(frozen=True, slots=True)
class Holder:
    """A person the article names in full, with a people and an office beside the name."""

    name: str
    tokens: tuple[str, ...]
    people: str
    office: frozenset[str]


def holders(text: str, sentences: Sequence[Sentence]) -> list[Holder]:
    """Every full name in the article written with a people and an office."""
    found = []
    for sentence in sentences:
        if not any(c.isupper() for c in sentence.text[1:]):
            continue
        tokens = tokenize(text[sentence.start : sentence.end], sentence.start)
        if tokens.is_headline:
            continue
        found.extend(_holders_in(tokens))
    return found


def _holders_in(tokens: Tokens) -> list[Holder]:
    items = tokens.items
    found = []
    k = 0
    while k < len(items):
        if not _name_word(tokens, k):
            k += 1
            continue
        end = k
        while end < len(items) and (_name_word(tokens, end) or items[end].is_particle):
            end += 1
            if items[end - 1].is_possessive:
                break
        names = [t for t in items[k:end] if not t.is_particle and len(t.bare) > 1]
        if len(names) >= 2:
            written = tokens.span_text(k, end)
            if items[end - 1].is_possessive:  # "Vladimir Putin’s war"
                written = written[: -len("’s")] if written.endswith(("’s", "'s")) else written
            kind, words = parse_source(written)
            if kind == "person":
                for people, office in _described(tokens, k, end):
                    found.append(Holder(written, words, people, office))
        k = max(end, k + 1)
    return found


def _name_word(tokens: Tokens, k: int) -> bool:
    token = tokens.items[k]
    return token.is_name and token.bare not in lx.NAME_PREFIXES and not _people_word(token.bare)


def _people_word(word: str) -> bool:
    return word in lx.DEMONYM_ADJECTIVES or word in lx.COUNTRIES or word in ("north", "south")


def _described(tokens: Tokens, start: int, end: int) -> list[tuple[str, frozenset[str]]]:
    """(people, office) written beside the name tokens[start:end]: before it ("North
    Korean leader Kim Jong-un"), "of Russia" after it, or an apposition after it
    (", North Korea's leader", ", the Russian president")."""
    found = []
    before = [tokens.lowers[j] for j in range(max(0, start - REACH), start)]
    while before and not _office_or_people(before[0]):
        before = before[1:]
    cut = _last_break(before)
    before = before[cut:]
    people, office = _people_first(before)
    if office and all(w in lx.TITLES or w in lx.ROLES for w in office):
        if people is not None:
            found.append((people, frozenset(office)))
        elif end + 1 < len(tokens) and tokens.lowers[end] == "of":
            country = _country_at(tokens, end + 1)
            if country is not None:
                found.append((country, frozenset(office)))
    if end < len(tokens) and tokens[end].text == ",":
        after = []
        j = end + 1
        while j < len(tokens) and tokens[j].text not in lx.SEGMENT_BOUNDARIES:
            after.append(tokens.lowers[j])
            j += 1
        if after and after[0] == "the":
            after = after[1:]
        people, office = _people_first(after)
        if people is not None and office and all(w in lx.TITLES or w in lx.ROLES for w in office):
            found.append((people, frozenset(office)))
    return found


def _office_or_people(word: str) -> bool:
    return word in lx.TITLES or word in lx.ROLES or _people_word(word.removesuffix("'s"))


def _last_break(words: list[str]) -> int:
    """Where the description next to the name starts: after the last word that is
    neither a title, a role nor a people's word."""
    cut = 0
    for n, word in enumerate(words):
        if not _office_or_people(word):
            cut = n + 1
    return cut


def _country_at(tokens: Tokens, k: int) -> str | None:
    for size in (2, 1):
        words = " ".join(tokens.lowers[k : k + size])
        if words in lx.COUNTRIES:
            return lx.COUNTRIES[words]
    return None


def holder_of(role: NationRole, found: list[Holder]) -> str | None:
    """The one person of `found` holding `role` (the fullest way the article writes
    them), else None."""
    matching = [h for h in found if h.people == role.people and _holds(h.office, role.office)]
    people = distinct_people(h.tokens for h in matching)
    if len(people) != 1:
        return None
    return max(matching, key=lambda h: len(h.tokens)).name


def _holds(office: frozenset[str], role: frozenset[str]) -> bool:
    """The office written beside a name is the role asked: its words are there, or the
    role is "leader" and the office heads a state or a government."""
    if office & QUALIFIERS:
        return False
    if role == {"leader"}:
        return bool(office & LEADERS)
    return role <= office


TITLED = re.compile(
    r"(?:M(?:rs?|s|iss)|Dr|President|Premier|Chancellor|King|Queen|Prime Minister)"
    r"\b\.?\s+([A-Z][\w’'-]+)"
)
"""A person named by surname with an honorific or a head's title ("Mr. Putin",
"President Putin"): how a report names someone it named in full in another article."""


def titled_surnames(text: str) -> frozenset[str]:
    """The surnames `text` writes after an honorific or a head of state's title."""
    return frozenset(match.group(1) for match in TITLED.finditer(text))


def holder_by_surname(role: NationRole, found: Sequence[Holder], surname: str) -> str | None:
    """The one person of `found` (holders read elsewhere in the corpus) in `role` whose
    surname is `surname`, else None (qa7 Q13: a report writes "Mr. Putin said …", then
    "the Russian leader" and "Russia's president", and names him in full nowhere: the
    role stayed a source of its own, one speaker counted as three). The office and the
    people come from where the corpus names him in full; the fullest, then the
    commonest way it writes him."""
    last = surname.lower().replace("’", "'")
    matching = [
        h
        for h in found
        if h.people == role.people and _holds(h.office, role.office) and h.tokens[-1] == last
    ]
    if len(distinct_people(h.tokens for h in matching)) != 1:
        return None
    written = Counter(h.name for h in matching)
    return max(matching, key=lambda h: (len(h.tokens), written[h.name])).name
