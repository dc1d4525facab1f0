"""qa16 Q7: a denial that gives its verdict as a predicate ("said that figure was
“categorically false”") was read as no denial of anything: no denying verb, so no denied
clause, and the figure it answers, said by another speaker just before, was not linked.
What stands before "was false" is what it denies, as the object of "dismissed … as
false" is."""

from __future__ import annotations

import pytest

from tests.fixtures.sentences import sentence_annotation
from tests.unit.analysis.test_ledger import _claimed, group_with, ledger_of
from workbench.core.analysis.ledger.answers import anaphoric, denied_clause, denied_text

CASTELLANOS = (
    "Ibáñez-Röhl's campaign manager, Sofía Castellanos, said that figure was “categorically "
    "false” and that observers had counted at least 18,000 ballots set aside."
)


@pytest.mark.parametrize(
    ("quote", "denied"),
    [
        (CASTELLANOS, "that figure"),
        ("The ministry said the reports were completely false.", "the reports"),
        ("“This result is a lie,” he told reporters.", "This result"),
        ("The mayor said claims that 200 people had died were baseless.",
         "claims that 200 people had died"),
        ("Officials said it was untrue that troops had been sent to Kursk.",
         "troops had been sent to Kursk"),
    ],
)  # fmt: skip
def test_a_verdict_given_as_a_predicate_denies_its_subject(quote: str, denied: str) -> None:
    clause = denied_clause(quote)
    assert clause is not None
    assert quote[clause[0] : clause[1]].strip(' “”".') == denied
    assert denied_text(quote) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "The commission said the count was complete.",
        "It is unclear when the count will resume.",
        "“There is no evidence that valid ballots were destroyed,” Jonas Eriksen said.",
    ],
)
def test_no_verdict_no_denied_clause(quote: str) -> None:
    assert denied_clause(quote) is None


def test_that_figure_is_false_answers_the_figure_just_before() -> None:
    assert anaphoric(CASTELLANOS)
    spokesman = _claimed(
        0, "He said the number of invalid ballots stood at 3,200.", "Piet van der Linde"
    )
    castellanos = _claimed(1, CASTELLANOS, "Sofía Castellanos", "denial")
    ledger = ledger_of([spokesman, castellanos])
    assert group_with(ledger, spokesman.quote).denials == (castellanos,)


def test_the_same_speakers_verdict_answers_nobody_before() -> None:
    own = _claimed(0, "Mr. Ibáñez-Röhl said 18,000 votes had been thrown out.", "Mr. Ibáñez-Röhl")
    lie = sentence_annotation(
        "“This result is a lie,” he told reporters.", index=1, source="Mr. Ibáñez-Röhl",
        tags=("claim", "attribution", "denial"),
    )  # fmt: skip
    ledger = ledger_of([own, lie])
    assert all(group.denials == () for group in ledger.groups)
