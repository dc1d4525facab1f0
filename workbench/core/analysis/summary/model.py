"""The summary as typed values: what build_summary makes and every reader takes.

The Markdown report (markdown.py), the summary screen and `workbench summary` read
these types; `Summary.to_json()` is the one place that knows the JSON shape documented
in docs/summary.md. Figures and annotations are the ledger's and the store's own
objects, shared, not copied: a figure is turned into JSON only when JSON is asked for.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

from workbench.core.analysis.figures.conflicts import Apart, Figure, Reason, said
from workbench.core.analysis.figures.measures import Measure
from workbench.core.analysis.ledger.decisions import FigurePlace, LedgerDecision
from workbench.core.analysis.ledger.dismissals import DismissedPair
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.unsourced import unsourced_caveat
from workbench.core.annotation import SUGGESTION_OUTCOMES, Annotation, AnnotationKey
from workbench.core.collector import paused_gc
from workbench.core.terminal_text import json_safe, json_safe_bytes

SCHEMA = "workbench-summary/1"

Counts = Mapping[str, int]
"""Sentences per tag, or per status, in TAGS or STATUSES order."""
JSON = dict[str, Any]
AnchoringList = Literal["check", "orphaned", "article_missing"]
"""The anchoring section's lists, by their JSON names (the report's schema: the list of
articles not opened keeps its key "article_missing")."""


@dataclass(frozen=True, slots=True)
class Totals:
    """The whole summary's counts; a sentence several analysts recorded counts once."""

    annotations: int
    """Records: two analysts on one sentence are two."""
    sentences: int
    """Annotated sentences."""
    tagged: int
    annotators: tuple[str, ...]
    disagreements: int
    """Sentences the analysts judged differently."""
    tags: Counts
    """Sentences some analyst gave the tag."""
    statuses: Counts
    """Sentences whose analysts agree on the status."""
    suggestions: Counts = field(default_factory=lambda: dict.fromkeys(SUGGESTION_OUTCOMES, 0))
    """Records per suggestion outcome (accepted as is, changed, not shown)."""
    to_check: int = 0
    """Records still to check: listed, marked, counted in none of the counts above nor
    the tables (analysts.counted)."""

    @property
    def acceptance_rate(self) -> float | None:
        """The share of shown suggestions accepted as is; None when none was shown."""
        shown = self.suggestions["accepted"] + self.suggestions["changed"]
        return self.suggestions["accepted"] / shown if shown else None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article: a known one, or one only annotations name (sentences None)."""

    article_id: str
    title: str
    short_title: str
    """What people read: no two articles alike."""
    sentences: int | None
    annotated: int
    tagged: int
    disagreements: int
    tags: Counts
    statuses: Counts

    @property
    def status_differs(self) -> int:
        """Its sentences whose analysts gave them different statuses: counted under no
        status, so that the status counts and this add up to the annotated sentences."""
        return self.annotated - sum(self.statuses.values())


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One speaker, with the spellings the analysts typed for them."""

    canonical: str
    kind: str
    """person, group or pronoun."""
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    sentences: int
    claims: int
    attributions: int
    denials: int
    annotators: tuple[str, ...] = ()
    """In every analyst's summary of several: the analysts who named this source, so a
    source only some gave says whose it is (fx14); empty in one analyst's."""


@dataclass(frozen=True, slots=True)
class AnalystNote:
    """A note, with the analysts who wrote it (the same words once)."""

    annotators: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class OtherJudgement:
    """How other analysts judged a sentence differently from the line it is listed under."""

    annotators: tuple[str, ...]
    annotation: Annotation
    """The first of those analysts' annotations: their tags, status and source."""
    canonical_source: str | None


