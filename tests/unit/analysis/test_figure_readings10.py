"""Issue 15's tenth conflict pass (session 9): the plain reading bugs blind set 8 showed
(a name set beside a place's kind, a number in a name, a capitalised "Front", a
multiplier joined to its number before a unit or after a currency code) and qa7's figure
items (a profit's basis, a direction in a name, an estimate of damage)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.quantities import extract_quantities


def test_a_place_named_by_its_kind_takes_the_name_set_beside_it() -> None:
    march = only(
        "Tens of thousands of protesters marched through the capital, Selvar, on Saturday."
    )
    assert march.place == "Selvar"
    assert conflict(
        "Tens of thousands of protesters marched through the capital, Selvar, on Saturday.",
        "Police said only about 2,000 people took part in Saturday's march in Selvar.",
    )
    assert only("Some 3,000 teachers went on strike in the capital.").place == "capital"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kessian forces said they lost 45 soldiers in the assault on Hill 302.",
        "Officials said 45 soldiers were killed near Route 66 on Tuesday.",
    ],
)
def test_a_number_in_a_name_is_no_figure(sentence: str) -> None:
    assert [figure.quantity.value for figure in figures(sentence, "x")] == [45]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Sweden sent to Kessia 300 troops.", 300),
        # rv9 R2: past people and capitals, or a part "of", the number still counts
        ("In Kursk 50 North Korean soldiers died on Monday.", 50),
        ("Russia lost near Pokrovsk 40 of its tanks.", 40),
    ],
)
def test_a_number_after_a_place_before_what_it_counts_is_still_a_figure(
    sentence: str, value: int
) -> None:
    assert value in [figure.quantity.value for figure in figures(sentence, "x")]


def test_a_number_after_a_partys_name_before_of_is_read() -> None:
    """rv9 R2 (blind set 8, b8-70): the 63 was dropped as part of the party's name."""
    found = extract_quantities(
        "Official results gave the Green Alliance 63 of parliament's 150 seats."
    )
    assert [quantity.value for quantity in found] == [63, 150]


def test_a_count_from_where_they_came_is_no_count_before_a_change() -> None:
    """rv9 R1: "from 3 army corps" is where the soldiers came from: the 12,000 is no later
    count than a 10,000 elsewhere ("risen to 217 from 211" still is: test_figure_readings_qa7)."""
    assert conflict(
        "North Korea has sent 12,000 soldiers from 3 army corps to Russia.",
        "North Korea has sent 10,000 soldiers to Russia.",
    )


def test_a_capitalised_front_is_a_name_not_a_front_line() -> None:
    assert only("The Labour Front is at 22% in the latest survey.").place is None
    assert only("Russia moved 3,000 troops to the front line.").place == "front"


@pytest.mark.parametrize(
    ("sentence", "value", "unit_class"),
    [
        ("Helgar Bank's net income was EUR 890m, the lender said.", 890e6, "money EUR"),
        ("Defence spending totals 31bn kronor this year.", 31e9, "money SEK"),
        ("Wheat exports totalled just 2.1m tonnes.", 2.1e6, "mass"),
        ("About 3m people were left without power.", 3e6, "people"),
    ],
)
def test_a_multiplier_joined_to_its_number_before_a_unit_or_after_a_code(
    sentence: str, value: float, unit_class: str
) -> None:
    measure = only(sentence)
    assert (measure.base_value, measure.unit_class) == (value, unit_class)


def test_a_joined_m_before_anything_else_is_no_million() -> None:
    assert all(
        f.quantity.value < 1e6 for f in figures("He won the 100m sprint in 9.9 seconds.", "x")
    )


def test_a_profit_before_tax_is_another_measure_than_the_net_profit() -> None:
    assert not conflict(
        "Aldwin Group's pre-tax profit rose to 1.9 billion pounds in 2023.",
        "After tax, Aldwin Group made a net profit of GBP 1.3bn in 2023.",
    )
    assert conflict(
        "Helgar Bank posted a net profit of 2.1 billion euros in 2023.",
        "Helgar Bank's net profit was EUR 890m in 2023, the lender said.",
    )


