"""The annotate screen's annotations, anchored to the articles as they are now.

Without widgets, like the session. An article whose text (or segmentation) changed under
its annotations is re-anchored the first time the session needs it, and the result
stored (one write, one undo step) unless the store is read-only: this analyst's
annotations only (tr7 T15); a colleague's are shown where re-anchoring puts them and
stored as made until their own workbench opens the article. While an article's
stored annotations are not anchored to its text (a read-only store, or a re-anchoring
the analyst undid), what the screen shows comes from the plan, computed in memory: an
annotation is never shown on a sentence it was not made on. Before any write to such an
article the plan is stored, so a new annotation never lands on a key an old one holds.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from store import AnchorConflictError, Change, Store, StoreError
from workbench.core.anchoring.as_tagged import MOVED_STATES, TaggedVersions
from workbench.core.anchoring.placement import (
    REATTACHED,
    ArticlePlan,
    in_place_words,
    plan_article,
)
from workbench.core.anchoring.reanchoring import (
    ArticleReanchoring,
    of_article,
    plans,
    store_plans,
)
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp
from workbench.core.corpus.titles import shorten


@dataclass(frozen=True, slots=True)
class AnchorCounts:
    """One analyst's annotations of an article that re-anchoring moved, marked to check
    or orphaned (as they stand now)."""

    moved: int = 0
    check: int = 0
    orphaned: int = 0
    reattached: int = 0
    """Orphans that came back this session (their text fits them again)."""
    in_place: int = 0
    """Marked "reanchored" on the sentence they were tagged on (a speaker read from its
    neighbours, the article changed around it): not moved, and not counted so (qa10 Q9)."""

    def __bool__(self) -> bool:
        return bool(self.moved or self.check or self.orphaned or self.reattached or self.in_place)

    def describe(self) -> str:
        line = f"{self.moved} moved, {self.check} to check, {self.orphaned} orphaned"
        if self.reattached:
            line = f"{line}, {self.reattached} re-attached"
        return line + in_place_words(self.in_place)


WORKER_GROUP = 20
"""Articles the start-up worker re-anchors per store write (one short lock each)."""


class CorpusAnchors:
    """Which of the corpus's articles the session has re-anchored, and what the screen
    shows for the others."""

    def __init__(self, store: Store, threshold: float) -> None:
        self.store = store
        self.threshold = threshold
        self._lock = threading.Lock()
        self._visited: set[str] = set()
        """Articles whose automatic re-anchoring has run this session."""
        self._noticed: set[str] = set()
        self._reattached: dict[str, int] = {}
        """Article id -> this analyst's orphans re-anchoring brought back this session."""
        self._plans: dict[str, ArticlePlan] = {}
        """In-memory plans of articles whose stored annotations are not anchored."""
        self._versions = TaggedVersions()
        """Moved annotations as the analyst tagged them: from the plans this session
        stored, and from the history once read (read_history, in a worker)."""
        self._history_read = False
        self._checked: dict[str, str] = {}
        """Article id -> the text (sha256) whose check found every stored anchor holding,
        not stored yet: the article's next save stores it (session.save), or the next
        session's start-up worker. No write of its own on the way to a tag."""
        self._partial: set[str] = set()
        """Articles where another analyst's annotations do not fit the text (tr7 T15):
        this session stores its analyst's re-anchoring only, and a save must not
        remember the article as checked with this segmenter (remembered_segmenter)."""

    # -- reading --------------------------------------------------------------------
    def is_stale(self, article: Article) -> bool:
        """True when some of the article's stored annotations may not fit its text."""
        with self._lock:
            if self._checked.get(article.id) == article.sha256:
                return False
        return bool(
            self.store.articles_to_reanchor({article.id: article.sha256}, segmenter_stamp())
        )

    def is_stored(self, article: Article, annotation: Annotation) -> bool:
        """True when `annotation`, shown on the article as it is now, is what the store
        holds: not only in memory. An article stays stale while a colleague's annotations
        do not fit it (tr7 T15), though this analyst's re-anchoring is stored: the panel
        said "not stored yet" of every saved annotation there (qa8 Q6)."""
        if not self.is_stale(article):
            return True
        return self.store.get(article.id, annotation.index) == annotation

    def placed(self, article: Article) -> Mapping[int, Annotation]:
        """Sentence index -> this analyst's annotation, as anchored to the current text."""
        self.visit(article)
        plan = self._plan_if_stale(article)
        if plan is None:
            return self.store.for_article(article.id)
        mine = self.store.annotator
        return {
            p.after.index: p.after
            for p in plan.placements
            if p.new_index is not None and p.after.annotator == mine
        }

    def get(self, article: Article, index: int) -> Annotation | None:
        """This analyst's annotation of one sentence, as anchored to the current text."""
        self.visit(article)
        if self._plan_if_stale(article) is None:
            return self.store.get(article.id, index)
        return self.placed(article).get(index)

    def counts(self, article: Article) -> AnchorCounts:
        """What re-anchoring left for this analyst to look at in the article."""
        placed = self.placed(article).values()
        plan = self._plan_if_stale(article)
        orphaned = len(self.store.orphans(self.store.annotator, article.id))
        with self._lock:
            back = self._reattached.get(article.id, 0)
        if plan is not None:  # shown from memory: what the plan leaves on no sentence
            back = self._mine_back(plan)
            orphaned = self._mine_orphaned(plan)
        marked = [a for a in placed if a.anchor_state == "reanchored"]
        in_place = sum(1 for a in marked if self._in_place(article, a))
        return AnchorCounts(
            moved=len(marked) - in_place,
            in_place=in_place,
            check=sum(1 for a in placed if a.anchor_state == "check"),
            orphaned=orphaned,
            reattached=back,
        )

    def _in_place(self, article: Article, annotation: Annotation) -> bool:
        """True for a "reanchored" annotation known to be on the sentence it was tagged on."""
        tagged = self.as_tagged(article, annotation)
        return tagged is not None and tagged.index == annotation.index

    def _mine_orphaned(self, plan: ArticlePlan) -> int:
        """This analyst's annotations the plan puts on no sentence: the stored orphans
        that stay so, and those it orphans in memory (a read-only session: counted as 0
        orphaned before, tr14 T5)."""
        mine = self.store.annotator
        return sum(1 for p in plan.placements if p.new_index is None and p.before.annotator == mine)

    def tags_from_memory(self, articles: Iterable[Article]) -> dict[str, int]:
        """For a read-only store: this analyst's tagged sentences of each article whose
        annotations the screen shows from an in-memory plan (their stored annotations do
        not fit its text), counted on that plan, where an orphan counts nowhere (tr14
        T5: the corpus's count read them as stored). Blocking (a plan per article, about
        70 us an annotation): from a worker. Empty for a store that re-anchors."""
        if not self.store.read_only:
            return {}
        by_id = {article.id: article for article in articles}
        stale = self.store.articles_to_reanchor(
            {article_id: article.sha256 for article_id, article in by_id.items()},
            segmenter_stamp(),
        )
        return {
            article_id: sum(1 for shown in self.placed(by_id[article_id]).values() if shown.tags)
            for article_id in stale
        }

    def _mine_back(self, plan: ArticlePlan) -> int:
        mine = self.store.annotator
        return sum(
            1
            for p in plan.placements
            if p.outcome == REATTACHED and p.before.is_orphan and p.before.annotator == mine
        )  # an orphan come back: not one to check back where it was tagged (rv8 R5)

    def arrival_notice(self, article: Article) -> str | None:
        """Once per session and article: `“North Korea Starting To…”, still to look at
        (this change and earlier ones): 4 moved, 1 to check, 1 orphaned`, the article
        named by its title as the corpus-wide notice names it. What stands, not what
        this opening did (the start-up notice's "This change: …"): the two counted
        alike and disagreed (qa7 Q10 h)."""
        if article.id in self._noticed:
            return None
        self._noticed.add(article.id)
        counts = self.counts(article)
        if not counts:
            return None
        title = shorten(article.title or article.id)
        return f"“{title}”, still to look at (this change and earlier ones): {counts.describe()}"

    def index_now(self, article: Article, index: int) -> int:
        """Where sentence `index` of the text the article's annotations were made on is
        in its text now (a remembered place, qa7 Q10 e: after a sentence was inserted
        above, the cursor came back on the old number, another sentence): shifted as
        this analyst's nearest annotation at or above it moved. The place is where this
        analyst's annotations are: each session stores its own re-anchoring where it
        works, so a colleague's left on an older text say nothing of it (rv8 R9: bob
        reopened one sentence off at every start). Unchanged when this analyst's
        annotations fit the text, or none is at or above it."""
        if not self.is_stale(article):
            return index
        plan = plan_article(article, of_article(self.store, article.id), self.threshold)
        mine = [p for p in plan.placements if p.before.annotator == self.store.annotator]
        if any(p.new_index is not None and p.before.article_sha256 == article.sha256 for p in mine):
            return index  # worked on this text since: the place was left on it
        above = [
            (p.before.index, p.new_index)
            for p in mine
            if p.new_index is not None and p.before.index <= index
        ]
        if not above:
            return index
        before, after = max(above)
        return after + (index - before)

    def as_tagged(self, article: Article, annotation: Annotation) -> Annotation | None:
        """A moved, unconfirmed annotation as the analyst tagged it (quote and place on
        the text it was made on), or None: not moved, or not known (not read from the
        history yet, or imported already moved)."""
        if annotation.anchor_state not in MOVED_STATES:
            return None
        with self._lock:
            plan = self._plans.get(article.id)
            if plan is not None:
                for placement in plan.placements:
                    if placement.after == annotation and placement.changed:
                        before = placement.before
                        return self._versions.of(before) or (
                            None if before.anchor_state == "check" else before
                        )
            return self._versions.of(annotation)

    def versions(self, plans: Iterable[ArticlePlan] = ()) -> TaggedVersions:
        """What as_tagged knows, and what `plans` (of a view computed elsewhere, like the
        review screen's) add: a copy, for a worker to read as it likes."""
        known = TaggedVersions()
        with self._lock:
            known.fill_from(self._versions)
        for plan in plans:
            known.follow_plan(plan)
        return known

    @property
    def history_read(self) -> bool:
        """True once read_history has run (what as_tagged does not know by then, it
        never will: imported already moved)."""
        return self._history_read

    def read_history(self) -> bool:
        """Learn, from the store's history, how every moved annotation not confirmed yet
        was tagged (blocking: from a worker thread; once per session, and only when
        there are such annotations). True when something was learnt."""
        with self._lock:
            if self._history_read:
                return False
            self._history_read = True
        moved = [a for a in self.store.all() if a.anchor_state in MOVED_STATES]
        if not moved:
            return False
        found = TaggedVersions().follow(self.store.history())
        with self._lock:
            self._versions.fill_from(found)
            return any(self._versions.of(annotation) is not None for annotation in moved)

    def _history(self) -> list[Change]:
        """The store's history for the start-up re-anchoring (an annotation to check whose
        text is back goes back to its sentence: tr7 T13); one that cannot be read is
        read as empty (the app says so when it opens the store)."""
        try:
            return self.store.history()
        except StoreError:
            return []

    def forget(self) -> None:
        """Stored annotations changed (an undo, the review screen): plan again."""
        with self._lock:
            self._plans.clear()
            self._checked.clear()

    # -- writing --------------------------------------------------------------------
    def visit(self, article: Article) -> None:
        """The first time this session: store the article's re-anchoring if it needs one
        (a read-only store keeps it in memory)."""
        with self._lock:
            if article.id in self._visited:
                return
            self._visited.add(article.id)
        if not self.store.read_only:
            self.settle(article)

    def settle(self, article: Article) -> ArticlePlan | None:
        """Store the article's re-anchoring now if its stored annotations do not fit its
        text (before a write to the article, on the first visit, after an undo): the
        plan stored, or None. A check that finds every anchor holding writes nothing
        (see `_checked`)."""
        if self.store.read_only or not self.is_stale(article):
            return None
        stored = None
        for _attempt in range(3):  # a worker may have stored it meanwhile
            annotations = of_article(self.store, article.id)
            every = plan_article(article, annotations, self.threshold, self.versions().of)
            plan = every.of_annotator(self.store.annotator)  # never a colleague's (tr7 T15)
            with self._lock:
                if plan.whole:
                    self._partial.discard(article.id)
                else:
                    self._partial.add(article.id)
            if not plan.changes:  # every anchor holds: only the check to remember
                with self._lock:
                    self._checked[article.id] = article.sha256
                    self._plans.pop(article.id, None)
                return None
            try:
                store_plans(self.store, [ArticleReanchoring(article, plan)])
            except AnchorConflictError:
                continue
            with self._lock:
                self._versions.follow_plan(plan)
                self._reattached[article.id] = self._mine_back(plan)
            stored = plan
            break
        with self._lock:
            self._plans.pop(article.id, None)
        return stored

    def settle_all(self, articles: Iterable[Article]) -> list[ArticleReanchoring]:
        """Store every stale article's re-anchoring (for a worker at start-up), a few
        articles per write so that the UI thread's reads wait for one write at most;
        returns those whose annotations changed. A group with an article the UI
        touched meanwhile is left for the articles' own visits."""
        if self.store.read_only:
            return []
        mine = self.store.annotator
        found = list(plans(self.store, articles, self.threshold, self._history, mine))
        with self._lock:
            self._partial.update(item.article.id for item in found if not item.plan.whole)
        done: list[ArticleReanchoring] = []
        for start in range(0, len(found), WORKER_GROUP):
            group = found[start : start + WORKER_GROUP]
            try:
                store_plans(self.store, group)
            except AnchorConflictError:
                continue
            with self._lock:
                for item in group:
                    self._versions.follow_plan(item.plan)
                    self._reattached[item.article.id] = self._mine_back(item.plan)
                self._visited.update(item.article.id for item in group)
            done.extend(item for item in group if item.changed)
        return done

    def remembered_segmenter(self, article: Article) -> str | None:
        """The segmenter stamp a save of the article may remember it checked with: None
        while another analyst's annotations of it do not fit its text (their own
        workbench, or a read-only view, must still find it to check: tr7 T15), and the
        save then remembers nothing of the article (its text neither: rv8 R2)."""
        with self._lock:
            return None if article.id in self._partial else segmenter_stamp()

    def _plan_if_stale(self, article: Article) -> ArticlePlan | None:
        if not self.is_stale(article):
            return None
        with self._lock:
            plan = self._plans.get(article.id)
        if plan is None or plan.sha256 != article.sha256:
            annotations = of_article(self.store, article.id)
            plan = plan_article(article, annotations, self.threshold, self.versions().of)
            with self._lock:
                self._plans[article.id] = plan
        return plan
