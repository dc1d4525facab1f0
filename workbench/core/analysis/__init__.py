"""The analysis wing: reading news text for what it claims, who says it, who denies it.

Pure and offline. The summary (summary.py) and its parts: figures/, ledger/, sources/,
the analysts (analysts.py) and the anchoring section (anchor_report.py); inter-analyst
agreement (agreement.py); suggested tags and sources (suggestions/). Every word list
lives in lexicon.py.
"""
