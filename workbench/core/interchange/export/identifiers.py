"""IRIs for things that have no web address: articles and annotations in a local corpus.

JSON-LD wants identifiers to be IRIs. The workbench's are URNs built from the article
id and the annotation key, percent-encoded so that any file name is safe.
"""

from __future__ import annotations

from urllib.parse import quote

from workbench.core.annotation import Annotation

PREFIX = "urn:workbench"


def article_iri(article_id: str) -> str:
    return f"{PREFIX}:article:{quote(article_id, safe='')}"


def annotation_iri(annotation: Annotation) -> str:
    annotator, article_id, index = annotation.key
    return f"{PREFIX}:annotation:{quote(annotator, safe='')}:{quote(article_id, safe='')}:{index}"
