"""An honorific and a surname ("Ms. Park") read as the person its own article named in
full: two people of one surname are two sources, and their figures can conflict (qa4 Q19)."""

from __future__ import annotations

from pathlib import Path

from workbench.core.analysis.sources.surnames import in_article, read_surname, surname_of
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.model import Summary
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

PARK_JIN = (
    "Report D\n\n"
    "Foreign Minister Park Jin said the troops were a threat.\n\n"
    "Ms. Park said 2,000 North Korean troops had been sent to Russia.\n"
)
PARK_WON_GON = (
    "Report E\n\n"
    "Analyst Park Won-gon said the deployment was small.\n\n"
    "Mr. Park said 1,000 North Korean troops had been sent to Russia.\n"
)
KIM_JONG_UN = (
    "Report A\n\n"
    "North Korean leader Kim Jong-un said his troops were ready.\n\n"
    "Mr. Kim added that 5,000 more soldiers would follow.\n"
)
KIM_YONG_HYUN = (
    "Report B\n\n"
    "South Korean Defense Minister Kim Yong-hyun said the deployment was a war crime.\n\n"
    "Mr. Kim said 3,000 troops had been sent to Russia.\n"
)
KIM_ALONE = "Report C\n\nMr. Kim said the troops had been sent to Russia.\n"


def article(name: str, text: str) -> Article:
    return Article(name, Path(f"{name}.txt"), text)


def tagged(articles: list[Article], source_of: dict[tuple[str, int], str]) -> list[Annotation]:
    found = []
    for on in articles:
        for sentence in on.sentences[1:]:
            anchor = Anchor.in_text(
                on.id, on.sha256, on.text, sentence.index, sentence.start, sentence.end
            )
            source = source_of.get((on.id, sentence.index))
            found.append(
                Annotation.new(anchor, "ana", tags=("claim", "attribution"), source=source)
            )
    return found


def summarise(
    articles: list[Article], sources: dict[tuple[str, int], str], texts: bool = True
) -> Summary:
    return build_summary(
        tagged(articles, sources),
        [ArticleInfo.of(a) for a in articles],
        SummarySettings(),
        texts={a.id: a for a in articles} if texts else None,
    )


def speakers(summary: Summary) -> dict[str, tuple[str, ...]]:
    return {row.canonical: row.articles for row in summary.sources}


def test_two_parks_in_two_articles_are_two_sources_and_their_figures_conflict() -> None:
    pa, pb = article("pa", PARK_JIN), article("pb", PARK_WON_GON)
    summary = summarise(
        [pa, pb],
        {
            ("pa", 1): "Park Jin",
            ("pa", 2): "Ms. Park",
            ("pb", 1): "Park Won-gon",
            ("pb", 2): "Mr. Park",
        },
    )
    assert speakers(summary) == {"Park Jin": ("pa",), "Park Won-gon": ("pb",)}
    row = next(r for r in summary.sources if r.canonical == "Park Jin")
    assert row.variants == ("Ms. Park", "Park Jin") and row.claims == 2
    assert [c.values for c in summary.conflicts] == [(1000.0, 2000.0)]
    lines = [m for g in summary.ledger for m in g.members if "2,000" in m.annotation.quote]
    assert [line.canonical_source for line in lines] == ["Park Jin"]


def test_an_unresolved_mr_kim_stays_in_its_article_when_the_corpus_has_two_kims() -> None:
    ka, kb, kc = article("ka", KIM_JONG_UN), article("kb", KIM_YONG_HYUN), article("kc", KIM_ALONE)
    summary = summarise(
        [ka, kb, kc],
        {
            ("ka", 1): "Kim Jong-un",
            ("ka", 2): "Mr. Kim",
            ("kb", 1): "Kim Yong-hyun",
            ("kb", 2): "Mr. Kim",
            ("kc", 1): "Mr. Kim",
        },
    )
    assert speakers(summary) == {
        "Kim Jong-un": ("ka",),
        "Kim Yong-hyun": ("kb",),
        "Mr. Kim (unresolved, in “Report C”)": ("kc",),
    }


def test_without_the_texts_two_kims_in_the_corpus_keep_each_mr_kim_apart() -> None:
    ka, kb = article("ka", KIM_JONG_UN), article("kb", KIM_YONG_HYUN)
    summary = summarise(
        [ka, kb],
        {
            ("ka", 1): "Kim Jong-un",
            ("ka", 2): "Mr. Kim",
            ("kb", 1): "Kim Yong-hyun",
            ("kb", 2): "Mr. Kim",
        },
        texts=False,
    )
    assert set(speakers(summary)) == {
        "Kim Jong-un",
        "Kim Yong-hyun",
        "Mr. Kim (unresolved, in “Report A”)",
        "Mr. Kim (unresolved, in “Report B”)",
    }


