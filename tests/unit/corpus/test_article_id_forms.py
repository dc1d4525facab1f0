"""tr11 T13: one file name written in two Unicode forms (a Mac's decomposed accents)."""

from __future__ import annotations

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.scope import renamed_articles
from workbench.core.corpus.article_ids import form_twins

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
