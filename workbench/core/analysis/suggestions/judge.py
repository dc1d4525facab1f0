"""Is this sentence a denial? The sentence's own cues weighed with what the article said.

Three kinds of evidence, from surest to least sure, each with its score so that a
"lowest score shown" setting can keep only the surest:

- WORD: a denial word or phrase (denial.py: "denied", "rejected the claims", "false",
  "pleaded not guilty", "not supported by the data"), with the speaker in the sentence
  (a bare quotation continuing the speaker of the sentence before scores a little less);
- COUNTER: a counter-assertion (counter.py: "I have never…", "we did not hide
  anything"), stronger when it answers what others said earlier in the article;
- FOLLOWS: a statement right after a denial by the same speaker, or a quotation right
  after a denial ("The hospital denied that patients had been turned away." "“Every
  patient was seen and treated,” a hospital spokeswoman said.").

A speaker granting a point ("acknowledged", "admitted") is not denying, whatever follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.attribution import Attribution, quoted_tokens
from workbench.core.analysis.suggestions.counter import ACCUSED_BONUS, ANSWER_BONUS, find_counter
from workbench.core.analysis.suggestions.denial import (
    DISPUTE_SCORE,
    UNATTRIBUTED_SCORE,
    find_denial,
)
from workbench.core.analysis.suggestions.exchange import (
    Exchange,
    Said,
    content_words,
    opens_quote,
    speaker_key,
)
from workbench.core.analysis.suggestions.tokens import Tokens

WORD = "word"
COUNTER = "counter-assertion"
FOLLOWS = "follows a denial"

NO_CUE_SCORE = 0.02
FOLLOW_UP_SCORE = 0.55
BOTH_BONUS = 0.1
"""A counter-assertion right after the speaker's denial: two pieces of evidence."""
QUOTED_PENALTY = 0.08
"""A bare quotation's speaker is inferred from the sentence before, not stated."""


@dataclass(frozen=True, slots=True)
class Judgement:
    score: float
    cue: tuple[int, int] | None
    """[first, last) tokens of what fired, None when nothing did."""
    basis: str = WORD


@dataclass(frozen=True, slots=True)
class Speaking:
    """Who speaks in the sentence, as the denial rules need it: the source as written
    and the speaker it resolves to, if any."""

    source: str
    resolved: str | None = None

    @property
    def key(self) -> str:
        """exchange.speaker_key of the (resolved) source: the same speaker across
        sentences."""
        return speaker_key(self.resolved or self.source)

    @property
    def words(self) -> frozenset[str]:
        """The words of the source and its resolution, lower case, without "'s"."""
        return _words(f"{self.source} {self.resolved or ''}")

    @property
    def names(self) -> frozenset[str]:
        """Those of them that are names (capitalised)."""
        text = f"{self.source} {self.resolved or ''}"
        return _words(" ".join(w for w in text.split() if w[:1].isupper())) - lx.NEVER_NAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(w.removesuffix("'s") for w in text.lower().replace("’", "'").split())


INSISTED_SCORE = 0.55
"""A source insisting (or maintaining) something after it was accused or in answer to
what was said: holding a position against a challenge, the guideline's denial."""


