"""The summary screen's summary, kept by the summary keeper for the app's articles.

The summary screen builds its own summary: of the articles the app opened (every one a
row, annotations re-anchored onto them in memory, pronouns resolved on their texts), so
it is not `workbench summary`'s without PATH, and the command's JSON (a report's shape)
cannot be made back into it. The keeper the app starts (cli/summary_keeper.py, given the
app's PATHs with --screen) runs the screen's own read on a read-only open
(tui/state/summary_view.py) and keeps the Summary it makes whole
(core/analysis/summary/snapshot.py) under the key of every input of that read
(core/analysis/kept/screen.py). The screen then shows it without building it
(tui/state/summary_served.py).

A keeper following the app's session keeps it for each content that holds still, made
again from the last one it made (`ScreenKeeper(follow=True)`: the annotations that
changed given to its SummaryAccumulator, as the screen patches a tag, and as
cli/followed_summary.py makes the command's), not built from nothing: seconds after a
save rather than a build's tens of seconds at 100,000 annotations.

The race rules are the command's: the token is taken before the read and the store
keeps the entry only if it is the same after; the code digest is taken before and
nothing is kept if it differs after.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.config.locations import DatabaseLocation
from workbench.core.files.database_url import is_server_url

if TYPE_CHECKING:
    from store.read_memo import ReadMemo
    from workbench.core.analysis.ledger.settings import LedgerSettings
    from workbench.core.analysis.summary.model import Summary
    from workbench.core.corpus.articles import Corpus
    from workbench.tui.state.live_summary import LiveSummary
    from workbench.tui.state.summary_view import ScreenRead
    from workbench.tui.state.workspace import Workspace


def keep_screen(location: DatabaseLocation, annotator: str | None, paths: Sequence[str]) -> bool:
    """Keep the summary screen's summary of the writer's analyst (`annotator`: the
    app's --annotator, None for the current one) on the articles of `paths` (none: the
    bundled articles), as an app opened on them reads it; whether it is kept now."""
    return ScreenKeeper(paths).keep(location, annotator)


class ScreenKeeper:
    """Keeps the summary screen's summary of the articles of `paths`; with `follow`,
    each made again from the last one made (a keeper following a session)."""

    def __init__(
        self,
        paths: Sequence[str],
        follow: bool = False,
        code: str = "",
        memo: ReadMemo | None = None,
    ) -> None:
        self.paths = list(paths)
        self.follow = follow
        self.code = code
        """The digest of the code a following keeper loaded: what it makes is kept under
        it, and only while the code on disk is it ("": the code on disk when it keeps)."""
        self.memo = memo
        """What the last read-only open parsed, taken again where it is the same
        (store/read_memo.py: the follower's, shared with the command's summary)."""
        self.builds = 0
        """Summaries built from nothing (tests and benches)."""
        self._corpus: Corpus | None = None
        self._live: LiveSummary | None = None
        self._made_from: tuple[object, ...] | None = None

    def keep(self, location: DatabaseLocation, annotator: str | None) -> bool:
        """Keep it for the database's content now; whether it is kept now."""
        from store import StoreError, kept_summaries, open_store
        from workbench.config.annotator import resolve_annotator
        from workbench.config.settings import anchoring_threshold, ledger_settings
        from workbench.config.snapshot_key import snapshot_key
        from workbench.config.toml_file import ConfigFileError
        from workbench.core.analysis.kept.code import code_digest
        from workbench.core.analysis.kept.screen import corpus_digest, screen_key
        from workbench.core.analysis.summary.snapshot import (
            encoded,
            is_signed,
            signed,
            snapshot_of,
        )
        from workbench.tui.state.workspace import Workspace

        if is_server_url(str(location)):
            return False  # a server's summary screen builds its own (Store.kept_summaries)
        try:
            ledger = ledger_settings()
            threshold = anchoring_threshold()
        except ConfigFileError:
            return False  # the app's screen says so and uses the defaults: computed there
        analyst = resolve_annotator(annotator)
        code = self.code or code_digest()
        corpus = self.corpus()
        signing = snapshot_key(create=True)
        if not corpus.articles or signing is None:
            return False  # no key: nothing a screen would read (config/snapshot_key.py)
        with kept_summaries(location) as kept:
            token = kept.token()  # before the read-only open
            articles = corpus_digest(corpus.articles)
            key = screen_key(token, code, analyst, ledger, threshold, articles)
            held = kept.get(key)
            if held is not None and is_signed(held, signing, key):
                return True  # kept already (under a key since replaced: kept again)
            del held
            if not kept.keepable(token):
                return False
            try:
                with open_store(location, analyst, read_only=True, memo=self.memo) as store:
                    summary, analysts = self.made(Workspace(store, corpus, threshold), ledger)
            except StoreError:
                return False
            data = signed(encoded(snapshot_of(summary, analysts)), signing, key)
            del summary
            if code_digest() != code:
                return False  # the code changed while it ran: which made this is not known
            return kept.put(key, data, token)

    def corpus(self) -> Corpus:
        """The app's articles, read once by a keeper following the session."""
        from workbench.core.corpus.articles import load_corpus

        if self._corpus is None or not self.follow:
            self._corpus = load_corpus(self.paths or None)
        return self._corpus

    def made(self, workspace: Workspace, ledger: LedgerSettings) -> tuple[Summary, list[str]]:
        """The screen's summary of the workspace's analyst and its analysts, as
        read_summary makes it: built, or (following) made again from the last one."""
        from workbench.core.collector import paused_gc
        from workbench.tui.state.live_summary import LiveSummary
        from workbench.tui.state.summary_view import built_view, screen_read

        with paused_gc(promote=True):  # as read_summary
            read = screen_read(workspace, workspace.annotator, ledger)
            live = self._live
            if live is not None and live.accumulator and _made_from(read) == self._made_from:
                return self._followed(live, read), read.analysts
            self._live = self._made_from = None  # let the last go first
            self.builds += 1
            live = LiveSummary(workspace.corpus.by_id) if self.follow else None
            summary = built_view(workspace, read, live).summary
        if live is not None:
            self._live, self._made_from = live, _made_from(read)
            live.prepare()  # the LiveLedger: a claim or denial tag followed, not rebuilt
        return summary, read.analysts

    @staticmethod
    def _followed(live: LiveSummary, read: ScreenRead) -> Summary:
        """`read`'s summary, the accumulator given the annotations that changed."""
        accumulator = live.accumulator
        assert accumulator is not None
        held = {a.key: a for a in accumulator.annotations}
        accumulator.apply_differences(held, {a.key: a for a in read.annotations})
        # the anchoring section is carried as read now, as cli/followed_summary.py does
        summary = dataclasses.replace(accumulator.summary(), anchoring=read.anchoring)
        return read.finished(summary, live.cache)


def _made_from(read: ScreenRead) -> tuple[object, ...]:
    """Everything the screen's build reads but the annotations and the anchoring
    section (which is carried as read): the same, the last summary is made again."""
    return (tuple(read.articles), read.settings, read.in_memory)
