"""qa16 Q18: exporting ClaimReview from the palette with no verdict given said "Exported
· 46 bytes written", an empty graph, where the CLI says why nothing was written (qa5
Q10): only a claim with a verdict is a review. The notice says it too."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.functional.test_export_from_tui import export_notices
from workbench.core.corpus.articles import Corpus


async def test_an_export_with_no_review_says_why(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "reviews.jsonld"
    messages = await export_notices(make_app(), "claimreview", target)
    assert target.exists()
    (said,) = [m for m in messages if str(target) in m]
    assert "no ClaimReview written: only a claim with a verdict" in said
    assert "none of the 1 annotation(s) selected has one" in said


async def test_an_export_with_a_review_says_how_many_it_left_out(  # type: ignore[no-untyped-def]
    make_app, store: AnnotationStore, bundled: Corpus, tmp_path: Path
) -> None:
    """qa18 F14: 1 review of 169 annotations written, the other 168 said nowhere."""
    store.save(annotate(bundled.articles[0], 1, "tester", status="refuted"))
    target = tmp_path / "reviews.jsonld"
    messages = await export_notices(make_app(), "claimreview", target)
    (said,) = [m for m in messages if str(target) in m]
    assert "no ClaimReview written" not in said
    assert said.endswith(
        "; 1 annotation(s) left out: ClaimReview holds only claims with a verdict "
        "(supported, refuted, disputed, inconclusive); json and jsonl keep them"
    )


async def test_other_formats_say_nothing_of_reviews(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    messages = await export_notices(make_app(), "w3c", tmp_path / "out.jsonld")
    assert not any("ClaimReview" in m for m in messages)
