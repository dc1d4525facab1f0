"""The store's refusals name analysts and articles as every message does: what draws
nothing shown (tr15 T7: "story" and "story" + U+200B are two articles)."""

from __future__ import annotations

from store.errors import AnchorConflictError, ConcurrentEditError
from store.loss_words import describe_change

HIDDEN = "\u200b"


def test_a_refused_save_names_the_article_and_analyst_with_what_draws_nothing() -> None:
    said = [
        str(ConcurrentEditError((f"ana{HIDDEN}", f"story{HIDDEN}", 2), None)),
        str(AnchorConflictError.changed_meanwhile(f"story{HIDDEN}", 2)),
        str(AnchorConflictError.sentence_taken(f"story{HIDDEN}", 2, f"ana{HIDDEN}")),
        describe_change({"key": [f"ana{HIDDEN}", f"story{HIDDEN}", 2], "action": "save"}, {}),
    ]
    for message in said:
        assert HIDDEN not in message and "story\\u200b" in message, message
    assert "of story\\u200b already holds an annotation of ana\\u200b" in said[2]
