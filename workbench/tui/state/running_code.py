"""The code this app runs, taken as it starts: what the kept summary's key names (rv15 R3).

A summary a keeper kept is served only under the digest of the code that made it
(core/analysis/kept/code.py), and that digest is of the files on disk. Taken at the
summary screen's first lookup (minutes or days after the start) it named whatever an
upgrade had installed meanwhile, not the code this app had loaded: the new code's summary
was served as if this code had computed it. The app takes it as it starts
(`start_taking`: in a thread, about 10 ms, the screen does not wait for it), so it names
the code the app loaded; a lookup before it is taken waits for it.

Anything else that makes a Workspace (a keeper reading the screen's summary, a test) is
given a RunningCode that takes nothing until asked (rv16 R2: each started a thread
hashing the code tree, which the keepers never read).
"""

from __future__ import annotations

import threading

from workbench.core.analysis.kept import code


class RunningCode:
    """The digest of the code on disk, taken once: when `start_taking` was called, else
    at the first `digest()`."""

    def __init__(self) -> None:
        self._digest: str | None = None
        self._taking = threading.Lock()

    @classmethod
    def start_taking(cls) -> RunningCode:
        """One whose digest is being taken now, in a thread (the app, as it starts)."""
        running = cls()
        threading.Thread(target=running.digest, name="code digest", daemon=True).start()
        return running

    def digest(self) -> str:
        """The digest (waits while it is being taken)."""
        with self._taking:
            if self._digest is None:
                try:
                    self._digest = code.code_digest()
                except OSError:
                    self._digest = ""  # a file unreadable: no keeper keeps under "", none served
            return self._digest
