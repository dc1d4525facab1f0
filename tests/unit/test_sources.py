"""Source normalisation: one speaker, many spellings; never merge blindly."""

from __future__ import annotations

from tests.fixtures.gold import gold_records
from workbench.core.sources import (
    canonical_source,
    group_sources,
    parse_source,
    source_index,
)


def groups_of(*sources: str) -> dict[str, tuple[str, ...]]:
    return {g.canonical: g.variants for g in group_sources(sources)}


def test_ranks_and_titles_are_stripped() -> None:
    assert parse_source("Air Force Maj. Gen. Pat Ryder") == ("person", ("pat", "ryder"))
    assert parse_source("General Ryder") == ("person", ("ryder",))
    assert parse_source("South Korean Defense Minister Kim Yong-hyun") == (
        "person",
        ("kim", "yong", "hyun"),
    )


def test_ryder_spellings_group_under_the_most_complete() -> None:
    found = groups_of(
        "General Ryder", "Gen. Pat Ryder", "Maj. Gen. Pat Ryder", "Air Force Maj. Gen. Pat Ryder"
    )
    assert found == {
        "Air Force Maj. Gen. Pat Ryder": (
            "Air Force Maj. Gen. Pat Ryder",
            "Gen. Pat Ryder",
            "General Ryder",
            "Maj. Gen. Pat Ryder",
        )
    }


def test_austin_spellings_group() -> None:
    found = groups_of(
        "Mr. Austin", "Lloyd Austin", "Defense Secretary Lloyd Austin", "Secretary Austin"
    )
    assert list(found) == ["Defense Secretary Lloyd Austin"]
    assert len(found["Defense Secretary Lloyd Austin"]) == 4


def test_transliterations_match_through_rapidfuzz() -> None:
    found = groups_of("Zelensky", "Zelenskiy", "Zelenskyy", "President Volodymyr Zelensky")
    assert list(found) == ["President Volodymyr Zelensky"]


def test_surname_alone_merges_only_when_unambiguous() -> None:
    both = groups_of("Mr. Kim", "South Korean Defense Minister Kim Yong-hyun", "Kim Jong-un")
    assert both["Mr. Kim"] == ("Mr. Kim",)
    assert both["Kim Jong-un"] == ("Kim Jong-un",)
    one = groups_of("Mr. Kim", "South Korean Defense Minister Kim Yong-hyun")
    assert one == {
        "South Korean Defense Minister Kim Yong-hyun": (
            "Mr. Kim",
            "South Korean Defense Minister Kim Yong-hyun",
        )
    }


def test_different_people_with_similar_names_stay_apart() -> None:
    found = groups_of("Kim Jong-un", "Kim Yong-hyun", "Pat Ryder", "Pat Rider Jones")
    assert len(found) == 4


def test_pronouns_are_never_merged_into_a_person() -> None:
    found = groups_of("He", "he", "General Ryder")
    assert found["General Ryder"] == ("General Ryder",)
    assert set(found) == {"General Ryder", "He"} or set(found) == {"General Ryder", "he"}


def test_groups_merge_only_on_the_same_words() -> None:
    found = groups_of("U.S. officials", "U.S.  officials", "Ukrainian officials", "The Pentagon")
    assert len(found) == 3
    assert parse_source("The Pentagon")[0] == "group"
    assert parse_source("Ukraine’s military intelligence agency")[0] == "group"


def test_lookup_is_tolerant_of_spacing_and_apostrophes() -> None:
    index = source_index(group_sources(["Defense Secretary\u00a0Lloyd Austin", "Mr. Austin"]))
    assert canonical_source(index, "Mr.  Austin") == "Defense Secretary Lloyd Austin"
    assert canonical_source(index, None) is None
    assert canonical_source(index, "  ") is None
    assert canonical_source(index, "Unknown Person") == "Unknown Person"


def test_gold_sources() -> None:
    found = {
        g.canonical: g.variants
        for g in group_sources(r["source"] for r in gold_records() if r["source"])
    }
    ryder = next(v for c, v in found.items() if "Ryder" in c)
    assert "General Ryder" in ryder and "Air Force Maj. Gen. Pat Ryder" in ryder
    austin = next(v for c, v in found.items() if "Austin" in c)
    assert {"Mr. Austin", "Austin", "Defense Secretary Lloyd Austin"} <= set(austin)
    zelensky = next(v for c, v in found.items() if "Zelensk" in c)
    assert len(zelensky) >= 4
    nebenzia = next(v for c, v in found.items() if "Nebenzia" in c)
    assert set(nebenzia) == {"Vasily Nebenzia", "Mr. Nebenzia"}
