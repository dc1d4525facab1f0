"""Queries an analyst types, with the bundled sentence each must find.

Words in any order, dropped or swapped letters, numbers with or without separators,
British spellings: what a person remembers of a sentence, not its exact phrase. Each
entry is (query, article id prefix, sentence index from 0, what it exercises).
"""

from __future__ import annotations

QUERIES: list[tuple[str, str, int, str]] = [
    ("zelenskyy troops", "004", 13, "two words apart, in order"),
    ("troops zelenskyy", "004", 13, "words in the other order"),
    ("zelensky troops", "004", 13, "a letter missing"),
    ("zelesnkyy units troops", "004", 13, "letters swapped"),
    ("groundless rumors envoy", "004", 40, "words apart"),
    ("groundles rumours", "004", 40, "a letter missing, British spelling"),
    ("barefaced lies", "002", 19, "an exact phrase"),
    ("lies barefaced nebenzia", "002", 19, "words in any order"),
    ("nebenzia ambassador disinformation", "002", 18, "words apart"),
    ("nebenzya ambasador", "002", 18, "two typos"),
    ("11000 north koreans", "003", 8, "a number without its separator"),
    ("combined force 50,000", "000", 15, "a number with its separator"),
    ("ryder kursk combat", "000", 5, "a name and two words"),
    ("facial recognition soldier", "004", 36, "hyphenated in the text"),
    ("cannon fodder mercenaries", "002", 6, "words across brackets"),
    ("fighters regaining square kilometers", "003", 11, "words apart"),
    ("tass putin kilometer every day", "003", 17, "name and words"),
    ("escalation already happened", "004", 30, "a short sentence"),
    ("fourth largest military", "004", 46, "hyphenated in the text"),
    ("melnyk testing ground", "000", 21, "a name and a phrase"),
    ("patience invasion running out", "001", 39, "words apart"),
    ("intercontinetal balistic missiles", "001", 31, "two misspelt words"),
    ("600000 killed wounded russian", "001", 33, "a large number"),
    ("wounded killed 100 1000", "003", 1, "numbers only"),
    ("lloyd austin rome evidence", "004", 6, "names and a place"),
    ("hat in hand pariah", "002", 24, "short words"),
    ("language barriers terrain", "001", 21, "words apart"),
    ("korean formations units together", "004", 54, "words in any order"),
    ("budanov war zone", "004", 16, "a name and a title"),
    ("conceal faces death", "003", 27, "words apart"),
    ("northkorean casualties indications", "000", 27, "a missing space"),
    ("kim jong un hesitate", "002", 6, "a hyphenated name typed with spaces"),
]
