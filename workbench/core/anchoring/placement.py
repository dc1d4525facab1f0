"""Re-anchoring: annotations made on one version of an article, placed on another.

Each annotation names the text it was made on (article_sha256) and its sentence there
(index, start, end, quote, and up to 32 characters of prefix and suffix). When an
article's text is no longer that text, or its segmentation no longer puts the quote at
that index (a segmenter upgrade), the article's annotations are placed again, by these
rules in order (docs/decisions/reanchoring.md):

1. the same quote at the same index: kept, unless its surroundings are unlike the old
   ones (then to check: it may be another copy of the sentence);
2. the exact quote elsewhere: moved there; a move into unlike surroundings is marked
   to check;
3. a sentence whose similarity() to the quote reaches the threshold: moved there, to
   be checked by the analyst (the most similar first, then the closest context), unless
   it has lost both the sentence's speaker and one of its figures (same_statement.py:
   another statement in the same frame, not an edit);
4. otherwise orphaned: kept with all its data, on no sentence.

A text that holds nothing known of the annotated one (no quote, no piece of their
surroundings: another article with the same file name, another_article.py) places
nothing: every annotation is orphaned.

Orphans of the article are tried again by the same steps, after the placed annotations
(an orphan only takes a sentence nobody of its annotator holds): one that finds its
sentence comes back (REATTACHED, or CHECK by a similar match), `current` when the text
is again the one it was anchored to; one that does not stays as it is, out of the plan.

When the quote occurs more than once in the new text, steps 1 and 2 choose among its
copies by their surroundings (CopyFit), never by the index alone: the copy at the old
index may be the other one (two paragraphs swapped). Unless the chosen copy keeps
clearly more of the annotation's surroundings exactly than any other copy
(DECISIVE_CHARS), the context has not told the copies apart and the annotation is
marked to check, wherever it lands.

One annotator's annotations never share a sentence: an annotation already right for
the new text keeps its sentence, the others compete for the rest, best match first,
and one that finds nothing free is orphaned, never merged into another.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from rapidfuzz import fuzz, process, utils

from workbench.core.analysis.sources.speakers import moved, reads_its_neighbours
from workbench.core.anchoring.another_article import is_another_article
from workbench.core.anchoring.same_reading import recovered_text, same_speakers
from workbench.core.anchoring.same_start import unchanged_start
from workbench.core.anchoring.same_statement import can_be_the_same
from workbench.core.anchoring.threshold import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from workbench.core.annotation import (
    CONTEXT_CHARS,
    CURRENT,
    ORPHANED,
    REANCHORED,
    Anchor,
    Annotation,
)
from workbench.core.corpus.sentences import Sentence
from workbench.core.terminal_text import format_characters_but_bidi, name_printable

UNCHANGED = "unchanged"
MOVED = "moved"
CHECK = "check"
ORPHAN = "orphaned"
REATTACHED = "reattached"
IN_PLACE = "in place"
"""Not an outcome: what count() and outcome_counts() call the unchanged ones marked
"reanchored" at their own sentence (Placement.in_place)."""
OUTCOMES: tuple[str, ...] = (UNCHANGED, MOVED, CHECK, ORPHAN, REATTACHED)
"""What re-anchoring did to one annotation (the CLI's and the notices' words);
REATTACHED: an orphan back on a sentence by an exact match, or one to check back on the
sentence it was tagged on (tr7 T13; counted apart from orphans in the TUI, rv8 R5)."""


CONTEXT_FLOOR = 50.0
"""An exact quote found elsewhere whose surroundings are less alike than this (0-100) is
moved but marked to check: after edits, such a move is most often onto another copy of
the sentence while the real one was corrected (see the decision note)."""

DECISIVE_CHARS = 3
"""How many more characters next to it (CopyFit.kept) the chosen copy of a repeated
sentence must keep than any other copy for the choice to stand unchecked: every copy
shares the sentence break (". ") and may share a letter or two by chance."""

SCORER = fuzz.ratio
"""The rapidfuzz scorer behind similarity(): chosen by the measurements (the note compares
token_sort_ratio, partial_ratio and WRatio too)."""


class ArticleText(Protocol):
    """What re-anchoring needs of an article (workbench.core.corpus.articles.Article has it)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def sentences(self) -> list[Sentence]: ...


