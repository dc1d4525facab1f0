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
  failed to account for…"), or stood by against a challenge ("stood by its reporting":
  weak evidence, STANDING_BY_SCORE).

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
STANDING_BY_SCORE = 0.35
"""Scores with an attributed speaker; without one a cue scores UNATTRIBUTED_SCORE.
Standing by a report is weak evidence, below the denial threshold (rules-7): the
guideline-only annotators of blind sets 3–6 tagged 1 of 8 such sentences a denial (the
source holds its own claim; it rejects none in words); the denial model may still
raise one where the article around it says more."""
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
            if before in lx.BE_FORMS or refuses_a_thing(lowers, i):
                continue
            if word in ("denial", "denials") and before in lx.DENIAL_NOUN_BEFORE:
                continue  # "the denial was carefully worded", "living in denial"
            if withholds_denial(lowers, i):
                continue
            found.append(DenialCue((i, i + 1), DENY_SCORE))
        elif word in lx.DISPUTE_VERBS:
            if before in lx.BE_FORMS and word.endswith("ed"):
                continue  # "the capabilities have been questioned": no speaker
            if before in lx.DETERMINERS or before in lx.POSSESSIVE_DETERMINERS:
                continue  # "the disputed territory"
            if withholds_denial(lowers, i):
                continue  # "has never disputed the figures" (rules-7)
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
    pushback = phrasal_dispute(lowers)
    if pushback is not None:
        found.append(DenialCue(pushback, DISPUTE_SCORE))
    passive = passive_dispute(lowers)
    if passive is not None:
        found.append(DenialCue(passive[0], DISPUTE_SCORE))
    found.extend(_misstated(tokens))
    found.extend(_no_support(lowers))
    found.extend(_not_accepted(lowers))
    called = _called_dismissively(lowers)
    if called is not None:
        found.append(DenialCue(called, FALSEHOOD_SCORE))
    standing = stands_by(lowers)
    if standing is not None:
        found.append(DenialCue(standing, STANDING_BY_SCORE))
    return found


def refuses_a_thing(lowers: tuple[str, ...], verb: int) -> bool:
    """Is the deny verb at `verb` a refusal or a ruling rather than a claim said to be
    false? 'denied access', 'denied him bail', 'denied the insurer's request', 'a judge
    denied…', 'denied nearly 3,400 claims' (counted claims are insurance claims)."""
    after = lowers[verb + 1 : verb + 4]
    if after[:1] and after[0].endswith("ing") and len(after[0]) > 5:
        return False  # "denies taking payments": an act denied, never a refusal
    if after[:1] and after[0] in lx.DENY_NOT_A_DENIAL_OBJECTS:
        # "denied a visa", not "denied a report that…" nor "refuted a claim"
        claim = after[0] in ("a", "an") and any(w in lx.CLAIM_NOUNS for w in after[1:])
        return not claim and lowers[verb] not in lx.REFUTING_VERBS
    if any(w in lx.RULING_OBJECTS for w in after):
        return True
    counted = [w for w in lowers[verb + 1 : verb + 4] if w not in lx.QUANTITY_WORDS][:1]
    if counted and counted[0][:1].isdigit():
        return True
    return any(w in lx.RULING_SUBJECTS for w in lowers[max(0, verb - 3) : verb])


def withholds_denial(lowers: tuple[str, ...], verb: int) -> bool:
    """A denial not made: negated ("did not deny", "has never denied", "would neither
    confirm nor deny"), refused ("declined to deny") or asked about ("asked whether it
    denied…", "if she denies")."""
    j = verb
    while j > 0 and (lowers[j - 1] in lx.AUXILIARIES or lowers[j - 1] in lx.VERB_ADVERBS):
        j -= 1
        if lowers[j] in ("not", "never") or lowers[j].endswith("n't"):
            return True
    if j > 0 and lowers[j - 1] == "nor":
        return True
    if j > 1 and lowers[j - 1] == "to" and lowers[j - 2] in lx.REFUSALS:
        return True
    if (
        j > 2
        and lowers[j - 1] == "to"
        and lowers[j - 2] in _NO_GROUNDS
        and lowers[j - 3] in ("no", "little")
    ):
        return True  # "had no reason to question the figure": accepted
    for word in reversed(lowers[max(0, verb - lx.ASKED_REACH) : verb]):
        if word in (",", ";", ":", "“", "”", '"'):
            return False
        if word in ("whether", "if"):
            return True
    return False


