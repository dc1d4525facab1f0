"""Realistic synthetic corpora and annotations, made from the bundled articles.

Benchmarks at 10,000 articles and 100,000 annotations need data of that size whose
sentences look like the real ones (length, punctuation, quotations, names, numbers).
Each synthetic article recombines the bundled articles' sentences, with the names and
numbers varied per article, so search and export see distinct text. Everything is
drawn from a seeded generator: the same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.analysis.sources.grouping import clean_source
from workbench.core.analysis.sources.speakers import PLAIN, source_kind
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, typed_speakers
from workbench.core.annotation import STATUSES, TAGS, Anchor, Annotation, Suggested
from workbench.core.corpus.articles import Article, Corpus, load_corpus
from workbench.core.corpus.sentences import Sentence, sentence_spans

ANNOTATORS: tuple[tuple[str, float], ...] = (("analyst", 0.8), ("reviewer", 0.2))
"""Who annotated, and how often: most of a database is the main analyst's."""

CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"\d+")
KEPT_WORDS = frozenset(
    re.findall(
        r"\w+",
        """The This That These Those There Then They Their He She His Her It Its In On At
    For From But And As An After Before When While With Without Some Many Most Mr Mrs Ms
    Gen General President Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Pentagon Kremlin Russia Russian Ukraine Ukrainian Korea Korean North South American
    United States Moscow Kyiv Washington China Chinese Europe European""",
    )
)
"""Capitalised words left alone: function words, titles, dates and the places that
give the articles their topic. Every other capitalised word is treated as a name."""

SYLLABLES = (
    "an", "ber", "cor", "da", "el", "fen", "gar", "hol", "ir", "jas", "kov", "lin",
    "mar", "nov", "or", "pet", "quin", "ros", "sal", "tor", "ul", "vel", "wen", "yar",
)  # fmt: skip

TITLES = ("Mr.", "Ms.", "Gen.", "President", "Minister", "Dr.")
BODIES = ("ministry", "agency", "institute", "command", "committee")

PRONOUN_SOURCES = (("she", 28), ("he", 21), ("it", 7), ("they", 2))
"""Pronoun sources and how often each is typed: the hand-tagged sentences of
bench/data/suggest_*.txt (58 pronouns among 462 sources; "she"/"She" 28, "he"/"He" 21,
"it"/"It" 7, "they" 2), which follow the guideline's "a pronoun kept as the pronoun"."""
PRONOUN_SHARE = 58 / 462
"""Of the sources, the share typed as a pronoun (12.6 %), as in those files."""
ROLE_SOURCES = ("the spokesman", "the ministry", "the agency")
ROLE_SHARE = 0.02
"""Of the sources, the share typed as a definite bare role. The guideline drops a leading
"the", so the hand-tagged files have none; analysts still type a few."""

NOTES = (
    "Check against the ministry's statement.",
    "Figure differs from the wire report.",
    "Second source needed.",
    "Quote verified on video.",
    "Ask the desk about the date.",
)


@dataclass(frozen=True, slots=True)
class SentencePool:
    """What synthetic articles are made of: the bundled articles' titles and sentences."""

    titles: tuple[str, ...]
    sentences: tuple[str, ...]

    @classmethod
    def bundled(cls) -> SentencePool:
        corpus = load_corpus()
        titles = tuple(article.title for article in corpus)
        sentences = tuple(
            sentence.text
            for article in corpus
            for sentence in article.sentences
            if sentence.text != article.title and len(sentence.text) >= 20
        )
        return cls(titles, sentences)


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    """An article's text and its sentences' spans."""

    id: str
    text: str
    spans: tuple[tuple[int, int, int], ...]
    """(start, end, paragraph) of every sentence, as workbench.core.corpus.sentences finds them."""

    def to_article(self, folder: Path) -> Article:
        """A corpus Article with its sentences already segmented."""
        article = Article(id=self.id, path=folder / f"{self.id}.txt", text=self.text)
        article.__dict__["sentences"] = [
            Sentence(self.id, index, start, end, self.text[start:end], paragraph)
            for index, (start, end, paragraph) in enumerate(self.spans)
        ]
        return article


