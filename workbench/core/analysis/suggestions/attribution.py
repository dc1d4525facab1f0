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
from workbench.core.analysis.suggestions.denial import (
    PHRASAL_VERBS,
    disputes_a_claim,
    passive_dispute,
    phrasal_dispute,
    refuses_a_thing,
    stands_by,
)
from workbench.core.analysis.suggestions.phrases import (
    PLAIN_WORDS,
    TokenSpan,
    is_head,
    main_subject,
    noun_phrase_after,
    plain_noun_subject,
    plain_phrase_after,
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
            self.participle,
            not self.strong,
            not self.closing,
            self.negated,
            self.cue[0],
        )


def find_attribution(tokens: Tokens, as_trained: bool = False) -> Attribution | None:
    """The sentence's main reporting cue and speaker, or None without a cue. With
    `as_trained`, as rules-11 read them, the reading the denial model was trained on
    (denial-model-2): no "put … at N" cue, "called" before a title names, a reporting
    noun ending the sentence may be a verb, a title before a title is not the office's
    (suggest._ModelView keeps the model's view of every sentence as it was)."""
    found = _attributions(tokens, not as_trained)
    return min(found, key=Attribution.rank) if found else None


_SUBJECT_MODIFIERS = lx.RELATIVE_PRONOUNS | lx.PREPOSITIONS | lx.POSTMODIFIER_STARTS
"""Words before which a subject's head is read otherwise since rules-14 ("A former
inspector at the authority, who …, said": phrases.subject_before)."""
_SUBJECT_CUES = frozenset(
    [*lx.REPORTING_VERBS, *lx.SHOWING_FORMS, *lx.STANDING_VERBS, *PHRASAL_VERBS]
)
"""Every word whose subject _attributions reads with subject_before: only a subject
modifier before one of them can be read otherwise since rules-14."""


def may_read_otherwise_as_trained(tokens: Tokens) -> bool:
    """False when find_attribution(tokens, as_trained=True) is sure to give what
    find_attribution(tokens) gives: no word that a rules-12 or rules-14 reading looks at
    (a cheap test; since rules-14 most sentences hold a preposition, so the second
    reading was done for most; now only where a subject modifier comes before a word
    whose subject is read: "Officials at the agency said", not "He said the dam at …")."""
    lowers = tokens.lowers
    return (
        not _PUTTING.isdisjoint(lowers)
        or _modifier_before_a_cue(lowers)
        or next((t.lower for t in reversed(tokens.items) if t.is_word), "") in lx.NOUN_LIKE_FORMS
        or any(
            lowers[k] in lx.TITLES and lowers[k + 1] in lx.TITLES for k in range(len(lowers) - 1)
        )
        or any(
            lowers[k] in lx.NAMING_FORMS and lowers[k + 1] in lx.TITLES
            for k in range(len(lowers) - 1)
        )
    )


def _modifier_before_a_cue(lowers: tuple[str, ...]) -> bool:
    """Whether a subject modifier ("at", "who", "familiar") comes before the last word
    whose subject _attributions may read (a reporting verb's form, "show", "stood",
    "pushed"), or a determiner with room for a phrase of PLAIN_WORDS plain words and its
    head ("The Spanish data protection agency said"): subject_before reads only the
    words before its verb."""
    last = next((k for k in range(len(lowers) - 1, -1, -1) if lowers[k] in _SUBJECT_CUES), 0)
    before = lowers[:last]
    return not _SUBJECT_MODIFIERS.isdisjoint(before) or not lx.DETERMINERS.isdisjoint(
        before[: max(0, last - PLAIN_WORDS - 1)]
    )