def test_one_person_of_a_surname_in_the_corpus_still_takes_its_unresolved_honorific() -> None:
    named = article("a1", "Report F\n\nPresident Vladimir Putin said 3,000 troops had left.\n")
    other = article("a2", "Report G\n\nMr. Putin said the war was going well.\n")
    summary = summarise([named, other], {("a1", 1): "Vladimir Putin", ("a2", 1): "Mr. Putin"})
    assert speakers(summary) == {"Vladimir Putin": ("a1", "a2")}


def test_mr_and_ms_of_one_surname_named_nowhere_are_not_one_origin() -> None:
    one = article(
        "b1", "Report H\n\nMs. Lee said 2,000 North Korean troops had been sent to Russia.\n"
    )
    two = article(
        "b2", "Report I\n\nMr. Lee said 1,000 North Korean troops had been sent to Russia.\n"
    )
    summary = summarise([one, two], {("b1", 1): "Ms. Lee", ("b2", 1): "Mr. Lee"})
    assert set(speakers(summary)) == {
        "Ms. Lee (unresolved, in “Report H”)",
        "Mr. Lee (unresolved, in “Report I”)",
    }
    assert [c.values for c in summary.conflicts] == [(1000.0, 2000.0)]


def reading(text: str, source: str, sentence_words: str) -> str | None:
    surname = surname_of(source)
    assert surname is not None
    end = text.index(sentence_words) + len(sentence_words)
    return read_surname(surname, end, in_article(text, surname)).speaker


def test_two_people_of_one_surname_in_one_article_name_nobody() -> None:
    text = "Kim Jong-un sent troops. Kim Yo-jong praised the move. Mr. Kim said more would go."
    assert reading(text, "Mr. Kim", "more would go.") is None


def test_of_two_people_of_one_surname_the_quoted_one_speaks_again() -> None:
    text = (
        "Defense Minister Kim Yong-hyun said the deployment was a war crime by North Korean "
        "leader Kim Jong-un. Mr. Kim said 3,000 troops had left."
    )
    assert reading(text, "Mr. Kim", "had left.") == "Kim Yong-hyun"


def test_an_honorific_before_any_full_name_names_nobody() -> None:
    text = "Mr. Park said the troops had left. Park Won-gon, an analyst, agreed."
    assert reading(text, "Mr. Park", "had left.") is None
    assert reading(text, "Mr. Park", "agreed.") == "Park Won-gon"


def test_a_man_and_a_woman_of_one_surname_in_an_article_name_nobody() -> None:
    text = "Minister Park Jin spoke. Mr. Park said one thing. Ms. Park said another."
    assert reading(text, "Ms. Park", "another.") is None


def test_a_first_name_of_the_other_gender_is_not_taken() -> None:
    text = "Minister Maria Lopez spoke first. Mr. Lopez said the talks had failed."
    assert reading(text, "Mr. Lopez", "had failed.") is None
    assert reading(text, "Ms. Lopez", "had failed.") == "Maria Lopez"


def test_a_full_name_is_not_made_of_a_title_a_people_or_a_headline() -> None:
    text = (
        "Putin Seeks Vindication\n"
        "Russia's Putin said the war went well. Russian President Vladimir V. Putin of Russia "
        "spoke again. Mr. Putin said more."
    )
    assert reading(text, "Mr. Putin", "said more.") == "Vladimir V. Putin"
    assert reading(text, "Mr. Putin", "went well.") is None


def test_a_word_typed_alone_takes_only_a_titled_full_name() -> None:
    text = "The Gorky Times said so. Gorky said the troops were on exercise."
    assert reading(text, "Gorky", "on exercise.") is None
    text = "Foreign Minister Park Jin said so. Park said the troops had left."
    assert reading(text, "Park", "had left.") == "Park Jin"


def test_what_is_a_surname_source() -> None:
    assert surname_of("Ms. Park") is not None and surname_of("Ms. Park").gender == "she"  # type: ignore[union-attr]
    assert surname_of("General Ryder") is not None
    assert surname_of("Park Jin") is None
    assert surname_of("U.S. officials") is None
    assert surname_of("he") is None