def similarity(quote: str, sentence: str) -> float:
    """How alike an old quote and a new sentence are, 0 to 100: rapidfuzz's normalised
    Indel similarity of the two after lower-casing and dropping punctuation (so a fixed
    typo or a changed figure scores high, a rewritten sentence low)."""
    return float(SCORER(quote, sentence, processor=_processed))


def context_similarity(annotation: Annotation, text: str, start: int, end: int) -> float:
    """How alike the annotation's prefix and suffix are to those of text[start:end]."""
    prefix = composed(text[max(0, start - CONTEXT_CHARS) : start])
    suffix = composed(text[end : end + CONTEXT_CHARS])
    old_prefix, old_suffix = composed(annotation.prefix), composed(annotation.suffix)
    return (fuzz.ratio(old_prefix, prefix) + fuzz.ratio(old_suffix, suffix)) / 2


@dataclass(frozen=True, slots=True)
class CopyFit:
    """How well one copy of a repeated sentence fits an annotation's surroundings.

    Each side (prefix, suffix) is cut at the paragraph break nearest the sentence.
    Edits move paragraphs as wholes: after two paragraphs are swapped, each copy keeps
    one old neighbour across a break, and only its own paragraph tells which copy it
    is. And neighbouring sentences that differ in one word or figure are alike by any
    similarity, while that word is what tells the copies apart. So what decides is
    `kept`: how many characters next to the sentence, inside its paragraph, are still
    exactly as they were (counted outwards from the sentence on each side, up to the
    first difference; only for a sentence that is a paragraph of its own, which has
    none, across the breaks). `alike` (0-100: rapidfuzz ratio of the parts, each
    weighing by its length, those inside the paragraph twice) only ranks copies that
    `kept` does not tell apart, and such a choice is to check."""

    kept: int
    alike: float

    @classmethod
    def of(cls, annotation: Annotation, text: str, start: int, end: int) -> CopyFit:
        prefix = composed(text[max(0, start - CONTEXT_CHARS) : start])
        suffix = composed(text[end : end + CONTEXT_CHARS])
        old_prefix, old_suffix = composed(annotation.prefix), composed(annotation.suffix)
        old_far, old_near = _split_before(old_prefix)
        new_far, new_near = _split_before(prefix)
        old_after, old_beyond = _split_after(old_suffix)
        new_after, new_beyond = _split_after(suffix)
        if old_near or old_after:
            kept = _same_end(old_near, new_near) + _same_start(old_after, new_after)
        else:
            kept = _same_end(old_prefix, prefix) + _same_start(old_suffix, suffix)
        inside = ((old_near, new_near), (old_after, new_after))
        beyond = ((old_far, new_far), (old_beyond, new_beyond))
        weight = total = 0.0
        for parts, times in ((inside, 2), (beyond, 1)):
            for old, new in parts:
                weight += times * len(old)
                total += times * len(old) * fuzz.ratio(old, new)
        return cls(kept, total / weight if weight else 100.0)


def _same_start(old: str, new: str) -> int:
    """How many characters `old` and `new` share from their start."""
    same = 0
    for old_char, new_char in zip(old, new, strict=False):
        if old_char != new_char:
            break
        same += 1
    return same


def _same_end(old: str, new: str) -> int:
    """How many characters `old` and `new` share at their end."""
    return _same_start(old[::-1], new[::-1])


def _split_before(prefix: str) -> tuple[str, str]:
    """(beyond the last paragraph break, in the sentence's paragraph) of a prefix."""
    beyond, newline, near = prefix.rpartition("\n")
    return beyond + newline, near


def _split_after(suffix: str) -> tuple[str, str]:
    """(in the sentence's paragraph, from the next paragraph break on) of a suffix."""
    near, newline, beyond = suffix.partition("\n")
    return near, newline + beyond


def is_anchored(annotation: Annotation, article: ArticleText) -> bool:
    """True when the annotation's anchor is right for the article as it is: the same text,
    and the sentence at its index is exactly its span (the segmenter agrees)."""
    if annotation.article_sha256 != article.sha256 or annotation.is_orphan:
        return False
    sentences = article.sentences
    if not 0 <= annotation.index < len(sentences):
        return False
    sentence = sentences[annotation.index]
    return sentence.start == annotation.start and sentence.end == annotation.end


