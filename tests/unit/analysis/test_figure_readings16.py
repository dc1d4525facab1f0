"""The sixteenth pass (fig16): readings a news reader uses that the rule did not.

Each case is a sentence pair of our own, not one of a labelled set's: a positive case
fails on main before the reading, a negative one guards what stays apart.
"""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures
from workbench.core.analysis.figures import measures

# A total after a change: "Burglaries in Tarrow rose 12% in 2024 to 3,400" gives the
# burglaries' new level, what the clause's subject counts, however the change's size
# and its period stand between the verb and "to" (it read no class: compared with
# nothing).


@pytest.mark.parametrize(
    ("sentence", "unit_class"),
    [
        ("Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.", "burglaries"),
        ("Dengue cases in Salvo doubled last year to about 5,200.", "cases"),
        ("Asylum applications fell by a third in 2023 to 41,000.", "applications"),
        ("Homicides tripled to 300 in the port city.", "murders"),
    ],
)
def test_a_total_after_a_change_counts_the_subject(sentence: str, unit_class: str) -> None:
    total = figures(sentence, "x")[-1].measure
    assert (total.unit_class, total.state) == (unit_class, "recorded")


@pytest.mark.parametrize(
    ("changed", "stated"),
    [
        (
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 5,100 burglaries in 2024, the council said.",
        ),
        (
            "Arrests in Norvale fell by a third in 2023 to 4,100, the ministry said.",
            "Police in Norvale made 6,000 arrests in 2023.",
        ),
        (
            "Murders in Castel doubled last year to 210, the interior ministry said.",
            "Castel recorded 150 homicides last year, according to the police.",
        ),
    ],
)
def test_a_total_after_a_change_conflicts_with_another_total(changed: str, stated: str) -> None:
    assert conflict(changed, stated)


@pytest.mark.parametrize(
    ("changed", "stated"),
    [
        (  # the same total
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 3,400 burglaries in 2024, the council said.",
        ),
        (  # two years
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 5,100 burglaries in 2019, the council said.",
        ),
        (  # two places
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Velden recorded 5,100 burglaries in 2024, the council said.",
        ),
    ],
)
def test_a_total_after_a_change_stays_apart_from_other_counts(changed: str, stated: str) -> None:
    assert not conflict(changed, stated)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose 12% in 2024 to the highest level in 3,400 days.",  # no total after "to"
        "Burglaries rose 12% in 2024, to the dismay of 3,400 residents.",  # "to" no total's
    ],
)
def test_a_change_without_its_total_gives_the_subject_no_count(sentence: str) -> None:
    assert "burglaries" not in [figure.measure.unit_class for figure in figures(sentence, "x")]


# Lives are the dead: "the quake claimed 35 lives", "cost 900 lives", "62 lives were
# lost" count the dead, as "killed 35 people" does ("lives" was a class of its own,
# compared with nothing); a sentence that saves lives counts no dead.


@pytest.mark.parametrize(
    "sentence",
    [
        "The landslide in Belcor claimed 35 lives, the governor said.",
        "The cholera outbreak has cost at least 900 lives since March.",
        "62 lives were lost when the ferry sank off Ostrel.",
    ],
)
def test_lives_claimed_or_lost_are_the_dead(sentence: str) -> None:
    (toll,) = figures(sentence, "x")
    assert (toll.measure.unit_class, toll.measure.state, toll.measure.part) == (
        "killed",
        "killed",
        None,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The new flood barrier saved 300 lives in Belcor.",
        "The charity says its clinics changed 300 lives in Belcor last year.",
        "Lifeguards rescued swimmers and saved 12 lives after the storm claimed two boats.",
    ],
)
def test_lives_not_taken_are_no_dead(sentence: str) -> None:
    assert all(figure.measure.unit_class != "killed" for figure in figures(sentence, "x"))


@pytest.mark.parametrize(
    ("lives", "disputed"),
    [
        ("Saturday's landslide in Belcor claimed 35 lives, the governor said.", True),
        ("Saturday's landslide in Belcor claimed 60 lives, the governor said.", False),
        ("The new flood barrier saved 300 lives in Belcor on Saturday.", False),
    ],
)
def test_lives_are_compared_with_a_toll(lives: str, disputed: bool) -> None:
    toll = "At least 60 people were killed in Saturday's landslide in Belcor."
    assert conflict(lives, toll) is disputed


# Departures are flights, and two nouns share the verb after them: "640 departures and
# arrivals were scrapped" counts flights cancelled, as "1,000 flights were cancelled"
# does (it read a class of its own, "departures", and no event).


