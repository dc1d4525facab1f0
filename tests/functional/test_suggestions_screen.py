"""Suggestions on the annotate screen: shown apart from what is recorded, stored only when
accepted (Enter: the whole suggestion, then the next sentence), recorded as provenance,
and off when the settings say so."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from store import AnnotationStore
from workbench.config.settings import SuggestionSettings
from workbench.core.analysis.suggestions.provenance import as_shown
from workbench.core.analysis.suggestions.suggest import Suggestion, suggest
from workbench.core.corpus.articles import Article, Corpus, load_corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.suggestions import ArticleSuggestions
from workbench.tui.widgets.annotation_panel import AnnotationPanel
from workbench.tui.widgets.sentence_view import SentenceView
from workbench.tui.widgets.suggestion_marks import score_text, suggestion_line

SIZE = (100, 30)
ON = SuggestionSettings(enabled=True, lowest_score=0.5)


def he_added(corpus: Corpus) -> tuple[Article, int]:
    """The bundled sentence "He added: …" after General Ryder's quote."""
    article = corpus.articles[0]
    index = next(s.index for s in article.sentences if s.text.startswith("He added"))
    return article, index


async def ready(pilot: Pilot[None]) -> None:
    """Until the suggestions worker has handed its result to the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def panel_text(app: WorkbenchApp) -> str:
    return str(app.screen.query_one(AnnotationPanel).render())


def place(app: WorkbenchApp) -> tuple[int, int]:
    assert app.session is not None
    return app.session.place.article, app.session.place.sentence


async def test_enter_stores_exactly_the_suggestion_and_advances(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    expected = as_shown(suggest(article)[index], ON.lowest_score)
    assert expected is not None and expected.source == "He"
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        shown = panel_text(app)
        assert "suggested" in shown and "He → Pat Ryder" in shown
        assert store.count() == 0, "nothing stored until accepted"
        await pilot.press("enter")
        assert place(app) == (0, index + 1), "one key: accepted and on the next sentence"
        saved = store.get(article.id, index)
        assert saved is not None
        assert (saved.tags, saved.source) == (expected.tags, expected.source)
        assert saved.suggestion is not None and saved.suggestion_outcome == "accepted"
        assert saved.suggestion.resolved_source == "Pat Ryder"
        assert (saved.note, saved.status) == ("", "unverified")
        assert store.count() == 1, "only the accepted sentence"


async def test_keys_still_toggle_and_the_source_prompt_offers_the_speaker(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("d")
        saved = store.get(article.id, index)
        assert saved is not None and saved.tags == ("denial",)
        assert saved.suggestion_outcome == "changed", "shown, and not what was recorded"
        await pilot.press("d", "s")
        # the pronoun as the guideline records it, the prompt saying whom (qa17 Q2)
        assert app.screen.query_one(Input).value == "He"
        assert "taken for Pat Ryder" in str(app.screen.query_one(".prompt-reading").render())
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("enter")
        accepted = store.get(article.id, index)
        assert accepted is not None and accepted.suggestion_outcome == "accepted"
        assert place(app) == (0, index + 1)


async def test_the_cue_and_source_are_marked_in_the_sentence(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SentenceView)
        sentence = article.sentences[index].text
        marked = {mark.kind: sentence[mark.start : mark.end] for mark in view.marks}
        assert marked == {"source": "He", "cue": "added"}


async def test_with_suggestions_off_nothing_is_shown_or_recorded(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    off = SuggestionSettings(enabled=False)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=off)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "suggested" not in panel_text(app)
        assert not app.screen.query_one(SentenceView).marks
        await pilot.press("enter")
        assert place(app) == (0, index + 1) and store.count() == 0, "Enter only moves on"
        await pilot.press("c")
        saved = store.get(article.id, index + 1)
        assert saved is not None and saved.suggestion_outcome == "not_shown"


async def test_the_lowest_score_shown_hides_the_less_sure_tags(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    scores = suggest(article)[index].scores
    lowest = (scores["claim"] + scores["attribution"]) / 2
    assert scores["claim"] < lowest <= scores["attribution"]
    strict = SuggestionSettings(enabled=True, lowest_score=lowest)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=strict)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "◇ claim" not in panel_text(app) and "◇ attribution" in panel_text(app)
        await pilot.press("enter")
        saved = store.get(article.id, index)
        assert saved is not None and (saved.tags, saved.source) == (("attribution",), "He")


async def test_the_summary_screen_reports_the_acceptance_rate(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # General Ryder's quote, accepted as is
        await ready(pilot)
        await pilot.press("d")  # "He added": changed
        assert [a.suggestion_outcome for a in store.all()] == ["accepted", "changed"]
        await pilot.press("S")
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen) and screen.summary is not None
        status = str(screen.query_one("#summary-status", Static).render())
        assert "suggestions 50% accepted as is" in status


async def test_a_failing_suggester_is_named_and_the_screen_works_on(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    def broken(article: Article) -> list[Suggestion]:
        raise RuntimeError("lexicon missing")

    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=bundled.articles[1].id, sentence=1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.session is not None
        app.session.suggestions = ArticleSuggestions(ON, suggester=broken)
        app.session.go_to(article.id, index)
        await pilot.press("j", "k")
        await ready(pilot)
        assert any("lexicon missing" in str(n.message) for n in app._notifications)
        assert "suggested —" in panel_text(app)
        await pilot.press("enter", "k", "c")
        assert place(app) == (0, index) and store.count() == 1
        saved = store.get(article.id, index)
        assert saved is not None and saved.suggestion_outcome == "not_shown"


async def test_enter_before_the_suggestions_show_neither_skips_nor_stores(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """On a long article the worker takes a while: Enter pressed on "suggested …" stays
    on the sentence and says so (moving on would skip it unseen), then accepts."""
    computing = threading.Event()
    release = threading.Event()

    def slow(article: Article) -> list[Suggestion]:
        computing.set()
        release.wait(timeout=30)
        return suggest(article)

    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=bundled.articles[1].id, sentence=1), suggestions=ON)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        assert app.session is not None
        app.session.suggestions = ArticleSuggestions(ON, suggester=slow)
        app.session.go_to(article.id, index)
        try:
            await pilot.press("j", "k")
            assert computing.wait(timeout=30)
            assert "suggested …" in panel_text(app)
            await pilot.press("enter", "enter")
            assert place(app) == (0, index) and store.count() == 0
            said = [str(notification.message) for notification in app._notifications]
            assert any("still being worked out" in message for message in said)
        finally:
            release.set()
        await ready(pilot)
        await pilot.press("enter")
        assert place(app) == (0, index + 1)
        saved = store.get(article.id, index)
        assert saved is not None and saved.suggestion_outcome == "accepted"


async def test_enter_in_a_list_or_a_prompt_never_accepts_a_suggestion(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)  # the suggestions and the search index
        await pilot.press("slash")
        app.screen.query_one(Input).value = "indications casualties killed wounded"
        await ready(pilot)
        await pilot.press("enter")  # jumps to "He added: …" and is spent there
        await ready(pilot)
        assert isinstance(app.screen, AnnotateScreen) and place(app) == (0, index)
        await pilot.press("o", "enter", "g", *str(index + 1), "enter", "e", "x", "enter")
        await ready(pilot)
        assert isinstance(app.screen, AnnotateScreen) and place(app) == (0, index)
        (noted,) = store.all()
        assert (noted.note, noted.tags, noted.suggestion_outcome) == ("x", (), "changed")


async def test_enter_keeps_tags_the_analyst_corrected_and_moves_on(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """Correct, then move on: a denial recorded with `d` is the analyst's judgement, and
    the key that moves on must not replace it with the suggestion (qa3 F2)."""
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("d")
        assert "yours kept" in panel_text(app)
        await pilot.press("enter")
        assert place(app) == (0, index + 1), "Enter still moves on"
        saved = store.get(article.id, index)
        assert saved is not None and saved.tags == ("denial",), "the correction is kept"
        assert saved.suggestion_outcome == "changed"


async def test_enter_takes_the_tags_and_keeps_a_source_the_analyst_typed(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """qa4 Q2: a source of the analyst's own blocked the suggested tags (the sentence
    stayed untagged); Enter takes the tags and keeps the source, and the line says so."""
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s", "ctrl+u", *"Ryder", "enter")
        assert "your source kept" in panel_text(app)
        await pilot.press("enter")
        saved = store.get(article.id, index)
        assert saved is not None and saved.source == "Ryder"
        assert saved.tags and saved.suggestion is not None
        assert saved.tags == saved.suggestion.tags and saved.suggestion_outcome == "changed"
        assert place(app) == (0, index + 1)


async def test_enter_keeps_the_resolved_speaker_the_analyst_took(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """qa4 Q1: `s` pre-filled "Pat Ryder" for "He added", saved, then Enter: the source
    became "He" and every export named "He". (The prompt offers "He" since qa17 Q2; the
    resolved speaker is typed here.)"""
    article, index = he_added(bundled)
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s", *"Pat Ryder", "enter")  # the resolved speaker, typed
        typed = store.get(article.id, index)
        assert typed is not None and typed.source == "Pat Ryder"
        await pilot.press("enter")
        saved = store.get(article.id, index)
        assert saved is not None and saved.source == typed.source
        assert saved.suggestion_outcome == "accepted"


async def test_at_80_columns_the_suggested_source_is_read_whole(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    """qa4 Q18: the line Enter accepts from was cut to "source Ukraine's military in…";
    the source now takes a line of its own when the tags leave it no room."""
    article = bundled.articles[0]
    index, source = next(
        (i, shown.source)
        for i, s in enumerate(suggest(article))
        if (shown := as_shown(s, ON.lowest_score)) is not None and len(shown.source or "") > 30
    )
    app = make_app(StartAt(article_id=article.id, sentence=index + 1), suggestions=ON)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lines = panel_text(app).splitlines()
        assert any(line.startswith("suggested") for line in lines)
        shown = "\n".join(lines)
        assert f"source {source}" in shown, shown
        assert all(len(line) <= 78 for line in lines)


KURSK = """Kursk Front Update

