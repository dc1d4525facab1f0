"""Group the ways one speaker is written ("General Ryder", "Maj. Gen. Pat Ryder").

Analysts type the source as it stands in each sentence, so one person appears under
many spellings. People are compared by their name tokens once titles, ranks and
honorifics are stripped: a surname alone ("Mr. Austin") joins a full name only when
exactly one full name in the data set carries it ("Mr. Kim" stays apart when both Kim
Yong-hyun and Kim Jong-un are present). Spelling variants (Zelensky, Zelenskiy,
Zelenskyy) match through rapidfuzz. Organisations and groups ("U.S. officials") are
grouped only when they normalise to the same words; pronouns are never merged into a
person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from workbench.core.analysis.lexicon import (
    ARTICLES,
    BODY_KIND_WORDS,
    FEMALE_FIRST_NAMES,
    FEMALE_TITLES,
    MALE_FIRST_NAMES,
    MALE_TITLES,
    MONTH_NAMES,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAMED_BODIES,
    ROLES,
    ROLES_BEFORE_A_NAME,
    SOURCE_GROUP_WORDS,
    SOURCE_PRONOUNS,
    TITLES,
    WEEKDAYS,
)
from workbench.core.analysis.sources.spelling import SpellingNeighbours

PARSED_SPELLINGS = 16_384
"""Spellings whose parse is kept (parse_source)."""
NAME_TOKEN_SCORE = 85.0
"""rapidfuzz ratio at which two name tokens are one spelling (zelensky ~ zelenskiy: 94)."""
MIN_FUZZY_TOKEN = 5
"""Shorter tokens must match exactly ("Kim" vs "Kin" are different people)."""

_POSSESSIVE_PREFIX = re.compile(r"^.*?[’']s\s+(?=[A-Z])")
_APPOSITIVE = re.compile(r"\s*(?:,|\bof\s+[A-Z]).*$")
_TOKEN = re.compile(r"[^\W\d_]+(?:[.’'][^\W\d_]+)*\.?", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+(?:[.’'-][^\W\d_]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One speaker: the most complete spelling, and every spelling met."""

    canonical: str
    variants: tuple[str, ...]
    kind: str
    """person, group (organisations, officials, countries) or pronoun."""


@dataclass(frozen=True, slots=True)
class _Parsed:
    variant: str
    kind: str
    tokens: tuple[str, ...]
    """Name tokens for people, normalised words for groups."""


def clean_source(source: str) -> str:
    """Collapse whitespace (including no-break spaces), straighten apostrophes, and
    compose accents (NFC): "José" typed as e + U+0301 (a macOS paste, some CMS exports)
    is the same source as "José", not a second row that prints identically (qa6 Q18)."""
    text = source.replace("’", "'").replace("‘", "'")
    text = " ".join(unicodedata.normalize("NFC", text).split())
    # quotation marks around the whole name are the typist's, not the name's (qa6 Q30)
    while len(text) > 2 and text[0] + text[-1] in _QUOTE_PAIRS:
        text = text[1:-1].strip()
    return text


_QUOTE_PAIRS = frozenset(("“”", '""', "''", "«»", "„“"))


def _group_key(text: str) -> tuple[str, ...]:
    words = [w.lower().strip(".") for w in _TOKEN.findall(text)]
    return tuple(w for w in words if w not in ARTICLES)


@lru_cache(maxsize=PARSED_SPELLINGS)
def parse_source(source: str) -> tuple[str, tuple[str, ...]]:
    """(kind, tokens): a person's name tokens without titles, or a group's words. Kept
    for the spellings met last: titles_written and group_sources read the same ones."""
    text = clean_source(source)
    if text.lower() in SOURCE_PRONOUNS:
        return "pronoun", (text.lower(),)
    raw = _name_words(text)
    initials = all(_acronym(word) or word.lower() in ARTICLES for word in raw)
    while raw and raw[0].lower().rstrip(".") in NAME_PREFIXES:
        raw = raw[1:]
    is_name = bool(raw) and _capitalised_name(raw) and not _plural_role(raw)
    tokens = _name_tokens(raw)
    if (
        is_name
        and not any(t in SOURCE_GROUP_WORDS for t in tokens)
        and not _body(text)
        and not initials
    ):
        return "person", tokens
    named = _name_after_role(text, raw)
    if named:
        return "person", named
    return "group", _group_key(text)


_BODY_PHRASES = re.compile(
    r"\b(?:"
    + "|".join(sorted(re.escape(words) for words in SOURCE_GROUP_WORDS if " " in words))
    + r")\b",
    re.IGNORECASE,
)
"""The bodies named in more than one word ("White House", "Red Cross"), whole: no word
of theirs alone says a body (qa20 #10: "Red Cross" was a person)."""


