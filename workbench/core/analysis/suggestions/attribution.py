"""Who says it: the reporting cue of a sentence and the span naming its speaker.

News English introduces a speaker in a handful of ways, and each has its rule:

- subject before the verb: "U.S. officials said", "…, General Ryder said";
- apposition: "Pat Ryder, the Pentagon spokesman, told…" (the name, not the description);
- inversion after a quotation: "“…,” said Mr. Melnyk, now…";
- "according to X";
- a participle: "Peskov did not answer…, saying…" (the subject of the main clause);
- a subject with a post-modifier: "A senior official familiar with the talks said";
- a passive with its agent: "the figures were confirmed by the ministry".

Finding the speaker's phrase is phrases.py; the form the guideline records, naming.py.

When a sentence has several cues, an affirmative one outside quotation marks with a
strong verb wins; then the earliest.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.denial import disputes_a_claim
from workbench.core.analysis.suggestions.phrases import (
    TokenSpan,
    is_head,
    main_subject,
    noun_phrase_after,
    plain_noun_subject,
    subject_before,
)
from workbench.core.analysis.suggestions.tokens import Tokens

STRONG_SCORE = 0.95
WEAK_SCORE = 0.8
NO_SOURCE_SCORE = 0.3
"""A cue whose speaker cannot be found: the guideline needs a named or described source."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting cue (token span), its lemma, and the speaker's tokens if found."""

    cue: TokenSpan
    lemma: str
    form: str
    """The cue as written, lower case ("said", "saying")."""
    source: TokenSpan | None
    strong: bool
    negated: bool
    quoted: bool
    """The cue stands inside quotation marks (someone quoted reporting someone else)."""
    closing: bool = False
    """'…, she said.': the speaker opens the sentence's last clause and the verb adds
    nothing but where or when; what came before is what was said."""

    @property
    def score(self) -> float:
        if self.source is None:
            return NO_SOURCE_SCORE
        return STRONG_SCORE if self.strong else WEAK_SCORE

    @property
    def participle(self) -> bool:
        """'…, saying': the speaker is inferred from the main clause, not stated."""
        return (
            self.lemma != "according to"
            and self.cue[1] - self.cue[0] == 1
            and (self.form.endswith("ing"))
        )

    def rank(self) -> tuple[bool, bool, bool, bool, bool, bool, int]:
        """Smaller is better: found, outside quotes, strong, a closing reporting clause
        ("…, she said."), affirmative, finite, earliest."""
        return (
            self.source is None,
            self.quoted,
            not self.strong,
            not self.closing,
            self.negated,
            self.participle,
            self.cue[0],
        )


def find_attribution(tokens: Tokens) -> Attribution | None:
    """The sentence's main reporting cue and speaker, or None without a cue."""
    found = _attributions(tokens)
    return min(found, key=Attribution.rank) if found else None


def _attributions(tokens: Tokens) -> list[Attribution]:
    quoted = quoted_tokens(tokens)
    found: list[Attribution] = []
    lowers = tokens.lowers
    for i, low in enumerate(lowers):
        if lowers[i : i + 2] == lx.ACCORDING_TO:
            source = noun_phrase_after(tokens, i + 2, len(tokens))
            cue = (i, i + 2)
            found.append(
                Attribution(cue, "according to", "according to", source, True, False, quoted[i])
            )
            continue
        lemma = lx.REPORTING_VERBS.get(low)
        if lemma is None:
            continue
        if lowers[i + 1 : i + 2] == ("by",) and i and lowers[i - 1] in lx.BE_FORMS:
            # a passive with its agent: "the figures were confirmed by the ministry"
            agent = noun_phrase_after(tokens, i + 2, len(tokens))
            strong = lemma in lx.STRONG_REPORTING
            found.append(Attribution((i, i + 1), lemma, low, agent, strong, False, quoted[i]))
            continue
        if not _is_verb_use(tokens, i):
            continue
        if lowers[i + 1 : i + 2] and lowers[i + 1] in lx.OTHER_SENSE_AFTER.get(lemma, ()):
            continue
        if low in lx.DISPUTE_VERBS and not disputes_a_claim(lowers, i):
            continue  # "rejected the proposal", "dismissed two commanders": acts, not words
        negated = _negated(lowers, i)
        speaker = _speaker(tokens, i, lemma)
        if low in lx.NOUN_LIKE_FORMS and speaker is not None and _object_of_verb(tokens, speaker):
            continue  # "rejected opposition claims that…": the noun
        found.append(
            Attribution(
                (i, i + 1),
                lemma,
                low,
                speaker,
                lemma in lx.STRONG_REPORTING,
                negated,
                quoted[i],
                speaker is not None and _closing(tokens, speaker, i),
            )
        )
    return found


CLOSING_REACH = 10
"""Tokens after the verb of a closing clause ("…, the company said in a filing with the
Securities and Exchange Commission.")."""