def _attributions(tokens: Tokens, rules_12: bool = True) -> list[Attribution]:
    quoted = quoted_tokens(tokens)
    found: list[Attribution] = []
    lowers = tokens.lowers
    for phrase, span in (("push back", phrasal_dispute(lowers)), ("stand by", stands_by(lowers))):
        if span is not None:  # "pushed back on the criticism": a reply, with its speaker
            speaker = subject_before(tokens, span[0], rules_12)
            found.append(Attribution(span, phrase, lowers[span[0]], speaker, False, False,
                                     quoted[span[0]]))  # fmt: skip
    passive = passive_dispute(lowers)
    if passive is not None:  # "the allegations were rejected by the party": the agent
        (first, last), agent_at = passive
        found.append(
            Attribution((first, last), "dispute", lowers[first],
                        noun_phrase_after(tokens, agent_at, len(tokens)), False, False,
                        quoted[first])
        )  # fmt: skip
    for i, low in enumerate(lowers):
        if rules_12 and low in _PUTTING and _puts_a_figure(tokens, i):
            # "Governor Reyes put the number of evacuated at 9,500": an estimate, given
            found.append(
                Attribution((i, i + 1), "estimate", low, subject_before(tokens, i),
                            True, _negated(lowers, i), quoted[i])
            )  # fmt: skip
            continue
        if lowers[i : i + 2] == lx.ACCORDING_TO:
            source = noun_phrase_after(tokens, i + 2, len(tokens)) or plain_phrase_after(
                tokens, i + 2
            )
            cue = (i, i + 2)
            found.append(
                Attribution(cue, "according to", "according to", source, True, False, quoted[i])
            )
            continue
        if low in lx.SHOWING_FORMS:
            shown = _document_showing(tokens, i, rules_12)
            if shown is not None:  # "industry data show", "records show that…"
                found.append(Attribution((i, i + 1), "show", low, shown, True, False, quoted[i]))
            continue
        lemma = lx.REPORTING_VERBS.get(low)
        if lemma is None:
            continue
        if lemma in ("admit", "recall") and _counted_after(lowers, i):
            continue  # "admitted 4,120 students", "recalls 310,000 monitors": not words
        if lowers[i + 1 : i + 2] == ("by",) and i and lowers[i - 1] in lx.BE_FORMS:
            # a passive with its agent: "the figures were confirmed by the ministry"
            if low in lx.DISPUTE_VERBS and not any(
                w in lx.CLAIM_NOUNS for w in lowers[max(0, i - 4) : i]
            ):
                continue  # "the case was dismissed by a judge": a ruling, not words
            if any(w in lx.RULING_SUBJECTS for w in lowers[i + 2 : i + 5]):
                continue  # "the charges were dismissed by a judge": a ruling too
            agent = noun_phrase_after(tokens, i + 2, len(tokens))
            strong = lemma in lx.STRONG_REPORTING
            found.append(Attribution((i, i + 1), lemma, low, agent, strong, False, quoted[i]))
            continue
        if not _is_verb_use(tokens, i, rules_12):
            continue
        if lowers[i + 1 : i + 2] and lowers[i + 1] in lx.OTHER_SENSE_AFTER.get(lemma, ()):
            continue
        if lemma == "deny" and refuses_a_thing(lowers, i):
            continue  # "a judge denied the request": a ruling, not words
        if low in lx.DISPUTE_VERBS and not disputes_a_claim(lowers, i):
            continue  # "rejected the proposal", "dismissed two commanders": acts, not words
        negated = _negated(lowers, i)
        if _says_nothing(lowers, i, lemma, negated):
            continue  # "has not said which firm", "would not confirm that report"
        speaker = _speaker(tokens, i, lemma, rules_12)
        if speaker is not None and _nobody(lowers, speaker):
            continue  # "No group has claimed responsibility": nobody said anything
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


_PUTTING = frozenset(["put", "puts", "putting"])
_PUT_OBJECTS = frozenset(["the", "it", "its", "their", "his", "her", "that", "this", "a"])
_PUT_REACH = 8
"""Words between "put" and the "at" of its figure ("put the number of evacuated at")."""


def _puts_a_figure(tokens: Tokens, verb: int) -> bool:
    """'put the toll at 41', 'puts it at about 250 millimetres': "put" with an object and
    "at" a number, the way reports give someone's figure (not "put troops on alert")."""
    lowers = tokens.lowers
    if verb + 1 >= len(tokens) or lowers[verb + 1] not in _PUT_OBJECTS:
        return False
    for k in range(verb + 2, min(len(tokens), verb + 2 + _PUT_REACH)):
        if lowers[k] == "at":
            figure = [w for w in lowers[k + 1 : k + 5] if w not in lx.QUANTITY_WORDS][:1]
            return bool(figure) and (
                figure[0][:1].isdigit() or figure[0] in lx.NUMBER_WORDS or figure[0] == "between"
            )
        if not tokens[k].is_word:
            return False
    return False


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


