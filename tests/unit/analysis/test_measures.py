"""What a figure measures, read from its sentence: class, state, whose, where, when, per, part."""

from __future__ import annotations

import re
from typing import Any

import pytest

from workbench.core.analysis.figures import measures
from workbench.core.analysis.figures.measures import SQUARE_MILE_KM2, Measure, read_measures
from workbench.core.analysis.figures.quantities import extract_quantities
from workbench.core.corpus.articles import load_corpus


def measure(sentence: str, value: float) -> Measure:
    found = extract_quantities(sentence)
    for quantity, read in zip(found, read_measures(sentence, found), strict=True):
        if quantity.value == value and read is not None:
            return read
    raise AssertionError(f"no figure {value} in {sentence!r}: {found}")


@pytest.mark.parametrize(
    ("sentence", "value", "expected"),
    [
        # the state of the event
        ("North Korea had sent 3,000 troops to Russia out of a promised 10,000.", 3_000,
         {"state": "sent", "country": "Russia"}),
        ("North Korea had sent 3,000 troops to Russia out of a promised 10,000.", 10_000,
         {"state": "planned"}),
        ("Up to 5,000 troops were expected to be assembled by Monday.", 5_000,
         {"state": "planned", "when": "by monday"}),
        ("Pyongyang has promised to send 10,000 troops by December.", 10_000,
         {"state": "planned", "when": "by december"}),
        ("At least 10,000 troops had traveled to the Kursk region.", 10_000,
         {"state": "sent", "place": "Kursk"}),
        ("North Korea has a military with around 1.2 million personnel.", 1_200_000,
         {"state": "strength"}),
        ("Russia has 1.32 million active-duty troops.", 1_320_000, {"state": "strength"}),
        ("Ukraine captured 2 North Korean soldiers.", 2, {"state": "captured"}),
        ("Kyiv captured some 500 square miles of Russian territory.", 500,
         {"unit_class": "area", "state": "captured"}),
        ("Ukraine still occupied about 250 square miles.", 250, {"state": "held"}),
        ("Some 120,000 people have been displaced by the fighting.", 120_000,
         {"unit_class": "people", "state": "displaced"}),
        ("Police said 10,000 people joined the protest in Tbilisi.", 10_000,
         {"state": "protesting", "place": "Tbilisi"}),
        ("Police detained 300 people at the protest.", 300, {"state": "detained"}),
        ("10,000 people live there.", 10_000, {"unit_class": "people", "state": None}),
        # casualties: the class is the state, the victims are the part
        ("The quake killed 52 people.", 52, {"unit_class": "killed", "part": None}),
        ("A strike killed 12 civilians in Kharkiv.", 12,
         {"unit_class": "killed", "part": "civilians", "place": "Kharkiv", "who": None}),
        ("At least 30 soldiers were killed or injured.", 30,
         {"unit_class": "casualties", "part": "troops"}),
        # scope: per, part, when
        ("Two units, with as many as 6,000 people each, were trained.", 6_000, {"per": "each"}),
        ("About 1,500 soldiers are killed or wounded each day.", 1_500, {"per": "day"}),
        ("Russia loses 1,200 soldiers killed a day.", 1_200, {"per": "day"}),
        ("North Korea sent about 1,500 special forces soldiers.", 1_500, {"part": "special"}),
        ("It will send an additional 2,000 troops.", 2_000, {"part": "increment"}),
        ("It reports probably another 1,000 wounded.", 1_000, {"part": "increment"}),
        ("The service said last week that 1,500 troops were sent.", 1_500,
         {"when": "last week"}),
        ("In October, 3,000 North Korean troops were in Russia.", 3_000,
         {"when": "october", "who": "North Korean", "country": "Russia"}),
        ("Ukraine said on Monday that 3,000 troops had arrived.", 3_000, {"when": None}),
        ("Ukraine entered the Kursk region and captured 400 square miles.", 400,
         {"place": None}),
        ("Russia has massed 100,000 troops near Ukraine's border.", 100_000,
         {"place": "border", "country": "Ukraine", "who": "Russian"}),
    ],
)  # fmt: skip
def test_reading(sentence: str, value: float, expected: dict[str, Any]) -> None:
    read = measure(sentence, value)
    assert {name: getattr(read, name) for name in expected} == expected


