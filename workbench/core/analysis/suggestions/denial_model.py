"""A learned reading of "this sentence answers or rejects an accusation", beside the rules.

The rules (judge.py) find a denial by its words; many denials have none: an alibi, an
explanation, evidence offered, a corrected figure, a rejection inside a quotation. Their
force comes from what the article said before. This is a logistic regression over
features of the sentence (its words and word pairs, lower case), of what the rules found
in it (their denial score and basis, the reporting verb, the source) and of the sentences
before it (an accusation, the speaker named in it, a denial just before, the same
speaker going on, words taken up). Headlines and ledes are read too when the article
is contested anywhere (the accusation then comes in the same sentence or after). Its weights
are data (denial_model.json), trained offline by bench/denial_model_train.py on the
development gold sets, which reproduces the file byte for byte. The weights file says
how the model's probability and the rules' score combine (COMBINES).

Pure Python: a sentence's features are a few dozen strings, its score one sum.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Protocol

from workbench.core.analysis import lexicon as lx

WEIGHTS_FILE = "denial_model.json"
"""The weights, beside this module (bench/denial_model_train.py writes it)."""

Features = dict[str, float]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\"“”]")
_QUOTES = frozenset(['"', "“", "”"])
_STEM = 5
_CONTEXT = 3
"""How many sentences back an accusation or a denial is looked for."""
_DENIED = 0.40
"""A rules' score from which a sentence counts as a denial for the ones after it."""
_SPEAKER_NOT_WORDS = lx.FUNCTION_WORDS | lx.TITLES | lx.PRONOUNS | lx.SPEAKER_ROLE_WORDS
_DENIAL_NOUNS = frozenset(["denial", "denials"])
_RULES_WORDS = lx.DENY_VERBS | lx.REFUTING_VERBS | lx.DISPUTE_VERBS | lx.FALSEHOOD_WORDS
"""Words the rules read with their exceptions ("denied access", "asked whether he
denied", "was denied by the office"): the model sees them through the rules' score,
not as words of its own, so it cannot undo those readings."""

OR = "or"
"""The denial score is the larger of the rules' score and the model's probability."""
MODEL = "model"
"""Where the model reads a sentence its probability is the denial score (the rules' score
is one of its features, so it can overrule a rules' word reading: "did not deny");
elsewhere the rules' score."""
COMBINES = (OR, MODEL)

LEARNED_CEILING = 0.69
"""The highest denial score the model's probability gives a sentence (qa13 Q13: "'We did
not expect so many,' she said" was shown a denial at .99). Out of fold on the development
sets, the denials the model suggested past the rules were right 42 % of the time under
0.70, 60 % from 0.70 to 0.90 and 92 % above (the rules' denial words, 0.70-0.92: 97-99 %):
a probability is not the chance of being right, and a sentence read by the model alone
must not rank above one the rules found in words, so that a "lowest score shown" of 0.70
keeps only those (docs/SUGGESTIONS.md, rules-15). Under every threshold the suggester or
its evaluation uses, so no tag changes."""


def contested_words(text: str) -> int:
    """How many words of the text say someone is accused or answers (lexicon
    CONTESTED_WORDS): an article with such words outside a sentence may be what a
    headline or a lede answers."""
    return _contested(words_of(text))


def _contested(words: list[str]) -> int:
    return sum(w in lx.CONTESTED_WORDS for w in words)


def words_of(text: str) -> list[str]:
    """Lower-case words ("don't" one word) and double quotation marks, in order."""
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def _speaker_words(speaker: str) -> frozenset[str]:
    """The words that say who a speaker is ("army", "rusu"), not a title or a pronoun."""
    return frozenset(w for w in words_of(speaker) if len(w) > 2) - _SPEAKER_NOT_WORDS


def _stems(words: list[str]) -> frozenset[str]:
    return frozenset(
        w[:_STEM] for w in words if len(w) >= 4 and w not in lx.FUNCTION_WORDS and w.isalpha()
    )


def _band(score: float) -> str:
    """The rules' denial score in the bands their evidence gives (docs/SUGGESTIONS.md)."""
    if score >= 0.70:
        return "word"
    if score >= 0.50:
        return "strong"
    if score >= 0.40:
        return "suggested"
    if score >= 0.20:
        return "weak"
    return "none"


