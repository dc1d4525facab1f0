"""What an article has said so far: the evidence a denial needs from beyond its sentence.

A counter-assertion is a denial because it answers something put to the speaker before
("Regulators accused the chain of…" … "Our shops have never sold…"); a quotation right after
"X denied the accusation" usually goes on denying it; a bare quotation continues the
speaker of the sentence before. The article is read in order, and each sentence leaves
here who said it, its content words, the names it mentions, whether it accuses, and
whether it was suggested as a denial.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.tokens import Tokens

STEM = 5
"""Content words are compared by their first letters ("opioids" ~ "opioid", "treated" ~
"treatment"): cheap, and enough to see that two sentences talk of the same thing."""
MIN_WORD = 4

_NOT_CONTENT = (
    lx.FUNCTION_WORDS
    | lx.NEVER_NAMES
    | lx.AUXILIARIES
    | lx.NEGATIONS
    | lx.EMPHATIC_NEGATIONS
    | lx.MODALS
    | lx.FIRST_PERSON
    | lx.POSSESSIVE_DETERMINERS
    | lx.TIME_WORDS
    | frozenset(lx.REPORTING_VERBS)
)


def stem(word: str) -> str:
    """'studies' -> 'study', 'payments' -> 'payme', 'opioids' -> 'opioi'."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM]


def content_words(tokens: Tokens, skip: frozenset[int] = frozenset()) -> frozenset[str]:
    """The stems of a sentence's content words, leaving out the tokens in `skip` and
    names (a place or a person named in two sentences does not make one answer the
    other: what was done does)."""
    return frozenset(
        stem(token.bare)
        for k, token in enumerate(tokens.items)
        if k not in skip
        and token.is_word
        and not (token.is_capitalised and k > 0)
        and not token.is_number
        and len(token.bare) >= MIN_WORD
        and token.lower not in _NOT_CONTENT
    )


_NOT_NAMES = lx.TITLES | lx.NEVER_NAMES


def names_in(tokens: Tokens) -> frozenset[str]:
    """The capitalised words of a sentence that may name someone, lower case."""
    return frozenset(t.bare for t in tokens.items if t.is_name and t.bare not in _NOT_NAMES)


class Said:
    """One sentence as the rest of the article sees it. Its words and names are read
    only when a later statement asks (few do: a counter-assertion is rare)."""

    __slots__ = ("_names", "_skip", "_tokens", "_words", "accusing", "denied", "speaker")

    def __init__(
        self, tokens: Tokens, skip: frozenset[int], speaker: str | None, denied: bool
    ) -> None:
        self._tokens = tokens
        self._skip = skip
        self._words: frozenset[str] | None = None
        self._names: frozenset[str] | None = None
        self.speaker = speaker
        """Who says it (speaker_key), None for narration."""
        self.denied = denied
        """Suggested as a denial on its own evidence (not only for following one): what
        a statement right after it may go on with."""
        self.accusing = not lx.ACCUSING_WORDS.isdisjoint(tokens.lowers) or _states_wrongdoing(
            tokens.lowers
        )

    def says(self, subject: frozenset[str], predicate: str) -> bool:
        """Does the sentence have `predicate` right after a word of `subject` (within a
        few words, past auxiliaries), unnegated?"""
        lowers = self._tokens.lowers
        if predicate not in lowers or subject.isdisjoint(lowers):
            return False
        for k, word in enumerate(lowers):
            if word != predicate:
                continue
            before = lowers[max(0, k - PREDICATE_REACH) : k]
            negated = any(w in lx.NEGATIONS or w.endswith("n't") for w in before)
            if not negated and not subject.isdisjoint(before):
                return True
        return False

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = content_words(self._tokens, self._skip)
        return self._words

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = names_in(self._tokens)
        return self._names


@dataclass(slots=True)
class Exchange:
    """The sentences of one article read so far."""

    said: list[Said] = field(default_factory=list)

    @property
    def previous(self) -> Said | None:
        return self.said[-1] if self.said else None

    def answers(self, words: frozenset[str], speaker: str, names: frozenset[str]) -> bool:
        """Does a statement by `speaker` (named by `names`) take up what was put to it
        before: an earlier sentence by someone else (or the narration) that names the
        speaker or accuses, and shares a content word with the statement?"""
        own = frozenset(stem(name) for name in names)
        words = words - own
        for earlier in self.said:
            if earlier.speaker is not None and earlier.speaker == speaker:
                continue
            shared = earlier.words & words
            if shared and (earlier.accusing or earlier.names & names or len(shared) >= TAKEN_UP):
                return True
        return False

    def contradicted(self, subject: frozenset[str], predicate: str, speaker: str) -> bool:
        """Did an earlier sentence by someone else (or the narration) say, without a
        negation, `predicate` of a subject sharing a word with `subject`?"""
        for earlier in self.said:
            if earlier.speaker is not None and earlier.speaker == speaker:
                continue
            if earlier.says(subject, predicate):
                return True
        return False

    def accused(self, speaker: str) -> bool:
        """Has someone other than `speaker` (or the narration) accused anyone before?
        Weaker than `answers`: the statement need not take up the accusation's words
        ("Critics claimed the firm sold customer data" … "We never shared anything")."""
        return any(e.accusing and e.speaker != speaker for e in self.said)

    def accused_before(self, speaker: str) -> bool:
        """Did `speaker` accuse someone earlier in the article (an accuser's quotation
        after a denial answers the denial, it does not go on with it)?"""
        return any(e.accusing and e.speaker == speaker for e in self.said)

    def remember(self, said: Said) -> None:
        self.said.append(said)


PREDICATE_REACH = 5
"""Words before a predicate searched for its subject in an earlier sentence."""

TAKEN_UP = 2
"""Content words a statement shares with an earlier one by someone else for it to take
that one up even when it neither accused nor named the speaker ("Reports said the dam
was leaking" … "The operator said the dam was not leaking")."""


def _states_wrongdoing(lowers: tuple[str, ...]) -> bool:
    """'the mayor took bribes', 'reported that the founder lied': a wrongdoing word not
    negated (a sentence putting it to someone, as an accusation does)."""
    for k, word in enumerate(lowers):
        if word in lx.WRONGDOING_WORDS and not any(
            w in lx.NEGATIONS or w.endswith("n't") for w in lowers[max(0, k - 3) : k]
        ):
            return True
    return False


def speaker_key(text: str) -> str:
    """The word that identifies a speaker across sentences: "Paul Grant" and
    "Grant" -> "grant"; "a bank spokesperson" -> "spokesperson"."""
    words = text.lower().replace("’", "'").split()
    last = words[-1] if words else ""
    return last.removesuffix("'s").strip(".,")


def opens_quote(tokens: Tokens) -> bool:
    """Does the sentence open with a quotation mark (direct speech)?"""
    return len(tokens) > 0 and tokens[0].text in ("“", '"', "‘", "«")