def _body(text: str) -> bool:
    return _BODY_PHRASES.search(text) is not None


def _acronym(word: str) -> bool:
    """A word of capitals alone, dotted or not ("NATO", "UNICEF", "U.N.", "EU"): a body's
    initials, never a person's name, which has a small letter somewhere ("McDonald"), or
    another word beside them ("J.D. Vance", "Mr. DE GAULLE"). The Sources table called
    NATO, the EU, the U.N. and UNICEF people (qa21 #5)."""
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def _capitalised_name(words: list[str]) -> bool:
    """Every word capitalised but a particle inside the name, before its last word
    ("Piet van der Linde", "Mr. van der Linde": qa16 Q9, it was a group)."""
    last = len(words) - 1
    return words[last][:1].isupper() and all(
        word[:1].isupper() or (k < last and word.lower() in NAME_PARTICLES)
        for k, word in enumerate(words)
    )


def _plural_role(words: list[str]) -> bool:
    """One word, the plural of a role ("Survivors", "Relatives", "Witnesses": capitalised
    where it opened the sentence): a group of people, never a name (qa15 Q9)."""
    if len(words) != 1:
        return False
    word = words[0].lower()
    return word in ROLES and word.endswith("s") and not word.endswith("ss")


def _name_words(text: str) -> list[str]:
    """The words that may name a person: no possessor before them ("Ukraine's"), no
    apposition after them (", the spokesman"), no initials."""
    name_part = _APPOSITIVE.sub("", _POSSESSIVE_PREFIX.sub("", text))
    return [word for word in _WORD.findall(name_part) if len(word.rstrip(".")) > 1]


def _name_tokens(words: list[str]) -> tuple[str, ...]:
    """A name's words as compared: lower case, hyphenated parts apart ("yong", "hyun")."""
    return tuple(part.lower() for word in words for part in word.rstrip(".").split("-") if part)


def _name_after_role(text: str, words: list[str]) -> tuple[str, ...]:
    """The name a body's role introduces ("Kremlin spokesman Dmitry Peskov", "Police Chief
    John Smith"): the capitalised words after the last role word, if they name no body.
    Such a source is that person, one speaker with "Dmitry Peskov" (rv9 R10). Not a
    source of two speakers, whatever joins them (`text`, the whole source: rv10 R1, R7)."""
    if _JOINT.search(text) or any(word.lower() in _JOINING for word in words):
        return ()  # "Kremlin spokesman Dmitry Peskov and Foreign Minister Sergei Lavrov"
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower().rstrip(".") in ROLES_BEFORE_A_NAME:
            name = words[index + 1 :]
            break
    else:
        return ()
    tokens = _name_tokens(name)
    if not name or not all(word[:1].isupper() for word in name):
        return ()
    if any(t in SOURCE_GROUP_WORDS or t in NAME_PREFIXES or t in _TIME_NAMES for t in tokens):
        return ()
    return tokens


_JOINT = re.compile(r"[;&/+]|,.*\b[A-Z][\w'-]+\s+[A-Z]")
"""Marks of two speakers in one source: a joining sign, or a comma before another
capitalised name ("Kremlin spokesman Dmitry Peskov, Foreign Minister Sergei Lavrov"),
not one before a role alone ("Dmitry Peskov, Kremlin spokesman"): rv10 R7."""
_JOINING = frozenset(("and", "or", "with"))
"""Words joining two speakers in one source: no one person's name follows its last role."""
_TIME_NAMES = WEEKDAYS | frozenset(MONTH_NAMES)
"""A day or month after a role is when it spoke, not its name ("Pentagon official Tuesday")."""


def named_after_role(source: str) -> bool:
    """Whether `source` names one person by a body's role and a name ("Kremlin spokesman
    Dmitry Peskov"): ClaimReview's Person, whatever body the role belongs to."""
    text = clean_source(source)
    return bool(_name_after_role(text, _name_words(text)))


PersonKey = tuple[str, tuple[str, ...]]
"""("person", name tokens): every spelling that parses to these tokens."""


