"""qa21 #6: "аna" with a Cyrillic "а" was taken as an analyst's name without a word, and
printed as "ana" everywhere ("All analysts: ana, аna."). A name whose word mixes scripts
is said, its lesser script's letters escaped, and the analyst it looks like is named."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.annotation import look_alikes
from workbench.core.name_scripts import analyst_shown, mixed, mixed_script_problem

LATIN_NAMES = st.text(alphabet="abceiopxyjsBCEHIKMOPTX", min_size=2, max_size=10)
LOOK_ALIKE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}


@given(LATIN_NAMES, st.data())
def test_a_latin_name_with_one_cyrillic_letter_is_said_and_named_as_a_twin(
    name: str, data: st.DataObject
) -> None:
    places = [k for k, c in enumerate(name) if c in LOOK_ALIKE]
    if not places:
        return
    k = data.draw(st.sampled_from(places))
    twin = name[:k] + LOOK_ALIKE[name[k]] + name[k + 1 :]
    assert mixed(twin) and not mixed(name)
    assert f"\\u{ord(twin[k]):04x}" in analyst_shown(twin)
    assert analyst_shown(twin) != analyst_shown(name)
    assert look_alikes(twin, [name, "zz"]) == [name]
    assert look_alikes(name, [twin]) == [twin]


@given(
    st.sampled_from(["ana", "Ивановна", "Ελένη", "山田たろう", "김민준", "José", "Anna Ивановна"])
)
def test_a_name_of_one_script_a_word_is_left_alone(name: str) -> None:
    assert not mixed(name)
    assert mixed_script_problem(name) is None
    assert analyst_shown(name) == name


def test_the_name_qa21_met() -> None:
    assert mixed_script_problem("\u0430na") == (
        "analyst name \\u0430na mixes Latin and Cyrillic letters (\\u0430 is CYRILLIC SMALL "
        "LETTER A): it prints like a name written in one script, and is another analyst"
    )
    assert look_alikes("\u0430na", ["ana", "bob"]) == ["ana"]
