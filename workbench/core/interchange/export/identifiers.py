"""IRIs for things that have no web address: articles and annotations in a local corpus.

JSON-LD wants identifiers to be IRIs. The workbench's are URNs built from the article
id and, for an annotation, what identifies it for its whole life: who made it, on which
article, and when (`urn:workbench:annotation:ANNOTATOR:ARTICLE:CREATED`, the identity
re-anchoring follows an annotation by: anchoring/as_tagged.identity). Its sentence
number is no part of it: after a publisher's edit the same number names another
sentence, and a consumer that updates by id (an annotation server, a ClaimReview feed)
replaced one annotation with another (qa6 Q19). Each part is percent-encoded, so any
file name is safe; the creation time keeps its colons (an IRI allows them, and it is
the last part).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from urllib.parse import quote

from workbench.core.annotation import Annotation

PREFIX = "urn:workbench"


def article_iri(article_id: str) -> str:
    return f"{PREFIX}:article:{quote(article_id, safe='')}"


def annotation_iri(annotation: Annotation) -> str:
    """The annotation's IRI, the same after its sentence moved or its tags changed."""
    annotator, article_id, created = (
        annotation.annotator,
        annotation.article_id,
        annotation.created_at,
    )
    return (
        f"{PREFIX}:annotation:{quote(annotator, safe='')}:{quote(article_id, safe='')}"
        f":{quote(created, safe=':')}"
    )


def annotation_iris(annotations: Sequence[Annotation]) -> list[str]:
    """Each annotation's IRI, unique in one export: annotations sharing an identity
    (records imported from a tool that wrote one creation time for several) get their
    sentence index after a "~" too, which is then all that tells them apart."""
    iris = [annotation_iri(annotation) for annotation in annotations]
    counts = Counter(iris)
    return [
        iri if counts[iri] == 1 else f"{iri}~{annotation.index}"
        for iri, annotation in zip(iris, annotations, strict=True)
    ]
