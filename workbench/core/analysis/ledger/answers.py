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

from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.figures.quantity import Quantity
from workbench.core.analysis.figures.quote_cap import too_long
from workbench.core.analysis.lexicon import (
    ARMS_NOUNS,
    CLAIM_STOP_WORDS,
    COUNTRIES,
    DETERMINERS,
    FIRST_PERSON,
    FUNCTION_WORDS,
    PRONOUNS,
    QUOTE_CLOSERS,
    REPORTING_VERBS,
    SUBJECT_DEMONYMS,
    TROOP_NOUNS,
    word_set,
)
from workbench.core.analysis.suggestions.attribution import find_attribution
from workbench.core.analysis.suggestions.tokens import Tokens, tokenize

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
    "speculation absurd provocation figure figures account accounts version versions "
    "assertion assertions charge charges estimate estimates explanation explanations "
    "count counts tally tallies toll tolls"
)
"""Words that say a sentence is a denial, or name what it answers only by its kind."""
FIGURE_KINDS = word_set("figure figures estimate estimates count counts tally tallies toll tolls")
"""What names a claim as a figure ("the mayor's figure", "the ministry's count"): a
denial naming whose figure it rejects answers their claims holding a number
(denials.answered_before)."""
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
_POSSESSOR = re.compile(r"[^\W\d_]+['’]s\b", re.UNICODE)
"""Whose claim a denial names ("rejected the union's account"): who made it, not what it
says, so such a denial still names what it denies only by its kind (qa9 Q4)."""
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

DEATH_WORDS = dict.fromkeys(("die", "dies", "died", "dying", "dead", "death", "deaths"), "die")
"""One death said as a verb, an adjective or a noun ("denied that 52 people were dead"
answers "52 people died"): compared as one word (dn9)."""

COMPARED_AS = IRREGULAR_PAST | DEATH_WORDS


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A lower-case word as compared: an irregular past as its present (IRREGULAR_PAST),
    a death in any form as "die",
    a plural's s, an -ing or -ed taken off, then its first STEM letters ("supplying" and
    "supplied", "line" and "lines", "sent" and "sending"). Kept for the words met (a
    vocabulary: tens of thousands at 100,000 annotations)."""
    word = COMPARED_AS.get(word, word)
    if len(word) > 6 and word.endswith("ings"):
        word = word[:-1]  # "warnings" as "warning", then as "warned" (qa9 Q4)
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


@lru_cache(maxsize=1 << 16)
def denied_clause(quote: str) -> tuple[int, int] | None:
    """The clause after the first denying verb, to a comma (not one inside a number) or a
    dash, as offsets into `quote`; None without such a verb. A verb that gives a verdict
    ("called Ms. Vell's claim a lie", "branded the reports propaganda") is one when a
    verdict follows it, its clause what it names (qa10 Q7). Read on the quote itself, not
    its lower case, whose length may differ ("İ"), so the offsets are the quote's.

    Kept for the last 65,536 quotes read: a build asked it of every plain claim of each
    group holding a claim that denies (denials.denying_members) and of each denial four
    times more, 51,000 reads of 21,000 quotes at 100,000 annotations (tok13). Its words
    are looked at one by one only when one of them is such a verb (most quotes, plain
    claims, have none: a set test, not a loop over every word; perf21)."""
    if _CLAUSE_VERBS.isdisjoint(map(str.lower, _WORD.findall(quote))):
        return _without_verb(quote)
    for match in _WORD.finditer(quote):
        word = match.group().lower()
        if word in DENYING_VERBS:
            return match.end(), _clause_end(quote, match.end())
        if word in VERDICT_VERBS:
            end = _clause_end(quote, match.end())
            given = _VERDICT.search(quote, match.end(), end)
            if given is not None and not _CALLED_ON.match(quote, match.end()):
                return match.end(), given.start()
    return _without_verb(quote)


def _without_verb(quote: str) -> tuple[int, int] | None:
    """denied_clause of a quote none of whose verbs opens it: after "no basis for", or
    the subject of a verdict given as a predicate."""
    unsupported = _NO_BASIS.search(quote)
    if unsupported is not None:
        return unsupported.end(), _clause_end(quote, unsupported.end())
    return _predicate_verdict(quote)


_NO_BASIS = re.compile(
    r"\bno\s+[\u201c\"']?(?:basis|grounds|foundation|truth)[\u201d\"']?"
    r"\s+(?:for|to|in|behind)\b",
    re.IGNORECASE,
)
"""What a denial says has no ground ("there was “no basis” for the figure of 47 given by
the town's mayor", "no truth to reports that ..."): the clause after it is what it
denies, as a denying verb's object is (qa17 Q3)."""


def _predicate_verdict(quote: str) -> tuple[int, int] | None:
    """The subject of a verdict given as a predicate: "said that figure was “categorically
    false”" denies "that figure", "“This result is a lie,” he told reporters" "This
    result" (qa16 Q7: no denying verb, so nothing was denied and the figure just before
    was never linked); "said it was untrue that troops had been sent" the clause after
    "that". The subject runs back to a reporting verb, a quotation mark or a clause's end."""
    for copula in _COPULA.finditer(quote):
        given = _VERDICT.match(quote, copula.end())
        if given is None:
            continue
        that = _THAT.match(quote, given.end())
        if that is not None:
            return that.end(), _clause_end(quote, that.end())
        start = max(
            (found.end() for found in _SUBJECT_OPENS.finditer(quote, 0, copula.start())),
            default=0,
        )
        if _WORD.search(quote, start, copula.start()):
            return start, copula.start()
    return None


def _clause_end(quote: str, start: int) -> int:
    """Where the denied clause from `start` ends: at a comma, a dash or a colon
    (_CLAUSE_END), or before what the denier says instead ("rejected that figure and
    said only 212 passengers had boarded": 212 is the denier's own figure, qa15 Q2).
    What follows "and said" is still denied when it says something is not so ("and said
    no troops were in Kursk", qa10 Q7)."""
    found = _CLAUSE_END.search(quote, start)
    end = found.start() if found else len(quote)
    instead = _SAID_INSTEAD.search(quote, start, end)
    if instead is not None and not _NEGATION.search(quote, instead.end(), end):
        return instead.start()
    return end


_SAID_INSTEAD = re.compile(
    r"\s+(?:and|but)\s+(?:said|says|added|adds|insisted|insists|maintained|maintains|"
    r"argued|argues|stated|states|told|tells|countered|counters|explained|explains)\b",
    re.IGNORECASE,
)
"""A second report of the denier's, coordinated with its denial."""
_NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|nothing|neither|nor|cannot)\b|n['’]t\b", re.IGNORECASE
)