class _PersonClusters:
    """People clustered in order, each joining the first cluster whose head it matches.

    A match needs at least one pair of similar tokens, so each cluster is indexed by
    its head's tokens and only the clusters holding a spelling of one of the key's
    tokens are tested: the first match found is the one a scan in order would find.
    """

    def __init__(self, keys: Iterable[PersonKey]) -> None:
        self.spelling = SpellingNeighbours(
            (token for _, tokens in keys for token in tokens), NAME_TOKEN_SCORE, MIN_FUZZY_TOKEN
        )
        self.clusters: list[list[PersonKey]] = []
        self._headed_by: dict[str, list[int]] = defaultdict(list)

    def open(self, key: PersonKey) -> None:
        for token in set(key[1]):
            self._headed_by[token].append(len(self.clusters))
        self.clusters.append([key])

    def head(self, number: int) -> tuple[str, ...]:
        return self.clusters[number][0][1]

    def candidates(self, tokens: tuple[str, ...]) -> list[int]:
        """Clusters whose head has a spelling of one of `tokens`, in order."""
        if not tokens:
            return list(range(len(self.clusters)))
        headed_by = self._headed_by
        return sorted(
            {
                number
                for token in tokens
                for spelling in self.spelling.of(token)
                for number in headed_by.get(spelling, ())
            }
        )

    def covers(self, full: tuple[str, ...], part: tuple[str, ...]) -> bool:
        """Every token of `part` is a spelling of a token of `full` (the similarity
        looked up in the spelling index, not scored)."""
        same = self.spelling.same
        return all(any(same(p, f) for f in full) for p in part)


