"""What an annotation still to check was made on, carried by json and jsonl exports.

Re-anchoring moves an annotation onto a sentence only like the one tagged and marks it
to check: its record then holds the new sentence. The words, sentence and text it was
made on are what an analyst needs to confirm it ("12,000" may now read "11,000"), and
the database knows them from its history; an export that left them out gave an
importer "not recorded (imported already moved)" (qa6 Q7). So a record to check
carries them, optionally (#/$defs/tagged_on), and import keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from workbench.core.annotation import CURRENT, Annotation

TAGGED_ON = "tagged_on"
"""The export record's key (docs/export.md)."""


def tagged_on_record(tagged: Annotation) -> dict[str, Any]:
    """Where and on which words an annotation to check was made, as exported."""
    return {
        "article_sha256": tagged.article_sha256,
        "index": tagged.index,
        "start": tagged.start,
        "end": tagged.end,
        "quote": tagged.quote,
        "prefix": tagged.prefix,
        "suffix": tagged.suffix,
    }


def made_on(annotation: Annotation, tagged_on: Mapping[str, Any]) -> Annotation:
    """The annotation as it was made: its judgement on the words, sentence and text
    `tagged_on` names (anchored there, as before any move)."""
    return replace(
        annotation,
        article_sha256=str(tagged_on["article_sha256"]),
        index=int(tagged_on["index"]),
        start=int(tagged_on["start"]),
        end=int(tagged_on["end"]),
        quote=str(tagged_on["quote"]),
        prefix=str(tagged_on["prefix"]),
        suffix=str(tagged_on["suffix"]),
        anchor_state=CURRENT,
    )
