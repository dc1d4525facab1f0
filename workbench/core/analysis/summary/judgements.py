"""How the analysts judged a sentence, in words a report line can carry (qa5 Q2).

In "all analysts" two judgements of one sentence that differ only in their source read
alike unless the line says what differs; and a figure listed in a conflict or on a
figure line reads as unchallenged unless it says that an analyst refuted its claim, and
whose source it is for each analyst.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence

from workbench.core.analysis.summary.model import ClaimGroup, SentenceLine
from workbench.core.analysis.summary.unsourced import no_source_words
from workbench.core.annotation import VERDICTS, Annotation, status_words
from workbench.core.terminal_text import name_printable

Where = tuple[str, int]
"""A sentence: (article id, index)."""


def _tags(annotation: Annotation, _canonical: str | None) -> str:
    return ", ".join(annotation.tags) or "no tag"


def _status(annotation: Annotation, _canonical: str | None) -> str:
    return status_words(annotation.status)


def source_name(annotation: Annotation, canonical: str | None) -> str:
    """The source as the summary names it (the judgement's), else as typed."""
    return canonical or annotation.source or no_source_words(annotation)


_FIELDS: tuple[tuple[str, Callable[[Annotation, str | None], str]], ...] = (
    ("tags", _tags),
    ("status", _status),
    ("source", source_name),
)
"""What analysts can disagree on (analysts.Judgement), as a line names it."""


def differences(line: SentenceLine) -> str:
    """What tells this judgement apart from the sentence's others, with theirs:
    'source governments of South Korea and Ukraine; bob: Ukraine'. '' without others."""
    parts = []
    for name, value in _FIELDS:
        mine = value(line.annotation, line.canonical_source)
        theirs = [
            (other.annotators, shown)
            for other in line.others
            if (shown := value(other.annotation, other.canonical_source)) != mine
        ]
        if theirs:
            parts.append(
                f"{name} {mine}; "
                + "; ".join(
                    f"{', '.join(map(name_printable, names))}: {shown}" for names, shown in theirs
                )
            )
    return " · ".join(parts)


def claims_by_sentence(
    groups: Iterable[ClaimGroup], wanted: Container[Where] | None = None
) -> dict[Where, list[SentenceLine]]:
    """Each sentence's claim lines (its distinct judgements, each once), for the
    sentences in `wanted` (all when None)."""
    found: dict[Where, list[SentenceLine]] = {}
    for group in groups:
        for member in group.members:
            where = (member.article_id, member.index)
            if wanted is not None and where not in wanted:
                continue
            lines = found.setdefault(where, [])
            if all(member is not line for line in lines):
                lines.append(member)
    return found


def per_analyst(
    lines: Sequence[SentenceLine],
    value: Callable[[SentenceLine], str],
    several: bool,
) -> str:
    """One value when the judgements agree on it ('unverified'), else each with its
    analysts: 'unverified (alice); refuted (bob)'. `several`: a summary of several
    analysts, where even an agreed value names them."""
    by_value: dict[str, list[str]] = {}
    for line in lines:
        by_value.setdefault(value(line), []).extend(line.annotators)
    if len(by_value) == 1 and not several:
        return next(iter(by_value))
    return "; ".join(
        f"{shown} ({', '.join(map(name_printable, names))})" for shown, names in by_value.items()
    )


def line_source(line: SentenceLine) -> str:
    return _checked(line, source_name(line.annotation, line.canonical_source))


def line_status(line: SentenceLine) -> str:
    return _checked(line, status_words(line.status))


def _checked(line: SentenceLine, shown: str) -> str:
    """A judgement made on other words (every analyst of it to check) says so beside
    each value it gives: 'Officials (to check)', 'refuted (to check)' (rv6 R3)."""
    return f"{shown} (to check)" if line.unconfirmed else shown


def verdict_words(lines: Sequence[SentenceLine]) -> str:
    """'refuted' for a figure whose claim its analysts gave that verdict; 'refuted by
    bob' when not every judgement of the sentence gives it; '' without a verdict. A
    judgement still to check gives none: its verdict was on other words."""
    lines = [line for line in lines if not line.unconfirmed]  # the figure's mark says it
    verdicts: dict[str, list[str]] = {}
    for line in lines:
        if line.status in VERDICTS:
            verdicts.setdefault(line.status, []).extend(line.annotators)
    if len(verdicts) == 1 and all(line.status in VERDICTS for line in lines):
        return next(iter(verdicts))
    return "; ".join(f"{status} by {', '.join(names)}" for status, names in verdicts.items())