def _says_nothing(lowers: tuple[str, ...], verb: int, lemma: str, negated: bool) -> bool:
    """A refusal to speak ("declined to comment", "would not confirm that report") or a
    negated verb of speaking with nothing said ("has not said which", "did not say
    when"): the sentence narrates silence, it attributes no content. Not "have not
    officially confirmed the agreement", which reports where the source stands."""
    after = lowers[verb + 1 : verb + 3]
    if after[:1] == ("that",) and not (len(after) > 1 and after[1] in lx.CLAIM_BEARERS):
        return False  # "did not say that…" reports what was not said
    if negated and after[:1] and after[0] in lx.WH_WORDS:
        return True  # "has not announced whether she will…", "did not explain how"
    refused = verb > 1 and lowers[verb - 1] == "to" and lowers[verb - 2] in lx.REFUSALS
    if refused or (negated and _under_modal(lowers, verb)):
        return lemma in lx.SILENT_WHEN_NEGATED
    return negated and lemma in lx.SILENT_VERBS


def _nobody(lowers: tuple[str, ...], speaker: TokenSpan) -> bool:
    """'No group', 'nobody', 'none of the officials': a speaker that is no one."""
    first = lowers[speaker[0]]
    return first in ("nobody", "none", "no") or (speaker[0] > 0 and lowers[speaker[0] - 1] == "no")


def _under_modal(lowers: tuple[str, ...], verb: int) -> bool:
    """'would not confirm', 'won't say': a refusal."""
    return any(w in lx.MODALS for w in lowers[max(0, verb - 3) : verb])


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


def _is_verb_use(tokens: Tokens, i: int, rules_12: bool = True) -> bool:
    """A reporting word used as a verb, not "the reports" or "was said to be" (without
    `rules_12`, as rules-11 read it: find_attribution's `as_trained`)."""
    token = tokens[i]
    if token.is_capitalised and not (tokens.is_headline and i > 0):
        return False
    low = tokens.lowers[i]
    before = tokens.lowers[i - 1] if i else ""
    if before == "to" and not low.endswith(("ed", "s", "ing")) and low not in ("told", "said"):
        return False  # an infinitive: "declined to confirm"
    if _after_be(tokens.lowers, i) and not low.endswith("ing"):
        return False  # a passive names no speaker ("were also rejected by…": its agent does)
    if low.endswith("ing") and not (
        before in (",", *lx.BE_FORMS)
        or before in lx.AUXILIARIES
        or before in lx.VERB_ADVERBS
        or _after_statement(tokens, i)
    ):
        return False  # "contributed reporting": a noun; "…, saying" and "are saying" are verbs
    if low in lx.NOUN_LIKE_FORMS:
        if i == 0 or tokens.is_headline:
            return False  # "Rejects Fraud Claims as Opposition Calls for Recount"
        previous = tokens[i - 1]
        if previous.is_possessive:
            return False  # "the agency's report", "Norway’s state broadcaster"
        after = tokens.lowers[i + 1] if i + 1 < len(tokens) else ""
        finite = after in lx.AUXILIARIES and after not in ("be", "being", "been", "having", "not")
        past_before_claim = low.endswith("ed") and after in lx.CLAIM_NOUNS
        if finite or (after in lx.REPORTING_VERBS and not past_before_claim) or after == "of":
            return False  # "media reports said", "reports of": the noun ("described claims" is not)
        naming = low in lx.NAMING_FORMS and i + 1 < len(tokens) and tokens[i + 1].is_name
        if naming and not (
            _possessive_name_after(tokens, i + 1) if rules_12 else tokens[i + 1].is_possessive
        ):
            return False  # "a town called Millbrook" (not "called the mayor's figures …")
        if _after_preposition(tokens.lowers, i):
            return False  # "declined to comment on the fraud claim": the noun
        if rules_12 and _ends_an_object(tokens, i):
            return False  # "did not address the spillway reports.": the noun
        disputing = tokens.lowers[max(0, i - 3) : i]
        if any(w in lx.DISPUTE_VERBS or w in lx.DENY_VERBS for w in disputing):
            return False  # "rejects claim it doctored…", "dispute misconduct claim": the noun
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


def _after_statement(tokens: Tokens, verb: int) -> bool:
    """'issued a statement denying…', 'a letter to the journal calling…': a participle
    cue right after what the source issued (or after its addressee), which speaks for
    the subject of the main clause."""
    if tokens.lowers[verb] not in lx.PARTICIPLE_CUES:
        return False
    for k in range(verb - 1, max(-1, verb - 5), -1):
        if tokens.lowers[k] in lx.STATEMENT_NOUNS:
            return True
        if not tokens[k].is_word:
            return False
    return False


