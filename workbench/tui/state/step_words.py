"""What `u` and ctrl+r say: the step undone or redone in an analyst's words, or why it
was not (one wording for every screen, as there is one undo path).

"Undid: claim on “Kursk: troops seen”, sentence 12" names what came back off; a refused
step says whose later change it would have overwritten and that the next `u` goes on.
Text only: the app's notify shows it literally (tui/literal.py), titles included.
"""

from __future__ import annotations

from collections.abc import Callable

from store import Change, DecisionChange, LaterChangeError, StepElsewhereError, StoreError
from workbench.core.analysis.ledger.decisions import decision_words
from workbench.core.change_words import ChangeSides, describe_change
from workbench.core.corpus.titles import shorten
from workbench.tui.state.placed_step import PlacedStep, where_now

TitleOf = Callable[[str], str]
"""An article's title by its id (the id itself for an article not in the corpus)."""


def step_notice(change: Change | DecisionChange | None, undoing: bool, title_of: TitleOf) -> str:
    """ "Undid: …" / "Redid: …" for the step a store's undo() or redo() returned;
    "Nothing to undo." when it returned None."""
    verb = "Undid" if undoing else "Redid"
    if change is None:
        return "Nothing to undo." if undoing else "Nothing to redo."
    if isinstance(change, DecisionChange):
        return f"{verb}: {decision_words(change.decision, _short(title_of))}."
    recorded = change.recorded if isinstance(change, PlacedStep) and change.recorded else change
    title = _short(title_of)(change.article_id)
    where = where_now(change) if isinstance(change, PlacedStep) else ""
    return f"{verb}: {describe_change(original(recorded, undoing), title)}.{where}"


def original(change: Change, undoing: bool) -> ChangeSides:
    """The change as first made, from its undo (which runs it backwards) or redo. Never
    a re-anchoring: that is no undo step (qa6 Q32)."""
    before, after = (change.after, change.before) if undoing else (change.before, change.after)
    return ChangeSides(before, after, "save", len(change.step))


def refusal_notice(error: LaterChangeError, title_of: TitleOf) -> str:
    """Why an undo (redo) was refused: whose later change it would have overwritten."""
    sides = ChangeSides(error.change.before, error.change.after)
    what = describe_change(sides, _short(title_of)(error.change.article_id))
    verb = "undone" if error.undoing else "redone"
    later = error.later
    how = " (an import)" if later is not None and later.action == "import" else ""
    if later is None:
        who = "It was changed since"
    elif later.action == "reanchor":  # the workbench's, on a changed text (qa6 Q32)
        mine = later.annotator == error.change.annotator
        whose = "Re-anchoring" if mine else f"{later.annotator}'s re-anchoring"
        who = f"{whose} moved it since (its article changed)"
    elif later.annotator == error.change.annotator:
        who = "You changed it since in another session"
    else:
        who = f"{later.annotator} changed it since"
    doing = "undoing" if error.undoing else "redoing"
    then = "The next u goes on to the change before it." if error.undoing else ""
    return f"Not {verb}: {what}. {who}{how}, and {doing} it would overwrite that. {then}".strip()


def elsewhere_notice(error: StepElsewhereError, title_of: TitleOf) -> str:
    """Why an undo (redo) was refused: its step is in an article not open (qa9 Q16)."""
    titles = ", ".join(f"“{_short(title_of)(article_id)}”" for article_id in error.article_ids)
    done, verb, key = ("undone", "undo", "u") if error.undoing else ("redone", "redo", "ctrl+r")
    return (
        f"Not {done}: your last change is in {titles}, which is not open here. "
        f"Open it to {verb} it there; {key} changes nothing meanwhile."
    )


Notify = Callable[..., None]
"""A screen's notify (message, title=, severity=, markup=)."""


def take_step(
    step: Callable[[], Change | DecisionChange | None],
    undoing: bool,
    title_of: TitleOf,
    notify: Notify,
    failed: Callable[[StoreError], object] | None = None,
) -> Change | DecisionChange | None:
    """Run an undo (redo) and say what it did, or why it did nothing: every screen's
    `u` and ctrl+r. A StoreError other than a refusal is "Not saved" as any write's,
    and is handed to `failed` (the annotate panel shows it). A refusal only says why:
    nothing was being saved, so the panel's "NOT SAVED" light would say what did not
    happen (qa8 Q11 i); the panel shows what the sentence holds."""
    try:
        change = step()
    except (LaterChangeError, StepElsewhereError) as refused:
        notify(
            refusal_notice(refused, title_of)
            if isinstance(refused, LaterChangeError)
            else elsewhere_notice(refused, title_of),
            title="Not undone" if undoing else "Not redone",
            severity="warning",
            markup=False,
        )
        return None
    except StoreError as error:
        if failed is not None:
            failed(error)
        notify(str(error), title="Not saved", severity="error", markup=False)
        return None
    notify(
        step_notice(change, undoing, title_of),
        title="Undo" if change is not None else "",
        markup=False,
    )
    return change


def _short(title_of: TitleOf) -> TitleOf:
    return lambda article_id: shorten(title_of(article_id) or article_id)
