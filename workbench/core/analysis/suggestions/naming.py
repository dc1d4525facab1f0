"""The guideline's form of a speaker's phrase: what the source field records.

"The shortest span naming the speaker as it stands": titles and descriptions before a
full name are dropped ("Air Force Maj. Gen. Pat Ryder" -> "Pat Ryder", "Cal Fire
spokeswoman Lauren Pike" -> "Lauren Pike"), a title before a surname alone is kept
("General Ryder"), and "of Ukraine" after a titled name is dropped ("President
Volodymyr Zelensky of Ukraine" -> "Volodymyr Zelensky"). Organisations keep their whole
name ("South Korea’s National Intelligence Service").
"""

from __future__ import annotations

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.phrases import TokenSpan
from workbench.core.analysis.suggestions.tokens import Tokens


def guideline_span(tokens: Tokens, span: TokenSpan) -> TokenSpan:
    """Titles and descriptions before a full name dropped; "of Ukraine" after a titled
    name dropped ("President Volodymyr Zelensky of Ukraine" -> "Volodymyr Zelensky")."""
    start, end = span
    of = next((j for j in range(start, end) if tokens.lowers[j] == "of"), None)
    if of is not None and _titled_name_end(tokens, start, of):
        end = of
    name_start = end
    while name_start > start and (
        (tokens[name_start - 1].is_name and not tokens[name_start - 1].is_possessive)
        or tokens[name_start - 1].is_particle
    ):
        name_start -= 1
    names = list(range(name_start, end))
    titles = [j for j in names if _is_title(tokens, j)]
    first_name = titles[-1] + 1 if titles else name_start
    person = [j for j in range(first_name, end) if tokens[j].is_name]
    described = first_name > start and (
        not any(tokens.lowers[j] in lx.NP_CONNECTORS for j in range(start, first_name))
        or _role_word(tokens, first_name - 1)
    )
    if len(person) >= 2 and described and _all_names(tokens, first_name, end):
        return (first_name, end)
    if len(person) == 1 and first_name > start and _body_word(tokens, first_name - 1):
        return (first_name, end)  # "watchdog group ClearAir", "broadcaster NRK"
    titled = _after_title_phrase(tokens, start, end)
    if titled is not None:
        return titled
    return (start, end)


def _after_title_phrase(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """'National Coordinator for Security and Counterterrorism Hans Vermeer' -> "Hans
    Vermeer": a capitalised title with its office ("… for …", "… of …") before a full
    name; the name is the last two words. Not "Secretary of State Blinken" (a surname
    alone: "State" is itself a title word) and not a body ("Ministry of Defence")."""
    if end - start < 4:
        return None
    first, last = tokens[end - 2], tokens[end - 1]
    if not (first.is_name and last.is_name) or first.is_possessive:
        return None
    if any(tokens.lowers[j] in lx.TITLES or tokens[j].bare in lx.ROLES for j in (end - 2, end - 1)):
        return None
    title = next((j for j in range(start, end - 2) if tokens.lowers[j] in lx.TITLES), None)
    if title is None or not tokens[title].is_capitalised:
        return None
    office = range(title + 1, end - 2)
    connected = any(tokens.lowers[j] in ("for", "of") for j in office)
    capitalised = all(
        tokens[j].is_capitalised or tokens.lowers[j] in lx.NP_CONNECTORS for j in office
    )
    return (end - 2, end) if connected and capitalised else None


def _role_word(tokens: Tokens, j: int) -> bool:
    """A lower-case role right before the name: "National Rowing Federation president Ana Ruiz"."""
    return not tokens[j].is_capitalised and tokens[j].bare in lx.ROLES


def _body_word(tokens: Tokens, j: int) -> bool:
    """A lower-case word for an organisation right before its one-word name."""
    return not tokens[j].is_capitalised and tokens[j].bare in lx.ORGANISATION_ROLES


def _is_title(tokens: Tokens, j: int) -> bool:
    """A title or a person's role ("Prosecutor Maria Costa")."""
    word = tokens.lowers[j]
    return word in lx.TITLES or (word in lx.ROLES and word not in lx.ORGANISATION_ROLES)


def _all_names(tokens: Tokens, start: int, end: int) -> bool:
    return all(
        (tokens[j].is_name or tokens[j].is_particle)
        and tokens.lowers[j] not in lx.TITLES
        and tokens[j].bare not in lx.ORGANISATION_ROLES
        for j in range(start, end)
    )


def _titled_name_end(tokens: Tokens, start: int, end: int) -> bool:
    """Does tokens[start:end] end with a title followed by name words?"""
    j = end
    while j > start and tokens[j - 1].is_name and tokens.lowers[j - 1] not in lx.TITLES:
        j -= 1
    return j < end and j > start and tokens.lowers[j - 1] in lx.TITLES
