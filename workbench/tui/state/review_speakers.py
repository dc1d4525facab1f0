"""Who each review row's source is, named as the summary names them.

The summary counts a source under its speaker: the spellings of one person together
("Austin", "Mr. Austin", "Lloyd Austin": sources/grouping.py), and a pronoun or a bare
role ("He", "the spokesman") under the speaker it resolves to in its own article, or
apart in that article when it names nobody, "he (unresolved, in “Title”)"
(sources/speakers.py). The review's source filter offers those names and keeps every
row the summary counts under the one chosen, so it reads each pronoun by annotation,
not by the string typed: "he" is never one choice across articles.

The names are the summary's own (build.SourceNames, over the annotations the summary
counts: placed ones of articles in the corpus). Resolution reads article text, so a
ReviewSpeakers is built in a worker, when the rows are read and again after an edit
changes a source; the filter prompt only reads `choices`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from workbench.core.analysis.sources.speakers import ArticleText, Speakers, arrow
from workbench.core.analysis.summary.build import ArticleTitles, SourceNames, SummaryCache
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.core.corpus.matching import search_key
from workbench.core.terminal_text import invisible_shown


class ReviewSpeakers:
    """Each annotation's speaker (`of`) and the source filter's choices.

    `texts` are the corpus's articles by id (Corpus.by_id), `articles_info` the known
    articles, for the titles an unresolved pronoun is named by. An annotation the
    summary does not count (an orphan, or of an article not in the corpus) keeps its
    spelling's speaker; a pronoun there is the speaker its accepted suggestion named,
    else stays apart in its article (unresolved, or to check or to confirm once moved).
    """

    def __init__(
        self,
        annotations: Sequence[Annotation],
        articles_info: Iterable[ArticleInfo],
        texts: Mapping[str, ArticleText],
        cache: SummaryCache | None = None,
    ) -> None:
        """`cache`: the previous ReviewSpeakers' (the sources are grouped again only
        when their spellings changed); one build at a time may use it."""
        info = list(articles_info)
        counted = [a for a in annotations if a.article_id in texts and not a.is_orphan]
        apart = [a for a in annotations if a.article_id not in texts or a.is_orphan]
        self._texts = texts
        self._searched: dict[tuple[str, int, str, str], str] = {}
        self._names = SourceNames(counted, info, texts, cache)
        titles = ArticleTitles(info, {a.article_id for a in apart}).short
        seen = {known.article_id: known.sha256 for known in info if known.sha256}
        self._apart = Speakers(
            apart, None, lambda article_id: titles.get(article_id, article_id), seen
        )
        variants = {group.canonical: group.variants for group in self._names.groups}
        self._typed: dict[str, set[str]] = defaultdict(set)
        for annotation in annotations:
            name = self.of(annotation)
            if name is not None:
                self._typed[name].add(annotation.source or "")
        resolves = self._names.speakers.resolves
        self.resolving = frozenset(
            source for sources in self._typed.values() for source in sources if resolves(source)
        )
        """The spellings whose rows may name another speaker ("She", "the spokesman")."""
        self.spellings: dict[str, tuple[str, ...]] = {
            name: tuple(v for v in variants.get(name, ()) if v != name)
            for name in sorted(self._typed, key=lambda name: (name.casefold(), name))
        }
        """Each speaker with a row -> their other spellings as the summary lists them
        ("Austin", "he → Lloyd Austin"), by name."""
        self.choices = {label(name, others): name for name, others in self.spellings.items()}
        """The source filter's choices: label -> speaker, made here, not as the prompt
        opens."""

    def typed_as(self, speaker: str) -> tuple[frozenset[str], frozenset[str]]:
        """The sources, as typed, of the rows named `speaker`, and those among them
        that name the speaker whatever row holds them (not a pronoun or a role): a
        filter keeps a row only if its source is one of the first, and reads `of` only
        for a source that is not one of the second (a row's speaker at C speed)."""
        typed = frozenset(self._typed.get(speaker, ()))
        resolves = self._names.speakers.resolves
        return typed, frozenset(source for source in typed if not resolves(source))

    def searched(self, annotation: Annotation, haystack: str) -> str:
        """`haystack` (a row's search text) with the speaker its source names when that
        is not the source as typed ("She" -> "… shirin akhter"): the review's search
        finds every row the source filter keeps for a name."""
        source = annotation.source
        if not source or source not in self.resolving:
            return haystack
        key = (annotation.article_id, annotation.index, annotation.annotator, source)
        extra = self._searched.get(key)
        if extra is None:
            name = self.of(annotation)
            extra = self._searched[key] = (
                "" if name is None or name == source else " " + search_key(name)
            )
        return haystack + extra if extra else haystack

    def of(self, annotation: Annotation) -> str | None:
        """The speaker the summary counts the annotation under (None: no source).

        An annotation edited since this was built is named by its spelling until the
        next build (the screen starts one after such an edit)."""
        if annotation.is_orphan or annotation.article_id not in self._texts:
            apart = self._apart
            if apart.resolves(annotation.source):
                told = apart.speaker(annotation)
                if told is not None:
                    return self._names.spelled(told)
                unresolved = apart.unresolved_name(annotation)
                if unresolved is not None:
                    return unresolved
            return self._names.spelled(annotation.source)
        return self._names(annotation)


def shown_source(annotation: Annotation, speakers: ReviewSpeakers | None) -> str:
    """A row's source as the review's source column shows it: as typed, with the speaker
    the summary counts it under when that is another name ("She → Ingrid Sæther",
    "Commander Sæther → Ingrid Sæther", qa13 Q18: "She" said nothing of whom); a
    pronoun that names nobody as the summary lists it, "he (unresolved, in “Title”)".
    As typed while the speakers are not read yet (`speakers` None)."""
    source = annotation.source or ""
    name = speakers.of(annotation) if speakers is not None and source else None
    if name is None or name == source:
        return source
    if name.casefold().startswith(f"{source.casefold()} ("):
        return name  # the summary's own label of an unresolved (or moved) pronoun
    return arrow(source, name)


def label(speaker: str, others: Sequence[str]) -> str:
    """A choice as the filter prompt shows it: 'Lloyd Austin (also Austin, he → Lloyd
    Austin)', what draws nothing escaped: "Put" + U+200B + "in" is another speaker than
    "Putin", and was offered as a second "Putin" (tr18)."""
    shown = invisible_shown(speaker)
    return f"{shown} (also {', '.join(map(invisible_shown, others))})" if others else shown


def known_articles(
    remembered: Iterable[ArticleInfo], corpus: Iterable[Article]
) -> list[ArticleInfo]:
    """The articles the store remembers, with the corpus's titles and hashes over theirs
    (what the summary names articles by), without segmenting any."""
    known = {info.article_id: info for info in remembered}
    for article in corpus:
        known[article.id] = ArticleInfo(article.id, article.title, article.sha256)
    return list(known.values())