@dataclass(frozen=True, slots=True)
class Placement:
    """One annotation before and after re-anchoring, and what happened to it."""

    before: Annotation
    after: Annotation
    outcome: str
    similarity: float
    """similarity() of the old quote and the new sentence (100 for an exact match, 0 for
    an orphan)."""

    @property
    def changed(self) -> bool:
        """True when the stored record must change (offsets, text hash, place or state)."""
        return self.after != self.before

    @property
    def new_index(self) -> int | None:
        return None if self.outcome == ORPHAN else self.after.index

    @property
    def in_place(self) -> bool:
        """True for one kept at its sentence but marked "reanchored" by this plan (a
        speaker read from its neighbours that may read differently now, _kept_state):
        its outcome is "unchanged" (it did not move), and reports count it apart, so
        that what they say and what is stored agree (qa10 Q9 addendum 2: "0 moved"
        printed, three stored "reanchored")."""
        return (
            self.outcome == UNCHANGED
            and self.after.anchor_state == REANCHORED
            and self.before.anchor_state != REANCHORED
        )


@dataclass(frozen=True, slots=True)
class ArticlePlan:
    """The re-anchoring of one article's annotations onto its current text."""

    article_id: str
    sha256: str
    placements: tuple[Placement, ...]
    another_article: bool = False
    """True when the text holds nothing known of the annotated one: every annotation
    was orphaned as made on another article (another_article.py)."""
    others: tuple[Placement, ...] = ()
    """The other analysts' placements, left out of `placements` (never stored by this
    plan): where their sentences went, for the ledger decisions that name them."""

    @property
    def whole(self) -> bool:
        """True when storing this plan leaves every annotation of the article fitting
        its text (no other analyst's would change): only then may the store remember
        the article as seen with this text and segmenter."""
        return not any(placement.changed for placement in self.others)

    def of_annotator(self, *annotators: str) -> ArticlePlan:
        """This plan for one analyst's writer (tr7 T15): their placements only (an
        import's: also those of the analysts whose records it writes); the others' kept
        aside, as made, until their own analyst's workbench stores them."""
        every = (*self.placements, *self.others)
        names = frozenset(annotators)
        return replace(
            self,
            placements=tuple(p for p in every if p.before.annotator in names),
            others=tuple(p for p in every if p.before.annotator not in names),
        )

    def count(self, outcome: str) -> int:
        if outcome == IN_PLACE:
            return sum(1 for placement in self.placements if placement.in_place)
        return sum(1 for placement in self.placements if placement.outcome == outcome)

    @property
    def changes(self) -> list[Placement]:
        """The placements whose stored record changes."""
        return [placement for placement in self.placements if placement.changed]

    @property
    def affected(self) -> list[Placement]:
        """The placements that are not "unchanged": what a report lists one by one."""
        return [p for p in self.placements if p.outcome != UNCHANGED]

    def line(self) -> str:
        """`ID: N unchanged, M moved, F to check, O orphaned` (what `reanchor` prints),
        then `, R re-attached` when orphans came back, and `, P in place to confirm`
        when some of the unchanged are marked (Placement.in_place)."""
        line = (
            f"{name_printable(self.article_id)}: {self.count(UNCHANGED)} unchanged, "
            f"{self.count(MOVED)} moved, "
            f"{self.count(CHECK)} to check, {self.count(ORPHAN)} orphaned"
        )
        reattached = self.count(REATTACHED)
        if reattached:
            line = f"{line}, {reattached} re-attached"
        line += in_place_words(self.count(IN_PLACE))
        if self.another_article:
            line = f"{line} (another article: nothing of the annotated text is in it)"
        return line


