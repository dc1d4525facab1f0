"""The interchange wing: annotations out (export/: json, jsonl, W3C, ClaimReview) and
back in (importing.py), with the export schema and its migrations.
"""