def test_departures_and_arrivals_scrapped_are_flights_cancelled() -> None:
    (scrapped,) = figures("About 700 departures and arrivals were scrapped at Orly on Monday.", "x")
    assert (scrapped.measure.unit_class, scrapped.measure.state) == ("flights", "cancelled")


@pytest.mark.parametrize(
    ("departures", "disputed"),
    [
        ("Velden airport said 640 departures and arrivals were scrapped on Monday.", True),
        ("Velden airport said 1,100 departures and arrivals were scrapped on Monday.", False),
        ("Velden airport said 640 departures and arrivals were scrapped on Tuesday.", False),
    ],
)
def test_departures_are_compared_with_flights(departures: str, disputed: bool) -> None:
    flights = (
        "More than 1,000 flights were cancelled at Velden airport on Monday during the strike."
    )
    assert conflict(departures, flights) is disputed


def test_a_second_noun_that_is_a_verb_is_no_pair() -> None:
    (homes,) = figures("The storm destroyed 200 homes and damaged schools in Belcor.", "x")
    assert homes.measure.state == "destroyed"


# Staff are workers, and a job cut is said many ways: "laying off 600 staff" (staff
# counted with no -s: read as no class), "4,000 employees will be let go", "450 posts
# will be cut" (a verb after its subject said in the future is planned, as "will cut"
# before it is), "is laying off" (a cut under way is the one announced).


@pytest.mark.parametrize(
    "sentence",
    [
        "Nordvale is laying off roughly 600 staff across its offices.",
        "About 4,000 Nordvale employees will be let go under the restructuring.",
        "The company said 450 posts will be cut at its Nordvale plant.",
        "Up to 500 workers are expected to be laid off at the Nordvale plant.",
    ],
)
def test_job_cuts_said_otherwise_are_planned_cuts(sentence: str) -> None:
    (cut,) = figures(sentence, "x")
    assert (cut.measure.unit_class, cut.measure.state) == ("jobs", "planned cut")


@pytest.mark.parametrize(
    ("said", "disputed"),
    [
        ("Nordvale is laying off roughly 600 staff, the company said on Tuesday.", True),
        ("About 4,000 Nordvale employees will be let go, people familiar said on Tuesday.", True),
        ("Nordvale is laying off roughly 1,800 staff, the company said on Tuesday.", False),
        ("Nordvale laid off 600 staff last year, the company said on Tuesday.", False),
    ],
)
def test_job_cuts_said_otherwise_meet_a_planned_cut(said: str, disputed: bool) -> None:
    planned = "Nordvale will cut 1,800 jobs worldwide, the company said on Tuesday."
    assert conflict(said, planned) is disputed


def test_a_figure_that_is_no_cut_is_not_planned_by_what_follows() -> None:
    (held,) = figures("Rebels said 40 hostages were still being held in Belcor.", "x")
    assert not str(held.measure.state).startswith("planned")


# A currency code before a number is its currency, whichever the code ("SEK 5.6bn",
# "CHF 40m"), as "EUR 890m" and "USD 40m" were: only those four codes were read.


@pytest.mark.parametrize(
    ("sentence", "unit_class", "value"),
    [
        ("Sales came in at SEK 5.6bn, the filing said.", "money SEK", 5.6e9),
        ("The club paid CHF 40m for the striker.", "money CHF", 4e7),
        ("The bank raised NOK 3 billion in new capital.", "money NOK", 3e9),
        ("The firm paid USD 40m in fines.", "money USD", 4e7),
    ],
)
def test_a_currency_code_before_a_number_is_its_currency(
    sentence: str, unit_class: str, value: float
) -> None:
    (money,) = figures(sentence, "x")
    assert (money.measure.unit_class, money.quantity.value) == (unit_class, value)
    assert money.quantity.text == sentence[money.quantity.start : money.quantity.end]
    assert money.quantity.text.startswith(unit_class[-3:])


def test_a_code_before_a_number_conflicts_with_the_currency_in_words() -> None:
    assert conflict(
        "Nordvik's third-quarter sales came in at SEK 5.6bn.",
        "Nordvik reported third-quarter revenue of 4.2 billion Swedish kronor.",
    )
    assert not conflict(
        "Nordvik's third-quarter sales came in at SEK 4.2bn.",
        "Nordvik reported third-quarter revenue of 4.2 billion Swedish kronor.",
    )


