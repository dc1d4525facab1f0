"""How a suggestion looks: a dim line on the panel, and marks on the sentence.

Visibly apart from what the analyst recorded: a recorded tag is a bold reversed chip
(■ claim), a suggested one a dim outline in the tag's colour with its score
(◇ claim .91). The cue that fired and the source span are underlined in the sentence;
the text itself is always shown literally (workbench.tui.literal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.content import Content

from workbench.core.analysis.suggestions.provenance import (
    firm_tags,
    shown_source,
    shown_tags,
    weak,
)
from workbench.core.analysis.suggestions.suggest import Suggestion
from workbench.core.corpus.sentences import Sentence
from workbench.tui.literal import visible

SUGGESTED_STYLES = {
    "claim": "italic $primary",
    "attribution": "italic $success",
    "denial": "italic $error",
}
"""A suggested tag: the tag's colour, never reversed (a recorded tag is a reversed chip)."""
MUTED = "$text-muted"
WEAK = "italic $text-muted"
"""A weak suggested tag: not in its tag's colour, as Enter does not store it."""
CUE, SOURCE = "cue", "source"
"""The kinds of mark on the sentence."""

Standing = Literal["offered", "held", "overruled", "source kept"]
"""Where the suggestion stands against what is recorded: Enter would accept it, the
annotation holds it as is, the analyst recorded other tags (Enter keeps them and only
moves on), or another source (Enter takes the tags and keeps that source)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the current sentence to underline: offsets into the sentence's text."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class SuggestionLine:
    """The panel's suggestion: the key and tags, then the source Enter would store."""

    head: Content
    source: Content | None = None

    def lines(self, width: int) -> list[Content]:
        """One line when it fits; else the source on a line of its own, so that what Enter
        stores is read whole before any of it is cut (qa4 Q18: at 80 columns the source
        was cut to "Ukraine's military in…")."""
        if self.source is None:
            return [self.head.truncate(width, ellipsis=True)]
        whole = self.head + Content("   ") + self.source
        if whole.cell_length <= width:
            return [whole]
        return [
            self.head.truncate(width, ellipsis=True),
            (Content("  ") + self.source).truncate(width, ellipsis=True),
        ]


def suggestion_line(
    suggestion: Suggestion | None, lowest: float, accept_key: str, standing: Standing
) -> SuggestionLine:
    """The panel's line: the key that accepts (✓ when the annotation already holds the
    suggestion as is, "yours kept" when the analyst recorded other tags, "your source
    kept" when Enter takes the tags but not the source), the suggested
    tags with their scores, and the source (→ the speaker a pronoun resolves to) last.
    A weak tag (provenance.FIRM_SCORE), which Enter leaves out, reads "◇ denial .43?",
    muted; when every tag shown is weak the line says Enter takes none."""
    if suggestion is None:
        return SuggestionLine(Content("suggested —").stylize(MUTED))
    labels = {
        "offered": f"suggested ({accept_key}) ",
        "held": "suggested ✓ ",
        "overruled": "suggested · yours kept ",
        "source kept": f"suggested ({accept_key}) · your source kept ",
    }
    if standing == "offered" and not firm_tags(suggestion, lowest):
        labels["offered"] = "suggested, weak: not taken by " + accept_key + " "
    label = Content(labels[standing]).stylize(MUTED)
    parts = [
        Content(f"◇ {tag} {score_text(suggestion.scores[tag])}?").stylize(WEAK)
        if weak(suggestion, tag)
        else Content(f"◇ {tag} {score_text(suggestion.scores[tag])}").stylize(SUGGESTED_STYLES[tag])
        for tag in shown_tags(suggestion, lowest)
    ]
    line = label + Content("  ").join(parts)
    source = shown_source(suggestion, lowest)
    if source is None:
        return SuggestionLine(line)
    speaker = visible(source, single_line=True)
    if suggestion.resolved_source:
        speaker += " → " + visible(suggestion.resolved_source, single_line=True)
    return SuggestionLine(
        line, Content("source ").stylize(MUTED) + Content(speaker).stylize("italic")
    )


def score_text(score: float) -> str:
    """A score in two decimals without the leading zero: .91 (1.00 stays)."""
    return f"{score:.2f}".removeprefix("0")


def sentence_marks(suggestion: Suggestion | None, sentence: Sentence, lowest: float) -> list[Mark]:
    """The cue of each shown tag and the shown source, as spans of the sentence."""
    if suggestion is None:
        return []
    tags = shown_tags(suggestion, lowest)
    spans = [(cue.start, cue.end, CUE) for cue in suggestion.cues if cue.tag in tags]
    if shown_source(suggestion, lowest) is not None:
        assert suggestion.source_start is not None and suggestion.source_end is not None
        spans.append((suggestion.source_start, suggestion.source_end, SOURCE))
    length = sentence.end - sentence.start
    marks = []
    for start, end, kind in spans:
        start, end = max(start - sentence.start, 0), min(end - sentence.start, length)
        if start < end:
            marks.append(Mark(start, end, kind))
    return sorted(marks, key=lambda mark: (mark.start, mark.end))


def marked_text(text: str, marks: list[Mark], styles: dict[str, str]) -> Content:
    """`text`, shown literally, with each mark's span styled (overlaps: the first wins)."""
    pieces: list[Content] = []
    at = 0
    for mark in marks:
        start = max(mark.start, at)
        if start >= mark.end:
            continue
        pieces.append(Content(visible(text[at:start], single_line=True)))
        span = Content(visible(text[start : mark.end], single_line=True))
        pieces.append(span.stylize(styles[mark.kind]))
        at = mark.end
    pieces.append(Content(visible(text[at:], single_line=True)))
    return Content("").join(pieces)