def _closing(tokens: Tokens, speaker: TokenSpan, verb: int) -> bool:
    """Is this '…, SPEAKER said [when/where].' at the end of the sentence?"""
    start = speaker[0]
    while start > 0 and tokens.lowers[start - 1] in lx.DETERMINERS:
        start -= 1
    if start == 0 or tokens[start - 1].text not in (",", *lx.QUOTE_CLOSERS) or speaker[1] > verb:
        return False
    rest = tokens.lowers[verb + 1 :]
    if "," in rest:
        rest = rest[: rest.index(",")]
    return len(rest) <= CLOSING_REACH and "that" not in rest


def _object_of_verb(tokens: Tokens, span: TokenSpan) -> bool:
    """Does a verb stand right before the phrase, making it an object, not a subject?"""
    if span[0] == 0:
        return False
    word = tokens.lowers[span[0] - 1]
    return word in lx.REPORTING_VERBS or (len(word) > 4 and word.endswith("ed"))


def _negated(lowers: tuple[str, ...], verb: int) -> bool:
    """'has not officially confirmed': a negation in the auxiliaries before the verb."""
    j = verb
    while j > 0 and (lowers[j - 1] in lx.AUXILIARIES or lowers[j - 1] in lx.VERB_ADVERBS):
        j -= 1
        if lowers[j] in ("not", "never") or lowers[j].endswith("n't"):
            return True
    return False


def quoted_tokens(tokens: Tokens) -> list[bool]:
    """For each token: does it stand inside double quotation marks?"""
    inside = False
    flags: list[bool] = []
    for token in tokens.items:
        text = token.text
        if text == "“" or (text == '"' and not inside):
            flags.append(False)
            inside = True
        elif text == "”" or text == '"':
            flags.append(False)
            inside = False
        else:
            flags.append(inside)
    return flags


def _is_verb_use(tokens: Tokens, i: int) -> bool:
    """A reporting word used as a verb, not "the reports" or "was said to be"."""
    token = tokens[i]
    if token.is_capitalised and not (tokens.is_headline and i > 0):
        return False
    low = tokens.lowers[i]
    before = tokens.lowers[i - 1] if i else ""
    if before == "to" and not low.endswith(("ed", "s", "ing")) and low not in ("told", "said"):
        return False  # an infinitive: "declined to confirm"
    if before in lx.BE_FORMS and not low.endswith("ing"):
        return False  # a passive names no speaker
    if low.endswith("ing") and not (
        before in (",", *lx.BE_FORMS) or before in lx.AUXILIARIES or before in lx.VERB_ADVERBS
    ):
        return False  # "contributed reporting": a noun; "…, saying" and "are saying" are verbs
    if low in lx.NOUN_LIKE_FORMS:
        if i == 0 or tokens.is_headline:
            return False  # "Rejects Fraud Claims as Opposition Calls for Recount"
        previous = tokens[i - 1]
        after = tokens.lowers[i + 1] if i + 1 < len(tokens) else ""
        finite = after in lx.AUXILIARIES and after not in ("be", "being", "been", "having", "not")
        if finite or after in lx.REPORTING_VERBS or after == "of":
            return False  # "media reports said", "reports of": the noun
        if low in lx.NAMING_FORMS and i + 1 < len(tokens) and tokens[i + 1].is_name:
            return False  # "a town called Millbrook"
        return (
            previous.text in (",", *lx.QUOTE_CLOSERS)
            or before in lx.PRONOUNS
            or before in ("who", "which", "that")
            or before in lx.AUXILIARIES
            or before in lx.VERB_ADVERBS
            or is_head(previous)
            or plain_noun_subject(tokens, max(0, i - 4), i) is not None
        )
    return True


def _speaker(tokens: Tokens, verb: int, lemma: str) -> TokenSpan | None:
    low = tokens.lowers[verb]
    previous = tokens[verb - 1].text if verb else ""
    if low in lx.PARTICIPLE_CUES and previous == ",":
        return main_subject(tokens, verb)
    if lemma not in lx.INVERTIBLE or previous not in (",", *lx.QUOTE_CLOSERS):
        return subject_before(tokens, verb)
    # '“…,” said Mr. Melnyk' is inverted; 'Zelenskiy, citing sources, said' is not
    if previous == ",":
        return subject_before(tokens, verb) or _inverted(tokens, verb)
    return _inverted(tokens, verb) or subject_before(tokens, verb)


def _inverted(tokens: Tokens, verb: int) -> TokenSpan | None:
    """The speaker after the verb; never a pronoun (news English does not write
    'said he')."""
    found = noun_phrase_after(tokens, verb + 1, len(tokens))
    if found is None or tokens.lowers[found[0]] in lx.PRONOUNS:
        return None
    return found