# A finishing place said otherwise: "crossed the line fifth", "her fifth-place finish",
# "ranked 12th" (only "finished", "came", "placed", "ended" and "fifth place" were read),
# and a possessive name is the name ("Okafor's fifth-place finish" is Okafor's).


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Amara Okafor crossed the line fifth in the 5,000 metres final.", 5.0),
        ("Okafor's fifth-place finish in the final was her best.", 5.0),
        ("Velmora ranks 12th in this year's Press Freedom Index.", 12.0),
        ("Okafor came home third in Friday's final.", 3.0),
    ],
)
def test_a_finishing_place_said_otherwise_is_a_rank(sentence: str, value: float) -> None:
    ranks = [f for f in figures(sentence, "x") if f.measure.unit_class == "rank"]
    assert [f.quantity.value for f in ranks] == [value]


@pytest.mark.parametrize(
    ("said", "disputed"),
    [
        ("Okafor crossed the line fifth in Friday's 5,000 metres final in Velden.", True),
        ("Okafor's fifth-place finish in Friday's 5,000 metres final was her best.", True),
        ("Okafor crossed the line third in Friday's 5,000 metres final in Velden.", False),
        ("Mensah crossed the line fifth in Friday's 5,000 metres final in Velden.", False),
    ],
)
def test_a_finishing_place_said_otherwise_is_compared(said: str, disputed: bool) -> None:
    finished = "Amara Okafor finished third in Friday's 5,000 metres final in Velden."
    assert conflict(said, finished) is disputed


# A change by a multiple is the percentage it is: "prices tripled" rose 200%, "doubled"
# 100%, "halved" fell 50% (no figure was read: "doubled" gave nothing to compare).


@pytest.mark.parametrize(
    ("sentence", "value", "state"),
    [
        ("Cocoa prices tripled in 2024, the ICCO said.", 200.0, "up"),
        ("Rents in Velden have more than doubled since 2015.", 100.0, "up"),
        ("Coffee exports halved in 2024, the ministry said.", 50.0, "down"),
    ],
)
def test_a_change_by_a_multiple_is_a_percentage(sentence: str, value: float, state: str) -> None:
    (change,) = figures(sentence, "x")
    measure = change.measure
    assert (measure.unit_class, change.quantity.value, measure.state) == ("percent", value, state)


@pytest.mark.parametrize(
    ("said", "disputed"),
    [
        ("Cocoa futures rose about 40% over 2024, a London trader said.", True),
        ("Cocoa prices rose about 200% in 2024, a London trader said.", False),
        ("Cocoa prices rose about 40% in 2023, a London trader said.", False),
        ("Coffee prices rose about 40% in 2024, a London trader said.", False),
    ],
)
def test_a_change_by_a_multiple_is_compared_with_a_percentage(said: str, disputed: bool) -> None:
    assert conflict("Cocoa prices tripled in 2024, the ICCO said.", said) is disputed


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister doubled down on the plan to cut 300 posts.",
        "The sports hall doubled as a shelter for 300 people.",
    ],
)
def test_an_idiom_of_doubling_is_no_change(sentence: str) -> None:
    assert all(figure.measure.unit_class != "percent" for figure in figures(sentence, "x"))


def test_a_multiple_with_its_total_gives_both() -> None:
    found = figures("Measles cases in Velmora doubled in 2025 to some 9,000.", "x")
    assert [(f.measure.unit_class, f.quantity.value) for f in found] == [
        ("percent", 100.0),
        ("cases", 9000.0),
    ]


# Kinds of money said otherwise: a participle before a kind is its adjective ("$10bn
# in insured losses": losses; "insured" ended the noun phrase as a verb would), a cut
# named after its sum or before it ("a £42m cut", "reductions of £18 million"), a cost
# by its verb's -ing form ("ended up costing €4.2 billion").


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("The storm caused about $9bn in insured losses, the modeller estimated.", "loss"),
        ("The council approved a £42m cut to adult social care.", "cut"),
        ("The vote backed reductions of £18 million to social care spending.", "cut"),
        ("The new metro line ended up costing €4.2 billion, auditors found.", "cost"),
        ("The firm booked $3bn in estimated costs for the recall.", "cost"),
    ],
)
def test_a_kind_of_money_said_otherwise(sentence: str, state: str) -> None:
    (money,) = figures(sentence, "x")
    assert money.measure.state == state


