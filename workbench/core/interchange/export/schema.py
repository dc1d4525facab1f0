"""The JSON Schema of the native export, shipped inside the package.

`export_schema.json` beside this module is the source; `docs/export.schema.json` is its
published copy (a test keeps the two identical). Import validates against it, and
the tests validate every export against it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
"""Versions import reads: older ones are brought up to date first (export/migrations.py)."""
SCHEMA_RESOURCE = "export_schema.json"


@cache
def export_schema() -> dict[str, Any]:
    """The schema of a whole json export (parsed once)."""
    text = (
        resources.files("workbench.core.interchange.export")
        .joinpath(SCHEMA_RESOURCE)
        .read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def validator(definition: str | None = None) -> Any:
    """A validator for the whole document, or for one of its `$defs` (e.g. "annotation").

    jsonschema is imported here, not at module level: it costs a tenth of a second
    that commands which never validate should not pay.
    """
    from jsonschema import Draft202012Validator

    schema = export_schema()
    if definition is not None:
        if definition not in schema["$defs"]:
            raise KeyError(f"no definition {definition!r} in the export schema")
        schema = {
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "$ref": f"#/$defs/{definition}",
        }
    return Draft202012Validator(schema)