@dataclass(frozen=True, slots=True)
class SentenceLine:
    """One distinct judgement of a sentence (docs/summary.md's `Sentence`): a claim of a
    ledger group, a denial aimed at one, or a denial aimed at none."""

    annotation: Annotation
    """The judgement shown: the first annotation of the analysts who gave it."""
    canonical_source: str | None
    annotators: tuple[str, ...]
    """Who gave this judgement."""
    notes: tuple[AnalystNote, ...] = ()
    others: tuple[OtherJudgement, ...] = ()
    """The other judgements of the sentence: a disagreement when there is one."""
    to_check: tuple[str, ...] = ()
    """Those of `annotators` whose annotation is to check: moved onto this sentence after
    the article changed, not confirmed, so they tagged other words (and figures)."""

    @property
    def key(self) -> AnnotationKey:
        return self.annotation.key

    @property
    def article_id(self) -> str:
        return self.annotation.article_id

    @property
    def index(self) -> int:
        return self.annotation.index

    @property
    def quote(self) -> str:
        return self.annotation.quote

    @property
    def source(self) -> str | None:
        """As typed; canonical_source is how the summary names the speaker."""
        return self.annotation.source

    @property
    def status(self) -> str:
        return self.annotation.status

    @property
    def disagreement(self) -> bool:
        return bool(self.others)

    @property
    def unconfirmed(self) -> bool:
        """Every analyst of this judgement made it on other words (all are to check)."""
        return len(self.to_check) == len(self.annotators) > 0


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """A ledger group as the summary shows it: claims that state the same thing."""

    group_id: str
    members: tuple[SentenceLine, ...]
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    """Canonical sources of its claims, sorted."""
    denials: tuple[SentenceLine, ...]
    figures: tuple[Figure, ...]
    """Once per sentence."""
    conflict: bool
    """Two of its own claims' figures conflict."""
    conflict_topics: tuple[str, ...]
    """Topics where its figures conflict with other groups' figures."""
    conflict_reasons: tuple[ConflictReason, ...]
    """Why, one per conflicting pair its figures are in."""

    @property
    def flagged(self) -> bool:
        """Its figures conflict, among themselves or with others'."""
        return bool(self.conflict or self.conflict_topics)


@dataclass(frozen=True, slots=True)
class ConflictReason:
    """Why two figures conflict, and the figures (the lower first): a reader needs the
    sentences they are in to find them (the JSON gives `why` alone; the group's figures
    give their ids). The figures are the ledger's own, so keeping them costs nothing."""

    reason: Reason
    """`why` in its parts (figures/conflicts.Reason): joined when read."""
    low: Figure
    high: Figure

    @property
    def why(self) -> str:
        return said(self.reason)


@dataclass(frozen=True, slots=True)
class ConflictPair:
    """Two figures of a conflict (positions in its `figures`, lower first), and why."""

    low: int
    high: int
    reason: Reason
    """`why` in its parts (figures/conflicts.Reason), shared with the other pairs of the
    same figures: joined when read (the summary screen shows a thousand at most)."""

    @property
    def why(self) -> str:
        return said(self.reason)


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """One counted thing (what + who) and the figures given for it that cannot all be true."""

    topic: str
    what: str
    who: str | None
    values: tuple[float, ...]
    figures: tuple[Figure, ...]
    """Sorted by value; each is in at least one pair."""
    pairs: tuple[ConflictPair, ...]
    groups: tuple[str, ...]
    """Ids of the ledger groups holding those figures."""
    dismissed: frozenset[frozenset[FigurePlace]] = frozenset()
    """Pairs of its figures an analyst dismissed as not a conflict (by place_of each):
    never listed as a pair of it, where every pair is listed (conflict_parts)."""

    def why(self, position: int) -> str:
        """Why the figure at `position` conflicts: the first pair it is in."""
        return next((p.why for p in self.pairs if position in (p.low, p.high)), "")


@dataclass(frozen=True, slots=True)
class PossibleConflict:
    """Two figures the rule does not flag that the trained reader reads as one thing
    measured twice, with values apart (summary/possible.py): to check, not a conflict."""

    figures: tuple[Figure, Figure]
    """In reading order (article, then sentence)."""
    probability: float
    """The reader's, at or above its threshold."""
    why: str
    """Why the reader reads them as one thing, in words (values, shared words, names)."""
    rule: Apart
    """Why the rule does not flag them, from its own reading ("two times: ...")."""


