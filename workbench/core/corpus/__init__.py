"""The corpus wing: the articles, their sentences and titles, and search over them.

Reads text from disk (through core/files) and knows nothing of annotations.
"""
