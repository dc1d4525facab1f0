"""The review's source filter: a speaker as the summary names them, every spelling."""

from __future__ import annotations

from workbench.tui.state.review_rows import NO_SOURCE, ReviewQuery, speakers

SOURCES = frozenset({"Austin", "Mr. Austin", "Lloyd Austin", "TASS", "he"})


def test_a_speakers_spellings_are_one_choice() -> None:
    found = speakers(SOURCES)
    assert found["Lloyd Austin"] == ("Austin", "Lloyd Austin", "Mr. Austin")
    assert found["TASS"] == ("TASS",)


def test_the_query_keeps_every_spelling_of_the_speaker() -> None:
    query = ReviewQuery(source="Lloyd Austin").with_spellings(SOURCES)
    assert query.source_spellings == {"Austin", "Mr. Austin", "Lloyd Austin"}
    assert ReviewQuery(source=NO_SOURCE).with_spellings(SOURCES).source_spellings == set()
