"""The anchoring wing: annotations made on one version of an article placed on another.

placement.py plans an article (pure); reanchoring.py finds the articles of a store that
need it; reanchored_view.py is a store as read once re-anchored, in memory; imported.py
places imported annotations. It sits above the corpus and interchange wings.
"""
