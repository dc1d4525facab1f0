"""Suggested tags and source for every sentence of an article.

`suggest(article)` reads the article once, in order, and returns one Suggestion per
sentence: a score from 0 to 1 for each tag (the tags at or above their threshold are
the suggestion), the source as a span of the article following the guideline, the cues
that fired, and for a pronoun or bare-role source the speaker it resolves to. Pure and
offline: rules and word lists (lexicon.py), no model. Nothing here is stored: the
analyst accepts, changes or ignores a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.attribution import (
    Attribution,
    find_attribution,
    may_read_otherwise_as_trained,
)
from workbench.core.analysis.suggestions.claims import claim_score
from workbench.core.analysis.suggestions.denial_model import (
    DenialReader,
    DenialScorer,
    RuleView,
    bundled_model,
    contested_words,
)
from workbench.core.analysis.suggestions.exchange import Exchange
from workbench.core.analysis.suggestions.judge import WORD, Judgement, Speaking, judge_denial
from workbench.core.analysis.suggestions.naming import guideline_span
from workbench.core.analysis.suggestions.phrases import TokenSpan
from workbench.core.analysis.suggestions.resolve import Discourse, Resolved, is_bare_role
from workbench.core.analysis.suggestions.tokens import Tokens, tokenize
from workbench.core.annotation import TAGS
from workbench.core.corpus.sentences import Sentence

SUGGESTER_VERSION = "rules-23+denial-model-2"
"""Changes whenever a rule, word list or threshold changes what is suggested: an
annotation's provenance records it, so acceptance rates compare like with like."""

THRESHOLDS: Mapping[str, float] = {"claim": 0.5, "attribution": 0.5, "denial": 0.40}
"""A tag is suggested when its score reaches its threshold (docs/SUGGESTIONS.md says how
these were chosen: claim leave one article out; denial, since denial-model-1, the
operating point of the rules and the model together, chosen leave one gold set out)."""

RULE_DENIAL_THRESHOLD = 0.40
"""What the rules count as a denial when a later sentence asks whether the one before
denied (rules-6's operating point; fixed, so that the rules read an article the same
whatever the denial threshold of the suggestion)."""

NO_CUE_SCORE = 0.02
"""Attribution or denial with no cue at all."""


class ArticleLike(Protocol):
    """What suggest() reads: workbench.core.corpus.articles.Article fits."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> Sequence[Sentence]: ...


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that fired a tag: article[start:end] == text."""

    tag: str
    text: str
    start: int
    end: int
    basis: str = WORD
    """Why it fired: WORD (the cue says it), or for a denial COUNTER ("I have never…"
    answering an earlier claim) or FOLLOWS (a statement right after the speaker's
    denial)."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the workbench proposes for one sentence. Offsets index the article text."""

    article_id: str
    index: int
    start: int
    end: int
    scores: Mapping[str, float] = field(hash=False)
    """Every tag of TAGS, 0 to 1."""
    tags: tuple[str, ...]
    """The tags whose score reaches THRESHOLDS, in TAGS order."""
    source: str | None = None
    """The speaker as the guideline records it: article[source_start:source_end]."""
    source_start: int | None = None
    source_end: int | None = None
    cues: tuple[Cue, ...] = ()
    resolved_source: str | None = None
    """For a pronoun or bare-role source, the speaker named earlier in the article."""
    resolved_start: int | None = None
    resolved_end: int | None = None
    version: str = SUGGESTER_VERSION
    denial_by_rules: float = NO_CUE_SCORE
    """The rules' own denial score, which ranks their evidence (a denial word over a
    counter-assertion over a statement after a denial); scores["denial"] is the larger
    of it and the denial model's probability."""

    @property
    def cue(self) -> str | None:
        """The cue behind the suggestion: the attribution's, else the denial's."""
        return self.cues[0].text if self.cues else None

    def tags_at_least(self, lowest: float) -> tuple[str, ...]:
        """The suggested tags scoring at least `lowest` (a user's "lowest score shown"
        setting): a higher setting keeps only the surer suggestions, e.g. a denial word
        (0.78–0.92) over a statement right after a denial (0.55)."""
        return tuple(tag for tag in self.tags if self.scores[tag] >= lowest)

    def to_record(self) -> dict[str, Any]:
        """The `workbench suggest --json` object."""
        return {
            "article": self.article_id,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "tags": list(self.tags),
            "scores": {tag: round(self.scores[tag], 3) for tag in TAGS},
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "resolved_source": self.resolved_source,
            "cue": self.cue,
        }


