"""The denial model (denial_model.py): the bundled weights load, scores stay in [0, 1],
the training script reproduces the weights file byte for byte, and the model's reading
of "this answers an accusation" on hand-written articles (none from a gold set)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.denial_model_train import CHOSEN, OR, WEIGHTS, development_sets, read_set, weights_file
from bench.suggest_eval import DEV_SET
from workbench.core.analysis.suggestions.denial_model import (
    GROUPS,
    MODEL,
    DenialModel,
    DenialReader,
    RuleView,
    bundled_model,
    contested_words,
    group_of,
)
from workbench.core.analysis.suggestions.suggest import (
    RULE_DENIAL_THRESHOLD,
    SUGGESTER_VERSION,
    THRESHOLDS,
    Suggestion,
    suggest,
)
from workbench.core.corpus.articles import Article, load_corpus


def suggestions(text: str) -> list[Suggestion]:
    return suggest(Article(id="story", path=Path("story.txt"), text=text))


def sentence(found: list[Suggestion], text: str, start: str) -> Suggestion:
    return next(s for s in found if text[s.start : s.end].startswith(start))


def test_the_bundled_model_loads_with_its_version() -> None:
    model = bundled_model()
    assert model.version == "denial-model-2"
    assert SUGGESTER_VERSION.endswith("+" + model.version)
    assert model.groups <= set(GROUPS) and "rules" in model.groups
    assert "bias" in model.weights and len(model.weights) > 50
    assert all(math.isfinite(w) for w in model.weights.values())
    assert {group_of(name) for name in model.weights} <= model.groups | {"form"}


def test_the_model_shares_the_rules_threshold() -> None:
    """Combined OR: its bias moved so that its own threshold falls on the rules' 0.40,
    so one denial threshold serves both (bench/denial_model_train.py)."""
    assert CHOSEN.combine == OR
    assert THRESHOLDS["denial"] == RULE_DENIAL_THRESHOLD == 0.40


def test_the_combination_says_whether_the_model_may_lower_the_rules() -> None:
    weights = {"bias": -3.0}
    assert DenialModel("t", frozenset(), weights).denial_score(0.92, {"bias": 1.0}) == 0.92
    assert DenialModel("t", frozenset(), weights, MODEL).denial_score(0.92, {"bias": 1.0}) == 0.05
    assert DenialModel("t", frozenset(), weights, MODEL).denial_score(0.92, {}) == 0.92


def test_a_weights_file_with_an_unknown_combination_is_refused() -> None:
    text = '{"version": "x", "groups": [], "weights": {}, "combine": "sum"}'
    with pytest.raises(ValueError, match="sum"):
        DenialModel.from_json(text)


def test_probabilities_are_in_the_unit_interval_even_far_out() -> None:
    model = DenialModel("t", frozenset(GROUPS), {"bias": 0.0, "w:x": 1.0})
    assert model.probability({"bias": 1.0, "w:x": -1e6}) == 0.0
    assert model.probability({"bias": 1.0, "w:x": 1e6}) == 1.0
    assert model.probability({"unknown": 5.0}) == 0.5


def test_a_probability_does_not_depend_on_the_order_of_its_features() -> None:
    # Features are made by iterating sets of words, whose order changes with each
    # process's string hashing: a sum in that order made the possible conflicts' order
    # (sorted by probability) differ between two runs of the same summary, and a kept
    # summary then differed from the one computed.
    weights = {"a": 2.5, "b": 3e-16, "c": -1.0}
    forward = {"a": 1.0, "b": 1.0, "c": 1.0}
    other = {"a": 1.0, "c": 1.0, "b": 1.0}  # summed in this order: 1 ulp less
    model = DenialModel("test", frozenset(), weights)
    assert model.probability(forward) == model.probability(other)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_gets_denial_scores_in_the_unit_interval(text: str) -> None:
    for found in suggestions(text):
        assert 0.0 <= found.scores["denial"] <= 1.0


def test_scores_on_the_bundled_articles_are_in_the_unit_interval() -> None:
    for article in load_corpus():
        for found in suggest(article):
            assert all(0.0 <= value <= 1.0 for value in found.scores.values())


def test_the_reader_remembers_who_denied_and_who_was_accused() -> None:
    reader = DenialReader()
    reader.read(
        "Prosecutors accused Harlan Vost of hiding the losses.",
        RuleView(0.02, None, "accused", "Prosecutors"),
    )
    reader.read("Vost denied the charges.", RuleView(0.92, "word", "denied", "Vost"))
    features = reader.read(
        "Vost said the accounts had been audited twice.",
        RuleView(0.02, None, "said", "Vost"),
    )
    assert features["ctx:speaker accused"] == 1.0
    assert features["ctx:speaker denied before"] == 1.0
    assert features["ctx:same speaker after denial"] == 1.0
    assert features["ctx:speaker denied before, no rule cue"] == 1.0
    assert features["w:audited"] == 1.0 and features["p:been_audited"] == 1.0


@pytest.mark.skipif(not DEV_SET.exists(), reason=f"{DEV_SET} not found (it lives in ../shared)")
def test_the_training_script_reproduces_the_weights_file_byte_for_byte() -> None:
    sets = [read_set(name, articles) for name, articles in development_sets().items()]
    assert weights_file(sets).encode("utf-8") == WEIGHTS.read_bytes()


# ------------------------------------------------- hand-written articles (the guideline)

FACTORY = (
    "Prosecutors accused the Delmar paper mill of dumping waste in the river.\n"
    "The mill denied the accusation.\n"
    "Environmental inspectors said they would take water samples on Tuesday.\n"
    "Anglers said the river had been brown for a week.\n"
    "The mill said it would open its gates to reporters next month.\n"
)


def test_what_others_say_after_an_accusation_is_no_denial() -> None:
    """Only a source rejecting the claim denies it: a third party's plan, the accusers
    going on, the accused's plan are no answer."""
    found = suggestions(FACTORY)
    assert "denial" in sentence(found, FACTORY, "The mill denied").tags
    for start in ("Environmental inspectors", "Anglers said", "The mill said it would"):
        assert "denial" not in sentence(found, FACTORY, start).tags, start


