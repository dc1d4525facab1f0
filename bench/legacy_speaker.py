"""The guess_source of workbench before issue 13, kept only as the benchmark's baseline.

bench/suggestions.py compares the suggester's sources with what the source prompt was
pre-filled with before (51% exact on the DEV set). Frozen: never imported by workbench.
"""

from __future__ import annotations

import re

REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "confirmed",
        "confirms",
        "reported",
        "reports",
        "warned",
        "warns",
        "estimated",
        "estimates",
        "assessed",
        "assesses",
        "claimed",
        "claims",
        "argued",
        "argues",
        "announced",
        "announces",
        "accused",
        "accuses",
        "quoted",
        "quotes",
        "denied",
        "denies",
        "dismissed",
        "dismisses",
        "stated",
        "states",
        "wrote",
        "writes",
        "insisted",
        "insists",
        "noted",
        "notes",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it"])
# Lower-case words that can be part of a source's name ("U.S. defense officials").
SOURCE_NOUNS = frozenset(
    [
        "officials",
        "official",
        "agency",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "analysts",
        "analyst",
        "experts",
        "expert",
        "lawmakers",
        "intelligence",
        "military",
        "service",
        "minister",
        "ministry",
        "office",
        "government",
        "sources",
        "source",
        "officers",
        "officer",
        "commander",
        "leader",
        "president",
        "secretary",
        "ambassador",
        "envoy",
        "defense",
        "foreign",
        "senior",
        "deputy",
        "state",
        "national",
        "security",
        "military's",
    ]
)
CONNECTORS = frozenset({"of", "the", "for", "and", "to"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
SUBORDINATORS = frozenset(
    ["while", "when", "if", "as", "after", "before", "although", "because", "since"]
)
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "initially",
        "also",
        "later",
        "previously",
        "today",
        "yesterday",
    ]
)

_TOKEN = re.compile(r"[\w’'.\-]+|[^\w\s]")
_LEAD_IN = frozenset(["but", "and", "however", "so", "still", "also", "then", "in", "on"])


def _is_name_word(word: str) -> bool:
    bare = word.strip("’'")
    return bool(bare) and (bare[0].isupper() or bare.lower() in SOURCE_NOUNS)


def _subject_before(tokens: list[str]) -> list[str]:
    """The name-like run that ends just before a reporting verb."""
    end = len(tokens)
    # skip a trailing time phrase: "on Monday", "last week", "Wednesday"
    while end and tokens[end - 1].lower() in TIME_WORDS:
        end -= 1
        if end and tokens[end - 1].lower() in {"on", "last", "this"}:
            end -= 1
    # skip an apposition: "Pat Ryder, the Pentagon spokesman, told"
    if end and tokens[end - 1] == ",":
        try:
            opening = max(i for i in range(end - 1) if tokens[i] == ",")
        except ValueError:
            return []
        end = opening
    start = end
    while start and (
        _is_name_word(tokens[start - 1])
        or (tokens[start - 1].lower() in CONNECTORS and start < end)
    ):
        start -= 1
    while start < end and tokens[start].lower() in (CONNECTORS | _LEAD_IN | SUBORDINATORS):
        start += 1
    if start and start < end and tokens[start - 1].lower() in DETERMINERS:
        start -= 1
    run = tokens[start:end]
    if not run and end and tokens[end - 1].lower() in PRONOUNS:
        run = [tokens[end - 1]]
    return run


def _name_after(tokens: list[str]) -> list[str]:
    """The name run right after an inverted verb: '..., said Mr. Melnyk, now ...'."""
    run: list[str] = []
    for token in tokens:
        if _is_name_word(token) or (run and token.lower() in CONNECTORS):
            run.append(token)
        else:
            break
    while run and run[-1].lower() in CONNECTORS:
        run.pop()
    return run


def _join(tokens: list[str]) -> str:
    text = re.sub(r" ([’'])", r"\1", " ".join(tokens)).strip(' ,;:“”"')
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and last.count(".") == 1:
        text = text[:-1]
    return text


def guess_source(sentence: str) -> str | None:
    """The speaker named by the sentence's reporting cue, or None."""
    tokens = _TOKEN.findall(sentence)
    lowered = [token.lower().rstrip(".") for token in tokens]
    for position, word in enumerate(lowered):
        if word == "according" and lowered[position + 1 : position + 2] == ["to"]:
            rest = tokens[position + 2 :]
            span = []
            for token in rest:
                if token in {",", ";", ":"} or (token.endswith(".") and token[:-1].islower()):
                    if token.endswith("."):
                        span.append(token[:-1])
                    break
                span.append(token)
            if span:
                return _join(span)
        if word not in REPORTING_VERBS or not tokens[position].islower():
            continue
        before = tokens[:position]
        if (before and before[-1] in {",", "”", '"'}) or (
            len(before) > 1 and before[-1] == "," and before[-2] in {"”", '"'}
        ):
            inverted = _name_after(tokens[position + 1 :])
            if inverted:
                return _join(inverted)
        subject = _subject_before(before)
        if subject:
            return _join(subject)
    return None
