"""qa16 Q2 in the summary's surname reader (sources/surnames.py): "Governor Marwood" named
"Ilse Marwood's", the full name its article wrote before a possessive ("Governor Ilse
Marwood's lead"), and the Sources tab named her so. The suggester's reading was fixed in
rules-20; this one reads the text itself."""

from __future__ import annotations

from tests.unit.analysis.test_summary_surnames import article, speakers, summarise

LEAD = (
    "Lead narrows\n\n"
    "Governor Ilse Marwood's lead over her challenger has narrowed to about 1,200 votes.\n\n"
    "Governor Marwood denied that her staff had any contact with counting officials.\n"
)


def test_a_surname_read_in_its_article_is_named_without_a_possessive() -> None:
    found = speakers(summarise([article("a", LEAD)], {("a", 2): "Governor Marwood"}))
    assert found == {"Ilse Marwood": ("a",)}
