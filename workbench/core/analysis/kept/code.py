"""The code that computes an output, as one digest: every file of workbench/ and store/
as installed, the Python running and every installed distribution's version.

A kept output is served only under the digest of the code that made it: an upgrade, a
local edit, another Python or another rapidfuzz computes again. Taken from the files on
disk, so a process that imported older code computes its digest before it computes and
again after (the keeper, cli/summary_keeper.py) and keeps nothing if the two differ.
"""

from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from pathlib import Path

PACKAGES = ("workbench", "store")
"""The packages whose every file is hashed (sources and data: word lists, the denial
model, the bundled articles of a wheel)."""

_ROOT = Path(__file__).resolve().parents[4]
"""The folder holding workbench/ and store/ (site-packages, or a source checkout)."""


def code_digest(root: Path = _ROOT) -> str:
    """sha256 of the code under `root` and of the runtime: about 10 ms."""
    digest = hashlib.sha256()
    for package in PACKAGES:
        for path in _files(root / package):
            name = path.relative_to(root).as_posix().encode("utf-8", "surrogateescape")
            data = path.read_bytes()
            digest.update(b"%d:%s%d:%s" % (len(name), name, len(data), data))
    for stamp in runtime_stamps():
        encoded = stamp.encode("utf-8", "surrogateescape")
        digest.update(b"%d:%s" % (len(encoded), encoded))
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """Every file under `folder`, in a fixed order; compiled caches left out (Python
    checks them against their source)."""
    found: list[Path] = []
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        found.extend(Path(current, name) for name in sorted(files))
    return found


def runtime_stamps() -> list[str]:
    """The Python (version and build: its regular expressions and Unicode database decide
    how text splits) and every distribution installed on its path, by name and version
    (rapidfuzz's scores, orjson's bytes, tinydb's and psycopg's reads, the segmenter)."""
    stamps = [sys.version, sys.implementation.cache_tag or "", unicodedata.unidata_version]
    stamps.extend(sorted(installed_distributions()))
    return stamps


def installed_distributions() -> set[str]:
    """Each distribution found on sys.path, as the name of its *.dist-info folder (name
    and version): a directory listing, not importlib.metadata's scan (about 70 ms)."""
    found: set[str] = set()
    for entry in sys.path:
        if not entry or not os.path.isabs(entry):
            continue  # the current directory: not where a distribution is installed
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        found.update(n for n in names if n.endswith((".dist-info", ".egg-info")))
    return found
