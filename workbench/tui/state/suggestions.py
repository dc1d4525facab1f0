"""The annotate screen's suggestions: computed once per article, off the UI thread.

Textual-free. `wanted(article)` says whether an article still needs computing (and
notes it as pending, so it is asked for once); the screen's worker runs `compute` on
its thread and hands the result back to `keep` on the UI thread. Reading
(`shown`, `provenance`) is a dictionary lookup: a keystroke never waits for the
suggester. What is shown follows the [suggestions] settings: nothing when they are
off, and only the tags reaching the lowest score shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace

from workbench.config.settings import SuggestionSettings
from workbench.core.analysis.sources.speakers import accepted_speaker
from workbench.core.analysis.suggestions.provenance import as_shown, shown_source, shown_tags
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, Suggestion, suggest
from workbench.core.annotation import Annotation, Suggested
from workbench.core.corpus.articles import Article

KEPT_ARTICLES = 64
"""Articles whose suggestions are kept (the least recently read go first): a few
kilobytes each, and an analyst works through one article at a time."""

SUGGESTED_SENTENCES = 5_000
"""The longest article suggestions are made for. The suggester reads each sentence
against what the article said before it, so its time grows faster than the article:
about 1 s of a worker's thread at 5,000 sentences, minutes for a 20 MB book, and a
worker still running keeps the app from quitting. News articles are a few hundred."""


class ArticleTooLong(ValueError):
    """No suggestions for an article longer than SUGGESTED_SENTENCES (said, not silent)."""


ArticleKey = tuple[str, str, str]
"""(article id, sha256, suggester version): suggestions hold for exactly that text."""


def key_of(article: Article) -> ArticleKey:
    return (article.id, article.sha256, SUGGESTER_VERSION)


class ArticleSuggestions:
    """Suggestions per article, as the analyst is shown them."""

    def __init__(
        self,
        settings: SuggestionSettings | None = None,
        suggester: Callable[[Article], Sequence[Suggestion]] = suggest,
    ) -> None:
        self.settings = settings or SuggestionSettings()
        self._suggester = suggester
        self._kept: OrderedDict[ArticleKey, tuple[Suggestion, ...]] = OrderedDict()
        self._pending: set[ArticleKey] = set()

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    # -- computing (the worker) -------------------------------------------------
    def wanted(self, article: Article) -> bool:
        """True, once, for an article to compute: suggestions on, not kept, not asked for."""
        key = key_of(article)
        if not self.enabled or key in self._kept or key in self._pending:
            return False
        self._pending.add(key)
        return True

    def compute(self, article: Article) -> tuple[Suggestion, ...]:
        """The article's suggestions (a few milliseconds; run on a worker thread)."""
        if len(article.sentences) > SUGGESTED_SENTENCES:
            raise ArticleTooLong(
                f"{len(article.sentences):,} sentences; suggestions are made for articles "
                f"of at most {SUGGESTED_SENTENCES:,}"
            )
        return tuple(self._suggester(article))

    def keep(self, article: Article, suggestions: Sequence[Suggestion]) -> None:
        """Keep what `compute` gave (on the UI thread)."""
        key = key_of(article)
        self._pending.discard(key)
        self._kept[key] = tuple(suggestions)
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT_ARTICLES:
            self._kept.popitem(last=False)

    def abandon(self, article: Article) -> None:
        """The worker failed or was cancelled: ask again next time."""
        self._pending.discard(key_of(article))

    def is_ready(self, article: Article) -> bool:
        return key_of(article) in self._kept

    # -- reading (every keystroke) ----------------------------------------------
    def suggestion(self, article: Article, index: int) -> Suggestion | None:
        """The sentence's suggestion when something of it is shown, else None."""
        if not self.enabled:
            return None
        kept = self._kept.get(key_of(article))
        if kept is None or not 0 <= index < len(kept):
            return None
        found = kept[index]
        return found if shown_tags(found, self.settings.lowest_score) else None

    def shown(self, article: Article, index: int) -> Suggested | None:
        """The suggestion as shown for the sentence (what provenance records), or None."""
        found = self.suggestion(article, index)
        return None if found is None else as_shown(found, self.settings.lowest_score)

    def source(self, article: Article, index: int) -> str | None:
        """What the source prompt offers: the shown source as the guideline records it
        ("She", not the "Ingrid Halvorsen" it is read as: the prompt says that beside
        it, qa17 Q2), None when no source is shown."""
        found = self.suggestion(article, index)
        if found is None:
            return None
        return shown_source(found, self.settings.lowest_score)


def with_provenance(annotation: Annotation, shown: Suggested | None) -> Annotation:
    """`annotation` as first saved from the annotate screen: it keeps the suggestion it
    has; one without gets the suggestion shown now, if any (what was shown when saved).
    Only a judgement's first save records one: an annotation made earlier was judged
    without it, and stays "not shown"."""
    if annotation.suggestion is not None or shown is None:
        return annotation
    return replace(annotation, suggestion=shown)


def overrules(annotation: Annotation | None, shown: Suggested) -> bool:
    """True when accepting `shown` would replace tags the analyst recorded (other than
    the suggested ones). Enter then keeps them and only moves on: a tag corrected with
    c/a/d is never thrown away by the key that moves on."""
    return (
        annotation is not None
        and bool(annotation.tags)
        and bool(shown.tags)  # every tag shown weak: Enter takes nothing to overrule with
        and annotation.tags != shown.tags
    )


def names_another_speaker(annotation: Annotation | None, shown: Suggested) -> bool:
    """True when the analyst accepted the suggested pronoun or role as one speaker and the
    suggestion shown now reads it as another (qa14 Q20: "He → Íñigo Arrieta" accepted,
    then the publisher put "Pablo Ibáñez" before "He denied…"). The analyst's judgement
    holds on any text (speakers.accepted_speaker): Enter keeps it and only moves on."""
    if annotation is None or annotation.source is None or annotation.source != shown.source:
        return False
    speaker = accepted_speaker(annotation)
    return speaker is not None and speaker != shown.resolved_source


def keeps_own_source(annotation: Annotation | None, shown: Suggested) -> bool:
    """True when the analyst recorded a source other than the suggested one (and the
    speaker it resolves to): accepting takes the suggested tags and keeps that source."""
    return (
        annotation is not None
        and annotation.source is not None
        and shown.source is not None
        and annotation.source not in (shown.source, shown.resolved_source)
    )


def accepted(annotation: Annotation, shown: Suggested) -> Annotation:
    """`annotation` holding the suggestion's tags and, unless the analyst recorded one,
    its source (in the guideline's form, a pronoun as the pronoun; the speaker it
    resolves to is in the provenance), with the suggestion as provenance. Note, status
    and a source the analyst recorded ("Pat Ryder" typed for "He") are kept (qa4 Q1)."""
    source = annotation.source if annotation.source is not None else shown.source
    return annotation.changed(tags=shown.tags, source=source, suggestion=shown)
