"""What a denial denies, as the Denials tab and the report show it ("Denies: …"), ends
outside quotation marks (qa13 Q9: `Baltrå Lines called the report "completely false"`
showed `Denies: the report "completely`)."""

from __future__ import annotations

import pytest

from workbench.core.analysis.ledger.answers import denied_text, denied_words


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        (
            'Baltrå Lines called the report "completely false" and said only 280 people '
            "were on board.",
            "the report",
        ),
        ("The port called the story “utterly baseless”.", "the story"),
        ("The firm called the report “misleading and false” on Monday.", "the report"),
        (
            'The firm rejected reports that the ferry was "overloaded", saying it was wrong.',
            'reports that the ferry was "overloaded"',
        ),
        ("He denied “reports of 8,000 troops” in Kursk.", "“reports of 8,000 troops” in Kursk"),
        (
            'He denied that 8,000 "volunteers" had been sent.',
            'that 8,000 "volunteers" had been sent',
        ),
    ],
)
def test_the_denied_fragment_is_not_cut_inside_a_quotation(quote: str, shown: str) -> None:
    assert denied_text(quote) == shown


def test_an_intensified_verdict_is_the_verdict_not_what_is_denied() -> None:
    quote = 'Baltrå Lines called the report "completely false".'
    assert "compl" not in denied_words(quote)
