"""Symbolic links that lead nowhere: a loop named as one, in one line, before anything
is read or created beside it.

`ln -s loop.json loop.json` made `import` say the database "cannot be read" and send the
user to repair, `repair` and `export` say there was no database, and `repair` leave a
stray lock file: each true in its way, none saying what is wrong.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from workbench.core.terminal_text import name_printable

MAX_SHOWN = 4
"""Links of a loop shown before the rest is cut."""


def link_loop(path: Path) -> str | None:
    """Why `path` is, or goes through, a loop of symbolic links, in one line
    ("loop.json is a loop of symbolic links (loop.json -> loop.json): ..."), or None if
    it is not (it exists, is missing, or is a link to something missing)."""
    if not _loops(path):
        return None
    looping = next((part for part in [*reversed(path.parents), path] if _loops(part)), path)
    chain = [str(looping)]
    seen = {os.path.abspath(looping)}
    current = str(looping)
    while os.path.islink(current) and len(chain) <= 40:
        target = os.readlink(current)
        current = os.path.join(os.path.dirname(current), target)
        chain.append(target)
        if os.path.abspath(current) in seen:
            break
        seen.add(os.path.abspath(current))
    shown = chain if len(chain) <= MAX_SHOWN + 1 else [*chain[:MAX_SHOWN], "…", chain[-1]]
    named = name_printable(path)
    where = f"{named} is" if looping == path else f"{named} goes through {name_printable(looping)},"
    return (
        f"{where} a loop of symbolic links ({' -> '.join(map(name_printable, shown))}): there "
        "is nothing behind it; nothing was read or created"
    )


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False
