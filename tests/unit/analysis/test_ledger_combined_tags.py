"""A sentence tagged claim and denial is both (the guideline's tags combine): its figures
are its source's claim, and it still denies what it denies (qa13 Q6)."""

from __future__ import annotations

from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.ledger.ledger import build_ledger
from workbench.core.analysis.ledger.live import LiveLedger
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation

SURVIVORS = "Survivors said the Stella Nordica had been overloaded when it capsized."
SAETHER = (
    "The ferry, the Stella Nordica, was carrying 312 passengers and crew, Commander Sæther said."
)
KOVAC = "“The Stella Nordica was not overloaded: the ship carried 280 people,” Tomás Kovač said."
"""Claim, attribution and denial, with no denying verb: the denial is the analyst's
reading of what Kovač asserts."""


def _said(index: int, quote: str, source: str, *tags: str) -> Annotation:
    return sentence_annotation(
        quote, index=index, tags=("claim", "attribution", *tags), source=source
    )


def _stripped(annotation: Annotation) -> str | None:
    return annotation.source


STORY = [
    _said(0, SURVIVORS, "Survivors"),
    _said(1, SAETHER, "Ingrid Sæther"),
    _said(2, KOVAC, "Tomás Kovač", "denial"),
]


def test_a_claim_also_tagged_denial_keeps_its_figures_in_the_conflicts() -> None:
    ledger = build_ledger(STORY, None, (), _stripped)
    disputed = {(f.quantity.value, f.source) for c in ledger.conflicts for f in c.figures}
    assert disputed == {(280, "Tomás Kovač"), (312, "Ingrid Sæther")}
    (kovac,) = [g for g in ledger.groups if any(m.quote == KOVAC for m in g.members)]
    assert [f.quantity.value for f in kovac.figures] == [280]


def test_a_claim_also_tagged_denial_still_denies() -> None:
    ledger = build_ledger(STORY, None, (), _stripped)
    (survivors,) = [g for g in ledger.groups if any(m.quote == SURVIVORS for m in g.members)]
    assert [d.quote for d in survivors.denials] == [KOVAC]


def test_the_live_ledger_reads_a_claim_tag_added_to_a_denial_alike() -> None:
    """A denial's figures are read again when it becomes a claim too (kept, they were
    the denial's: none)."""
    denial_only = STORY[2].changed(tags=("attribution", "denial"))
    live = LiveLedger([*STORY[:2], denial_only], LedgerSettings(), _stripped)
    live.apply(denial_only, STORY[2])
    assert live.ledger() == build_ledger(STORY, None, (), _stripped)


NEGATED = [
    ("No 5,000 troops were sent, the ministry said; 3,000 were.", [3000]),
    ("There were no 200 casualties, the ministry said.", []),
    ("The ministry said no fewer than 5,000 troops were sent.", [5000]),
    ("The ministry said there were no more than 200 casualties.", [200]),
    ("North Korea did not send 5,000 troops, the ministry said.", []),
    ("The ministry said North Korea hasn't yet sent 5,000 troops.", []),
    ("The ministry said North Korea never sent 5,000 troops.", []),
    ("The ministry said not even 5,000 troops were sent.", []),
    ("The ministry said not only 5,000 troops were sent but also tanks.", [5000]),
    ("The ministry said it was not surprising that 5,000 troops were sent.", [5000]),
    ("The ministry said there is no doubt 5,000 troops were sent.", [5000]),
]
"""A figure under a bare "no", or a "not" or "never" a verb or two before it, is what the
speaker negates, not what it claims; "no fewer than", "no more than" are bounds it gives,
"not only" and "no doubt" claim the figure (fx14)."""


def test_a_figure_under_a_bare_no_is_not_the_claim_of_a_claim_and_denial() -> None:
    for index, (quote, kept) in enumerate(NEGATED):
        said = _said(index, quote, "the ministry", "denial")
        (group,) = build_ledger([said], None, (), _stripped).groups
        assert [f.quantity.value for f in group.figures] == kept, quote


def test_a_figure_under_a_bare_no_conflicts_with_no_one() -> None:
    """The ministry's negated 5,000 is not set against Seoul's 4,000; its 3,000 is."""
    seoul = _said(0, "Seoul said 4,000 troops were sent.", "Seoul")
    ministry = _said(1, NEGATED[0][0], "the ministry", "denial")
    ledger = build_ledger([seoul, ministry], None, (), _stripped)
    disputed = {(f.quantity.value, f.source) for c in ledger.conflicts for f in c.figures}
    assert disputed == {(4000, "Seoul"), (3000, "the ministry")}
