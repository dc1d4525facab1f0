"""Suggested tags and sources, rule-based and offline: `suggest(article)` (suggest.py)
reads each sentence as tokens (tokens.py) for its reporting cue and source
(attribution.py, phrases.py, naming.py, resolve.py), denial (denial.py) and claim
(claims.py); speaker.py guesses one sentence's source for the source prompt."""
