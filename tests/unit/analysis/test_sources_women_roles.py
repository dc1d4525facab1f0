"""qa16 Q8: "Its chairwoman, Agnieszka Wróbel, dismissed the fraud allegations" in one
article and "Ms. Wróbel said the difference was a rounding matter" in another were two
sources: a woman's honorific joins a full name only when the annotations show the name
to be a woman's, and a woman's role written beside the name ("chairwoman",
"spokeswoman") was not read as such, though the suggester reads it for "she"."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_summary_surnames import article, speakers, summarise
from workbench.core.analysis.sources.women import TypedSource, she_words, women_named


@pytest.mark.parametrize(
    "sentence",
    [
        "Its chairwoman, Agnieszka Wróbel, dismissed the fraud allegations as “baseless.”",
        "Agnieszka Wróbel, the commission's spokeswoman, said 3,200 ballots were invalid.",
        "Commission spokeswoman Agnieszka Wróbel said 3,200 ballots were invalid.",
    ],
)
def test_a_womans_role_beside_the_name_tells_a_woman(sentence: str) -> None:
    typed = TypedSource("Agnieszka Wróbel", "Agnieszka Wróbel", sentence, "a")
    assert women_named([typed]) == {"Agnieszka Wróbel"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Rosa Imre, whose daughter was detained, said 41 people were held.",
        "The chairwoman met Piet Wróbel, who said 3,200 ballots were invalid.",
        "Its chairman, Agnieszka Wróbel, said 3,200 ballots were invalid.",
    ],
)
def test_a_role_of_someone_else_or_a_mans_is_no_womans(sentence: str) -> None:
    name = (
        "Rosa Imre"
        if "Rosa" in sentence
        else next(n for n in ("Piet Wróbel", "Agnieszka Wróbel") if n in sentence)
    )
    assert women_named([TypedSource(name, name, sentence, "a")]) == frozenset()


COUNT = (
    "Count halted\n\n"
    "Its chairwoman, Agnieszka Wróbel, dismissed the fraud allegations as “baseless.”\n"
)
CHECK = "Fact check\n\nMs. Wróbel said the difference was “a rounding matter, nothing more.”\n"


def test_her_honorific_in_another_article_joins_her() -> None:
    typed = {("a", 1): "Agnieszka Wróbel", ("b", 1): "Ms. Wróbel"}
    for texts in (True, False):
        found = speakers(summarise([article("a", COUNT), article("b", CHECK)], typed, texts))
        assert found == {"Agnieszka Wróbel": ("a", "b")}


def test_a_role_word_is_read_as_written_not_as_a_pattern() -> None:
    """rv16 R8: the role nouns were joined into the pattern unescaped, so a word with a
    pattern's character in it ("(", ".") read as something else."""
    shown = she_words(["chair(wo)man", "co.chair"])
    assert shown.search("The chair(wo)man said so.")
    assert shown.search("The co.chair said so.")
    assert not shown.search("The chairwoman said so.")
    assert not shown.search("The coXchair said so.")
    assert shown.search("She said so.") and not shown.search("He said so.")
