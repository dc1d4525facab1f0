"""Counter-assertions: a source saying, in plain words, that what it is accused of is not so.

News reports a denial as often without a denial word as with one: "I have never taken
any money", "we did not take anything", "the airline has hidden nothing from anyone",
"insisted its products were safe". Word lists cannot tell these
from the negations the guideline says are not denials ("have not officially confirmed",
"declined to comment", "would not rule out a strike", "was not surprised"), so the score
is built from evidence, each piece worth a little:

- a negated statement in what a source says, that is not a plan, a refusal, an absence
  of confirmation or a state of mind (the base, below the threshold on its own);
- its subject is the speaker or the speaker's own ("I", "we", "our equipment", "she"
  in "Grant says he has never…");
- a flat rebuttal ("never", "nothing", "anything");
- it answers the article: it takes up words of an earlier sentence, by someone else,
  that named the speaker or accused (or, weaker, someone was accused before);
- the speaker insists ("insisted", "maintained").

A source asserting the reassuring opposite of an accusation ("the payments were
legitimate") starts lower. The article-level evidence (what was said before, what the
sentence before denied) is kept by exchange.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.attribution import quoted_tokens
from workbench.core.analysis.suggestions.tokens import Tokens

BASE_SCORE = 0.2
"""A negated statement attributed to a source, and nothing more."""
SELF_BONUS = 0.15
EMPHATIC_BONUS = 0.1
ANSWER_BONUS = 0.15
ACCUSED_BONUS = 0.1
"""Someone was accused earlier in the article, in other words than the statement's."""
INSISTING_BONUS = 0.15
REINFORCED_BONUS = 0.1
"""A negation closed against every exception ("never … anything", "no … ever", "not by
any…", "nothing else"): the form of a flat rebuttal."""
CONTRADICTION_BONUS = 0.3
"""An earlier sentence by someone else said the same of the same subject without the
negation: the statement says that reported thing is not so (the guideline's denial)."""
WRONGDOING_BONUS = 0.15
"""The negated verb is what sources are accused of ("never lied", "did not cheat",
"hid nothing"): nobody says so unless it was put to them."""
REASSURANCE_SCORE = 0.2
"""A source calling something safe, legitimate, accurate…: as weak as a bare negation."""
MAX_SCORE = 0.7
"""Below a word that calls a claim false (denial.FALSEHOOD_SCORE): a counter-assertion
is inferred, a falsehood word is said."""

SUBJECT_REACH = 6
"""Tokens looked back from a negation's verb group for its subject."""
BOUNDARIES = frozenset([",", ";", ":", "“", "”", '"', "—", "–", "(", ")", "that", "and", "but"])


@dataclass(frozen=True, slots=True)
class Counter:
    """A counter-assertion: where ([first, last) tokens), how sure, and why."""

    cue: tuple[int, int]
    score: float
    self_subject: bool
    emphatic: bool
    in_context: bool


def find_counter(
    tokens: Tokens,
    skip: frozenset[int],
    speaker_words: frozenset[str],
    insisting: bool,
    context: Callable[[], float],
    contradicts: Callable[[frozenset[str], str], bool] = lambda _subject, _predicate: False,
) -> Counter | None:
    """The strongest counter-assertion of a sentence whose speaker is known.

    `skip` holds the tokens that say who speaks (source, cue); `speaker_words` the
    speaker's words; `insisting` whether the reporting verb holds a position
    ("insisted"); `context()` what the article adds (ANSWER_BONUS, ACCUSED_BONUS or 0),
    asked only when the sentence has a candidate (most have none); `contradicts(subject,
    predicate)` whether an earlier sentence by someone else said, unnegated, the
    predicate of that subject ("the dam was leaking" for "the dam was not leaking")."""
    negations = rebuttal_negations(tokens, skip)
    reassurances = _reassurances(tokens, skip)
    if not negations and not reassurances:
        return None
    quoted = quoted_tokens(tokens)
    around = context()
    found = [
        _scored(tokens, k, quoted, speaker_words, around, insisting, negation=True)
        for k in negations
    ]
    for at, counter in enumerate(found):
        subject, predicate = _negated_clause(tokens.lowers, counter.cue[0])
        if predicate and subject and contradicts(subject, predicate):
            score = min(MAX_SCORE, counter.score + CONTRADICTION_BONUS)
            found[at] = Counter(counter.cue, score, counter.self_subject, counter.emphatic, True)
    found += [
        _scored(tokens, k, quoted, speaker_words, around, insisting, negation=False)
        for k in reassurances
    ]
    return max(found, key=lambda c: (c.score, -c.cue[0]))


