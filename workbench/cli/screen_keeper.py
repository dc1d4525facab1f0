"""The summary screen's summary, kept by the summary keeper for the app's articles.

The summary screen builds its own summary: of the articles the app opened (every one a
row, annotations re-anchored onto them in memory, pronouns resolved on their texts), so
it is not `workbench summary`'s without PATH, and the command's JSON (a report's shape)
cannot be made back into it. The keeper the app starts (cli/summary_keeper.py, given the
app's PATHs with --screen) runs the screen's own read on a read-only open
(tui/state/summary_view.py read_summary) and keeps the Summary it makes whole
(core/analysis/summary/snapshot.py) under the key of every input of that read
(core/analysis/kept/screen.py). The screen then shows it without building it
(tui/state/summary_served.py).

The race rules are the command's: the token is taken before the read and the store
keeps the entry only if it is the same after; the code digest is taken before and
nothing is kept if it differs after.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.config.locations import DatabaseLocation
from workbench.core.files.database_url import is_server_url


def keep_screen(location: DatabaseLocation, annotator: str | None, paths: Sequence[str]) -> bool:
    """Keep the summary screen's summary of the writer's analyst (`annotator`: the
    app's --annotator, None for the current one) on the articles of `paths` (none: the
    bundled articles), as an app opened on them reads it; whether it is kept now."""
    from store import StoreError, kept_summaries, open_store
    from workbench.config.annotator import resolve_annotator
    from workbench.config.settings import anchoring_threshold, ledger_settings
    from workbench.config.toml_file import ConfigFileError
    from workbench.core.analysis.kept.code import code_digest
    from workbench.core.analysis.kept.screen import corpus_digest, screen_key
    from workbench.core.analysis.summary.snapshot import encoded, snapshot_of
    from workbench.core.corpus.articles import load_corpus
    from workbench.tui.state.summary_view import read_summary
    from workbench.tui.state.workspace import Workspace

    if is_server_url(str(location)):
        return False  # a server's summary screen builds its own (Store.kept_summaries)
    try:
        ledger = ledger_settings()
        threshold = anchoring_threshold()
    except ConfigFileError:
        return False  # the app's screen says so and uses the defaults: computed there
    analyst = resolve_annotator(annotator)
    code = code_digest()
    corpus = load_corpus(list(paths) or None)
    if not corpus.articles:
        return False
    with kept_summaries(location) as kept:
        token = kept.token()  # before the read-only open
        key = screen_key(token, code, analyst, ledger, threshold, corpus_digest(corpus.articles))
        if kept.get(key) is not None:
            return True
        if not kept.keepable(token):
            return False
        try:
            with open_store(location, annotator=analyst, read_only=True) as store:
                view, analysts = read_summary(Workspace(store, corpus, threshold), analyst, ledger)
        except StoreError:
            return False
        data = encoded(snapshot_of(view.summary, analysts))
        del view
        if code_digest() != code:
            return False  # the code changed while it ran: which made this is not known
        return kept.put(key, data, token)