_NO_GROUNDS = frozenset(["reason", "need", "grounds", "cause", "basis"])
"""'had no reason to question the figure', 'saw little cause to dispute it': a dispute
said to have no grounds is an acceptance, not a denial (qa15 Q6)."""


def phrasal_dispute(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'pushed back on the criticism', 'brushed off the allegations', 'took issue with
    the figures', 'cast doubt on the account' (lexicon.PHRASAL_DISPUTES): the verb and its
    particle ([first, last) tokens), when a claim follows within reach."""
    if PHRASAL_VERBS.isdisjoint(lowers):
        return None
    for i, word in enumerate(lowers):
        for verbs, particle, prepositions in lx.PHRASAL_DISPUTES:
            if word not in verbs:
                continue
            end = i + 1 + len(particle)
            if lowers[i + 1 : end] != particle:
                continue
            after = end
            if prepositions:
                if not (lowers[end : end + 1] and lowers[end] in prepositions):
                    continue
                after = end + 1
            if _claim_within(lowers, after, 4):
                return (i, end)
    return None


PHRASAL_VERBS = frozenset(verb for verbs, _, _ in lx.PHRASAL_DISPUTES for verb in verbs)
"""The verbs of lexicon.PHRASAL_DISPUTES ("pushed", "brushed")."""


def passive_dispute(lowers: tuple[str, ...]) -> tuple[tuple[int, int], int] | None:
    """'The allegations were also rejected by the Centre League', 'the accusations were
    brushed aside by the council': a claim, a passive dispute or deny verb (or a phrasal
    one) and its agent after "by". Returns the verb's [first, last) tokens and where the
    agent starts. Not a ruling ("the charges were dismissed by a judge")."""
    if "by" not in lowers:
        return None
    for i, word in enumerate(lowers):
        if word not in lx.PASSIVE_DISPUTES:
            continue
        be = i - 1
        while be >= 0 and lowers[be] in lx.VERB_ADVERBS:
            be -= 1
        if be < 1 or lowers[be] not in lx.BE_FORMS:
            continue
        if not any(w in lx.CLAIM_NOUNS for w in lowers[max(0, be - lx.CLAIM_BEFORE_REACH) : be]):
            continue
        end = i + 1
        if end < len(lowers) and lowers[end] in lx.PASSIVE_PARTICLES:
            end += 1
        by = end
        while by < len(lowers) and lowers[by] in lx.VERB_ADVERBS:
            by += 1
        if lowers[by : by + 1] != ("by",):
            continue
        agent = lowers[by + 1 : by + 4]
        if any(w in lx.RULING_SUBJECTS for w in agent):
            continue
        return (i, end), by + 1
    return None


def _misstated(tokens: Tokens) -> list[DenialCue]:
    """'the report exaggerated the toll', 'the figures had been inflated', 'the numbers
    are wrong', 'misrepresented her remarks': a misstating word with a claim or its text
    as its subject (in the clause before it) or, for the speaker's own words, as its
    object. Not in general ("estimates are often exaggerated"), not "wrong to …"."""
    lowers = tokens.lowers
    found: list[DenialCue] = []
    if lx.MISSTATING_WORDS.isdisjoint(lowers):
        return found
    for i, word in enumerate(lowers):
        if word not in lx.MISSTATING_WORDS:
            continue
        after = lowers[i + 1 : i + 3]
        if word == "wrong" and after[:1] and after[0] in ("to", "with", "side", "way", "hands"):
            continue  # "was wrong to cut", "something wrong with the engine"
        before = _subject_before(lowers, i)
        if any(w in lx.GENERIC_ADVERBS or w in lx.NEGATIONS for w in before[-4:]):
            continue
        subject = any(w in lx.CLAIM_BEARERS for w in before)
        own_words = (
            len(after) == 2 and after[0] in lx.POSSESSIVE_DETERMINERS and after[1] in lx.OWN_WORDS
        )
        if subject or own_words:
            found.append(DenialCue((i, i + 1), UNSUPPORTED_SCORE))
    return found


def _subject_before(lowers: tuple[str, ...], at: int) -> tuple[str, ...]:
    """The words before `at` back to a clause boundary or a reporting verb used as one
    ("the club said the report was wrong" -> "the report was"; "report" after "the" is
    a noun)."""
    start = at
    while start > 0:
        word = lowers[start - 1]
        if word in (",", ";", ":", "“", "”", '"', "that"):
            break
        noun = start > 1 and lowers[start - 2] in lx.DETERMINERS | lx.POSSESSIVE_DETERMINERS
        if word in lx.REPORTING_VERBS and not noun:
            break
        start -= 1
    return lowers[start:at]


def _no_support(lowers: tuple[str, ...]) -> list[DenialCue]:
    """'no evidence to support the allegations', 'no proof for the claims': a claim said
    not to hold (bare "no evidence of…" is absence of confirmation, not a denial)."""
    found: list[DenialCue] = []
    if "no" not in lowers and "shred" not in lowers:
        return found
    for i in range(len(lowers)):
        for phrase in lx.NO_SUPPORT:
            end = i + len(phrase)
            if lowers[i:end] != phrase:
                continue
            link = lowers[end : end + 2]
            supporting = link[:1] in (("for",), ("backing",), ("supporting",)) or link == (
                "to",
                "support",
            )
            if supporting and _claim_within(lowers, end + len(link) - (link[0] != "to"), 4):
                found.append(DenialCue((i, end), UNSUPPORTED_SCORE))
    return found


def _not_accepted(lowers: tuple[str, ...]) -> list[DenialCue]:
    """'does not accept the findings', 'did not recognise the figures': a claim
    rejected."""
    found: list[DenialCue] = []
    if lx.NOT_ACCEPTING.isdisjoint(lowers):
        return found
    for i, word in enumerate(lowers):
        if word not in ("not", "never") and not word.endswith("n't"):
            continue
        verb = next(
            (k for k in range(i + 1, min(i + 3, len(lowers))) if lowers[k] in lx.NOT_ACCEPTING),
            None,
        )
        if verb is not None and _claim_within(lowers, verb + 1, 4):
            found.append(DenialCue((i, verb + 1), DISPUTE_SCORE))
    return found


def _called_dismissively(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'called the reports a provocation', 'branded the claims “rumors”': a calling verb,
    a claim as its object and a dismissive noun (not "called the attack a provocation")."""
    if lx.DISMISSIVE_NOUNS.isdisjoint(lowers):
        return None
    for i, word in enumerate(lowers):
        if word not in lx.CALLING_VERBS:
            continue
        reach = lowers[i + 1 : i + 1 + lx.DISPUTE_REACH + lx.CALLED_REACH]
        claim = next(
            (k for k, w in enumerate(reach[: lx.DISPUTE_REACH + 2]) if w in lx.CLAIM_NOUNS), None
        )
        if claim is None:
            continue
        rest = reach[claim + 1 : claim + 1 + lx.CALLED_REACH]
        dismissive = next((k for k, w in enumerate(rest) if w in lx.DISMISSIVE_NOUNS), None)
        if dismissive is not None:
            at = i + 1 + claim + 1 + dismissive
            return (at, at + 1)
    return None


