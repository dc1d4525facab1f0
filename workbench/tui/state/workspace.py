"""The Workspace: everything the screens read and change, handed to each of them.

One object instead of three ways in (a session for one screen, the raw store for the
others, attributes read off the app): every screen is given the Workspace when it is
made, reads the store, corpus, search index, keys and settings through it, and writes
only through it. So there is one write path (the article settled first, then the save)
and one undo path, whichever screen the analyst is on, and one place that says what
changed: `subscribe` hands each change to every screen and view-model that keeps a copy
of what it shows (counts, table rows, the summary).

Textual-free, like the view-models beside it: listeners are plain callables, called on
the thread that announces, which is the UI thread. Another session's changes (issue 17:
PostgreSQL's `store.subscribe`, whose callback runs on a listener thread) come in through
`receive_store_event`, handed over with `app.call_from_thread`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from store import (
    UNCHECKED,
    Change,
    ConcurrentEditError,
    ConnectionLostError,
    DecisionChange,
    ServerError,
    Store,
    StoreEvent,
)
from workbench.config.user_files import user_file_refusal
from workbench.core.analysis.ledger.decisions import Dismiss, Merge, Split
from workbench.core.anchoring.decisions import with_texts
from workbench.core.anchoring.placement import DEFAULT_THRESHOLD
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Article, Corpus
from workbench.core.corpus.search import SentenceSearch
from workbench.core.files.output_target import output_among_articles
from workbench.tui.bound_keys import BoundKeys
from workbench.tui.state.anchors import CorpusAnchors
from workbench.tui.state.placed_step import PlacedStep, placed_step
from workbench.tui.state.review_rows import ReviewQuery
from workbench.tui.state.running_code import RunningCode


def output_refusal(store: Store, read: Sequence[Path], path: Path) -> str | None:
    """Why a report or export must not be written at `path`: one of the database's
    files, one of the user's (settings, keymap, state), or among the articles `read`
    (their files and folders); None if none. Workspace.output_refusal, and the app's
    before the corpus is loaded."""
    return (
        store.own_file_refusal(path) or user_file_refusal(path) or output_among_articles(read, path)
    )


@dataclass(frozen=True, slots=True)
class Edit:
    """One annotation before and after a change (None: no record on that side)."""

    before: Annotation | None
    after: Annotation | None

    @property
    def annotation(self) -> Annotation:
        """The annotation as it is now, or as it was when the change removed it."""
        shown = self.after if self.after is not None else self.before
        assert shown is not None, "an edit changes at least one side"
        return shown


@dataclass(frozen=True, slots=True)
class WorkspaceChange:
    """What changed, announced to every listener: what each must show again.

    `edits` is the whole of an exact change (a save, an orphan deleted, the undo of
    either): a listener may apply them one by one. Otherwise (`edits` empty) the
    annotations of `article_ids` changed in ways only reading them again shows: a
    re-anchoring moved them between sentences, an orphan was re-attached, another
    session wrote; with `everything`, read every article again (changes may have been
    missed). `ledger` says the claim-ledger decisions changed. `here` is False for
    another session's change."""

    edits: tuple[Edit, ...] = ()
    article_ids: frozenset[str] = frozenset()
    everything: bool = False
    ledger: bool = False
    here: bool = True
    step: Change | DecisionChange | None = None
    """The undo or redo step this change is, if it is one (for its notice)."""

    @property
    def annotations(self) -> bool:
        """True when annotations changed (not only the ledger's decisions)."""
        return bool(self.edits or self.article_ids or self.everything)

    @property
    def exact(self) -> bool:
        """True when `edits` say everything that changed."""
        return bool(self.edits) and not self.everything


Listener = Callable[[WorkspaceChange], None]


