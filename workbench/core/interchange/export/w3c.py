"""W3C Web Annotation (JSON-LD): the standard other annotation tools read.

An AnnotationCollection whose first (only) page holds every annotation. Each targets
its article (`urn:workbench:article:ID`) through a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (start, end: code points of the article as read, a
BOM dropped and CRLF/CR made LF, which the collection's label says: tr7 T18).
Bodies: one TextualBody per tag (purpose "tagging"), the note (purpose "commenting"),
the speaker (purpose "identifying": who makes the statement, speaker.speakers_named: the
speaker accepted for a pronoun, none for a pronoun nobody resolved, the fuller name the
summary counts a title and surname under) and the status when
it is not "unverified" (purpose "assessing").
"""

from __future__ import annotations

from typing import Any

from workbench.core.annotation import DEFAULT_STATUS, Annotation
from workbench.core.corpus.articles import OFFSETS
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.identifiers import PREFIX, annotation_iris, article_iri
from workbench.core.interchange.export.native import dumps_for_a_page
from workbench.core.interchange.export.speaker import speakers_named

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def textual_body(value: str, purpose: str) -> dict[str, str]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def bodies(annotation: Annotation, speaker: str | None) -> list[dict[str, str]]:
    found = [textual_body(tag, "tagging") for tag in annotation.tags]
    if annotation.note:
        found.append(textual_body(annotation.note, "commenting"))
    if speaker:
        found.append(textual_body(speaker, "identifying"))
    if annotation.status != DEFAULT_STATUS:
        found.append(textual_body(annotation.status, "assessing"))
    return found


def web_annotation(annotation: Annotation, iri: str, speaker: str | None) -> dict[str, Any]:
    """One annotation in the Web Annotation model (without its own @context), under
    its IRI (identifiers.annotation_iris)."""
    return {
        "id": iri,
        "type": "Annotation",
        "creator": {"type": "Person", "name": annotation.annotator},
        "created": annotation.created_at,
        "modified": annotation.updated_at,
        "body": bodies(annotation, speaker),
        "target": {
            "source": article_iri(annotation.article_id),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.quote,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": annotation.start,
                    "end": annotation.end,
                },
            ],
        },
    }


def annotation_collection(data: ExportData[Annotation]) -> dict[str, Any]:
    annotations = data.annotations
    speaker = speakers_named(annotations)
    items = [
        web_annotation(annotation, iri, speaker(annotation))
        for annotation, iri in zip(annotations, annotation_iris(annotations), strict=True)
    ]
    return {
        "@context": CONTEXT,
        "id": f"{PREFIX}:export:{data.exported_at}",
        "type": "AnnotationCollection",
        "label": f"workbench annotations; TextPositionSelector {OFFSETS}",
        "generated": data.exported_at,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_w3c(data: ExportData[Annotation]) -> bytes:
    return dumps_for_a_page(annotation_collection(data))
