"""Denial cues: a source rejecting, denying, refuting, dismissing or disputing a claim,
or asserting that a reported thing is false or not happening (the guideline).

Three kinds of cue, from surest to least sure:

- a deny verb on its own ("deny any transfer of arms"), unless what is denied is a thing
  rather than a claim ("denied access", "was denied a visa");
- a dispute verb aimed at a claim ("rejected the allegations", "questioned the
  reports") or "dismissed … as" something;
- a word or phrase calling something false ("barefaced lies", "disinformation", "not
  true", "There are no North Korean soldiers"), which is a denial only when the
  sentence attributes it to a source;
- a claim said not to hold ("the conclusions are not supported by the data", "the study
  failed to account for…"), or stood by against a challenge ("stood by its reporting").

A source asserting the opposite in plain words ("I have never taken any money") is
a counter-assertion: counter.py, which needs the article around the sentence.

Absence of confirmation is not a denial ("have not officially confirmed", "no evidence",
"could not be verified").
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.tokens import Tokens

DENY_SCORE = 0.92
DISPUTE_SCORE = 0.88
FALSEHOOD_SCORE = 0.78
UNSUPPORTED_SCORE = 0.74
STANDING_BY_SCORE = 0.7
"""Scores with an attributed speaker; without one a cue scores UNATTRIBUTED_SCORE."""
UNATTRIBUTED_SCORE = 0.3


@dataclass(frozen=True, slots=True)
class DenialCue:
    """Where the cue is ([first, last) tokens) and how sure it makes the denial."""

    cue: tuple[int, int]
    score: float


def find_denial(tokens: Tokens) -> DenialCue | None:
    """The strongest denial cue of the sentence, or None."""
    found = _cues(tokens)
    return max(found, key=lambda c: (c.score, -c.cue[0])) if found else None


def _cues(tokens: Tokens) -> list[DenialCue]:
    lowers = tokens.lowers
    count = len(lowers)
    found: list[DenialCue] = []
    for i, word in enumerate(lowers):
        token = tokens[i]
        if token.is_capitalised and not tokens.is_headline and i > 0:
            continue  # "Center for Countering Disinformation" is a name
        before = lowers[i - 1] if i else ""
        after = lowers[i + 1] if i + 1 < count else ""
        if word in lx.DENY_VERBS:
            if before in lx.BE_FORMS or after in lx.DENY_NOT_A_DENIAL_OBJECTS:
                continue
            found.append(DenialCue((i, i + 1), DENY_SCORE))
        elif word in lx.DISPUTE_VERBS:
            if before in lx.BE_FORMS and word.endswith("ed"):
                continue  # "the capabilities have been questioned": no speaker
            if before in lx.DETERMINERS or before in lx.POSSESSIVE_DETERMINERS:
                continue  # "the disputed territory"
            if disputes_a_claim(lowers, i):
                found.append(DenialCue((i, i + 1), DISPUTE_SCORE))
        elif word in lx.FALSEHOOD_WORDS:
            if word in ("lie", "lies") and after in lx.NOT_FALSEHOOD_AFTER:
                continue
            calling = _said_of_something(tokens, i)
            if word in lx.PREDICATIVE_FALSEHOOD and not (calling or after in lx.CLAIM_NOUNS):
                continue
            found.append(DenialCue((i, i + 1), FALSEHOOD_SCORE))
    found.extend(_phrases(tokens))
    found.extend(_unsupported(tokens))
    pushback = pushes_back(lowers)
    if pushback is not None:
        found.append(DenialCue(pushback, DISPUTE_SCORE))
    standing = stands_by(lowers)
    if standing is not None:
        found.append(DenialCue(standing, STANDING_BY_SCORE))
    return found


def pushes_back(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'pushed back on the criticism', 'hit back at the allegations': the verb and
    "back" ([first, last) tokens), when a claim follows within reach."""
    if "back" not in lowers or lx.PUSHBACK_VERBS.isdisjoint(lowers):
        return None
    for i in range(len(lowers) - 2):
        if lowers[i] not in lx.PUSHBACK_VERBS or lowers[i + 1] != "back":
            continue
        if lowers[i + 2] in ("on", "at", "against") and _claim_within(lowers, i + 3, 4):
            return (i, i + 2)
    return None


