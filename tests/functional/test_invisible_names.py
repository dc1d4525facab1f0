"""tr13 T6: a file name holding a character that draws nothing (a zero-width space, a
bidi mark) is another article that the terminal showed exactly as the one without it:
`sentences` printed "== alpha:" twice, the article list showed "alpha" twice, and
"no annotations by ana" named an analyst that is not "ana". Names show it escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

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
            assert [line.split()[2] for line in shown] == ["alpha", "alpha\\u200b", "al\\u200epha"]