def test_area_is_one_class_in_square_kilometres() -> None:
    miles = measure("Kyiv captured 500 square miles.", 500)
    kilometres = measure("Kyiv captured 1,295 square kilometres.", 1_295)
    assert miles.unit_class == kilometres.unit_class == "area"
    assert miles.base_value == pytest.approx(500 * SQUARE_MILE_KM2)
    assert kilometres.noun == "square kilometres"


def test_troop_nouns_are_one_class() -> None:
    sentence = "It sent 10 troops, 20 soldiers, 30 forces and 40 military personnel."
    found = extract_quantities(sentence)
    assert {m.unit_class for m in read_measures(sentence, found) if m} == {"troops"}


def test_a_number_that_counts_nothing_has_no_measure() -> None:
    sentence = "The “2 plus 2” meetings with 3,000 troops."
    found = extract_quantities(sentence)
    assert [m is None for m in read_measures(sentence, found)] == [True, True, False]


# -- issue 15, part 2: money, counted things, percentages, units, forces, places -------


@pytest.mark.parametrize(
    ("sentence", "value", "expected"),
    [
        # money: what the money is
        ("Orvane Energy paid a $45 million fine.", 45e6, {"unit_class": "money USD",
                                                          "state": "fine"}),
        ("The bank was fined $200 million for laundering.", 200e6, {"state": "fine"}),
        ("The chief stole $300 million from investors.", 300e6, {"state": "stolen"}),
        ("Thieves took about $3 million in the depot robbery.", 3e6, {"state": "stolen"}),
        ("The city faces a deficit of about $1.1 billion.", 1.1e9, {"state": "shortfall"}),
        ("It faces a $48 million budget shortfall.", 48e6, {"state": "shortfall"}),
        ("The EU pledged €50 billion in aid to Ukraine.", 50e9, {"unit_class": "money EUR",
                                                                 "state": "planned aid"}),
        ("It is unlikely to spend the remaining $5.6 billion.", 5.6e9, {"state": "remaining"}),
        ("The painting sold for $12 million.", 12e6, {"state": "price"}),
        ("The company has $3 million.", 3e6, {"state": None}),
        # counted things: the verb that says what happened to them
        ("The quake destroyed about 2,000 buildings.", 2_000, {"unit_class": "buildings",
                                                               "state": "destroyed"}),
        ("Officials said 6,000 buildings were destroyed.", 6_000, {"state": "destroyed"}),
        ("Fewer than 2,000 workers took part in the strike.", 2_000, {"state": "joined"}),
        ("About 4,500 workers joined the strike.", 4_500, {"state": "joined"}),
        ("The company will cut 2,000 jobs.", 2_000, {"state": "planned cut"}),
        ("NurseryTech is recalling 310,000 monitors.", 310_000, {"state": "recalled"}),
        ("Details of 2.3 million customers were exposed.", 2.3e6, {"state": "affected"}),
        ("Ukraine received 31 Abrams tanks.", 31, {"state": "received", "part": "abrams",
                                                  "who": "Ukrainian"}),
        ("It has received 57 reports of batteries overheating.", 57,
         {"part": "batteries"}),
        ("The airline has 1,200 flights.", 1_200, {"state": "had"}),
        ("There were 1,200 flights.", 1_200, {"state": None}),
        # percentages: a change or a level, of what
        ("Trade between A and B fell 14 percent.", 14, {"state": "down", "part": "trade"}),
        ("Unemployment rose to 7.5 percent in March.", 7.5, {"state": "level",
                                                             "part": "unemployment",
                                                             "when": "march"}),
        ("Turnout in the election was 61 percent.", 61, {"state": "level",
                                                         "part": "turnout"}),
        # distances and speeds: what they measure, and of what
        ("The missile flew about 1,000 km.", 1_000, {"unit_class": "distance",
                                                     "state": "travelled",
                                                     "part": "missile"}),
        ("The convoy was 40 miles from the capital.", 40, {"state": "away",
                                                           "part": "convoy"}),
        ("The train was going at 75 mph.", 75, {"unit_class": "speed", "state": "moving",
                                                "part": "train"}),
        ("The fire has burned 5,000 hectares.", 5_000, {"unit_class": "area",
                                                        "state": "burned"}),
        # a whole force, or troops somewhere
        ("Hezbollah says it has 100,000 fighters.", 100_000, {"state": "strength"}),
        ("The militia has about 20,000 fighters.", 20_000, {"state": "strength"}),
        ("Germany has 1,700 soldiers in Lithuania.", 1_700, {"state": "sent"}),
        ("The Lake Tana mission has 1,200 peacekeepers on the ground.", 1_200,
         {"state": "sent", "place": "Lake Tana"}),
        ("The mission has 15,000 troops in Lebanon.", 15_000, {"country": "Lebanon",
                                                                "place": None}),
        # places: left from, and events named after their authors
        ("Authorities evacuated 4,000 people from the Kherson region.", 4_000,
         {"state": "displaced", "place": "Kherson"}),
        ("Some 3,000 troops from North Korea arrived.", 3_000, {"country": None}),
        ("Israel said 1,200 people were killed in the Hamas attack.", 1_200,
         {"place": None, "who": None}),
        ("At least 90 people were killed in the ISIS attack on the hall.", 90,
         {"place": None}),
        # times: this year, a count's round
        ("More than 20,000 migrants crossed this year.", 20_000, {"when": "this year"}),
        ("The candidate won 48,200 votes in the preliminary count.", 48_200,
         {"when": "preliminary count"}),
        ("After the recount, her tally was 52,120 votes.", 52_120, {"when": "recount"}),
    ],
)  # fmt: skip
def test_reading_part_two(sentence: str, value: float, expected: dict[str, Any]) -> None:
    read = measure(sentence, value)
    assert {name: getattr(read, name) for name in expected} == expected