@dataclass(frozen=True, slots=True)
class RuleView:
    """What the rules said of one sentence, as the model reads it."""

    score: float
    """The rules' denial score."""
    basis: str | None
    """Why the rules' denial fired (judge.WORD, COUNTER, FOLLOWS), None when nothing did."""
    cue: str | None
    """The attribution cue, lower case ("said", "insisted"), when attribution is suggested."""
    speaker: str | None
    """The source, or the speaker it resolves to."""
    participle: bool = False
    """The attribution is a participle after an act ("He resigned, saying…"): the
    sentence reports the act and its reason, not an answer (the rules' reading too)."""


@dataclass(slots=True)
class _Before:
    stems: frozenset[str]
    names: frozenset[str]
    accusing: bool
    rule_score: float
    speaker: str | None


@dataclass(slots=True)
class DenialReader:
    """Reads an article's sentences in order and gives each its features: what the model
    needs from the sentences before is remembered here."""

    contested: int = 0
    """The article's contested_words: where some are outside a sentence, it may answer
    them even with nothing before it (a headline, a lede)."""
    _before: list[_Before] = field(default_factory=list)
    _accusers: set[str] = field(default_factory=set)
    """Words of the speakers of accusing sentences so far (lower case)."""
    _accused: set[str] = field(default_factory=set)
    """Names mentioned in an accusing sentence so far (lower case)."""
    _deniers: set[str] = field(default_factory=set)
    """Words of the speakers the rules found denying so far (lower case)."""

    def read(self, text: str, rule: RuleView) -> Features:
        """The sentence's features, or none when it cannot answer anything: it has no
        speaker (neither its own nor, for a bare quotation, the one before), its speaker
        is a participle's after an act ("He resigned, saying…"), or nobody is accused or
        answers anywhere in the article outside it and nobody denied before it (the
        rules alone judge those)."""
        rule = self._speaker_named(rule)
        words = words_of(text)
        plain = [w for w in words if w not in _QUOTES]
        names = frozenset(n.lower() for n in _names(text))
        accusing = not lx.ACCUSING_WORDS.isdisjoint(plain) or not lx.WRONGDOING_WORDS.isdisjoint(
            plain
        )
        stems = _stems(plain)
        found: Features = {}
        elsewhere = self.contested > _contested(plain)
        if self._may_answer(rule, words, elsewhere):
            found["bias"] = 1.0
            for w in plain:
                if w not in _RULES_WORDS:
                    found["w:" + w] = 1.0
            for a, b in itertools.pairwise(plain):
                if a not in _RULES_WORDS and b not in _RULES_WORDS:
                    found[f"p:{a}_{b}"] = 1.0
            self._rule_features(found, rule, words)
            forms = _wording_features(found, plain)
            self._context_features(found, rule, stems, words, accusing, forms)
        self._before.append(_Before(stems, names, accusing, rule.score, rule.speaker))
        if accusing:  # the names it puts something to: not its own speaker's
            self._accused.update(names - _speaker_words(rule.speaker or ""))
            self._accusers.update(_speaker_words(rule.speaker or ""))
        if rule.speaker is not None and rule.score >= _DENIED:
            self._deniers.update(_speaker_words(rule.speaker))
        return found

    def _speaker_named(self, rule: RuleView) -> RuleView:
        """A pronoun the suggester left unresolved ("He said…") read as the latest
        speaker before it, as a reader would: whose answer it is matters here."""
        if rule.speaker is None or rule.speaker.lower() not in lx.PRONOUNS:
            return rule
        earlier = next((b.speaker for b in reversed(self._before) if b.speaker), None)
        if earlier is None:
            return rule
        return RuleView(rule.score, rule.basis, rule.cue, earlier, rule.participle)

    def _may_answer(self, rule: RuleView, words: list[str], elsewhere: bool) -> bool:
        if rule.participle:
            return False
        speaks = rule.cue is not None or (
            bool(words)
            and words[0] in _QUOTES
            and bool(self._before)
            and self._before[-1].speaker is not None
        )
        put = elsewhere or any(b.accusing or b.rule_score >= _DENIED for b in self._before)
        return speaks and put

    @staticmethod
    def _rule_features(found: Features, rule: RuleView, words: list[str]) -> None:
        found["rule:" + _band(rule.score)] = 1.0
        found["rule:score"] = rule.score
        if rule.basis is not None:
            found["basis:" + rule.basis] = 1.0
        if rule.cue is not None:
            found["attributed"] = 1.0
            if rule.cue.lower() not in _RULES_WORDS:  # those: the rules' score says
                found["cue:" + rule.cue.lower()] = 1.0
        negations = sum(w in lx.NEGATIONS or w.endswith("n't") for w in words)
        if negations:
            found["negation"] = 1.0
        if negations >= 2:
            found["negation:2+"] = 1.0
        if any(w in _QUOTES for w in words):
            found["quotes"] = 1.0
        if words and words[0] in _QUOTES:
            found["opens quote"] = 1.0
        if not lx.FIRST_PERSON_SUBJECTS.isdisjoint(words):
            found["first person"] = 1.0
        if any(w.isdigit() for w in words):
            found["figure"] = 1.0

    def _context_features(
        self,
        found: Features,
        rule: RuleView,
        stems: frozenset[str],
        words: list[str],
        accusing: bool,
        forms: frozenset[str],
    ) -> None:
        position = len(self._before)
        found["ctx:position:" + (str(position) if position < 3 else "later")] = 1.0
        if accusing:
            found["ctx:accusation here"] = 1.0
        if not any(b.accusing or b.rule_score >= _DENIED for b in self._before):
            found["ctx:nothing before"] = 1.0
            if not accusing:
                found["ctx:accusation only after"] = 1.0
            for form in forms | ({"negation"} & found.keys()):
                found[f"ctx:nothing before, {form}"] = 1.0
        recent = self._before[-_CONTEXT:]
        if not recent:
            return
        previous = recent[-1]
        found["ctx:before:" + _band(previous.rule_score)] = 1.0
        if any(b.rule_score >= _DENIED for b in recent):
            found["ctx:denial within 3"] = 1.0
        if any(b.accusing for b in recent):
            found["ctx:accusation within 3"] = 1.0
        if any(b.accusing for b in self._before):
            found["ctx:accusation before"] = 1.0
        speaker = rule.speaker.lower() if rule.speaker else None
        if speaker is not None and speaker == (previous.speaker or "").lower():
            found["ctx:same speaker"] = 1.0
            if previous.rule_score >= _DENIED:
                found["ctx:same speaker after denial"] = 1.0
        if speaker is not None:
            own = _speaker_words(speaker)
            if own & self._deniers:
                found["ctx:speaker denied before"] = 1.0
                for form in forms:
                    found[f"ctx:speaker denied before, {form}"] = 1.0
                if "negation" in found:
                    found["ctx:speaker denied before, negation"] = 1.0
                if "quotes" in found:
                    found["ctx:speaker denied before, quotes"] = 1.0
            if own & self._accusers and not own & self._accused:
                found["ctx:speaker accuses"] = 1.0
                if "ctx:denial within 3" in found:
                    found["ctx:speaker accuses, after a denial"] = 1.0
            if own & self._accused:
                found["ctx:speaker accused"] = 1.0
                for form in forms | ({"negation"} & found.keys()):
                    found[f"ctx:speaker accused, {form}"] = 1.0
        elif words and words[0] in _QUOTES and previous.speaker is not None:
            found["ctx:bare quote after speaker"] = 1.0
        taken = max((len(stems & b.stems) for b in recent if b.speaker != rule.speaker), default=0)
        if taken >= 2:
            found["ctx:takes up words"] = 1.0
            if any(b.accusing for b in recent):
                found["ctx:takes up an accusation"] = 1.0
        if "rule:none" in found and "attributed" in found:
            for after in ("speaker denied before", "speaker accused", "same speaker after denial"):
                if "ctx:" + after in found:
                    found[f"ctx:{after}, no rule cue"] = 1.0
        if "ctx:accusation within 3" in found and "attributed" in found:
            found["ctx:attributed after accusation"] = 1.0
        if "ctx:accusation within 3" in found and "negation" in found:
            found["ctx:negation after accusation"] = 1.0
        if "ctx:accusation within 3" in found and "rejects" in forms:
            found["ctx:rejects after accusation"] = 1.0


