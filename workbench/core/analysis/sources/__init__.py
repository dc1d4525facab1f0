"""Source names: the ways one speaker is written, grouped (grouping.py), through a
near-spelling index (spelling.py)."""
