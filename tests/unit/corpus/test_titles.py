"""Titles as a reader sees them: a Markdown article's heading without its syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.titles import markdown_title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# Kyiv: troops reach Kursk", "Kyiv: troops reach Kursk"),
        ("### Closed heading ###", "Closed heading"),
        ("## **Bold**, __strong__, *em* and _em_", "Bold, strong, em and em"),
        ("[Reuters](https://example.com/a) reports", "Reuters reports"),
        ("![map of Kursk](map.png) Kursk", "map of Kursk Kursk"),
        ("`code_name` and ~~struck~~", "code_name and struck"),
        (r"Not \*emphasis\* and \# not a heading", "Not *emphasis* and # not a heading"),
        ("snake_case and 2*3*4 stay", "snake_case and 2*3*4 stay"),
        ("#hashtag is not a heading", "#hashtag is not a heading"),
        ("[Mr. Putin] said", "[Mr. Putin] said"),
    ],
)
def test_markdown_syntax_is_dropped_from_a_title(line: str, title: str) -> None:
    assert markdown_title(line) == title


def test_a_md_article_shows_a_plain_title_and_keeps_its_text(tmp_path: Path) -> None:
    text = "# Kyiv: **North Korean** troops in [Kursk](https://example.com)\n\nBody text."
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("# Not markdown in a .txt\nBody.", encoding="utf-8")
    article, plain = load_corpus([tmp_path]).articles
    assert article.title == "Kyiv: North Korean troops in Kursk"
    assert article.text == text
    first = article.sentences[0]
    assert article.text[first.start : first.end] == first.text  # offsets are the text's
    assert plain.title == "# Not markdown in a .txt"


def test_an_empty_heading_falls_through_to_the_next_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("#\n\n## Real title\nBody.", encoding="utf-8")
    assert load_corpus([tmp_path]).articles[0].title == "Real title"