@dataclass(frozen=True, slots=True)
class PossibleConflicts:
    """The summary's second tier: figures that may measure the same thing and disagree."""

    pairs: tuple[PossibleConflict, ...]
    """The most probable first, then in reading order."""
    model: str
    """The reader's version (its weights file)."""
    threshold: float
    block_cap: int
    """Sentences one key of the candidates' index may hold and still compare them."""
    left_out: int
    """Keys held by more sentences than that: too common to compare by."""
    figure_cap: int = 0
    """Figures a claimed sentence may give and still be compared."""
    crowded: int = 0
    """Claimed sentences giving more (a table): compared with none."""
    quote_cap: int = 0
    """Characters a quote may hold and still be read for figures (figures/quote_cap.py)."""
    unread: tuple[tuple[str, int], ...] = ()
    """(article id, sentence index) of each claimed or denied sentence whose quote is
    longer (a text pasted whole, on an article outside the corpus): none of its figures
    was read, for the conflicts or here; its claims are listed and counted all the same."""

    def not_compared(self, titles: Mapping[str, str] | None = None) -> str:
        """What the index left out and what was not read, said wherever the pairs are
        listed (empty when nothing was): a pair sharing only such keys, or of a sentence
        giving too many figures, was never judged, and a reader of the list must not take
        its absence for the reader's "no". `titles`: article id -> the title that names
        a sentence not read (its id without one)."""
        said = []
        if self.left_out:
            said.append(
                f"{self.left_out:,} word(s) or name(s) near the figures were each in more "
                f"than {self.block_cap} claimed sentences, too common to tell one event "
                "apart: sentences that share only those were not compared."
            )
        if self.crowded:
            said.append(
                f"{self.crowded:,} claimed sentence(s) gave more than {self.figure_cap} "
                "figures each, a table rather than a sentence: they were not compared."
            )
        if self.unread:
            said.append(self.not_read(titles or {}))
        return " ".join(said)

    def not_read(self, titles: Mapping[str, str]) -> str:
        """The sentences whose figures were not read at all, counted and named (the first
        NAMED_UNREAD; the JSON lists every one)."""
        named = [
            f"“{titles.get(article_id, article_id)}”, {sentence_label(index)}"
            for article_id, index in self.unread[:NAMED_UNREAD]
        ]
        more = len(self.unread) - len(named)
        places = "; ".join(named) + (f"; and {more:,} more" if more else "")
        return (
            f"{len(self.unread):,} claimed or denied sentence(s) had a quote longer than "
            f"{self.quote_cap:,} characters, too long to be one sentence (a text pasted "
            f"whole): their figures were not read at all, neither for the conflicts nor "
            f"here ({places})."
        )


NAMED_UNREAD = 10
"""Sentences not read (PossibleConflicts.unread) the text names; the rest are counted."""


def sentence_label(index: int) -> str:
    """How a person reads a sentence number, everywhere: 'sentence 12' (counted from 1)."""
    return f"sentence {index + 1}"


