"""A number in a sentence and what it counts: the value every figure reader shares.

Its own module so that readers of figures (quantities.py, arithmetic.py) can make and
change quantities without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.analysis.lexicon import VAGUE_NUMBERS


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence and what it counts."""

    text: str
    """The span as written, with its qualifier ("at least 10,000 North Korean troops")."""
    start: int
    end: int
    value: float
    what: str | None
    """Normalised counted thing: troops, killed, money, square miles...; None if unknown."""
    who: str | None = None
    """Nationality counted, when the phrase names it: "North Korean"."""
    qualifier: str | None = None
    """As written, lower-case: "at least", "about", "up to"..."""
    bound: str = "exact"
    """exact, lower, upper or approximate (from the qualifier)."""
    unit: str | None = None
    """Currency code or measure for money and distances ("USD", "square miles")."""
    low: float | None = None
    """A range's lower end ("between 200 and 300 people": 200, with bound "range")."""

    @property
    def topic(self) -> str:
        """What is counted, with who when known: "North Korean troops"."""
        return f"{self.who} {self.what}" if self.who else str(self.what)

    @property
    def vague(self) -> bool:
        """A vague plural ("thousands of"): the least it can mean is a bound for
        conflicts, not a figure two claims can share."""
        return self.qualifier in VAGUE_NUMBERS