@dataclass
class _Sentences:
    """An article's sentences with what matching them needs, computed once per article."""

    article: ArticleText
    annotations: Sequence[Annotation] = ()
    """Every annotation of the article, any analyst's (what unchanged_start reads)."""
    sentences: list[Sentence] = field(init=False)
    _unchanged: dict[str, int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = self.article.sentences

    def before_unchanged(self, annotation: Annotation) -> bool:
        """True when everything before the annotation's sentence is shown to be as on
        the text it was made on, the sentence where it was (same_start.py)."""
        sha256 = annotation.article_sha256
        if sha256 not in self._unchanged:
            text = self.article.text
            self._unchanged[sha256] = unchanged_start(text, sha256, self.annotations)
        sentence = self.sentences[annotation.index]
        return sentence.start == annotation.start and self._unchanged[sha256] >= annotation.start

    @cached_property
    def by_text(self) -> dict[str, list[int]]:
        """Each sentence's index by its words as read (same_words): a quote is found
        exactly where only invisible characters changed."""
        found: dict[str, list[int]] = defaultdict(list)
        for sentence in self.sentences:
            found[same_words(sentence.text)].append(sentence.index)
        return found

    @cached_property
    def processed(self) -> list[str]:
        return [_processed(sentence.text) for sentence in self.sentences]

    def context(self, annotation: Annotation, index: int) -> float:
        sentence = self.sentences[index]
        return context_similarity(annotation, self.article.text, sentence.start, sentence.end)

    def fits(self, annotation: Annotation) -> dict[int, CopyFit]:
        """Every copy of the annotation's quote, by how well its surroundings fit (a lone
        copy need not be told apart from others: its fit is left level)."""
        copies = self.by_text.get(same_words(annotation.quote), ())
        if len(copies) == 1:
            return {copies[0]: CopyFit(0, 0.0)}
        text = self.article.text
        return {
            index: CopyFit.of(
                annotation, text, self.sentences[index].start, self.sentences[index].end
            )
            for index in copies
        }

    def placed(self, annotation: Annotation, index: int, state: str) -> Annotation:
        return anchored_to(annotation, self.article, index, state)


def same_words(text: str) -> str:
    """The text as a reader sees it: any run of white space (a no-break space, a line
    break) one space, invisible format characters (a zero-width space, a soft hyphen)
    gone, and composed (NFC: "é" one character or "e" and a combining accent, tr11 T10).
    A sentence changed only in those is the same sentence, not one to check whose text
    "as tagged" looks identical (qa9 Q18)."""
    if not text.isascii():
        text = composed(FORMAT_CHARACTERS.sub("", text))
    return " ".join(text.split())


def composed(text: str) -> str:
    """`text` in Unicode NFC: the same on screen as any canonically equivalent form (an
    article saved again in NFD, as macOS tools and some CMS exports write it, is the
    same text to a reader: tr11 T10)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _processed(text: str) -> str:
    """What similarity() compares: composed, then rapidfuzz's default processing (which
    turns a combining accent into a space, splitting "Mérida")."""
    return utils.default_process(composed(text))


FORMAT_CHARACTERS = re.compile(f"[{format_characters_but_bidi()}]")
"""Every invisible format character (Unicode category Cf), as one C-speed pattern, but
the bidirectional controls (terminal_text.BIDI_CONTROLS): an override or isolate
reorders what follows it wherever the text is shown, so a sentence that gained one is
not the sentence tagged (rv10 R11). Made from terminal_text's one table of what draws
nothing (rv16: it kept a list of its own)."""


def anchored_to(annotation: Annotation, article: ArticleText, index: int, state: str) -> Annotation:
    """The annotation anchored to sentence `index` of the article's current text."""
    sentence = article.sentences[index]
    anchor = Anchor.in_text(
        annotation.article_id, article.sha256, article.text, index, sentence.start, sentence.end
    )
    return annotation.anchored(anchor, state)


def most_similar(quote: str, article: ArticleText, among: Iterable[int]) -> int | None:
    """The sentence index, of those given, whose text is most like `quote` (None if none)."""
    scored = [(similarity(quote, article.sentences[index].text), -index) for index in among]
    return -max(scored)[1] if scored else None


Tagged = Callable[[Annotation], Annotation | None]
"""How an annotation to check was tagged, when known (as_tagged.TaggedVersions.of)."""


