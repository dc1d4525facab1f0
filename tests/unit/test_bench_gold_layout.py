"""The gold files are read as the product reads an article file: a headline, a byline
or a page's furniture is a line of its own (the product never segments across a line),
however the annotator grouped the gold lines into paragraphs."""

from __future__ import annotations

from pathlib import Path

from bench.suggest_eval import BLIND3, ends_sentence, load_held_out
from workbench.core.corpus.sentences import split_sentences

GOLD = """\
# a comment line
## story
C A D | Minister | Minister denies taking payments
- | - | By Ingrid Solvang, Politics Desk

C A | Nordposten | The minister took fees, Nordposten reported.
C A D | he | "I never took a crown," he said.
- | - | Read more: How the port deal was made
C | - | The port contract was signed in May.

- | - | Advertisement
"""


def test_headline_byline_and_furniture_stand_on_lines_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    (article,) = load_held_out(path)
    assert article.text.split("\n") == [
        "Minister denies taking payments",
        "By Ingrid Solvang, Politics Desk",
        'The minister took fees, Nordposten reported. "I never took a crown," he said.',
        "Read more: How the port deal was made",
        "The port contract was signed in May.",
        "Advertisement",
    ]
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert texts[1] == "By Ingrid Solvang, Politics Desk"
    assert texts[3] == '"I never took a crown," he said.'
    assert [s.tags for s in article.sentences][:2] == [
        frozenset({"claim", "attribution", "denial"}),
        frozenset(),
    ]
    program = [s.text for s in split_sentences(article.id, article.text)]
    assert program == texts


def test_what_ends_running_prose() -> None:
    for prose in ("He left.", 'she said "no."', "Why?", "It was “fiction.”", "(It did.)"):
        assert ends_sentence(prose), prose
    for furniture in ("By Owen Maddox", "Read Entire Article", "Updated 6:45 p.m. GMT"):
        assert not ends_sentence(furniture), furniture


def test_no_byline_of_blind_set_3_shares_a_sentence_with_its_headline() -> None:
    for article in load_held_out(BLIND3):
        program = split_sentences(article.id, article.text)
        headline, byline = article.sentences[0], article.sentences[1]
        assert article.text[byline.start : byline.end].startswith(("By ", "From "))
        assert not any(s.start <= headline.start and byline.end <= s.end for s in program)
