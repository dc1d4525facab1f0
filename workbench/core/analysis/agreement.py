"""Inter-annotator agreement: per tag, Cohen's kappa and raw agreement between two analysts.

Each tag is a yes/no judgement per sentence. A sentence is compared when both analysts
have a record for it (same article, same index, same quote): the store keeps no record
for a sentence left blank, so by default a sentence only one analyst recorded is not
"both annotated" and is counted apart, not compared. With `missing_as_untagged`, every
sentence of an article both analysts annotated counts: one recorded by one analyst only
is untagged by the other, and one neither recorded (a byline, site furniture) is
"neither" for every tag (qa7 Q2: left out, a claim kappa of 0.000 at 10 of 12 sentences
agreed). The exports' article lists carry each text's sentence count; an article whose
count they do not carry is compared on its recorded sentences only, and named.

A record still to check (re-anchoring moved it onto a sentence only like the one
tagged) or orphaned (on no sentence) is not a judgement of the sentence its index
names: it is left out and counted apart (qa5 Q5, rv6 R6).

Kappa is computed exactly in integers: kappa = (n·agree − E) / (n² − E) with
E = yes_a·yes_b + no_a·no_b. When n² = E (both analysts gave every sentence the
same single answer) chance agreement is 1 and kappa is undefined: it is None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from workbench.core.annotation import CHECK, ORPHANED, TAGS, Annotation
from workbench.core.corpus.article_ids import form_twins, spellings_within, spellings_words
from workbench.core.terminal_text import name_printable

SentenceKey = tuple[str, int]
"""(article_id, sentence index)."""

TextKey = tuple[str, str]
"""(article_id, article_sha256): one text of an article."""


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """The 2x2 table of one tag over the compared sentences."""

    tag: str
    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def sentences(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def observed(self) -> float | None:
        """Raw agreement: the share of sentences where both gave the same answer."""
        n = self.sentences
        return None if n == 0 else (self.both + self.neither) / n

    @property
    def expected(self) -> float | None:
        """Agreement expected by chance from each analyst's own rate of saying yes."""
        n = self.sentences
        return None if n == 0 else self._chance_products() / (n * n)

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None with no sentences or when chance agreement is 1."""
        n = self.sentences
        chance = self._chance_products()
        if n == 0 or chance == n * n:
            return None
        return (n * (self.both + self.neither) - chance) / (n * n - chance)

    def _chance_products(self) -> int:
        n = self.sentences
        yes_a, yes_b = self.both + self.only_a, self.both + self.only_b
        return yes_a * yes_b + (n - yes_a) * (n - yes_b)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A compared sentence whose tags differ between the two analysts."""

    article_id: str
    index: int
    quote: str
    tags_a: tuple[str, ...]
    tags_b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceDisagreement:
    """A compared sentence both analysts tagged attribution, crediting different sources:
    who says it is half of an attribution (qa9 Q8: "disagreements: 0" where one analyst
    credited the figure to the union and the other to the governor)."""

    article_id: str
    index: int
    quote: str
    source_a: str | None
    source_b: str | None
    speaker_a: str | None = None
    """Whom A's source was accepted as naming, when not the source itself ("She" →
    "Ilse Marwood"): one pronoun typed by both may name two people (qa16 Q19)."""
    speaker_b: str | None = None


@dataclass(frozen=True, slots=True)
class StatusDisagreement:
    """A compared sentence both analysts recorded with different verification statuses:
    the status is what a desk publishes (ClaimReview's rating), so "supported" against
    "refuted" is a disagreement even when the tags agree (qa10 Q15)."""

    article_id: str
    index: int
    quote: str
    status_a: str
    status_b: str


