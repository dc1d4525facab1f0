"""The fuzzy matching rules themselves: how a text is scanned never changes what matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.corpus import matching
from workbench.core.corpus.matching import Query, match, search_key

WORDS = ["troops", "korean", "korea", "north", "said", "ministry", "trops", "the", "in"]
texts = st.lists(
    st.lists(st.sampled_from([*WORDS, "x", "northern", "minister"]), max_size=8).map(" ".join),
    max_size=30,
)


@given(
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    keys=texts,
    cutoff=st.sampled_from([0.0, 85.0]),
)
def test_common_and_rare_words_are_scanned_differently_with_the_same_result(
    query: str, keys: list[str], cutoff: float
) -> None:
    parsed = Query.parse(query)
    normalised = [search_key(key) for key in keys]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(matching, "_is_common", lambda _word, _texts: True)
        split = match(parsed, normalised, cutoff)
        patch.setattr(matching, "_is_common", lambda _word, _texts: False)
        whole = match(parsed, normalised, cutoff)
    assert split == whole


def test_a_cutoff_above_a_words_allowance_asks_for_a_closer_match() -> None:
    keys = [search_key("North Korea's troops"), search_key("the trops moved")]
    assert [offset for offset, _ in match(Query.parse("troops korea"), keys)] == [0]
    assert [offset for offset, _ in match(Query.parse("troops"), keys)] == [0, 1]
    assert [offset for offset, _ in match(Query.parse("troops"), keys, 85.0)] == [0]
