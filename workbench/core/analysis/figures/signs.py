"""Temperatures below zero: "minus 12C", "-12C", "−4 °F".

A number's pattern never starts after a hyphen (it would read "COVID-19" or "2023-24"),
and a sign in words was not read at all, so "dropped to minus 12C" was a reading of 12
degrees above zero: a false alarm against "a low of 10F" (about minus 12C). Only a
temperature takes a sign here: elsewhere a minus before a number is rarely a sign in
news text ("a 3-2 win", "-based").
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.core.analysis.figures.quantity import Quantity

_SIGN_BEFORE_TEMPERATURE = re.compile(
    r"[-−](?<![\w.,:/\-−][-−])(?=\d+(?:\.\d+)?\s?(?:°\s?[CF]\b|[CF]\b|degrees?\b))"
)
"""A minus sign joined to a temperature ("-12C", "−4 °F", "-3 degrees"), not to a word
before it. The sign comes first in the pattern so that a search looks only at signs."""
_MINUS_WORD = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_TEMPERATURES = frozenset(["celsius", "fahrenheit", "degrees", "degree"])
"""What a sign makes negative: the bare "degrees" too, whose sign the pattern above
blanks as it does a temperature's ("-10 degrees" had been read as 10 degrees, rv6 R1)."""
_DIGIT = re.compile(r"\d")


def without_signs(sentence: str) -> str:
    """`sentence` with each minus sign joined to a temperature made a space (same
    length, so every offset still points into `sentence`), for the number pattern to
    match the number after it."""
    if ("-" not in sentence and "−" not in sentence) or (
        _SIGN_BEFORE_TEMPERATURE.search(sentence) is None
    ):
        return sentence
    return _SIGN_BEFORE_TEMPERATURE.sub(" ", sentence)


def may_be_signed(sentence: str, scanned: str) -> bool:
    """Whether below_zero need look: a sign was blanked, or "minus" is written."""
    return scanned is not sentence or "inus" in sentence or "egative" in sentence


def below_zero(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each temperature after a minus sign or "minus" read below zero (its
    span widened to the sign, as written)."""
    signed = []
    for quantity in found:
        digit = _DIGIT.search(quantity.text)
        if quantity.what not in _TEMPERATURES or digit is None or quantity.value < 0:
            signed.append(quantity)
            continue
        number_start = quantity.start + digit.start()
        sign_start = _sign_start(sentence, number_start)
        if sign_start is None:
            signed.append(quantity)
            continue
        start = min(quantity.start, sign_start)
        signed.append(
            replace(
                quantity,
                value=-quantity.value,
                start=start,
                text=sentence[start : quantity.end],
            )
        )
    return signed


def _sign_start(sentence: str, number_start: int) -> int | None:
    """Where the sign before the number at `number_start` starts, or None."""
    if number_start and sentence[number_start - 1] in "-−":
        return number_start - 1
    word = _MINUS_WORD.search(sentence, max(0, number_start - 12), number_start)
    return None if word is None else word.start()
