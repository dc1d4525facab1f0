"""qa18 F1: denials naming whose figure they reject were aimed at no claim group.

"A ministry spokesman dismissed the mayor's figure as premature." came four sentences
after the mayor's toll (NAMED_REACH looked three back), and "Varga's office rejected the
ministry's count, …" named the ministry's figure by a word that was no kind of claim
("count"), so its denied words were "count" and "ministry", which no claim takes up.
A figure named by its kind and its owner ("the mayor's figure", "the ministry's count",
"the union's tally") now answers that party's claims that state a figure, up to
FIGURE_REACH sentences back; their claims without a figure are not what it rejects."""

from __future__ import annotations

import pytest

from tests.fixtures.denial_stories import told
from tests.fixtures.long_quotes import refuse_long_reads, repeated
from tests.unit.analysis.test_ledger import group_with, ledger_of
from workbench.core.analysis.ledger.answers import anaphoric, whose_claim
from workbench.core.analysis.ledger.ledger import build_ledger
from workbench.core.analysis.ledger.live import LiveLedger
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation
from workbench.core.corpus.sentences import WINDOW

FLOOD = (
    ("Mayor Elena Varga told a news conference on Tuesday that the flood had killed 47 "
     "people.", "Elena Varga", ()),
    ("On Monday, the county coroner said nine people had died in the flood.",
     "county coroner", ()),
    ("The Interior Ministry said on Wednesday that 14 people had died.", "Interior Ministry",
     ()),
    ("Varga said the town would need months to rebuild its bridges.", "Varga", ()),
    ("A ministry spokesman dismissed the mayor's figure as premature.", "ministry spokesman",
     ("denial",)),
    ("Varga's office rejected the ministry's count, saying rescue teams were still "
     "searching collapsed buildings.", "Varga's office", ("denial",)),
)  # fmt: skip


def test_a_figure_named_by_its_kind_and_owner_is_denied_by_kind() -> None:
    count = FLOOD[5][0]
    assert anaphoric(count) and whose_claim(count) == "ministry"
    assert anaphoric("The union rejected the company's tally as a fiction.")
    assert not anaphoric("The union rejected the company's count of 1,200 strikers.")


def test_a_denial_of_a_partys_figure_answers_their_claims_of_a_figure() -> None:
    mayor, coroner, ministry, rebuild, premature, count = made = told(FLOOD)
    ledger = ledger_of(made)
    assert group_with(ledger, mayor.quote).denials == (premature,), "four sentences back"
    assert group_with(ledger, ministry.quote).denials == (count,)
    assert group_with(ledger, coroner.quote).denials == ()
    assert group_with(ledger, rebuild.quote).denials == (), "the mayor's, but no figure"


def source(annotation: Annotation) -> str | None:
    return annotation.source.strip() if annotation.source else None


def test_the_live_ledger_links_them_alike() -> None:
    made = told(FLOOD)
    current = {a.key: a for a in made}
    live = LiveLedger(current.values(), LedgerSettings(), source)
    assert live.ledger() == build_ledger(made, LedgerSettings(), source_of=source)
    for taken in (made[0], made[4]):
        current.pop(taken.key)
        live.apply(taken, None)
        assert live.ledger() == build_ledger(
            sorted(current.values(), key=lambda a: a.key), LedgerSettings(), source_of=source
        )


def test_a_text_pasted_whole_is_read_for_no_figure_and_no_speaker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rv18 H2: the mayor's toll pasted whole as one claim's quote (longer than a sentence
    can be, quote_cap.too_long), then denials naming the mayor's figure and claim. Its
    figures and its speaker were read, superlinear in its length (a 122,652-character
    quote took `workbench summary` 22.9 s of CPU): neither is read now, by either ledger,
    so it holds no figure for "the mayor's figure" and names no mayor for "the mayor's
    claim" (its source, "Elena Varga", does not name the mayor either)."""
    refuse_long_reads(monkeypatch)
    toll, varga, _ = FLOOD[0]
    claim = ("The ministry rejected the mayor's claim as speculation.", "ministry", ("denial",))
    for quote, linked in ((toll, 2), (repeated(WINDOW + 1, toll), 0)):
        made = told(((quote, varga, ()), FLOOD[4], claim))
        assert len(group_with(ledger_of(made), toll).denials) == linked
        live = LiveLedger(made, LedgerSettings(), source)
        assert live.ledger() == build_ledger(made, LedgerSettings(), source_of=source)