def plan_article(
    article: ArticleText,
    annotations: Iterable[Annotation],
    threshold: float = DEFAULT_THRESHOLD,
    tagged: Tagged | None = None,
) -> ArticlePlan:
    """Place every annotation of `article` (any annotator's) on its current sentences.
    Orphans among them are tried again on the sentences the placed ones leave free; only
    those that come back are in the plan. With `tagged`, an annotation to check whose
    text as tagged is the article's text again, the sentence it was tagged on still
    there, goes back to it, current (REATTACHED: tr7 T13, T15; a text caught half
    written, or a colleague's other version, no longer leaves it to check for good).
    Pure: nothing is written; the plan says what would change."""
    given = list(annotations)
    if any(annotation.article_id != article.id for annotation in given):
        raise ValueError(f"annotations of another article than {article.id!r}")
    placed = [annotation for annotation in given if not annotation.is_orphan]
    if is_another_article(article.text, given):
        orphaned = (
            Placement(annotation, replace(annotation, anchor_state=ORPHANED), ORPHAN, 0.0)
            for annotation in sorted(placed, key=lambda annotation: annotation.key)
        )
        return ArticlePlan(article.id, article.sha256, tuple(orphaned), another_article=True)
    sentences = _Sentences(article, given)
    shift = _expected_shift(sentences, placed)
    by_annotator: dict[str, list[Annotation]] = defaultdict(list)
    orphans_of: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in given:
        (orphans_of if annotation.is_orphan else by_annotator)[annotation.annotator].append(
            annotation
        )
    placements: list[Placement] = []
    for annotator in sorted(by_annotator.keys() | orphans_of.keys()):
        done = _place(sentences, by_annotator[annotator], shift, threshold, tagged=tagged)
        placements.extend(done)
        if orphans_of[annotator]:
            taken = {p.after.index for p in done if p.outcome != ORPHAN}
            placements.extend(_returning(sentences, orphans_of[annotator], taken, threshold))
    placements = _read_again(article, placements)
    placements.sort(key=lambda placement: placement.before.key)
    return ArticlePlan(article.id, article.sha256, tuple(placements))