@pytest.mark.parametrize(
    ("said", "disputed"),
    [
        ("Insured losses from Hurricane Erin reached $14 billion, the reinsurer said.", True),
        ("Insured losses from Hurricane Erin reached $9 billion, the reinsurer said.", False),
        ("Total damage from Hurricane Erin reached $14 billion, the reinsurer said.", False),
    ],
)
def test_insured_losses_are_compared_as_losses(said: str, disputed: bool) -> None:
    losses = "Hurricane Erin caused between $8bn and $10bn in insured losses, a modeller said."
    assert conflict(losses, said) is disputed


def test_a_share_of_a_budget_is_no_budget() -> None:
    assert not conflict(
        "The regional transport budget for next year totals £2.4bn, the authority said.",
        "£600m of next year's transport budget is earmarked for road repairs, it said.",
    )


# The person a role is: "the 19-year-old suspect, Daniel Hart," and "the suspect, named
# locally as Oren Dask, 43," give the age of the name set beside the role, as "Daniel
# Hart, 34" gives Hart's (the role was read, so two sentences on one person read two).


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The 19-year-old suspect, Daniel Hart, appeared before magistrates.", "hart"),
        ("The suspect, named locally as Oren Dask, 43, was detained in Callan.", "dask"),
        ("The suspect, a 34-year-old local man, was charged on Friday.", "suspect"),
    ],
)
def test_a_role_with_a_name_beside_it_is_that_person(sentence: str, person: str) -> None:
    (age,) = figures(sentence, "x")
    assert age.measure.part == person


def test_a_role_is_matched_as_written_not_as_a_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """rv16 R8: the role was put in the name's pattern unescaped: a role word with a
    pattern's character ("." in "co.pilot") took the name beside another word."""
    monkeypatch.setattr(measures, "AGE_ROLES", measures.AGE_ROLES | {"co.pilot"})
    sentence = (
        "The 41-year-old co.pilot was hurt when the jet crashed beside the coXpilot, Tom "
        "Reyes, in Leeds."
    )
    (age,) = figures(sentence, "x")
    assert age.measure.part == "co.pilot"


@pytest.mark.parametrize(
    ("named", "disputed"),
    [
        ("The 19-year-old suspect, Daniel Hart, appeared before Leeds magistrates.", True),
        ("The 34-year-old suspect, Daniel Hart, appeared before Leeds magistrates.", False),
        ("The 19-year-old suspect, Tom Reyes, appeared before Leeds magistrates.", False),
    ],
)
def test_a_role_named_is_compared_with_the_name(named: str, disputed: bool) -> None:
    charged = "Daniel Hart, 34, was charged with murder over the stabbing in Leeds."
    assert conflict(named, charged) is disputed


# "Passengers and crew" are everyone aboard: "carrying 89 passengers and crew" counts
# the people on board, as "all 62 people on board" does (it read the passengers carried,
# a class of its own unless a vehicle's noun was in the sentence).


def test_passengers_and_crew_are_everyone_aboard() -> None:
    (aboard,) = figures("The ATR was carrying 89 passengers and crew, the authority said.", "x")
    assert (aboard.measure.unit_class, aboard.measure.state, aboard.measure.part) == (
        "people",
        "aboard",
        None,
    )


@pytest.mark.parametrize(
    ("carrying", "disputed"),
    [
        ("The ATR that crash-landed in Kathmandu was carrying 89 passengers and crew.", True),
        ("The ATR that crash-landed in Kathmandu was carrying 62 passengers and crew.", False),
    ],
)
def test_passengers_and_crew_are_compared_with_all_aboard(carrying: str, disputed: bool) -> None:
    aboard = "All 62 people on board the ATR survived the crash landing in Kathmandu."
    assert conflict(carrying, aboard) is disputed


# A share of a whole read as a count keeps the verb before the share: "secured more than
# half of the 450 seats" won at least 226 seats (the count's clause began after its own
# share, "more than half", and read no verb).


def test_a_count_from_a_share_keeps_the_verb_before_it() -> None:
    seats = figures("The ruling party secured more than half of the 450 seats on Sunday.", "x")
    count = next(f for f in seats if f.measure.unit_class == "seats")
    assert (count.quantity.value, count.measure.state) == (225.0, "received")


@pytest.mark.parametrize(
    ("won", "disputed"),
    [
        ("The ruling party won 212 of the 450 seats in Sunday's parliamentary election.", True),
        ("The ruling party won 240 of the 450 seats in Sunday's parliamentary election.", False),
    ],
)
def test_a_count_from_a_share_is_compared(won: str, disputed: bool) -> None:
    share = "The ruling party secured more than half of the 450 seats in Sunday's vote."
    assert conflict(won, share) is disputed


