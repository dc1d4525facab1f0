"""qa13 Q13: a negation inside a quotation, read by the denial model alone, was shown as
a denial at .99, above every denial the rules find in words. The model's probability is
shown at most denial_model.LEARNED_CEILING, below the rules' denial words (0.70 and up),
and the tag it suggests is kept."""

from __future__ import annotations

from tests.fixtures.speaker_story import suggestion_at
from workbench.core.analysis.suggestions.denial_model import DenialModel

WORDS = 0.70
"""The lowest score of a denial the rules find in words ("rejected", "denied")."""

FESTIVAL = (
    "Festival director accused of ignoring crowd warnings\n\n"
    "Police accused festival director Ana Lopez of ignoring warnings that the site was "
    "overcrowded.\n\n"
    "Lopez rejected the accusation.\n\n"
    "“We did not expect so many people at the gate, and every steward we had was on duty "
    "for years,” she said.\n\n"
    "Lopez denied that any warning had reached her office.\n"
)


def test_a_quotation_read_by_the_model_alone_ranks_below_a_denial_word() -> None:
    quoted = suggestion_at(FESTIVAL, "“We did not expect")
    worded = suggestion_at(FESTIVAL, "Lopez denied")
    assert "denial" in quoted.tags
    assert quoted.denial_by_rules < quoted.scores["denial"] < WORDS
    assert worded.scores["denial"] == worded.denial_by_rules >= WORDS
    assert "denial" not in quoted.tags_at_least(WORDS)
    assert "denial" in worded.tags_at_least(WORDS)


def test_the_ceiling_never_lowers_the_rules() -> None:
    sure = DenialModel("t", frozenset(), {"bias": 9.0})
    assert sure.denial_score(0.02, {"bias": 1.0}) < WORDS
    assert sure.denial_score(0.92, {"bias": 1.0}) == 0.92
    assert sure.probability({"bias": 1.0}) > 0.99
