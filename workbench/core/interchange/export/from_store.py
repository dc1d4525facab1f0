"""One export from an annotation store: what both `workbench export` and the TUI call.

The store is described by a Protocol, so core never imports the store package. One
pipeline (prepare.py) for every format: over the stored records for the formats that
write them as they are (json, jsonl: no Annotation is built), over Annotations for
the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from operator import itemgetter
from typing import Any, Protocol

from workbench.core.annotation import CHECK, Annotation
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.interchange.export.data import (
    ArticleCatalogue,
    ChangeLike,
    ExportData,
    Record,
)
from workbench.core.interchange.export.formats import FORMATS, ExportFormat
from workbench.core.interchange.export.import_refusal import export_refusal
from workbench.core.interchange.export.native import LineTooLong
from workbench.core.interchange.export.prepare import prepare_export
from workbench.core.interchange.export.tagged_on import TAGGED_ON, tagged_on_record

AsTagged = Callable[[Iterable[Annotation]], Callable[[Annotation], Annotation | None]]
"""Given the annotations to check, how each was tagged (anchoring.as_tagged.tagged_reader)."""


class ExportSource(Protocol):
    """The reads an export needs (AnnotationStore provides them)."""

    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> Sequence[Mapping[str, Any]]: ...

    def all(self, annotator: str | None = None) -> list[Annotation]: ...

    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]: ...

    def articles(self) -> list[ArticleInfo]: ...

    def history(self) -> Sequence[ChangeLike]: ...

    def ledger_decisions(self) -> list[dict[str, Any]]: ...


class ExportError(ValueError):
    """An export that cannot be made as asked."""


def catalogue(remembered: Iterable[ArticleInfo]) -> ArticleCatalogue:
    """The store's remembered articles by id."""
    return {article.article_id: article for article in remembered}


def export_bytes(
    source: ExportSource,
    format_name: str,
    wanted: AnnotationFilter | None = None,
    *,
    annotator: str | None = None,
    history: bool = False,
    as_tagged: AsTagged | None = None,
    importable: bool = True,
) -> bytes:
    """The whole export document, rendered; annotator None means every analyst. With
    `as_tagged`, a json or jsonl record still to check carries what it was made on.
    ExportError for a json or jsonl file its own import would refuse (export_refusal);
    `importable` False for a document only compared, never imported (copy-db's check
    of its copy, which holds whatever the store holds)."""
    export_format = FORMATS[format_name]
    if history and not export_format.history:
        with_history = " or ".join(name for name, known in FORMATS.items() if known.history)
        raise ExportError(f"--history is only available with --format {with_history}")
    articles = catalogue(source.articles())
    changes = source.history() if history else None
    decisions = exported_decisions(source, wanted, annotator) if export_format.decisions else []
    if export_format.from_records:
        records = source.records(annotator, ordered=False)
        data = prepare_export(
            records, wanted, articles, changes, read=itemgetter, decisions=decisions
        )
        refused = export_refusal(data) if importable else None
        if refused is not None:
            raise ExportError(refused)
        tagged = data if as_tagged is None else with_tagged_on(data, as_tagged)
        return _rendered(export_format, tagged)
    placed = source.all(annotator)
    if export_format.orphans_left_out is not None:
        placed = [annotation for annotation in placed if annotation.anchor_state != CHECK]
    return _rendered(
        export_format, prepare_export(placed, wanted, articles, changes, decisions=decisions)
    )


def with_tagged_on(data: ExportData[Record], as_tagged: AsTagged) -> ExportData[Record]:
    """The records still to check, each with what it was made on (`tagged_on`) where it
    is known; the others as they are. `as_tagged` is asked only when one is to check."""
    checking = [n for n, record in enumerate(data.annotations) if record["anchor_state"] == CHECK]
    if not checking:
        return data
    moved = [Annotation.from_record(data.annotations[n]) for n in checking]
    tagged_as = as_tagged(moved)
    records = list(data.annotations)
    for number, annotation in zip(checking, moved, strict=True):
        tagged = tagged_as(annotation)
        # One made on the very text it is on (moved by a segmenter's change) says
        # nothing an importer could check it by: it goes without (import refuses it).
        if tagged is not None and tagged.article_sha256 != annotation.article_sha256:
            records[number] = {**records[number], TAGGED_ON: tagged_on_record(tagged)}
    return replace(data, annotations=records)


def _rendered(export_format: ExportFormat, data: ExportData[Any]) -> bytes:
    """The format's rendering; ExportError where it cannot be written (a jsonl line its
    import would refuse)."""
    try:
        return export_format.render(data)
    except LineTooLong as error:
        raise ExportError(str(error)) from None


def exported_decisions(
    source: ExportSource, wanted: AnnotationFilter | None, annotator: str | None
) -> list[dict[str, Any]]:
    """The ledger decision records an export carries, as stored and in order: those of
    the analysts it holds (every analyst's for None). An export narrowed by anything but
    the analyst carries none, as its decisions would name claim groups it leaves out."""
    wanted = wanted or AnnotationFilter()
    if not replace(wanted, annotators=frozenset()).is_empty:
        return []
    chosen = set(wanted.annotators) if wanted.annotators else None
    if annotator is not None:
        chosen = {annotator} if chosen is None else chosen & {annotator}
    return [
        record
        for record in source.ledger_decisions()
        if chosen is None or record.get("annotator") in chosen
    ]


def orphans_left_out(
    source: ExportSource,
    format_name: str,
    wanted: AnnotationFilter | None = None,
    annotator: str | None = None,
) -> int:
    """How many orphans the filters select that `format_name` leaves out."""
    would_hold = FORMATS[format_name].orphans_left_out
    if would_hold is None:
        return 0
    wanted = wanted or AnnotationFilter()
    return sum(
        1 for orphan in source.orphans(annotator) if wanted.matches(orphan) and would_hold(orphan)
    )


def to_check_left_out(
    source: ExportSource,
    format_name: str,
    wanted: AnnotationFilter | None = None,
    annotator: str | None = None,
) -> int:
    """How many annotations still to check the filters select that `format_name` leaves
    out (those it would have held, as for orphans)."""
    would_hold = FORMATS[format_name].orphans_left_out
    if would_hold is None:
        return 0
    wanted = wanted or AnnotationFilter()
    unconfirmed = (a for a in source.all(annotator) if a.anchor_state == CHECK)
    return sum(1 for a in unconfirmed if wanted.matches(a) and would_hold(a))


def to_check_words(count: int, format_name: str) -> str:
    """What `export` and the TUI say about the annotations still to check left out."""
    return (
        f"{count} annotation(s) still to check left out: re-anchoring moved them onto a "
        f"sentence only like the one tagged and no analyst has confirmed them there "
        f"({format_name} would publish them as made on it; json and jsonl keep them, with "
        'anchor_state "check")'
    )