def test_a_direction_in_a_name_places_no_distance() -> None:
    """qa7 Q10 g: 'The North Korean force ... the 600-mile line' is no distance away."""
    line = only(
        "The North Korean force is heading for one of the most symbolically resonant parts "
        "of the 600-mile line separating Ukrainian and Russian troops."
    )
    assert line.state != "away"
    assert only("The village is 40 km north of the city.").state == "away"


def test_damage_that_would_exceed_a_sum_is_an_estimate_not_a_plan() -> None:
    """qa7 Q10 l: 'would exceed $1.2 billion' against 'between $800 million and $1 billion'."""
    assert conflict(
        "Officials estimated the damage at between $800 million and $1 billion.",
        "Insurers said the damage would exceed $1.2 billion.",
    )


# -- recall: general readings the misses of blind sets 6-8 called for -----------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (  # a verb sets the share on the phrase right before it, not the clause's first noun
            "The latest Ipsar poll puts the Labour Front at 34 percent.",
            "The Labour Front is at 22% in the latest Ipsar survey.",
        ),
        (
            "The finance minister forecast this year's budget deficit at 5 percent of GDP.",
            "The government expects a budget deficit of 3.4 percent of GDP this year.",
        ),
        (  # "among" names the group a share is of
            "Only 41 percent of children in Sabra had received both measles doses in 2024.",
            "Measles vaccination coverage among children in Sabra stood at 78% in 2024.",
        ),
        (  # a capital that only opens the sentence is no candidate's name
            "Incumbent Tomas Varga won 52.4 percent of the vote in Sunday's runoff.",
            "Final results from Sunday's runoff show Varga finished with 47.9% of ballots cast.",
        ),
    ],
)
def test_two_wordings_of_one_share_are_compared(one: str, other: str) -> None:
    assert conflict(one, other)


def test_two_parties_in_one_poll_are_two_shares() -> None:
    assert not conflict(
        "The latest Ipsar poll puts the Labour Front at 34 percent.",
        "The latest Ipsar poll puts the conservatives at 30 percent.",
    )


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Helgar Bank's 2023 net income was EUR 890m.", "2023"),
        ("A study linked Castria's July heatwave to roughly 700 excess deaths.", "july"),
        ("The minister forecast this year's budget deficit at 5 percent.", "this year"),
    ],
)
def test_a_time_as_an_attribute_after_a_possessive_dates_the_figure(
    sentence: str, when: str
) -> None:
    assert only(sentence).when == when


def test_last_years_breach_still_dates_the_breach_not_the_figure() -> None:
    assert only("Last year's breach exposed the data of 3 million customers.").when is None


def test_a_plants_power_is_compared_in_megawatts() -> None:
    assert only("The plant at Drava has a capacity of 1,400 megawatts.").unit_class == "power"
    assert only("The 600-megawatt Sorrel Bay wind farm is due to open.").base_value == 600
    assert only("The wind farm will have a capacity of 1.4 gigawatts.").base_value == 1400
    assert conflict(
        "The new coal-fired plant at Drava has a capacity of 1,400 megawatts.",
        "The Drava coal plant, with an installed capacity of 600 MW, was inaugurated.",
    )


def test_a_yearly_rise_of_consumer_prices_is_annual_inflation() -> None:
    assert conflict(
        "Annual inflation in Dornia eased to 3.2 percent in September.",
        "Consumer prices in Dornia rose 6.8% year-on-year in September.",
    )
    assert not conflict(  # a rise over a month is no annual rate
        "Annual inflation in Dornia eased to 3.2 percent in September.",
        "Consumer prices in Dornia rose 0.4% in September.",
    )


def test_a_place_set_apart_between_commas_places_the_figure() -> None:
    blaze = only("The largest single blaze this summer, near Ostra, has consumed 58,000 hectares.")
    assert blaze.place == "Ostra"
    base = only("Camp Ridley, the largest US base in Hedland, houses some 12,000 soldiers.")
    assert base.place == "Camp Ridley"
    assert not conflict(
        "Wildfires have burned 240,000 hectares across the country this summer.",
        "The largest single blaze this summer, near Ostra, has consumed 58,000 hectares.",
    )


def test_a_size_a_force_aims_to_reach_is_a_plan() -> None:
    assert not conflict(
        "The alliance aims to have 5,000 soldiers in its new Baltic brigade by 2027.",
        "The Baltic brigade currently numbers about 1,800 troops.",
    )