@dataclass(frozen=True, slots=True)
class AnchoringSection:
    """Annotations to look at after articles changed (anchor_report.py); orphans and
    those of missing articles are counted nowhere else."""

    check: tuple[Annotation, ...] = ()
    """Moved onto a similar sentence, not yet confirmed."""
    orphaned: tuple[Annotation, ...] = ()
    """On no sentence (their index is where they were made)."""
    article_not_opened: tuple[Annotation, ...] = ()
    """Their article is not among those read (not in the corpus): JSON "article_missing"."""
    tagged: Mapping[AnnotationKey, Annotation] = field(default_factory=dict)
    """How those to check were tagged (by their key now), where known: the old quote to
    show beside the new sentence (workbench/core/anchoring/as_tagged.py)."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """The titles the database remembers for the articles not read (article id -> short
    title, as tables show titles): those articles are named by them, not by their ids
    (qa9 Q19)."""

    def as_tagged(self, annotation: Annotation) -> Annotation | None:
        """An annotation to check as the analyst tagged it, or None (not known)."""
        if annotation.anchor_state != "check":
            return None
        return self.tagged.get(annotation.key)

    def not_placed(self) -> tuple[int, int, int]:
        """(orphaned, of missing articles, how many such articles): the annotations on
        no sentence read, which no count holds; the report's note and the summary
        screen's header count them alike (those to check are said apart by both)."""
        missing = self.article_not_opened
        articles = len({annotation.article_id for annotation in missing})
        return len(self.orphaned), len(missing), articles

    def lists(self) -> tuple[tuple[AnchoringList, tuple[Annotation, ...]], ...]:
        """(name, annotations) of each list, as docs/summary.md names and orders them."""
        return (
            ("check", self.check),
            ("orphaned", self.orphaned),
            ("article_missing", self.article_not_opened),
        )

    def entries(self) -> Iterator[tuple[AnchoringList, Annotation]]:
        """(list name, annotation) for every annotation listed, list by list."""
        for name, listed in self.lists():
            for annotation in listed:
                yield name, annotation


@dataclass(frozen=True, slots=True)
class Summary:
    """Per article, per source, the claim ledger and its conflicting figures."""

    annotator: str | None
    """Whose summary; None: every analyst's."""
    totals: Totals
    articles: tuple[ArticleRow, ...]
    """Sorted by id: the known articles and the annotated ones."""
    sources: tuple[SourceRow, ...]
    """Most sentences first."""
    ledger: tuple[ClaimGroup, ...]
    """Ordered by smallest member key."""
    unlinked_denials: tuple[SentenceLine, ...]
    """Denials aimed at no claim group."""
    conflicts: tuple[FigureConflict, ...]
    """One per topic."""
    ignored_decisions: tuple[LedgerDecision, ...]
    """Decisions naming groups or members now gone, or unreadable."""
    settings: LedgerSettings
    anchoring: AnchoringSection | None = None
    """None when the caller had no corpus to check anchoring against."""
    caveats: tuple[str, ...] = ()
    """What the summary could not read or resolve, in words (no article text read, pronoun
    sources left as typed): said in the report itself, so that a published report carries
    them, not only the terminal that made it."""
    possible: PossibleConflicts | None = None
    """Possible conflicts (summary/possible.py): found after the build by those that
    show them (the command, the summary screen); None when not looked for."""
    dismissed: tuple[DismissedPair, ...] = ()
    """Pairs of figures the analysts dismissed as not a conflict: counted and listed as
    conflicts nowhere (nor as possible ones), listed apart with who and why."""

    def said_caveats(self) -> tuple[str, ...]:
        """The caveats and, counted from the lines, the attributions and denials tagged
        with no source (the analyst's omission, qa10 Q24): the report and the JSON say
        them; a summary patched later counts them again from its own lines."""
        lines = [
            *(line for group in self.ledger for line in (*group.members, *group.denials)),
            *self.unlinked_denials,
        ]
        judged = (
            annotation
            for line in lines
            if not line.unconfirmed
            for annotation in (line.annotation, *(other.annotation for other in line.others))
        )
        counted = unsourced_caveat(judged)
        return (*self.caveats, counted) if counted else self.caveats

    def short_titles(self) -> dict[str, str]:
        """Article id -> the title people read."""
        return {row.article_id: row.short_title for row in self.articles}

    def to_json(self) -> JSON:
        """The plain, JSON-ready shape of docs/summary.md ("workbench-summary/1").

        Made with the collector paused, as the summary is built: hundreds of thousands
        of small dicts otherwise set off collections that scan the whole summary (and,
        left young, are scanned again while json.dumps walks them)."""
        with paused_gc(promote=True):
            maker = _JsonShape()
            return {
                key: list(value) if key in _LISTED else value for key, value in maker.fields(self)
            }

    def to_json_bytes(self, pieces: JsonPieces | None = None) -> bytes:
        """The JSON document `workbench summary --format json` writes, whole: the
        pieces of `json_parts`, joined."""
        return b"".join(self.json_parts(pieces))

    def json_parts(self, pieces: JsonPieces | None = None) -> Iterator[bytes]:
        """The JSON document `workbench summary --format json` writes, in pieces: to_json()
        as `json.dumps(indent=2, ensure_ascii=False)` writes it, with a final newline,
        made safe for a terminal (json_safe) and UTF-8 encoded, byte for byte.

        Each article, source, ledger group, denial and conflict is made into JSON and
        encoded on its own, so neither the document (111 MB at 100,000 annotations) nor
        its dicts are ever held whole: a writer streams the pieces to the file.

        Each piece goes through orjson, about eight times faster than json.dumps, which
        writes the same bytes for every value a summary holds but three: a float below
        1e-4 (or not finite), an integer beyond 64 bits and a lone surrogate. The floats
        are seen as a piece is made; orjson refuses the other two. Either way that piece
        is written by json.dumps instead, so the bytes never depend on the encoder.

        `pieces`: what the last summary's pieces were encoded as, for a summary made from
        it (JsonPieces): an item it holds is not encoded again."""
        maker = _JsonShape()
        with paused_gc():
            yield b"{\n"
            for number, (key, value) in enumerate(maker.fields(self)):
                head = b'%s  "%s": ' % (b",\n" if number else b"", key.encode("ascii"))
                if not isinstance(value, _Listed):
                    yield head + maker.encoded(value, key in _FREE_FORM, _KEY_INDENT)
                    continue
                if pieces is not None:
                    pieces.begin(maker.unconfirmed)
                opened = False
                for item in value.items:
                    piece = None if pieces is None else pieces.get(item)
                    if piece is None:
                        piece = maker.encoded(value.make(item), False, len(_ITEM_INDENT))
                        if pieces is not None:
                            pieces.put(item, piece)
                    yield (b",\n" if opened else head + b"[\n") + _ITEM_INDENT + piece
                    opened = True
                yield b"\n  ]" if opened else head + b"[]"
            yield b"\n}\n"
            if pieces is not None:
                pieces.end()