# "Handed over" is delivered, as "handed" is ("over" was no particle of a verb).


def test_vehicles_handed_over_are_delivered() -> None:
    (handed,) = figures("Kestrel Motors handed over just under 300,000 vehicles in June.", "x")
    assert handed.measure.state == "delivered"


# What investigators found is a clause of its own: "Investigators found the train was
# doing 150 kilometres per hour" is the train's speed (it read the investigators').


def test_a_speed_that_was_found_is_the_found_things() -> None:
    (speed,) = figures("Investigators found the train was doing 150 km/h near Larissa.", "x")
    assert speed.measure.part == "train"
    assert conflict(
        "Investigators found the train was doing 150 km/h when it derailed near Larissa.",
        "The train was travelling at about 80 km/h when it derailed near Larissa.",
    )


# "Of those killed in Saturday's strike, 35 were children": some of the dead, as "35 of
# those killed" is (no class was read); more of them than all the dead is a conflict.


@pytest.mark.parametrize(
    ("toll", "disputed"),
    [
        ("Saturday's strike on the Al-Nasr market killed 22 people, the ministry said.", True),
        ("Saturday's strike on the Al-Nasr market killed 52 people, the ministry said.", False),
    ],
)
def test_some_of_those_killed_are_a_part_of_the_toll(toll: str, disputed: bool) -> None:
    some = "Of those killed in Saturday's strike on the Al-Nasr market, 35 were children."
    (part,) = figures(some, "x")
    assert (part.measure.unit_class, part.measure.part) == ("killed", "of them")
    assert conflict(some, toll) is disputed


# An outage is an event, and a duration counted from an event's start is its length:
# "Monday's outage lasted about 15 hours" and "services were restored less than three
# hours after Monday's outage began" (neither was read: an outage named no event, and
# "after Monday" made another day of the second).


@pytest.mark.parametrize(
    ("restored", "disputed"),
    [
        ("Services were restored less than three hours after Monday's outage began.", True),
        ("Services were restored about 15 hours after Monday's outage began.", False),
        ("Services were restored less than three hours after Tuesday's outage began.", False),
    ],
)
def test_an_outage_restored_after_its_start_lasted_that_long(restored: str, disputed: bool) -> None:
    lasted = "Monday's outage at the cloud provider lasted about 15 hours, customers said."
    assert conflict(lasted, restored) is disputed


def test_a_duration_from_an_events_start_is_of_that_day() -> None:
    (duration,) = figures("Power was restored 90 minutes after Tuesday's blackout began.", "x")
    assert (duration.measure.unit_class, duration.measure.day) == ("duration", "tuesday")


# Where a figure's things are, between them and their verb: "900 workers at the Zwickau
# plant will lose their jobs", "8,000 houses in Al Haouz were damaged" (the phrase hid the
# verb: no event was read, or the wrong one).


@pytest.mark.parametrize(
    ("sentence", "unit_class", "state"),
    [
        ("Some 900 workers at the Zwickau plant will lose their jobs.", "jobs", "planned cut"),
        ("More than 8,000 houses in Al Haouz were damaged by the quake.", "homes", "damaged"),
        ("About 2,000 residents in the valley were evacuated on Sunday.", "people", "displaced"),
    ],
)
def test_a_verb_past_where_its_subject_is(sentence: str, unit_class: str, state: str) -> None:
    (figure,) = figures(sentence, "x")
    assert (figure.measure.unit_class, figure.measure.state) == (unit_class, state)


@pytest.mark.parametrize(
    ("losing", "disputed"),
    [
        ("A third of the 900 workers at the Zwickau plant will lose their jobs.", True),
        ("Half of the 900 workers at the Zwickau plant will lose their jobs.", False),
    ],
)
def test_workers_losing_jobs_at_a_plant_are_its_cuts(losing: str, disputed: bool) -> None:
    assert conflict(losing, "The carmaker said 450 jobs would be cut at its Zwickau plant.") is (
        disputed
    )


def test_destroyed_homes_and_damaged_houses_are_two_counts() -> None:
    assert not conflict(
        "The earthquake destroyed 1,200 homes in Al Haouz province, the ministry said.",
        "More than 8,000 houses in Al Haouz were damaged by the quake, aid groups said.",
    )


def test_a_share_in_words_opening_a_sentence_is_read() -> None:
    found = figures("Half of the 800 staff at the Glenmore mill will lose their jobs.", "x")
    assert [f.quantity.value for f in found if f.measure.unit_class == "jobs"] == [400.0]
