"""tr13 T6: a file name holding a character that draws nothing (a zero-width space, a
bidi mark) is another article that the terminal showed exactly as the one without it:
`sentences` printed "== alpha:" twice, the article list showed "alpha" twice, and
"no annotations by ana" named an analyst that is not "ana". Names show it escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.cli.main import main
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.articles import ArticleListScreen

TEXT = "Alpha report\n\nThe mayor said the bridge cost 40 million dollars.\n"
NAMES = ("alpha", "alpha\u200b", "al\u200epha")


def folder(tmp_path: Path) -> Path:
    made = tmp_path / "articles"
    made.mkdir()
    for name in NAMES:
        (made / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    return made


def test_sentences_and_messages_show_the_names_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sentences", str(folder(tmp_path))]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("==")]
    assert headers == [
        "== alpha: Alpha report",
        "== alpha\\u200b: Alpha report",
        "== al\\u200epha: Alpha report",
    ]
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(TEXT, "alpha"), 1, "ana"))
    assert main(["summary", "--db", str(db), "--annotator", "ana\u200b"]) == 1
    err = capsys.readouterr().err
    assert "no annotations by ana\\u200b in " in err and "analysts there: ana " in err


async def test_the_article_list_shows_the_names_apart(tmp_path: Path) -> None:
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        app = WorkbenchApp(store, corpus=load_corpus([folder(tmp_path)]), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, ArticleListScreen)
            options = app.screen.query_one(OptionList)
            shown = [str(options.get_option_at_index(n).prompt) for n in range(3)]
            # one title: each told apart by its id (polish19: the id led every line)
            assert [line.split()[-1] for line in shown] == [
                "(alpha)",
                "(alpha\\u200b)",
                "(al\\u200epha)",
            ]
            await pilot.press("down")
            hint = str(app.screen.query_one("#article-hint", Label).render())
            assert hint.startswith("alpha\\u200b · Enter opens")


async def test_the_review_names_a_missing_article_apart(tmp_path: Path) -> None:
    """tr15 T7: Enter on an annotation of an article not in the corpus said "Its
    article, alpha, is not in this corpus" of "alpha" + U+200B, beside "alpha" read."""
    from workbench.tui.screens.review import ReviewScreen

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "alpha.txt").write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        store.save(annotate(article(TEXT, "alpha\u200b"), 1, "ana"))
        app = WorkbenchApp(store, corpus=load_corpus([articles]), keymap={})
        said: list[str] = []
        async with app.run_test(size=(100, 30)) as pilot:
            app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
    (missing,) = [message for message in said if "not in this corpus" in message]
    assert "Its article, alpha\\u200b, is not" in missing and "\u200b" not in missing


def test_a_renamed_article_and_an_analyst_are_named_apart_in_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr14 T2: the caveat of an article renamed to "alpha" + U+200B printed the new name
    raw ("rename alpha back to alpha"), and the report named the analyst "ana" + U+200B
    as "ana"; the summary and the report show the character escaped."""
    made = tmp_path / "articles"
    made.mkdir()
    (made / "alpha.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana\u200b") as store:
        store.save(annotate(article(TEXT, "alpha"), 1, "ana\u200b", note="checked"))
    (made / "alpha.txt").rename(made / "alpha\u200b.txt")
    assert main(["summary", "--db", str(db), "--annotator", "ana\u200b", str(made)]) == 0
    said = capsys.readouterr()
    assert "\u200b" not in said.out and "\u200b" not in said.err
    assert "but alpha\\u200b has the text" in said.err
    assert "rename alpha\\\\u200b back to alpha" in said.out  # Markdown: the \ escaped
    assert "Analyst: ana\\\\u200b." in said.out
    (made / "alpha\u200b.txt").rename(made / "alpha.txt")
    assert main(["summary", "--db", str(db), "--annotator", "ana\u200b", str(made)]) == 0
    out = capsys.readouterr().out
    assert "\u200b" not in out and "Note (ana\\\\u200b): checked" in out


@pytest.mark.parametrize(
    ("separator", "escape"), [("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\xa0", "\\xa0")]
)
def test_a_name_or_sentence_holding_a_line_separator_prints_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], separator: str, escape: str
) -> None:
    """tr14 T3: `sentences` printed a file name's LINE SEPARATOR (or PARAGRAPH
    SEPARATOR, or a no-break space) raw, and a sentence's: a line reader that honours
    Unicode line breaks cut the line there, and "be ta" printed as "be ta". Escaped, in
    `sentences`, `suggest` and export's "articles there"."""
    made = tmp_path / "articles"
    made.mkdir()
    name = f"be{separator}ta"
    (made / f"{name}.txt").write_text(
        f"Beta\n\nThe mayor said 40 people{separator}died.\n", encoding="utf-8"
    )
    escaped = f"be{escape}ta"
    assert main(["sentences", str(made)]) == 0
    out = capsys.readouterr().out
    assert f"== {escaped}: Beta" in out
    assert out.count(separator) == (1 if separator == "\xa0" else 0)  # text keeps a space
    assert len(out.splitlines()) == 3
    assert main(["suggest", str(made)]) == 0
    assert f"== {escaped}: Beta" in capsys.readouterr().out
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(TEXT, name), 1, "ana"))
    assert main(["export", "--db", str(db), "--article", "gamma"]) == 1
    assert f"articles there: {escaped} " in capsys.readouterr().err


def test_reanchor_names_an_article_and_an_analyst_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr14 T2: `reanchor` printed "alpha<U+200B>: 0 unchanged, 1 moved…" and "other
    analysts (ana<U+200B>)" raw."""
    made = tmp_path / "articles"
    made.mkdir()
    name = "alpha\u200b"
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana\u200b") as store:
        store.save(annotate(article(TEXT, name), 1, "ana\u200b"))
    with AnnotationStore.open(db, annotator="bob") as store:
        store.save(annotate(article(TEXT, name), 1, "bob"))
    (made / f"{name}.txt").write_text(TEXT.replace("\n\n", "\n\nA new first line.\n"), "utf-8")
    assert main(["reanchor", "--db", str(db), "--annotator", "bob", "--dry-run", str(made)]) == 0
    said = capsys.readouterr()
    assert "\u200b" not in said.out + said.err
    assert said.out.startswith("alpha\\u200b: 0 unchanged, 1 moved")
    assert "of other analysts (ana\\u200b)" in said.err
