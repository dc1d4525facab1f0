"""Is it a claim? A score from the guideline's own tests.

Most sentences of a news report assert something checkable, so the score starts high
and the guideline's exclusions pull it down: site furniture, bylines and credits; pure
questions; statements of uncertainty; fragments and labels without a verb; appeals and
first-person opinion; speculation and evaluation without a checkable core (a number,
an event, a named actor doing something).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.tokens import Tokens

FURNITURE_OPENING = re.compile(r"\W*(?:" + "|".join(lx.FURNITURE_OPENINGS) + ")")
BYLINE = re.compile(lx.BYLINE)
EMAIL = re.compile(lx.EMAIL)


def _from_a_word(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of `patterns` at a word boundary (one leading \\b is
    several times faster than one per alternative)."""
    return re.compile(r"\b(?:" + "|".join(patterns) + ")")


FURNITURE_ANYWHERE = _from_a_word(lx.FURNITURE_ANYWHERE)
UNCERTAINTY = _from_a_word(lx.UNCERTAINTY_PATTERNS)
DIRECTIVE = _from_a_word(lx.DIRECTIVES)
PLEDGE = re.compile(lx.PLEDGE_OPENING)

CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but)\b")
"""Before a statement of uncertainty that ends the sentence: another clause, which may
assert something ("Twelve people died, and the cause is not yet known")."""

WH_SUBJECT = re.compile(r"\W*(?:how|why|whether|what|who|when|where|which)\b")
"""A sentence whose subject is a question ("Why the payments were split … has not been
explained"): with a statement of uncertainty, the whole sentence is one."""

BASE = 0.7
"""A sentence of a news report with nothing for or against: more likely a claim."""


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What the score was made of: shown to whoever wonders why."""

    furniture: bool
    question: bool
    uncertainty: float
    fragment: bool
    site_voice: bool
    directive: bool
    number: bool
    event: bool
    actor: bool
    hedges: int
    evaluative: int

    @property
    def core(self) -> bool:
        """A checkable core: a number, an event, or a named actor (guideline)."""
        return self.number or self.event or self.actor

    def score(self) -> float:
        if self.furniture:
            return 0.02
        if self.question:
            return 0.05
        if self.fragment:
            return 0.1
        if self.site_voice:
            return 0.1
        score = BASE
        score += 0.12 if self.number else 0.0
        score += 0.08 if self.event else 0.0
        score += 0.05 if self.actor else 0.0
        score -= 0.55 * self.uncertainty
        if self.directive:
            score -= 0.5
        if not self.number:
            score -= min(0.36, 0.12 * self.hedges)
            score -= min(0.36, 0.12 * self.evaluative)
        return min(0.98, max(0.02, score))


def claim_features(tokens: Tokens, text: str, skip: frozenset[int] = frozenset()) -> ClaimFeatures:
    """Features of a sentence; `skip` holds the tokens of its attribution (cue, source),
    which say who speaks, not what is claimed."""
    lowers = tokens.lowers
    words = [i for i, t in enumerate(tokens.items) if t.is_word]
    content = [i for i in words if i not in skip]
    stripped = text.rstrip(" \t”\"’')]»")
    lower = text.lower().replace("’", "'")
    uncertain = _uncertainty(lower)
    # "it is not clear" is uncertainty, not an evaluation: counted once
    evaluative = lx.EVALUATIVE - {"clear"} if uncertain else lx.EVALUATIVE
    return ClaimFeatures(
        furniture=_furniture(text, lower),
        question=stripped.endswith("?"),
        uncertainty=uncertain,
        fragment=len(words) <= 2
        or not (_has_verb(tokens) or _open_headline(tokens, text))
        or _label(tokens, text),
        site_voice=_site_voice(tokens),
        directive=bool(DIRECTIVE.search(lower) or PLEDGE.match(lower)),
        number=any(tokens[i].is_number or lowers[i] in lx.NUMBER_WORDS for i in content),
        event=any(_is_event(tokens, i) for i in content),
        actor=any(tokens[i].is_name for i in content if i != words[0]) if content else False,
        hedges=sum(1 for i in content if lowers[i] in lx.HEDGES),
        evaluative=sum(1 for i in content if lowers[i] in evaluative),
    )


def claim_score(tokens: Tokens, text: str, skip: frozenset[int] = frozenset()) -> float:
    return claim_features(tokens, text, skip).score()


def _furniture(text: str, lower: str) -> bool:
    return bool(
        FURNITURE_OPENING.match(lower)
        or FURNITURE_ANYWHERE.search(lower)
        or lx.COPYRIGHT_SIGN in text
        or BYLINE.match(text)
        or ("@" in text and EMAIL.search(text))
    )


def _is_event(tokens: Tokens, i: int) -> bool:
    """A past-tense verb: something happened."""
    token = tokens[i]
    if token.is_capitalised and not tokens.is_headline:
        return False
    low = tokens.lowers[i]
    return (len(low) > 4 and low.endswith("ed")) or low in lx.IRREGULAR_PAST


def _has_verb(tokens: Tokens) -> bool:
    """A finite-looking verb after the first word ("Written on Platform X." has none);
    Title Case headlines are given the benefit of the doubt."""
    if tokens.is_headline:
        return len(tokens) >= 4
    lowers = tokens.lowers
    for i, token in enumerate(tokens.items):
        low = lowers[i]
        if token.is_capitalised and i > 0:
            continue
        if low in lx.AUXILIARIES or (i > 0 and low in lx.REPORTING_VERBS):
            return True
        if i > 0 and (low in lx.IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed"))):
            return True
        if i > 1 and low.endswith("s") and not low.endswith("ss") and token.is_word:
            previous = tokens[i - 1]
            if previous.is_name or lowers[i - 1] in lx.PRONOUNS or previous.bare in lx.ROLES:
                return True
        third_person = low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
        if i == 1 and third_person and len(low) > 3 and token.is_word:
            following = lowers[2] if len(tokens) > 2 else ""
            if following in lx.PREPOSITIONS or following in lx.DETERMINERS:
                return True  # "Testimony resumes on Tuesday."
    return False


def _label(tokens: Tokens, text: str) -> bool:
    """A short line in sentence case with no closing punctuation: a section heading or
    a caption credit ("Satellite images and facial recognition")."""
    closed = text.rstrip(" ”\"’')»").endswith((".", "!", "?", "…"))
    if closed or tokens.is_headline or len(tokens) > 8:
        return False
    return ":" in text or not _headline_verb(tokens)


def _open_headline(tokens: Tokens, text: str) -> bool:
    """A line without closing punctuation whose verb is a headline's present tense."""
    closed = text.rstrip(" ”\"’')»").endswith((".", "!", "?", "…"))
    return not closed and ":" not in text and _headline_verb(tokens)