@dataclass(frozen=True, slots=True)
class DifferentTexts:
    """An article both analysts annotated, but on different texts of it (the sha256 of
    each side's annotations): exports made before and after a correction. Its sentences
    are not compared, since the same index may be another sentence."""

    article_id: str
    texts_a: tuple[str, ...]
    texts_b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    annotator_a: str
    annotator_b: str
    compared: int
    only_a: int
    """Sentences recorded by A only (not compared unless missing_as_untagged)."""
    only_b: int
    mismatched: int
    """Same article and index but a different quote: the article changed; not compared."""
    per_tag: tuple[TagAgreement, ...]
    disagreements: tuple[Disagreement, ...]
    source_disagreements: tuple[SourceDisagreement, ...] = ()
    """Sentences both tagged attribution whose sources name different speakers (as the
    summary groups spellings: "The national weather office" is "national weather
    office")."""
    status_disagreements: tuple[StatusDisagreement, ...] = ()
    """Sentences both recorded whose verification statuses differ."""
    different_texts: tuple[DifferentTexts, ...] = ()
    """Articles not compared at all: A's and B's annotations are on different texts."""
    unplaced_a: int = 0
    """A's records still to check or orphaned: made on other words, not compared."""
    unplaced_b: int = 0
    recorded_by_both: int = 0
    """Compared sentences both analysts recorded (all compared ones by default)."""
    filled_a: int = 0
    """Compared sentences A recorded and B left blank (only with missing_as_untagged)."""
    filled_b: int = 0
    blank: int = 0
    """Sentences neither analyst recorded, in articles both annotated: compared as
    "neither" with missing_as_untagged, left out (and counted here) without it."""
    one_sided_shared: int = 0
    """Sentences recorded by one analyst only in articles both annotated: compared with
    missing_as_untagged, left out without it (they are within only_a, only_b then)."""
    compared_articles: int = 0
    """Articles both analysts annotated (on one text), whose sentences are compared."""
    uncounted: tuple[str, ...] = ()
    """Articles both annotated whose sentence count neither export carries: only their
    recorded sentences are known, so a sentence both left blank there is not counted."""

    @property
    def left_out_by_default(self) -> int:
        """Sentences of articles both annotated that --missing-as-untagged would compare."""
        return self.one_sided_shared + self.blank


def single_annotator(annotations: Iterable[Annotation], label: str) -> str:
    """The one analyst behind `annotations`; ValueError when there are none or several."""
    names = sorted({annotation.annotator for annotation in annotations})
    if len(names) != 1:
        found = (
            "no annotations" if not names else f"annotators {', '.join(map(name_printable, names))}"
        )
        raise ValueError(
            f"{label}: expected one analyst's annotations, found {found} "
            "(export with --annotator NAME)"
        )
    return names[0]


def one_spelling_each(annotations: Iterable[Annotation], label: str) -> None:
    """ValueError when `annotations` hold one article under two Unicode forms of its
    name: read as one (spelt_as_in), the sentences both forms annotate were compared
    once and the other annotation dropped without a word (tr13 T3)."""
    groups = spellings_within({annotation.article_id for annotation in annotations})
    if groups:
        raise ValueError(
            f"{label}: {spellings_words(groups)}: agree cannot tell which to compare. Export "
            "again once the database holds each article under one spelling"
        )


def spelt_as_in(b: Sequence[Annotation], a: Sequence[Annotation]) -> Sequence[Annotation]:
    """`b` with each article id that differs from one of `a` only in its Unicode form
    spelt as in `a`: one file name, as a Mac and Linux write it (tr11 T13: an export
    made on a Mac's copy was compared with nothing)."""
    twins = dict(form_twins({x.article_id for x in b}, {x.article_id for x in a}))
    if not twins:
        return b
    return [replace(x, article_id=twins[x.article_id]) if x.article_id in twins else x for x in b]


def by_sentence(annotations: Iterable[Annotation]) -> dict[SentenceKey, Annotation]:
    return {(annotation.article_id, annotation.index): annotation for annotation in annotations}


