"""What a denial answers: the words of what it denies, beyond its subject.

"Vasily Nebenzia, Russia's ambassador to the United Nations, accused the Biden
administration ... of "disinformation" ..., denying North Korean troops were on the front
lines in the war" denies that North Korean troops are at the front: what follows the
denying verb. Who spoke, where and when, and the words that only say it is a denial
("disinformation", "lies") are not what is denied; the subject (North Korean troops) is
what every sentence of a news corpus is about, so it tells no claim from another. A claim
is answered by a denial only when it takes up words of what is denied besides the
subject (denials.py). Words are compared on their first five letters ("supplying" and
"supplied", "station" and "stations").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse

from workbench.core.analysis.lexicon import (
    ARMS_NOUNS,
    CLAIM_STOP_WORDS,
    COUNTRIES,
    SUBJECT_DEMONYMS,
    TROOP_NOUNS,
    word_set,
)

STEM = 5
"""Letters a word is compared on."""

DENYING_VERBS = word_set(
    "deny denies denied denying reject rejects rejected rejecting dismiss dismisses "
    "dismissed dismissing dispute disputes disputed disputing refute refutes refuted "
    "refuting contest contests contested contesting question questions questioned "
    "questioning contradict contradicts contradicted contradicting rebut rebuts "
    "rebutted rebutting"
)
"""Verbs whose object is what is denied."""
DENYING_WORDS = DENYING_VERBS | word_set(
    "denial denials lies lie lied lying false falsely untrue baseless groundless "
    "rumors rumours rumor rumour disinformation misinformation fake fabricated "
    "fabrication nonsense propaganda slander slandering distorting distortion "
    "barefaced claims claim claimed reports report reported accusations accusation "
    "accused allegations allegation alleged statements statement calling called "
    "speculation absurd provocation"
)
"""Words that say a sentence is a denial, or name what it answers only by its kind."""
SUBJECT_WORDS = (
    TROOP_NOUNS
    | frozenset(ARMS_NOUNS)
    | frozenset(word for demonym in SUBJECT_DEMONYMS for word in demonym.split())
    | frozenset(f"{demonym.split()[-1]}s" for demonym in SUBJECT_DEMONYMS)
    | frozenset(
        word
        for country, demonym in COUNTRIES.items()
        if demonym.lower() in SUBJECT_DEMONYMS
        for word in country.split()
    )
)
"""The subject's own words ("north", "korean", "troops") and the names of its sides
("russia", "kyiv"): what every sentence of such a corpus speaks of, never evidence by
themselves."""
UNSAID = word_set(
    "against anyone anything else none nothing without because should "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday week "
    "january february march april june july august september october november december"
)
"""Words longer than three letters that say nothing of what is denied (when a denial
was made is not what it denies)."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_QUOTED = re.compile(r"[\u201c\"]([^\u201d\"]+)[\u201d\"]")
"""A quotation: what a denial without a denying verb says, its attribution left out."""
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:()\u2014\u2013]|\s-\s")
"""Where the denied clause ends: "denied that the company would cut jobs in Ohio, calling
the report speculation"; not at the comma inside a number ("denied that 8,000 troops")."""


