"""The claim ledger: claims that state the same thing grouped across articles (ledger.py),
from what a quote says (claim_text.py), by blocked similarity (grouping.py), with the
denials aimed at each group (denials.py); its knobs in settings.py."""