def compare(
    a: Sequence[Annotation],
    b: Sequence[Annotation],
    missing_as_untagged: bool = False,
    sentence_counts: Mapping[TextKey, int] | None = None,
) -> AgreementReport:
    """Agreement between two analysts, each given as their own annotations;
    `sentence_counts` holds how many sentences each text of an article has (the
    exports' article lists), which is what makes a sentence both left blank known."""
    names = (single_annotator(a, "A") if a else "", single_annotator(b, "B") if b else "")
    b = spelt_as_in(b, a)
    placed_a, placed_b = on_their_sentence(a), on_their_sentence(b)
    unplaced = (len(a) - len(placed_a), len(b) - len(placed_b))
    held = {(x.article_id, x.index) for x in (*a, *b) if x.anchor_state == CHECK}
    a, b = placed_a, placed_b
    different = different_texts(a, b)
    skipped = {item.article_id for item in different}
    first = by_sentence(annotation for annotation in a if annotation.article_id not in skipped)
    second = by_sentence(annotation for annotation in b if annotation.article_id not in skipped)
    shared = shared_texts(first.values(), second.values())
    counts = sentence_counts or {}
    blank_keys = (
        {
            (article_id, index)
            for article_id, sha in shared.items()
            for index in range(counts.get((article_id, sha), 0))
        }
        - first.keys()
        - second.keys()
        - held
    )
    pairs: list[tuple[SentenceKey, str, tuple[str, ...], tuple[str, ...]]] = []
    mismatched = one_sided_shared = 0
    for key in sorted(first.keys() | second.keys()):
        left, right = first.get(key), second.get(key)
        if left is not None and right is not None:
            if left.quote != right.quote:
                mismatched += 1
                continue
            pairs.append((key, left.quote, left.tags, right.tags))
        elif key[0] in shared and key not in held:
            one_sided_shared += 1
            if missing_as_untagged:
                recorded = left or right
                assert recorded is not None
                pairs.append(
                    (key, recorded.quote, left.tags if left else (), right.tags if right else ())
                )
    judgements = [(ta, tb) for _, _, ta, tb in pairs]
    if missing_as_untagged:
        judgements += [((), ())] * len(blank_keys)
    compared_keys = {key for key, *_ in pairs}
    per_tag = tuple(tag_agreement(tag, judgements) for tag in TAGS)
    disagreements = tuple(
        Disagreement(key[0], key[1], quote, ta, tb) for key, quote, ta, tb in pairs if ta != tb
    )
    both = [key for key, *_ in pairs if key in first and key in second]
    speaker = speakers(side[key] for key in both for side in (first, second))
    sources = tuple(
        SourceDisagreement(
            key[0],
            key[1],
            first[key].quote,
            first[key].source,
            second[key].source,
            accepted_speaker(first[key]),
            accepted_speaker(second[key]),
        )
        for key in both
        if credited_apart(first[key], second[key], speaker)
    )
    statuses = tuple(
        StatusDisagreement(key[0], key[1], first[key].quote, first[key].status, second[key].status)
        for key in both
        if first[key].status != second[key].status
    )
    return AgreementReport(
        annotator_a=names[0],
        annotator_b=names[1],
        compared=len(judgements),
        only_a=sum(1 for key in first.keys() - second.keys() if key not in compared_keys),
        only_b=sum(1 for key in second.keys() - first.keys() if key not in compared_keys),
        mismatched=mismatched,
        per_tag=per_tag,
        disagreements=disagreements,
        source_disagreements=sources,
        status_disagreements=statuses,
        different_texts=different,
        unplaced_a=unplaced[0],
        unplaced_b=unplaced[1],
        recorded_by_both=sum(1 for key in compared_keys if key in first and key in second),
        filled_a=sum(1 for key in compared_keys if key not in second),
        filled_b=sum(1 for key in compared_keys if key not in first),
        blank=len(blank_keys),
        one_sided_shared=one_sided_shared,
        compared_articles=len(shared),
        uncounted=tuple(
            sorted(
                article_id for article_id, sha in shared.items() if (article_id, sha) not in counts
            )
        ),
    )


def credited_apart(
    a: Annotation, b: Annotation, speaker: Callable[[Annotation], str] | None = None
) -> bool:
    """Both tagged attribution, and their sources name different speakers: other than in
    spacing or case, and, with `speaker` (speakers()), other than as the summary groups
    spellings of one speaker or as the suggestion each analyst kept resolved them."""
    if "attribution" not in a.tags or "attribution" not in b.tags:
        return False
    if speaker is None:
        return _spoken_as(a.source) != _spoken_as(b.source)
    return speaker(a) != speaker(b)