def _scored(
    tokens: Tokens,
    k: int,
    quoted: list[bool],
    speaker_words: frozenset[str],
    context: float,
    insisting: bool,
    negation: bool,
) -> Counter:
    lowers = tokens.lowers
    self_subject = _subject_is_speaker(tokens, k, quoted, speaker_words)
    emphatic = negation and (
        lowers[k] in lx.EMPHATIC_NEGATIONS
        or any(w in lx.EMPHATIC_NEGATIONS for w in lowers[max(0, k - 2) : k + 5])
        or _negative_subject(lowers, k)
    )
    score = BASE_SCORE if negation else REASSURANCE_SCORE
    score += SELF_BONUS if self_subject else 0.0
    score += EMPHATIC_BONUS if emphatic else 0.0
    score += context
    score += INSISTING_BONUS if insisting else 0.0
    score += WRONGDOING_BONUS if negation and _negates_wrongdoing(lowers, k) else 0.0
    score += REINFORCED_BONUS if negation and _reinforced(lowers, k) else 0.0
    return Counter((k, k + 1), min(MAX_SCORE, score), self_subject, emphatic, context > 0)


def _reinforced(lowers: tuple[str, ...], k: int) -> bool:
    """'never negotiated anything', 'no decision had ever been sold', 'nothing else': a
    reinforcer within the negated clause (up to a clause boundary)."""
    for word in lowers[k + 1 : k + 6]:
        if word in BOUNDARIES or word == ".":
            return False
        if word in lx.REINFORCERS:
            return True
    return False


def _negates_wrongdoing(lowers: tuple[str, ...], k: int) -> bool:
    """'never lied', 'did not cheat anyone', 'hid nothing': a wrongdoing word is the
    negated verb (within the next three words, or just before "nothing")."""
    after = lowers[k + 1 : k + 4]
    before = lowers[k - 1 : k] if k and lowers[k] in ("nothing", "none") else ()
    return any(w in lx.WRONGDOING_WORDS for w in (*after, *before))


def _negated_clause(lowers: tuple[str, ...], k: int) -> tuple[frozenset[str], str]:
    """(the subject's words, the predicate's first word) of the clause negated at `k`:
    "the dam was not leaking" -> ({"dam"}, "leaking"); empty when either is missing."""
    predicate = next(
        (w for w in lowers[k + 1 : k + 4] if w.isalpha() and w not in lx.AUXILIARIES), ""
    )
    if predicate in lx.FUNCTION_WORDS or predicate in lx.VERB_ADVERBS:
        predicate = ""
    end = k
    while end > 0 and (lowers[end - 1] in lx.AUXILIARIES or lowers[end - 1] in lx.VERB_ADVERBS):
        end -= 1
    start = end
    while start > 0 and end - start < SUBJECT_REACH:
        if lowers[start - 1] in BOUNDARIES or lowers[start - 1] in lx.REPORTING_VERBS:
            break
        start -= 1
    subject = frozenset(
        w
        for w in lowers[start:end]
        if w.isalpha() and len(w) >= 3 and w not in lx.FUNCTION_WORDS and w not in lx.PRONOUNS
    )
    return subject, predicate


def is_negation(word: str) -> bool:
    return word in lx.NEGATIONS or word.endswith("n't")