def surname(rng: random.Random) -> str:
    """A made-up surname of two or three syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def varied(sentence: str, names: dict[str, str], rng: random.Random) -> str:
    """The sentence with its names mapped through `names` (one mapping per article, so
    an article stays consistent) and each number replaced by one of the same length."""

    def name(match: re.Match[str]) -> str:
        word = match.group()
        if match.start() == 0 or word in KEPT_WORDS:
            return word
        if word not in names:
            names[word] = surname(rng)
        return names[word]

    def number(match: re.Match[str]) -> str:
        digits = len(match.group())
        low = 10 ** (digits - 1)
        return str(rng.randint(low, 10**digits - 1))

    return NUMBER.sub(number, CAPITALISED.sub(name, sentence))


def synthetic_article(number: int, pool: SentencePool, rng: random.Random) -> SyntheticArticle:
    """A title, then 10 to 22 paragraphs of 1 to 3 sentences: about the bundled articles' size.

    The spans are the real segmenter's, so annotations anchor where the app puts sentences.
    """
    names: dict[str, str] = {}
    lines = [varied(rng.choice(pool.titles), names, rng)]
    for _ in range(rng.randint(10, 22)):
        count = rng.randint(1, 3)
        lines.append(" ".join(varied(rng.choice(pool.sentences), names, rng) for _ in range(count)))
    text = "\n".join(lines) + "\n"
    return SyntheticArticle(f"syn{number:05d}", text, tuple(sentence_spans(text)))


def synthetic_articles(
    count: int, seed: int = 7, pool: SentencePool | None = None
) -> list[SyntheticArticle]:
    """`count` articles, the same ones for the same seed."""
    pool = pool or SentencePool.bundled()
    rng = random.Random(seed)
    return [synthetic_article(number, pool, rng) for number in range(count)]


def write_corpus(articles: list[SyntheticArticle], folder: Path) -> Path:
    """One .txt file per article in `folder` (created), as the program reads a corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return folder


def in_memory_corpus(articles: list[SyntheticArticle], folder: Path) -> Corpus:
    """The articles as a loaded Corpus, without reading files or segmenting."""
    return Corpus([article.to_article(folder) for article in articles], [], (folder,))


def annotation_slots(
    articles: list[SyntheticArticle], rng: random.Random
) -> Iterator[tuple[str, SyntheticArticle, int]]:
    """(annotator, article, sentence index) in random order, each at most once."""
    slots = [
        (annotator, number, index)
        for annotator, _share in ANNOTATORS
        for number, article in enumerate(articles)
        for index in range(len(article.spans))
    ]
    rng.shuffle(slots)
    weights = dict(ANNOTATORS)
    for annotator, number, index in slots:
        # Thin the minor annotators out so each keeps roughly its share.
        if rng.random() < weights[annotator] / weights[ANNOTATORS[0][0]]:
            yield annotator, articles[number], index


def source_spellings(rng: random.Random, people: int = 1_500, groups: int = 150) -> list[str]:
    """Who says things, as analysts type it: each person as full name, title and surname,
    or surname alone; a few organisations. The most quoted come first."""
    spellings: list[str] = []
    for _ in range(people):
        first, last = surname(rng), surname(rng)
        title = rng.choice(TITLES)
        spellings.extend((f"{first} {last}", f"{title} {last}", last))
    spellings.extend(f"the {surname(rng)} {rng.choice(BODIES)}" for _ in range(groups))
    rng.shuffle(spellings)
    return spellings


def quoted_source(spellings: list[str], rng: random.Random) -> str:
    """A source, skewed towards the head of the list as quotes are in the news."""
    return spellings[int(len(spellings) * rng.random() ** 3)]


def synthetic_annotation(
    slot: tuple[str, SyntheticArticle, int],
    sha256: str,
    serial: int,
    rng: random.Random,
    spellings: list[str],
    voices: random.Random,
) -> Annotation:
    """A plausible judgement: mostly claims and attributions, some with a source and a note.

    `voices` turns a share of the sources into pronouns and bare roles, as analysts
    type them; it is a generator of its own so that every other draw stays the same."""
    annotator, article, index = slot
    start, end, _paragraph = article.spans[index]
    anchor = Anchor.in_text(article.id, sha256, article.text, index, start, end)
    tags = [tag for tag, chance in zip(TAGS, (0.6, 0.4, 0.1), strict=True) if rng.random() < chance]
    status = rng.choice(STATUSES) if rng.random() < 0.5 else STATUSES[0]
    if not tags and status == STATUSES[0]:
        tags = [TAGS[0]]
    stamp = (
        f"2025-01-{1 + serial // 86_400 % 28:02d}T{serial // 3600 % 24:02d}:"
        f"{serial // 60 % 60:02d}:{serial % 60:02d}.000000Z"
    )
    return Annotation.new(
        anchor,
        annotator,
        tags=tuple(tags),
        source=as_typed(quoted_source(spellings, rng), voices) if rng.random() < 0.4 else None,
        note=rng.choice(NOTES) if rng.random() < 0.2 else "",
        status=status,
        created_at=stamp,
    )


