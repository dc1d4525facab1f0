"""Function words: too common to say what a sentence is about.

Shared by claim reading (claim_text) and figure reading (quantities), which each add
the words that matter to their own question.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, split on white space: a compact way to write a word table."""
    return frozenset(text.split())


FUNCTION_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "or",
        "over",
        "she",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "with",
        "you",
    ]
)