def _wording_features(found: Features, words: list[str]) -> frozenset[str]:
    """How the sentence is worded where the rules' words mislead or say nothing: a denial
    word under a negation ("did not deny", "never denied", "refused to deny"), "denial"
    named as a noun ("the denial was carefully worded", "living in denial"), standing by
    something. Returned, not features on their own (anyone may say them; they count
    said by the accused, or in a headline): "explains" (an explanation or an alibi),
    "rejects" (an evaluative or sarcastic rejection)."""
    for k, word in enumerate(words):
        if word in _DENIAL_NOUNS:
            if k and words[k - 1] in lx.DENIAL_NOUN_BEFORE:
                found["denial as a noun"] = 1.0
        elif word in lx.DENY_VERBS and any(
            w in lx.NEGATIONS or w.endswith("n't") or w in lx.REFUSALS
            for w in words[max(0, k - 3) : k]
        ):
            found["denial word negated"] = 1.0
        if word in lx.STANDING_VERBS and k + 1 < len(words) and words[k + 1] == "by":
            found["stands by"] = 1.0
    forms = set()
    if not lx.EXPLAINING_WORDS.isdisjoint(words):
        forms.add("explains")
    if not lx.REJECTING_WORDS.isdisjoint(words):
        forms.add("rejects")
    return frozenset(forms)


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\b")