IRREGULAR_PAST = {
    "sent": "send",
    "built": "build",
    "brought": "bring",
    "fought": "fight",
    "taken": "take",
    "took": "take",
    "given": "give",
    "gave": "give",
    "sold": "sell",
    "bought": "buy",
    "held": "hold",
    "struck": "strike",
    "shot": "shoot",
    "flew": "fly",
    "flown": "fly",
    "drove": "drive",
    "driven": "drive",
    "thrown": "throw",
    "threw": "throw",
    "stole": "steal",
    "stolen": "steal",
    "hidden": "hide",
    "began": "begin",
    "begun": "begin",
}
"""Irregular past forms of verbs longer than three letters, compared as their present
("denied sending troops" and "troops had been sent"; -ing and -ed are taken off the
regular ones)."""


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A lower-case word as compared: an irregular past as its present (IRREGULAR_PAST),
    a plural's s, an -ing or -ed taken off, then its first STEM letters ("supplying" and
    "supplied", "line" and "lines", "sent" and "sending"). Kept for the words met (a
    vocabulary: tens of thousands at 100,000 annotations)."""
    word = IRREGULAR_PAST.get(word, word)
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM]


_NOT_CLAUSE = DENYING_WORDS | UNSAID
_NOT_EVIDENCE = SUBJECT_WORDS | _NOT_CLAUSE


def stems(words: Iterable[str]) -> frozenset[str]:
    """Content words (lower case, longer than three letters: ClaimText.words) as
    compared, beyond the subject."""
    return frozenset(map(stem, filterfalse(_NOT_EVIDENCE.__contains__, words)))


def words_needed(denied: frozenset[str]) -> int:
    """How many of the denied words a claim takes up to answer the denial on them alone:
    two, or half of them when it denies more ("denied that its power line had started
    the fire near Kavala")."""
    return max(2, (len(denied) + 1) // 2)


def denied_clause(quote: str) -> tuple[int, int] | None:
    """The clause after the first denying verb, to a comma (not one inside a number) or a
    dash, as offsets into `quote`; None without such a verb. Read on the quote itself, not
    its lower case, whose length may differ ("İ"), so the offsets are the quote's."""
    for match in _WORD.finditer(quote):
        if match.group().lower() in DENYING_VERBS:
            end = _CLAUSE_END.search(quote, match.end())
            return match.end(), end.start() if end else len(quote)
    return None


class DeniedWords(frozenset[str]):
    """The stems of what a denial denies beyond its subject, with `clause`: every content
    stem of the clause after its denying verb, the subject's words included ("sending
    troops to Russia": send, troop, russi), when what it says beyond the subject names
    no one (else empty). A claim that takes up all of those, one beyond the subject among
    them, states what is denied ("troops had been sent to Russia")."""

    clause: frozenset[str]

    def __new__(cls, words: Iterable[str], clause: frozenset[str]) -> DeniedWords:
        made = super().__new__(cls, words)
        made.clause = clause
        return made


def whole_stems(words: Iterable[str]) -> frozenset[str]:
    """Content words as compared for a whole denied clause: the subject's words kept,
    those that only say it is a denial or when it was said left out."""
    return frozenset(map(stem, filterfalse(_NOT_CLAUSE.__contains__, words)))


@lru_cache(maxsize=1 << 14)
def denied_words(quote: str) -> DeniedWords:
    """The stems of what a denial denies: the content words of the clause after its first
    denying verb, to a comma or a dash (none when that clause names what it denies only
    by its kind or its subject: "dismissed the accusations as groundless rumors"); when
    it has no such verb, those of its quotations, or of the whole sentence without one
    ("These statements ... are all barefaced lies," Mr. Nebenzia said). Kept for the
    last 16,384 denials read (a summary is built again after every change)."""
    clause = denied_clause(quote)
    if clause is not None:
        return _content(quote[clause[0] : clause[1]], verb_phrase=True)
    lowered = quote.lower()
    quoted = _QUOTED.findall(lowered)
    return _content(" ".join(quoted) if quoted else lowered)


@lru_cache(maxsize=1 << 14)
def denied_span(quote: str) -> tuple[int, int]:
    """Where in a denial its denied proposition is, as offsets into `quote`: the clause
    after its first denying verb ("Mr. Putin denied that 8,000 troops had been sent");
    without such a verb, the whole sentence ("There are no 10,000 North Korean soldiers
    in Kursk"). A figure there is the figure denied, not one the denier puts forward
    (qa5 Q1)."""
    return denied_clause(quote) or (0, len(quote))


def _content(text: str, verb_phrase: bool = False) -> DeniedWords:
    """The denied words of `text`; with `verb_phrase` (the clause after a denying verb)
    the whole clause's too (DeniedWords.clause), when what it says beyond the subject is
    no name: "sending troops to Russia" is a deed, "the reports of North Linhol in
    Ukraine" names someone (a whole clause taken up is evidence only of a deed)."""
    found = [word for word in _WORD.findall(text) if len(word) > 3]
    words = frozenset(map(str.lower, found)) - CLAIM_STOP_WORDS
    denied = stems(words)
    named = verb_phrase and any(
        word[:1].isupper() and stem(word.lower()) in denied for word in found
    )
    return DeniedWords(denied, whole_stems(words) if verb_phrase and not named else frozenset())