def _after_be(lowers: tuple[str, ...], i: int) -> bool:
    """A form of "be" right before, or before adverbs ("were also firmly denied")."""
    j = i - 1
    while j >= 0 and lowers[j] in lx.VERB_ADVERBS and lowers[j] not in ("not", "never"):
        j -= 1
    return j >= 0 and lowers[j] in lx.BE_FORMS


def _document_showing(tokens: Tokens, verb: int, offices: bool) -> TokenSpan | None:
    """The subject of "show(s)" when it is a text that reports ("industry data show",
    "Trading data reviewed by Atlas Wire show that…"); None for anything else ("the
    images show", "the study showed" stays a claim about a study)."""
    if verb and tokens.lowers[verb - 1] in lx.BE_FORMS:
        return None
    subject = subject_before(tokens, verb, offices)
    if subject is None or tokens[subject[1] - 1].bare not in lx.DOCUMENT_SOURCES:
        return None
    return subject


def _counted_after(lowers: tuple[str, ...], verb: int) -> bool:
    """A number (after "about", "nearly"…) right after the verb: things counted."""
    counted = [w for w in lowers[verb + 1 : verb + 4] if w not in lx.QUANTITY_WORDS][:1]
    return bool(counted) and counted[0][:1].isdigit()


def _possessive_name_after(tokens: Tokens, k: int) -> bool:
    """'Vell's claim', 'Ms. Vell's claim' (titles before it): a possessive name, whose
    thing is what the verb is about; not a name given ("called Millbrook")."""
    while k < len(tokens) and tokens.lowers[k] in lx.TITLES and not tokens[k].is_possessive:
        k += 1
    return k < len(tokens) and tokens[k].is_possessive


def _ends_an_object(tokens: Tokens, i: int) -> bool:
    """'…did not address the spillway reports.': the form ends the sentence, after a
    determiner and plain words that hang on a word before them which opens no clause (a
    verb's object): the noun. A verb of saying there would have its subject open a clause
    ("…, the agency reports.", "as the agency reports.")."""
    if any(token.is_word for token in tokens.items[i + 1 :]):
        return False
    for k in range(i - 1, max(-1, i - 4), -1):
        word = tokens.lowers[k]
        if word in lx.DETERMINERS:
            before = tokens[k - 1] if k else None
            return (
                before is not None
                and before.is_word
                and not before.is_capitalised
                and before.lower not in lx.LEAD_INS
            )
        if not word.isalpha() or tokens[k].is_capitalised:
            return False
    return False


def _after_preposition(lowers: tuple[str, ...], i: int) -> bool:
    """'on the fraud claim', 'on reports that…': right after a preposition (not the
    infinitive's "to"), or a determiner after one, then at most two words before the
    form."""
    if i and lowers[i - 1] in lx.PREPOSITIONS and lowers[i - 1] != "to":
        return True
    for k in range(i - 1, max(-1, i - 4), -1):
        if lowers[k] in lx.DETERMINERS:
            return k > 0 and lowers[k - 1] in lx.PREPOSITIONS
    return False


def _speaker(tokens: Tokens, verb: int, lemma: str, offices: bool) -> TokenSpan | None:
    low = tokens.lowers[verb]
    previous = tokens[verb - 1].text if verb else ""
    if low in lx.PARTICIPLE_CUES and (previous == "," or _after_statement(tokens, verb)):
        return main_subject(tokens, verb)
    if tokens.lowers[verb - 1 : verb] == ("and",):
        # "X called the numbers misleading and said…": the subject of the first verb
        return subject_before(tokens, verb, offices) or main_subject(tokens, verb)
    if lemma not in lx.INVERTIBLE or previous not in (",", *lx.QUOTE_CLOSERS):
        return subject_before(tokens, verb, offices)
    # '“…,” said Mr. Melnyk' is inverted; 'Zelenskiy, citing sources, said' is not
    if previous == ",":
        return subject_before(tokens, verb, offices) or _inverted(tokens, verb)
    return _inverted(tokens, verb) or subject_before(tokens, verb, offices)


def _inverted(tokens: Tokens, verb: int) -> TokenSpan | None:
    """The speaker after the verb; never a pronoun (news English does not write
    'said he')."""
    found = noun_phrase_after(tokens, verb + 1, len(tokens))
    if found is None or tokens.lowers[found[0]] in lx.PRONOUNS:
        return None
    return found
