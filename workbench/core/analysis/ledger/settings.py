"""The ledger's knobs: how alike claims must be to share an entry, and how much work the
grouping may do.

Their own module because the ledger (ledger.py), its grouping (grouping.py) and the
denials (denials.py) all read them: kept in ledger.py, they made those three import
each other in a circle. settings.toml's [ledger] table sets them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LedgerSettings:
    """Knobs of the ledger; the defaults were tuned on the bundled articles."""

    claim_threshold: float = 70.0
    """Score (0-100 similarity plus bonuses) at which two claims are one ledger entry."""
    figure_bonus: float = 15.0
    """Added when two claims give the same figure for the same thing."""
    name_bonus: float = 5.0
    """Added when two claims share an uncommon proper name (Ryder, Kursk, Vladivostok)."""
    denial_threshold: float = 70.0
    """Score at which a denial targets a group (similarity to a member plus bonus)."""
    subject_bonus: float = 25.0
    """Added when a denial and a claim speak of the same subject (North Korean troops)."""
    max_block: int = 1000
    """A key shared by more claims than this is too common to say anything: not compared on."""
    keys_per_claim: int = 2
    """How many of its rarest words each claim is compared on (figures always are)."""
    max_reps: int = 40
    """At most this many representatives per block are compared with each claim."""
    max_subject_groups: int = 100
    """A subject held by more groups than this is too common for a denial to target by."""
    conflict_whats: tuple[str, ...] = (
        "troops",
        "killed",
        "wounded",
        "casualties",
        "square miles",
        "square km",
        "people",
        "area",
        "distance",
        "speed",
        "percent",
        "percentage points",
        "money",
        "counted",
    )
    """Counted things whose figures are checked for conflicts (a `what` or unit class;
    "counted": any other counted noun, such as tanks or homes)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_threshold": self.claim_threshold,
            "figure_bonus": self.figure_bonus,
            "name_bonus": self.name_bonus,
            "denial_threshold": self.denial_threshold,
            "subject_bonus": self.subject_bonus,
            "max_block": self.max_block,
            "keys_per_claim": self.keys_per_claim,
            "max_reps": self.max_reps,
            "max_subject_groups": self.max_subject_groups,
            "conflict_whats": list(self.conflict_whats),
        }