class JsonPieces:
    """The encoded JSON of a summary's listed items (articles, sources, ledger groups,
    unlinked denials, conflicts), each by the item itself, for the next summary made
    from that one: SummaryAccumulator keeps every row, group and line a change did not
    touch as the very object it was, so a keeper following a session
    (cli/followed_summary.py) encodes only what a few saved tags changed (0.65 s for the
    whole JSON at 100,000 annotations, load 2). A piece is a function of its item (frozen
    values, their counts read and never changed) and of one thing of the whole summary:
    which sentences' figures are to check (unconfirmed_sentences), so the pieces are
    dropped when that differs. The items are held with their pieces (an id is never
    another item's while kept); those the last document did not list are let go."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[object, bytes]] = {}
        self._made: dict[int, tuple[object, bytes]] = {}
        self._unconfirmed: frozenset[tuple[str, int]] | None = None
        self.reused = 0
        """Pieces not encoded again, in every document so far (tests, benches)."""

    def begin(self, unconfirmed: frozenset[tuple[str, int]]) -> None:
        """A document's listed items begin (again for each list: once is enough)."""
        if unconfirmed != self._unconfirmed:
            self._kept.clear()
            self._unconfirmed = unconfirmed

    def get(self, item: object) -> bytes | None:
        found = self._kept.get(id(item))
        if found is None or found[0] is not item:
            return None
        self._made[id(item)] = found
        self.reused += 1
        return found[1]

    def put(self, item: object, piece: bytes) -> None:
        self._made[id(item)] = (item, piece)

    def end(self) -> None:
        """The document is whole: its pieces are the ones kept for the next."""
        self._kept, self._made = self._made, {}


@dataclass(frozen=True, slots=True)
class _Listed:
    """A listed value of the summary's JSON: its items, each made into JSON by `make`
    when reached."""

    items: Sequence[Any]
    make: Callable[[Any], Any]

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, self.items)


