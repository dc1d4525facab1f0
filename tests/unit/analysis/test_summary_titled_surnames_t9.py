"""tr11 T9, the rest: in the summary, "President Biden" (an article naming no Biden in
full) was counted as Hunter Biden's, named in full and without a title in another
article. The office fits a full name only as the sentences it was typed on write it
("Air Force Maj. Gen. Pat Ryder, …"), with the texts or without them."""

from __future__ import annotations

from tests.unit.analysis.test_summary_surnames import article, speakers, summarise

HUNTER = (
    "Report H\n\n"
    "Hunter Biden, the president's son, said he had paid the back taxes.\n\n"
    "He said the charges were political.\n"
)
PRESIDENT = "Report P\n\nPresident Biden said he would not pardon his son.\n"
RYDER = (
    "Report R\n\n"
    "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, said 10,000 troops had moved.\n"
)
GENERAL = "Report G\n\nGeneral Ryder said the troops were in Kursk.\n"


def test_president_biden_is_not_hunter_biden() -> None:
    hunter, president = article("h", HUNTER), article("p", PRESIDENT)
    typed = {("h", 1): "Hunter Biden", ("p", 1): "President Biden"}
    for texts in (True, False):
        found = speakers(summarise([hunter, president], typed, texts=texts))
        assert found["Hunter Biden"] == ("h",)
        assert found["President Biden"] == ("p",)


def test_general_ryder_is_the_general_named_in_full() -> None:
    """Pat Ryder, typed without his rank on a sentence that writes it, is General Ryder
    of another article, with the texts or without them."""
    ryder, general = article("r", RYDER), article("g", GENERAL)
    typed = {("r", 1): "Pat Ryder", ("g", 1): "General Ryder"}
    for texts in (True, False):
        found = speakers(summarise([ryder, general], typed, texts=texts))
        assert found == {"Pat Ryder": ("g", "r")}
