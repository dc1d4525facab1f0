"""qa15's ferry story: denials that point back at the claim before them.

Q2: "Lakeline Transport rejected that figure as "pure speculation" and said only 212
passengers had boarded." was read as denying 212, the operator's own figure: "that
figure" was taken for a proposition ("rejected that troops were sent"), so the verdict
was not read and the denied clause ran on into what the operator said instead.
Q4: "disputed the coast guard's figure", "rejected that explanation" name what they deny
only by its kind and whose it is, and were linked to no claim."""

from __future__ import annotations

from tests.unit.analysis.test_ledger import _claimed, ledger_of
from workbench.core.analysis.ledger.answers import (
    anaphoric,
    denied_figures,
    denied_text,
    denied_words,
    whose_claim,
)

REJECTED = (
    'Lakeline Transport rejected that figure as "pure speculation" and said only 212 '
    "passengers had boarded."
)
DISPUTED = (
    "Mayor Tomas Reyk disputed the coast guard's figure, saying 38 bodies had been recovered."
)
EXPLANATION = "Mayor Tomas Reyk rejected that explanation."


def test_what_the_denier_says_instead_is_not_what_it_denies() -> None:
    assert denied_figures(REJECTED) == ()
    assert denied_text(REJECTED) == "that figure"
    assert anaphoric(REJECTED)
    # without a verdict too, and with the other reporting verbs
    plain = "The operator rejected that figure and insisted 212 passengers had boarded."
    assert denied_figures(plain) == () and anaphoric(plain)


def test_a_denial_that_says_what_is_not_so_still_denies_it() -> None:
    """What follows "and said" is denied when it says something is not so (qa10 Q7's
    "said no troops were in Kursk"), and a proposition after "that" stays one."""
    putin = "Mr. Putin dismissed the reports as a fabrication and said no troops were in Kursk."
    assert denied_words(putin) == {"kursk"} and not anaphoric(putin)
    assert denied_figures("Police denied that 52 people had died and said 41 had.") == (
        (52.0, 52.0),
    )
    proposition = "The ministry denied that figures had been hidden."
    assert not anaphoric(proposition)


def test_a_denial_naming_whose_claim_by_several_words_names_it_only_by_its_kind() -> None:
    assert anaphoric(DISPUTED) and whose_claim(DISPUTED) == "guard"
    assert anaphoric(EXPLANATION)


def test_the_claim_before_such_a_denial_is_what_it_denies() -> None:
    tickets = (
        "Port records seen by this newspaper show that 264 tickets were sold for the "
        "evening crossing."
    )
    toll = "The coast guard said on Thursday that the death toll had reached 35."
    counts = "Captain Elena Marsh said only deaths confirmed by a medical examiner are counted."
    ledger = ledger_of(
        [
            _claimed(0, tickets, "Port records"),
            _claimed(1, REJECTED, "Lakeline Transport", "denial"),
            _claimed(2, toll, "coast guard"),
            _claimed(3, DISPUTED, "Tomas Reyk", "denial"),
            _claimed(4, counts, "Elena Marsh"),
            _claimed(5, EXPLANATION, "Tomas Reyk", "denial"),
        ]
    )
    denied = {
        member.quote: [d.quote for d in group.denials]
        for group in ledger.groups
        for member in group.members
    }
    assert denied[tickets] == [REJECTED]
    assert denied[toll] == [DISPUTED]
    assert denied[counts] == [EXPLANATION]
