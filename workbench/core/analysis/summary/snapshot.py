"""A summary as bytes and back, whole: what the summary screen is served from.

The summary screen shows the Summary its own read builds (tui/state/summary_view.py).
A keeper that made that very Summary keeps it (cli/screen_keeper.py) and the screen,
finding it kept for the content as it is, shows it at once instead of building it (tens
of seconds at 100,000 annotations). The JSON the command serves is a report's shape, not
the model's (a figure's words, a measure's parts and an annotation's offsets are left
out), so the tables made from it would not be the ones the build gives; the model itself
is kept instead, every object as built, shared objects shared (the ledger's figures are
the conflicts' figures), so that the screen's tables, detail pane and report are made
from the same Summary either way.

Pickle, read back by an unpickler that makes nothing but the summary's own types: the
dataclasses of the analysis and the annotation (values: no code runs but their fields
set) and the few builtin containers. A record naming anything else (a function, a class
of another package, even one an analysis module imports) is damage, never run: FILE.kept
is a file beside the database and the database's folder may be shared.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import hmac
import importlib
import io
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.analysis.summary.model import Summary
from workbench.core.annotation import Annotation

PROTOCOL = 5
ANALYSIS = "workbench.core.analysis."
ANNOTATION = "workbench.core.annotation"
"""The only modules whose types a snapshot may name: the analysis' (every module under
ANALYSIS) and the annotation's, and only where a type is defined, as pickle names it
(values all; nothing there opens, writes or runs anything when made)."""
ALLOWED_PLAIN = frozenset({"Capitalised"})
"""Types of that package that are not dataclasses and hold only values (measures.py:
a sentence's capitalised words, found once)."""


_NEW_OBJECT: Callable[..., object] = copyreg.__newobj__  # type: ignore[attr-defined]
"""pickle's own way to make an instance (the NEWOBJ opcode): no class named twice."""


class DamagedSnapshot(ValueError):
    """A kept snapshot that does not decode to a summary: it is built instead."""


class NotSigned(DamagedSnapshot):
    """A kept snapshot not signed under this user's key as it is now: another user's
    record, or one signed under a key since lost or replaced (config/snapshot_key.py).
    Built instead, and said as such: not read, and not damage of the user's own."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The summary screen's read: the summary and the analysts the picker offers."""

    summary: Summary
    analysts: tuple[str, ...]


def encoded(snapshot: Snapshot) -> bytes:
    buffer = io.BytesIO()
    _SharingPickler(buffer, protocol=PROTOCOL).dump(snapshot)
    return buffer.getvalue()


class _SharingPickler(pickle.Pickler):
    """Pickles each annotation's equal strings and tags once (its article id and digest,
    its analyst, its status and tags, a quote two analysts share): pickle shares an
    object only where it is the same object, and the annotations a build read are each
    made apart from their records. At 100,000 annotations the screen then holds 112 MB
    of the decoded summary, not 158 (a 27 MB record, not 38)."""

    def __init__(self, file: io.BytesIO, protocol: int) -> None:
        super().__init__(file, protocol=protocol)
        self._shared: dict[object, object] = {}

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is not Annotation:
            return NotImplemented
        state = [self._one(value) for value in obj.__getstate__()]  # type: ignore[attr-defined]
        return (_NEW_OBJECT, (Annotation,), state)  # as pickle makes it, strings shared

    def _one(self, value: object) -> object:
        if type(value) is str:
            return self._shared.setdefault(value, value)
        if type(value) is tuple and all(type(item) is str for item in value):
            return self._shared.setdefault(value, tuple(map(self._one, value)))
        return value


def decoded(data: bytes) -> Snapshot:
    """The snapshot `data` holds; DamagedSnapshot when it is not one (cut short, or
    naming a type that is not the summary's)."""
    try:
        found = _SummaryUnpickler(io.BytesIO(data)).load()
    except DamagedSnapshot:
        raise
    except Exception as error:
        raise DamagedSnapshot(f"does not decode ({type(error).__name__})") from error
    if not isinstance(found, Snapshot) or not isinstance(found.summary, Summary):
        raise DamagedSnapshot("not a summary")
    if type(found.analysts) is not tuple or not all(type(a) is str for a in found.analysts):
        raise DamagedSnapshot("its analysts are not names")  # the picker's, shown as text
    return found


SIGNATURE_BYTES = hashlib.sha256().digest_size


def signed(data: bytes, key: bytes, kept_as: str) -> bytes:
    """`data` after its HMAC-SHA256 under `key` (config/snapshot_key.py: this user's)
    over the key it is kept under (`kept_as`: kept/screen.py screen_key) and `data`."""
    return _signature(key, kept_as, data) + data


def verified(data: bytes, key: bytes | None, kept_as: str) -> bytes:
    """The snapshot `data` holds if it is signed under `key` for `kept_as`, the key it
    was found under; NotSigned if not, before anything is read: a record another user
    wrote, a key made since (rv15 R4), or a snapshot this user's keeper signed for other
    inputs (another content, analyst or code) put under the key of these (tr16 T1:
    FILE.kept's index and checksums anyone who can write its folder can make)."""
    if not is_signed(data, key, kept_as):
        raise NotSigned("not signed with this user's key now for these inputs")
    return data[SIGNATURE_BYTES:]


def is_signed(data: bytes, key: bytes | None, kept_as: str) -> bool:
    """Whether `data` is signed under `key` for `kept_as` (a keeper finding a snapshot
    kept under a key it no longer holds keeps it again)."""
    given, body = data[:SIGNATURE_BYTES], data[SIGNATURE_BYTES:]
    return key is not None and hmac.compare_digest(given, _signature(key, kept_as, body))


def _signature(key: bytes, kept_as: str, data: bytes) -> bytes:
    label = kept_as.encode("utf-8", "surrogateescape")
    mac = hmac.new(key, b"%d:%s" % (len(label), label), "sha256")
    mac.update(data)  # the record (27 MB at 100,000 annotations) not copied to be signed
    return mac.digest()


def snapshot_of(summary: Summary, analysts: Sequence[str]) -> Snapshot:
    return Snapshot(summary, tuple(analysts))


class _SummaryUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if module == "builtins" and name in ("frozenset", "set", "tuple", "list", "dict"):
            return super().find_class(module, name)  # type: ignore[no-any-return]
        if module != ANNOTATION and not module.startswith(ANALYSIS):
            raise DamagedSnapshot(f"names {module}.{name}")
        try:
            found = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as error:
            raise DamagedSnapshot(f"names {module}.{name}") from error
        if not isinstance(found, type) or (found.__module__, found.__qualname__) != (module, name):
            # a class of another package that an analysis module imports (an Article,
            # rv15 R2), or one under another name: pickle names a type where it is defined
            raise DamagedSnapshot(f"names {module}.{name}")
        if not (dataclasses.is_dataclass(found) or name in ALLOWED_PLAIN):
            raise DamagedSnapshot(f"names {module}.{name}")
        return found