def judge_denial(
    tokens: Tokens,
    attribution: Attribution | None,
    skip: frozenset[int],
    speaking: Speaking | None,
    exchange: Exchange,
    threshold: float,
) -> Judgement:
    """The sentence's denial score and cue; records the sentence in `exchange`.

    `attribution` is the sentence's suggested attribution (None when not suggested),
    `speaking` its speaker, `skip` the tokens saying who speaks, `threshold` the score at
    which a denial is suggested (what the next sentence sees as "denied")."""
    previous = exchange.previous
    opens = opens_quote(tokens)
    inherited = None
    if speaking is None and opens and previous is not None and previous.speaker is not None:
        inherited = previous.speaker  # a bare quotation goes on with the last speaker
    key = speaking.key if speaking is not None else None
    who = key if key is not None else inherited
    conceding = attribution is not None and attribution.lemma in lx.CONCESSION_LEMMAS
    penalty = QUOTED_PENALTY if speaking is None else 0.0
    found: list[Judgement] = []

    explicit = find_denial(tokens)
    if explicit is not None:
        if who is None or (conceding and explicit.score < DISPUTE_SCORE):
            score = UNATTRIBUTED_SCORE
        else:
            score = explicit.score - penalty
        found.append(Judgement(score, explicit.cue, WORD))

    counter = None
    if who is not None and not conceding:
        speaker_words = speaking.words if speaking is not None else frozenset([who])
        names = speaking.names if speaking is not None else frozenset([who])
        speaker = who

        def context() -> float:
            if exchange.answers(content_words(tokens, skip), speaker, names):
                return ANSWER_BONUS
            return ACCUSED_BONUS if exchange.accused(speaker) else 0.0

        insisting = attribution is not None and attribution.lemma in lx.INSISTING_LEMMAS

        def contradicts(subject: frozenset[str], predicate: str) -> bool:
            return exchange.contradicted(subject, predicate, speaker)

        counter = find_counter(tokens, skip, speaker_words, insisting, context, contradicts)
        if counter is not None:
            found.append(Judgement(counter.score - penalty, counter.cue, COUNTER))
        held = _insists(tokens, attribution)
        if held is not None and context() > 0:
            # "insisted that each had been contacted": a position held against the accusation
            found.append(Judgement(INSISTED_SCORE - penalty, held, COUNTER))

    if (
        attribution is not None
        and not attribution.participle  # "He resigned, saying…": an act, then its reason
        and key is not None
        and previous is not None
        and previous.denied
        and (previous.speaker == key or (opens and not exchange.accused_before(key)))
        and not conceding
        and not _plans(tokens, skip)
        and lx.CONCEDING_WORDS.isdisjoint(tokens.lowers)  # "I made mistakes": a point granted
        and (counter is not None or _quotes(tokens))
    ):  # a reported clause after a denial is narration unless it counters ("It said it
        # had paid 6,200 other claims"); the speaker's own words go on with the denial
        score = FOLLOW_UP_SCORE
        if counter is not None:
            score = max(score, counter.score) + BOTH_BONUS
        found.append(Judgement(score, attribution.cue, FOLLOWS))

    best = max(found, key=lambda j: j.score, default=Judgement(NO_CUE_SCORE, None))
    # a denial's elaboration is the next sentence, not the whole rest of the article
    on_its_own = max((j.score for j in found if j.basis != FOLLOWS), default=0.0)
    exchange.remember(Said(tokens, skip, who, round(on_its_own, 2) >= threshold))
    # to the shown hundredth: summed evidence (0.20 + 0.15 + 0.10) is 0.4499… in floats,
    # which a threshold or a "lowest score shown" of 0.45 would exclude though ".45" shows
    return Judgement(round(best.score, 2), best.cue, best.basis)


def _insists(tokens: Tokens, attribution: Attribution | None) -> tuple[int, int] | None:
    """Where the sentence's source insists or maintains something: the sentence's
    reporting verb ("insisted its products were safe") or another such verb with a
    clause ("said …, but insisted that …")."""
    if attribution is not None and attribution.lemma in lx.INSISTING_LEMMAS:
        return attribution.cue
    lowers = tokens.lowers
    for k, word in enumerate(lowers[:-1]):
        if lx.REPORTING_VERBS.get(word) in lx.INSISTING_LEMMAS and lowers[k + 1] == "that":
            return (k, k + 1)
    return None


def _quotes(tokens: Tokens) -> bool:
    """Does the sentence quote its speaker's words (a quotation of more than a word or
    two, not a scare-quoted term)?"""
    inside = quoted_tokens(tokens)
    return sum(inside) > lx.SCARE_QUOTE_WORDS


def _plans(tokens: Tokens, skip: frozenset[int]) -> bool:
    """Is what is said a plan or an intention ("the ministry would respond in kind")? Its
    first auxiliary is a modal."""
    for k, word in enumerate(tokens.lowers):
        if k in skip:
            continue
        if word in lx.MODALS:
            return True
        if word in lx.AUXILIARIES:
            return False
    return False
