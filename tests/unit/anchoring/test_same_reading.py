"""qa10 Q9, qa9 Q7: a source read from its neighbours ("he", "the ministry") kept at its
sentence of a changed text is marked re-anchored only when its speaker may now read
differently: never when the old text, recovered from the annotations' quotes and
proven by its sha256, reads the same speaker there (core/anchoring/same_reading.py);
when nothing recovers the old text, as before (same_start.py), it is marked."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.speakers import Speakers, reads_its_neighbours
from workbench.core.anchoring.placement import CHECK, UNCHANGED, plan_article
from workbench.core.anchoring.same_reading import recovered_text
from workbench.core.annotation import Annotation

DAY3 = (  # /work/qa10-story-v1/103_halden_day3.txt
    "Forty-one dead in Halden flood; prime minister denies cover-up\n"
    "by https://dravianews.example/by/ana-lind · Dravia News Agency · Monday, November 16, 2026\n"
    "The death toll from the collapse of the Halden Dam has risen to forty-one, the interior "
    "ministry said on Monday.\n"
    "Prime Minister Karel Osk denied on Monday that the government had hidden the real number "
    "of victims.\n"
    "“There is no cover-up, and there will be no cover-up,” Mr. Osk said in a televised "
    "address.\n"
    "He said 112 people had been injured, 19 of them seriously.\n"
    "Opposition leader Marta Vell said at least 60 people had died and that the ministry was "
    "“sitting on the numbers.”\n"
    "The ministry called Ms. Vell's claim “a lie.”\n"
    "Rescuers said 22 people were still missing, down from 40 on Saturday.\n"
    "About 12,000 people remain in shelters, the Red Cross said.\n"
    "Halden Hydro's chief executive, Jonas Brandt, resigned on Monday.\n"
    "In a statement, he did not address the spillway reports.\n"
    "Mr. Brandt's resignation is not an admission of fault, the company said.\n"
)
EDITED = DAY3.replace("at least 60", "at least 70").replace(
    "Rescuers said", "Rescue officials said"
)
SOURCES = {  # ana's sources in /tmp/qa10/ana.json (index: source); the byline untagged
    0: "minister",
    2: "interior ministry",
    3: "Karel Osk",
    4: "Mr. Osk",
    5: "He",
    6: "Marta Vell",
    7: "The ministry",
    8: "Rescuers",
    9: "Red Cross",
    10: None,
    11: "he",
    12: "Halden Hydro",
}


def day3_annotations(annotator: str = "ana") -> list[Annotation]:
    old = article(DAY3, "103")
    return [annotate(old, index, annotator, source=source) for index, source in SOURCES.items()]


def test_an_edit_of_two_sentences_marks_those_two_and_no_other() -> None:
    """qa10 Q9: s7 and s9 edited; s3, s8 and s12 (a role, a role, "he") kept their
    sentence and their speaker, and were marked "moved" all the same."""
    plan = plan_article(article(EDITED, "103"), day3_annotations())
    found = {
        p.before.index: (p.outcome, p.after.index, p.after.anchor_state) for p in plan.placements
    }
    assert found == {
        index: (CHECK, index, "check") if index in (6, 8) else (UNCHANGED, index, "current")
        for index in SOURCES
    }
    neighbours = [p.before.index for p in plan.placements if reads_its_neighbours(p.before)]
    assert neighbours == [0, 2, 5, 7, 11], "what the rule is about, in this article"


def test_the_old_text_is_recovered_only_when_its_sha256_proves_it() -> None:
    new = article(EDITED, "103")
    annotations = day3_annotations()
    moves = [(p.before, p.after) for p in plan_article(new, annotations).placements]
    sha256 = annotations[0].article_sha256
    assert recovered_text(new.text, sha256, moves) == DAY3
    bylined = EDITED.replace("Monday, November 16", "Tuesday, November 17")  # nobody tagged it
    on_byline = article(bylined, "103")
    moves = [(p.before, p.after) for p in plan_article(on_byline, annotations).placements]
    assert recovered_text(on_byline.text, sha256, moves) is None


RUTTE = "NATO chief Mark Rutte said 10,000 North Korean troops had been sent to Russia."
RUTTE_HE = "He added that 3,000 more were expected by December."
REWRITTEN = (
    "Russian minister Andrei Belousov said 10,000 North Korean troops had been sent to Russia."
)
TITLE = "North Korean troops in Russia: what the two sides say about the numbers"
ROLE = "The ministry said the troops had arrived in Kursk on Monday."
NEXT = "Officials counted 3,000 soldiers at the border."
CORRECTED = "Officials counted 3,500 soldiers at the border."


def test_a_role_after_an_untagged_title_is_kept_when_the_corrected_sentence_was_tagged() -> None:
    """qa9 Q7: nothing proved the untagged title unchanged, so the role in the first
    sentence was marked when the next sentence was corrected. A colleague's tag of the
    corrected sentence recovers the old text: the title is shown the same, "the
    ministry" reads as before, and it stays current."""
    old = article(f"{TITLE}\n{ROLE} {NEXT}\n")
    new = article(f"{TITLE}\n{ROLE} {CORRECTED}\n")
    role = annotate(old, 1, "ana", source="The ministry")
    colleague = annotate(old, 2, "bob", source="Officials")
    placed = {p.before.annotator: p for p in plan_article(new, [role, colleague]).placements}
    assert (placed["ana"].outcome, placed["ana"].after.anchor_state) == (UNCHANGED, "current")
    assert placed["bob"].after.anchor_state == "check"


