"""What a denial answers (ledger/answers.py) and whom it is never aimed at (denials.py)."""

from __future__ import annotations

from workbench.core.analysis.ledger.answers import (
    anaphoric,
    denied_clause,
    denied_words,
    stem,
    whose_claim,
    words_needed,
)
from workbench.core.analysis.ledger.denials import own_words
from workbench.core.annotation import Annotation


def test_what_is_denied_is_the_clause_after_the_denying_verb() -> None:
    nebenzia = (
        "Vasily Nebenzia, Russia’s ambassador to the United Nations, accused the Biden "
        "administration and its Western allies of “disinformation” at a U.N. Security "
        "Council meeting Wednesday, denying North Korean troops were on the front lines "
        "in the war."
    )
    assert denied_words(nebenzia) == {"front", "line"}
    assert denied_words(
        "An Acme spokeswoman denied that the company would cut jobs in Ohio, calling the "
        "report speculation."
    ) == {"compa", "job", "ohio"}


def test_a_denial_naming_what_it_denies_only_by_its_kind_or_subject_answers_nothing() -> None:
    assert (
        denied_words(
            'North Korea\'s envoy to the U.N. dismissed the accusations as "groundless rumors" '
            "on Monday."
        )
        == frozenset()
    )
    assert denied_words("Others have also questioned the reports of North Koreans in Ukraine.") == (
        frozenset()
    )


def test_without_a_denying_verb_the_whole_sentence_is_what_is_denied() -> None:
    assert denied_words("Kremlin sources say troops short of fuel is a story from Kyiv.") == {
        "kreml",
        "sourc",
        "short",
        "fuel",
        "story",
    }


def test_a_verb_giving_a_verdict_denies_what_it_names_not_who_speaks() -> None:
    """qa10 Q7: "called … lies" and "rejected … as speculation" deny what the verb names,
    not the speaker and not the verdict; "The ministry called Ms. Vell's claim 'a lie.'"
    names what it denies only by its kind, and whose it is."""
    assert denied_words("The Kremlin called reports that its troops were short of fuel lies.") == {
        "short",
        "fuel",
    }
    vell = "The ministry called Ms. Vell's claim \u201ca lie.\u201d"
    assert anaphoric(vell)
    assert whose_claim(vell) == "vell"
    mayor = "The ministry rejected the mayor's figure as \u201cspeculation that helps no one\u201d."
    assert anaphoric(mayor) and whose_claim(mayor) == "mayor"
    # an "as" of comparison, and a call for something, are no verdicts
    assert "kursk" in denied_words("Kyiv rejected the figure of as many as 500 dead in Kursk.")
    putin = "Mr. Putin dismissed the reports as a fabrication and said no troops were in Kursk."
    assert denied_words(putin) == {"kursk"} and not anaphoric(putin)
    calm = "The mayor called for calm, saying rumours were false."
    clause = denied_clause(calm)  # "rumours" were judged false, not the call (qa16 Q7)
    assert clause is not None and calm[clause[0] : clause[1]].strip() == "rumours"


def test_without_a_denying_verb_a_quotation_is_what_is_denied_not_who_said_it() -> None:
    assert denied_words(
        "“These statements about the North Korean soldiers in our front should not surprise "
        "no one, because they’re all barefaced lies,” Mr. Nebenzia said."
    ) == {"front", "surpr"}
    assert denied_words('"There are no North Korean soldiers, yet," his office said.') == (
        frozenset()
    )


def test_words_are_compared_on_their_stems() -> None:
    assert stem("supplying") == stem("supplied") == "suppl"
    assert stem("lines") == stem("line")
    assert stem("stations") == stem("station")
    assert stem("press") == "press"


def test_a_long_denied_clause_needs_half_of_its_words_taken_up() -> None:
    assert words_needed(frozenset({"front", "line"})) == 2
    assert words_needed(frozenset({"power", "line", "start", "fire", "kaval"})) == 3


def _said(index: int, tags: tuple[str, ...], source: str | None) -> Annotation:
    return Annotation(
        article_id="a",
        article_sha256="0" * 64,
        index=index,
        start=0,
        end=1,
        quote=f"sentence {index}",
        prefix="",
        suffix="",
        annotator="ana",
        tags=tags,
        source=source,
    )


def test_a_speakers_own_words_are_not_what_the_speaker_denies() -> None:
    def source(annotation: Annotation) -> str | None:
        return annotation.source

    denial = _said(1, ("claim", "denial"), "Nebenzia")
    also_denying = _said(2, ("claim", "denial"), "Nebenzia")
    claim = _said(3, ("claim",), "Nebenzia")
    other = _said(4, ("claim", "denial"), "KCNA")
    assert own_words([also_denying], denial, source)
    # qa10 Q14: nor the speaker's own claims
    assert own_words([also_denying, claim], denial, source)
    assert not own_words([also_denying, claim, other], denial, source)
    assert not own_words([other], denial, source)
    assert not own_words([also_denying], _said(5, ("denial",), None), source)


def test_a_whole_denied_clause_is_evidence_only_of_a_deed() -> None:
    """qa6 Q5: "denied sending troops to Russia" is answered by a claim taking up its
    whole clause ("troops had been sent to Russia": "sent" read as "send"); a clause
    that adds a name to the subject is not (bench-100000's "questioned the reports of
    North Linhol in Ukraine" linked to "President Linhol ... of Ukraine")."""
    deed = denied_words("North Korea denied sending troops to Russia.")
    assert deed == {"send"} and deed.clause == {"send", "troop", "russi"}
    named = denied_words("Others questioned the reports of North Linhol in Ukraine, said one.")
    assert named.clause == frozenset()
    assert denied_words("These statements are all barefaced lies.").clause == frozenset()


def test_the_clause_is_found_whatever_case_its_verb_is_written_in_and_without_one() -> None:
    """denied_clause looks at a quote's words one by one only when one is a denying or a
    verdict verb (perf21): a verb in capitals still opens the clause, and a quote with
    none is still read for "no basis for" and for a verdict given as a predicate."""
    shouted = "Police DENIED that 52 people had died, saying the toll was 41."
    start, end = denied_clause(shouted) or (0, 0)
    assert shouted[start:end].strip() == "that 52 people had died"
    unsupported = "The ministry said there was no basis for the figure of 47 given by the mayor."
    start, end = denied_clause(unsupported) or (0, 0)
    assert unsupported[start:end].strip() == "the figure of 47 given by the mayor."
    predicate = "He said that figure was categorically false."
    start, end = denied_clause(predicate) or (0, 0)
    assert predicate[start:end].strip() == "that figure"
    assert denied_clause("The hospital said 52 people had died in the fire.") is None