_LISTED = frozenset({"articles", "sources", "ledger", "unlinked_denials", "conflicts"})
"""Top-level lists made and encoded an item at a time (Summary.json_parts)."""
_FREE_FORM = frozenset({"ignored_decisions", "settings"})
"""Top-level values not made by _JsonShape, whose floats are looked for after the fact."""
_KEY_INDENT = 2
_ITEM_INDENT = b"    "


def unconfirmed_sentences(groups: Sequence[ClaimGroup]) -> frozenset[tuple[str, int]]:
    """(article id, index) of each claimed sentence whose figures no analyst of the
    summary stands behind on the article's current text: every claim of it is to check
    (SentenceLine.to_check). Its figures are the re-anchored sentence's, not the ones the
    analysts tagged, and are marked "to check" wherever they are shown."""
    moved: set[tuple[str, int]] = set()
    for group in groups:
        for member in group.members:
            if member.to_check and member.unconfirmed:
                moved.add((member.article_id, member.index))
    if not moved:  # almost always: one look at each member
        return frozenset()
    confirmed = {
        where
        for group in groups
        for member in group.members
        if (where := (member.article_id, member.index)) in moved and not member.unconfirmed
    }
    return frozenset(moved - confirmed)


Rank = tuple[bool, int, int, str, int, str]


def group_rank(group: ClaimGroup) -> Rank:
    """Where a group stands in ranked_groups: conflicting figures first, then the most
    claims, the most denials, then reading order (its first sentence: article, then
    sentence; the id only between groups beginning on one sentence)."""
    article_id, index = min(((m.article_id, m.index) for m in group.members), default=("", -1))
    return (
        not group.flagged,
        -len(group.members),
        -len(group.denials),
        article_id,
        index,
        group.group_id,
    )


def ranked_groups(groups: Sequence[ClaimGroup]) -> list[ClaimGroup]:
    """Groups with conflicting figures first, then the largest, equals in reading order:
    the order people read (group_rank)."""
    return sorted(groups, key=group_rank)