def suggest(article: ArticleLike) -> list[Suggestion]:
    """One Suggestion per sentence of the article, in order."""
    return suggest_sentences(article.id, article.text, article.sentences)


def suggest_sentences(
    article_id: str,
    text: str,
    sentences: Iterable[Sentence],
    thresholds: Mapping[str, float] = THRESHOLDS,
    denial_model: DenialScorer | None = None,
) -> list[Suggestion]:
    """Suggestions for `sentences` of `text`, read in order (pronouns look back, a denial
    may answer what was said before). `thresholds` other than THRESHOLDS are for the
    eval's choice of an operating point; `denial_model` other than the bundled one
    (denial_model.bundled_model) for training and evaluating it."""
    scorer = denial_model if denial_model is not None else bundled_model()
    article = _Article(
        Discourse(), Exchange(), DenialReader(contested_words(text)), scorer, _ModelView()
    )
    suggestions = []
    for position, sentence in enumerate(sentences):
        tokens = tokenize(text[sentence.start : sentence.end], sentence.start)
        suggestions.append(
            _suggest_one(article_id, sentence, tokens, article, position, thresholds)
        )
    return suggestions


@dataclass(frozen=True, slots=True)
class _Article:
    """What suggest_sentences remembers of an article while reading it in order."""

    discourse: Discourse
    exchange: Exchange
    reader: DenialReader
    scorer: DenialScorer
    model: _ModelView


@dataclass(slots=True)
class _ModelView:
    """Who speaks as rules-11 read it, what the denial model (denial-model-2) was
    trained on and so is given: its features come from this reading, while the
    suggestion shows rules-12's (a role or pronoun only a speaker of its kind, "put …
    at N", "prime minister"). Retrained on rules-12's reading the model lost precision
    out of fold and three of the guideline's tests (docs/SUGGESTIONS.md)."""

    discourse: Discourse = field(default_factory=lambda: Discourse(as_trained=True))
    exchange: Exchange | None = None
    """The article as the model's reading judged it, from the first sentence the two
    readings part on (before that, the article's own Exchange)."""


@dataclass(frozen=True, slots=True)
class _Speakers:
    """One reading of who speaks in a sentence."""

    attribution: Attribution | None
    source_span: TokenSpan | None
    attributed: bool
    skip: frozenset[int]
    followed: Resolved | None
    speaking: Speaking | None

    def rule_view(self, tokens: Tokens, denial: Judgement) -> RuleView:
        attribution, speaking = self.attribution, self.speaking
        return RuleView(
            denial.score,
            denial.basis if denial.cue is not None else None,
            tokens.span_text(*attribution.cue).lower() if self.attributed and attribution else None,
            speaking.resolved or speaking.source if speaking is not None else None,
            self.attributed and attribution is not None and attribution.participle,
        )


def _who_speaks(
    discourse: Discourse,
    tokens: Tokens,
    attribution: Attribution | None,
    position: int,
    thresholds: Mapping[str, float],
) -> _Speakers:
    """The sentence's speaker as `discourse` reads it (and remembers it)."""
    source_span: tuple[int, int] | None = None
    score = NO_CUE_SCORE
    if attribution is not None:
        score = attribution.score
        if attribution.source is not None:
            source_span = guideline_span(tokens, attribution.source)
    attributed = source_span is not None and score >= thresholds["attribution"]
    skip = _attribution_tokens(attribution.cue if attribution else None, source_span)
    discourse.remember_names(tokens, position)
    followed = _remember_speaker(discourse, tokens, attribution, source_span, attributed, position)
    speaking = None
    if attributed and source_span is not None:
        speaking = Speaking(tokens.span_text(*source_span), followed.text if followed else None)
    return _Speakers(attribution, source_span, attributed, skip, followed, speaking)


