"""Pure-Python core: corpus, sentences, annotation model, summaries, export.

Nothing here may import textual or tinydb (checked by tests/unit/test_layers.py).
"""