def test_one_name_and_one_time_tie_a_total_stated_to_an_event() -> None:
    assert conflict(
        "Pelora's crude oil output fell to 1.2 million barrels a day in October.",
        "Pelora pumped 850,000 barrels per day of crude in October.",
    )
    assert not conflict(  # another month
        "Pelora's crude oil output fell to 1.2 million barrels a day in October.",
        "Pelora pumped 850,000 barrels per day of crude in September.",
    )


@pytest.mark.parametrize(
    ("sentence", "unit_class"),
    [
        ("Confirmed cholera cases in Dunmore stood at more than 1,100 as of Sunday.", "cases"),
        ("The number of migrants who made the crossing in 2023 was about 140,000.", "migrants"),
    ],
)
def test_a_bare_total_counts_its_clauses_subject_past_a_qualifier_or_after_the_number_of(
    sentence: str, unit_class: str
) -> None:
    assert only(sentence).unit_class == unit_class


def test_a_day_the_sentence_opens_with_is_its_figures_day() -> None:
    assert only("As of Sunday, 2,140 people had been evacuated from towns near Sorra.").day == (
        "sunday"
    )
    assert not conflict(
        "As of Sunday, 2,140 people had been evacuated from towns near Mount Sorra.",
        "By Wednesday the number of people evacuated around Mount Sorra had climbed to 5,000.",
    )


def test_the_time_of_a_value_compared_is_no_time_of_the_figure() -> None:
    assert (
        only(
            "The United States has nearly 9,000 troops based in Veskaria, roughly double its "
            "presence of two years ago."
        ).when
        is None
    )
    assert only("About 9,000 troops were based in Veskaria two years ago.").when == "two years ago"


def test_the_place_a_gathering_met_in_is_no_place_of_its_sums() -> None:
    assert conflict(
        "The United States pledged $500 million in humanitarian aid for Tirea at Tuesday's "
        "donor conference in Geneva.",
        "At the donor conference on Tuesday, Washington promised $1.5bn in humanitarian "
        "assistance for Tirea, the State Department said.",
    )


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("Sunday's prisoner swap saw 24 detainees released, the Red Crescent said.", "rescued"),
        ("Nine people were taken into custody after the match.", "detained"),
        ("More than 2,000 dock workers walked out at the port on Monday.", "joined"),
        ("Coast guard figures show 18,400 migrants reached the island in 2023.", "arrived"),
    ],
)
def test_an_event_told_by_a_verb_of_seeing_or_an_idiom(sentence: str, state: str) -> None:
    assert only(sentence).state == state


def test_detainees_are_prisoners() -> None:
    assert conflict(
        "Forty-two prisoners were freed in Sunday's exchange, the government said.",
        "Sunday's prisoner swap saw 24 detainees released, the Red Crescent said.",
    )


def test_an_events_time_on_two_days_is_one_events_two_times() -> None:
    assert conflict(
        "The explosion at the chemical plant happened at 3:15 a.m. on Sunday, the company said.",
        "The blast at the chemical plant occurred shortly after 11 p.m. on Saturday.",
    )


def test_saturday_and_sunday_are_the_weekend() -> None:
    landed = only("Some 300 migrants landed on Serra on Saturday and Sunday, the mayor said.")
    assert (landed.when, landed.day) == ("weekend", None)
    assert conflict(
        "About 1,200 migrants reached the island of Serra over the weekend, the coast guard said.",
        "Some 300 migrants landed on Serra on Saturday and Sunday, the island's mayor said.",
    )


def test_a_kidnapping_names_the_captivity_a_duration_is_of() -> None:
    assert conflict(
        "The five aid workers kidnapped in Orlan were held for 47 days before being released "
        "on Sunday, their families said.",
        "After nearly three weeks in captivity, the five aid workers abducted in Orlan were "
        "freed on Sunday, the foreign ministry said.",
    )


def test_a_jail_term_in_words_is_a_sentence() -> None:
    term = only("The former Brackley mayor was handed a five-year jail term on Thursday.")
    assert (term.unit_class, term.state, term.part) == ("duration", "sentence", "brackley")