def _read_again(article: ArticleText, placements: list[Placement]) -> list[Placement]:
    """Each annotation kept at its index whose speaker is read from its neighbours
    (_kept_state), marked re-anchored or left as made by what its speaker reads on the
    text it was made on and on this one, when that text is recovered (same_reading.py:
    qa10 Q9, an edit of two sentences marked three unchanged ones as moved). Without
    the old text, _kept_state's decision (the start shown unchanged) stands."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for number, placement in enumerate(placements):
        before = placement.before
        if (
            placement.outcome == UNCHANGED
            and before.anchor_state == CURRENT
            and before.article_sha256 != article.sha256
            and reads_its_neighbours(before)
            and not moved(before)  # provenance says an earlier text: read nowhere
        ):
            waiting[before.article_sha256].append(number)
    if not waiting:
        return placements
    moves = [(p.before, p.after) for p in placements if p.outcome != ORPHAN]
    result = list(placements)
    for sha256, numbers in waiting.items():
        old = recovered_text(article.text, sha256, moves)
        if old is None:
            continue
        kept = [(placements[number].before, placements[number].after) for number in numbers]
        same = same_speakers(article.id, old, article.text, kept)
        for number, reads_alike in zip(numbers, same, strict=True):
            placement = placements[number]
            state = CURRENT if reads_alike else REANCHORED
            after = replace(placement.after, anchor_state=state)
            result[number] = replace(placement, after=after)
    return result


def _expected_shift(sentences: _Sentences, annotations: Sequence[Annotation]) -> int:
    """How far the article's sentences moved: the median move of the annotations whose
    quote occurs exactly once in the new text (0 when none does)."""
    moves = []
    for annotation in annotations:
        found = sentences.by_text.get(same_words(annotation.quote))
        if found is not None and len(found) == 1:
            moves.append(found[0] - annotation.index)
    return round(statistics.median(moves)) if moves else 0


def _returning(
    sentences: _Sentences, orphans: list[Annotation], taken: set[int], threshold: float
) -> list[Placement]:
    """One annotator's orphans placed by the same steps on the sentences not `taken`:
    those that find one come back (an exact match REATTACHED, `current` on the text it
    was anchored to, else `reanchored`; a similar one CHECK); the others are left out."""
    shift = _expected_shift(sentences, orphans)
    back: list[Placement] = []
    for placement in _place(sentences, orphans, shift, threshold, taken):
        if placement.outcome == ORPHAN:
            continue
        before, after = placement.before, placement.after
        if placement.outcome == CHECK:
            back.append(placement)
            continue
        same_text = after.article_sha256 == before.article_sha256 and after.index == before.index
        after = replace(after, anchor_state=CURRENT if same_text else REANCHORED)
        back.append(Placement(before, after, REATTACHED, placement.similarity))
    return back


def _place(
    sentences: _Sentences,
    annotations: list[Annotation],
    shift: int,
    threshold: float,
    held: Iterable[int] = (),
    tagged: Tagged | None = None,
) -> list[Placement]:
    """One annotator's annotations of the article, placed (see the module docstring),
    on sentences other than those `held` (by annotations already placed); one to check
    back on the text it was tagged on goes back to its sentence first (plan_article)."""
    result: dict[int, Placement] = {}
    taken: set[int] = set(held)
    waiting: list[int] = []
    for number, annotation in enumerate(annotations):
        if is_anchored(annotation, sentences.article):
            if tagged is not None and _back_where_tagged(annotation, sentences.article, tagged):
                current = replace(annotation, anchor_state=CURRENT)
                result[number] = Placement(annotation, current, REATTACHED, 100.0)
            else:
                result[number] = Placement(annotation, annotation, UNCHANGED, 100.0)
            taken.add(annotation.index)
        else:
            waiting.append(number)

    def claim(number: int, index: int, outcome: str, state: str, score: float) -> None:
        annotation = annotations[number]
        after = sentences.placed(annotation, index, state)
        result[number] = Placement(annotation, after, outcome, score)
        taken.add(index)

    if tagged is not None:
        for number in waiting:
            annotation = annotations[number]
            back = _tagged_here(annotation, sentences.article, tagged)
            if back is None or back in taken:
                continue
            if annotation.anchor_state == CHECK:
                claim(number, back, REATTACHED, CURRENT, 100.0)
            else:  # an exact move (or a pronoun marked at its index) undone (rv8 R3)
                claim(
                    number, back, UNCHANGED if back == annotation.index else MOVED, CURRENT, 100.0
                )
        waiting = [number for number in waiting if number not in result]

    # Exact quotes: the copy whose surroundings fit best first, then the nearest to where
    # the article's shift puts it; the best context among competing annotations first.
    exact: list[tuple[int, float, float, int, int, int]] = []
    fits: dict[int, dict[int, CopyFit]] = {}
    for number in waiting:
        annotation = annotations[number]
        expected = annotation.index + shift
        fits[number] = sentences.fits(annotation)
        for index, fit in fits[number].items():
            if index not in taken:
                context = sentences.context(annotation, index)
                rank = (-fit.kept, -fit.alike, -context, abs(index - expected), index, number)
                exact.append(rank)
    for negative_kept, _alike, negative_context, _distance, index, number in sorted(exact):
        if number in result or index in taken:
            continue
        annotation = annotations[number]
        others = (other for at, other in fits[number].items() if at != index)
        decided = all(-negative_kept >= other.kept + DECISIVE_CHARS for other in others)
        context = -negative_context
        if not decided or context < CONTEXT_FLOOR:
            claim(number, index, CHECK, CHECK, 100.0)
        elif index == annotation.index:
            claim(number, index, UNCHANGED, _kept_state(annotation, sentences), 100.0)
        else:
            state = annotation.anchor_state if annotation.anchor_state == CHECK else REANCHORED
            claim(number, index, MOVED, state, 100.0)

    # Similar sentences: the most similar first, then the closest context and position.
    fuzzy: list[tuple[float, float, int, int, int]] = []
    free = [index for index in range(len(sentences.sentences)) if index not in taken]
    choices = [sentences.processed[index] for index in free]
    for number in waiting:
        if number in result or not choices:
            continue
        annotation = annotations[number]
        query = _processed(annotation.quote)
        expected = annotation.index + shift
        for _choice, score, position in process.extract(
            query, choices, scorer=SCORER, processor=None, limit=None, score_cutoff=threshold
        ):
            index = free[position]
            if not can_be_the_same(annotation, sentences.sentences[index].text):
                continue
            context = sentences.context(annotation, index)
            fuzzy.append((-score, -context, abs(index - expected), index, number))
    for negative_score, _context, _distance, index, number in sorted(fuzzy):
        if number not in result and index not in taken:
            claim(number, index, CHECK, CHECK, -negative_score)

    for number in waiting:
        if number not in result:
            annotation = annotations[number]
            orphan = replace(annotation, anchor_state=ORPHANED)
            result[number] = Placement(annotation, orphan, ORPHAN, 0.0)
    return [result[number] for number in range(len(annotations))]


def _kept_state(annotation: Annotation, sentences: _Sentences) -> str:
    """The state of an annotation whose quote is still at its index: its own, but a
    current one whose speaker is read from the sentences before it ("He added …", no
    speaker accepted) is "reanchored" on a changed text (qa6 Q25): those sentences may
    now name someone else, and the record must say it was not made on this text, so
    the summary lists "he (to check, …)" until the analyst confirms it (`y`). Not when
    the article's annotations show everything before it unchanged (rv8 R3: a change
    after it cannot change who "he" is)."""
    state = annotation.anchor_state
    if (
        state == CURRENT
        and annotation.article_sha256 != sentences.article.sha256
        and reads_its_neighbours(annotation)
        and not sentences.before_unchanged(annotation)
    ):
        return REANCHORED
    return state


def _tagged_here(annotation: Annotation, article: ArticleText, tagged: Tagged) -> int | None:
    """The sentence an annotation to check, or a "reanchored" one with its quote as
    tagged, was tagged on, when the article's text is again the one it was tagged on
    and that sentence is still exactly there (rv8 R3: a typed "He added …" marked at its
    index when a sentence before it changed stayed unconfirmed after an editor's revert)."""
    if annotation.anchor_state not in (CHECK, REANCHORED):
        return None
    version = tagged(annotation)
    if version is None or not is_anchored(version, article):
        return None
    if annotation.anchor_state == REANCHORED and version.quote != annotation.quote:
        return None
    return version.index


def _back_where_tagged(annotation: Annotation, article: ArticleText, tagged: Tagged) -> bool:
    """True for an annotation to check stored on exactly the sentence of the text it was
    tagged on (an7's residue of tr7 T13: stored so before that fix, it stayed to check
    for good, the article never planned again while its text stays the same)."""
    if annotation.anchor_state != CHECK:
        return False
    version = tagged(annotation)
    return (
        version is not None
        and version.index == annotation.index
        and version.quote == annotation.quote
        and is_anchored(version, article)
    )


def outcome_counts(plans: Iterable[ArticlePlan]) -> dict[str, int]:
    """How many annotations the plans moved, marked to check, orphaned and re-attached,
    and kept at their sentence but marked (IN_PLACE: counted among none of those)."""
    found = list(plans)
    return {
        outcome: sum(plan.count(outcome) for plan in found)
        for outcome in (MOVED, CHECK, ORPHAN, REATTACHED, IN_PLACE)
    }


def in_place_words(count: int) -> str:
    """`, N in place to confirm (the article changed around)`, or nothing for none: the
    same words in every report (reanchor, import, the TUI's notices)."""
    return f", {count} in place to confirm (the article changed around)" if count else ""


def apply_plans(
    annotations: Iterable[Annotation], plans: Iterable[ArticlePlan]
) -> tuple[list[Annotation], list[Annotation]]:
    """The annotations as re-anchoring places them, without writing anything (what a
    read-only command shows): (placed annotations, orphans). Annotations of articles
    without a plan are taken as they are."""
    replaced: dict[tuple[str, str, int], Annotation] = {}
    returned: dict[tuple[object, ...], Annotation] = {}
    for plan in plans:
        for placement in plan.placements:
            if placement.before.is_orphan:
                returned[placement.before.orphan_key] = placement.after
            else:
                replaced[placement.before.key] = placement.after
    placed: list[Annotation] = []
    orphans: list[Annotation] = []
    for annotation in annotations:
        if annotation.is_orphan:
            current = returned.get(annotation.orphan_key, annotation)
        else:
            current = replaced.get(annotation.key, annotation)
        (orphans if current.is_orphan else placed).append(current)
    return placed, orphans
