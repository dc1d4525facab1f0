"""What the panel says of an annotation to check whose sentence has its very words."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.anchored import annotate, article
from workbench.tui.tagged_line import tagged_text

STORY = article(
    "Operator denies ferry was overloaded\n"
    '"The ship carried 280 people," said Tomás Kovač, the company\'s spokesman.\n'
    "Mr. Kovač said the crew had followed every procedure.\n"
)


def test_a_sentence_first_in_its_paragraph_names_the_paragraph_before_it() -> None:
    """qa13 Q14: "as tagged: the same words, first in its paragraph" of a sentence first
    in its paragraph before the correction and after it named nothing that changed."""
    tagged = annotate(STORY, 2)
    moved = replace(tagged, index=3, anchor_state="check")
    shown = tagged_text(moved, tagged, 120)
    assert shown is not None
    assert shown.plain == (
        "the same words, first in its paragraph, after one ending "
        "“…Kovač, the company's spokesman.”"
    )
