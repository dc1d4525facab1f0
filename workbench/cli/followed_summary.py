"""The writer's summary followed from one content to the next, for the keeper that follows
an app session (cli/summary_keeper.py `follow`).

A keeper that computes each content afresh opens the store and builds the summary
(13-16 s at 100,000 annotations on a shared 2-core machine): after every save the
summary was computed until that was done. Following a session, the keeper holds the
summary it made last in a SummaryAccumulator (core/analysis/summary/incremental.py, the
one the summary screen patches a tag with) and, for the next content, reads the
summary's inputs as the command reads them (cli/summary.py `summary_inputs`), gives the
accumulator the annotations that changed, and finishes the summary as the command does
(`finished`). Anything else the build reads that differs (the articles, the settings and
decisions, the texts pronouns are resolved on) makes a new accumulator: a build from
nothing, as the command's. The accumulator's Summary is the one build_summary gives for
the same annotations (its tests check it after every change of random sequences); the
anchoring section is only carried by a build, so it is the one read now.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from store.read_memo import ReadMemo
from workbench.core.analysis.summary.markdown import MarkdownPieces
from workbench.core.analysis.summary.model import JsonPieces

if TYPE_CHECKING:
    from workbench.cli.summary import SummaryInputs
    from workbench.cli.summary_request import Request
    from workbench.core.analysis.summary.build import SummaryCache
    from workbench.core.analysis.summary.incremental import SummaryAccumulator
    from workbench.core.analysis.summary.model import Summary
    from workbench.core.annotation import Annotation, AnnotationKey
    from workbench.core.corpus.articles import Article

MadeFrom = tuple[object, ...]
"""What a build reads besides the annotations (compared for equality)."""


def made_from(inputs: SummaryInputs) -> MadeFrom:
    """Every input of the build but the annotations and the anchoring section."""
    return (tuple(inputs.articles), inputs.settings, _texts(inputs.texts))


def _texts(texts: Mapping[str, Article]) -> tuple[tuple[str, str, str], ...]:
    """The texts pronoun sources are resolved on, as what tells them apart."""
    return tuple((key, str(article.path), article.sha256) for key, article in texts.items())


class FollowedSummary:
    """One analyst's summary, made again for each content from the last one made."""

    def __init__(self, code: str) -> None:
        self.code = code
        """The digest of the code this process loaded (kept.code.code_digest() when it
        began): what it makes is kept under it, and only while the code on disk is it."""
        self._accumulator: SummaryAccumulator | None = None
        self._made_from: MadeFrom | None = None
        self._held: dict[AnnotationKey, Annotation] = {}
        """The annotations the accumulator holds, by key."""
        self.builds = 0
        """Accumulators made from nothing (for tests and benches)."""
        self.pieces = JsonPieces()
        """The last JSON's pieces: the rows and groups a change left as they were are
        not encoded again."""
        self.report_pieces = MarkdownPieces()
        """The last report's lines of each row, group, conflict and denial: those a
        change left as they were are not rendered again."""
        self.cache: SummaryCache | None = None
        """The accumulator's cache: what it read of each quote, and the possible
        conflicts' reader (only new quotes are read again)."""
        self.memo = ReadMemo()
        """The last read's snapshot and Annotations: the store read again for each
        content parses and makes only what changed (store/read_memo.py)."""

    @property
    def holds(self) -> bool:
        """Whether a summary is held to make the next from (else the next is a build)."""
        return self._accumulator is not None

    def summary(self, inputs: SummaryInputs) -> Summary:
        """The summary of `inputs` as `summarised` builds it (before `finished`)."""
        from workbench.core.analysis.summary.build import SummaryCache
        from workbench.core.analysis.summary.incremental import SummaryAccumulator

        source = made_from(inputs)
        accumulator = self._accumulator
        now = {annotation.key: annotation for annotation in inputs.annotations}
        if accumulator is None or source != self._made_from or len(now) != len(inputs.annotations):
            self.builds += 1
            self._accumulator = self._made_from = None  # let the last go first
            self.cache = SummaryCache(readings=inputs.readings)
            accumulator = SummaryAccumulator(
                inputs.annotations,
                inputs.articles,
                inputs.settings,
                inputs.anchoring,
                inputs.texts,
                self.cache,
            )
            self._made_from = source
        else:
            accumulator.apply_differences(self._held, now)
        inputs.readings = None
        self._accumulator, self._held = accumulator, now
        # the anchoring section is carried as given: the one read now
        return dataclasses.replace(accumulator.summary(), anchoring=inputs.anchoring)

    def summarised(self, request: Request) -> Summary | int:
        """cli/summary.py `summarised`, this summary made again rather than built: the
        same inputs read, the same things said, the same summary."""
        from workbench.cli.summary import finished, summary_inputs

        # The store's readings read every time, as the command reads them: their damage
        # is a line of its stderr on every run (rv10 R2); a build from nothing uses them.
        # What was read is not frozen: this process goes on, and lets most of it go.
        inputs = summary_inputs(request, freeze=False, memo=self.memo)
        if isinstance(inputs, int):
            return inputs
        summary = self.summary(inputs)
        cache = self.cache
        return finished(inputs, summary, *((cache.reading, cache.texts) if cache else ()))

    def prepare(self) -> None:
        """Make what follows a claim or denial tag without a rebuild (the LiveLedger:
        about as long as a build), once the summary is kept."""
        if self._accumulator is not None:
            self._accumulator.prepare()