def stands_by(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'stood by its reporting', 'stands by the story': "stand by" and a claim or its
    text (not "stood by the athlete", "standing by the door")."""
    if "by" not in lowers or lx.STANDING_VERBS.isdisjoint(lowers):
        return None
    for i in range(len(lowers) - 2):
        standing = lowers[i] in lx.STANDING_VERBS and lowers[i + 1] == "by"
        objects = lowers[i + 2 : i + 5]
        if standing and any(
            w in lx.CLAIM_BEARERS or (w in lx.STOOD_BY_OBJECTS and following != "to")
            for w, following in zip(objects, (*lowers[i + 3 : i + 6], ""), strict=False)
        ):  # "stood by its decisions"; not "stood by her decision to vote against…"
            return (i, i + 2)
    return None


def _claim_within(lowers: tuple[str, ...], start: int, reach: int) -> bool:
    """A claim (or a text that carries one) among the next `reach` words, before any
    punctuation: "took issue with Signal Lab's method"."""
    for word in lowers[start : start + reach]:
        if word in lx.CLAIM_NOUNS or word in lx.DISPUTED_TEXTS:
            return True
        possessive = word.endswith(("'s", "’s")) and word[:-2].replace("-", "").isalpha()
        if not word.isalpha() and word not in ("'s",) and not possessive:
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
    for at, word in enumerate(reach):
        if word in lx.CLAIM_NOUNS or word in lx.DISPUTED_TEXTS:
            return True  # "rejected the allegations", "questioned the study's method"
        if word in (".", ";") or (word in ("”", '"') and at > 0):
            break  # a quotation closing on the verb ('"categorically rejects" any…') goes on
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
            if _describes_someone(lowers, at):
                continue  # "Dr. Lund, who was not involved in the study, said…"
            found.append(DenialCue((at, end), FALSEHOOD_SCORE))
    negative = _negative_existential(lowers)
    if negative is not None:
        found.append(DenialCue(negative, FALSEHOOD_SCORE))
    such = _not_any_such(lowers)
    if such is not None:
        found.append(DenialCue(such, FALSEHOOD_SCORE))
    return found


def _not_any_such(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'was not aware of any such incident', 'never made any such payment': "such"
    takes up what was reported, and the negation says it is not so (like "no such
    agreement existed", a phrase of NEGATED_CLAIM_PHRASES)."""
    for k in range(1, len(lowers) - 1):
        if lowers[k] != "any" or lowers[k + 1] != "such":
            continue
        before = lowers[max(0, k - 4) : k]
        if any(w in ("not", "never", "nor") or w.endswith("n't") for w in before):
            return (k, k + 2)
    return None


def _describes_someone(lowers: tuple[str, ...], at: int) -> bool:
    """Is `at` inside a relative clause ("who was not involved in the study") describing
    a person, up to the comma that closes it? It says who someone is, not what is so."""
    for word in reversed(lowers[max(0, at - 4) : at]):
        if word in ("who", "whose"):
            return "," in lowers[at:]
        if not word.isalpha():
            return False
    return False


NOUN_PHRASE_REACH = 4
"""Words of the noun phrase after an opening "no" ("no North Korean troops")."""


def _negative_existential(lowers: tuple[str, ...]) -> tuple[int, int] | None:
    """'No North Korean troops are in Kursk', 'no civilians were inside the building':
    "There are no …" said the other way round, "no" opening its clause, a verb of being
    and a place. Not "no one was hurt" (no place), "no injuries were reported"."""
    for k, word in enumerate(lowers):
        if word != "no":
            continue
        opens = k == 0 or lowers[k - 1] in _CLAUSE_OPENERS or lowers[k - 1] in lx.REPORTING_VERBS
        if not opens:
            continue
        for j in range(k + 1, min(k + 1 + NOUN_PHRASE_REACH, len(lowers) - 1)):
            noun_phrase = lowers[k + 1 : j]
            if lowers[j] in lx.BE_FORMS and noun_phrase:
                if any(w in lx.ABSENCE_NOUNS or not w.isalpha() for w in noun_phrase):
                    break
                if lowers[j + 1] in lx.WHERE_PREPOSITIONS:
                    return (k, j + 1)
                break
            if not lowers[j].isalpha():
                break
    return None


_CLAUSE_OPENERS = frozenset([",", ";", ":", "“", '"', "that", "—", "–"])


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
