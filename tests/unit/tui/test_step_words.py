"""What u and ctrl+r say (tui/state/step_words.py)."""

from __future__ import annotations

from store import Change, LaterChangeError
from workbench.core.annotation import Anchor, Annotation
from workbench.tui.state.step_words import refusal_notice, step_notice

TEXT = "One. Two. Three."


def tagged(**values: object) -> Annotation:
    anchor = Anchor.in_text("003_abc", "0" * 64, TEXT, 11, 5, 9)
    return Annotation.new(anchor, "alice", **values)  # type: ignore[arg-type]


def title_of(article_id: str) -> str:
    return "Kursk: " + "a very long title that goes on " * 3 if article_id == "003_abc" else ""


def test_an_undo_names_the_change_it_took_back_with_a_short_title() -> None:
    made = tagged(tags=("claim",))
    undo = Change(made.key, made, None, "t", "alice", "undo")
    said = step_notice(undo, True, title_of)
    assert said.startswith("Undid: claim on “Kursk: a very long title")
    assert said.endswith("…”, sentence 12.")
    redo = Change(made.key, None, made, "t", "alice", "redo")
    assert step_notice(redo, False, title_of).startswith("Redid: claim on “Kursk")
    assert step_notice(None, True, title_of) == "Nothing to undo."
    assert step_notice(None, False, title_of) == "Nothing to redo."


def test_a_refusal_says_whose_later_change_it_would_overwrite() -> None:
    mine = tagged(tags=("claim",))
    change = Change(mine.key, None, mine, "t1", "alice", "save")
    later = Change(mine.key, mine, mine.changed(note="x"), "t2", "bob", "reanchor")
    said = refusal_notice(LaterChangeError(change, later, undoing=True), lambda _id: "T")
    assert said == (
        "Not undone: claim on “T”, sentence 12. bob's re-anchoring moved it since (its "
        "article changed), and undoing it would overwrite that. The next u goes on to the "
        "change before it."
    )
    moved = Change(mine.key, mine, mine.changed(note="x"), "t2", "alice", "reanchor")
    said = refusal_notice(LaterChangeError(change, moved, undoing=True), lambda _id: "T")
    assert "sentence 12. Re-anchoring moved it since (its article changed), and" in said
    own = Change(mine.key, mine, None, "t2", "alice", "save")
    said = refusal_notice(LaterChangeError(change, own, undoing=False), lambda _id: "T")
    assert said.startswith("Not redone: claim on “T”, sentence 12. You changed it since in")