def _suggest_one(
    article_id: str,
    sentence: Sentence,
    tokens: Tokens,
    article: _Article,
    position: int,
    thresholds: Mapping[str, float],
) -> Suggestion:
    discourse = article.discourse
    attribution = find_attribution(tokens)
    scores = {tag: NO_CUE_SCORE for tag in TAGS}
    if attribution is not None:
        scores["attribution"] = attribution.score
    shown = _who_speaks(discourse, tokens, attribution, position, thresholds)
    source_span, skip, followed = shown.source_span, shown.skip, shown.followed
    scores["claim"] = claim_score(tokens, sentence.text, skip)
    resolved = followed
    if followed is not None and source_span is not None and is_bare_role(tokens, source_span):
        resolved = discourse.resolve(tokens, source_span, position)  # only one of its kind
    model = article.model
    trained = attribution
    if may_read_otherwise_as_trained(tokens):
        trained = find_attribution(tokens, as_trained=True)
    seen = _who_speaks(model.discourse, tokens, trained, position, thresholds)
    if model.exchange is None and seen != shown:
        model.exchange = Exchange(list(article.exchange.said))  # the readings part here
    denial = judge_denial(
        tokens, attribution if shown.attributed else None, skip, shown.speaking,
        article.exchange, RULE_DENIAL_THRESHOLD,
    )  # fmt: skip
    as_seen = denial
    if model.exchange is not None:
        as_seen = judge_denial(
            tokens, trained if seen.attributed else None, seen.skip, seen.speaking,
            model.exchange, RULE_DENIAL_THRESHOLD,
        )  # fmt: skip
    scores["denial"] = article.scorer.denial_score(
        denial.score,
        article.reader.read(sentence.text, seen.rule_view(tokens, as_seen)),
        as_seen.score,
    )
    by_rules = denial.score
    tags = tuple(tag for tag in TAGS if scores[tag] >= thresholds[tag])
    cues: list[Cue] = []
    if attribution is not None and "attribution" in tags:
        cues.append(_cue("attribution", tokens, attribution.cue))
    if denial.cue is not None and "denial" in tags:
        cues.append(_cue("denial", tokens, denial.cue, denial.basis))
    if source_span is None or "attribution" not in tags:
        return Suggestion(
            article_id, sentence.index, sentence.start, sentence.end, scores, tags,
            cues=tuple(cues), denial_by_rules=by_rules,
        )  # fmt: skip
    first, last = tokens[source_span[0]], tokens[source_span[1] - 1]
    return Suggestion(
        article_id,
        sentence.index,
        sentence.start,
        sentence.end,
        scores,
        tags,
        source=tokens.span_text(*source_span),
        source_start=first.start,
        source_end=last.end,
        cues=tuple(cues),
        resolved_source=resolved.text if resolved else None,
        resolved_start=resolved.start if resolved else None,
        resolved_end=resolved.end if resolved else None,
        denial_by_rules=by_rules,
    )


def _remember_speaker(
    discourse: Discourse,
    tokens: Tokens,
    attribution: Attribution | None,
    source_span: TokenSpan | None,
    attributed: bool,
    position: int,
) -> Resolved | None:
    """The sentence's attributed source remembered as a speaker, and what it resolves to
    when it is a pronoun or a bare role (after Discourse.remember_names of the sentence),
    a role to the latest body of any kind: what the article's speakers and the denial
    model's reading of who answers whom follow (the speaker shown for a role is only
    one of its kind: Discourse.resolve)."""
    if attribution is None or source_span is None or not attributed:
        return None
    resolved = discourse.resolve(tokens, source_span, position, learn=True, any_body=True)
    discourse.remember_source(
        tokens, attribution.source or source_span, source_span, position,
        resolved=resolved is not None,
    )  # fmt: skip
    return resolved


