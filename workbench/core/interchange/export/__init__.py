"""Annotations out of the workbench: the documented json/jsonl formats and two standards.

One module per format (`native` for json and jsonl, `w3c`, `claimreview`), the
registry of formats in `formats`, filtering in `selection`, and the JSON Schema of
the native format in `schema`.
"""
