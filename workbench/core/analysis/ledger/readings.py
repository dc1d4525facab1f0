"""Readings kept beside the database: what the analyser read in a quote or a pronoun.

A cold summary spends most of its time reading: every distinct quote's ClaimText (its
words, figures and what they measure) and the speaker of every pronoun or bare-role
source (its article read up to that sentence). Both are functions of text alone and of
the analyser's code, so writers keep them in the store (`Store.add_readings`) and a
summary restores them (`Store.readings`) instead of reading again. They are never data
of record: a missing or unreadable one is read again, never an error.

A reading is found by a key naming the very text it was read on (the quote's sha256; the
article's sha256, the sentence and the source) and is kept under ANALYSER's fingerprint:
the sha256 of the source of every module whose code decides a reading, with the
suggester's version and the segmenter's stamp. Any change to that code gives a new
fingerprint, under which nothing is found, so a reading never serves other text or
another analyser.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from workbench.core.analysis.figures.measures import Capitalised, Measure
from workbench.core.analysis.figures.quantities import Quantity
from workbench.core.analysis.ledger.claim_text import (
    ClaimText,
    claim_text,
    keys_of,
    shared_subjects,
    words_of,
)

FINGERPRINT_ROOTS = (
    "workbench.core.analysis.ledger.claim_text",
    "workbench.core.analysis.ledger.readings",
    "workbench.core.analysis.sources.speakers",
)
"""The modules that read a quote or resolve a speaker, and this codec: the fingerprint
covers them and every workbench module they import, directly or not."""

_PACKAGE_ROOT = Path(__file__).resolve().parents[4]
"""The folder holding the `workbench` package."""
_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(workbench(?:\.\w+)+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    rb"|import[ \t]+(workbench(?:\.\w+)+))",
    re.MULTILINE,
)
_NAME = re.compile(rb"\w+")

Record = Any
"""A reading as kept: JSON values only (lists, strings, numbers, None)."""


def _module_file(name: str) -> Path | None:
    """The source file of a workbench module (a package's __init__.py), None if none."""
    base = _PACKAGE_ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def analyser_files() -> list[Path]:
    """FINGERPRINT_ROOTS' files and those of every workbench module they import (read
    from the source, imports inside functions too), with any data file beside them (a
    word list or a model a module may read), sorted."""
    seen: dict[Path, bytes] = {}
    waiting = list(FINGERPRINT_ROOTS)
    while waiting:
        path = _module_file(waiting.pop())
        if path is None or path in seen:
            continue
        source = seen[path] = path.read_bytes()
        for found in _IMPORT.finditer(source):
            module = (found.group(1) or found.group(3)).decode()
            waiting.append(module)
            if found.group(2):  # `from package import module` names a module too
                waiting.extend(f"{module}.{name.decode()}" for name in _NAME.findall(found[2]))
    data = {
        path
        for folder in {path.parent for path in seen}
        for path in folder.iterdir()
        if path.is_file() and path.suffix not in (".py", ".pyc") and not path.name.startswith(".")
    }
    return sorted(data.union(seen))


@cache
def analyser_fingerprint() -> str:
    """sha256 over the analyser's source (analyser_files(), each named by its path under
    the package), the suggester's version and the segmenter's stamp: computed once per
    process, when a summary or a writer first needs it."""
    from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION
    from workbench.core.corpus.sentences import segmenter_stamp

    digest = hashlib.sha256()
    for path in analyser_files():
        name = path.relative_to(_PACKAGE_ROOT).as_posix().encode()
        source = path.read_bytes()
        digest.update(b"%d:%s%d:%s" % (len(name), name, len(source), source))
    for stamp in (SUGGESTER_VERSION, segmenter_stamp(), *runtime_stamps()):
        encoded = stamp.encode()
        digest.update(b"%d:%s" % (len(encoded), encoded))
    return digest.hexdigest()


def runtime_stamps() -> tuple[str, ...]:
    """What decides a reading outside workbench's own files: the Python running (its
    regular expressions; its Unicode database says what \\w, isupper and lower take, and
    3.11 and 3.12 split a word of a newer script differently) and rapidfuzz's
    default_process (ClaimText.sorted_tokens). A team's PostgreSQL readings are shared by
    analysts' machines, which need not run the same ones."""
    import rapidfuzz

    python = f"{sys.implementation.name} {sys.version_info.major}.{sys.version_info.minor}"
    return (python, f"unicode {unicodedata.unidata_version}", f"rapidfuzz {rapidfuzz.__version__}")


def _sha256(text: str) -> str:
    # surrogatepass: a key for any str (a quote a file gave with a lone surrogate too)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def quote_key(quote: str) -> str:
    """The key of a quote's reading: "q:<sha256 of the quote>"."""
    return "q:" + _sha256(quote)


def speaker_key(article_sha256: str, index: int, source: str) -> str:
    """The key of the speaker of `source` (cleaned, as typed) on sentence `index` of the
    article text of `article_sha256`: "s:<article sha256>:<index>:<sha256 of source>"
    (the source hashed: a source may hold any character, ':' too)."""
    return f"s:{article_sha256}:{index}:{_sha256(source)}"


# --- the codec -------------------------------------------------------------------------


def _float(value: float) -> float | str:
    """A float JSON keeps exactly (orjson writes the shortest repr, which reads back the
    same); one it cannot (inf, nan) as its repr."""
    return value if math.isfinite(value) else repr(value)


def _unfloat(value: float | int | str) -> float:
    if type(value) not in (float, int) and value not in _NOT_FINITE:
        raise TypeError("not a number")
    return float(value)


_NOT_FINITE = frozenset(repr(value) for value in (math.inf, -math.inf, math.nan))
"""The strings _float writes for a float JSON has no number for."""


def _optional_float(value: float | None) -> float | str | None:
    return None if value is None else _float(value)


def _quantity(q: Quantity) -> list[Any]:
    return [
        q.text,
        q.start,
        q.end,
        _float(q.value),
        q.what,
        q.who,
        q.qualifier,
        q.bound,
        q.unit,
        _optional_float(q.low),
    ]


def _unquantity(r: list[Any], quote: str) -> Quantity:
    """The Quantity `r` holds, read in `quote`: TypeError or ValueError unless each field
    is of its type and its text is the quote's at its place (_checked_text)."""
    if not isinstance(r, list):
        raise TypeError("a quantity is a list")
    text, start, end, value, what, who, qualifier, bound, unit, low = r
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise TypeError("a quantity's place is two whole numbers")
    if not isinstance(text, str) or quote[start:end] != text:
        raise ValueError("a quantity's text is not the quote's at its place")
    _optional_texts(what, who, qualifier, unit)
    if not isinstance(bound, str):
        raise TypeError("bound")
    return Quantity(
        text,
        start,
        end,
        _unfloat(value),
        what,
        who,
        qualifier,
        bound,
        unit,
        None if low is None else _unfloat(low),
    )


def _optional_texts(*values: Any) -> None:
    """TypeError unless each of `values` is None or a string with a letter in it."""
    for value in values:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise TypeError("not None nor a word")


def _measure(m: Measure) -> list[Any]:
    return [
        m.unit_class,
        _float(m.base_value),
        m.state,
        m.who,
        m.country,
        m.place,
        m.when,
        m.per,
        m.part,
        m.noun,
        m.day,
        sorted(m.events),
        sorted(m.names),
        None if m.capitalised is None else sorted(m.capitalised.words()),
        m.across,
        m.said,
    ]


def _unmeasure(r: list[Any], known: dict[tuple[str, ...], Capitalised]) -> Measure:
    if not isinstance(r, list):
        raise TypeError("a measure is a list")
    unit_class, base, state, who, country, place, when, per, part, noun, day, *sets = r
    events, names, capitalised, across, said = sets
    if unit_class is None or type(across) is not bool:
        raise TypeError("unit_class, across")
    _optional_texts(unit_class, state, who, country, place, when, per, part, noun, day, said)
    _strings_only(events, names, [] if capitalised is None else capitalised)
    words: Capitalised | None = None
    if capitalised is not None:
        # the measures of one quote share its sentence's words, as when read
        words = known.get(tuple(capitalised))
        if words is None:
            words = known[tuple(capitalised)] = Capitalised.known(capitalised)
    return Measure(
        unit_class,
        _unfloat(base),
        state,
        who,
        country,
        place,
        when,
        per,
        part,
        noun,
        day,
        frozenset(events),
        frozenset(names),
        words,
        bool(across),
        said,
    )


def _strings(words: Iterable[str]) -> list[str]:
    return sorted(words)


def _strings_only(*lists: Any) -> None:
    """TypeError unless each of `lists` is a list of strings."""
    for found in lists:
        if not isinstance(found, list) or not all(type(item) is str for item in found):
            raise TypeError("not a list of strings")


def encode_claim_text(text: ClaimText) -> str | None:
    """`text` as one JSON text (decode_claim_text gives it back equal), None when a string
    in it cannot be kept (a lone surrogate is not UTF-8): then it is read every time.

    One string, not the JSON values themselves: the store hands a summary every reading
    it keeps, of every analyst, and 50,000 readings as nested lists of small strings
    are about 200 MB of objects where their texts are about 35 MB; each is parsed only
    when its quote is met, its lists freed once its ClaimText is made."""
    record = [
        text.sorted_tokens,
        [_quantity(q) for q in text.quantities],
        [_measure(m) for m in text.measures],
        _strings(text.figure_keys),
        _strings(text.names),
        _strings(text.words),
        _strings(text.subjects),
    ]
    try:
        return orjson.dumps(record).decode()
    except orjson.JSONEncodeError:  # a lone surrogate
        return None


def decode_claim_text(record: Record, quote: str) -> ClaimText:
    """The ClaimText `record` (encode_claim_text's reading of `quote`) holds. A record
    of another shape raises ValueError, TypeError or similar (the caller reads the quote
    again): each field is checked for the type this code writes, each figure's text for
    the quote's at its place, and there is a measure for each figure. A forged record of
    another shape, its checksum made for it, ended every summary in a traceback (tr18:
    57 of 400 one-field changes tried); what these checks cannot tell is a value changed
    within its type (docs/RELIABILITY.md, derived files)."""
    if not isinstance(record, str):
        raise TypeError("a reading is one JSON text")
    sorted_tokens, quantities, measures, figure_keys, names, words, subjects = orjson.loads(record)
    if not isinstance(sorted_tokens, str):
        raise TypeError("sorted_tokens")
    if not isinstance(quantities, list) or not isinstance(measures, list):
        raise TypeError("quantities, measures")
    if len(quantities) != len(measures):
        raise ValueError("a measure for each figure")
    _strings_only(subjects)  # the other lists are interned: sys.intern takes strings only
    known: dict[tuple[str, ...], Capitalised] = {}
    figures = words_of(figure_keys)
    content = words_of(words)
    return ClaimText(
        sorted_tokens=sorted_tokens,
        quantities=tuple(_unquantity(q, quote) for q in quantities),
        measures=tuple(_unmeasure(m, known) for m in measures),
        figure_keys=figures,
        names=words_of(names),
        words=content,
        subjects=shared_subjects(frozenset(subjects)),
        keys=keys_of(content, figures),
    )


_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What decoding a record of another shape raises."""


class Readings:
    """The readings restored for one summary (key -> record, under the current
    fingerprint: Store.readings(analyser_fingerprint())) and those made while building it
    that were not there (`added`: what a writer gives Store.add_readings)."""

    def __init__(
        self,
        restored: Mapping[str, Record] | None = None,
        *,
        collect: bool = True,
        deferred: bool = False,
    ) -> None:
        """`deferred`: the quotes read are kept as the ClaimTexts the build keeps anyway
        and encoded only when `batches()` asks, not into `added` as they are read."""
        self.restored: Mapping[str, Record] = restored if restored is not None else {}
        self.added: dict[str, Record] = {}
        """Readings made that were not restored (only when `collect`: a read-only command
        keeps none, it writes nothing), but for the quotes read `deferred`."""
        self.collect = collect
        self.deferred = deferred
        self._quotes: list[str] = []
        self._texts: list[ClaimText] = []
        """The quotes read `deferred`, and their readings."""
        self.used = 0
        """How many restored readings were used (the bench reports it)."""

    def claim_text(self, quote: str) -> ClaimText:
        """The reading of `quote`: restored, else read (and added)."""
        key = quote_key(quote)
        record = self.restored.get(key)
        if record is not None:
            try:
                text = decode_claim_text(record, quote)
            except _DAMAGE:
                pass  # not a reading this code wrote: read again (and replaced)
            else:
                self.used += 1
                return text
        text = claim_text(quote)
        if not self.collect:
            return text
        if self.deferred:
            self._quotes.append(quote)
            self._texts.append(text)
        elif (encoded := encode_claim_text(text)) is not None:
            self.added[key] = encoded
        return text

    def batches(self, size: int = 2_000) -> Iterator[dict[str, Record]]:
        """Every reading to keep: `added`, then the quotes read `deferred`, encoded
        `size` at a time (once each). Encoded as they were read, the 42,000 readings of a
        first summary at 100,000 annotations lay about 25 MB of strings between what the
        build keeps, until the build ended: the summary screen held 9 MB more for it."""
        if self.added:
            yield self.added
        quotes, texts = self._quotes, self._texts
        self._quotes, self._texts = [], []
        for start in range(0, len(quotes), size):
            batch = {
                quote_key(quote): encoded
                for quote, text in zip(
                    quotes[start : start + size], texts[start : start + size], strict=True
                )
                if (encoded := encode_claim_text(text)) is not None
            }
            if batch:
                yield batch

    def speaker(self, article_sha256: str, index: int, source: str) -> str | None:
        """The restored speaker of a pronoun or role source: its name, "" when it names
        nobody, None when there is no such reading."""
        found = self.restored.get(speaker_key(article_sha256, index, source))
        if isinstance(found, str):
            self.used += 1
            return found
        return None

    def add_speaker(self, article_sha256: str, index: int, source: str, speaker: str) -> None:
        """Record a speaker resolution ("" for nobody), unless it cannot be kept."""
        if not self.collect:
            return
        try:
            speaker.encode("utf-8")
        except UnicodeEncodeError:
            return
        self.added[speaker_key(article_sha256, index, source)] = speaker