def _names(text: str) -> list[str]:
    """Capitalised words after the first (the first is capitalised as a sentence start)."""
    return [m.group(0) for m in _NAME.finditer(text) if m.start() > 0]


GROUPS = ("rules", "form", "context", "words", "pairs")
"""The feature groups: the rules' denial score and basis ("rule:", "basis:"); the
sentence's form (attributed, its cue, negation, quotes, …); the sentences before
("ctx:"); the words ("w:"); the word pairs ("p:"). "bias" is in every model."""


def group_of(name: str) -> str:
    """The group of a feature, by its name."""
    if name.startswith(("rule:", "basis:")):
        return "rules"
    if name.startswith("ctx:"):
        return "context"
    if name.startswith("w:"):
        return "words"
    if name.startswith("p:"):
        return "pairs"
    return "form"


class DenialScorer(Protocol):
    """What the suggester asks of a denial model: the sentence's denial score from the
    rules' score and the sentence's features (none: the rules' score). `as_trained` is
    the rules' score in the reading the model was trained on (suggest._ModelView), which
    only training reads: it chose the sentences the rules miss."""

    def denial_score(
        self, rules: float, features: Mapping[str, float], as_trained: float | None = None
    ) -> float: ...


@dataclass(frozen=True, slots=True)
class DenialModel:
    """Logistic regression weights: P(denial) = sigmoid(sum of weight × value)."""

    version: str
    groups: frozenset[str]
    weights: Mapping[str, float]
    combine: str = OR
    """How the probability and the rules' score combine (COMBINES)."""

    def denial_score(
        self, rules: float, features: Mapping[str, float], as_trained: float | None = None
    ) -> float:
        """The rules' score where the model reads nothing; else its probability (to two
        places, at most LEARNED_CEILING), or the larger of the two when combined OR
        (`as_trained` is not read)."""
        if not features:
            return rules
        learned = min(round(self.probability(features), 2), LEARNED_CEILING)
        return learned if self.combine == MODEL else max(rules, learned)

    def probability(self, features: Mapping[str, float]) -> float:
        """0 for no features (DenialReader found nothing the sentence could answer)."""
        if not features:
            return 0.0
        return logistic(self.weights, features)

    @classmethod
    def from_json(cls, text: str) -> DenialModel:
        data = json.loads(text)
        combine = str(data.get("combine", OR))
        if combine not in COMBINES:
            raise ValueError(f"denial model: unknown combination {combine!r}")
        return cls(str(data["version"]), frozenset(data["groups"]), dict(data["weights"]), combine)


def logistic(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    """sigmoid(sum of weight × value): a logistic regression's probability. The sum is
    exact (math.fsum), so it does not depend on the features' order: they are made from
    sets of words, whose order changes from one process to the next, and a plain sum in
    that order gave a pair of figures another last bit, and the possible conflicts (sorted
    by probability) another order, in each run of the same summary."""
    total = math.fsum(weights.get(name, 0.0) * value for name, value in features.items())
    if total < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-total))


def packaged_text(module: str, name: str) -> str:
    """A data file beside the module named (a model's weights)."""
    return resources.files(module.rpartition(".")[0]).joinpath(name).read_text(encoding="utf-8")


@cache
def bundled_model() -> DenialModel:
    """The model shipped with the package (read once)."""
    return DenialModel.from_json(packaged_text(__name__, WEIGHTS_FILE))
