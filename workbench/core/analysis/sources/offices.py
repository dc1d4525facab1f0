"""Who "the Minister" is: an office read as the person the article names in it.

A report writes the office with the name once ("Labour Minister Shirin Akhter denied
…") and the office alone elsewhere: a headline ("Minister rejects union's figure"),
"the Labour Minister said". The suggester resolves a role only to a speaker named before
it, so the headline's "Minister" named nobody and was a source of its own beside
Shirin Akhter (qa8 Q7). Here every titled name of the article is read with the title
words written before it (suggestions.resolve.Discourse.remember_names, as the suggester
reads them), anywhere in the article: an office holds for the whole report. The office
names the one person written with all its words, and nobody when none or two are.
Offices of a people ("the Russian leader") are nation_roles.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.sources.grouping import parse_source
from workbench.core.analysis.sources.nation_roles import QUALIFIERS
from workbench.core.analysis.sources.surnames import distinct_people
from workbench.core.analysis.suggestions.resolve import PERSON, Discourse
from workbench.core.analysis.suggestions.tokens import tokenize
from workbench.core.corpus.sentences import Sentence

OFFICE_HEADS = (lx.TITLES & lx.ROLES) - {"state"}
"""The last word of an office one person holds ("Labour Minister", "Defense Secretary")."""


@dataclass(frozen=True, slots=True)
class Titled:
    """A person the article names in full after title words."""

    name: str
    tokens: tuple[str, ...]
    titles: frozenset[str]


def titled_people(text: str, sentences: Sequence[Sentence]) -> list[Titled]:
    """Every person the article names in full after title words, with all the title
    words written before their name anywhere in it (headlines left out: a title case
    headline reads every word as a name)."""
    discourse = Discourse()
    for position, sentence in enumerate(sentences):
        if not any(c.isupper() for c in sentence.text[1:]):
            continue
        tokens = tokenize(text[sentence.start : sentence.end], sentence.start)
        if not tokens.is_headline:
            discourse.remember_names(tokens, position)
    found = []
    for speaker in discourse.speakers:
        kind, words = parse_source(speaker.text)
        if speaker.kind == PERSON and kind == "person" and len(words) >= 2:
            found.append(Titled(speaker.text, words, frozenset(speaker.descriptions)))
    return found


def office_words(source: str) -> frozenset[str] | None:
    """The words of an office source ("the Labour Minister" -> {labour, minister}), or
    None when it is no office one person holds, or a qualified one ("former minister")."""
    words = [w.strip(",.") for w in source.lower().replace("’", "'").split()]
    if words and words[0] in lx.ARTICLES:
        words = words[1:]
    if not words or words[-1] not in OFFICE_HEADS or any(w in QUALIFIERS for w in words):
        return None
    return frozenset(words)


def office_holder(office: frozenset[str], people: Sequence[Titled]) -> str | None:
    """The one person of `people` written with every word of `office` (the fullest way
    the article writes them), else None."""
    matching = [p for p in people if office <= p.titles]
    if len(distinct_people(p.tokens for p in matching)) != 1:
        return None
    return max(matching, key=lambda p: len(p.tokens)).name