def typed_speakers(
    text: str, sentences: Sequence[Sentence], typed: Mapping[int, Collection[str]]
) -> dict[tuple[int, str], str]:
    """Who the sources an analyst typed as a pronoun or a bare role ("he", "the
    spokesman") are: {(sentence index, source as typed): the speaker it resolves to}.

    The article is read as suggest() reads it, so a typed "he" names whom the
    suggestion's "He" would: the sentence's own titled names count, then the speakers
    before it. `typed` maps a sentence index to the sources typed on it; a source that
    resolves to nobody is left out. Only the speakers are read (no claim or denial), and
    only up to the last sentence asked about."""
    found: dict[tuple[int, str], str] = {}
    if not typed:
        return found
    last = max(typed)
    asked = {source: tokenize(source, 0) for sources in typed.values() for source in sources}
    discourse = Discourse()
    for position, sentence in enumerate(sentences):
        if sentence.index > last:
            break
        if sentence.index not in typed and _no_speaker_words(text[sentence.start : sentence.end]):
            continue  # it names no speaker: the discourse would learn nothing from it
        tokens = tokenize(text[sentence.start : sentence.end], sentence.start)
        attribution = find_attribution(tokens)
        source_span = None
        if attribution is not None and attribution.source is not None:
            source_span = guideline_span(tokens, attribution.source)
        attributed = attribution is not None and attribution.score >= THRESHOLDS["attribution"]
        discourse.remember_names(tokens, position)
        for source in typed.get(sentence.index, ()):
            words = asked[source]
            at = _written_at(tokens, words.lowers)
            if len(words) and (
                resolved := discourse.resolve(words, (0, len(words)), position, at=at)
            ):
                found[(sentence.index, source)] = resolved.text
        _remember_speaker(discourse, tokens, attribution, source_span, attributed, position)
    return found


def _written_at(tokens: Tokens, words: tuple[str, ...]) -> int:
    """Where a typed source stands in its sentence (its first occurrence), so that it
    resolves as the suggestion's would (Discourse.resolve's `at`); the sentence's end
    when it is not written there: then anyone the sentence names may be it."""
    width = len(words)
    for k in range(len(tokens) - width + 1):
        if width and tokens.lowers[k : k + width] == words:
            return tokens[k].start
    return tokens[-1].end if len(tokens) else 0


_ALPHABETIC = re.compile(r"[^\W\d_]+")
_SPEAKER_WORDS = frozenset(
    run
    for word in (
        *lx.REPORTING_VERBS,
        *lx.TITLES,
        *lx.ROLES,
        *lx.ACCORDING_TO,
        *(verb for verbs, _, _ in lx.PHRASAL_DISPUTES for verb in verbs),
        *lx.STANDING_VERBS,
    )
    for run in _ALPHABETIC.findall(word)[:1]
)
"""A word of every token that can make a sentence name a speaker: a reporting cue (what
find_attribution looks for), a title or a role (what Discourse.remember_names looks
for: "Defense Secretary Lloyd Austin", "its chief executive, Jonas Brandt,")."""


def _no_speaker_words(sentence: str) -> bool:
    """True when no token of `sentence` can be a reporting cue or a title: a cheap test,
    on letters only, that never says True of a sentence that names a speaker."""
    return _SPEAKER_WORDS.isdisjoint(_ALPHABETIC.findall(sentence.lower().replace("’", "'")))


def _attribution_tokens(
    cue: tuple[int, int] | None, source: tuple[int, int] | None
) -> frozenset[int]:
    """Tokens that say who speaks: not part of what is claimed."""
    found: set[int] = set()
    for span in (cue, source):
        if span is not None:
            found.update(range(*span))
    return frozenset(found)


def _cue(tag: str, tokens: Tokens, span: tuple[int, int], basis: str = WORD) -> Cue:
    first, last = tokens[span[0]], tokens[span[1] - 1]
    return Cue(tag, tokens.span_text(*span), first.start, last.end, basis)