def as_typed(source: str, voices: random.Random) -> str:
    """`source`, or in PRONOUN_SHARE and ROLE_SHARE of draws a pronoun or a bare role in
    its place (capitalised as at the start of a sentence about half the time)."""
    draw = voices.random()
    if draw < PRONOUN_SHARE:
        pronouns = [pronoun for pronoun, _ in PRONOUN_SOURCES]
        weights = [weight for _, weight in PRONOUN_SOURCES]
        pronoun = voices.choices(pronouns, weights)[0]
        return pronoun.capitalize() if voices.random() < 0.5 else pronoun
    if draw < PRONOUN_SHARE + ROLE_SHARE:
        return voices.choice(ROLE_SOURCES)
    return source


def synthetic_annotations(
    articles: list[SyntheticArticle], count: int, seed: int = 11
) -> list[Annotation]:
    """`count` annotations of distinct (annotator, article, sentence) keys.

    Raises ValueError when the articles have too few sentences for `count`.
    """
    rng = random.Random(seed)
    spellings = source_spellings(rng)
    voices = random.Random(seed + 1)
    hashes = {article.id: sha256_of(article.text) for article in articles}
    annotations: list[Annotation] = []
    for serial, slot in enumerate(annotation_slots(articles, rng)):
        if len(annotations) == count:
            break
        annotations.append(
            synthetic_annotation(slot, hashes[slot[1].id], serial, rng, spellings, voices)
        )
    if len(annotations) < count:
        raise ValueError(f"{len(articles)} articles hold only {len(annotations)} annotations")
    return annotations


ACCEPTED_SHARE = 0.73
"""Of the pronoun and role sources, the share saved with the suggestion accepted as is
(its provenance then names the speaker, `Suggested.resolved_source`): the suggester's
"accept as is" rate on unseen text (docs/SUGGESTIONS.md, blind set 2)."""


def with_provenance(
    annotations: list[Annotation], corpus: Corpus, seed: int = 13
) -> list[Annotation]:
    """`annotations`, ACCEPTED_SHARE of those with a pronoun or role source carrying the
    suggestion the analyst accepted, as the annotate screen records it: the same tags
    and source, and the speaker the suggester resolved it to on that text."""
    rng = random.Random(seed)
    accepted = [
        position
        for position, annotation in enumerate(annotations)
        if annotation.source is not None
        and source_kind(clean_source(annotation.source)) != PLAIN
        and rng.random() < ACCEPTED_SHARE
    ]
    typed: dict[str, dict[int, set[str]]] = {}
    for position in accepted:
        annotation = annotations[position]
        typed.setdefault(annotation.article_id, {}).setdefault(annotation.index, set()).add(
            clean_source(annotation.source or "")
        )
    by_id = corpus.by_id
    speakers = {
        article_id: typed_speakers(by_id[article_id].text, by_id[article_id].sentences, asked)
        for article_id, asked in typed.items()
    }
    provenanced = list(annotations)
    for position in accepted:
        annotation = annotations[position]
        source = annotation.source or ""
        speaker = speakers[annotation.article_id].get((annotation.index, clean_source(source)))
        suggestion = Suggested(
            version=SUGGESTER_VERSION,
            tags=annotation.tags,
            source=source,
            resolved_source=speaker,
            scores={tag: 0.9 if tag in annotation.tags else 0.1 for tag in TAGS},
        )
        provenanced[position] = replace(annotation, suggestion=suggestion)
    return provenanced


def sha256_of(text: str) -> str:
    """The article hash, as workbench.core.corpus.articles.Article computes it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
