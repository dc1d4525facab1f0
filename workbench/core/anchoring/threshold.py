"""The anchoring threshold's default, apart from placement.py: the settings read it, and
a command served from what is kept (`summary`) reads the settings without importing the
placement and the readings it needs (about 70 ms)."""

DEFAULT_THRESHOLD = 65.0
"""similarity() a sentence needs to take an annotation whose quote is gone: chosen from
the measurements in docs/decisions/reanchoring.md; settings.toml [anchoring]
fuzzy_threshold overrides it."""