def speakers(annotations: Iterable[Annotation]) -> Callable[[Annotation], str]:
    """The speaker an annotation's source names, as the summary's Sources table groups
    the sources of these annotations (sources/grouping.py): "The national weather
    office" and "national weather office" are one, as are "General Ryder" and "Ryder"
    (qa10 Q15, tr11 T5); a pronoun or a role is the speaker the analyst kept its
    suggestion resolving it to (sources/accepted.py: "minister" shown "minister → José
    Peña" is José Peña, qa13 Q8), a pronoun nobody resolved no one."""
    from workbench.core.analysis.sources.accepted import (  # only when sources are compared
        named_speaker,
        named_speaker_index,
    )
    from workbench.core.analysis.sources.grouping import canonical_source

    index = named_speaker_index(annotations)

    def speaker(annotation: Annotation) -> str:
        name = named_speaker(annotation)
        return _spoken_as(canonical_source(index, name) or name)

    return speaker


def accepted_speaker(annotation: Annotation) -> str | None:
    """The speaker the analyst accepted the source as naming ("She" → "Ilse Marwood"),
    or None when that is the source itself or nobody."""
    from workbench.core.analysis.sources.accepted import named_speaker

    named = named_speaker(annotation)
    return named if named is not None and named != annotation.source else None


def _spoken_as(source: str | None) -> str:
    return " ".join((source or "").split()).casefold()


def shared_texts(first: Iterable[Annotation], second: Iterable[Annotation]) -> dict[str, str]:
    """The articles both analysts annotated, each with the one text both annotated ("" for
    an article whose records are on several texts: its sentences cannot be counted)."""
    texts: dict[str, set[str]] = {}
    for annotation in (*first, *second):
        texts.setdefault(annotation.article_id, set()).add(annotation.article_sha256)
    both = {annotation.article_id for annotation in first} & {
        annotation.article_id for annotation in second
    }
    return {
        article_id: next(iter(texts[article_id])) if len(texts[article_id]) == 1 else ""
        for article_id in both
    }


def sentence_counts(*article_lists: Iterable[Mapping[str, object]]) -> dict[TextKey, int]:
    """Each text's sentence count from export files' article lists (`id`, `sha256`,
    `sentences`); a text two lists count differently (another sentence splitter) is left
    out, so its blank sentences are not guessed."""
    counts: dict[TextKey, int] = {}
    disputed: set[TextKey] = set()
    for listed in article_lists:
        for record in listed:
            count = record.get("sentences")
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                continue
            key = (str(record.get("id")), str(record.get("sha256")))
            if counts.setdefault(key, count) != count:
                disputed.add(key)
    return {key: count for key, count in counts.items() if key not in disputed}


def on_their_sentence(annotations: Sequence[Annotation]) -> list[Annotation]:
    """The annotations made on the sentence they are on: not to check, not orphaned."""
    return [a for a in annotations if a.anchor_state not in (CHECK, ORPHANED)]


def different_texts(a: Iterable[Annotation], b: Iterable[Annotation]) -> tuple[DifferentTexts, ...]:
    """The articles both sides annotated whose annotations are on different texts."""
    texts_a: dict[str, set[str]] = {}
    texts_b: dict[str, set[str]] = {}
    for texts, side in ((texts_a, a), (texts_b, b)):
        for annotation in side:
            texts.setdefault(annotation.article_id, set()).add(annotation.article_sha256)
    return tuple(
        DifferentTexts(
            article_id, tuple(sorted(texts_a[article_id])), tuple(sorted(texts_b[article_id]))
        )
        for article_id in sorted(texts_a.keys() & texts_b.keys())
        if texts_a[article_id] != texts_b[article_id]
    )


def tag_agreement(
    tag: str, judgements: Iterable[tuple[tuple[str, ...], tuple[str, ...]]]
) -> TagAgreement:
    """Count the 2x2 table of `tag` over (tags by A, tags by B) pairs."""
    both = only_a = only_b = neither = 0
    for tags_a, tags_b in judgements:
        in_a, in_b = tag in tags_a, tag in tags_b
        if in_a and in_b:
            both += 1
        elif in_a:
            only_a += 1
        elif in_b:
            only_b += 1
        else:
            neither += 1
    return TagAgreement(tag, both, only_a, only_b, neither)