def test_units_are_compared_in_the_class_unit() -> None:
    assert measure("It went at 90 mph.", 90).base_value == pytest.approx(144.84, abs=0.01)
    assert measure("It went at 140 km/h.", 140).base_value == 140
    assert measure("It burned 5,000 hectares.", 5_000).base_value == pytest.approx(50)
    assert measure("It burned 12,000 acres.", 12_000).base_value == pytest.approx(48.56, 0.01)


def test_a_vague_number_does_not_end_the_next_figures_clause() -> None:
    sentence = (
        "At least 10,000 North Korean troops had traveled tens of thousands of miles "
        "to the Kursk region."
    )
    assert measure(sentence, 10_000).place == "Kursk"


def test_the_time_pattern_skips_only_positions_no_time_starts_at() -> None:
    """_TIME tries only positions starting with one of _TIME_INITIALS: the same times
    as the pattern without that shortcut, on a phrase for every alternative and on the
    bundled articles."""
    whole = re.compile(measures._TIME.pattern.split(r"\b", 1)[1])
    phrases = [
        "in august", "during october", "throughout 2023", "by december", "until may",
        "since june", "early november", "mid november", "late july", "end of march",
        "last january", "last week", "over the weekend", "earlier this month",
        "this year", "a day ago", "one week ago", "two months ago", "3 years ago",
        "initially", "at first", "after the recount", "the first count",
        "initial results", "the preliminary tally", "provisional count",
        "partial results", "final count", "by next monday",
        "by friday", "by the end of the year",
    ]  # fmt: skip
    texts = phrases + [s.text.lower() for a in load_corpus() for s in a.sentences]
    for text in texts:
        assert [m.group(0) for m in measures._TIME.finditer(text)] == [
            m.group(0) for m in whole.finditer(text)
        ], text
    assert all(measures._TIME.search(phrase) for phrase in phrases)


@pytest.mark.parametrize(
    ("sentence", "value", "part"),
    [
        ("Police set up a 3-mile exclusion zone around the plant.", 3, "zone"),
        ("The exclusion zone around the plant stretches about 5 km.", 5, "zone"),
        ("The unemployment rate rose to 5 percent.", 5, "unemployment"),
        ("North Korean military personnel are about 30 miles away.", 30, "personnel"),
        ("It flew 1,000 km.", 1_000, None),
    ],
)
def test_what_a_distance_or_percentage_is_of(sentence: str, value: float, part: str) -> None:
    assert measure(sentence, value).part == part