def stands_by(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'stood by its reporting', 'stands by the story': "stand by" and a claim or its
    text (not "stood by the athlete", "standing by the door")."""
    if "by" not in lowers or lx.STANDING_VERBS.isdisjoint(lowers):
        return None
    for i in range(len(lowers) - 2):
        standing = lowers[i] in lx.STANDING_VERBS and lowers[i + 1] == "by"
        if standing and any(w in lx.CLAIM_BEARERS for w in lowers[i + 2 : i + 5]):
            return (i, i + 2)
    return None


def _claim_within(lowers: tuple[str, ...], start: int, reach: int) -> bool:
    for word in lowers[start : start + reach]:
        if word in lx.CLAIM_NOUNS:
            return True
        if not word.isalpha() and word not in ("'s",):
            return False
    return False


def _unsupported(tokens: Tokens) -> list[DenialCue]:
    """'the conclusions are not supported by the data', 'this paper does not come close
    to showing…', 'the study failed to account for…', 'their data did not support the
    report’s estimates': a negation (or "failed to") with a verb of support after it,
    and a claim or its text before it in the clause or right after the verb."""
    lowers = tokens.lowers
    found: list[DenialCue] = []
    if lx.UNSUPPORTED_VERBS.isdisjoint(lowers):
        return found
    for i, word in enumerate(lowers):
        negation = word in ("not", "never") or word.endswith("n't")
        failed = word in ("failed", "fails", "fail") and lowers[i + 1 : i + 2] == ("to",)
        if not (negation or failed):
            continue
        reach = lowers[i + 1 : i + 1 + lx.UNSUPPORTED_REACH]
        verb = next((k for k, w in enumerate(reach) if w in lx.UNSUPPORTED_VERBS), None)
        if verb is None:
            continue
        verb += i + 1
        before = _clause_before(lowers, i)
        after = lowers[verb + 1 : verb + 4]
        if any(w in lx.CLAIM_BEARERS for w in before) or any(w in lx.CLAIM_BEARERS for w in after):
            found.append(DenialCue((i, verb + 1), UNSUPPORTED_SCORE))
    return found


def _clause_before(lowers: tuple[str, ...], at: int) -> tuple[str, ...]:
    """The words of the clause before `at`, back to a comma, a quotation mark or a
    reporting word (not the speaker's own words: "critics said the study failed")."""
    start = at
    while start > 0:
        word = lowers[start - 1]
        if word in (",", ";", ":", "“", "”", '"') or word in lx.REPORTING_VERBS:
            break
        start -= 1
    return lowers[start:at]


def disputes_a_claim(lowers: tuple[str, ...], verb: int) -> bool:
    """Is the dispute verb at `verb` aimed at a claim (and so a report and a denial)?"""
    return lowers[verb] in lx.CONTESTING_VERBS or aims_at_claim(lowers, verb)


def aims_at_claim(lowers: tuple[str, ...], verb: int) -> bool:
    """A claim noun within reach after the verb, or "… as …" for dismiss-like verbs
    ("dismissed the accusations as groundless rumors", "dismissed her comments as a
    smokescreen"; not "dismissed him as a traitor")."""
    answered = lowers[max(0, verb - lx.CLAIM_BEFORE_REACH) : verb]
    if any(w in lx.CLAIM_NOUNS for w in answered) and "," in lowers[:verb]:
        return True  # "…, an account the defense disputes"
    reach = lowers[verb + 1 : verb + 1 + lx.DISPUTE_REACH]
    for word in reach:
        if word in lx.CLAIM_NOUNS:
            return True
        if word in (".", ";", "”", '"'):
            break
    as_reach = lowers[verb + 1 : verb + 1 + 2 * lx.DISPUTE_REACH]
    if "as" not in as_reach:
        return False
    aimed_at = as_reach[: as_reach.index("as")]
    after_as = as_reach[as_reach.index("as") + 1 :][:4]
    if any(w in lx.FALSEHOOD_WORDS or w in ("rumors", "rumours") for w in after_as):
        return True
    return (
        lowers[verb] in lx.DISMISSING_AS
        and bool(aimed_at)
        and not any(w in ("him", "her", "them", "it", "himself", "herself") for w in aimed_at)
    )


CALLING_REACH = 4
"""Words looked back from a falsehood word for what makes it said of something."""


def _said_of_something(tokens: Tokens, i: int) -> bool:
    """'were false', 'dismissed as absurd', 'called the claim “false”': a calling word
    among the few words before (past quotation marks), not 'as well as fake papers'."""
    seen = 0
    for j in range(i - 1, -1, -1):
        if not tokens[j].is_word:
            if tokens[j].text in (",", ";", ":"):
                return False
            continue
        word = tokens.lowers[j]
        if word in lx.CALLING_FALSE:
            return not (word == "as" and j > 0 and tokens.lowers[j - 1] == "well")
        seen += 1
        if seen == CALLING_REACH:
            return False
    return False


def _phrases(tokens: Tokens) -> list[DenialCue]:
    lowers = tokens.lowers
    found: list[DenialCue] = []
    for at, word in enumerate(lowers):
        for phrase in _PHRASES_BY_FIRST_WORD.get(word, ()):
            end = at + len(phrase)
            if lowers[at:end] != phrase:
                continue
            if phrase in lx.EXISTENTIAL_NEGATION and (
                end >= len(lowers) or _absence_of_confirmation(lowers, end)
            ):
                continue
            found.append(DenialCue((at, end), FALSEHOOD_SCORE))
    return found


_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in (*lx.NEGATED_CLAIM_PHRASES, *lx.EXISTENTIAL_NEGATION):
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)


def _absence_of_confirmation(lowers: tuple[str, ...], start: int) -> bool:
    """'There is no (immediate) evidence/confirmation…': absence, not denial."""
    for word in lowers[start : start + 4]:
        if word in lx.ABSENCE_NOUNS:
            return True
        if not word.isalpha():
            return False
    return False
