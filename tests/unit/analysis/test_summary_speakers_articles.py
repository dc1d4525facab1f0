"""qa8 Q7: one speaker, one Sources row, however the article's words are typed: a
leading article is not part of a source's name ("union" is "The union"), a body's role
is the body in every sentence (never "fire service → Main Uddin" in one only), and an
office the article writes with a name is that person ("Minister", "Labour Minister" of
"Labour Minister Shirin Akhter")."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.analysis.test_summary_speakers import article, index_of, row, summarise, tag
from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.speakers import PLAIN, ROLE, source_kind
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest, typed_speakers
from workbench.core.annotation import Suggested

UNION = (
    "Factory Fire\n"
    "The Bangladesh Garment Workers Union said 23 workers were still missing. "
    "The union put the toll at 55. "
    "The union said 40 families had not been paid. "
    "A spokesman said the talks would resume."
)
FIRE = (
    "Factory Fire\n"
    "A fire killed 41 workers, the fire service said. "
    "The blaze broke out at 9 a.m., fire service director Main Uddin told reporters. "
    "More than 100 people were injured, according to the fire service."
)
MINISTER = (
    "Minister rejects union's figure\n"
    "Labour Minister Shirin Akhter denied that any workers were missing. "
    "She said the final death toll was 47. "
    "The Labour Minister said each family would be paid."
)


def test_a_role_typed_without_its_article_is_the_role_with_it() -> None:
    union = article("u", UNION)
    annotations = [
        tag(union, 1, "Bangladesh Garment Workers Union"),
        tag(union, 2, "union"),
        tag(union, 3, "The union"),
        tag(union, 4, "spokesman"),
    ]
    summary = summarise(annotations, [union])
    found = row(summary, "Bangladesh Garment Workers Union")
    assert found.sentences == 3
    assert "union → Bangladesh Garment Workers Union" in found.variants
    # "A spokesman said": someone the article does not name, as typed
    assert row(summary, "spokesman").sentences == 1
    for role in ("union", "fire service", "Minister", "Labour Minister", "spokesman"):
        assert source_kind(role) == ROLE, role
    for plain in ("officials", "police", "Union", "Kremlin", "South Korean minister"):
        assert source_kind(plain) == PLAIN, plain


def test_a_body_s_role_is_never_the_person_who_speaks_for_it() -> None:
    fire = article("f", FIRE)
    said, according = 1, index_of(fire, "according to")
    asked = {according: ["the fire service"]}
    assert typed_speakers(fire.text, fire.sentences, asked) == {
        (according, "the fire service"): "fire service"  # the body, not its director
    }
    shown = next(s for s in suggest(fire) if s.index == according)
    assert shown.resolved_source != "Main Uddin"
    # an acceptance a suggester before qa8 Q7 stored is not followed either
    old = Suggested(SUGGESTER_VERSION, shown.tags, "fire service", "Main Uddin", dict(shown.scores))
    accepted = replace(tag(fire, according, "fire service"), suggestion=old)
    assert speakers.accepted_speaker(accepted) is None
    summary = summarise([tag(fire, said, "fire service"), accepted], [fire])
    assert [(r.canonical, r.sentences) for r in summary.sources] == [("fire service", 2)]


def test_an_office_is_the_person_the_article_names_in_it() -> None:
    minister = article("m", MINISTER)
    annotations = [
        tag(minister, 0, "Minister"),
        tag(minister, 1, "Shirin Akhter"),
        tag(minister, 2, "She"),
        tag(minister, 3, "Labour Minister"),
    ]
    summary = summarise(annotations, [minister])
    assert [(r.canonical, r.sentences) for r in summary.sources] == [("Shirin Akhter", 4)]
    # two ministers named: "Minister" is neither
    two = article("m2", MINISTER.replace(" denied", " and Finance Minister Abul Kalam denied"))
    summary = summarise([tag(two, 0, "Minister"), tag(two, 3, "Labour Minister")], [two])
    assert {r.canonical for r in summary.sources} == {"Minister", "Shirin Akhter"}


WIRE = (
    "Blast at Varnholm plant\n"
    "Norrchem denied that it had ignored safety warnings, calling the reports baseless. "
    "The company said in a statement that the plant had passed its last inspection in January."
)


def test_a_body_s_role_accepted_as_the_body_s_one_word_name_is_that_body() -> None:
    """qa9 Q10: the suggestion showed "company → Norrchem" and the analyst kept it, yet
    the Sources table listed "company" apart: a one-word name was taken for a person's,
    and a body's role is never followed to a person."""
    wire = article("w", WIRE)
    said = index_of(wire, "The company said")
    shown = next(s for s in suggest(wire) if s.index == said)
    assert (shown.source, shown.resolved_source) == ("company", "Norrchem")
    provenance = Suggested(SUGGESTER_VERSION, shown.tags, "company", "Norrchem", dict(shown.scores))
    accepted = replace(tag(wire, said, "company"), suggestion=provenance)
    assert speakers.accepted_speaker(accepted) == "Norrchem"
    summary = summarise([tag(wire, 0, "Norrchem"), accepted], [wire])
    assert [(r.canonical, r.sentences) for r in summary.sources] == [("Norrchem", 2)]