def moves(change: Change) -> bool:
    """True when an undo or redo step moves annotations between sentences or texts, or
    makes or unmakes orphans: a reader must read the articles again, not patch a row."""
    if change.together:
        return True
    before, after = change.before, change.after
    if any(side is not None and side.is_orphan for side in (before, after)):
        return True
    return (
        before is not None
        and after is not None
        and (before.key != after.key or before.article_sha256 != after.article_sha256)
    )


@dataclass(eq=False, slots=True)
class Subscription:
    """A listener's place among the Workspace's; `close` when the screen goes away."""

    listener: Listener
    workspace: Workspace

    def close(self) -> None:
        """Stop delivery (closing twice is harmless)."""
        self.workspace.unsubscribe(self)


@dataclass(slots=True)
class Workspace:
    """The store, the corpus, re-anchoring, the search index, the keys and settings,
    and every change the analyst makes to annotations (see the module doc)."""

    store: Store
    corpus: Corpus
    threshold: float = DEFAULT_THRESHOLD
    """settings.toml [anchoring] fuzzy_threshold: re-anchoring's, for every screen."""
    keys: BoundKeys = field(default_factory=BoundKeys)
    anchors: CorpusAnchors = field(init=False)
    """What is shown is anchored to the articles as they are now (tui/state/anchors.py)."""
    review_query: ReviewQuery | None = None
    """The review screen's filters, sort and search, kept while the app runs (the
    screen is made afresh each time it opens, and opens as it was left)."""
    search: SentenceSearch | None = None
    """The sentence search, once the app has built it in a worker (None until then)."""
    read_from: tuple[Path, ...] = ()
    """The files and folders the articles were read from (the command line's PATHs)."""
    code: RunningCode = field(default_factory=RunningCode)
    """The code the app runs, taken as it started (the app's; else at the first summary
    lookup: nothing is taken for a Workspace that makes none, a keeper's): the summary
    kept for it is the one served (tui/state/summary_served.py)."""
    key_problems_said: set[str] = field(default_factory=set, init=False)
    """What was wrong with the summary keeper's key file, said once to this app (each
    lookup finds it until a keeper replaces it: tui/state/summary_served.py)."""
    tags_from_memory: dict[str, int] = field(default_factory=dict, init=False)
    """A read-only session's tagged sentences of the articles it shows from in-memory
    plans, once a worker counted them (counted_from_memory): the counts read these."""
    _subscriptions: list[Subscription] = field(default_factory=list, init=False)
    _titles_remembered: dict[str, str] | None = field(default=None, init=False)
    """The titles the database remembers, read when an article not open is named."""

    def __post_init__(self) -> None:
        self.anchors = CorpusAnchors(self.store, self.threshold)

    # -- reading --------------------------------------------------------------------
    @property
    def annotator(self) -> str:
        """Who is annotating: the store writes every annotation under this name."""
        return self.store.annotator

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def title_of(self, article_id: str) -> str:
        """An article's title as shown: the corpus's, else the one the database remembers
        (an article of another story: an undo refused there names it, qa9 Q16), else its
        id."""
        article = self.corpus.by_id.get(article_id)
        if article is not None and article.title:
            return article.title
        if article is None:
            remembered = self._remembered_titles().get(article_id)
            if remembered:
                return remembered
        return article_id

    def _remembered_titles(self) -> dict[str, str]:
        if self._titles_remembered is None:
            self._titles_remembered = {
                info.article_id: info.title for info in self.store.articles() if info.title
            }
        return self._titles_remembered

    def output_refusal(self, path: Path) -> str | None:
        """Why a report or export must not be written at `path`, or None: one of the
        database's files, an article of the corpus, or inside a folder the articles are
        read from (read as an article next time). The CLI's `-o` refuses the same, in
        the same words (tr8 T1: the TUI had asked only "Overwrite it?")."""
        read = [*self.read_from, *(article.path for article in self.corpus.articles)]
        return output_refusal(self.store, read, path)

    @property
    def sentence_total(self) -> int | None:
        """Sentences in the corpus, once the search index has segmented every article."""
        return len(self.search) if self.search is not None else None

    # -- writing (each durable before it returns; StoreError when it is not) ---------
    def write(
        self,
        article: Article | None,
        make: Callable[[], Annotation],
        based_on: Callable[[], Annotation | None] | None = None,
    ) -> Annotation:
        """Save the annotation `make` returns: the one write path of every screen.

        The article (None: not in the corpus) is settled first, so `make` builds on
        what the screen shows and the key it saves under is never an old text's
        (tui/state/anchors.py); the article as seen now goes in the save's own durable write
        (its fsync carries it: one per tag), unless a colleague's annotations of it are
        left on another text (then the text they are on stays the one remembered).
        `based_on` gives the value `make` changes (None: nothing stored): the store
        refuses the save (ConcurrentEditError) if it holds another judgement by then,
        written in another session meanwhile."""
        with self._writing():
            if article is not None:
                self.anchors.settle(article)
            expected = based_on() if based_on is not None else UNCHECKED
            annotation = make()
            segmenter = self.anchors.remembered_segmenter(article) if article else None
            if article is not None and segmenter is not None:  # else partial: the old
                # text stays remembered, which a colleague's annotations are still on (rv8 R2)
                self.store.remember_article(
                    article.id,
                    article.title,
                    article.sha256,
                    len(article.sentences),
                    segmenter,
                    sync=False,
                )
            before = self.store.get(annotation.article_id, annotation.index)
            saved = self.store.save(annotation, based_on=expected)
        self.announce(
            WorkspaceChange(edits=(Edit(before, saved),), article_ids=frozenset([saved.article_id]))
        )
        return saved

    def undo(self) -> Change | DecisionChange | None:
        """Undo this analyst's last change (an annotation's or a ledger decision),
        whichever screen made it; None: nothing to undo. ConcurrentEditError if another
        session changed it since, StepElsewhereError if it is in an article not open
        (after a restart, another story's: qa9 Q16): nothing is undone."""
        with self._writing():
            change = self._on_texts_now(self.store.undo(within=self.corpus.by_id))
        return self._stepped(change)

    def redo(self) -> Change | DecisionChange | None:
        """Redo the last undone change; None: nothing to redo."""
        with self._writing():
            change = self._on_texts_now(self.store.redo(within=self.corpus.by_id))
        return self._stepped(change)

    def _on_texts_now(
        self, change: Change | DecisionChange | None
    ) -> Change | DecisionChange | None:
        """An undo or redo writes annotations back as recorded, on the text they were made
        on; where their article has changed since (after a restart, tr11 T3, T4) they are
        re-anchored at once, as opening it does: a restored claim whose sentence is gone
        stayed "current" on the old text, counted and exported as on the new one. Returns
        the step as placed (placed_step.PlacedStep) when any moved."""
        if not isinstance(change, Change):
            return change
        by_id = self.corpus.by_id
        stale = sorted(
            {
                part.after.article_id
                for part in change.step
                if part.after is not None
                and not part.after.is_orphan
                and part.after.article_id in by_id
                and part.after.article_sha256 != by_id[part.after.article_id].sha256
            }
        )
        plans = [plan for a in stale if (plan := self.anchors.settle(by_id[a])) is not None]
        return placed_step(change, plans) if plans else change

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write on a database server: one the server refused because another session
        changed the annotation first is shown everywhere (`changed_elsewhere`); a server
        that cannot be reached, even for a read on the way, is "not saved: connection
        lost" (nothing was written)."""
        try:
            yield
        except ConcurrentEditError as error:
            self.changed_elsewhere(error)
            raise
        except ServerError as error:
            raise ConnectionLostError(self.store.location) from error

    def changed_elsewhere(self, error: ConcurrentEditError) -> None:
        """A write was refused because another session changed the annotation first
        (a database server's, issue 17): every screen shows what is stored now."""
        self.anchors.forget()
        self.announce(WorkspaceChange(article_ids=frozenset([error.key[1]]), here=False))

    def reattach(self, orphan: Annotation, placed: Annotation) -> Change:
        """Put an orphan on a sentence (`placed` is it there)."""
        change = self.store.reattach(orphan, placed)
        self.announce(WorkspaceChange(article_ids=frozenset([placed.article_id])))
        return change

    def delete_orphan(self, orphan: Annotation) -> Change:
        change = self.store.delete_orphan(orphan)
        self.announce(
            WorkspaceChange(edits=(Edit(orphan, None),), article_ids=frozenset([orphan.article_id]))
        )
        return change

    def decide(self, decision: Merge | Split | Dismiss) -> None:
        """Store a claim-ledger decision (the summary is computed again with it), with
        the texts its sentences are on (so it is never read against another text)."""
        self.store.save_ledger_decision(with_texts(decision, self.corpus.by_id))
        self.announce(WorkspaceChange(ledger=True))

    def _stepped(self, change: Change | DecisionChange | None) -> Change | DecisionChange | None:
        if change is None:
            return None
        if isinstance(change, DecisionChange):
            self.announce(WorkspaceChange(ledger=True, step=change))
            return change
        self.anchors.forget()  # an in-memory plan may be of annotations just changed
        articles = frozenset(part.article_id for part in change.step)
        if moves(change) or isinstance(change, PlacedStep):  # re-anchored: others moved too
            self.announce(WorkspaceChange(article_ids=articles, step=change))
        else:
            edit = Edit(change.before, change.after)
            self.announce(WorkspaceChange(edits=(edit,), article_ids=articles, step=change))
        return change

    # -- what changed -----------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Subscription:
        """Call `listener` with every change from now on, until the subscription is
        closed (a screen subscribes when mounted and closes when unmounted)."""
        subscription = Subscription(listener, self)
        self._subscriptions.append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        if subscription in self._subscriptions:
            self._subscriptions.remove(subscription)

    def announce(self, change: WorkspaceChange) -> None:
        """Tell every listener, in the order they subscribed (on the UI thread). Called
        by the writes above, and by the app for what its workers changed (the start-up
        re-anchoring: `reanchored`)."""
        for subscription in list(self._subscriptions):
            subscription.listener(change)

    def counted_from_memory(self, counts: Mapping[str, int]) -> None:
        """A worker counted a read-only session's tags on the in-memory plans
        (anchors.tags_from_memory): every count is made again with them."""
        self.tags_from_memory = dict(counts)
        self.announce(WorkspaceChange(everything=True))

    def reanchored(self, article_ids: Iterable[str]) -> None:
        """A worker stored re-anchorings of these articles: their annotations moved."""
        self.anchors.forget()
        self.announce(WorkspaceChange(article_ids=frozenset(article_ids)))

    def receive_store_event(self, event: StoreEvent) -> None:
        """Another session changed the database (`Store.subscribe`; issue 17): announce
        what to read again. Call it on the UI thread; the store's callback runs on a
        listener thread, so subscribe with
        `store.subscribe(lambda e: app.call_from_thread(workspace.receive_store_event, e))`
        and close that subscription when the app ends.

        Cached re-anchoring plans are dropped (they may be of annotations changed).
        "annotations" names the articles; "resync" (missed changes) asks for
        everything; "ledger" for the claim-ledger decisions; "articles" (the remembered
        articles) changes nothing a screen shows but re-anchoring's view of them."""
        self.anchors.forget()
        if event.kind == "annotations" and event.article_ids:
            self.announce(WorkspaceChange(article_ids=frozenset(event.article_ids), here=False))
        elif event.kind == "annotations":  # any article (an import, a large change)
            self.announce(WorkspaceChange(everything=True, here=False))
        elif event.kind == "ledger":
            self.announce(WorkspaceChange(ledger=True, here=False))
        elif event.kind == "resync":
            self.announce(WorkspaceChange(everything=True, ledger=True, here=False))
