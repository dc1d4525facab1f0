"""tr11 T13: one file name written in two Unicode forms (a Mac's decomposed accents)."""

from __future__ import annotations

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.scope import renamed_articles
from workbench.core.corpus.article_ids import form_twins
from workbench.core.terminal_text import displayable, name_displayable, name_printable, printable

TEXT = "Crónica\nEl ministro dijo que 40 personas murieron.\nLa policía confirmó la cifra.\n"
COMPOSED, DECOMPOSED = "010_Jos\u00e9", "010_Jose\u0301"


def test_ids_differing_only_in_unicode_form_are_twins() -> None:
    assert form_twins([DECOMPOSED, "011_other"], [COMPOSED]) == [(DECOMPOSED, COMPOSED)]
    assert form_twins([COMPOSED], [COMPOSED, DECOMPOSED]) == []  # held as it is


def test_the_renamed_caveat_shows_the_two_spellings_apart() -> None:
    """The caveat said "rename 010_José back to 010_José": nothing anyone can do."""
    held = annotate(article(TEXT, COMPOSED), 1)
    read = article(TEXT, DECOMPOSED)
    (line,) = renamed_articles([held], {read.id: read})
    assert "another Unicode form" in line
    assert "'010_Jos\\xe9'" in line and "'010_Jose\\u0301'" in line
    assert "back to" not in line


def test_a_name_shows_the_characters_that_draw_nothing_and_text_keeps_them() -> None:
    """tr13 T6: "alpha" + U+200B is another file than "alpha"; in a name every character
    that draws nothing is escaped, while text keeps an emoji's or a Persian word's joiner."""
    assert name_printable("alpha\u200b") == "alpha\\u200b"
    assert name_printable("al\u200epha\u2060\ufeff") == "al\\u200epha\\u2060\\ufeff"
    assert name_printable("a\nb\x1b") == "a\\nb\\x1b"
    assert name_printable("Jos\u00e9") == "Jos\u00e9"
    assert name_displayable("alpha\u200c\x1b") == "alpha\\u200c\u241b"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert printable(family) == family and displayable(family) == family


def test_a_newline_or_tab_in_a_name_is_shown_escaped_not_as_a_space() -> None:
    """qa21 #10: the article list drew "004_nl" + LF + "name" as "004_nl name"."""
    assert name_displayable("004_nl\nname") == "004_nl\\nname" == name_printable("004_nl\nname")
    assert name_displayable("a\tb") == "a\\tb"
    assert name_displayable("004_nl name") == "004_nl name"