def test_nothing_in_the_article_to_answer_leaves_the_rules_alone() -> None:
    """Nobody accused or answering anywhere else in the article: the model adds nothing
    (a sentence's own accusation is not one it answers)."""
    for text in (
        "The coach said he had been at his mother’s bedside that night.\n",
        "Asked whether he denied the allegations, the coach said he had no comment.\n",
    ):
        (only,) = suggestions(text)
        assert only.scores["denial"] == only.denial_by_rules


def test_a_headline_is_read_when_the_article_is_contested_after_it() -> None:
    """denial-model-2 reads headlines and ledes: what they answer may come after."""
    text = (
        "Defence says builder was abroad on night of attack\n"
        "Prosecutors accused the builder of assaulting a councillor in March.\n"
    )
    reader = DenialReader(contested_words(text))
    features = reader.read(
        "Defence says builder was abroad on night of attack",
        RuleView(0.02, None, "says", "Defence"),
    )
    assert features["ctx:position:0"] == 1.0
    assert features["ctx:nothing before"] == 1.0
    assert features["ctx:accusation only after"] == 1.0
    assert features["ctx:nothing before, explains"] == 1.0  # "abroad"
    lone = DenialReader(contested_words("The coach said he was abroad."))
    assert lone.read("The coach said he was abroad.", RuleView(0.02, None, "said", "coach")) == {}


def test_the_wording_features_read_a_denial_not_made() -> None:
    text = "Prosecutors accused the mayor of fraud.\n"
    for sentence, feature in (
        ("The mayor did not deny the payments.", "denial word negated"),
        ("The mayor said the denial was carefully worded.", "denial as a noun"),
        ("The paper said it stood by its reporting.", "stands by"),
    ):
        reader = DenialReader(contested_words(text + sentence))
        reader.read(
            "Prosecutors accused the mayor of fraud.",
            RuleView(0.02, None, "accused", "Prosecutors"),
        )
        features = reader.read(sentence, RuleView(0.02, None, "said", "The mayor"))
        assert features[feature] == 1.0, sentence
        assert "w:deny" not in features and "w:denial" not in features  # the rules' words


def test_the_accuser_going_on_is_read_as_the_accuser() -> None:
    reader = DenialReader(2)
    reader.read(
        "Prosecutors accused Harlan Vost of fraud.", RuleView(0.02, None, "accused", "Prosecutors")
    )
    reader.read("Vost denied the charges.", RuleView(0.92, "word", "denied", "Vost"))
    features = reader.read(
        "“The evidence is overwhelming,” the prosecutors said.",
        RuleView(0.02, None, "said", "the prosecutors"),
    )
    assert features["ctx:speaker accuses"] == 1.0
    assert features["ctx:speaker accuses, after a denial"] == 1.0
    assert "ctx:speaker accused" not in features


def test_an_act_with_its_reason_is_left_to_the_rules() -> None:
    text = (
        "The minister denied the newspaper’s report.\n"
        "He resigned on Tuesday, saying the story had become a distraction.\n"
    )
    last = suggestions(text)[-1]
    assert last.scores["denial"] == last.denial_by_rules
    assert "denial" not in last.tags


def test_a_denial_the_rules_find_is_never_lowered() -> None:
    found = suggestions(FACTORY)
    for suggestion in found:
        assert suggestion.scores["denial"] >= suggestion.denial_by_rules
