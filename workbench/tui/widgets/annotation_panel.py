"""The current sentence's annotation: tags, source, status, note and the saved light."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from workbench.core.analysis.sources.speakers import accepted_speaker, arrow
from workbench.core.annotation import DEFAULT_STATUS, TAGS, Annotation, status_words
from workbench.tui.literal import visible, within
from workbench.tui.tagged_line import reanchored_words, source_gone, tagged_line
from workbench.tui.widgets.suggestion_marks import SuggestionLine
from workbench.tui.widgets.tag_palette import TAG_CLASSES, tag_rules, tag_styles

OFF_STYLE = "$text-muted"
LABEL_STYLE = "$text-muted"
SAVED_STYLE = "bold $success"
UNSAVED_STYLE = "bold $error"
ANCHOR_LINES = {
    "reanchored": ("↷ {reanchored} · y confirms", "$text-muted"),
    "check": (
        "? to check: moved onto a similar sentence after the article changed · y confirms",
        "bold $warning",
    ),
}
"""A fourth line for an annotation re-anchoring moved, or kept at its sentence of a
changed text (docs/decisions/reanchoring.md); {reanchored}: tagged_line.reanchored_words."""
FIELD_LINES = 3
"""The most lines a source or note takes in the panel: a longer one is cut, saying its
length (its prompt, s or e, holds it whole), and the sentence stays in view."""


def recorded_source(annotation: Annotation | None) -> str:
    """The source as recorded, with the speaker the analyst accepted for it when that is
    another name ("He → Íñigo Arrieta", as the review shows it): "He" alone said
    nothing of whom, and after a correction the suggestion beside it may read another
    (qa14 Q3, Q20). "—" when there is none."""
    if annotation is None or not annotation.source:
        return "—"
    speaker = accepted_speaker(annotation)
    if speaker is None or speaker == annotation.source:
        return annotation.source
    return arrow(annotation.source, speaker)


class AnnotationPanel(Static):
    """Shows the stored annotation of the current sentence.

    `saved` is set by the screen only after the store confirmed the write; `error`
    carries the reason when a write failed; `unstored` marks an annotation shown where
    re-anchoring puts it while the store still holds it as it was (read-only, or an
    undone re-anchoring); `tagged` is a moved annotation as the analyst tagged it (None
    when not known; `history_read` False while that is still being looked up);
    `unread` says why the annotation could not be read (a database server away): the
    panel then claims nothing about it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set(TAG_CLASSES)
    """A tag's chip when on: bold, reversed, in the tag palette's colour
    (widgets/tag_palette.py)."""
    DEFAULT_CSS = """
    AnnotationPanel {
        height: auto;
        min-height: 3;
        padding: 0 1;
        border-top: solid $primary;
    }
    """ + tag_rules("AnnotationPanel")

    annotation: reactive[Annotation | None] = reactive(None, always_update=True)
    saved: reactive[bool] = reactive(False)
    error: reactive[str] = reactive("")
    unstored: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None, tag_keys: dict[str, str] | None = None) -> None:
        """`tag_keys`: the key that toggles each tag, as the keymap binds it now."""
        super().__init__("", id=id, markup=False)
        self.tag_keys = tag_keys or {}
        self.tagged: Annotation | None = None
        self.history_read = True
        self.suggested: SuggestionLine | None = None
        self.unread = ""

    def show(
        self,
        annotation: Annotation | None,
        *,
        saved: bool,
        error: str = "",
        unstored: bool = False,
        tagged: Annotation | None = None,
        history_read: bool = True,
        suggested: SuggestionLine | None = None,
        unread: str = "",
    ) -> None:
        """`suggested`: the suggestion's line (suggestion_marks.suggestion_line), shown
        under the tags; None when suggestions are off."""
        self.tagged = tagged
        self.history_read = history_read
        self.suggested = suggested
        self.unread = unread
        self.set_reactive(AnnotationPanel.saved, saved)
        self.set_reactive(AnnotationPanel.error, error)
        self.set_reactive(AnnotationPanel.unstored, unstored)
        self.annotation = annotation

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self.update(self.compose_panel()), init=False)

    def watch_annotation(self) -> None:
        self.update(self.compose_panel())

    def watch_saved(self) -> None:
        self.update(self.compose_panel())

    def watch_error(self) -> None:
        self.update(self.compose_panel())

    def compose_panel(self) -> Content:
        annotation = self.annotation
        label = LABEL_STYLE
        chips: list[Content] = []
        on_styles = tag_styles(self, reverse=True)
        for tag in TAGS:
            on = annotation is not None and tag in annotation.tags
            mark = "?" if self.unread else "■" if on else "□"
            key = self.tag_keys.get(tag)
            chip = Content(f" {mark} {tag} ({key}) " if key else f" {mark} {tag} ")
            chips.append(chip.stylize(on_styles[tag] if on else OFF_STYLE))
        source = recorded_source(annotation)
        status = status_words(annotation.status if annotation else DEFAULT_STATUS)
        note = annotation.note if annotation and annotation.note else "—"
        if self.error:
            reason = self.error.removeprefix("not saved: ")
            light = Content(f"✗ NOT SAVED: {visible(reason, single_line=True)}")
            light = light.stylize(UNSAVED_STYLE)
        elif self.unread:
            light = Content(f"✗ NOT READ: {visible(self.unread, single_line=True)}")
            light = light.stylize(UNSAVED_STYLE)
        elif self.unstored and annotation is not None:
            light = Content("◌ shown re-anchored, not stored yet").stylize("$warning")
        elif self.saved and annotation is not None:
            light = Content("● saved").stylize(SAVED_STYLE)
        else:
            light = Content("○ nothing recorded")
        width = (self.size.width or 80) - 2  # its padding
        room = width * FIELD_LINES - len("source ")
        lines = [
            Content(" ").join(chips) + Content("   ") + light,
            Content("source ").stylize(label)
            + Content(within(source, room - len(f"   status {status}")))
            + Content("   status ").stylize(label)
            + Content(status),
            Content("note   ").stylize(label) + Content(within(note, room)),
        ]
        if self.suggested is not None:
            lines[1:1] = self.suggested.lines(width)
        if annotation is not None and annotation.anchor_state in ANCHOR_LINES:
            text, style = ANCHOR_LINES[annotation.anchor_state]
            words = reanchored_words(annotation, self.tagged)
            lines.append(Content(visible(text.format(reanchored=words))).stylize(style))
            shown = tagged_line(annotation, self.tagged, width, self.history_read)
            if shown is not None:
                lines.append(shown)
            gone = source_gone(annotation, self.tagged)
            if gone is not None:
                lines.append(Content(visible(gone, single_line=True)).stylize("bold $warning"))
        return Content("\n").join(lines)
