"""An article edited after it was annotated, through the app: nothing shows on the sentence
that now sits at an annotation's old index, the annotation shows on its own sentence, a
notice says what moved, the re-anchoring is undone and redone like any change, and the
review and summary screens list what is to check, orphaned or missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from tests.functional.test_review import settle
from tests.functional.test_type_ahead import settle as settle_typed
from tests.functional.test_type_ahead import type_ahead
from workbench.core.anchoring.reanchoring import plans, store_plans
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.workspace import WorkspaceChange
from workbench.tui.tagged_line import CHANGED_STYLE
from workbench.tui.widgets.annotation_panel import AnnotationPanel
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)
OLD = article(STORY)
NOTE_LINE = "Editor's note: this article was updated to correct the agency's name."
INSERTED = STORY.replace("\n", f"\n{NOTE_LINE}\n", 1)
CORRECTED = INSERTED.replace("Moscow denied any deployment. ", "").replace(
    "No comment was given.", "No coment was given."
)


def corpus_of(tmp_path: Path, text: str) -> Corpus:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "story.txt").write_text(text, encoding="utf-8")
    return load_corpus([folder])


@pytest.fixture
def annotated(store: AnnotationStore) -> AnnotationStore:
    """The analyst's work on the story before the publisher's correction."""
    store.save(annotate(OLD, 1, store.annotator, tags=("claim", "attribution"), source="agency"))
    store.save(annotate(OLD, 3, store.annotator, tags=("denial",), note="the denial"))
    store.save(annotate(OLD, 6, store.annotator, tags=("claim",)))
    return store


def panel(app: WorkbenchApp) -> AnnotationPanel:
    return app.screen.query_one(AnnotationPanel)


async def anchoring_tab(app: WorkbenchApp, pilot) -> SummaryScreen:  # type: ignore[no-untyped-def]
    """The summary screen, on its Anchoring tab (5)."""
    await settle(app, pilot)
    await pilot.press("S")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, SummaryScreen)
    await pilot.press("5")
    return screen


def notices(app: WorkbenchApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_the_panel_shows_nothing_on_the_sentence_now_at_the_old_index(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    corpus = corpus_of(tmp_path, INSERTED)
    start = StartAt(article_id="story", sentence=2)  # index 1: the inserted note now
    app = WorkbenchApp(annotated, corpus=corpus, start=start, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)  # the start-up re-anchoring's worker and its notice
        shown = panel(app)
        assert shown.annotation is None
        assert "○ nothing recorded" in shown.compose_panel().plain
        assert "agency" not in shown.compose_panel().plain
        assert (
            "“Troops sent to Kursk”, still to look at (this change and earlier ones): "
            "3 moved, 0 to check, 0 orphaned" in " ".join(notices(app))
        )
        await pilot.press("j")
        moved = panel(app).annotation
        assert moved is not None and moved.source == "agency"
        assert moved.tags == ("claim", "attribution")
        assert "moved here after the article changed" in panel(app).compose_panel().plain
        await pilot.press("y")  # the analyst confirms it belongs here
    assert annotated.get("story", 1) is None
    confirmed = annotated.get("story", 2)
    assert confirmed is not None and confirmed.anchor_state == "current"
    assert "reanchor" in [change.action for change in annotated.history()]


async def test_u_never_undoes_the_reanchoring_done_at_opening_and_a_new_tag_takes_no_old_key(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """qa6 Q32: opening re-anchors the changed article; the analyst's `u` is for their
    own changes, so it leaves the re-anchoring as stored (screen and database agree)
    and undoes the analyst's last tag where the re-anchoring took it, going there
    (tr14 T1: refused before, "Re-anchoring moved it since"); ctrl+r puts it back."""
    corpus = corpus_of(tmp_path, INSERTED)
    start = StartAt(article_id="story", sentence=2)
    app = WorkbenchApp(annotated, corpus=corpus, start=start, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {a.index for a in annotated.all()} == {2, 4, 7}
        await pilot.press("u")
        await pilot.pause()
        assert {a.index for a in annotated.all()} == {2, 4}
        assert not [n for n in notices(app) if n.startswith("Not undone")]
        (undid,) = [n for n in notices(app) if n.startswith("Undid")]
        assert undid.endswith("sentence 8.")
        assert app.session is not None and app.session.place.sentence == 7
        assert panel(app).annotation is None
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert {a.index for a in annotated.all()} == {2, 4, 7}
        assert panel(app).annotation is not None and panel(app).annotation.tags == ("claim",)
        await pilot.press("k", "k", "k", "k", "k", "k")
        assert app.session.place.sentence == 1
        assert panel(app).annotation is None  # the inserted note, as stored
        assert panel(app).error == ""  # nothing was being saved (qa8 Q11 i)
        await pilot.press("c")  # a new key, no old one
    tagged = annotated.get("story", 1)
    assert tagged is not None and tagged.tags == ("claim",) and tagged.source is None
    kept = annotated.get("story", 2)
    assert kept is not None and (kept.source, kept.tags) == ("agency", ("claim", "attribution"))


async def test_review_lists_orphans_and_checks_and_acts_on_them(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    annotated.save(annotate(article(STORY, "renamed"), 2, annotated.annotator, note="gone"))
    corpus = corpus_of(tmp_path, CORRECTED)
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        # f, 6 = anchoring; then 3 = orphaned (any, to check, orphaned, article not opened).
        await pilot.press("f", "6", "3")
        await settle(app, pilot)
        assert [row.annotation.note for row in screen.shown] == ["the denial"]
        cells = screen.query_one(ReviewTable).get_row_at(0)
        assert cells[1].plain == "—"
        await pilot.press("c")  # no tag edit on an orphan
        assert annotated.orphans()[0].tags == ("denial",)
        await pilot.press("x")
        assert annotated.orphans() == []
        await pilot.press("u")
        await settle(app, pilot)
        assert [o.note for o in annotated.orphans()] == ["the denial"]
        await pilot.press("t")  # re-attach: the most similar free sentence is offered
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert annotated.orphans() == []
        reattached = next(a for a in annotated.all() if a.note == "the denial")
        assert reattached.anchor_state == "current"
        # f, 6, 2 = to check: the typo-fixed sentence; y confirms it.
        await pilot.press("f", "6", "2")
        await settle(app, pilot)
        assert [row.annotation.index for row in screen.shown] == [6]
        await pilot.press("y")
        await settle(app, pilot)
        confirmed = annotated.get("story", 6)
        assert confirmed is not None and confirmed.anchor_state == "current"
        # f, 6, 4 = article not opened.
        await pilot.press("f", "6", "4")
        await settle(app, pilot)
        assert [row.annotation.article_id for row in screen.shown] == ["renamed"]


async def test_t_takes_a_burst_typed_after_it(annotated: AnnotationStore, tmp_path: Path) -> None:
    """The arrow typed straight after t moves in the re-attach prompt, not in the table
    (workbench.tui.typeahead): the orphan goes to the sentence after the one offered."""
    corpus = corpus_of(tmp_path, CORRECTED)
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("f", "6", "3")  # anchoring: orphaned
        await settle(app, pilot)
        assert [row.annotation.note for row in screen.shown] == ["the denial"]
        await pilot.press("t")
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        offered = prompt.shown.index(prompt.current or "")
        below = prompt.shown[offered + 1]  # "N. sentence text"
        await pilot.press("escape")
        type_ahead(app, "t", "down", "enter")
        await settle_typed(app)
        assert app.screen is screen
    assert annotated.orphans() == []
    reattached = next(a for a in annotated.all() if a.note == "the denial")
    assert reattached.index == int(below.split(".")[0]) - 1


async def test_the_summary_has_an_anchoring_tab(annotated: AnnotationStore, tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, CORRECTED)
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await anchoring_tab(app, pilot)
        assert [(state, a.index) for state, a in screen.anchoring] == [
            ("check", 6),
            ("orphaned", 3),
        ]
        assert screen.summary is not None and screen.summary.totals.annotations == 2


# -- QA finding 3: an annotation to check shows what was tagged beside the sentence now.

FIGURE_CHANGED = STORY.replace("3,000 troops", "30,000 troops")


def marked(content: Content) -> list[str]:
    """The stretches shown marked as changed."""
    return [
        content.plain[span.start : span.end]
        for span in content.spans
        if str(span.style) == CHANGED_STYLE
    ]


def tagged_line_of(shown: Content) -> Content:
    (line,) = [line for line in shown.split("\n") if line.plain.startswith("as tagged: ")]
    return line


async def test_a_check_shows_the_quote_as_tagged_in_the_panel_and_the_review(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    corpus = corpus_of(tmp_path, FIGURE_CHANGED)
    app = WorkbenchApp(annotated, corpus=corpus, start=StartAt("story", 2), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = panel(app)
        assert shown.annotation is not None and shown.annotation.anchor_state == "check"
        line = tagged_line_of(shown.compose_panel())
        assert "The ministry said 3,000 troops arrived on Monday." in line.plain
        assert marked(line) == ["3,000"]
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("f", "6", "2")  # anchoring: to check
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [row.annotation.index for row in screen.shown] == [1]
        detail = screen.query_one("#review-detail", Static).render()
        assert isinstance(detail, Content)
        assert "30,000" in detail.plain.split("\n")[0]
        assert marked(tagged_line_of(detail)) == ["3,000"]


async def test_a_check_stored_by_an_earlier_session_shows_the_quote_as_tagged(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """Re-anchored and stored before this session (`workbench reanchor`, another day):
    the version tagged is read from the history."""
    corpus = corpus_of(tmp_path, FIGURE_CHANGED)
    store_plans(annotated, list(plans(annotated, corpus.articles)))
    stored = annotated.get("story", 1)
    assert stored is not None and stored.anchor_state == "check"
    app = WorkbenchApp(annotated, corpus=corpus, start=StartAt("story", 2), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        line = tagged_line_of(panel(app).compose_panel())
        assert marked(line) == ["3,000"]


async def test_the_first_reanchored_notice_names_the_article(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """QA finding 15: the start-up worker's notice said only "1 article(s) changed"."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_first.txt").write_text("First\nNothing changed here.\n", encoding="utf-8")
    (folder / "story.txt").write_text(INSERTED, encoding="utf-8")
    app = WorkbenchApp(annotated, corpus=load_corpus([folder]), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        said_now: list[str] = []
        for _ in range(100):  # the start-up worker may not have started at the first settle
            await settle(app, pilot)
            if said_now := [n for n in notices(app) if "changed since" in n]:
                break
            await pilot.pause(0.05)
        (said,) = said_now
        assert said.startswith(
            "“Troops sent to Kursk” changed since it was annotated. This change: 3 moved, "
        )


async def test_the_summary_shows_the_quote_as_tagged_and_counts_no_missing_article(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """QA findings 3 and 7, in the summary screen; the missing article is named by the
    title the database remembers, not by its id (qa9 Q19)."""
    renamed = article(STORY, "renamed")
    annotated.save(annotate(renamed, 2, annotated.annotator, note="gone"))
    annotated.remember_article("renamed", "Troops sent to Kursk, as first filed", renamed.sha256, 3)
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, FIGURE_CHANGED), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await anchoring_tab(app, pilot)
        assert [(state, a.index) for state, a in screen.anchoring] == [
            ("check", 1),
            ("article_missing", 2),
        ]
        table = screen.query_one("#anchoring-table", DataTable)
        row = table.get_row_at(0)
        assert "30,000" in row[5].plain and marked(row[6]) == ["3,000"]
        # A sentence to check counts in the text now; one on no sentence says "was" (qa5 Q17).
        assert [table.get_row_at(n)[2].plain for n in range(2)] == ["2", "was 3"]
        # the remembered title, cut at a word to its column (polish19), beside the
        # state whole, "article not opened" (qa20 #8)
        assert table.get_row_at(1)[1].plain == "Troops sent to…"
        assert table.get_row_at(1)[0].plain == "article not opened"
        assert "Troops sent to Kursk, as first filed" in screen.detail_of("anchoring", 1)
        assert screen.summary is not None and screen.summary.totals.annotations == 3
        assert "renamed" not in [row.article_id for row in screen.summary.articles]


# -- qa3 F8: a claim to check shows the new sentence's figure: marked, never as tagged.


async def test_the_anchoring_tab_cuts_a_quote_as_tagged_around_its_changed_words(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """qa20 #8: at 100 columns the "as tagged" column is 20 cells; cut from its start,
    "The ministry said…", it would leave out the "3,000" it is there to mark (and
    clipped, it did: "The ministry said 3")."""
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, FIGURE_CHANGED), keymap={})
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await anchoring_tab(app, pilot)
        table = screen.query_one("#anchoring-table", DataTable)
        width = list(table.columns.values())[6].width
        cell = table.get_row_at(0)[6]
        assert cell_len(cell.plain) <= width < cell_len("The ministry said 3,000 troops")
        assert marked(cell) == ["3,000"]
        assert cell.plain.startswith("…") and cell.plain.endswith("…"), cell.plain


