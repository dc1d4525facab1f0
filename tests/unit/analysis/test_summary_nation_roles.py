"""A role with a people's adjective ("the Russian leader") read as the person the
article names in that office (qa4 Q15)."""

from __future__ import annotations

from pathlib import Path

from workbench.core.analysis.sources.nation_roles import holder_of, holders, nation_role
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.annotation import Anchor, Annotation
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
    annotations = []
    for index, source in sources.items():
        sentence = article.sentences[index]
        anchor = Anchor.in_text(
            article.id, article.sha256, article.text, index, sentence.start, sentence.end
        )
        annotations.append(
            Annotation.new(anchor, "ana", tags=("claim", "attribution"), source=source)
        )
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
