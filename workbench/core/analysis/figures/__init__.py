"""Figures in a sentence: what a number counts (quantities.py), what it measures
(measures.py), and when two figures conflict (conflicts.py)."""