def rebuttal_negations(tokens: Tokens, skip: frozenset[int]) -> list[int]:
    """Negations that state something is not so, outside the words saying who speaks:
    not under a modal ("would not intervene"), not absence of confirmation, of comment or
    of a decision ("had not yet received", "does not comment", "no plans"), not a state
    of mind ("was not surprised"), not "nothing to suggest…"."""
    lowers = tokens.lowers
    found: list[int] = []
    if lx.NEGATIONS.isdisjoint(lowers) and "n't" not in tokens.text.replace("’", "'"):
        return found
    for k, word in enumerate(lowers):
        if k in skip or not is_negation(word) or word in lx.MODALS:
            continue
        if any(w in lx.MODALS for w in lowers[max(0, k - 2) : k]):
            continue
        after = [w for w in lowers[k + 1 : k + 4] if w.isalpha() or w == "'s"][:2]
        flat = word == "never" and _reinforced(lowers, k)  # "never received any…"
        if not flat and any(w in lx.NOT_A_REBUTTAL_AFTER for w in after):
            continue
        if word in ("no", "nothing", "none") and _absence(lowers, k):
            continue
        found.append(k)
    return found


def _absence(lowers: tuple[str, ...], k: int) -> bool:
    """'no evidence', 'no plans', 'nothing to suggest', 'no injuries were reported':
    absence, not a rebuttal."""
    following = lowers[k + 1 : k + 4]
    if following[:1] == ("to",) and any(w in lx.EVIDENCE_AFTER for w in following[1:2]):
        return True
    if any(w in lx.ABSENCE_VERBS for w in lowers[k + 2 : k + 6]):
        return True
    noun = next((j for j, w in enumerate(following) if w in lx.ABSENCE_NOUNS), None)
    if noun is None:
        return False
    # "no evidence", "no plans"; not a subject with its verb: "no data had been sold"
    after_noun = lowers[k + 2 + noun : k + 3 + noun]
    return not after_noun or after_noun[0] not in lx.AUXILIARIES


def _reassurances(tokens: Tokens, skip: frozenset[int]) -> list[int]:
    """'were safe', 'remain secure', 'shown to be safe', 'the payments were legitimate':
    a reassurance word after a verb of being, not negated."""
    lowers = tokens.lowers
    found: list[int] = []
    if lx.REASSURANCE_WORDS.isdisjoint(lowers) and lx.ACTED_WELL.isdisjoint(lowers):
        return found
    for k, word in enumerate(lowers):
        if k in skip:
            continue
        before = lowers[max(0, k - 3) : k]
        if any(is_negation(w) for w in before):
            continue
        if word in lx.ACTED_WELL and k and lowers[k - 1] in lx.ACTING_VERBS:
            found.append(k)  # "had acted lawfully", "behaved properly"
        elif word in lx.REASSURANCE_WORDS and any(
            w in lx.BE_FORMS or w in ("remain", "remains", "remained") for w in before
        ):
            found.append(k)
    return found


def _negative_subject(lowers: tuple[str, ...], k: int) -> bool:
    """'No one caught…', 'no money has been taken', 'Nobody has shown…': the negation
    opens its clause."""
    return k == 0 or lowers[k - 1] in BOUNDARIES or lowers[k - 1] in lx.REPORTING_VERBS


def _subject_is_speaker(
    tokens: Tokens, k: int, quoted: list[bool], speaker_words: frozenset[str]
) -> bool:
    """Is the subject of the negated (or reassuring) clause the speaker or the speaker's
    own? First person anywhere; outside quotation marks, in reported speech, also a
    pronoun ("she said she had never…"), a possessive ("its products") or the speaker's
    name."""
    lowers = tokens.lowers
    end = k
    while end > 0 and (lowers[end - 1] in lx.AUXILIARIES or lowers[end - 1] in lx.VERB_ADVERBS):
        end -= 1
    start = end
    while start > 0 and end - start < SUBJECT_REACH:
        word = lowers[start - 1]
        if word in BOUNDARIES or word in lx.REPORTING_VERBS:
            break
        start -= 1
    for j in range(start, end):
        word = lowers[j]
        if word in lx.FIRST_PERSON_SUBJECTS:
            return True
        if quoted[j]:
            continue
        if word in lx.PRONOUNS or word in lx.POSSESSIVE_DETERMINERS:
            return True
        if tokens[j].bare in speaker_words:
            return True
    return False