class _JsonShape:
    """Summary.to_json(): each line, figure and measure turned into JSON once, however
    many groups and conflicts list it."""

    def __init__(self) -> None:
        self._lines: dict[int, JSON] = {}
        self._figures: dict[int, JSON] = {}
        self._measures: dict[int, JSON] = {}
        self.unconfirmed: frozenset[tuple[str, int]] = frozenset()
        """unconfirmed_sentences() of the summary: its figures say "to_check"."""
        self.plain = True
        """No float orjson would write differently from json.dumps (to_json_bytes)."""

    def fields(self, summary: Summary) -> Iterator[tuple[str, Any]]:
        """(key, value) of the summary's JSON object in order; the values of the keys in
        _LISTED are _Listed: their items, each made when it is reached."""
        line, figure = self.line, self.figure
        self.unconfirmed = unconfirmed_sentences(summary.ledger)
        yield "schema", SCHEMA
        yield "annotator", summary.annotator
        yield "caveats", list(summary.said_caveats())
        yield "totals", _totals(summary.totals)
        yield "articles", _Listed(summary.articles, _article)
        yield "sources", _Listed(summary.sources, _source)
        yield "ledger", _Listed(summary.ledger, lambda group: _group(group, line, figure))
        yield "unlinked_denials", _Listed(summary.unlinked_denials, line)
        yield "conflicts", _Listed(summary.conflicts, lambda conflict: _conflict(conflict, figure))
        if summary.possible is not None:
            yield "possible_conflicts", _possible(summary.possible, figure)
        yield "dismissed", [_dismissed(pair, figure) for pair in summary.dismissed]
        yield "ignored_decisions", [d.to_record() for d in summary.ignored_decisions]
        yield "settings", summary.settings.to_dict()
        if summary.anchoring is not None:
            anchoring = summary.anchoring
            yield (
                "anchoring",
                {
                    name: [_anchoring_entry(a, anchoring.as_tagged(a)) for a in listed]
                    for name, listed in anchoring.lists()
                },
            )

    def encoded(self, value: Any, free_form: bool, indent: int) -> bytes:
        """`value`, just made by this maker, as json.dumps(indent=2) writes it `indent`
        columns in (its first line without them), made safe (json_safe). Each made line
        and figure is forgotten: the next piece makes its own."""
        plain = self.plain and (not free_form or _plain(value))
        self.plain = True
        self._lines.clear()
        self._figures.clear()
        data = None
        if plain:
            with contextlib.suppress(orjson.JSONEncodeError):  # then json.dumps writes it
                data = json_safe_bytes(orjson.dumps(value, option=orjson.OPT_INDENT_2))
        if data is None:
            # No cycle in fresh values: checking for one would cost a fifth of the time.
            text = json.dumps(value, ensure_ascii=False, indent=2, check_circular=False)
            data = json_safe(text).encode("utf-8")
        # A JSON string holds no raw newline: every newline starts a line of the layout.
        return data.replace(b"\n", b"\n" + b" " * indent) if indent else data

    def line(self, line: SentenceLine) -> JSON:
        found = self._lines.get(id(line))
        if found is None:
            annotation = line.annotation
            found = self._lines[id(line)] = {
                "key": list(annotation.key),
                "article_id": annotation.article_id,
                "index": annotation.index,
                "quote": annotation.quote,
                "source": annotation.source,
                "canonical_source": line.canonical_source,
                "tags": list(annotation.tags),
                "status": annotation.status,
                "note": annotation.note,
                "annotators": list(line.annotators),
                "notes": [_note(note) for note in line.notes] if line.notes else [],
                "disagreement": bool(line.others),
                "others": [_judgement(other) for other in line.others] if line.others else [],
                "to_check": list(line.to_check),
            }
        return found

    def figure(self, figure: Figure) -> JSON:
        found = self._figures.get(id(figure))
        if found is None:
            measure = self._measures.get(id(figure.measure))
            if measure is None:
                measure = self._measures[id(figure.measure)] = _measure(figure.measure)
            quantity = figure.quantity
            found = self._figures[id(figure)] = {
                "value": quantity.value,
                "text": quantity.text,
                "what": quantity.what,
                "who": quantity.who,
                "topic": quantity.topic,
                "qualifier": quantity.qualifier,
                "bound": quantity.bound,
                "unit": quantity.unit,
                "measure": measure,
                "source": figure.source,
                "article_id": figure.article_id,
                "index": figure.index,
                "to_check": (figure.article_id, figure.index) in self.unconfirmed,
            }
        if not _plain_float(figure.quantity.value):
            self.plain = False
        return found


def _plain_float(value: float) -> bool:
    """orjson and json.dumps write this float alike (checked over the whole float range
    in tests/unit/analysis/test_summary_encoding.py)."""
    return value == 0 or (math.isfinite(value) and abs(value) >= 1e-4)


def _plain(value: object) -> bool:
    """No float in `value` (plain JSON data) that orjson writes differently."""
    if isinstance(value, float):
        return _plain_float(value)
    if isinstance(value, dict):
        return all(_plain(item) for item in value.values())
    if isinstance(value, list | tuple):
        return all(_plain(item) for item in value)
    return True


def _totals(totals: Totals) -> JSON:
    return {
        "annotations": totals.annotations,
        "sentences": totals.sentences,
        "tagged": totals.tagged,
        "annotators": list(totals.annotators),
        "disagreements": totals.disagreements,
        "tags": dict(totals.tags),
        "statuses": dict(totals.statuses),
        "suggestions": dict(totals.suggestions),
    } | ({"to_check": totals.to_check} if totals.to_check else {})


def _article(row: ArticleRow) -> JSON:
    return {
        "id": row.article_id,
        "title": row.title,
        "short_title": row.short_title,
        "sentences": row.sentences,
        "annotated": row.annotated,
        "tagged": row.tagged,
        "disagreements": row.disagreements,
        "tags": dict(row.tags),
        "statuses": dict(row.statuses),
    }


