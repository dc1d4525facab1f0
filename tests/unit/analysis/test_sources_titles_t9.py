"""tr11 T9: a title and a surname join the one full name of that surname only when the
title can be that person's: not an office other than those the full name is given
("President Kennedy" is not Ambassador Caroline Kennedy), not an honorific of the other
gender ("Mrs. Biden" is not Hunter Biden), and not a name with a generational suffix
("Mr. Trump" is not Donald Trump Jr.). A full name typed without any title holds the
offices its sentences write before it ("Air Force Maj. Gen. Pat Ryder, …" typed "Pat
Ryder"), and none else: "President Biden" beside "Hunter Biden" is a guess between
people, and stays apart (tr11 T9, the rest)."""

from __future__ import annotations

from workbench.core.analysis.sources.grouping import group_sources, titles_written


def groups_of(*sources: str) -> dict[str, tuple[str, ...]]:
    return {g.canonical: g.variants for g in group_sources(sources)}


def test_an_office_other_than_the_full_name_s_stays_apart() -> None:
    found = groups_of("Ambassador Caroline Kennedy", "President Kennedy", "Ambassador Kennedy")
    assert found == {
        "Ambassador Caroline Kennedy": ("Ambassador Caroline Kennedy", "Ambassador Kennedy"),
        "President Kennedy": ("President Kennedy",),
    }


def test_an_office_the_full_name_is_given_joins_it() -> None:
    found = groups_of("President Joe Biden", "President Biden", "Mr. Biden")
    assert found == {"President Joe Biden": ("Mr. Biden", "President Biden", "President Joe Biden")}
    ryder = groups_of("Air Force Maj. Gen. Pat Ryder", "General Ryder")
    assert list(ryder) == ["Air Force Maj. Gen. Pat Ryder"]


def test_an_honorific_of_the_other_gender_stays_apart() -> None:
    found = groups_of("Hunter Biden", "Mrs. Biden", "Mr. Biden")
    assert found == {"Hunter Biden": ("Hunter Biden", "Mr. Biden"), "Mrs. Biden": ("Mrs. Biden",)}
    assert list(groups_of("Maria Lopez", "Ms. Lopez")) == ["Maria Lopez"]


def test_a_name_with_a_generational_suffix_is_not_the_bare_surname_s() -> None:
    found = groups_of("Donald Trump Jr.", "Mr. Trump", "President Trump")
    assert found == {
        "Donald Trump Jr.": ("Donald Trump Jr.",),
        "President Trump": ("Mr. Trump", "President Trump"),  # as with no full name
    }


def test_the_reported_data_set_splits_as_a_reader_would() -> None:
    """The six sources of the finding: before, 'Mrs. Biden' (and 'President Biden') were
    Hunter Biden's, 'Mr. Trump' and 'President Trump' Donald Trump Jr.'s."""
    found = groups_of(
        "Hunter Biden", "Donald Trump Jr.", "President Biden", "President Trump", "Mr. Trump",
        "Mrs. Biden",
    )  # fmt: skip
    assert found["Donald Trump Jr."] == ("Donald Trump Jr.",)
    assert found["President Trump"] == ("Mr. Trump", "President Trump")
    assert found["Mrs. Biden"] == ("Mrs. Biden",)
    assert found["Hunter Biden"] == ("Hunter Biden",)
    assert found["President Biden"] == ("President Biden",)


def test_an_office_joins_a_full_name_typed_without_one_only_as_its_sentences_write_it() -> None:
    """tr11 T9, the rest: "President Biden" joined "Hunter Biden", typed without a title,
    when no "Joe Biden" was there; the sentences of a full name tell its office."""
    assert groups_of("Hunter Biden", "President Biden") == {
        "Hunter Biden": ("Hunter Biden",),
        "President Biden": ("President Biden",),
    }
    hunter = [("Hunter Biden", "Hunter Biden, the president's son, said he had paid the taxes.")]
    assert titles_written(hunter) == {}
    ryder = [("Pat Ryder", "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, said so.")]
    assert titles_written(ryder) == {"Pat Ryder": frozenset({"major", "general"})}
    sources = ("Pat Ryder", "General Ryder", "Mr. Ryder", "President Ryder")
    assert {g.canonical: g.variants for g in group_sources(sources, titles_written(ryder))} == {
        "Pat Ryder": ("General Ryder", "Mr. Ryder", "Pat Ryder"),
        "President Ryder": ("President Ryder",),
    }
    assert {g.canonical: g.variants for g in group_sources(sources[:3])} == {
        "General Ryder": ("General Ryder",),
        "Pat Ryder": ("Mr. Ryder", "Pat Ryder"),  # an honorific fits any man of the name
    }


def test_a_full_name_with_a_generational_suffix_is_not_the_same_name_without() -> None:
    """rv13 R3: "Donald Trump" and "Donald Trump Jr." were one source (the longer full
    name covers the shorter), so the father's claims were counted as the son's; the
    surname spelling, which either may be, joins neither."""
    found = groups_of("Donald Trump", "Donald Trump Jr.", "Mr. Trump")
    assert found == {
        "Donald Trump": ("Donald Trump",),
        "Donald Trump Jr.": ("Donald Trump Jr.",),
        "Mr. Trump": ("Mr. Trump",),
    }
    assert groups_of("Donald Trump Jr.", "Donald J. Trump Jr.") == {
        "Donald J. Trump Jr.": ("Donald J. Trump Jr.", "Donald Trump Jr.")
    }
