"""workbench: a terminal fact-checking workbench.

Kept empty on purpose: the command line must not pay for importing the TUI.
"""

__version__ = "0.1.0"