# -- issue 15, third conflict pass: margins, hospital, bearings, people's events ---------


@pytest.mark.parametrize(
    ("sentence", "value", "expected"),
    [
        ("Ruth Ambrose won the county clerk race by 412 votes.", 412,
         {"state": "margin", "part": "ambrose"}),
        ("Ambrose's margin of victory in the clerk race was 214 votes.", 214,
         {"state": "margin", "part": "ambrose"}),
        ("The incumbent beat her challenger by 12 points.", 12,
         {"state": "margin", "part": "incumbent"}),
        ("Mendes received 48,000 votes in the race.", 48_000, {"state": "received"}),
        ("Sixteen people had been hospitalised with Legionnaires' disease.", 16,
         {"state": "hospitalised"}),
        ("Eleven people had been admitted to hospital in Ashworth.", 11,
         {"state": "hospitalised"}),
        ("The chemical leak sent 12 people to hospital.", 12, {"state": "hospitalised"}),
        ("Thirty people are missing after the ferry capsized.", 30, {"state": "missing"}),
        ("Cyclone Amara came ashore 120 km south of Chittagong.", 120,
         {"state": "away", "part": "amara"}),
        ("The epicentre was 15 km north of Izmir.", 15, {"state": "away", "part": "epicentre"}),
        ("Rescuers pulled 41 people alive from the rubble.", 41, {"state": "rescued"}),
        ("The floods affected 2 million people across Assam.", 2e6, {"state": "affected"}),
        ("About 600,000 people live in the flooded districts.", 600_000, {"state": None}),
        ("The town has 10,000 people.", 10_000, {"state": None}),
        ("Mendes won 52 percent of the vote.", 52, {"state": "level", "part": "vote mendes"}),
        ("Between 200 and 300 people were killed in Sindh.", 300,
         {"state": "killed", "place": "Sindh"}),
        ("The blaze destroyed 40 to 50 homes in Tamsin.", 50,
         {"state": "destroyed", "part": None}),
        ("Police detained 150 protesters after the rally.", 150, {"state": "detained"}),
        ("Sixty-three demonstrators were arrested at the rally.", 63, {"state": "detained"}),
        ("Some 10,000 protesters marched in Paris.", 10_000, {"state": "protesting"}),
        ("An estimated 15,000 marched through Paris.", 15_000,
         {"unit_class": "people", "state": "protesting"}),
        ("Nine people died and 40 were injured in the blast.", 9, {"unit_class": "killed"}),
        ("Nine people died and 40 were injured in the blast.", 40, {"unit_class": "wounded"}),
        ("At least 40 people lost their lives in the fire.", 40, {"unit_class": "killed"}),
        ("About 10,000 residents were evacuated from Rhodes.", 10_000,
         {"unit_class": "people", "state": "displaced", "place": "Rhodes"}),
        # a population of a place named (fifth pass): another figure for it conflicts
        ("About 115,000 residents live on Rhodes.", 115_000, {"state": "population"}),
        ("Deaths from the heatwave in Andalusia rose to 212.", 212, {"unit_class": "killed"}),
        ("The number of dead in the Sylhet floods reached 64.", 64, {"unit_class": "killed"}),
        ("The gas explosion in Tarsk killed three people.", 3,
         {"unit_class": "killed", "place": "Tarsk"}),
        ("A stabbing at the school injured two pupils.", 2,
         {"unit_class": "wounded", "part": "pupils"}),
        ("Five pupils were injured in the stabbing.", 5,
         {"unit_class": "wounded", "part": "pupils"}),
        ("The storm destroyed 2,000 buildings and killed 12 people.", 2_000,
         {"unit_class": "buildings", "state": "destroyed"}),
    ],
)  # fmt: skip
def test_what_the_third_pass_reads(sentence: str, value: float, expected: dict[str, Any]) -> None:
    read = measure(sentence, value)
    assert {key: getattr(read, key) for key in expected} == expected


def test_a_margin_is_not_read_for_troops_or_casualties() -> None:
    assert measure("The column was led by 300 troops.", 300).state != "margin"
    assert measure("The town was hit by 40 rockets.", 40).state != "margin"
