"""schema.org ClaimReview (JSON-LD): the format fact-check aggregators and search engines read.

Only sentences tagged "claim" whose status is a verdict (supported, refuted, disputed,
inconclusive) are reviews; everything else is left out. The claim's author is the
speaker of the recorded source (speaker.speakers_named: "He" is the speaker the analyst
accepted for it, "Commander Sæther" the "Ingrid Sæther" the summary counts), typed as
an Organization when its name holds a word that names a body (ministry, officials,
agency...: the lexicon's ORGANISATION_WORDS), unless it ends in a
role one person holds ("Pentagon spokesman") or names the person after such a role ("Kremlin
spokesman Dmitry Peskov"), and as a Person otherwise; without a
source, or with a pronoun nobody resolved, the Claim has no author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from workbench.core.analysis.lexicon import ORGANISATION_WORDS
from workbench.core.analysis.sources.grouping import named_after_role
from workbench.core.annotation import VERDICTS, Annotation
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.identifiers import annotation_iris, article_iri
from workbench.core.interchange.export.native import dumps_for_a_page
from workbench.core.interchange.export.speaker import speakers_named

CONTEXT = "https://schema.org"

ORGANISATION = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, ORGANISATION_WORDS))) + r")\b", re.IGNORECASE
)
"""Any word of the lexicon's ORGANISATION_WORDS, whole, in any case ("white house" too)."""


def is_review(annotation: Annotation) -> bool:
    """A claim with a verdict: the only annotations ClaimReview can express."""
    return annotation.has_tag("claim") and annotation.status in VERDICTS


def no_review_words(selected: Iterable[Annotation]) -> str | None:
    """Why a ClaimReview export of `selected` holds no review (qa5 Q10: an empty graph,
    said nowhere), for the CLI's stderr and the TUI's notice (qa16 Q18: "46 bytes
    written"); None when one is a review or none was selected."""
    chosen = list(selected)
    if not chosen or any(map(is_review, chosen)):
        return None
    return (
        f"no ClaimReview written: only a claim with a verdict ({', '.join(VERDICTS)}) is a "
        f"review; none of the {len(chosen)} annotation(s) selected has one"
    )


def non_review_words(selected: Iterable[Annotation]) -> str | None:
    """How many of `selected` a ClaimReview export leaves out for not being a claim with
    a verdict, when it writes some review (qa18 F14: 1 review of 169 annotations, and
    the other 168 said nowhere); None when every one is a review, or none is (that is
    no_review_words)."""
    chosen = list(selected)
    others = sum(1 for annotation in chosen if not is_review(annotation))
    if not others or others == len(chosen):
        return None
    return (
        f"{others} annotation(s) left out: ClaimReview holds only claims with a verdict "
        f"({', '.join(VERDICTS)}); json and jsonl keep them"
    )


ONE_PERSON = frozenset(
    ("spokesman", "spokeswoman", "spokesperson", "official", "representative", "lawyer")
)
"""The last word of a source that names one person by a body's role: "Pentagon
spokesman", "a senior Defense Department official" are a Person (qa7 Q10 a: the
spokesman was published as an Organization), "U.S. officials" a body."""


def source_type(source: str) -> str:
    """Organization for names like "Ukraine's military intelligence agency", else Person;
    a Person too for one person named by a body's role ("Pentagon spokesman", "Kremlin
    spokesman Dmitry Peskov")."""
    words = source.lower().split()
    if words and words[-1].strip(".,;:’'\"") in ONE_PERSON:
        return "Person"
    if named_after_role(source):
        return "Person"
    return "Organization" if ORGANISATION.search(source) else "Person"


def rating_name(status: str) -> str:
    return status.replace("_", " ").capitalize()


def claim_review(
    annotation: Annotation, article: Mapping[str, Any], iri: str, speaker: str | None
) -> dict[str, Any]:
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": article_iri(annotation.article_id),
        "identifier": annotation.article_id,
    }
    if article.get("title"):
        appearance["headline"] = article["title"]
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if speaker:
        claim["author"] = {"@type": source_type(speaker), "name": speaker}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": iri,
        "claimReviewed": annotation.quote,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": rating_name(annotation.status)},
        "author": {"@type": "Person", "name": annotation.annotator},
        "datePublished": annotation.updated_at,
    }
    if annotation.note:
        review["reviewBody"] = annotation.note
    return review


def claim_reviews(data: ExportData[Annotation]) -> dict[str, Any]:
    articles = {str(article["id"]): article for article in data.articles}
    reviewed = [annotation for annotation in data.annotations if is_review(annotation)]
    speaker = speakers_named(data.annotations)
    reviews = [
        claim_review(annotation, articles.get(annotation.article_id, {}), iri, speaker(annotation))
        for annotation, iri in zip(reviewed, annotation_iris(reviewed), strict=True)
    ]
    return {"@context": CONTEXT, "@graph": reviews}


def render_claimreview(data: ExportData[Annotation]) -> bytes:
    return dumps_for_a_page(claim_reviews(data))
