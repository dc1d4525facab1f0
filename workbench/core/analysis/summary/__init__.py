"""The summary: its typed model (model.py), how it is built (build.py) and the Markdown
report (markdown.py); its JSON shape is docs/summary.md's."""