def _skip_space(quote: str, at: int) -> int:
    while at < len(quote) and not quote[at].isalnum():
        at += 1
    return at


VERDICT_VERBS = word_set(
    "call calls called calling brand brands branded branding label labels labelled "
    "labeled labelling labeling term terms termed terming"
)
"""Verbs that give what they name a verdict ("called the report a lie"): a denying verb
only when a verdict word follows."""
_CLAUSE_VERBS = DENYING_VERBS | VERDICT_VERBS
"""The verbs denied_clause looks for, word by word, once a quote holds one."""
VERDICT_WORDS = word_set(
    "lies lie false untrue baseless groundless rumors rumours disinformation "
    "misinformation fake fabricated fabrication fabrications nonsense propaganda "
    "slander distortion absurd speculation provocation unfounded invented"
)
"""The verdicts a denial gives what it denies."""
_VERDICT = re.compile(
    r"[\s\u201c\"']*(?:(?:an?|the|pure|complete|total|outright|baseless|a\s+pack\s+of|"
    r"completely|totally|utterly|entirely|absolutely|wholly|simply|patently|categorically)\s+)*"
    r"[\u201c\"']?\b(?:" + "|".join(sorted(VERDICT_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
"""A verdict and the words that lead into it ("“a lie”", "pure propaganda", "“completely
false”": the clause before it ends before its quotation mark, qa13 Q9)."""
_AS = re.compile(r"\bas\b", re.IGNORECASE)
_COPULA = re.compile(r"\b(?:is|was|are|were|(?:has|have|had)\s+been)\b", re.IGNORECASE)
"""What gives a verdict as a predicate ("the figure was false")."""
_THAT = re.compile(r"\s+that\b", re.IGNORECASE)
_SUBJECT_OPENS = re.compile(
    r"[\u201c\"]|" + _CLAUSE_END.pattern + r"|\b(?:said|says|say|saying|added|adds|insisted|"
    r"insists|stated|states|maintained|maintains|argued|argues|told\s+[^\W\d_]+)\b",
    re.IGNORECASE,
)
"""Where the subject of a predicate verdict starts, after the last of these before it."""
_NOT_VERDICT_AS = word_set("many much few little well high low large long far soon such same so")
"""Words on either side of an "as" of comparison ("as many as 500", "as well as")."""


def without_verdict(quote: str, start: int, end: int) -> str:
    """The clause quote[start:end] after a denying verb without the verdict it gives a noun
    ("rejected the mayor's figure as speculation that helps no one": "the mayor's
    figure"; "dismissed the reports as a pure fabrication and said no troops were in
    Kursk": "the reports and said no troops were in Kursk"): the verdict is the denier's
    word for it, not what is denied (qa10 Q7)."""
    verdict = verdict_span(quote, start, end)
    if verdict is None:
        return quote[start:end]
    return f"{quote[start : verdict[0]]} {quote[verdict[1] : end]}"


def denied_text(quote: str) -> str | None:
    """What a denial denies as a person reads it: its denied clause without the verdict
    (without_verdict), the words the ledger compares, trimmed of the spaces, marks and
    quotation marks at its ends; None without a denying verb. The report and the screen
    printed the whole clause, verdict included: "denies: 200 dead as Halden toll reaches
    46" read as the ministry denying its own 46 (rv11 R5)."""
    clause = denied_clause(quote)
    if clause is None:
        return None
    shown = _before_open_quotation(" ".join(without_verdict(quote, *clause).split()))
    return _with_its_quotation_marks(shown.strip(_SHOWN_TRIMMED)) or None


_SHOWN_TRIMMED = " .,;:!?\"'\u201c\u201d\u2018\u2019"
_OPENING_QUOTE = re.compile('\u201c|(?:^|(?<=\\s))"(?=\\S)')
"""A double quotation mark that opens a quotation: “, or " after a space, before a word."""
_DOUBLE_QUOTES = re.compile('["\u201c\u201d]')


def _before_open_quotation(text: str) -> str:
    """`text` cut before a quotation it opens and does not close: a fragment ends
    outside quotation marks ("the report “deeply misleading and" -> "the report", qa13
    Q9: a verdict the denial quotes is not what it denies)."""
    marks = list(_DOUBLE_QUOTES.finditer(text))
    if marks and _OPENING_QUOTE.match(text, marks[-1].start()):
        return text[: marks[-1].start()]
    return text


def _with_its_quotation_marks(trimmed: str) -> str:
    """`trimmed` with the quotation marks trimming took from a quotation at its ends:
    “reports that the ferry was "overloaded"”, not “… "overloaded”."""
    marks = list(_DOUBLE_QUOTES.finditer(trimmed))
    if not marks:
        return trimmed
    last, first = marks[-1], marks[0]
    if _OPENING_QUOTE.match(trimmed, last.start()):
        trimmed += "\u201d" if last.group() == "\u201c" else '"'
    if not _OPENING_QUOTE.match(trimmed, first.start()) and (
        len(marks) == 1 or _OPENING_QUOTE.match(trimmed, marks[1].start())
    ):
        trimmed = ("\u201c" if first.group() == "\u201d" else '"') + trimmed
    return trimmed


def verdict_span(quote: str, start: int, end: int) -> tuple[int, int] | None:
    """Where, in the clause quote[start:end] after a denying verb, the verdict it gives a
    noun starts (at "as") and where what it says resumes (a conjunction, else `end`);
    None when it gives none. Not after a proposition ("denied that troops were sent as
    part of a deal"), nor an "as" of comparison ("the figure of as many as 500")."""
    first = _WORD.match(quote, _skip_space(quote, start))
    if first is not None and _opens_proposition(first.group().lower()):
        second = _WORD.match(quote, _skip_space(quote, first.end()))
        if second is None or not _points_at_a_kind(first.group(), second.group()):
            return None
    for match in _AS.finditer(quote, start, end):
        before = _WORD.findall(quote, start, match.start())
        after = _WORD.match(quote, _skip_space(quote, match.end()))
        if (before and before[-1].lower() in _NOT_VERDICT_AS) or after is None:
            continue
        if after.group().lower() not in _NOT_VERDICT_AS:
            resumes = _VERDICT_ENDS.search(quote, match.end(), end)
            return match.start(), resumes.start() if resumes else end
    return None


def _opens_proposition(word: str) -> bool:
    """Whether a denying verb's object is a proposition ("denied that …", "denied
    sending …", "denied having …"), not a noun (whose "as" gives a verdict)."""
    return word in ("that", "having", "being") or word.endswith("ing")


def _points_at_a_kind(first: str, second: str) -> bool:
    """Whether "that" before `second` points at what is denied by its kind ("rejected that
    figure as speculation", "rejected that explanation"): a demonstrative before one
    claim, report or figure, not the "that" of a proposition ("denied that figures had
    been hidden", whose noun is plural or has its article, qa15 Q2)."""
    return first.lower() == "that" and second.lower() in _KIND_NOUNS


_KIND_NOUNS = word_set(
    "claim report figure account version assertion charge estimate accusation allegation "
    "statement explanation rumor rumour count tally toll"
)
"""One thing denied named by its kind (each among DENYING_WORDS)."""


_VERDICT_ENDS = re.compile(r"\s(?:and|but|while|saying|adding)\s", re.IGNORECASE)
"""Where what a denial says resumes after the verdict it gave."""


_CALLED_ON = re.compile(r"\s+(?:on|for|upon|off|in|up)\b", re.IGNORECASE)
""""called on", "called for": no verdict given."""


def whose_claim(quote: str) -> str | None:
    """Whose claim a denial names in its denied clause, lower case ("rejected the union's
    account": "union"), or None."""
    found = _possessor(quote)
    return found.group()[:-2].lower() if found else None


def _possessor(quote: str) -> re.Match[str] | None:
    """The possessive ("the union's") in a denial's denied clause, or None."""
    clause = denied_clause(quote)
    return None if clause is None else _POSSESSOR.search(quote, *clause)


def whose_figure(quote: str) -> str | None:
    """Whose figure a denial names in its denied clause, lower case ("dismissed the
    mayor's figure as premature", "rejected the ministry's count": "ministry"): whose
    claim it names (whose_claim) when a figure's kind (FIGURE_KINDS) follows, else None."""
    found = _possessor(quote)
    if found is None:
        return None
    after = _WORD.match(quote, _skip_space(quote, found.end()))
    if after is None or after.group().lower() not in FIGURE_KINDS:
        return None
    return found.group()[:-2].lower()


@lru_cache(maxsize=1 << 14)
def anaphoric(quote: str) -> bool:
    """Whether a denial names what it denies only by a pronoun or by its kind ("Karim
    rejected that, saying …", "The owner has denied the allegation.", "dismissed the
    accusations as groundless rumors", "rejected the mayor's figure as speculation that
    helps no one"): the clause after its denying verb, without the verdict it gives
    (without_verdict), holds no word but those (DENYING_WORDS, when it was said, stop
    words) and whose claim it is. What it answers is then a claim before it
    (denials.antecedents, denials.answered_before), never one its words could find.
    Not a denying verb with no object after it ("the capabilities of its elite troops
    have been questioned" says what is questioned before it). Kept for the last 16,384
    quotes read."""
    clause = denied_clause(quote)
    if clause is None:
        return False
    unnamed = _POSSESSOR.sub(" ", _NAMED_POSSESSOR.sub(" ", without_verdict(quote, *clause)))
    words = _WORD.findall(unnamed)
    return bool(words) and not whole_stems(_said_words([w for w in words if len(w) > 3]))


_NAMED_POSSESSOR = re.compile(
    r"\b(?:the|a|an)\s+(?:[^\W\d_]+\s+){1,2}[^\W\d_]+['’]s\b", re.IGNORECASE | re.UNICODE
)
"""A possessor of several words ("the coast guard's figure", "the interior ministry's
account"): whose claim it is, every word of it (qa15 Q4), as _POSSESSOR is of one."""


class DeniedWords(frozenset[str]):
    """The stems of what a denial denies beyond its subject, with `clause`: every content
    stem of the clause after its denying verb, the subject's words included ("sending
    troops to Russia": send, troop, russi), when what it says beyond the subject names
    no one (else empty). A claim that takes up all of those, one beyond the subject among
    them, states what is denied ("troops had been sent to Russia")."""

    # no dict each: the open summary holds thousands (mem7)
    __slots__ = ("clause", "figure_needed", "figures", "names")
    clause: frozenset[str]
    names: tuple[frozenset[str], ...]
    """The stems of each name of several words among them (name_parts)."""
    figures: frozenset[str]
    """The values of the figures denied, as figure keys write them (denied_values)."""
    figure_needed: bool
    """Only a claim stating one of `figures` is answered: the words are the speaker's own
    statement, the figure put aside what is denied ("14 remained missing, not 30")."""

    def __new__(
        cls,
        words: Iterable[str],
        clause: frozenset[str],
        names: tuple[frozenset[str], ...] = (),
        figures: frozenset[str] = frozenset(),
        figure_needed: bool = False,
    ) -> DeniedWords:
        made = super().__new__(cls, words)
        made.clause = clause
        made.names = names
        made.figures = figures
        made.figure_needed = figure_needed
        return made

    def taken_up(self, said: frozenset[str]) -> int:
        """How many of these a claim's stems `said` take up, a name of several words
        counted once: naming "the Stella Nordica" takes up one thing denied, not two
        (qa13 Q7: "rejected reports that the Stella Nordica had been overloaded" answered
        "The sinking of the Stella Nordica, which killed at least 45 people")."""
        taken = len(self.intersection(said))
        if taken > 1:
            for name in self.names:
                taken -= max(len(name.intersection(said)) - 1, 0)
        return taken


def name_parts(text: str, denied: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The `denied` stems of each name of several capitalised words in `text`, written
    apart by a space or a hyphen ("the Stella Nordica", "North Korean troops": stell and
    nordi, north and korea); a name of one denied word is left out."""
    names: list[frozenset[str]] = []
    run: list[str] = []
    end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper():
            run, end = [], -1
            continue
        if end < 0 or text[end : match.start()] not in _NAME_GAPS:
            run = []
        run.append(word)
        end = match.end()
        if len(run) > 1:
            held = denied.intersection(map(stem, map(str.lower, run)))
            if len(held) > 1:
                if len(run) > 2 and names and names[-1] <= held:
                    names.pop()  # the same name, one word longer
                names.append(frozenset(held))
    return tuple(names)


_NAME_GAPS = frozenset({" ", "\u00a0", "-"})


def whole_stems(words: Iterable[str]) -> frozenset[str]:
    """Content words as compared for a whole denied clause: the subject's words kept,
    those that only say it is a denial or when it was said left out."""
    return frozenset(map(stem, filterfalse(_NOT_CLAUSE.__contains__, words)))


@lru_cache(maxsize=1 << 14)
def denied_words(quote: str) -> DeniedWords:
    """The stems of what a denial denies: the content words of the clause after its first
    denying verb, to a comma or a dash, without the verdict it gives (none when that
    clause names what it denies only by its kind or its subject: "dismissed the
    accusations as groundless rumors"); when
    it has no such verb, those of its quotations, or of the whole sentence without one
    ("These statements ... are all barefaced lies," Mr. Nebenzia said). Kept for the
    last 16,384 denials read (a summary is built again after every change)."""
    clause = denied_clause(quote)
    figures = denied_values(quote)
    if clause is not None:
        found = _content(without_verdict(quote, *clause), verb_phrase=True)
    else:
        lowered = quote.lower()
        quoted = _QUOTED.findall(lowered)
        found = _content(" ".join(quoted) if quoted else lowered)
        if figures and not quoted:
            # "Ms. Vell said 14 remained missing, not 30": her words say what she puts
            # instead, the 30 is what she denies; who she is is not denied
            own = found - said_stems(speaker_phrase(quote))
            return DeniedWords(own, found.clause, (), figures, figure_needed=True)
    return DeniedWords(found, found.clause, found.names, figures) if figures else found


@lru_cache(maxsize=1 << 12)
def denied_values(quote: str) -> frozenset[str]:
    """The values of the figures a denial denies, as the ledger's figure keys write them,
    whether or not they say what they count: the numbers in digits of its denied clause
    ("there was “no basis” for the figure of 47 given by the town's mayor": 47, qa17 Q3),
    else the ones it puts aside ("14 people remained missing, not 30": 30; _REJECTED). A
    claim stating one takes up one more thing denied (denials._answered): the figure is
    what such a denial names of the claim it answers. The quote is read for figures only
    where such a number is (most denials have none). Kept for the last 4,096 read."""
    clause = denied_clause(quote)
    if clause is not None:
        start, end = clause
        if _DIGIT.search(quote, start, end) is None:
            return frozenset()
        verdict = verdict_span(quote, start, end)
        end = verdict[0] if verdict is not None else end
        return frozenset(
            f"{q.value:g}"
            for q in quote_quantities(quote)
            if not q.vague and start <= q.start < end
        )
    rejected = {match.end() for match in _REJECTED.finditer(quote)}
    if not rejected:
        return frozenset()
    found = quote_quantities(quote)
    return frozenset(f"{q.value:g}" for q in found if not q.vague and q.start in rejected)


@lru_cache(maxsize=1 << 12)
def quote_quantities(quote: str) -> tuple[Quantity, ...]:
    """The quote's figures (numbers_in), read once for denied_figures, denied_values and
    denials.answered_before; none of a quote longer than a sentence can be
    (quote_cap.too_long)."""
    return () if too_long(quote) else tuple(numbers_in(quote)[0])


@lru_cache(maxsize=1 << 12)
def denied_figures(quote: str) -> tuple[tuple[float, float], ...]:
    """The figures (lowest, highest) of what a denial denies after its denying verb
    ("denied that 200 people had died": 200; "Ministry denies 200 dead as toll reaches 46":
    not the 46 it gives), numbers counting something; none without a denying verb. Such a
    denial answers a claim of that figure, not one of another (qa10 Q17). Kept for the
    last 4,096 denials read."""
    clause = denied_clause(quote)
    if clause is None or (
        _DIGIT.search(quote, *clause) is None and not _WORD_NUMBER.search(quote, *clause)
    ):
        return ()
    start, end = clause
    verdict = verdict_span(quote, start, end)
    if verdict is not None:
        end = verdict[0]
    return tuple(
        figure_span(quantity)
        for quantity in quote_quantities(quote)
        if quantity.what is not None and start <= quantity.start < end
    )


def stated_figures(quote: str) -> tuple[tuple[float, float], ...]:
    """The spans of every counted figure a sentence states, whoever it is credited to
    (a headline's "Forty-one dead" states 41 though no source gives it: rv11 R11); none
    of a quote longer than a sentence can be (quote_cap.too_long)."""
    if too_long(quote):
        return ()
    found, _ = numbers_in(quote)
    return tuple(figure_span(quantity) for quantity in found if quantity.what is not None)


def figure_span(quantity: Quantity) -> tuple[float, float]:
    """The values a figure allows, by its bound: "more than 100" anything above 100, "up
    to 80" anything to 80, "about 60" some 10% either way, a range its ends (rv11 R2: a
    denial of "more than 100" read as exactly 100 no longer answered a claim of 150)."""
    value = quantity.value
    if quantity.low is not None:
        return quantity.low, value
    if quantity.bound == "lower":
        return value, float("inf")
    if quantity.bound == "upper":
        return 0.0, value
    if quantity.bound == "approximate":
        return value * 0.9, value * 1.1
    return value, value


_DIGIT = re.compile(r"\d")
_WORD_NUMBER = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)",
    re.IGNORECASE,
)
"""A number in digits or in words: the only clauses read for figures."""


@lru_cache(maxsize=1 << 14)
def denied_span(quote: str) -> tuple[int, int]:
    """Where in a denial its denied proposition is, as offsets into `quote`: the clause
    after its first denying verb ("Mr. Putin denied that 8,000 troops had been sent");
    without such a verb, the whole sentence ("There are no 10,000 North Korean soldiers
    in Kursk"). A figure there is the figure denied, not one the denier puts forward
    (qa5 Q1)."""
    return denied_clause(quote) or (0, len(quote))


_NOT_NEGATING = word_set(
    "more less fewer over under above below only just quite nearly almost about around "
    "roughly some far merely simply least most exactly precisely that"
)
"""Words after "not" that make the figure a bound or the speaker's own ("not more than
8,000", "not only 5,000", "not far from 5,000", "not surprising that 5,000")."""
_REJECTED = re.compile(
    r"\b(?:[Nn]o|[Rr]ather\s+than|[Ii]nstead\s+of)\s+(?:(?:the|an?)\s+)?(?=[$€£¥]?\d)"
    r"|(?:\b(?:[Nn]ot|[Nn]ever|[Cc]annot)|n['’]t)\s+"
    r"(?:(?!(?:" + "|".join(sorted(_NOT_NEGATING)) + r")\b)[a-z]+\s+){0,2}"
    r"(?:(?:the|an?)\s+)?(?=[$€£¥]?\d)"
)
"""A figure the speaker puts aside for another ("11,000 troops, not 8,000 as first
reported", "rather than 8,000", "instead of the 8,000") or negates (fx14: a sentence
tagged claim and denial with no denying verb credited its speaker with the 5,000 it
denies): a number in digits right after "no" ("No 5,000 troops were sent", "There were
no 200 casualties"; not "no fewer than 5,000", a bound, nor "No. 5"), or right after
"not", "never", "cannot" or "n't" or one or two words on ("North Korea did not send
5,000 troops", "has not yet sent 5,000", "never sent 5,000"), but not after a word that
makes it a bound or a figure the speaker gives (_NOT_NEGATING)."""
_REJECTING = ("not ", "no ", "never ", "n't ", "n’t ", "cannot ", "rather than", "instead of")
_SPEAKING = re.compile(
    r"\b(?:said|says|claimed|claims|reported|reports|estimated|estimates|put|puts|insisted|"
    r"insists|maintained|maintains|countered|counters|stated|told|putting|saying|claiming|"
    r"estimating|reporting|insisting)\b"
)
"""A reporting verb: another speaker's clause is introduced by one (looked for first,
then what stands before it: a verb or two a sentence, so the rest is read rarely)."""
_OTHER_SPEAKER = re.compile(
    r"(?:[,;]\s*|\s)(?:while|whereas|but|although|though|and|even\s+as|with)\s+"
    r"(?P<speaker>(?:[^\W\d_][\w'’.-]*\s+){0,5}?[^\W\d_][\w'’.-]*)\s+$"
)
"""Another speaker's clause inside the sentence ("…, while Moscow said only 20 had
died", "but the Kremlin put the number at 20", "with Ukraine putting the number at
12,000"), read back from its verb: to the sentence's end or the next one."""
_SPEAKER_REACH = 80
"""How far before its verb a conjunction and speaker may start (six words)."""
_SAME_SPEAKER = PRONOUNS | FIRST_PERSON
"""A pronoun taking up the speaker ("…, but he said"): the same voice."""

Span = tuple[int, int]


@lru_cache(maxsize=1 << 14)
def _voices(quote: str) -> tuple[tuple[Span, ...], tuple[tuple[Span, frozenset[str]], ...]]:
    """(where a rejected figure starts, each other speaker's clause with the words of its
    speaker) in `quote`. Kept for the last 16,384 quotes read."""
    lowered = quote.lower()
    rejected: tuple[Span, ...] = ()
    if any(word in lowered for word in _REJECTING):
        rejected = tuple((m.end(), m.end() + 1) for m in _REJECTED.finditer(quote))
    clauses: list[tuple[Span, frozenset[str]]] = []
    for verb in _SPEAKING.finditer(quote, 1):
        lead = max(0, verb.start() - _SPEAKER_REACH)
        match = _OTHER_SPEAKER.search(quote, lead, verb.start())
        if match is None or not _spoke_before(quote, match.start()):
            continue  # no one spoke before: "Seoul and Kyiv said" is one voice
        words = _speaker_words(match.group("speaker"))
        if not words or (clauses and clauses[-1][0][0] == match.start()):
            continue
        if clauses:  # the clause before ends where this one starts
            clauses[-1] = ((clauses[-1][0][0], match.start()), clauses[-1][1])
        clauses.append(((match.start(), len(quote)), words))
    return rejected, tuple(clauses)


def _spoke_before(quote: str, end: int) -> bool:
    """Whether a reporting verb ("said", "have been warning") comes before `end`."""
    return any(word.lower() in REPORTING_VERBS for word in _WORD.findall(quote, 0, end))


def _speaker_words(speaker: str) -> frozenset[str]:
    """A speaker's words as compared with a source's; none for a pronoun, which takes the
    sentence's speaker on ("…, but he said")."""
    first = speaker.split(None, 1)[0].lower() if speaker.strip() else ""
    return frozenset() if first in _SAME_SPEAKER else _words_of(speaker)


def _words_of(text: str) -> frozenset[str]:
    """The stems of `text`'s words but function words ("Russia's defence ministry" and
    "Russian Defence Ministry" alike)."""
    return frozenset(map(stem, frozenset(_WORD.findall(text.lower())) - _NOT_NAMES))


_NOT_NAMES = FUNCTION_WORDS | {"s"}
"""Words that name no speaker (a possessive's s among them)."""


def _same_speaker(own: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two speakers' words name one speaker: all of one's words are the other's
    ("Pentagon" and "Pentagon spokesman Pat Ryder"; not "Ukrainian army" and "Russia's
    army"). A source naming the speaker among others ("governments of South Korea and
    Ukraine", "with Ukraine putting the number at 12,000") keeps the figure: the analyst
    named that speaker, and leaving it out would lose it from every conflict."""
    return bool(own) and bool(other) and (own <= other or other <= own)


def unclaimed_spans(
    quote: str, source: str | None, denial: bool, claim: bool = False
) -> tuple[Span, ...]:
    """Where in `quote` a figure is not the claim of its source (the annotation's): what a
    denial denies (denied_span, qa5 Q1); a figure the speaker rejects ("not 8,000", qa6
    Q2); for an attributed claim, another speaker's clause ("while Moscow said only 20
    had died", qa6 Q1), or, when the source is only that other speaker, what comes before
    it.

    A sentence tagged claim as well as denial asserts what it says (the guideline's tags
    combine): only the clause after a denying verb is denied, never the whole sentence.
    "“The ship carried 280 people, well within its licence,” Tomás Kovač said" denies
    overloading by what it asserts, and its 280 is Kovač's figure (qa13 Q6); "Mr. Putin
    denied that 8,000 troops had been sent" still claims no 8,000.

    A clause before a semicolon that reports no one, where a later clause has the
    reporting verb, is the writer's, not the speaker's: a verb does not reach back across
    the semicolon ("Forty-one dead in flood; prime minister denies cover-up": the toll
    is not the prime minister's, qa10 Q6).

    Such a figure is left out of the source's figures rather than credited to the wrong
    one: a figure is its annotation's (its source, status and analyst), which names one
    speaker; a speaker read from the text would bypass the analyst's source and how
    sources are grouped."""
    denied = (denied_clause(quote) if claim else denied_span(quote)) if denial else None
    spans: list[Span] = [] if denied is None else [denied]
    rejected, clauses = _voices(quote)
    spans.extend(rejected)
    if source and ";" in quote:
        spans.extend(_unvoiced_before(quote))
    if clauses and source:  # unattributed, a figure is its article's, which reports them all
        own = _words_of(source)
        theirs = [span for span, words in clauses if _same_speaker(own, words)]
        spans.extend(span for span, words in clauses if not _same_speaker(own, words))
        first = clauses[0][0][0]
        if theirs and not own & _words_of(_first_speaker(quote, first)):
            spans.append((0, first))  # the source is only the other speaker: not before
    return tuple(spans)


def _unvoiced_before(quote: str) -> list[Span]:
    """The clauses, cut at semicolons, before the first that holds a reporting verb, when
    they hold none themselves (all of them; none when no clause reports)."""
    found: list[Span] = []
    start = 0
    for end in [*(m.start() for m in re.finditer(";", quote)), len(quote)]:
        clause = quote[start:end]
        if (
            _spoke_before(clause, len(clause))
            or _SPEAKING.search(clause.lower())
            or "according to" in clause.lower()
        ):
            return found
        found.append((start, end))
        start = end + 1
    return []


def _first_speaker(quote: str, end: int) -> str:
    """The words before the sentence's first reporting verb (before `end`): who speaks
    first ("The Ukrainian army" said ...); all of them when no verb is there."""
    verb = _SPEAKING.search(quote, 0, end)
    return quote[: verb.start()] if verb else quote[:end]


@lru_cache(maxsize=1 << 12)
def speaker_phrase(quote: str) -> str:
    """Who `quote` says is speaking, its attribution read as the suggester reads it: the
    speaker named after the reporting verb ("said the mayor", "according to Dr. Omar
    Haddad") or in a closing clause with its appositions ("…, opposition leader Marta
    Vell said.", "…, the mayor of Brin, Ilse Dunmore, said."), else the
    words before the verb ("The mayor of Brin, Ilse Dunmore," said …); nothing when it
    reports no one. A party the sentence only talks about ("Marta Vell said the mayor had
    been told to keep quiet") is not in it: rv13 R1, the words before the first
    reporting verb of "The mayor had been told to keep quiet, Marta Vell said." were
    "The mayor had been". Nothing of a quote longer than a sentence can be
    (quote_cap.too_long: a text pasted whole, whose reading is quadratic in its length)."""
    if too_long(quote):
        return ""
    tokens = tokenize(quote, 0)
    found = find_attribution(tokens)
    if found is None:
        return ""
    if found.source is not None and found.source[0] > found.cue[0]:
        return tokens.span_text(*found.source)
    if found.source is not None and found.closing and _adds_no_claim(tokens, found.cue[1]):
        return tokens.span_text(_apposition_before(tokens, found.source[0]), found.cue[0])
    return quote[: tokens.items[found.cue[0]].start]


def _apposition_before(tokens: Tokens, start: int) -> int:
    """Where a closing clause's speaker starts, with the description set before the name
    ("…, the mayor of Brin, Ilse Dunmore, said."): the words from the comma before it,
    when they open with a determiner and another comma or quotation mark is before them
    (what was said stands there); else the name (one set after it, "…, Ilse Dunmore, the
    mayor of Brin, said", stands before the verb)."""
    lowers = tokens.lowers
    while start > 0 and lowers[start - 1] in DETERMINERS:
        start -= 1
    if start < 2 or lowers[start - 1] != ",":
        return start
    for k in range(start - 2, max(0, start - 2 - _APPOSITION_WORDS), -1):
        if lowers[k] == "," or tokens.items[k].text in QUOTE_CLOSERS:
            return k + 1 if lowers[k + 1] in DETERMINERS else start
    return start


_APPOSITION_WORDS = 8
"""How long a description before a closing clause's name may be ("the mayor of Brin")."""


_CLOSING_WORDS = 4
"""At most this many words after a closing clause's verb ("said in a statement",
"told reporters on Monday"): more, or a number, is what was said ("The mayor of Brin,
Ilse Dunmore, said 50 died")."""


def _adds_no_claim(tokens: Tokens, after: int) -> bool:
    """Whether the words after a reporting verb say only where or when it was said."""
    rest = [token for token in tokens.items[after:] if token.is_word or token.is_number]
    return len(rest) <= _CLOSING_WORDS and not any(token.is_number for token in rest)


def said_stems(text: str) -> frozenset[str]:
    """The stems of `text`'s content words as a denial's are compared (stems)."""
    return stems(_said_words([word for word in _WORD.findall(text) if len(word) > 3]))


def _said_words(found: list[str]) -> frozenset[str]:
    return frozenset(map(str.lower, found)) - CLAIM_STOP_WORDS


def _content(text: str, verb_phrase: bool = False) -> DeniedWords:
    """The denied words of `text`; with `verb_phrase` (the clause after a denying verb)
    the whole clause's too (DeniedWords.clause), when what it says beyond the subject is
    no name: "sending troops to Russia" is a deed, "the reports of North Linhol in
    Ukraine" names someone (a whole clause taken up is evidence only of a deed)."""
    found = [word for word in _WORD.findall(text) if len(word) > 3]
    words = _said_words(found)
    denied = stems(words)
    named = verb_phrase and any(
        word[:1].isupper() and stem(word.lower()) in denied for word in found
    )
    clause = whole_stems(words) if verb_phrase and not named else frozenset()
    return DeniedWords(denied, clause, name_parts(text, denied) if named else ())
