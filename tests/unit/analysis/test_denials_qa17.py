"""qa17 Q3: two denials of a disputed flood toll were aimed at no claim group.

"Interior Minister Katarina Vollenweider-Amsel said there was "no basis" for the figure
of 47 given by the town's mayor." has no denying verb: nothing was read as denied but
"basis", and its rare words (the minister's name) led to no group stating 47. "Ms.
Vollenweider-Amsel said that 14 people remained missing, not 30." puts a figure aside
(30) for her own: nothing counted the 30, and her name was among the words a claim had
to take up. Now what "no basis for" (or grounds, truth, foundation) precedes is denied
as a denying verb's object is, a figure denied counts as a word taken up and leads to
the groups stating it, and a denial without a denying verb that puts a figure aside
answers only claims stating that figure."""

from __future__ import annotations

from tests.unit.analysis.test_ledger import _claimed, ledger_of
from workbench.core.analysis.ledger.answers import denied_text, denied_values, denied_words
from workbench.core.annotation import Annotation

NO_BASIS = (
    'Interior Minister Katarina Vollenweider-Amsel said there was "no basis" for the figure '
    "of 47 given by the town's mayor."
)
NOT_30 = "Ms. Vollenweider-Amsel said that 14 people remained missing, not 30."
MAYOR_47 = (
    "The mayor of Dornbach said on Tuesday that at least 47 people had died in last week's "
    "flash flood."
)
BODIES_47 = (
    "Mayor Ingrid Halvorsen-Okonkwo told reporters that rescue teams had recovered 47 bodies "
    "from the Selde river valley."
)
MISSING_30 = "She said that another 30 residents were still missing and that the toll would rise."
SHELTERS = "The Red Cross also estimated that about 6,000 people remained in emergency shelters."
RED_CROSS_41 = "The International Red Cross said at least 41 people had been killed in the flood."


def flood() -> list[Annotation]:
    """The toll's claims and the minister's two denials, in one article."""
    return [
        _claimed(0, MAYOR_47, "mayor of Dornbach"),
        _claimed(1, BODIES_47, "Ingrid Halvorsen-Okonkwo"),
        _claimed(2, MISSING_30, "She"),
        _claimed(3, RED_CROSS_41, "International Red Cross"),
        _claimed(4, SHELTERS, "Red Cross"),
        _claimed(8, NO_BASIS, "Katarina Vollenweider-Amsel", "denial"),
        _claimed(9, NOT_30, "Ms. Vollenweider-Amsel", "denial"),
    ]


def test_what_has_no_basis_is_what_is_denied() -> None:
    assert denied_text(NO_BASIS) == "the figure of 47 given by the town's mayor"
    assert denied_values(NO_BASIS) == {"47"}
    assert denied_text("The police said there was no truth to reports of looting.") == (
        "reports of looting"
    )


def test_a_figure_put_aside_is_what_a_statement_denies() -> None:
    assert denied_values(NOT_30) == {"30"}
    words = denied_words(NOT_30)
    assert words.figure_needed and not words & {"volle", "amsel"}, "not who speaks"
    assert denied_values("The ministry said 14 people remained missing.") == frozenset()


def test_both_denials_answer_the_claims_of_their_figure_only() -> None:
    ledger = ledger_of(flood())
    denied = {
        member.quote: {d.quote for d in group.denials}
        for group in ledger.groups
        for member in group.members
    }
    assert NO_BASIS in denied[MAYOR_47] and NO_BASIS in denied[BODIES_47]
    assert denied[MISSING_30] == {NOT_30}
    assert not denied[SHELTERS], "people remained, but not 30 of them"
    assert not denied[RED_CROSS_41]


def test_the_live_ledger_follows_the_figure_links_edit_by_edit() -> None:
    """The open summary's ledger (ledger/live.py) is compared with the same candidates:
    a claim stating the denied figure tagged, untagged, tagged again, and the denial
    itself taken away and put back, each edit giving build_ledger()'s ledger."""
    from itertools import permutations

    from workbench.core.analysis.ledger.ledger import build_ledger
    from workbench.core.analysis.ledger.live import LiveLedger
    from workbench.core.analysis.ledger.settings import LedgerSettings

    claims = flood()

    def source(annotation):  # type: ignore[no-untyped-def]
        return annotation.source.strip() if annotation.source else None

    for knobs in (LedgerSettings(), LedgerSettings(max_block=1)):
        for first, second in permutations(range(len(claims)), 2):
            current = {a.key: a for a in claims}
            live = LiveLedger(current.values(), knobs, source)
            for taken in (claims[first], claims[second]):
                current.pop(taken.key)
                live.apply(taken, None)
                assert live.ledger() == build_ledger(
                    sorted(current.values(), key=lambda a: a.key), knobs
                )
            for back in (claims[second], claims[first]):
                current[back.key] = back
                live.apply(None, back)
                assert live.ledger() == build_ledger(
                    sorted(current.values(), key=lambda a: a.key), knobs
                )
