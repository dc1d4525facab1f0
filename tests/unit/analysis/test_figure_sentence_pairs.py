"""The conflict rule on sentence pairs: issue 15's part-2, 3 and 4 pairs and the blind sets.

A pair is flagged when any figure of one sentence conflicts with any figure of the
other, as the summary flags claims. Each pair is a test; the pairs the rule gets wrong
are marked (strict xfail, so a pair that starts passing is noticed) and counted, and
precision and recall are asserted as docs/summary-measurements.md reports them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.fixtures.blind_figure_pairs import (
    ALL,
    DEVELOPMENT,
    DEVELOPMENT_LINES,
    FINAL_TEST,
    FINAL_TEST_LINES,
    split,
)
from tests.fixtures.blind_figure_pairs2 import FINAL_TEST as BLIND_TWO
from tests.fixtures.blind_figure_pairs2 import PATH as BLIND_TWO_PATH
from tests.fixtures.blind_figure_pairs2 import SHA256 as BLIND_TWO_SHA256
from tests.fixtures.blind_figure_pairs3 import FINAL_TEST as BLIND_THREE
from tests.fixtures.blind_figure_pairs3 import PATH as BLIND_THREE_PATH
from tests.fixtures.blind_figure_pairs3 import SHA256 as BLIND_THREE_SHA256
from tests.fixtures.blind_figure_pairs4 import FINAL_TEST as BLIND_FOUR
from tests.fixtures.blind_figure_pairs4 import PATH as BLIND_FOUR_PATH
from tests.fixtures.blind_figure_pairs4 import SHA256 as BLIND_FOUR_SHA256
from tests.fixtures.blind_figure_pairs5 import FINAL_TEST as BLIND_FIVE
from tests.fixtures.blind_figure_pairs5 import PATH as BLIND_FIVE_PATH
from tests.fixtures.blind_figure_pairs5 import SHA256 as BLIND_FIVE_SHA256
from tests.fixtures.blind_figure_pairs6 import FINAL_TEST as BLIND_SIX
from tests.fixtures.blind_figure_pairs6 import PATH as BLIND_SIX_PATH
from tests.fixtures.blind_figure_pairs6 import SHA256 as BLIND_SIX_SHA256
from tests.fixtures.blind_figure_pairs7 import FINAL_TEST as BLIND_SEVEN
from tests.fixtures.blind_figure_pairs7 import PATH as BLIND_SEVEN_PATH
from tests.fixtures.blind_figure_pairs7 import SHA256 as BLIND_SEVEN_SHA256
from tests.fixtures.blind_figure_pairs8 import FINAL_TEST as BLIND_EIGHT
from tests.fixtures.blind_figure_pairs8 import PATH as BLIND_EIGHT_PATH
from tests.fixtures.blind_figure_pairs8 import SHA256 as BLIND_EIGHT_SHA256
from tests.fixtures.blind_figure_pairs9 import FINAL_TEST as BLIND_NINE
from tests.fixtures.blind_figure_pairs9 import PATH as BLIND_NINE_PATH
from tests.fixtures.blind_figure_pairs9 import SHA256 as BLIND_NINE_SHA256
from tests.fixtures.blind_figure_pairs10 import FINAL_TEST as BLIND_TEN
from tests.fixtures.blind_figure_pairs10 import PATH as BLIND_TEN_PATH
from tests.fixtures.blind_figure_pairs10 import SHA256 as BLIND_TEN_SHA256
from tests.fixtures.blind_figure_pairs11 import FINAL_TEST as BLIND_ELEVEN
from tests.fixtures.blind_figure_pairs11 import PATH as BLIND_ELEVEN_PATH
from tests.fixtures.blind_figure_pairs11 import SHA256 as BLIND_ELEVEN_SHA256
from tests.fixtures.blind_figure_pairs13 import FINAL_TEST as BLIND_THIRTEEN
from tests.fixtures.blind_figure_pairs13 import PATH as BLIND_THIRTEEN_PATH
from tests.fixtures.blind_figure_pairs13 import SHA256 as BLIND_THIRTEEN_SHA256
from tests.fixtures.blind_figure_pairs14 import FINAL_TEST as BLIND_FOURTEEN
from tests.fixtures.blind_figure_pairs14 import PATH as BLIND_FOURTEEN_PATH
from tests.fixtures.blind_figure_pairs14 import SHA256 as BLIND_FOURTEEN_SHA256
from tests.fixtures.blind_figure_pairs15 import FINAL_TEST as BLIND_FIFTEEN
from tests.fixtures.blind_figure_pairs15 import PATH as BLIND_FIFTEEN_PATH
from tests.fixtures.blind_figure_pairs15 import SHA256 as BLIND_FIFTEEN_SHA256
from tests.fixtures.blind_figure_pairs16 import FINAL_TEST as BLIND_SIXTEEN
from tests.fixtures.blind_figure_pairs16 import PATH as BLIND_SIXTEEN_PATH
from tests.fixtures.blind_figure_pairs16 import SHA256 as BLIND_SIXTEEN_SHA256
from tests.fixtures.blind_figure_pairs17 import FINAL_TEST as BLIND_SEVENTEEN
from tests.fixtures.blind_figure_pairs17 import PATH as BLIND_SEVENTEEN_PATH
from tests.fixtures.blind_figure_pairs17 import SHA256 as BLIND_SEVENTEEN_SHA256
from tests.fixtures.blind_figure_pairs18 import FINAL_TEST as BLIND_EIGHTEEN
from tests.fixtures.blind_figure_pairs18 import PATH as BLIND_EIGHTEEN_PATH
from tests.fixtures.blind_figure_pairs18 import SHA256 as BLIND_EIGHTEEN_SHA256
from tests.fixtures.blind_figure_pairs19 import FINAL_TEST as BLIND_NINETEEN
from tests.fixtures.blind_figure_pairs19 import PATH as BLIND_NINETEEN_PATH
from tests.fixtures.blind_figure_pairs19 import SHA256 as BLIND_NINETEEN_SHA256
from tests.fixtures.blind_figure_pairs20 import FINAL_TEST as BLIND_TWENTY
from tests.fixtures.blind_figure_pairs20 import PATH as BLIND_TWENTY_PATH
from tests.fixtures.blind_figure_pairs20 import SHA256 as BLIND_TWENTY_SHA256
from tests.fixtures.blind_figure_pairs21 import FINAL_TEST as BLIND_TWENTY_ONE
from tests.fixtures.blind_figure_pairs21 import PATH as BLIND_TWENTY_ONE_PATH
from tests.fixtures.blind_figure_pairs21 import SHA256 as BLIND_TWENTY_ONE_SHA256
from tests.fixtures.figure_pairs_fig15 import FIG_FIFTEEN
from tests.fixtures.figure_pairs_part3 import PART_THREE
from tests.fixtures.figure_pairs_part4 import PART_FOUR
from tests.fixtures.figure_sentence_pairs import PART_TWO, SentencePair
from workbench.core.analysis.figures.conflicts import Figure, find_clashes
from workbench.core.analysis.figures.measures import read_measures
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats

KNOWN_WRONG = {
    "p2-13": "'in the city' names no place, and 'militia fighters' reads as a part",
    "p2-38": "a plural alone ('dozens of') is not read as a figure",
    # the final-test half, as the one run after part 2 found them (not tuned on); three of
    # its four misses were then made development data for the third pass, and fixed
    "blind-32": "12 civilians against 12 people 'including three soldiers' needs arithmetic",
    # the third pass's own development pairs
    "p3-01": "'19 miners' is read as a part of all the dead, and a part may be smaller",
    "p3-29": "'the number of jobs cut to 900': a number after its noun's verb is not read",
    # the second blind set: its one run after the third pass missed 25; the fourth pass
    # made it development data and fixed 21 of them (the general readings of figures)
    "blind2-b2-21": "needs arithmetic (40 percent of 2,000), and 'about 150 of the 2,000 "
    "workers' is not a figure",
    "blind2-b2-31": "'pledged $2.5 billion in humanitarian aid' and 'raised pledges of $250 "
    "million' are two kinds of money (planned aid, raised)",
    "blind2-b2-40": "the share's subject reads 'opposition' (the leader's title) on one side "
    "and 'marta' on the other",
    "blind2-b2-50": "a plural alone ('dozens of') is not read as a figure",
    # the fourth pass's own development pairs
    "p4-45": "a false alarm: two settlements paid by two payers ('the company', 'the "
    "hospital') are compared: money is scoped by its kind, not by who pays",
    # the third blind set: its one run after the fourth pass missed 26 and raised one false
    # alarm; the fifth pass made it development data and fixed 24 (general readings:
    # money, synonyms, totals, tallies, ages, dates, rates, shares of the vote)
    "blind3-b3-07": "a score in words ('by two goals to nil') is not read",
    "blind3-b3-11": "'the package includes 24 launchers' says no event, 'will send 12' a "
    "planned delivery: two states",
    # the fourth blind set: its one run after the fifth pass missed 30 and raised one false
    # alarm; the sixth pass made it development data and fixed 16 (general readings:
    # arithmetic of parts and totals, numbers in words, synonyms of events, places)
    "blind4-b4-11": "'put their names to the Sarnow accord' is no verb of dates (signed), and "
    "the place is read as part of the signing",
    "blind4-b4-14": "needs arithmetic (45 launched, 40 shot down, so 5 evaded: not 12)",
    "blind4-b4-16": "'The 200kg cocaine haul': a unit joined to the number before a noun is "
    "not read",
    "blind4-b4-17": "needs arithmetic (21,640 - 20,330 against a margin of 2,310), and 'to "
    "Price's 20,330' is not read as votes",
    "blind4-b4-26": "'people applied for asylum' and 'asylum applications' received are two "
    "classes (people, applications)",
    "blind4-b4-27": "'travelling at 90mph' and 'doing 90km/h' (units joined to the number) give "
    "no state of a speed the rule reads",
    "blind4-b4-37": "two currencies (£31m, $31m) are never compared: no exchange rate",
    "blind4-b4-41": "'Fourteen of the ... hostages were released; six are still being held': "
    "'of the' and a number opening a clause after ';' are not read",
    "blind4-b4-43": "ordinals ('the third fatal accident', 'the fourth') are no figures",
    "blind4-b4-51": "'Kingsbridge lost 3-2 at home to Rovers' is read with the loser first: "
    "both are scores of the match, but 'at home to Rovers' is read as the place 'Rovers'",
    "blind4-b4-53": "'worth 1.2 million euros' reads 'foods' (from \"Halden Foods'\") as what the "
    "price is for, so the two prices are of two things",
    "blind4-b4-79": "a '40% stake' and 'a fifth of Tarvo': the stake's percentage has no "
    "state, and a share in words before 'of' reads 'tarvo' as what it is of",
    # the fifth blind set, as the one run after the sixth pass found them (not tuned on);
    # the seventh pass made it development data and fixed its three false alarms and five
    # misses (verb phrases of stealing and carrying, terms, a measure's noun, money's kind),
    # then four more (a time shortly before, a finishing place, forced from, a share of a
    # mass an event reached); the eighth three more (a figure with no event)
    "blind5-b5-04": "a date with its year ('12 March 2027') is a time, not the date of an "
    "event the rule reads; 'scheduled ... for 27 April 2027' neither",
    "blind5-b5-23": "needs arithmetic (480 cases, 120 of them in adults: 75% in children), "
    "and 'nine out of ten of Tessaly's measles cases' is no share of a plural read",
    "blind5-b5-31": "'will spend' and 'would cost the state' are two kinds of money (spent, "
    "cost), and 'would' is read as what the cost is for",
    "blind5-b5-38": "life expectancy in years ('rose to 78.4 years') is read as a duration "
    "of no event",
    "blind5-b5-42": "'by just thirty-one votes': a small number in words after an adverb is "
    "not read",
    "blind5-b5-46": "'will be 320 kilometres long' reads 'line' as a part, the other side "
    "none: a part may be shorter than its whole",
    "blind5-b5-69": "'lost about half of its volume' reads no subject and 'shrunk by 15 "
    "percent' reads 'tessaly': two subjects",
    "blind5-b5-74": "the '52 percent' after a comma has no state, and 'just over half' is a "
    "lower bound that 61 percent allows",
    # the sixth blind set, as the one run after the seventh pass found them (not tuned on);
    # the eighth pass made it development data and fixed four (a figure with no event
    # against a stated one, a preposition read as the counted noun, the speaker's name
    # making a sentence military, the day a count came after); the ninth three more
    "blind6-b6-05": "two currencies (2 billion euros, $800 million) are never compared: no "
    "exchange rate; and 'agreement' is no kind of money read",
    "blind6-b6-22": "'is 19' after the person named ('The teenager charged ...') is no age the "
    "rule reads",
    "blind6-b6-43": "'exposed the personal details of 3 million customers' and 'customers had "
    "their personal data exposed' give no state (the figure is no object or subject of the verb)",
    "blind6-b6-62": "'pulled eleven survivors' (rescued) and 'brought out alive' (brought) are "
    "two events, and survivors and people two classes",
    # the seventh blind set, as the one run after the eighth pass found them (not tuned on);
    # the ninth pass made it development data and fixed its four false alarms and seven
    # misses (places not named, a named body's size, periods and rounds, aboard, "last",
    # a total stated, the dead among those aboard); the tenth five more (a share's
    # subject, inflation, a verb of seeing, a jail term in words)
    "blind7-b7-01": "'saying 27 people, not 72, died': the event after 'not 72' is not read for "
    "the 27 (no state), and 'its earlier figures' dates that sentence as an earlier round",
    "blind7-b7-10": "a score after a team's name ('edged the Pine City Lynx 101-97') is not read; "
    "the 31 points of both sentences agree",
    "blind7-b7-16": "a temperature with no event and no high or low ('was 1.2C above the "
    "pre-industrial baseline': an anomaly) is no figure compared",
    "blind7-b7-35": "'a quarter of a million' is read as a share, and 'was about 140,000' after "
    "'the number of migrants who made the crossing' is not read",
    "blind7-b7-38": "'put the Unity Party on 41 percent' gives no state, and 'Support ... stands "
    "at' reads the subject 'support': two subjects",
    "blind7-b7-39": "needs arithmetic (nearly half of 8,000), and 'about 1,000 of its 8,000 "
    "employees' reads 'its' as a part",
    "blind7-b7-47": "a time of day with no event verb read ('touched down', 'settled on') is no "
    "figure",
    # the eighth blind set, as the one run after the ninth pass found them (not tuned on);
    # the tenth pass made it development data and fixed its four false alarms and 14
    # misses (plain reading bugs, shares, times as attributes, places between commas...)
    "blind8-b8-06": "'250,000 Norlanders had crossed into the country' is not read "
    "('Norlanders', a people no table knows, as the counted noun), and 'fled Norland into "
    "Kessia' places the other",
    "blind8-b8-19": "the length's subject reads 'line' on one side and 'stretch' (the verb) on the "
    "other: two subjects",
    "blind8-b8-29": "'will withdraw all 2,400 of its soldiers' is a plan (of leaving) and 'has "
    "about 5,000 troops in Malvia' is read as sent: two states",
    "blind8-b8-58": "'runners finished' and 'participants crossed the finish line' are two classes "
    "and two events (finished, arrived)",
    # the ninth blind set, as the one run after the tenth pass found them (not tuned on);
    # the eleventh pass (cf10) made it development data and fixed two (kin nouns of
    # people, a share of registered voters)
    "blind9-b9-04": '"last week\'s hailstorms" (a time as an attribute of the event) dates no '
    "figure, against 'last week' on the other side: two times",
    "blind9-b9-09": "'sold ... to Vardar City for 12 million euros' reads the buyer as the "
    "price's place, the other side none",
    "blind9-b9-11": "'amounts to a 15% increase' gives no state (no subject before it), and the "
    "8 percent's subject reads 'minimum'",
    "blind9-b9-13": "'has killed 27 children ... since January' is read with no measure, and "
    "'put the number of children who have died ... at nine' (in words after 'at') is "
    "not read",
    "blind9-b9-21": "'The 850-kilogram cocaine haul' reads 'of cocaine' as its event and "
    "'kilogram' as its part, and 'cocaine hidden' is the other side's part",
    "blind9-b9-37": "'students sat' (no state) and 'candidates took' (received) are two "
    "classes and two events",
    "blind9-b9-40": "'pledged $2.4bn for the reconstruction of Tamsin province' reads the "
    "place Tamsin and no kind of money, 'Pledges ... totalled' the place Geneva (a "
    "'Geneva donor conference', not 'conference in Geneva') and no kind either",
    "blind9-b9-49": "a journey's length in time ('over seven years', 'took four years to "
    "reach') is no duration of an event read",
    "blind9-b9-54": "needs arithmetic (doubled to 400 million: 200 million before, not 150)",
    "blind9-b9-55": "finishing times ('two hours, four minutes and 37 seconds', '2:07:12') "
    "are not read",
    "blind9-b9-66": "'settled at' (a settlement) and 'closed at' (a price) are two kinds of "
    "money, and 'Brent futures' reads a part on one side only",
    "blind9-b9-68": "ordinals ('its 23rd day', 'the 41st day') are no figures",
    "blind9-b9-72": "'counted 2.84 million residents' gives no state against 'population "
    "stood at' (population), and the places read 'Greater Varn' and 'Varn'",
    "blind9-b9-78": "'stood at 64 on Tuesday' reads Tuesday as the toll's day, a day's toll "
    "that may be a part of the running toll 'at least 112', though it is the count's day",
    # the tenth blind set, as the one run after the eleventh pass found them (not tuned
    # on); the rule before the pass got the same pairs wrong
    "blind10-b10-05": "'Drivers were able to use ... for the first time on 19 March' names no "
    "event of a date ('opened to traffic' on the other side): two states",
    "blind10-b10-21": "'At nine kilometres': a small number in words inside a sentence is not read",
    "blind10-b10-50": "'The new 2.4-kilometre bridge ... opened' gives a distance no event, "
    "against '1,800 metres long' (extent), and only one name ('Velna') ties them",
    "blind10-b10-52": "'doses' and 'shots' are two classes",
    "blind10-b10-53": "'1.2 million voters cast ballots' reads votes, '1,700,000 people voted' "
    "people: two classes",
    "blind10-b10-62": "'The final cost of ... was 450 million euros' and 'the final bill ... came "
    "to €1.2bn' read no kind of money: two sums with no event are not compared",
    "blind10-b10-63": "places read apart: 'in northern Kessland' on one side, 'along the Marova "
    "river' (Marova) on the other",
    "blind10-b10-64": "'prisoners' and 'captives' (hostages) are two classes, 'released' and "
    "'handed over' two events, and 'by each side' a rate on one side only",
    "blind10-b10-72": "'gusts of up to 190 km/h' reads the subject 'bela', 'The strongest gust "
    "... was 120' the subject 'gust': two subjects",
    # the eleventh blind set, as its one run after the twelfth pass (main a857f80) found
    # them; development data since (session 12)
    "blind11-b11-04": "'37 cholera cases' (cases) and 'More than 400 people ... have contracted "
    "cholera' (people, no event) are two classes",
    "blind11-b11-20": "'scored a hat-trick' (three goals) is no figure",
    "blind11-b11-29": "a false alarm: the toll that 'rose to 58 on Monday' is a later update of "
    "Sunday's 31, read as one count",
    "blind11-b11-32": "'had stood since 1923' gives no year read, against 'built in 1887'",
    "blind11-b11-38": "an age ('17-year-old', '24-year-old') with no event read is no figure",
    "blind11-b11-41": "'2,700 tonnes of grain were shipped' (no event, part 'grain') and 'carried "
    "27,000 tonnes of wheat' (part 'wheat') are read apart",
    "blind11-b11-46": "'payrolls ... rose by just 12,000' gives no class (jobs) to its number",
    "blind11-b11-54": "a party's poll share ('put the Liberal Union on 34 percent', 'trails on "
    "27%') reads no state: two shares with no event are not compared",
    "blind11-b11-65": "'fined ... nine million dollars' (a fine) and 'ordered to pay $90m' (a "
    "price) are two kinds of money",
    "blind11-b11-67": "'about 230 million years old' and 'to roughly 95 million years ago' give "
    "no figure read",
    "blind11-b11-68": "'412 nesting pairs' reads the part 'nesting ravel's petrel', '140 pairs ... "
    "nested' the part 'ravel's petrel': two parts",
    "blind11-b11-75": "'whose 1,200 residents were evacuated' (displaced, no place read) and 'All "
    "4,000 people living in Hollin Cross were ordered out' (population) are two events",
    # the thirteenth blind set, as its one run after the thirteenth pass (rules frozen at
    # 78ae380) found them; development data since (session 13)
    "blind13-b13-06": "'The cheapest tickets ... cost £85' (a cost, dated) and 'Tickets ... start "
    "at £120' (no state): a lowest price is not read",
    "blind13-b13-14": "'Annual inflation ... reached 211%' (part inflation) and 'Consumer prices "
    "... rose 140%' (part consumer) are two parts",
    "blind13-b13-27": "'Nearly 40% of teachers walked out' (part teachers) and 'participation in "
    "... strike at 15%' (part turnout) are two parts",
    "blind13-b13-29": "'a deal worth €4.2 million' and 'contract ... valued at €6.8 million' (the "
    "firm read as a place, part repair, this week) share one name only ('Sogetra': the "
    "other sentence's capitalised words are not kept once a place is read)",
    "blind13-b13-32": "'knocked out power to more than 9,000 ... households' gives no figure",
    "blind13-b13-33": "'will employ up to 600 people' (planned) and 'will create 1,500 jobs' "
    "(jobs, no state) are two classes",
    "blind13-b13-42": "'have doubled' gives no figure (a 100% rise)",
    "blind13-b13-46": "'a €500 million agreement' (no kind of money) and 'is worth $2 billion' (a "
    "deal) are not compared across an unsaid kind",
    "blind13-b13-47": "'£120m' on 30 June and 'around £40 million' at the end of June (part club): "
    "the day and the month are read as two dates",
    "blind13-b13-50": "'opened to traffic in 1932' gives no year read, against 'Built in 1958'",
    "blind13-b13-51": "'put the death toll ... at 140' gives no figure",
    "blind13-b13-53": "'Racing fell 3-1 to Boca Juniors' gives no score",
    "blind13-b13-59": "'stood at 35 per 1,000 live births' reads 35 with no class: a rate per "
    "1,000 not read",
    "blind13-b13-61": "'about 3 miles' (part hikers) and 'some 15 kilometres' (part teams) from "
    "the trailhead are two parts",
    "blind13-b13-70": "'A dozen demonstrators were detained' (Tbilisi) and 'Thirty-one people were "
    "arrested' (no place): a place read on one side only",
    "blind13-b13-75": "'the 250m-long Ever Lumen' gives no figure",
    "blind13-b13-76": "'About 2,000 barrels' (no state, part crude) and 'An estimated 11,000 "
    "barrels spilled': a state read on one side only",
    # the fourteenth blind set, as its one run after the fourteenth pass (rules frozen at
    # 5d65808; the same 24 on main 8e2273c before the pass) found them; development data
    # since (session 14)
    "blind14-b14-05": "'paid a club-record £85 million' (paid) and 'cost a total of £40m' (a cost, "
    "the club read as its place) are two kinds of money",
    "blind14-b14-08": "'about 1.2 kilometres across' and 'roughly 400 metres in diameter' read no "
    "event, and their sentences share one name only ('qk': two letters, not kept; 'asteroid' "
    "is capitalised on one side)",
    "blind14-b14-11": "a false alarm: '$1.1 million in legal costs' and 'a total bill of about "
    "$4.3 million' are both read as Verdex's cost: a part against its total (3.2 + 1.1)",
    "blind14-b14-19": "'Official attendance ... was 64,312' reads no class, against '82,000 fans'",
    "blind14-b14-31": "'followed 12,000 adults' and 'tracked about 3,000 people' (Dr Sato read as "
    "a place) are two classes",
    "blind14-b14-34": "'expanded 2.3%' (a rise, part economy) and 'growth ... was ... 0.9 percent' "
    "(a level, part growth) are two states and two parts",
    "blind14-b14-43": "'in 2 hours 18 minutes' and 'winning time of 2:24:05' give no figure",
    "blind14-b14-56": "'deficit narrowed to 3.1% of GDP' and 'shortfall amounted to 5.6 percent of "
    "economic output' read no event: two shares with no event are not compared",
    "blind14-b14-57": "'vaccinated two million children' and 'reached around 800,000 children' "
    "(arrived) are two states, and the sentences share no name",
    "blind14-b14-66": "'dropped by nearly a fifth' gives no figure",
    "blind14-b14-68": "'the March 3 earthquake' gives no time read, 'the ... quake that struck "
    "Dorvesk on March 3' the time March 3: a toll's time on one side only is two periods",
    "blind14-b14-78": "'in June' and 'last month' in a statement 'on July 2' (read as the time "
    "'july 2, last month') are two times: the month is not reckoned",
    "blind14-b14-79": "'to 90 minutes' and 'take two and a half hours' give no figure",
    # the fifteenth blind set, as its one run on main b623193 (the session's start: the
    # fourteenth pass's rules and fig14x) found them; development data since (session 15)
    "blind15-b15-05": "'Russia launched 810 drones' (whose Russian) and 'involved about 300 "
    "drones' (whose none): whose is read on one side only, two buckets",
    "blind15-b15-23": "'2026 budget totals $3.8 billion' (time 2026) and 'adopted 2026 budget at "
    "2.9 billion dollars' (no time read): two periods, and the sentences share no name",
    "blind15-b15-27": "'up to 2 million Helix Insurance customers' (part 'helix insurance') and "
    "'6.4 million of its customers' (part 'its'), no event read on either side: two parts",
    "blind15-b15-59": "'glaciers lost 3%' (part 'glaciers') and 'Swiss glaciers shrank by 9 "
    "percent' (part 'swiss'): one share read as two parts",
    "blind15-b15-79": "'a 4.5% pay rise' and 'raises ... wages by 9 percent' read no event: two "
    "shares with no event are not compared",
    # the sixteenth blind set, as its one run on main 98fd2b3 found them; development data
    # since (session 16)
    "blind16-b16-06": "'every 38 hours' and 'every 11 days' give no figure",
    "blind16-b16-09": "'roughly $49 million' reads no kind of money and 'a $72 million penalty' "
    "a fine: the $49 million, beside the fine 'EUR 45 million', is not free to be of it",
    "blind16-b16-11": "'1.48C' and '1.6C' are temperatures, a class the rule does not check",
    "blind16-b16-14": "'More than 2,000 migrants crossed' and '1,650 people made the crossing' "
    "(both arrived, on Saturday) are two nouns tied by no place or kind of event; a day and "
    "an event alone would tie 'arrested 40 people' to 'arrested 12 students' as one group "
    "(tried in cf20, dropped in review rv20)",
    "blind16-b16-18": "'1.2 gigawatts' (no time read) and 'The 800-megawatt facility ... in 2027' "
    "(time 2027): a capacity's time on one side only is two periods",
    "blind16-b16-29": "'Some 72% of children under five' (part 'five') and 'Fewer than two-thirds "
    "of under-fives' (part 'under-fives') are two parts",
    "blind16-b16-33": "'146 confirmed cases' (part 'confirmed') and '164 confirmed measles cases' "
    "(part 'confirmed measles') are two parts",
    "blind16-b16-34": "'The victim, 34,' reads no class, against 'a 43-year-old delivery driver'",
    "blind16-b16-48": "'entered its sixth week' gives no figure, and 'The 12-day-old dockworkers' "
    "reads 12 dockworkers",
    "blind16-b16-55": "'about two-thirds contained' gives no figure, against '40% contained'",
    "blind16-b16-56": "'a $1.8 billion budget' (budget) and 'spending plan of $2.1bn' (planned "
    "spent) are two states",
    "blind16-b16-58": "'all but four of the 45 drones' gives no figure, and 'downed 38' (downed) "
    "and '45 drones' (launched) are two states",
    "blind16-b16-64": "'cut 2,300 jobs' (jobs, planned cut) and '19,000 employees' (workers, no "
    "state) are two classes, and 'one in five of' gives no figure",
    "blind16-b16-67": "'$1.20 per litre' and '$6.80 a gallon' are two rates: litres and gallons "
    "are not converted",
    "blind16-b16-68": "'a quarter of its 1,200 scheduled flights' (300, part 'scheduled') is read "
    "as a part of '450 of the 1,200 flights', no larger than its whole",
    "blind16-b16-72": "'112 million tonnes' (time 'this year') and '105 million tonnes' (no time "
    "read): a harvest's time on one side only is two periods",
    # the seventeenth blind set, as its one run on main ec82e6b found them (the same 24 as on
    # 2da5fec, before the seventeenth pass); development data since (session 17)
    "blind17-b17-06": "a false alarm: 'A crowd of 62,000 watched Saturday's cup final' and 'Last "
    "year's cup final ... drew 48,500 spectators' are both read as the crowd at Harcourt "
    "Stadium's match: 'Last year's' reads no time, so two finals are read as one",
    "blind17-b17-08": "'A third of the 900 flights scheduled' (300, scheduled) and 'cancelled 420 "
    "flights' (cancelled) are two states",
    "blind17-b17-09": "'5.8 percent in March' (time 'earlier, march', 'a month earlier' read "
    "with it) and '6.4 percent in March' (time 'march') are two times",
    "blind17-b17-10": "'doubled this season to 180,000' reads a share ('doubled') and gives the "
    "180,000 no class, against '120,000 tickets': two classes",
    "blind17-b17-12": "'rise 8 percent' (a share) and '$48 billion ... to $55 billion' (money) "
    "are two classes: the rise between the two sums is not worked out",
    "blind17-b17-14": "'650 staff' and 'about 1,100 workers' read no event: two counts with no "
    "event are not compared",
    "blind17-b17-17": "'beat Harlow Town 3-1 on Saturday' (day 'second half', from 'scoring "
    "twice in the second half') and 'lost 2-1 ... on Saturday' (saturday) are two days",
    "blind17-b17-19": "'employs 8,000 people' (people) and 'cut 1,200 jobs' (jobs) are two "
    "classes, and 'nearly a quarter of its employees' is a share",
    "blind17-b17-25": "'640 respondents' (respondents) and 'Nearly half of the 2,000 adults' "
    "(1,000 adults, surveyed) are two classes",
    "blind17-b17-28": "'58 percent of the vote' (part 'vote calloway') and 'just under half of "
    "the votes cast' (part 'votes') are two parts",
    "blind17-b17-30": "'the island's 12,000 residents ... for a week' (per week) and 'about 4,500 "
    "people': a figure per time on one side only",
    "blind17-b17-31": "'net profit rose 12 percent' (up) and 'down 5 percent' (down) are two "
    "states: a rise and a fall of one profit are not compared",
    "blind17-b17-38": "'died ... at the age of 84' gives no figure, against 'aged 79'",
    "blind17-b17-45": "'Forty-three wedding guests' (part 'wedding') and 'Nineteen guests' (no "
    "part): a part on one side only",
    "blind17-b17-55": "'At least 42 people were killed ... on Tuesday' (tuesday) and 'Thirty-one "
    "fatalities ... as of Wednesday morning' (wednesday) are two days",
    "blind17-b17-61": "'lasted 19 hours' and 'took 16 hours and 40 minutes' give no figure",
    "blind17-b17-70": "a false alarm: 'plans to plant 10,000 trees' (no state read) and '3,200 "
    "trees have been planted' (planted) are read as one count of trees: a target against "
    "those planted so far",
    "blind17-b17-72": "a false alarm: 'finished third' and 'finished fifth' are both read as "
    "Aldana's rank: the ranks read no day or distance, and the races are two",
    "blind17-b17-73": "'reopen to traffic on March 14' (open traffic) and 'reopen to vehicles on "
    "April 2' (open vehicles) are two states",
    "blind17-b17-77": "'consumer price inflation ... 3.1 percent' (part 'consumer') and 'Consumer "
    "prices rose 4.2 percent' (part 'inflation') are two parts",
    "blind17-b17-78": "'Nearly half of registered voters' (place \"Sunday's Orrin\") and 'Turnout "
    "in the Orrin by-election' (place 'Orrin') are two places",
    "blind17-b17-80": "'320 kilometres' (part 'pipeline') and 'The 320-mile Darrow pipeline' (no "
    "part): a part on one side only",
    # false alarms since one source in two articles is compared (cf19: figure_account);
    # one origin had kept each out, not the rule's reading
    "blind5-b5-11": "a false alarm: 'export revenue' is not read as a part of 'revenue'",
    "blind5-b5-76": "a false alarm: '19 ... and seven' against 'has risen to 26' needs the sum "
    "of the parts read as the running toll's",
    "blind17-b17-01": "a false alarm: 'Neighbouring Morrow Flats' is not read as a place, so the "
    "two towns' highs are one reading",
    # the eighteenth blind set, written in session 18 and scored on main 754a2c3 (the rule
    # 0.60 / 0.07); as the rule reads it on cf19, which compares one source in two
    # articles; development data since (session 19)
    "blind18-b18-08": "'killing between 20 and 25 passengers' (passengers) and '34 passengers "
    "were killed' (killed, part 'passengers') are two things counted",
    "blind18-b18-09": "'a ransom of $12 million' (planned ransom) and 'had demanded $2 million' "
    "(no kind of money read): an event on one side only, the $2 million not free to be of it",
    "blind18-b18-13": "a false alarm: 'About 300 workers were inside' reads no event, so it is "
    "read as the factory's 'some 1,200 workers' employed (hired)",
    "blind18-b18-14": "a false alarm: '210 excess deaths' and '38 deaths ... attributed to "
    "heatstroke' are both read as killed in Sarrow: neither 'excess' nor the cause is read as "
    "a part",
    "blind18-b18-17": "'is recalling 212,000 vehicles' (recalled) and 'would recall about "
    "120,000 vehicles' (planned recalled) are two states",
    "blind18-b18-19": "'put the death toll ... at nearly 200' gives no figure, against 'killed "
    "312 people'",
    "blind18-b18-25": "'48 bodies' (killed, part 'bodies') and 'the bodies of fewer than 30 "
    "people' (people, no event) are two things counted",
    "blind18-b18-26": "a false alarm: '52 of the people detained ... remained in custody' is read "
    "as the number detained: 'remained in custody' is no state the rule reads",
    "blind18-b18-28": "'6,000 tonnes of crude oil' (part 'crude oil') and '600 tonnes of crude' "
    "(part 'crude') are two parts",
    "blind18-b18-31": "'240 cases of alleged vote-buying' (cases) and 'fewer than 100 suspected "
    "vote-buying incidents' (incidents) are two things counted",
    "blind18-b18-32": "a false alarm: '4,200 doses ... had arrived' reads no event, so it is "
    "read as the '50,000 doses' pledged: 'arrived' is no state the rule reads",
    "blind18-b18-39": "'About 18,000 dockworkers' (dockworkers) and 'some 9,500 of its members' "
    "(members) are two things counted",
    "blind18-b18-40": "'430,000 of its customers' (part 'its') is read as a part of '4.3 million "
    "customers', no larger than its whole",
    "blind18-b18-45": "'ordered the evacuation of 14,000 people' (planned) and '40,000 people "
    "living near Mount Seraph had been ordered to evacuate' (population) are two states",
    "blind18-b18-47": "'several dozen homes, fewer than 50 in all' gives no figure, against "
    "'destroyed 112 homes'",
    "blind18-b18-57": "'injured 46 people' (no day: 'on Thursday' read as when it was said) and "
    "'left just over a dozen people injured' (day thursday): the dozen is read as a day's part, "
    "no larger than its whole",
    "blind18-b18-60": "'nine children' and 'four children' (small numbers in words within the "
    "sentence) give no figure",
    "blind18-b18-64": "'47.2 degrees Celsius' and '44.1 degrees Celsius' are temperatures, a "
    "class the rule does not check",
    "blind18-b18-69": "'38 illnesses' (illnesses) and 'had sickened 83 people' (people) are two "
    "things counted",
    "blind18-b18-71": "'Turnout ... reached 61.4 percent' (part 'turnout') and 'final turnout "
    "... was 54.2 percent' (part 'final') are two parts",
    "blind18-b18-73": "'A ferry carrying 312 passengers' (aboard) and 'had around 520 passengers "
    "aboard' (had) are two states",
    "blind18-b18-74": "'carrying around 400 people' (aboard) and 'had around 200 passengers on "
    "board' (had) are two states",
    "blind18-b18-78": "the denied '26 hostages' is read as the police's own figure, meeting local "
    "media's 26, and 'the gunmen held 12 people' reads no event: not free to be of the "
    "hostages held",
    "blind18-b18-79": "a false alarm: 'About 90,000 customers ... had payment card numbers "
    "exposed' is not read as a part of the '4.3 million customers' whose details were exposed",
    "blind18-b18-80": "'30 percent contained' (level) and '65 percent containment' (no event "
    "read): an event on one side only, the 65 percent not free to be of it",
    "blind19-b19-01": "a false alarm: 'have so far pulled 63 survivors' is a count so far, "
    "'A total of 80 ... after the search ended' the final one; the rule reads no time in "
    "either (a count 'so far' read as a time of its own loses five labelled conflicts "
    "of one day)",
    "blind19-b19-12": "'will stretch 250 miles when it is completed in 2030' takes 2030 as "
    "the length's time, against '320 km' of none: two times",
    "blind19-b19-16": "'14 carriages derailed' and 'Nine carriages left the tracks' are two "
    "events to the rule ('left' is no derailment)",
    "blind19-b19-29": "'2.4 tonnes of cocaine' (part 'cocaine') and 'the cocaine seized ... "
    "weighed 2,100 kilograms' (no part: the weight's subject is not read): two parts",
    "blind19-b19-53": "a false alarm: 'an estimated 2,300 excess deaths' and '410 deaths ... "
    "directly attributed to heatstroke' are both read as the dead of July, one count",
    "blind19-b19-62": "'the Lanner coast' and 'the city of Port Lanner' are two places to the "
    "rule, not a city inside its coast",
    "blind19-b19-68": "a false alarm: 'said on Monday that 18 people had died' keeps no day of "
    "saying (b8-14), so Wednesday's 'rose to 27' is read as a day's part larger than its "
    "whole; that the toll rose says the 18 came before",
    "blind19-b19-73": "'measures roughly 400 metres across' reads no extent and no subject, "
    "against 'Asteroid 2031 KX is an estimated 1.2 km wide' (part 'kx')",
    "blind19-b19-80": "'Almost 90 percent of the ... reef was bleached' (level) and 'bleached "
    "78 percent of the ... reef' (no event read): an event on one side only, and two shares "
    "are not free to meet across events",
    "blind20-b20-13": "a false alarm: 'denied that 8,000 troops had been sent' is read as a "
    "claim of 8,000 sent, against 'Some 2,000 troops are stationed' (a denial inside the "
    "sentence is not read)",
    "blind20-b20-27": "'Nearly 900 people were treated ... in hospitals in Lenz, Cardova "
    "province's largest city' is read as Lenz's, not as a part of Cardova larger than "
    "Cardova's 600",
    "blind20-b20-35": "a time of day raced ('in 2 hours 21 minutes', 'in 2:25:40') is no "
    "figure to the rule",
    "blind20-b20-38": "'a quarter of a percentage point' is read as 25 percent, not 25 basis "
    "points, against '50 basis points' (a margin): two dimensions",
    "blind20-b20-40": "'More than 10,000 troops ... had crossed into the Lannick region' "
    "(place 'Lannick') and 'About 6,000 Ostrian coalition troops had entered Lannick' (part "
    "'ostrian coalition', no place read after 'entered'): two parts",
    "blind20-b20-50": "'Around 30 percent of children under five' (no state) and 'Almost half "
    "of all children under five ... are acutely malnourished' (level): a state on one side "
    "only",
    "blind20-b20-51": "'Some 1,500 Valdorian soldiers' (part 'valdorian') and 'Valdoria sent "
    "around 2,500 troops' (no part: the country is the sender): two parts",
    "blind20-b20-54": "'at the peak of the storm' is read as no time and no state on either "
    "side ('were without power' after 'across Norvale province', 'lost electricity'): "
    "'about 120,000 households across Norvale province' (place) and '85,000 homes in the "
    "province' (none) are two places",
    "blind20-b20-56": "'at a distance of 3,200 kilometres from its surface' (away) and 'flew "
    "1,200 km above the asteroid's surface' (travelled): two states, and two parts "
    "('aster-' and 'spacecraft')",
    "blind20-b20-60": "an age in years ('about 12,000 years old' of bones, 'date back some "
    "30,000 years') is read as no figure on either side",
    "blind20-b20-65": "'launched on March 14' (state 'launch', part 'selka') and 'lifted off "
    "... on March 16' (no state, no part): 'lifted off' is no launch to the rule",
    "blind20-b20-77": "'61.4 percent' in Moravenia and '58.2 percent' in no place read: "
    "'Moravenian' (the adjective) is not read as the country",
    "blind20-b20-80": "'Around 60 percent of the 900 dock workers' (540 dockers, none of an "
    "event) and '720 workers ... went on strike' (strike): walking off the job is no strike "
    "to the rule, so two events",
    "blind21-b21-06": "a race time ('in two hours, nine minutes and 14 seconds', 'in "
    "2:12:40') is no figure to the rule",
    "blind21-b21-12": "'1,240 cases of measles had been confirmed' and 'some 1,870 measles "
    "cases had been confirmed': no event read on either side, and cases need one",
    "blind21-b21-13": "'beat Austmoor 3-1 ... at the Harrow Lane ground' (place 'Harrow "
    "Lane') and 'fell 2-1 to Pellwick Rovers' (the winner read as the place): two places",
    "blind21-b21-18": "a false alarm: 'Twenty-seven people have died so far' and 'The final "
    "death toll ... stood at 64' are one toll to the rule: a count so far is not read as "
    "one the final may exceed",
    "blind21-b21-23": "'measures 12 metres from head to tail' (away) and 'was about 25 feet "
    "long' (extent): two states",
    "blind21-b21-30": "'grew 2.1 percent ... from a year earlier' (rise) and 'Third-quarter "
    "growth came in at 3.4 percent year on year' (level): two states",
    "blind21-b21-35": "'is recalling 410,000 laptops' (recalled) and 'said it would recall "
    "about 1.1 million laptops' (planned): two states",
    "blind21-b21-43": "'when it left the rails' (event 'crash', from 'crash investigators') "
    "and 'when it derailed' (event 'derailment'): two kinds of event",
    "blind21-b21-47": "'is demanding a pay rise of 12 percent' (level) and 'wants a 20 "
    "percent pay increase' (no event, not free to be of another): an event on one side "
    "only",
    "blind21-b21-52": "'The quake ... measured 7.1' is no figure to the rule (a magnitude is "
    "read before 'magnitude' or 'earthquake', or on a scale), against 'A magnitude 6.4 "
    "earthquake'",
    "blind21-b21-55": "'Thieves took jewellery worth 4.5 million euros' (no event, not free "
    "to be of another) and 'The heist ... netted items valued at 1.2 million euros' "
    "(stolen): an event on one side only",
    "blind21-b21-56": "a false alarm: 'plans to plant 50,000 trees by 2030' (no event read) "
    "and 'So far 8,000 trees have been planted' (planted) are one count to the rule: a "
    "plan is not read after 'plans to'",
    "blind21-b21-59": "'The Varga probe flew 1,200 km above the surface' (travelled, part "
    "'probe') and 'its Varga probe skimmed just 250 miles above ... surface' (no event, no "
    "part): a part on one side only",
    "blind21-b21-62": "'a 71-year-old man from the village of Rostin, died' and 'The bird "
    "flu victim from Rostin ... was aged 64': two ages of no person named, whose sentences "
    "share one name, are not compared",
    "blind21-b21-64": "a false alarm: 'ended after 10 hours and 15 minutes' is read as two "
    "durations, and its 15 minutes conflicts with 'almost 11 hours'",
    "blind21-b21-65": "'put the cost overrun ... at $320 million' (cost) and 'The overrun "
    "... totalled about $410 million' (no event, not free to be of another): an event on "
    "one side only",
    "blind21-b21-68": "the years a dam was completed ('completed in 1962', 'Completed in "
    "1958') are a class the rule does not check",
    "blind21-b21-69": "a false alarm: 'The ruling Unity Party won 112 seats' and 'the "
    "opposition Green Front took 96 seats' are one count of seats won: the party that won "
    "them is not read as whose",
}
"""Pairs the rule gets wrong, with why (each a strict xfail below)."""


def sentence_figures(text: str, source: str, article: str) -> list[Figure]:
    found, words = numbers_in(text)
    return [
        Figure(("analyst", article, 0), article, 0, source, quantity, measure)
        for quantity, measure in zip(found, read_measures(text, found, words), strict=True)
        if measure is not None
    ]


def flagged(pair: SentencePair) -> bool:
    figures = sentence_figures(pair.a, pair.a_source, f"{pair.id}-a") + sentence_figures(
        pair.b, pair.b_source, f"{pair.id}-b"
    )
    return bool(find_clashes(figures, CLASSES))


def scores(pairs: tuple[SentencePair, ...]) -> tuple[float, float, int]:
    """(precision, recall, pairs got wrong)."""
    predicted = {pair.id: flagged(pair) for pair in pairs}
    true_positives = sum(1 for pair in pairs if pair.conflict and predicted[pair.id])
    flagged_count = sum(predicted.values())
    conflicts = sum(1 for pair in pairs if pair.conflict)
    wrong = sum(1 for pair in pairs if predicted[pair.id] != pair.conflict)
    precision = true_positives / flagged_count if flagged_count else 1.0
    return round(precision, 2), round(true_positives / conflicts, 2), wrong


def cases(pairs: tuple[SentencePair, ...]) -> list[object]:
    return [
        pytest.param(
            pair,
            id=pair.id,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[pair.id])]
            if pair.id in KNOWN_WRONG
            else [],
        )
        for pair in pairs
    ]


@pytest.mark.parametrize(
    "pair",
    cases(
        PART_TWO
        + PART_THREE
        + DEVELOPMENT
        + FINAL_TEST
        + BLIND_TWO
        + PART_FOUR
        + BLIND_THREE
        + BLIND_FOUR
        + BLIND_FIVE
        + BLIND_SIX
        + BLIND_SEVEN
        + BLIND_EIGHT
        + BLIND_NINE
        + BLIND_TEN
        + BLIND_ELEVEN
        + BLIND_THIRTEEN
        + BLIND_FOURTEEN
        + BLIND_FIFTEEN
        + FIG_FIFTEEN
        + BLIND_SIXTEEN
        + BLIND_SEVENTEEN
        + BLIND_EIGHTEEN
        + BLIND_NINETEEN
        + BLIND_TWENTY
        + BLIND_TWENTY_ONE
    ),
)
def test_pair(pair: SentencePair) -> None:
    assert flagged(pair) == pair.conflict, pair.why


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        pytest.param(PART_TWO, (1.0, 0.92, 2), id="part two"),
        pytest.param(DEVELOPMENT, (1.0, 1.0, 0), id="blind development half"),
        pytest.param(FINAL_TEST, (1.0, 0.9, 1), id="blind final-test half, now development"),
        pytest.param(PART_THREE, (1.0, 0.93, 2), id="part three"),
        pytest.param(BLIND_TWO, (1.0, 0.87, 4), id="second blind set, now development"),
        pytest.param(PART_FOUR, (0.96, 1.0, 1), id="part four"),
        pytest.param(BLIND_THREE, (1.0, 0.94, 2), id="third blind set, now development"),
        pytest.param(BLIND_FOUR, (1.0, 0.7, 12), id="fourth blind set, now development"),
        pytest.param(BLIND_FIVE, (0.94, 0.8, 10), id="fifth blind set, now development"),
        pytest.param(BLIND_SIX, (1.0, 0.9, 4), id="sixth blind set, now development"),
        pytest.param(BLIND_SEVEN, (1.0, 0.82, 7), id="seventh blind set, now development"),
        pytest.param(BLIND_EIGHT, (1.0, 0.9, 4), id="eighth blind set, now development"),
        pytest.param(BLIND_NINE, (1.0, 0.65, 14), id="ninth blind set, now development"),
        pytest.param(BLIND_TEN, (1.0, 0.78, 9), id="tenth blind set, now development"),
        pytest.param(BLIND_ELEVEN, (0.97, 0.72, 12), id="eleventh blind set, now development"),
        pytest.param(BLIND_THIRTEEN, (1.0, 0.57, 17), id="thirteenth blind set, now development"),
        pytest.param(BLIND_FOURTEEN, (0.97, 0.7, 13), id="fourteenth blind set, now development"),
        pytest.param(BLIND_FIFTEEN, (1.0, 0.88, 5), id="fifteenth blind set, now development"),
        pytest.param(FIG_FIFTEEN, (1.0, 1.0, 0), id="fifteenth pass's own pairs"),
        pytest.param(BLIND_SIXTEEN, (1.0, 0.6, 16), id="sixteenth blind set, now development"),
        pytest.param(
            BLIND_SEVENTEEN, (0.84, 0.53, 23), id="seventeenth blind set, now development"
        ),
        pytest.param(BLIND_EIGHTEEN, (0.8, 0.5, 25), id="eighteenth blind set, development"),
        pytest.param(BLIND_NINETEEN, (0.92, 0.85, 9), id="nineteenth blind set, development"),
        pytest.param(BLIND_TWENTY, (0.97, 0.7, 13), id="twentieth blind set, development"),
        pytest.param(BLIND_TWENTY_ONE, (0.87, 0.65, 18), id="twenty-first blind set, development"),
    ],
)
def test_precision_and_recall(
    pairs: tuple[SentencePair, ...], expected: tuple[float, float, int]
) -> None:
    """The figures docs/summary-measurements.md reports (both at least 0.9 is issue 15's aim)."""
    assert scores(pairs) == expected
    assert sum(1 for pair in pairs if pair.id in KNOWN_WRONG) == expected[2]


@pytest.mark.parametrize(
    ("path", "sha256", "pairs", "size"),
    [
        pytest.param(BLIND_TWO_PATH, BLIND_TWO_SHA256, BLIND_TWO, 60, id="second"),
        pytest.param(BLIND_THREE_PATH, BLIND_THREE_SHA256, BLIND_THREE, 70, id="third"),
        pytest.param(BLIND_FOUR_PATH, BLIND_FOUR_SHA256, BLIND_FOUR, 80, id="fourth"),
        pytest.param(BLIND_FIVE_PATH, BLIND_FIVE_SHA256, BLIND_FIVE, 80, id="fifth"),
        pytest.param(BLIND_SIX_PATH, BLIND_SIX_SHA256, BLIND_SIX, 80, id="sixth"),
        pytest.param(BLIND_SEVEN_PATH, BLIND_SEVEN_SHA256, BLIND_SEVEN, 80, id="seventh"),
        pytest.param(BLIND_EIGHT_PATH, BLIND_EIGHT_SHA256, BLIND_EIGHT, 80, id="eighth"),
        pytest.param(BLIND_NINE_PATH, BLIND_NINE_SHA256, BLIND_NINE, 80, id="ninth"),
        pytest.param(BLIND_TEN_PATH, BLIND_TEN_SHA256, BLIND_TEN, 80, id="tenth"),
        pytest.param(BLIND_ELEVEN_PATH, BLIND_ELEVEN_SHA256, BLIND_ELEVEN, 80, id="eleventh"),
        pytest.param(
            BLIND_THIRTEEN_PATH, BLIND_THIRTEEN_SHA256, BLIND_THIRTEEN, 80, id="thirteenth"
        ),
        pytest.param(
            BLIND_FOURTEEN_PATH, BLIND_FOURTEEN_SHA256, BLIND_FOURTEEN, 80, id="fourteenth"
        ),
        pytest.param(BLIND_FIFTEEN_PATH, BLIND_FIFTEEN_SHA256, BLIND_FIFTEEN, 80, id="fifteenth"),
        pytest.param(BLIND_SIXTEEN_PATH, BLIND_SIXTEEN_SHA256, BLIND_SIXTEEN, 80, id="sixteenth"),
        pytest.param(
            BLIND_SEVENTEEN_PATH, BLIND_SEVENTEEN_SHA256, BLIND_SEVENTEEN, 80, id="seventeenth"
        ),
        pytest.param(
            BLIND_EIGHTEEN_PATH, BLIND_EIGHTEEN_SHA256, BLIND_EIGHTEEN, 80, id="eighteenth"
        ),
        pytest.param(
            BLIND_NINETEEN_PATH, BLIND_NINETEEN_SHA256, BLIND_NINETEEN, 80, id="nineteenth"
        ),
        pytest.param(BLIND_TWENTY_PATH, BLIND_TWENTY_SHA256, BLIND_TWENTY, 80, id="twentieth"),
        pytest.param(
            BLIND_TWENTY_ONE_PATH,
            BLIND_TWENTY_ONE_SHA256,
            BLIND_TWENTY_ONE,
            80,
            id="twenty-first",
        ),
    ],
)
def test_each_blind_set_is_the_file_handed_over(
    path: Path, sha256: str, pairs: tuple[SentencePair, ...], size: int
) -> None:
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert len(pairs) == size and sum(pair.conflict for pair in pairs) == size // 2


def test_the_recorded_split_is_the_seeded_one() -> None:
    assert split() == (DEVELOPMENT_LINES, FINAL_TEST_LINES)
    assert len(ALL) == 40 and len(DEVELOPMENT) == len(FINAL_TEST) == 20
    assert sum(p.conflict for p in DEVELOPMENT) == sum(p.conflict for p in FINAL_TEST) == 10
    assert not set(DEVELOPMENT_LINES) & set(FINAL_TEST_LINES)
