"""The review's source column names the speaker a source resolves to, as the summary
does, and sorting by source keeps one person's rows together (qa13 Q18: Ingrid Sæther's
rows were scattered over "Commander Sæther", "Ingrid Sæther", "She" and "Sæther", and
"She" said nothing of whom)."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.functional.test_review import open_review, settle
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.review_table import ReviewTable

FERRY = "\n".join(
    [
        "Ferry capsizes off Åsgård island",
        "A passenger ferry capsized off the island of Åsgård late on Friday, according to "
        "the coast guard.",
        "Commander Ingrid Sæther, who leads the regional coast guard, told reporters that 12 "
        "survivors had been pulled from the water.",
        '"The sea was very rough and the ship went over in minutes," Sæther said. She added '
        "that about 60 people were still missing.",
        "Witnesses said the vessel had been listing badly before it left the port.",
        "The ferry was carrying 312 passengers and crew, Commander Sæther said.",
        "",
    ]
)
SOURCES = {
    1: "coast guard",
    2: "Ingrid Sæther",
    3: "Sæther",
    4: "She",
    5: "Witnesses",
    6: "Commander Sæther",
}


async def test_the_source_column_shows_and_sorts_by_the_speaker(
    store: AnnotationStore, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "001_ferry.txt").write_text(FERRY, "utf-8")
    corpus = load_corpus([folder])
    article = corpus.articles[0]
    assert [article.sentences[n].text.split()[0] for n in SOURCES] == [
        "A", "Commander", '"The', "She", "Witnesses", "The"
    ]  # fmt: skip
    for index, source in SOURCES.items():
        store.save(annotate(article, index, store.annotator, tags=("claim",), source=source))
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(160, 36)) as pilot:
        review = await open_review(app, pilot)
        for _ in range(20):  # the speakers are read in a worker the rows' arrival starts
            if review.speakers is not None:
                break
            await settle(app, pilot)
        await settle(app, pilot)
        table = review.query_one(ReviewTable)
        column = [str(table.get_row_at(n)[3]) for n in range(table.row_count)]
        await pilot.press("o", "4")  # sort by source
        await settle(app, pilot)
        ordered = [row.annotation.source for row in review.shown]
        detail = str(review.query_one("#review-detail").render())
        await pilot.press("down", "down", "down")
        she = str(review.query_one("#review-detail").render())
    assert "She → Ingrid Sæther" in column
    assert "Commander Sæther → Ingrid Sæther" in column and "Ingrid Sæther" in column
    assert "coast guard" in column and "Witnesses" in column, "a name as typed stays so"
    assert ordered[0] == "coast guard" and ordered[-1] == "Witnesses"
    assert set(ordered[1:5]) == {"Commander Sæther", "Ingrid Sæther", "She", "Sæther"}
    assert detail.startswith("coast guard: ")
    assert she.startswith("She → Ingrid Sæther: She added")