def same_generation(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names' tokens carry the same generational suffix, or none: covering
    words of "Donald Trump Jr." does not make "Donald Trump" his name (rv13 R3)."""
    return _GENERATIONS.intersection(one) == _GENERATIONS.intersection(other)


def _completeness(
    variant: str, tokens: tuple[str, ...], counts: Counter[str]
) -> tuple[int, int, int, bool, str]:
    """The most complete spelling names the group: the most words, the longest (a full
    stop typed after it is no longer: "NATO." is not more than "NATO", qa6 Q30), the most
    used, then one without that stop."""
    bare = variant.rstrip(".")
    return (len(tokens), len(bare), counts[variant], bare == variant, variant)


def _cluster_people(people: list[PersonKey]) -> list[list[PersonKey]]:
    """Full names first (longest first), each joining the first cluster that covers it
    or that it covers with the same generational suffix, if any ("Donald Trump" is not
    Donald Trump Jr., rv13 R3); then surnames alone, joining the one full name that
    carries them, or else the first surname-only cluster they match."""
    found = _PersonClusters(people)
    covers = found.covers
    surnames_only: list[PersonKey] = []
    for key in people:
        if len(key[1]) == 1:
            surnames_only.append(key)
            continue
        home = next(
            (
                number
                for number in found.candidates(key[1])
                if same_generation(found.head(number), key[1])
                and (covers(found.head(number), key[1]) or covers(key[1], found.head(number)))
            ),
            None,
        )
        if home is None:
            found.open(key)
        else:
            found.clusters[home].append(key)
    full_names = len(found.clusters)
    for key in surnames_only:
        near = [number for number in found.candidates(key[1]) if covers(found.head(number), key[1])]
        owners = [number for number in near if number < full_names]
        if len(owners) == 1:
            found.clusters[owners[0]].append(key)
            continue
        home = next((number for number in near if number >= full_names), None)
        if owners or home is None:
            found.open(key)
        else:
            found.clusters[home].append(key)
    return found.clusters


def group_sources(
    sources: Iterable[str],
    written: Mapping[str, frozenset[str]] | None = None,
    women: Collection[str] = frozenset(),
) -> list[SourceGroup]:
    """Group source spellings; sorted by canonical name (case-insensitive). `written`
    gives, for a full name typed without a title, the titles its sentences write before
    it (titles_written): the offices its person is known to hold; `women` the full names
    the annotations show to be a woman's (women.women_named), whom a woman's honorific
    with their surname joins."""
    counts: Counter[str] = Counter(clean_source(s) for s in sources if s and s.strip())
    parsed = [_Parsed(v, *parse_source(v)) for v in counts]
    by_key: dict[tuple[str, tuple[str, ...]], list[_Parsed]] = defaultdict(list)
    for item in parsed:
        by_key[(item.kind, item.tokens)].append(item)
    for key in [key for key in by_key if key[0] == "group"]:
        # "nato" typed in lower case parses as a body's words, "NATO" as a name: the same
        # words are one source whatever their case (qa6 Q30)
        if ("person", key[1]) in by_key:
            by_key[("person", key[1])].extend(by_key.pop(key))
    _join_bodies_named_alike(by_key)
    people = sorted((key for key in by_key if key[0] == "person"), key=lambda k: (-len(k[1]), k[1]))
    clusters = _cluster_people(people)
    clusters.extend([key] for key in by_key if key[0] != "person")
    groups = []
    for cluster in clusters:
        for members in _not_guessed(cluster, by_key, written or {}, women):
            best = max(members, key=lambda m: _completeness(m.variant, m.tokens, counts))
            variants = tuple(sorted({m.variant for m in members}, key=lambda v: (v.lower(), v)))
            groups.append(SourceGroup(best.variant, variants, cluster[0][0]))
    return sorted(groups, key=lambda g: (g.canonical.lower(), g.canonical))


def _not_guessed(
    cluster: list[PersonKey],
    by_key: dict[tuple[str, tuple[str, ...]], list[_Parsed]],
    written: Mapping[str, frozenset[str]],
    women: Collection[str] = frozenset(),
) -> list[list[_Parsed]]:
    """A cluster's spellings, with each surname spelling whose title cannot be the full
    name's person put apart, one group for each surname (tr11 T9): an office or a rank
    the full name's person is not known to hold, from the full name's spellings and
    the titles its sentences write before it (`written`: "Air Force Maj. Gen. Pat
    Ryder, …" typed "Pat Ryder" holds General; "President Kennedy" is not Ambassador
    Caroline Kennedy; "President Biden" is not "Hunter Biden", whom nothing gives an
    office), an honorific of the other gender, a woman's against a full name not known
    to be a woman's (in news copy "Mrs. Biden" beside a man named in full is most often
    another person of the family; known: a common first name, a woman's honorific given
    to the full name, or `women`, what the articles show: rv13 R4), or any surname
    spelling when the full name has a
    generational suffix ("Mr. Trump" is not Donald Trump Jr.). Joining those would be a
    guess between people, which grouping does not make."""
    everyone = [item for key in cluster for item in by_key[key]]
    full = [item for key in cluster if len(key[1]) > 1 for item in by_key[key]]
    if cluster[0][0] != "person" or not full or len(full) == len(everyone):
        return [everyone]
    known = {
        word
        for item in full
        for word in _titles(item.variant) | written.get(item.variant, frozenset())
    }
    offices = known - _HONORIFICS
    genders = {_HONORIFIC_GENDER.get(word, "") for word in known}
    first = cluster[0][1][0]
    genders.add("he" if first in MALE_FIRST_NAMES else "she" if first in FEMALE_FIRST_NAMES else "")
    if any(item.variant in women for item in full):
        genders.add("she")
    genders.discard("")
    suffixed = any(_GENERATIONS & set(key[1]) for key in cluster if len(key[1]) > 1)
    kept = list(full)
    apart: dict[tuple[str, ...], list[_Parsed]] = {}
    """Surname spellings put apart, by surname (and a woman's honorific apart)."""
    for key in cluster:
        if len(key[1]) > 1:
            continue
        for item in by_key[key]:
            titles = _titles(item.variant)
            said = {_HONORIFIC_GENDER[word] for word in titles if word in _HONORIFIC_GENDER}
            if (
                suffixed
                or not (titles - _HONORIFICS - _OFFICE_MODIFIERS) <= offices
                or (said and said != genders and (said == {"she"} or bool(genders)))
            ):
                woman = said == {"she"}  # never grouped with the other titles apart
                apart.setdefault((*key[1], "she" if woman else ""), []).append(item)
            else:
                kept.append(item)
    return [kept, *apart.values()]


_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "father", "sheikh",
     "imam", "rabbi", "professor", "reverend"]
)  # fmt: skip
"""Titles that name no office: any person of the name may be given them."""
_HONORIFIC_GENDER = {
    **{t.rstrip("."): "he" for t in MALE_TITLES},
    **{t.rstrip("."): "she" for t in FEMALE_TITLES},
}
_OFFICE_MODIFIERS = frozenset(["former", "acting"])
"""Words before an office that say when it was held, not which."""
_GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])
_TITLE_FORMS = {
    "gen": "general", "maj": "major", "lt": "lieutenant", "col": "colonel",
    "capt": "captain", "adm": "admiral", "sgt": "sergeant", "brig": "brigadier",
    "cmdr": "commander", "cpl": "corporal", "pvt": "private", "sen": "senator",
    "rep": "representative", "gov": "governor", "prof": "professor", "rev": "reverend",
}  # fmt: skip
"""Abbreviated titles, read as written out ("Gen. Pat Ryder" is "General Ryder")."""


