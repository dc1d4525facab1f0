"""The code this app runs, taken as it starts: what the kept summary's key names (rv15 R3).

A summary a keeper kept is served only under the digest of the code that made it
(core/analysis/kept/code.py), and that digest is of the files on disk. Taken at the
summary screen's first lookup (minutes or days after the start) it named whatever an
upgrade had installed meanwhile, not the code this app had loaded: the new code's summary
was served as if this code had computed it. Taken as the app starts, in a thread (about
10 ms; the screen does not wait for it), it names the code the app loaded; a lookup
before it is taken waits for it.
"""

from __future__ import annotations

import threading

from workbench.core.analysis.kept import code


class RunningCode:
    """The digest of the code on disk when this was made (code_digest)."""

    def __init__(self) -> None:
        self._digest = ""
        self._taken = threading.Event()
        threading.Thread(target=self._take, name="code digest", daemon=True).start()

    def _take(self) -> None:
        try:
            self._digest = code.code_digest()
        except OSError:
            self._digest = ""  # a file unreadable: no keeper keeps under "", none served
        finally:
            self._taken.set()

    def digest(self) -> str:
        self._taken.wait()
        return self._digest
