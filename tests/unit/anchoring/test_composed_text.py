"""tr11 T10: an article saved again in Unicode NFD (decomposed accents: what macOS tools
and some CMS exports write; identical on screen) is the same text to a reader. Every
annotation was orphaned as "another article: nothing of the annotated text is in it";
now each stays on its sentence, and the other way round too."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.anchored import annotate, article
from workbench.core.anchoring.another_article import is_another_article
from workbench.core.anchoring.placement import CHECK, UNCHANGED, is_anchored, plan_article

SPANISH = (  # /work/tr11-repro/T10.sh
    "Crónica de Mérida\n\nEl ministro José Pérez dijo que 40 personas murieron en Mérida.\n\n"
    "La policía confirmó la cifra el lunes, según la agencia.\n\n"
    "Otro párrafo sin acentos dice que 12 heridos siguen en el hospital.\n"
)


@pytest.mark.parametrize(("made", "saved"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_an_article_saved_again_in_another_unicode_form_keeps_every_annotation(
    made: str, saved: str
) -> None:
    old = article(unicodedata.normalize(made, SPANISH), "010_es")
    new = article(unicodedata.normalize(saved, SPANISH), "010_es")
    assert old.sha256 != new.sha256
    notes = [annotate(old, index, source="José Pérez") for index in (1, 2, 3)]
    assert not is_another_article(new.text, notes)
    plan = plan_article(new, notes)
    assert [(p.outcome, p.after.index, p.after.anchor_state) for p in plan.placements] == [
        (UNCHANGED, index, "current") for index in (1, 2, 3)
    ]
    assert all(is_anchored(p.after, new) for p in plan.placements)


def test_a_changed_figure_in_a_decomposed_text_is_to_check_on_its_sentence() -> None:
    """The similar-sentence step compares composed text: rapidfuzz's processing turned a
    combining accent into a space ("Me rida")."""
    old = article(SPANISH, "010_es")
    new = article(unicodedata.normalize("NFD", SPANISH.replace("40 ", "41 ")), "010_es")
    (placement,) = plan_article(new, [annotate(old, 1)]).placements
    assert (placement.outcome, placement.after.index) == (CHECK, 1)
    assert placement.similarity > 95


WORDS = st.sampled_from(
    ["Mérida", "José", "Pérez", "policía", "según", "niño", "Ångström", "Zoë", "dijo", "40"]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(WORDS, min_size=3, max_size=8), min_size=2, max_size=6), st.data())
def test_no_unicode_form_of_the_same_text_moves_or_marks_an_annotation(
    paragraphs: list[list[str]], data: st.DataObject
) -> None:
    text = "Título\n\n" + "\n\n".join(" ".join(words) + "." for words in paragraphs) + "\n"
    old = article(text)
    new = article(unicodedata.normalize("NFD", text))
    indexes = data.draw(st.sets(st.integers(1, len(old.sentences) - 1), min_size=1))
    plan = plan_article(new, [annotate(old, index) for index in sorted(indexes)])
    repeated = {s.text for s in old.sentences if [t.text for t in old.sentences].count(s.text) > 1}
    for placement in plan.placements:
        if placement.before.quote in repeated:
            continue  # copies of one sentence: told apart by their surroundings, or checked
        assert (placement.outcome, placement.after.index) == (UNCHANGED, placement.before.index)
        assert placement.after.anchor_state == "current"