Russian Defence Minister Andrei Belousov denied that 12,000 North Korean soldiers had been sent to Russia.

A spokesman for Ukraine’s army, Andriy Kovalenko, said 3,000 North Korean troops had been killed or wounded.

He called that number “a conservative estimate”.
"""  # noqa: E501
"""qa6 Q13: the last sentence is suggested a denial at .43 (after Belousov's denial)."""


async def test_enter_leaves_a_weak_tag_out_and_the_panel_marks_it(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """qa6 Q13: Enter stored claim, attribution and a .43 denial for a spokesman endorsing
    his own figure; the summary then listed him with a denial. A tag scoring under .50
    is shown as weak ("◇ denial .43?") and Enter stores the others (d adds it)."""
    (tmp_path / "kursk.txt").write_text(KURSK, encoding="utf-8")
    corpus = load_corpus([tmp_path / "kursk.txt"])
    article = corpus.articles[0]
    index = len(article.sentences) - 1
    weak = suggest(article)[index]
    assert "denial" in weak.tags and 0.40 <= weak.scores["denial"] < 0.5
    settings = SuggestionSettings(enabled=True, lowest_score=0.40)
    start = StartAt(article_id=article.id, sentence=index + 1)
    app = WorkbenchApp(store, corpus=corpus, start=start, keymap={}, suggestions=settings)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        shown = panel_text(app)
        assert f"◇ denial {score_text(weak.scores['denial'])}?" in shown
        assert "◇ claim .70" in shown and "◇ claim .70?" not in shown
        await pilot.press("enter")
        saved = store.get(article.id, index)
        assert saved is not None and saved.tags == ("claim", "attribution")
        assert saved.suggestion is not None and saved.suggestion_outcome == "accepted"
        assert saved.suggestion.scores["denial"] == round(weak.scores["denial"], 3)


def test_a_suggestion_only_of_weak_tags_gives_enter_nothing_to_store(tmp_path: Path) -> None:
    (tmp_path / "kursk.txt").write_text(KURSK, encoding="utf-8")
    article = load_corpus([tmp_path / "kursk.txt"]).articles[0]
    found = suggest(article)[len(article.sentences) - 1]
    only_weak = replace(found, tags=("denial",))
    shown = as_shown(only_weak, 0.40)
    assert shown is not None and shown.tags == () and shown.source is None
    line = suggestion_line(only_weak, 0.40, "⏎", "offered").head.plain
    assert line.startswith("suggested, weak: not taken by ⏎ ") and line.endswith("?")


ARRIETA = (
    "Ransom demanded from the health service\n"
    "Its chief executive, Íñigo Arrieta, said the company was cooperating with the police. "
    "He denied that the company's own staff had been careless.\n"
    "The police declined to comment.\n"
)
IBANEZ = ARRIETA.replace(
    "police. He denied",
    "police. The supplier's owner, Pablo Ibáñez, declined to comment. He denied",
)


def story_corpus(tmp_path: Path, text: str) -> Corpus:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "ransom.txt").write_text(text, encoding="utf-8")
    return load_corpus([folder])


async def test_a_pronoun_whose_accepted_speaker_the_suggestion_now_reads_otherwise(
    store: AnnotationStore, tmp_path: Path
) -> None:
    """qa14 Q3, Q20: "He → Íñigo Arrieta" accepted; the publisher then put "Pablo Ibáñez"
    before "He denied…". The panel said `source He` and `suggested ✓ … He → Pablo
    Ibáñez`: the only name on screen, with a tick, was one the analyst never accepted,
    and Enter stored it. It names the speaker accepted, keeps it, and Enter moves on."""
    app = WorkbenchApp(
        store,
        corpus=story_corpus(tmp_path, ARRIETA),
        start=StartAt("ransom", 3),
        keymap={},
        suggestions=ON,
    )
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "He → Íñigo Arrieta" in panel_text(app)
        await pilot.press("enter")
    accepted = store.get("ransom", 2)
    assert accepted is not None and accepted.suggestion is not None
    assert (accepted.source, accepted.suggestion.resolved_source) == ("He", "Íñigo Arrieta")
    corrected = story_corpus(tmp_path, IBANEZ)
    app = WorkbenchApp(
        store, corpus=corrected, start=StartAt("ransom", 4), keymap={}, suggestions=ON
    )
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        shown = panel_text(app)
        assert "He → Pablo Ibáñez" in shown  # what the suggester reads now
        assert "suggested ✓" not in shown and "yours kept" in shown
        (recorded,) = [line for line in shown.splitlines() if line.startswith("source ")]
        assert recorded.startswith("source He → Íñigo Arrieta")
        await pilot.press("enter")
        assert place(app) == (0, 4), "Enter only moves on"
    kept = store.get("ransom", 3)
    assert kept is not None and kept.suggestion is not None
    assert kept.suggestion.resolved_source == "Íñigo Arrieta"
