"""Source normalisation: one speaker, many spellings; never merge blindly."""

from __future__ import annotations

import random

import pytest

from tests.fixtures.gold import gold_records
from workbench.core.analysis.sources.grouping import (
    _not_guessed,
    _Parsed,
    canonical_source,
    clean_source,
    group_sources,
    parse_source,
    same_generation,
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


def test_a_name_typed_with_a_combining_accent_is_the_same_source() -> None:
    """qa6 Q18: "Jose\u0301 Ramos" (NFD) and "José Ramos" were two rows printed alike."""
    composed, decomposed = "Jos\u00e9 Ramos", "Jose\u0301 Ramos"
    assert groups_of(composed, decomposed) == {composed: (composed,)}
    index = source_index(group_sources([composed]))
    assert canonical_source(index, decomposed) == composed


def test_a_body_typed_in_any_case_or_quoted_is_one_source() -> None:
    """qa6 Q30: "nato" was another speaker than "NATO" (deciding whether two figures
    conflict), and the name shown was the one typed in quotation marks."""
    assert groups_of("NATO", "nato", "NATO.", "“NATO”") == {"NATO": ("NATO", "nato", "NATO.")}


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


def _reference_groups(sources: list[str]) -> list[tuple[str, tuple[str, ...], str]]:
    """The grouping as first written: every cluster tested in order, every token pair
    scored. Slow (quadratic), so only for checking the indexed version."""
    from collections import Counter, defaultdict

    from rapidfuzz import fuzz

    def same(left: str, right: str) -> bool:
        return left == right or (
            min(len(left), len(right)) >= 5 and fuzz.ratio(left, right) >= 85.0
        )

    def covers(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
        return all(any(same(p, f) for f in full) for p in part)

    counts = Counter(clean_source(s) for s in sources if s and s.strip())
    by_key: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for variant in counts:
        by_key[parse_source(variant)].append(variant)
    people = sorted((k for k in by_key if k[0] == "person"), key=lambda k: (-len(k[1]), k[1]))
    clusters: list[list[tuple[str, tuple[str, ...]]]] = []
    alone = []
    for key in people:
        if len(key[1]) == 1:
            alone.append(key)
            continue
        home = next(
            (
                c
                for c in clusters
                if same_generation(c[0][1], key[1])
                and (covers(c[0][1], key[1]) or covers(key[1], c[0][1]))
            ),
            None,
        )
        if home is None:
            clusters.append([key])
        else:
            home.append(key)
    full = list(clusters)
    for key in alone:
        owners = [c for c in full if covers(c[0][1], key[1])]
        if len(owners) == 1:
            owners[0].append(key)
            continue
        home = (
            None
            if owners
            else next((c for c in clusters if c not in full and covers(c[0][1], key[1])), None)
        )
        if home is None:
            clusters.append([key])
        else:
            home.append(key)
    clusters.extend([key] for key in by_key if key[0] != "person")
    groups = []
    parsed = {key: [_Parsed(v, *key) for v in variants] for key, variants in by_key.items()}
    for cluster in clusters:
        for split in _not_guessed(cluster, parsed, {}):  # tr11 T9: not indexing
            members = [(m.variant, m.tokens) for m in split]
            best = max(members, key=lambda m: (len(m[1]), len(m[0]), counts[m[0]], m[0]))[0]
            variants = tuple(sorted({v for v, _ in members}, key=lambda v: (v.lower(), v)))
            groups.append((best, variants, cluster[0][0]))
    return sorted(groups, key=lambda g: (g[0].lower(), g[0]))


def test_indexed_grouping_matches_the_pairwise_one() -> None:
    """Thousands of made-up names, surnames alone, titles and near-spellings."""
    rng = random.Random(4)
    syllables = ["an", "ber", "kim", "yong", "jong", "pat", "ry", "der", "zel", "ens", "ky", "iy"]

    def name() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))).capitalize()

    sources = [r["source"] for r in gold_records() if r["source"]]
    for _ in range(700):
        roll = rng.random()
        if roll < 0.35:
            sources.append(" ".join(name() for _ in range(rng.randint(2, 3))))
        elif roll < 0.55:
            sources.append(rng.choice(["Mr. ", "General ", ""]) + name())
        elif roll < 0.7:
            sources.append(f"{name()}-{name().lower()} {name()}")
        elif roll < 0.8:
            sources.append(rng.choice(["U.S. officials", "The Pentagon", "he", "Kremlin"]))
        else:
            sources.append(name() + rng.choice(["", "y", "iy", "s"]))
    found = [(g.canonical, g.variants, g.kind) for g in group_sources(sources)]
    assert found == _reference_groups(sources)


