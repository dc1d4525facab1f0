"""`u` and ctrl+r say what they undid and redid, also after a restart (the steps read
back from the history), refuse to overwrite another analyst's later change, and toasts
do not pile up."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import STORY
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.core.corpus.titles import shorten
from workbench.tui.app import StartAt, WorkbenchApp

SIZE = (100, 30)


def notices(app: WorkbenchApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def app_on(store: AnnotationStore, bundled: Corpus, article: int, sentence: int) -> WorkbenchApp:
    start = StartAt(article_id=bundled.articles[article].id, sentence=sentence)
    return WorkbenchApp(store, corpus=bundled, start=start, keymap={})


async def test_undo_and_redo_say_what_they_did(store: AnnotationStore, bundled: Corpus) -> None:
    title = shorten(bundled.articles[3].title)
    async with app_on(store, bundled, 3, 12).run_test(size=SIZE) as pilot:
        await pilot.press("c", "u")
        await pilot.pause()
        assert store.all() == []
        assert f"Undid: claim on “{title}”, sentence 12." in notices(pilot.app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert f"Redid: claim on “{title}”, sentence 12." in notices(pilot.app)
        await pilot.press("u", "u")
        await pilot.pause()
        assert "Nothing to undo." in notices(pilot.app)


async def test_u_after_a_restart_undoes_the_last_change_of_the_session_before(
    tmp_path: Path, bundled: Corpus
) -> None:
    path = tmp_path / "restart.json"
    title = shorten(bundled.articles[1].title)
    with AnnotationStore.open(path, annotator="tester") as first:
        async with app_on(first, bundled, 1, 4).run_test(size=SIZE) as pilot:
            await pilot.press("d", "j", "c")
            await pilot.pause()
        assert {a.index for a in first.all()} == {3, 4}
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, bundled, 0, 1).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            assert {a.index for a in restarted.all()} == {3}
            assert f"Undid: claim on “{title}”, sentence 5." in notices(pilot.app)
            assert pilot.app.session is not None  # and the screen went to that sentence
            assert pilot.app.session.article.id == bundled.articles[1].id
            assert pilot.app.session.place.sentence == 4
            await pilot.press("u")
            await pilot.pause()
            assert restarted.all() == []
            assert f"Undid: denial on “{title}”, sentence 4." in notices(pilot.app)


async def test_another_analysts_later_change_is_not_undone_and_the_notice_says_why(
    tmp_path: Path, bundled: Corpus
) -> None:
    path = tmp_path / "team.json"
    with AnnotationStore.open(path, annotator="tester") as first:
        async with app_on(first, bundled, 2, 0).run_test(size=SIZE) as pilot:
            await pilot.press("c")
            await pilot.pause()
        (mine,) = first.all()
    with AnnotationStore.open(path, annotator="bob") as bob:
        bob.import_annotations([mine.changed(note="bob checked this")])
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, bundled, 0, 0).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            said = [n for n in pilot.app._notifications if n.title == "Not undone"]
            assert len(said) == 1 and said[0].severity == "warning"
            assert said[0].message.startswith("Not undone: claim on “")
            assert "bob changed it since (an import)" in said[0].message
            assert restarted.get(mine.article_id, 0).note == "bob checked this"  # type: ignore[union-attr]


async def test_a_repeated_notice_replaces_the_one_shown(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    last = len(bundled.articles) - 1
    app = make_app(StartAt(article_id=bundled.articles[last].id, sentence=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["J"] * 5)
        await pilot.pause()
        assert notices(app) == ["This is the last article."]
        await pilot.press(*["u"] * 5)
        await pilot.pause()
        assert notices(app) == ["This is the last article.", "Nothing to undo."]


async def test_only_the_newest_information_notices_stay(
    store: AnnotationStore, bundled: Corpus
) -> None:
    async with app_on(store, bundled, 0, 0).run_test(size=SIZE) as pilot:
        await pilot.press("c", "j", "c", "j", "c", "j", "c")
        await pilot.press("u", "u", "u", "u")
        await pilot.pause()
        said = notices(pilot.app)
        assert len(said) == 3
        assert said[-1] == f"Undid: claim on “{shorten(bundled.articles[0].title)}”, sentence 1."


async def test_u_after_a_restart_on_another_story_changes_no_article_not_open(
    tmp_path: Path, bundled: Corpus
) -> None:
    """qa9 Q16: after a restart on another story, `u` undid claims in an article no
    screen showed, the notice gone in seconds. It is refused, naming the article, and
    undone once that article is open."""
    path = tmp_path / "two stories.json"
    other_story = Corpus(bundled.articles[:1], [])
    this_story = Corpus(bundled.articles[1:], [])
    title = shorten(bundled.articles[0].title)
    with AnnotationStore.open(path, annotator="tester") as first:
        async with app_on(first, other_story, 0, 1).run_test(size=SIZE) as pilot:
            await pilot.press("c")
            await pilot.pause()
        assert len(first.all()) == 1
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, this_story, 0, 0).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            assert len(restarted.all()) == 1
            assert any(
                f"your last change is in “{title}”, which is not open here" in notice
                for notice in notices(pilot.app)
            )
    with AnnotationStore.open(path, annotator="tester") as reopened:
        async with app_on(reopened, other_story, 0, 0).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            assert reopened.all() == []


def story_corpus(folder: Path, text: str) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.txt").write_text(text, encoding="utf-8")
    return load_corpus([folder])


async def tagged_then_untagged(path: Path, corpus: Corpus, index: int) -> None:
    """A first session: a claim on sentence `index`, taken off again (a save, a delete)."""
    with AnnotationStore.open(path, annotator="tester") as first:
        async with app_on(first, corpus, 0, index + 1).run_test(size=SIZE) as pilot:
            await pilot.press("c", "c")
            await pilot.pause()
        assert first.all() == []


async def test_u_after_a_restart_on_a_corrected_article_puts_the_claim_on_its_text(
    tmp_path: Path,
) -> None:
    """tr11 T3: after a restart on a corrected article (a line inserted above), `u` put
    the deleted claim back on the old text's sentence number and said so: the notice
    named a sentence that is another one now. It is re-anchored at once, as opening the
    article does, and the notice says where it is."""
    path = tmp_path / "db.json"
    await tagged_then_untagged(path, story_corpus(tmp_path / "v1", STORY), 4)
    corrected = story_corpus(tmp_path / "v2", STORY.replace("\n", "\nAn editor's note.\n", 1))
    title = shorten(corrected.articles[0].title)
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, corrected, 0, 1).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            [claim] = restarted.all()
            assert (claim.index, claim.article_sha256) == (5, corrected.articles[0].sha256)
            assert claim.quote == "The spokesman called the reports lies."
            assert (
                f"Undid: claim removed on “{title}”, sentence 5. The article has changed "
                "since: it is on sentence 6 now." in notices(pilot.app)
            )
            assert pilot.app.session is not None
            assert pilot.app.session.place.sentence == 5


async def test_u_after_a_restart_keeps_a_claim_whose_sentence_is_gone_as_an_orphan(
    tmp_path: Path,
) -> None:
    """tr11 T4: the deleted claim's sentence was replaced by the publisher; `u` stored it
    "current" on the old text, so the header counted it and every export and summary
    published it as a claim of the corrected article. It is an orphan now, counted nowhere,
    and the notice says so."""
    path = tmp_path / "db.json"
    await tagged_then_untagged(path, story_corpus(tmp_path / "v1", STORY), 4)
    replaced = STORY.replace("The spokesman called the reports lies.", "Snow fell all week.")
    corrected = story_corpus(tmp_path / "v2", replaced)
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, corrected, 0, 1).run_test(size=SIZE) as pilot:
            await pilot.press("u")
            await pilot.pause()
            assert restarted.all() == []
            [orphan] = restarted.orphans()
            assert orphan.quote == "The spokesman called the reports lies."
            assert any("it is kept as an orphan" in notice for notice in notices(pilot.app))


async def test_u_after_a_restart_on_an_article_corrected_elsewhere_undoes_the_claim(
    tmp_path: Path,
) -> None:
    """qa10 Q21: the article corrected in another paragraph was re-anchored at opening,
    which rewrote the claim's record, and `u` refused: "Re-anchoring moved it since (its
    article changed)", though it had not moved. It is undone, and said so."""
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="tester") as first:
        async with app_on(first, story_corpus(tmp_path / "v1", STORY), 0, 5).run_test(
            size=SIZE
        ) as pilot:
            await pilot.press("c")
            await pilot.pause()
        assert [claim.index for claim in first.all()] == [4]
    edited = STORY.replace("No comment was given.", "No comment was given by Friday.")
    corrected = story_corpus(tmp_path / "v2", edited)
    title = shorten(corrected.articles[0].title)
    with AnnotationStore.open(path, annotator="tester") as restarted:
        async with app_on(restarted, corrected, 0, 5).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert {a.article_sha256 for a in restarted.all()} == {corrected.articles[0].sha256}
            await pilot.press("u")
            await pilot.pause()
            assert restarted.all() == []
            assert f"Undid: claim on “{title}”, sentence 5." in notices(pilot.app)
            assert not any(notice.startswith("Not undone") for notice in notices(pilot.app))
