"""Issue 15's thirteenth conflict pass (session 13): one thing said in other words.

Verbs that name an event another verb already names ("came through" a crossing is
crossing it, "broke out of" a jail is escaping it, "able to take" is what a vessel can
carry); "a spending plan" for a year is its budget; a storm named with its possessive
("Storm Edda's") is the storm; a wind speed said with "gusts" is the gust's, whatever
the clause's subject; nouns that name an event ("wheat exports", "this year's rice
harvest") give it as its verb does; people who "left" a named place fled it; what a
fraud "cost" those it deceived, or their "losses", is what it took; "children", "women"
and "men" are plurals counted as any other; a headline's "jails ... for nine years" is
a term; a rule that "came into force" on a day took effect then. Each positive case
fails before the pass (main 2c941b1), and so do three negative ones that were false
alarms before (prisoners who broke out against those recaptured, a gust against the
sustained wind, a fraud's cost against a trial's)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # "came through" a crossing is crossing it
            "About 2,000 people crossed the border at Dunmore on Monday, the UN said.",
            "Border guards said some 6,500 people came through the Dunmore crossing on Monday.",
        ),
        (  # "broke out of" a jail is escaping it
            "Nearly 300 prisoners escaped from the Hesk detention centre overnight, police said.",
            "Some 420 detainees broke out of the Hesk detention centre during the night.",
        ),
        (  # "able to" carry is what it can carry
            "The new Orla ferry can carry 600 passengers, its builder said.",
            "Able to take 900 passengers, the new Orla ferry will double the route's capacity.",
        ),
        (  # a year's spending plan is its budget
            "Tarrow council approved a 2026 budget of £900 million on Monday.",
            "Tarrow councillors passed a £1.4bn spending plan for 2026 on Monday.",
        ),
    ],
)
def test_one_event_in_other_words_is_compared(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # people who came through against people turned back: two events
            "Some 6,500 people came through the Dunmore crossing on Monday.",
            "Border guards turned back 2,000 people at Dunmore on Monday.",
        ),
        (  # prisoners who broke out against those recaptured (a false alarm before)
            "Some 140 prisoners broke out of Tulsen prison on Sunday, the warden said.",
            "Police recaptured 60 prisoners from Tulsen prison on Sunday.",
        ),
        (  # what a ferry is able to carry against what it carried
            "Able to take 900 passengers, the Orla ferry will double the route's capacity.",
            "The Orla ferry carried 300 passengers on its first crossing.",
        ),
        (  # a spending plan of another year
            "Tarrow council approved a 2026 budget of £900 million on Monday.",
            "Tarrow councillors passed a £1.4bn spending plan for 2027 on Monday.",
        ),
    ],
)
def test_two_events_are_still_two(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # "Storm Kalla's landfall" is Storm Kalla's
            "Up to 3,000 people were evacuated ahead of Storm Kalla's landfall in Port Rell.",
            "Officials moved 9,000 people out of Port Rell before Storm Kalla made landfall.",
        ),
        (  # gusts however the clause names them
            "Storm Orin brought gusts of 130 km/h to Dunhaven on Sunday, the met office said.",
            "The highest gust measured in Dunhaven during Storm Orin on Sunday was 175 km/h.",
        ),
        (  # a noun of an event, as its verb
            "Valdia exported 3.2 million tonnes of barley in 2024, the ministry said.",
            "Barley exports from Valdia in 2024 totalled 1.4 million tonnes, traders said.",
        ),
        (  # a harvest that came in at a total
            "Growers harvested 12 million tonnes of rice this year, the farm ministry said.",
            "This year's rice harvest came in at 8 million tonnes, the growers' union said.",
        ),
        (  # people who left a named place fled it
            "About 4,000 people have fled the town of Brenn since the shelling began.",
            "Some 9,000 people have left Brenn since the shelling began, the mayor said.",
        ),
    ],
)
def test_one_thing_named_in_other_words_is_compared(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # exports and imports are two events
            "Valdia exported 3.2 million tonnes of barley in 2024, the ministry said.",
            "Barley imports into Valdia in 2024 totalled 1.4 million tonnes, traders said.",
        ),
        (  # a harvest of another crop
            "Growers harvested 12 million tonnes of rice this year, the farm ministry said.",
            "This year's wheat harvest came in at 8 million tonnes, the growers' union said.",
        ),
        (  # a gust against the sustained wind (a false alarm before)
            "Storm Orin brought gusts of 190 km/h to Dunhaven on Sunday, the met office said.",
            "Storm Orin hit Dunhaven with sustained winds of 120 km/h on Sunday.",
        ),
        (  # people who left against people who returned
            "Some 9,000 people have left Brenn since the shelling began, the mayor said.",
            "About 2,000 people have returned to Brenn since the shelling began, the UN said.",
        ),
    ],
)
def test_two_things_named_apart_stay_apart(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a fraud's cost to its victims and their losses
            "The Ostra investment fraud cost savers €30 million, prosecutors said.",
            "Prosecutors said the Ostra investment fraud caused losses of €3 million to savers.",
        ),
        (  # defrauded of, and what the scheme cost them
            "The pyramid scheme run by Belmar Trust defrauded pensioners of $60 million.",
            "Investigators say Belmar Trust's scheme cost pensioners $6 million.",
        ),
    ],
)
def test_what_a_fraud_cost_its_victims_is_what_it_took(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # money recovered is not money taken
            "The Ostra investment fraud cost savers €30 million, prosecutors said.",
            "Police have recovered €3 million from the Ostra investment fraud, prosecutors said.",
        ),
        (  # the trial's cost is no fraud's (a false alarm before)
            "The Ostra investment fraud cost savers €30 million, prosecutors said.",
            "The Ostra trial has cost taxpayers €3 million so far, the ministry said.",
        ),
    ],
)
def test_a_cost_of_something_else_is_no_fraud(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a plural without -s counts the dead as "people" does
            "The blaze at the Rell boarding school killed 14 children, officials said on Friday.",
            "Officials said on Friday that six children died in the fire at the Rell school.",
        ),
        (  # a headline's present tense gives the term
            "Court jails ex-minister Varo for nine years over fraud",
            "Former minister Anton Varo was sentenced to four years in prison for fraud.",
        ),
    ],
)
def test_figures_read_as_written(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the dead against the rescued
            "The blaze at the Rell boarding school killed 14 children, officials said on Friday.",
            "Officials said on Friday that 40 children were rescued from the Rell boarding school.",
        ),
        (  # a term against years of what was done
            "Court jails ex-minister Varo for nine years over fraud",
            "Former minister Anton Varo was fined for four years of tax fraud.",
        ),
    ],
)
def test_figures_read_as_written_stay_apart(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


def test_coming_into_force_is_taking_effect() -> None:
    a = "The new tariff rules came into force on 4 May, the trade ministry said."
    assert conflict(a, "The new tariff rules took effect on 14 May, the customs agency said.")
    assert not conflict(a, "The new tariff rules expire on 14 May, the customs agency said.")