def test_a_role_after_an_untagged_title_is_marked_when_nothing_recovers_the_old_text() -> None:
    """qa9 Q7, the honest rest: with the corrected sentence tagged by nobody, nothing
    shows what stood around the role: it is marked (the panel says it did not move)."""
    old = article(f"{TITLE}\n{ROLE} {NEXT}\n")
    new = article(f"{TITLE}\n{ROLE} {CORRECTED}\n")
    (alone,) = plan_article(new, [annotate(old, 1, "ana", source="The ministry")]).placements
    assert (alone.outcome, alone.after.index, alone.after.anchor_state) == (
        UNCHANGED,
        1,
        "reanchored",
    )


def test_a_pronoun_whose_speaker_was_rewritten_is_still_marked_on_a_recovered_text() -> None:
    """qa6 Q25 on a recovered text: the colleague's tag of the rewritten sentence gives
    back the old text, "He" reads Mark Rutte there and Andrei Belousov now: marked."""
    old = article(f"{TITLE}\n{RUTTE}\n{RUTTE_HE}\n")
    new = article(f"{TITLE}\n{REWRITTEN}\n{RUTTE_HE}\n")
    he = annotate(old, 2, "ana", source="He")
    colleague = annotate(old, 1, "bob", source="Mark Rutte")
    moves = [(p.before, p.after) for p in plan_article(new, [he, colleague]).placements]
    assert recovered_text(new.text, old.sha256, moves) == old.text
    placed = {p.before.annotator: p for p in plan_article(new, [he, colleague]).placements}
    assert (placed["ana"].outcome, placed["ana"].after.anchor_state) == (UNCHANGED, "reanchored")


# -- property: current only where the speaker reads the same --------------------------

PEOPLE = ("Mark Rutte", "Andrei Belousov", "Pat Ryder", "Kim Yong Chol")
SAYINGS = (
    "{who} said {n} troops had been sent to Russia.",
    "He added that {n} more were expected.",
    "The ministry said {n} soldiers had arrived.",
    "Officials counted {n} vehicles at the border.",
    "She said the figure of {n} was wrong.",
)
NEIGHBOURS = {1: "He", 2: "The ministry", 4: "She"}


@st.composite
def edited_reports(draw: st.DrawFn) -> tuple[list[str], list[str], list[int]]:
    """(old sentences, new sentences, tagged indexes): figures and names changed in
    place in some sentences, tagged or not."""
    count = draw(st.integers(3, 8))
    kinds = draw(st.lists(st.integers(0, len(SAYINGS) - 1), min_size=count, max_size=count))
    old = [
        SAYINGS[kind].format(who=draw(st.sampled_from(PEOPLE)), n=draw(st.integers(10, 99)))
        for kind in kinds
    ]
    new = list(old)
    for index in draw(st.sets(st.integers(0, count - 1), min_size=1, max_size=3)):
        new[index] = SAYINGS[kinds[index]].format(
            who=draw(st.sampled_from(PEOPLE)), n=draw(st.integers(10, 99))
        )
    tagged = sorted(draw(st.sets(st.integers(0, count - 1), min_size=max(1, count - 2))))
    return old, new, tagged


def _source(sentence: str) -> str | None:
    for number, saying in enumerate(SAYINGS):
        if sentence.startswith(saying.split("{")[0]) and number in NEIGHBOURS:
            return NEIGHBOURS[number]
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_reports())
def test_a_neighbour_read_source_stays_current_only_where_its_speaker_reads_the_same(
    report: tuple[list[str], list[str], list[int]],
) -> None:
    """Over figures and names changed in tagged and untagged sentences: a pronoun or role
    kept current at its sentence reads the same speaker on the text it was made on as
    on the new one; the text recovered is the old one or none."""
    old_sentences, new_sentences, tagged = report
    old = article("Troop numbers\n" + "\n".join(old_sentences) + "\n")
    new = article("Troop numbers\n" + "\n".join(new_sentences) + "\n")
    if len(old.sentences) != len(old_sentences) + 1 or len(new.sentences) != len(old.sentences):
        return  # the segmenter joined two: another shape of article
    made = [
        annotate(old, index + 1, "ana", source=_source(old_sentences[index])) for index in tagged
    ]
    plan = plan_article(new, made)
    moves = [(p.before, p.after) for p in plan.placements]
    assert recovered_text(new.text, old.sha256, moves) in (old.text, None)
    speakers.forget_answers()
    for placement in plan.placements:
        before, after = placement.before, placement.after
        if not reads_its_neighbours(before) or placement.outcome != UNCHANGED:
            continue
        if after.anchor_state == "current" and old.sha256 != new.sha256:
            on_old = Speakers([before], {"story": old}, str).speaker(before)
            here = replace(after, anchor_state="current")
            on_new = Speakers([here], {"story": new}, str).speaker(here)
            assert on_old == on_new, (before.quote, on_old, on_new)