def test_spellings_differing_only_in_case_have_a_fixed_order() -> None:
    (group,) = group_sources(["he", "He", "he"])
    assert group.variants == ("He", "he")


def test_a_bodys_name_alone_and_with_its_kind_are_one_source() -> None:
    """qa7 Q13's second half: "Yonhap" and "Yonhap News" (bundled 003) were two sources.
    Not so for words of places or kinds of body, nor for a name typed as a surname."""
    assert groups_of("Yonhap", "Yonhap News", "Yonhap News Agency", "Reuters") == {
        "Yonhap News Agency": ("Yonhap", "Yonhap News", "Yonhap News Agency"),
        "Reuters": ("Reuters",),
    }
    assert groups_of("Interfax", "Interfax news agency") == {
        "Interfax news agency": ("Interfax", "Interfax news agency")
    }
    assert len(groups_of("Ukraine", "Ukraine news agency", "government press service")) == 3
    assert len(groups_of("Mr. Park", "Park news agency")) == 2
    assert len(groups_of("New York Times", "New York Post")) == 2


def test_a_person_named_after_a_bodys_role_is_that_person() -> None:
    """ "Kremlin spokesman Dmitry Peskov" was a group of its own, apart from "Peskov", and
    ClaimReview's Organization (rv9 R10): the name after the role is the speaker."""
    assert groups_of("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Peskov") == {
        "Kremlin spokesman Dmitry Peskov": (
            "Dmitry Peskov",
            "Kremlin spokesman Dmitry Peskov",
            "Peskov",
        )
    }
    assert parse_source("Ukraine's Foreign Ministry spokesman Georgiy Tykhyi") == (
        "person",
        ("georgiy", "tykhyi"),
    )
    assert parse_source("Defense Ministry spokesman Lt. Col. Ivan Petrov") == (
        "person",
        ("ivan", "petrov"),
    )
    assert parse_source("U.S. official John Kirby") == ("person", ("john", "kirby"))


def test_a_body_whose_name_holds_a_role_word_stays_a_body() -> None:
    for body in (
        "State Department",
        "Health Ministry",
        "Foreign Affairs Committee",
        "General Staff of Ukraine's Armed Forces",
        "the Korean Central News Agency",
        "a senior official",
    ):
        assert parse_source(body)[0] == "group", body


def test_a_joint_source_is_not_its_last_person() -> None:
    """rv10 R1: "Kremlin spokesman Dmitry Peskov and Foreign Minister Sergei Lavrov" was
    read as Lavrov alone, and named Lavrov's own claims; a day after a role was a name."""
    joint = "Kremlin spokesman Dmitry Peskov and Foreign Minister Sergei Lavrov"
    assert parse_source(joint)[0] == "group"
    assert groups_of(joint, "Sergei Lavrov", "Lavrov") == {
        joint: (joint,),
        "Sergei Lavrov": ("Lavrov", "Sergei Lavrov"),
    }
    assert parse_source("Pentagon spokesman John Kirby with Secretary Lloyd Austin")[0] == "group"
    assert len(groups_of("Kremlin spokesman Tuesday", "Pentagon official Tuesday")) == 2


@pytest.mark.parametrize("joined_by", [" & ", "; ", " / ", ", "])
def test_a_joint_source_joined_by_a_sign_or_a_comma_is_not_one_person(joined_by: str) -> None:
    """rv10 R7: "&", ";", "/" and a comma were not read as joining two speakers."""
    joint = f"Kremlin spokesman Dmitry Peskov{joined_by}Foreign Minister Sergei Lavrov"
    assert parse_source(joint)[0] == "group"
    assert parse_source("Dmitry Peskov, Kremlin spokesman") == ("person", ("dmitry", "peskov"))