def _headline_verb(tokens: Tokens) -> bool:
    """A sentence-case headline states an event with a present-tense verb ("Minister
    denies taking payments", "Ferry sinks off coast"): a lower-case word ending in -s
    after a word that can be its subject and before the rest of the line. A label has
    none ("Recalls and safety alerts", "Satellite images and facial recognition")."""
    lowers = tokens.lowers
    for i in range(1, len(tokens) - 1):
        token, previous = tokens[i], tokens[i - 1]
        low = lowers[i]
        if token.is_capitalised or not token.is_word or not previous.is_word:
            continue
        if low in lx.DENY_VERBS or low in lx.DISPUTE_VERBS:
            return True  # "Researchers dispute misconduct claim"
        if low.endswith(("ss", "us", "is", "'s", "’s")) or not low.endswith("s") or len(low) < 4:
            continue
        if lowers[i - 1] in lx.DETERMINERS or lowers[i - 1] in lx.PREPOSITIONS:
            continue
        if lowers[i - 1] in ("and", "or", "of") or not tokens[i + 1].is_word:
            continue
        if lowers[i + 1] in ("and", "or", "of"):
            continue  # "Satellite images and facial recognition": nouns listed
        return True
    return False


def _uncertainty(lower: str) -> float:
    """0 when certain; 1 when the whole sentence is a statement of uncertainty ("It is
    unclear how…"); less when it is one clause of a longer sentence."""
    match = UNCERTAINTY.search(lower)
    if match is None:
        return 0.0
    if len(lower[: match.start()].split()) <= 4 or WH_SUBJECT.match(lower):
        return 1.0  # "It is unclear how…", "How many homes were insured is not known."
    if not lower[match.end() :].strip(" .\"'”’") and not CLAUSE_BREAK.search(
        lower, 0, match.start()
    ):
        return 1.0  # "The cause of the explosion is not yet known." (qa9 Q17 b)
    return 0.4


def _site_voice(tokens: Tokens) -> bool:
    """The outlet speaking of itself: "We monitor…", "Our team…" (outside quotes)."""
    for token in tokens.items:
        if token.is_word:
            return token.lower in lx.SITE_VOICE_OPENERS
        if token.text in ("“", '"'):
            return False
    return False
