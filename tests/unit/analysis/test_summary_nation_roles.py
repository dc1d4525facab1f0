"""A role with a people's adjective ("the Russian leader") read as the person the
article names in that office (qa4 Q15)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.fixtures.anchored import annotate
from workbench.core.analysis.sources.nation_roles import (
    NationRole,
    holder_by_surname,
    holder_of,
    holders,
    nation_role,
    titled_surnames,
)
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

KREMLIN = (
    "Kremlin Answers\n\n"
    "President Vladimir V. Putin of Russia met Kim Jong-un, North Korea’s leader, in June.\n\n"
    "Mr. Putin said the talks went well.\n\n"
    "The Russian leader said 3,000 troops would stay.\n\n"
    "First, he said, the front had moved.\n\n"
    "The North Korean leader said nothing.\n\n"
    "The Ukrainian president said the claim was false.\n"
)


def attributed(article: Article, sources: dict[int, str]) -> list[Annotation]:
    """Each sentence `index` of `article` tagged claim and attribution, with its source."""
    return [
        annotate(article, index, tags=("claim", "attribution"), source=source)
        for index, source in sources.items()
    ]


def named(text: str, role: str) -> str | None:
    article = Article("a", Path("a.txt"), text)
    found = nation_role(role)
    assert found is not None
    return holder_of(found, holders(article.text, article.sentences))


def test_a_role_of_a_people_names_the_person_the_article_gave_that_office() -> None:
    assert named(KREMLIN, "The Russian leader") == "Vladimir V. Putin"
    assert named(KREMLIN, "Russia's president") == "Vladimir V. Putin"
    assert named(KREMLIN, "the North Korean leader") == "Kim Jong-un"
    text = "Seoul\n\nSouth Korean Defense Minister Kim Yong-hyun spoke.\n"
    assert named(text, "the South Korean defense minister") == "Kim Yong-hyun"
    text = "Kyiv\n\nVolodymyr Zelensky, the Ukrainian president, spoke.\n"
    assert named(text, "the Ukrainian president") == "Volodymyr Zelensky"


def test_a_role_never_named_or_named_twice_names_nobody() -> None:
    assert named(KREMLIN, "The Ukrainian president") is None
    assert named(KREMLIN, "the Russian foreign minister") is None
    two = (
        "Moscow\n\nRussian President Vladimir Putin spoke. Russian Prime Minister Mikhail "
        "Mishustin spoke too.\n"
    )
    assert named(two, "the Russian president") == "Vladimir Putin"
    assert named(two, "the Russian leader") is None  # a president and a prime minister
    former = "Moscow\n\nRussian former president Dmitry Medvedev spoke.\n"
    assert named(former, "the Russian president") is None


def test_what_is_a_role_of_a_people() -> None:
    assert nation_role("the Russian leader") is not None
    assert nation_role("Russian leader") is not None
    assert nation_role("the spokesman") is None
    assert nation_role("the former Russian president") is None
    assert nation_role("Russian President Vladimir Putin") is None


def test_the_summary_counts_the_role_and_its_pronoun_under_the_person() -> None:
    article = Article("k", Path("k.txt"), KREMLIN)
    sources = {2: "Mr. Putin", 3: "The Russian leader", 4: "he", 6: "The Ukrainian president"}
    annotations = attributed(article, sources)
    summary = build_summary(
        annotations, [ArticleInfo.of(article)], SummarySettings(), texts={article.id: article}
    )
    rows = {row.canonical: row for row in summary.sources}
    assert set(rows) == {"Vladimir V. Putin", "The Ukrainian president"}
    assert rows["Vladimir V. Putin"].sentences == 3
    assert rows["Vladimir V. Putin"].variants == (
        "Mr. Putin",
        "Vladimir V. Putin",
        "The Russian leader → Vladimir V. Putin",
        "he → Vladimir V. Putin",
    )


INTERVIEW = (
    "Losses Mount\n\n"
    "While Russia’s president claims his troops are advancing, the North Koreans suffer.\n\n"
    "“The situation is changing,” Mr. Putin said in an interview.\n\n"
    "The Russian leader, in the interview, called it a classic.\n\n"
    "Russian leader or not, the front had moved.\n"
)
"""qa7 Q13 (the bundled 003): Putin by surname only, and the office without his name."""
RUSSIAN_LEADER = NationRole("Russian", frozenset(["leader"]))


def test_a_role_is_the_person_another_article_names_in_it_and_this_one_by_surname() -> None:
    """qa7 Q13: "Mr. Putin", "the Russian leader" and "Russia's president" in one
    article were three sources: the article never writes the office beside his name.
    The corpus does (KREMLIN), and this article names him, Putin: one speaker."""
    articles = [Article("k", Path("k.txt"), KREMLIN), Article("i", Path("i.txt"), INTERVIEW)]
    interview = articles[1]
    sources = {1: "Russia's president", 2: "Mr. Putin", 3: "the Russian leader"}
    annotations = attributed(interview, sources)
    # KREMLIN is read for its own role (the roles' articles are where offices are learnt)
    ukraine = annotate(articles[0], 6, source="The Ukrainian president")
    infos = [ArticleInfo.of(article) for article in articles]
    texts = {article.id: article for article in articles}
    summary = build_summary([ukraine, *annotations], infos, SummarySettings(), texts=texts)
    rows = {row.canonical: row for row in summary.sources}
    assert set(rows) == {"Vladimir V. Putin", "The Ukrainian president"}
    assert rows["Vladimir V. Putin"].variants == (
        "Mr. Putin",
        "Vladimir V. Putin",
        "Russia's president → Vladimir V. Putin",
        "the Russian leader → Vladimir V. Putin",
    )
    # Only the article read: nobody the corpus names in that office, the roles as typed.
    alone = build_summary(annotations, infos[1:], SummarySettings(), texts={"i": interview})
    assert {row.canonical for row in alone.sources} == {
        "Mr. Putin",
        "Russia's president",
        "the Russian leader",
    }
    # A surname the corpus names in no such office names nobody.
    other = INTERVIEW.replace("Mr. Putin", "Mr. Medvedev")
    assert titled_surnames(other) == {"Medvedev"}
    kremlin = holders(KREMLIN, articles[0].sentences)
    assert holder_by_surname(RUSSIAN_LEADER, kremlin, "Putin") == "Vladimir V. Putin"
    assert holder_by_surname(RUSSIAN_LEADER, kremlin, "Medvedev") is None
    edited = Article("i", Path("i.txt"), other)
    alone = build_summary(
        [ukraine, *(replace(a, article_sha256=edited.sha256) for a in annotations)],
        infos,
        SummarySettings(),
        texts={"k": articles[0], "i": edited},
    )
    assert "Vladimir V. Putin" not in {row.canonical for row in alone.sources}
    # Nobody read for a role names him: as typed (no article is read for this alone).
    unread = build_summary(annotations, infos, SummarySettings(), texts=texts)
    assert "Vladimir V. Putin" not in {row.canonical for row in unread.sources}