def titles_written(typed: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """For each source typed as a full name without a title, from (source, the sentence
    it was typed on) pairs: the titles those sentences write right before the name
    ("Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, said" -> general, major).
    What the article tells of the person's office, which a surname's must fit
    (_not_guessed); read from the annotations' sentences, so a summary without the
    texts groups as one with them."""
    found: dict[str, set[str]] = defaultdict(set)
    wanted: dict[str, str] = {}
    """Each source as typed -> its spelling when a full name without a title, else ""."""
    for source, sentence in typed:
        spelling = wanted.get(source)
        if spelling is None:
            spelling = clean_source(source)
            kind, tokens = parse_source(spelling)
            untitled = kind == "person" and len(tokens) > 1 and not _titles(spelling)
            spelling = wanted[source] = spelling if untitled else ""
        if spelling:
            before = _words_before(source.strip(), sentence) or _words_before(spelling, sentence)
            if before:
                found[spelling] |= _titles(before)
    return {spelling: frozenset(titles) for spelling, titles in found.items() if titles}


TITLE_REACH = 60
"""Characters read before a name for its titles ("Air Force Maj. Gen.")."""


def _words_before(name: str, sentence: str) -> str:
    """The capitalised words and titles right before the first `name` in `sentence`,
    back to a clause's punctuation or a lower-case word that is no title ("Air Force
    Maj. Gen."), or "" (the name not there, or nothing capitalised before it)."""
    at = sentence.find(name)
    if at < 1:
        return ""
    before: list[str] = []
    for word in reversed(sentence[max(0, at - TITLE_REACH) : at].split()):
        if word[-1] in ',;:()“”"' or not (word[:1].isupper() or word.lower() in TITLES):
            break
        before.append(word)
    return " ".join(reversed(before))


def _titles(variant: str) -> set[str]:
    """The titles written in a spelling, abbreviations written out ("Maj. Gen." ->
    major, general)."""
    words = (word.lower().rstrip(".") for word in _name_words(clean_source(variant)))
    return {_TITLE_FORMS.get(word, word) for word in words if word in TITLES}


def _join_bodies_named_alike(by_key: dict[tuple[str, tuple[str, ...]], list[_Parsed]]) -> None:
    """A body's name, and the same name followed by words saying what kind of body it
    is, are one source: "Yonhap", "Yonhap News" and "Yonhap News Agency" (qa7 Q13, the
    way "Mr. Putin" and "Russian leader" became one speaker). The name must be a name:
    no word of a place, a people or a kind of body ("Ukraine news agency", "South Korean
    intelligence agency" stay apart), the kinds must extend one another ("… agency" and
    "… service" stay apart), and a one-word name typed as a person's joins only when
    typed bare and no other person's name holds it (it may be a surname)."""
    generic = SOURCE_GROUP_WORDS - NAMED_BODIES
    family: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key in [key for key in by_key if key[0] == "group"]:
        tokens = key[1]
        cut = len(tokens)
        while cut > 1 and tokens[cut - 1] in BODY_KIND_WORDS:
            cut -= 1
        name = tokens[:cut]
        if cut < len(tokens) and not any(word in generic for word in name):
            family[name].append(key)
    for name, named in family.items():
        tails = sorted((key[1][len(name) :] for key in named), key=len)
        if any(longer[: len(tail)] != tail for tail, longer in pairwise(tails)):
            continue  # "… agency" and "… service": perhaps two bodies, left apart
        joined = [key for key in (("group", name), ("person", name)) if key in by_key]
        if ("person", name) in joined and not _a_bare_name(name, by_key):
            joined.remove(("person", name))
        every = [*joined, *(key for key in named if key not in joined)]
        if len(every) < 2:
            continue
        home = max(every, key=lambda key: (len(key[1]), key[1]))
        for key in every:
            if key != home:
                by_key[home].extend(by_key.pop(key))


def _a_bare_name(
    name: tuple[str, ...], by_key: dict[tuple[str, tuple[str, ...]], list[_Parsed]]
) -> bool:
    """True for a one-word person key every spelling of which is the word alone, which
    no other person key holds ("Interfax", not "Mr. Park" nor a surname of a full name)."""
    if len(name) != 1:
        return False
    if any(key[0] == "person" and key[1] != name and name[0] in key[1] for key in by_key):
        return False
    return all(item.variant.rstrip(".").lower() == name[0] for item in by_key[("person", name)])


def source_index(groups: Iterable[SourceGroup]) -> dict[str, str]:
    """Cleaned spelling -> canonical name, for looking up an annotation's source."""
    return {variant: group.canonical for group in groups for variant in group.variants}


def canonical_source(index: dict[str, str], source: str | None) -> str | None:
    """The canonical name of `source` (None when the annotation has no source)."""
    if not source or not source.strip():
        return None
    cleaned = clean_source(source)
    return index.get(cleaned, cleaned)
