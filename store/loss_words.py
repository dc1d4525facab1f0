"""A change to an annotation in the words an analyst uses: whose, which article, which
sentence (counted from 1, as the app shows it), and what it set or removed.

Repair names what it could not keep; "save of carol 000_e663f5f9bf7bc169 6 (no tags)"
hid that the change lost was the source "HeSomeone" of sentence 7.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.core.terminal_text import name_printable

FIELD_CHARACTERS = 60
"""A note or source longer than this is cut, with an ellipsis."""
TITLE_CHARACTERS = 40

ACTIONS = {"undo": "undone: ", "redo": "redone: ", "import": "imported: ", "reanchor": ""}


def describe_change(record: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """One history record (action, key, before, after) as a sentence; `titles` maps
    article ids to titles (an id without one is named alone)."""
    key = record.get("key")
    annotator, article_id, index = key if isinstance(key, list) and len(key) == 3 else ("?",) * 3
    before, after = _record(record.get("before")), _record(record.get("after"))
    where = f"sentence {index + 1}" if isinstance(index, int) else "a sentence"
    title = titles.get(str(article_id))
    named = name_printable(str(article_id))
    article = f'"{_cut(title, TITLE_CHARACTERS)}" ({named})' if title else named
    action = str(record.get("action", ""))
    if record.get("unreadable"):
        unread = f"a {action or 'change'} (what it set cannot be read)"
        return f"{name_printable(str(annotator))}'s annotation on {where} of {article}: {unread}"
    who = name_printable(str(annotator))
    return f"{who}'s annotation on {where} of {article}: {ACTIONS.get(action, '')}" + (
        what_changed(before, after)
    )


def what_changed(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> str:
    """What went from `before` to `after` (None: no annotation there)."""
    if after is None:
        return f"deleted (it had {contents(before)})" if before is not None else "deleted"
    if before is None:
        return f"made with {contents(after)}"
    parts = []
    if before.get("index") != after.get("index") and isinstance(after.get("index"), int):
        parts.append(f"moved to sentence {after['index'] + 1}")
    old_tags, new_tags = _tags(before), _tags(after)
    if old_tags != new_tags:
        parts.append(f"tags {new_tags or 'none'} (were {old_tags or 'none'})")
    for name in ("source", "note"):
        old, new = before.get(name) or "", after.get(name) or ""
        if old != new:
            parts.append(f"{name} {_quoted(new)} (was {_quoted(old)})")
    if before.get("status") != after.get("status"):
        parts.append(f"status {after.get('status')} (was {before.get('status')})")
    if before.get("anchor_state") != after.get("anchor_state"):
        parts.append(f"anchoring {after.get('anchor_state')} (was {before.get('anchor_state')})")
    return "; ".join(parts) or "saved again, unchanged"


def contents(annotation: Mapping[str, Any] | None) -> str:
    """Tags, source, note and status (when not unverified) of one annotation record."""
    if annotation is None:
        return "nothing"
    parts = [_tags(annotation) or "no tags"]
    for name in ("source", "note"):
        if annotation.get(name):
            parts.append(f"{name} {_quoted(annotation[name])}")
    if annotation.get("status") not in (None, "unverified"):
        parts.append(f"status {annotation['status']}")
    return "; ".join(parts)


def _record(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def _tags(annotation: Mapping[str, Any]) -> str:
    tags = annotation.get("tags")
    return ", ".join(map(str, tags)) if isinstance(tags, list) else ""


def _quoted(text: Any) -> str:
    return f'"{_cut(str(text), FIELD_CHARACTERS)}"' if text else "none"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
