"""rv13 R4: since tr11 T9 a woman's honorific joins a full name only when that name is
known to be a woman's, and a short list of first names knew few: "Nancy Pelosi" and
"Ms. Pelosi" were two sources. What the annotations show is the evidence: a "she" or
"her" used of the full name, and "Ms. Pelosi" typed in an article that types "Nancy
Pelosi"; any evidence of a man leaves the name unknown, so "Mrs. Biden" stays apart from
Hunter Biden and "Mr. Trump" from Donald Trump Jr."""

from __future__ import annotations

from tests.unit.analysis.test_summary_surnames import article, speakers, summarise
from workbench.core.analysis.sources.grouping import group_sources
from workbench.core.analysis.sources.women import TypedSource, women_named

VOTE = (
    "Vote on the bill\n\n"
    "Nancy Pelosi said the bill would pass by 20 votes.\n\n"
    "Ms. Pelosi said 218 members had signed.\n"
)
AGAIN = "Vote again\n\nMs. Pelosi said 230 members had signed.\n"


def test_a_woman_s_honorific_in_the_article_of_the_full_name_is_hers() -> None:
    """Without the texts "Ms. Pelosi" was a source apart in both articles; with them, in
    the one that never names her in full."""
    typed = {("a", 1): "Nancy Pelosi", ("a", 2): "Ms. Pelosi", ("b", 1): "Ms. Pelosi"}
    for texts in (True, False):
        found = speakers(summarise([article("a", VOTE), article("b", AGAIN)], typed, texts))
        assert found == {"Nancy Pelosi": ("a", "b")}


def test_she_used_of_the_full_name_tells_a_woman() -> None:
    said = TypedSource("Nancy Pelosi", "Nancy Pelosi", "Nancy Pelosi said she had the votes.", "a")
    assert women_named([said]) == {"Nancy Pelosi"}
    resolved = TypedSource("She", "Nancy Pelosi", "She said the bill would pass.", "a")
    assert women_named([resolved]) == {"Nancy Pelosi"}
    other = TypedSource(
        "Nancy Pelosi", "Nancy Pelosi", "Nancy Pelosi told President Biden he was wrong.", "a"
    )
    assert women_named([other]) == frozenset()


def test_the_honorific_counts_only_in_the_full_name_s_article() -> None:
    full = TypedSource("Nancy Pelosi", "Nancy Pelosi", "Nancy Pelosi said so.", "a")
    elsewhere = TypedSource("Ms. Pelosi", "Ms. Pelosi", "Ms. Pelosi said so.", "b")
    assert women_named([full, elsewhere]) == frozenset()
    assert women_named([full, elsewhere._replace(article="a")]) == {"Nancy Pelosi"}
    assert {g.canonical for g in group_sources(["Nancy Pelosi", "Ms. Pelosi"])} == {
        "Nancy Pelosi",
        "Ms. Pelosi",
    }
    assert [
        g.variants for g in group_sources(["Nancy Pelosi", "Ms. Pelosi"], {}, {"Nancy Pelosi"})
    ] == [("Ms. Pelosi", "Nancy Pelosi")]


def test_evidence_of_a_man_keeps_the_family_apart() -> None:
    """tr11 T9 stays: "Hunter Biden, the president's son, said he …" beside "Mrs. Biden"
    in the same article is not known to be a woman; Donald Trump Jr. is never "Mr. Trump"
    nor "Ms. Trump"."""
    hunter = TypedSource(
        "Hunter Biden", "Hunter Biden", "Hunter Biden, the president's son, said he had paid.", "h"
    )
    jill = TypedSource("Mrs. Biden", "Mrs. Biden", "Mrs. Biden said the family was united.", "h")
    assert women_named([hunter, jill]) == frozenset()
    found = {g.canonical: g.variants for g in group_sources(["Hunter Biden", "Mrs. Biden"])}
    assert found == {"Hunter Biden": ("Hunter Biden",), "Mrs. Biden": ("Mrs. Biden",)}
    junior = group_sources(["Donald Trump Jr.", "Ms. Trump", "Mr. Trump"], {}, {"Donald Trump Jr."})
    assert {g.canonical: g.variants for g in junior}["Donald Trump Jr."] == ("Donald Trump Jr.",)