KYIV = "Kyiv report\nKyiv said 12,000 troops arrived on Monday. No comment was given.\n"


async def test_the_summary_marks_a_figure_to_check_in_conflicts_and_ledger(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    kyiv = article(KYIV, "kyiv")
    annotated.save(
        annotate(kyiv, 1, annotated.annotator, tags=("claim", "attribution"), source="Kyiv")
    )
    folder = corpus_of(tmp_path, FIGURE_CHANGED).articles[0].path.parent
    (folder / "kyiv.txt").write_text(KYIV, encoding="utf-8")
    corpus = load_corpus([folder])
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        banner = screen.query_one("#conflict-banner", Static).render()
        assert str(banner).split("\n")[0] == "⚠ troops: 12,000, 30,000 (to check)"
        await pilot.press("2")  # conflicts
        await settle(app, pilot)
        table = screen.query_one("#conflicts-table", DataTable)
        written = [table.get_row_at(row)[2].plain for row in range(table.row_count)]
        # cut to its 18 cells with "…", the "(to check)" kept (qa20 #8)
        assert written == ["12,000 troops", "30,000… (to check)"]
        detail = screen.detail_of("conflicts", 1)
        assert detail.split("\n")[1].startswith("30,000 (to check) as written")
        await pilot.press("1")  # ledger
        await settle(app, pilot)
        table = screen.query_one("#ledger-table", DataTable)
        rows = [[cell.plain for cell in table.get_row_at(n)] for n in range(table.row_count)]
        # at 120 columns the ledger's analyst and figures columns keep 7 and 9 cells:
        # "tester (to check)" is cut with "…" (it was clipped), and the pane says it
        assert rows[1][5] == f"{annotated.annotator}…"
        assert "(to check)" in screen.detail_of("ledger", 1)
        await pilot.resize_terminal(200, 36)
        for _ in range(400):  # fitted again REFIT_DELAY after the width settles
            await pilot.pause(0.05)
            if screen.refit is None and screen.filled_width == screen.size.width == 200:
                break
        await settle(app, pilot)
        table = screen.query_one("#ledger-table", DataTable)
        rows = [[cell.plain for cell in table.get_row_at(n)] for n in range(table.row_count)]
        who = f"{annotated.annotator} (to check)"  # whole where the columns have room
        marked_rows = [(row[3], row[4], row[5], row[8]) for row in rows if "to check" in row[5]]
        assert marked_rows == [("Troops sent to Kursk", "2", who, "30,000 troops (to check)")]


async def test_a_digit_in_the_reattach_picker_is_the_sentence_number(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """tr11 T11: the picker lists the free sentences by their own numbers ("3. …"), and a
    digit picked the N-th option: with sentence 2 taken, "2" (the sentence it was, the
    number the analyst reads) re-attached the orphan at once to sentence 3. A digit is the
    sentence's number; a taken sentence's does nothing but say so."""
    corpus = corpus_of(tmp_path, CORRECTED)
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("f", "6", "3")  # anchoring: orphaned
        await settle(app, pilot)
        await pilot.press("t")
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        numbers = [int(label.split(".")[0]) for label in prompt.shown]
        taken = next(n for n in range(1, 10) if n not in numbers)
        free = next(n for n in numbers if numbers.index(n) + 1 != n)  # not its option number
        await pilot.press(str(taken))
        await pilot.pause()
        assert app.screen is prompt  # nothing picked
        await pilot.press(str(free))
        await settle(app, pilot)
        assert app.screen is screen
    reattached = next(a for a in annotated.all() if a.note == "the denial")
    assert reattached.index == free - 1


TWELVE = (
    "Long story\n"
    + "\n".join(
        [
            "Apples grew in the north.",
            "Bridges collapsed after the storm.",
            "Cattle prices rose sharply.",
            "Dolphins returned to the bay.",
            "Engineers blamed the weld.",
            "Forest fires burned for a week.",
            "Glaciers retreated again this year.",
            "Harbour workers went on strike.",
            "Islanders voted against the plan.",
            "Jungle roads stayed closed.",
            "Kettle sales doubled in winter.",
            "Lantern festivals drew huge crowds.",
        ]
    )
    + "\n"
)


async def open_reattach_picker(app: WorkbenchApp, pilot) -> ChoicePrompt:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("r")
    await settle(app, pilot)
    assert isinstance(app.screen, ReviewScreen)
    await pilot.press("f", "6", "3")  # anchoring: orphaned
    await settle(app, pilot)
    await pilot.press("t")
    prompt = app.screen
    assert isinstance(prompt, ChoicePrompt) and not prompt.filtered
    return prompt


def orphaned_twelve(store: AnnotationStore, tmp_path: Path) -> Corpus:
    """Sentences 3-5 of TWELVE tagged, and 13 tagged then replaced by the publisher: the
    re-attach picker is short (10 free sentences) and shows numbers up to 13."""
    old = article(TWELVE)
    for index in (2, 3, 4):
        store.save(annotate(old, index, store.annotator))
    store.save(annotate(old, 12, store.annotator, note="orphan me"))
    return corpus_of(tmp_path, TWELVE.replace("Lantern festivals drew huge crowds.", "Snow fell."))


async def test_a_two_digit_sentence_number_is_typed_whole_in_the_reattach_picker(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """rv11 R8: the short picker showed "1. Long story" … "12. Kettle sales …", and "12"
    re-attached the orphan at once to sentence 1 (the title) at its first digit. A
    number that begins another one shown waits for the next digit."""
    app = WorkbenchApp(store, corpus=orphaned_twelve(store, tmp_path), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        prompt = await open_reattach_picker(app, pilot)
        assert "12. Kettle sales doubled in winter." in prompt.shown
        await pilot.press("1")
        await pilot.pause()
        assert app.screen is prompt  # "1" begins 12 and 13: nothing picked yet
        await pilot.press("2")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
    placed = next(a for a in store.all() if a.note == "orphan me")
    assert (placed.index, placed.anchor_state) == (11, "current")


async def test_enter_picks_the_number_typed_that_begins_others(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """rv11 R8: "1" (begins 12 and 13) waits; Enter then picks sentence 1, and Backspace
    drops the digits typed."""
    app = WorkbenchApp(store, corpus=orphaned_twelve(store, tmp_path), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        prompt = await open_reattach_picker(app, pilot)
        await pilot.press("1", "backspace", "1")
        await pilot.pause()
        assert app.screen is prompt and prompt.typed == "1"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
    placed = next(a for a in store.all() if a.note == "orphan me")
    assert placed.index == 0


async def test_a_sentence_number_typed_in_a_long_reattach_picker_comes_first(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """tr13 T10: a long picker (more than 10 free sentences) filters by what is typed, and
    "12" then Enter re-attached the orphan to the first sentence whose text holds "12"
    ("4. Cattle prices rose 12 percent."), stored current. The sentences whose number
    begins with the digits come first, the number itself highlighted."""
    text = TWELVE.replace("Cattle prices rose sharply.", "Cattle prices rose 12 percent.")
    old = article(text)
    store.save(annotate(old, 12, store.annotator, note="orphan me"))
    corpus = corpus_of(tmp_path, text.replace("Lantern festivals drew huge crowds.", "Snow fell."))
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("f", "6", "3")  # anchoring: orphaned
        await settle(app, pilot)
        await pilot.press("t")
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt) and prompt.filtered
        await pilot.press("1", "2")
        await pilot.pause()
        assert prompt.shown[:2] == [
            "12. Kettle sales doubled in winter.",
            "4. Cattle prices rose 12 percent.",
        ]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
    placed = next(a for a in store.all() if a.note == "orphan me")
    assert (placed.index, placed.quote) == (11, "Kettle sales doubled in winter.")


async def test_the_highlight_follows_the_orphan_it_re_attached(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """tr13 T11: after `t` the review said "The annotation you had highlighted changed in
    another session and is no longer in this list" (the orphan's row had become the
    placed one's) and put the highlight on the first row. It stays on the re-attached
    annotation, and nothing is said of another session."""
    app = WorkbenchApp(store, corpus=orphaned_twelve(store, tmp_path), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        at = next(n for n, row in enumerate(review.shown) if row.annotation.is_orphan)
        await pilot.press(*["down"] * at, "t")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("1", "2")
        await settle(app, pilot)
        assert app.screen is review
        found = review.highlighted()
        assert found is not None and found[1].annotation.note == "orphan me"
        assert found[1].annotation.index == 11
        said = [notification.message for notification in app._notifications]
        assert not [message for message in said if "another session" in message]


async def test_an_undone_confirmation_shows_the_quote_as_tagged_again(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """qa14 Q17: `y` in one session, `u` in the next: the panel said "as tagged: the same
    words…" beside the sentence's new figure, and `y` would then be pressed blind."""
    corpus = corpus_of(tmp_path, FIGURE_CHANGED)
    app = WorkbenchApp(annotated, corpus=corpus, start=StartAt("story", 2), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
    confirmed = annotated.get("story", 1)
    assert confirmed is not None and confirmed.anchor_state == "current"
    app = WorkbenchApp(annotated, corpus=corpus, start=StartAt("story", 2), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        shown = panel(app)
        assert shown.annotation is not None and shown.annotation.anchor_state == "check"
        line = tagged_line_of(shown.compose_panel())
        assert "The ministry said 3,000 troops arrived on Monday." in line.plain
        assert marked(line) == ["3,000"]
    undone = list(plans(annotated, corpus.articles))  # `workbench reanchor` after it
    assert all(p.after.anchor_state == "check" for r in undone for p in r.plan.placements)


async def test_a_taken_sentence_typed_in_the_reattach_picker_says_why_it_is_not_listed(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """qa14 Q12: the picker lists only the sentences without an annotation of the
    analyst's and said none of it: the sentence the orphan's words went into, typed,
    answered "6 is not one of the numbers shown"."""
    corpus = corpus_of(tmp_path, CORRECTED)
    app = WorkbenchApp(annotated, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        prompt = await open_reattach_picker(app, pilot)
        assert "without an annotation of yours" in prompt.detail
        numbers = [int(label.split(".")[0]) for label in prompt.shown]
        taken = next(n for n in range(1, 10) if n not in numbers)
        await pilot.press(str(taken))
        await pilot.pause()
        label = prompt.query_one("#choice-hint", Label)
        hint = str(label.render())
        assert app.screen is prompt
        assert hint == f"Sentence {taken} already has your annotation, so it is not listed"
        assert len(hint) <= label.content_region.width  # whole on its line, at 80 too
        assert "“Troops sent to Kursk”" in prompt.detail  # the article, not cut in a title


async def test_a_read_only_session_counts_an_orphan_in_memory_as_orphaned(
    tmp_path: Path,
) -> None:
    """tr14 T5: opened read-only on an article whose tagged sentence was deleted, the
    notice said "0 orphaned" and the header counted the orphan among the corpus's tags
    ("3/6 here, 4/6 in corpus"): the in-memory re-anchoring's orphan was counted as if
    on its sentence. Both now count it nowhere, and nothing is written."""
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="ana") as writer:
        for index in (1, 3, 6):
            writer.save(annotate(OLD, index, "ana", tags=("claim",)))
    corpus = corpus_of(tmp_path, STORY.replace("Moscow denied any deployment. ", ""))
    files = {p.name: p.read_bytes() for p in tmp_path.glob("db.json*")}
    with AnnotationStore.open(path, annotator="ana", read_only=True) as store:
        app = WorkbenchApp(store, corpus=corpus, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            said = " ".join(notices(app))
            assert "1 moved, 0 to check, 1 orphaned" in said  # index 6 moved to 5
            assert app.session is not None
            assert app.session.tagged_in_article() == 2
            assert app.session.tagged_in_corpus() == 2
            assert app.workspace is not None  # another session changed the article:
            app.workspace.announce(WorkspaceChange(article_ids=frozenset({"story"}), here=False))
            assert app.session.tagged_in_corpus() == 2  # counted again as shown (was 3)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("db.json*")} == files
