"""Where the analyst is and what they change: the annotate screen's state, without widgets.

Keeping this free of Textual makes the navigation and tagging rules plain to test and
keeps the screen a thin layer of key bindings and rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from store import Change, ConcurrentEditError, DecisionChange
from workbench.core.analysis.suggestions.suggest import Suggestion
from workbench.core.annotation import STATUSES, Anchor, Annotation, Suggested, same_judgement
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import Sentence
from workbench.tui.state.suggestions import (
    ArticleSuggestions,
    accepted,
    keeps_own_source,
    names_another_speaker,
    overrules,
    with_provenance,
)
from workbench.tui.state.workspace import Workspace, WorkspaceChange


@dataclass(frozen=True, slots=True)
class Place:
    """A sentence in the corpus by position: article number and sentence index, 0-based."""

    article: int
    sentence: int


Shown = tuple[Place, Annotation | None]
"""A sentence and its annotation as the analyst saw them (None: untagged)."""


class AnnotationSession:
    """The current sentence of the workspace's corpus and the changes made to it there.

    Every write goes through the Workspace; the running count follows every change it
    announces (`changed`), whichever screen made it."""

    def __init__(self, workspace: Workspace, suggestions: ArticleSuggestions | None = None) -> None:
        if not workspace.corpus.articles:
            raise ValueError("the corpus has no articles")
        self.workspace = workspace
        self.corpus = workspace.corpus
        self.store = workspace.store
        self.anchors = workspace.anchors
        """What is shown is anchored to the articles as they are now (tui/state/anchors.py)."""
        self.suggestions = suggestions or ArticleSuggestions()
        """What the suggester proposes, per article, once computed (tui/state/suggestions.py)."""
        self.place = Place(0, 0)
        self._tagged: dict[str, int] | None = None
        """This analyst's tagged sentences per article of the corpus, once counted."""
        self._tagged_total = 0
        self._recount: set[str] = set()
        """Articles another session (or a step of several) changed: counted again when
        the count is next asked for, those alone."""
        self._shown: Shown | None = None
        """The annotation the screen last showed, and where: what the analyst decides
        on (see `look` and `save`); None when unknown."""
        workspace.subscribe(self.changed)  # for the workspace's life, as the session

    # -- where we are -------------------------------------------------------------
    @property
    def article(self) -> Article:
        return self.corpus.articles[self.place.article]

    @property
    def sentences(self) -> list[Sentence]:
        return self.article.sentences

    @property
    def sentence(self) -> Sentence | None:
        sentences = self.sentences
        return sentences[self.place.sentence] if sentences else None

    @property
    def annotation(self) -> Annotation | None:
        sentence = self.sentence
        return None if sentence is None else self.anchors.get(self.article, sentence.index)

    def look(self) -> Annotation | None:
        """The current sentence's annotation, as the screen shows it to the analyst: a
        change made to it is refused if another session changed it meanwhile."""
        annotation = self.annotation
        self._shown = (self.place, annotation)
        return annotation

    @property
    def suggestion(self) -> Suggestion | None:
        """The current sentence's suggestion while something of it is shown."""
        sentence = self.sentence
        if sentence is None:
            return None
        return self.suggestions.suggestion(self.article, sentence.index)

    @property
    def shown_suggestion(self) -> Suggested | None:
        """The current sentence's suggestion as shown (what provenance records)."""
        sentence = self.sentence
        if sentence is None:
            return None
        return self.suggestions.shown(self.article, sentence.index)

    @property
    def holds_suggestion(self) -> bool:
        """True when the sentence's annotation holds the suggestion shown, as is."""
        shown, current = self.shown_suggestion, self.annotation
        return (
            shown is not None
            and current is not None
            and shown.held_by(current.tags, current.source)
            and not names_another_speaker(current, shown)
        )

    @property
    def keeps_own_judgement(self) -> bool:
        """True when the sentence holds tags the analyst recorded that the suggestion
        shown would replace, or a speaker they accepted that it reads otherwise now:
        Enter keeps them and only moves on."""
        shown = self.shown_suggestion
        return shown is not None and (
            overrules(self.annotation, shown) or names_another_speaker(self.annotation, shown)
        )

    @property
    def keeps_own_source(self) -> bool:
        """True when the analyst recorded a source other than the one suggested: Enter
        takes the suggested tags and keeps that source."""
        shown = self.shown_suggestion
        return shown is not None and keeps_own_source(self.annotation, shown)

    def tagged_in_article(self) -> int:
        return sum(1 for note in self.anchors.placed(self.article).values() if note.tags)

    def tagged_in_corpus(self) -> int:
        """Tagged sentences of this annotator in the corpus.

        Counted once, then kept up to date from each change made here: counting means a
        pass over every article, far too slow for every keystroke in a large corpus. An
        article changed in ways only reading it shows (another session's change, a step
        of several) is counted again alone.
        """
        tagged = self._tagged
        if tagged is None:
            counts = self.store.tagged_counts(self.store.annotator)
            tagged = self._tagged = {a.id: counts.get(a.id, 0) for a in self.corpus.articles}
            tagged.update(  # read-only: counted on the in-memory plans (an orphan nowhere)
                (article_id, count)
                for article_id, count in self.workspace.tags_from_memory.items()
                if article_id in tagged
            )
            self._tagged_total = sum(tagged.values())
            self._recount.clear()
        while self._recount:
            article_id = next(iter(self._recount))
            # read-only: as shown, from the plan if its annotations do not fit (tr14 T5)
            shown = (
                self.anchors.placed(self.corpus.by_id[article_id])
                if self.store.read_only
                else self.store.for_article(article_id)
            )
            now = sum(1 for a in shown.values() if a.tags)
            self._tagged_total += now - tagged[article_id]
            tagged[article_id] = now
            self._recount.discard(article_id)
        return self._tagged_total

    def forget_counts(self) -> None:
        """Annotations may have changed elsewhere (review screen, import): count again."""
        self._tagged = None
        self.anchors.forget()

    def changed(self, change: WorkspaceChange) -> None:
        """Keep the count of tagged sentences up to date with a change announced by the
        workspace: exact edits are counted, anything else is counted again when asked."""
        if not change.annotations:
            return
        if change.here and not change.exact:
            self._shown = None  # moved here (re-anchoring, an undone step): not known
        if change.everything:
            self.forget_counts()
            return
        if not change.exact:  # a step of several, an orphan's, another session's
            self.anchors.forget()
            self._recount.update(a for a in change.article_ids if a in self.corpus.by_id)
            return
        for edit in change.edits:
            self._count_change(edit.before, edit.after)
            self._follow_shown(edit.annotation, edit.after)

    def _follow_shown(self, changed: Annotation, after: Annotation | None) -> None:
        """A change made here to the annotation shown (from any screen) is what the
        analyst now sees, even before the screen shows it again."""
        if self._shown is None or self.sentence is None or self._shown[0] != self.place:
            return
        if changed.key == (self.store.annotator, self.article.id, self.sentence.index):
            self._shown = (self.place, None if after is None or after.is_blank else after)

    def _count_change(self, before: Annotation | None, after: Annotation | None) -> None:
        tagged = self._tagged
        shown = after if after is not None else before
        if tagged is None or shown is None or shown.article_id not in tagged:
            return
        change = self._counted(after) - self._counted(before)
        tagged[shown.article_id] += change
        self._tagged_total += change

    def _counted(self, annotation: Annotation | None) -> bool:
        """True when `annotation` is among tagged_in_corpus's: a tagged, placed
        annotation of this analyst on an article of the corpus."""
        return (
            annotation is not None
            and bool(annotation.tags)
            and not annotation.is_orphan
            and annotation.annotator == self.store.annotator
            and annotation.article_id in self.corpus.by_id
        )

    # -- moving ---------------------------------------------------------------------
    def go(self, article: int, sentence: int = 0) -> bool:
        """Go to a place, clamped to the corpus; True when the place changed."""
        article = max(0, min(article, len(self.corpus.articles) - 1))
        count = len(self.corpus.articles[article].sentences)
        sentence = max(0, min(sentence, count - 1)) if count else 0
        moved = Place(article, sentence) != self.place
        self.place = Place(article, sentence)
        if moved:
            self.remember_place()
        return moved

    def go_to(self, article_id: str, index: int) -> bool:
        """Go to a sentence by article id and index; False when the article is unknown."""
        try:
            number = self.corpus.position(article_id)
        except KeyError:
            return False
        self.go(number, index)
        return True

    def step(self, delta: int) -> bool:
        """Next/previous sentence, crossing into the next/previous article at the ends."""
        article, sentence = self.place.article, self.place.sentence + delta
        while sentence >= len(self.corpus.articles[article].sentences):
            if article + 1 >= len(self.corpus.articles):
                return False
            article, sentence = article + 1, 0
        while sentence < 0:
            if article == 0:
                return False
            article -= 1
            sentence = len(self.corpus.articles[article].sentences) - 1
        return self.go(article, sentence)

    def step_article(self, delta: int) -> bool:
        """First sentence of the next/previous article; False, staying put, past the ends."""
        target = self.place.article + delta
        if not 0 <= target < len(self.corpus.articles):
            return False
        return self.go(target, 0)

    def places_after(self) -> Iterator[Place]:
        """Every place after the current one, wrapping around the corpus once."""
        articles = self.corpus.articles
        start = self.place
        for offset in range(len(articles) + 1):
            number = (start.article + offset) % len(articles)
            first = start.sentence + 1 if offset == 0 else 0
            last = len(articles[number].sentences)
            if offset == len(articles):
                last = start.sentence
            for sentence in range(first, last):
                yield Place(number, sentence)

    def next_untagged(self) -> bool:
        """Go to the next sentence with no tags; False when every sentence is tagged."""
        placed: dict[int, Mapping[int, Annotation]] = {}
        for place in self.places_after():
            if place.article not in placed:
                placed[place.article] = self.anchors.placed(self.corpus.articles[place.article])
            existing = placed[place.article].get(place.sentence)
            if existing is None or not existing.tags:
                return self.go(place.article, place.sentence) or True
        return False

    def remember_place(self) -> None:
        sentence = self.sentence
        if sentence is not None:
            self.store.set_position(self.article.id, sentence.index)

    def restore_place(self) -> bool:
        """Return to where this annotator left off; False when there is no such place.

        The store keeps one place per analyst: the last corpus's. When that is in
        another story (another folder opened since, qa7 Q12), the place is the sentence
        this analyst last tagged in this corpus, else there is none (one read of the
        analyst's annotations, in that case only)."""
        remembered = self.store.position()
        if remembered is None:
            return False
        if remembered[0] in self.corpus.by_id:
            article_id, index = remembered
            return self.go_to(
                article_id, self.anchors.index_now(self.corpus.by_id[article_id], index)
            )
        last = self.last_tagged()
        return last is not None and self.go_to(last.article_id, last.index)

    def last_tagged(self) -> Annotation | None:
        """This analyst's annotation of this corpus changed last (placed on a sentence)."""
        known = self.corpus.by_id
        mine = (a for a in self.store.all(self.store.annotator) if a.article_id in known)
        return max(mine, key=lambda annotation: annotation.updated_at, default=None)

    # -- changing -------------------------------------------------------------------
    def anchor(self) -> Anchor:
        sentence = self.sentence
        if sentence is None:
            raise LookupError("this article has no sentences")
        article = self.article
        return Anchor.in_text(
            article.id, article.sha256, article.text, sentence.index, sentence.start, sentence.end
        )

    def current_or_new(self) -> Annotation:
        """The sentence's annotation to change, or a new one. Called inside a workspace
        write, which settles the article first: what is changed is always what the
        screen shows, and the key it is stored under is never an old text's."""
        return self.annotation or Annotation.new(self.anchor(), self.store.annotator)

    def shown_now(self) -> Shown:
        """The sentence and its annotation as a prompt opens on them: the prompt's answer
        is saved only if the sentence still holds that (qa8 Q10: the panel under an open
        prompt follows another session's saves, so what the screen last showed is not
        what the prompt edits)."""
        return (self.place, self.annotation)

    def save(
        self, change: Callable[[Annotation], Annotation], opened: Shown | None = None
    ) -> Annotation:
        """Change the current sentence's annotation (or a new one) through the workspace:
        durable when it returns; raises StoreWriteError. A judgement's first save records
        the suggestion shown then, if any (provenance: tui/state/suggestions.py).
        ConcurrentEditError, nothing written, when another session (a database
        server's) changed the tags, source, note or status since the screen showed them
        (or since `opened`, what a prompt opened on): the analyst decides again on what is
        there now."""

        def changed() -> Annotation:
            current = self._unchanged_since(opened or self._shown)
            first = current.is_blank  # nothing stored yet: a stored one is never blank
            annotation = change(current)
            return with_provenance(annotation, self.shown_suggestion) if first else annotation

        # The store compares what it holds with the value the change was made from, as it
        # saves (tr8 T4): another session's save read in between is never written over.
        return self.workspace.write(self.article, changed, based_on=lambda: self.annotation)

    def _unchanged_since(self, shown: Shown | None) -> Annotation:
        current = self.current_or_new()
        if shown is not None and shown[0] == self.place and not same_judgement(shown[1], current):
            raise ConcurrentEditError(current.key, None if current.is_blank else current)
        return current

    def accept_suggestion(self) -> Annotation | None:
        """Store the suggestion shown (its tags, and its source unless the analyst recorded
        one; a weak tag is not among them: provenance.FIRM_SCORE); None (nothing
        written) when none is shown or every tag shown is weak, the annotation already
        holds it as is, or accepting would replace tags the analyst recorded
        (keeps_own_judgement)."""
        shown = self.shown_suggestion
        if shown is None or not shown.tags or self.holds_suggestion or self.keeps_own_judgement:
            return None  # (no tags: every tag shown is weak, stored only by its own key)
        return self.save(lambda annotation: accepted(annotation, shown))

    def toggle(self, tag: str) -> Annotation:
        return self.save(lambda annotation: annotation.toggled(tag))

    def set_tag(self, tag: str) -> Annotation:
        return self.save(lambda annotation: annotation.with_tag(tag, True))

    def clear_tags(self) -> Annotation:
        return self.save(lambda annotation: annotation.changed(tags=()))

    def set_source(self, source: str, opened: Shown | None = None) -> Annotation:
        return self.save(
            lambda annotation: annotation.changed(source=source.strip() or None), opened
        )

    def set_note(self, note: str, opened: Shown | None = None) -> Annotation:
        return self.save(lambda annotation: annotation.changed(note=note.strip()), opened)

    def set_status(self, status: str, opened: Shown | None = None) -> Annotation:
        if status not in STATUSES:
            raise ValueError(f"unknown status: {status!r}")
        return self.save(lambda annotation: annotation.changed(status=status), opened)

    def confirm_anchor(self) -> Annotation | None:
        """The analyst confirms that the sentence's moved annotation belongs here (its
        anchor_state becomes current); None when there is nothing to confirm."""
        annotation = self.annotation
        if annotation is None or annotation.anchor_state not in ("check", "reanchored"):
            return None
        return self.save(lambda current: current.changed(anchor_state="current"))

    def undo(self) -> Change | DecisionChange | None:
        """Undo the last change (the workspace's one undo, whichever screen made it)
        and go to its sentence (a ledger decision's undo goes nowhere)."""
        return self._follow(self.workspace.undo())

    def redo(self) -> Change | DecisionChange | None:
        """Redo the last undone change and go to its sentence."""
        return self._follow(self.workspace.redo())

    def _follow(self, change: Change | DecisionChange | None) -> Change | DecisionChange | None:
        if isinstance(change, Change):
            self._go_to_change(change)
        return change

    def _go_to_change(self, change: Change) -> None:
        """To the sentence the change is about, when it is on the article's current text
        (an undone re-anchoring is not: then to the article only)."""
        article = self.corpus.by_id.get(change.key[1])
        if article is None:
            return
        shown = change.after if change.after is not None else change.before
        if shown is not None and not shown.is_orphan and shown.article_sha256 == article.sha256:
            self.go_to(article.id, shown.index)
        elif self.article.id != article.id:
            self.go_to(article.id, 0)