def _source(row: SourceRow) -> JSON:
    return {
        "canonical": row.canonical,
        "kind": row.kind,
        "variants": list(row.variants),
        "articles": list(row.articles),
        "sentences": row.sentences,
        "claims": row.claims,
        "attributions": row.attributions,
        "denials": row.denials,
    }


def _note(note: AnalystNote) -> JSON:
    return {"annotators": list(note.annotators), "note": note.note}


def _judgement(other: OtherJudgement) -> JSON:
    annotation = other.annotation
    return {
        "annotators": list(other.annotators),
        "tags": list(annotation.tags),
        "status": annotation.status,
        "source": annotation.source,
        "canonical_source": other.canonical_source,
    }


def _measure(measure: Measure) -> JSON:
    return {
        "class": measure.unit_class,
        "state": measure.state,
        "country": measure.country,
        "place": measure.place,
        "when": measure.when,
        "per": measure.per,
        "part": measure.part,
    }


def _group(
    group: ClaimGroup, line: Callable[[SentenceLine], JSON], figure: Callable[[Figure], JSON]
) -> JSON:
    return {
        "id": group.group_id,
        "members": [line(member) for member in group.members],
        "articles": list(group.articles),
        "sources": list(group.sources),
        "denials": [line(denial) for denial in group.denials],
        "figures": [figure(f) for f in group.figures],
        "conflict": group.conflict,
        "conflict_topics": list(group.conflict_topics),
        "conflict_reasons": [reason.why for reason in group.conflict_reasons],
    }


def _conflict(conflict: FigureConflict, figure: Callable[[Figure], JSON]) -> JSON:
    return {
        "topic": conflict.topic,
        "what": conflict.what,
        "who": conflict.who,
        "values": list(conflict.values),
        "figures": [figure(f) for f in conflict.figures],
        "pairs": [{"figures": [pair.low, pair.high], "why": pair.why} for pair in conflict.pairs],
        "groups": list(conflict.groups),
    }


def _dismissed(pair: DismissedPair, figure: Callable[[Figure], JSON]) -> JSON:
    """A pair dismissed as not a conflict: its figures, and each analyst's dismissal."""
    return {
        "figures": [figure(pair.low), figure(pair.high)],
        "by": [{"annotator": by.annotator, "at": by.at, "reason": by.reason} for by in pair.by],
    }


POSSIBLE_WHAT = "figures that may measure the same thing and disagree: check"
"""What the possible conflicts are, as the report, the JSON and the screen say it."""


def _possible(possible: PossibleConflicts, figure: Callable[[Figure], JSON]) -> JSON:
    return {
        "what": POSSIBLE_WHAT,
        "reader": possible.model,
        "threshold": possible.threshold,
        "block_cap": possible.block_cap,
        "keys_left_out": possible.left_out,
        "figure_cap": possible.figure_cap,
        "sentences_left_out": possible.crowded,
        "quote_cap": possible.quote_cap,
        "sentences_not_read": [
            {"article_id": article_id, "index": index} for article_id, index in possible.unread
        ],
        "pairs": [
            {
                "figures": [figure(f) for f in pair.figures],
                "probability": round(pair.probability, 3),
                "why": pair.why,
                "rule": {
                    "apart": pair.rule.aspect,
                    "values": [pair.rule.mine, pair.rule.theirs],
                    "reads": pair.rule.said(),
                },
            }
            for pair in possible.pairs
        ],
    }


def _anchoring_entry(annotation: Annotation, tagged: Annotation | None = None) -> JSON:
    """An orphan's `index` is where it was made (on the text it was made on); one to
    check says how it was tagged (old_quote and old_index, null when not known)."""
    entry: JSON = {
        "key": list(annotation.key),
        "article_id": annotation.article_id,
        "index": annotation.index,
        "annotator": annotation.annotator,
        "quote": annotation.quote,
        "tags": list(annotation.tags),
        "source": annotation.source,
        "anchor_state": annotation.anchor_state,
    }
    if annotation.anchor_state == "check":
        entry["old_quote"] = tagged.quote if tagged is not None else None
        entry["old_index"] = tagged.index if tagged is not None else None
    return entry
