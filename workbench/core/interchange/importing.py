"""Reading an export back: parse and validate all of it before anything is written.

Two formats, both described in docs/export.md and checked against the shipped JSON
Schema: a json document (read whole, so refused above MAX_DOCUMENT_BYTES) and jsonl
(a header line, then one annotation per line, read line by line so the file's text is
never held whole). The first problem found stops the import with an ImportFileError
that says where: the JSON path (`$.annotations[3].tags[0]`) or the line.

ImportFile reads a file as a stream of (annotation, place) pairs, validated as they
come, and can read it again: `workbench import` validates the whole file in a first
pass that keeps nothing but the keys it has seen, then streams it into the store. Steps
that check or place the annotations (re-anchoring, checks against the database) are
iterators over the same pairs, so they compose without holding the file.

JSON is decoded strictly (`decode_json`): a key repeated in one object is refused, not
silently overwritten by its last value, and nesting deeper than MAX_DEPTH is refused
with one line before anything recursive (jsonschema) sees it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from jsonschema.exceptions import best_match

from workbench.core.annotation import (
    CHECK,
    Annotation,
    AnnotationKey,
    OrphanKey,
    reserved_name_problem,
)
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp
from workbench.core.files.regular import open_regular
from workbench.core.interchange.export.migrations import upgraded_document, upgraded_record
from workbench.core.interchange.export.native import JSONL_LINE_LIMIT
from workbench.core.interchange.export.schema import READABLE_VERSIONS, SCHEMA_VERSION, validator
from workbench.core.interchange.export.shape import (
    CLOCK_MARGIN,
    is_annotation_record,
    is_article_record,
    is_change_record,
    is_timestamp,
)
from workbench.core.interchange.export.tagged_on import TAGGED_ON, made_on
from workbench.core.nul_text import NUL_WORDS, holds_nul
from workbench.core.team_limits import KEY_FIELDS, limit_problem
from workbench.core.terminal_text import name_printable

MIB = 1024 * 1024
MAX_DOCUMENT_BYTES = 256 * MIB
"""Largest json document read whole; larger exports must use jsonl."""
MAX_LINE_BYTES = JSONL_LINE_LIMIT
"""Longest jsonl line (the header lists every article, so it may be long)."""
IMPORT_FORMATS = ("json", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_REASON_CHARS = 200
MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted; an export needs 6 levels."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where in the file: a JSON path, and for jsonl the line it is on."""

    path: str = "$"
    line: int | None = None

    def at(self, inner: str) -> Location:
        """The location of `inner` (a JSON path relative to this one, starting with '$')."""
        return Location(self.path + inner[1:], self.line)

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        return f"line {self.line}" if self.path == "$" else f"line {self.line}: {self.path}"


class ImportFileError(ValueError):
    """A file that cannot be imported; the message says which file, where and why."""

    def __init__(self, where: Location | str, reason: str, file: Path | None = None) -> None:
        self.where = str(where)
        self.reason = reason
        self.file = file
        place = self.where
        if file is not None:
            separator = " " if place.startswith("line") else ": "
            named = name_printable(file)
            place = f"{named}{separator}{place}" if place else named
        super().__init__(f"{place}: {reason}" if place else reason)

    def in_file(self, file: Path) -> ImportFileError:
        return ImportFileError(self.where, self.reason, file)

    def lines(self) -> list[str]:
        """The message, a line per problem (one here)."""
        return [str(self)]

    def each(self) -> list[ImportFileError]:
        """The problems it says, one by one."""
        return [self]


SAID_AT_MOST = 20
"""Problems of an import's records said at once (qa21 #12: they came one at a time,
"fix it, then the next"): the rest are counted."""


class ImportProblems(ImportFileError):
    """Several records of a file that cannot be imported, each said with its place (the
    first SAID_AT_MOST; `count` of them in all). Nothing is imported."""

    def __init__(self, said: list[ImportFileError], count: int, file: Path | None = None) -> None:
        self.said = [problem.in_file(file) if file is not None else problem for problem in said]
        self.count = count
        first = self.said[0]
        super().__init__(first.where, first.reason)
        self.file = file
        self.args = ("\n".join(self.lines()),)

    def in_file(self, file: Path) -> ImportFileError:
        return ImportProblems(self.said, self.count, file)

    def lines(self) -> list[str]:
        said = [str(problem) for problem in self.said]
        named = f"{name_printable(self.file)}: " if self.file is not None else ""
        if self.count > len(said):
            more = self.count - len(said)
            said.append(
                f"{named}and {more:,} more problem(s) ({self.count:,} in all): nothing was imported"
            )
        else:
            said.append(f"{named}{self.count:,} problems: nothing was imported")
        return said

    def each(self) -> list[ImportFileError]:
        return list(self.said)


class Problems:
    """The problems of a file's records found so far in a pass that goes on to the end:
    each record is checked, and the file is refused with all of them (check)."""

    def __init__(self) -> None:
        self.said: list[ImportFileError] = []
        self.count = 0

    def add(self, error: ImportFileError) -> None:
        for problem in error.each():
            self.count += 1
            if len(self.said) < SAID_AT_MOST:
                self.said.append(problem)

    def check(self) -> None:
        """ImportFileError (one problem) or ImportProblems (several), if any was found."""
        if self.count == 1:
            raise self.said[0]
        if self.count:
            raise ImportProblems(self.said, self.count)


@dataclass
class ImportBatch:
    """A fully validated file: safe to hand to the store in one write."""

    format: str
    exported_at: str = ""
    articles: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    unlisted_articles: dict[str, Location] = field(default_factory=dict)
    """Articles used by annotations but missing from the file's list -> first use."""
    history_entries: int = 0
    locations: list[Location] = field(default_factory=list)
    """Where each annotation is in the file (same order as `annotations`)."""


def shorten(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """Messages quote the offending value; a megabyte of it helps nobody."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def first_schema_problem(definition: str | None, instance: Any, where: Location) -> None:
    """Raise ImportFileError for the most relevant schema violation, if any."""
    check_depth(instance, where)  # jsonschema recurses: a deep value would crash it
    error = best_match(validator(definition).iter_errors(instance))
    if error is not None:
        raise ImportFileError(where.at(error.json_path), shorten(error.message))


def every_schema_problem(definition: str, instance: Any, where: Location) -> None:
    """Raise every schema violation of one record (each the most relevant of its own
    alternatives), in the order of their places: a record missing two fields names both."""
    check_depth(instance, where)
    errors = sorted(validator(definition).iter_errors(instance), key=lambda e: e.json_path)
    found = Problems()
    for error in errors:
        chosen = best_match([error]) or error
        found.add(ImportFileError(where.at(chosen.json_path), shorten(chosen.message)))
    found.check()


def check_record(
    definition: str, is_valid: Callable[[Any], bool], record: Any, where: Location
) -> None:
    """The fast shape check first; jsonschema only to explain a record that fails it
    (every way it does)."""
    if not is_valid(record):
        every_schema_problem(definition, record, where)


def describe_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {shorten(repr(value), 40)}"
    return names.get(type(value), type(value).__name__)


def check_schema_version(header: Any, where: Location) -> int:
    """The version comes first: a file from a newer workbench fails on it, not on a field.
    Returns it (an older version readable here is brought up to date by the caller)."""
    if not isinstance(header, dict):
        raise ImportFileError(
            where, f"expected an object with schema_version, found {describe_type(header)}"
        )
    if "schema_version" not in header:
        if "@context" in header:  # w3c or claimreview: for other tools, and lossy
            raise ImportFileError(
                where.at("$.schema_version"),
                "missing: this is a W3C or ClaimReview export (JSON-LD), written for other "
                "tools and without what an import needs; import workbench's json or jsonl "
                "export (`workbench export --format json`)",
            )
        raise ImportFileError(where.at("$.schema_version"), "missing (is this a workbench export?)")
    version = header["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFileError(
            where.at("$.schema_version"), f"expected an integer, found {describe_type(version)}"
        )
    if version not in READABLE_VERSIONS:
        raise ImportFileError(
            where.at("$.schema_version"),
            f"unsupported schema version {version} (this workbench reads versions "
            f"{READABLE_VERSIONS[0]} to {SCHEMA_VERSION})",
        )
    return int(version)


def refuse_unholdable_field(
    record: Mapping[str, Any], where: Location, keys: Iterable[str] = KEY_FIELDS
) -> None:
    """ImportFileError at the field of `record` (an annotation; an article, whose id is
    "id") the team store cannot hold: an id or analyst name too long for its index, a
    count past its integers (tr8 T3, tr9 T13). A file database would take it, the team
    store not: no store does (workbench/core/team_limits.py)."""
    problem = limit_problem(record, keys)
    if problem is not None:
        name, words = problem
        raise ImportFileError(where.at(f"$.{name}"), f"{name} {words}")


def check_articles(articles: list[Any], where: Location) -> set[str]:
    """Validate the file's own article list, whose ids must not repeat; return the ids."""
    first_seen: dict[str, int] = {}
    for number, article in enumerate(articles):
        check_record("article", is_article_record, article, where.at(f"$[{number}]"))
        refuse_unholdable_field(article, where.at(f"$[{number}]"), keys=("id",))
        article_id = article["id"]
        if article_id in first_seen:
            raise ImportFileError(
                where.at(f"$[{number}].id"),
                f"duplicate article id {shorten(repr(article_id), 80)} "
                f"(also {where.at(f'$[{first_seen[article_id]}]')})",
            )
        first_seen[article_id] = number
    return set(first_seen)


REPEATED_VALUES = ("annotator", "article_id", "article_sha256", "source", "status", "anchor_state")
"""Fields whose few values repeat over thousands of annotations."""


class AnnotationChecker:
    """Validates annotation records one at a time, remembering what it has seen.

    Articles are checked later (check_known_articles), once the caller knows what the
    database and corpus hold: the checker notes where each article that is not in the
    file's own list is first used. With `check_repeats` it refuses an annotation seen
    before; it then keeps each key (with its strings shared) and the place's number.
    """

    def __init__(self, file_articles: set[str], check_repeats: bool = True) -> None:
        self.file_articles = file_articles
        self.check_repeats = check_repeats
        self.latest = datetime.now(UTC).replace(tzinfo=None) + CLOCK_MARGIN
        """The latest time a record may carry: the newer version wins an import, so one
        from a machine whose clock is years ahead would win every later one (tr7 T10)."""
        self.seen: dict[AnnotationKey | OrphanKey, Location] = {}
        self.unlisted: dict[str, Location] = {}
        self._names: dict[str, str] = {}
        self.made_on: dict[AnnotationKey, Annotation] = {}
        """Each record to check that says what it was made on (tagged_on): that version."""
        self.tagged_at: dict[AnnotationKey, Location] = {}
        """Where each of those says it (its record's place), for a later check's error."""

    def add(self, record: Any, where: Location) -> Annotation:
        """The annotation of a valid record; ImportFileError at the first problem."""
        check_record("annotation", is_annotation_record, record, where)
        for name in ("created_at", "updated_at"):
            if not is_timestamp(record[name]):
                raise ImportFileError(where.at(f"$.{name}"), "not a UTC ISO 8601 timestamp")
            if datetime.fromisoformat(record[name][:-1]) > self.latest:
                raise ImportFileError(
                    where.at(f"$.{name}"),
                    f"{record[name]} is in the future: the clock of the machine that made "
                    "it is wrong (the newer version wins an import, so it would win every "
                    "later one); correct the time in the file",
                )
        reserved = reserved_name_problem(record["annotator"])
        if reserved is not None:
            raise ImportFileError(where.at("$.annotator"), reserved)
        refuse_unholdable_field(record, where)
        if record["end"] < record["start"]:
            raise ImportFileError(where.at("$.end"), "end is before start")
        if record["end"] == record["start"]:  # no sentence is empty: it would be on none
            raise ImportFileError(where.at("$.end"), "end is start: the quote is empty")
        if len(record["quote"]) != record["end"] - record["start"]:
            raise ImportFileError(
                where.at("$.quote"),
                f"quote has {len(record['quote'])} characters but start..end spans "
                f"{record['end'] - record['start']}",
            )
        self._share_repeated_values(record)
        article_id = record["article_id"]
        if article_id not in self.file_articles and article_id not in self.unlisted:
            self.unlisted[article_id] = where.at("$.article_id")
        try:
            annotation = Annotation.from_record(record)
        except (KeyError, TypeError, ValueError) as error:
            raise ImportFileError(where, shorten(str(error))) from None
        if self.check_repeats:
            self._check_repeat(annotation, where)
        tagged_on = record.get(TAGGED_ON)
        if tagged_on is not None:
            self.made_on[annotation.key] = self._made_on(annotation, tagged_on, where)
            self.tagged_at[annotation.key] = where
        return annotation

    @staticmethod
    def _made_on(annotation: Annotation, tagged_on: dict[str, Any], where: Location) -> Annotation:
        """The version a record to check says it was made on (its shape checked)."""
        if annotation.anchor_state != CHECK:
            raise ImportFileError(
                where.at(f"$.{TAGGED_ON}"),
                'only a record still to check (anchor_state "check") says what it was made on',
            )
        if tagged_on["end"] - tagged_on["start"] != len(tagged_on["quote"]):
            raise ImportFileError(
                where.at(f"$.{TAGGED_ON}.quote"),
                f"quote has {len(tagged_on['quote'])} characters but start..end spans "
                f"{tagged_on['end'] - tagged_on['start']}",
            )
        if tagged_on["article_sha256"] == annotation.article_sha256:
            # Re-anchoring moves an annotation only onto another text of its article:
            # the one it is on now cannot be the one it was made on (tr7 T22).
            raise ImportFileError(
                where.at(f"$.{TAGGED_ON}.article_sha256"),
                "the very text the record is on: a record to check was made on another one",
            )
        return made_on(annotation, tagged_on)

    def _share_repeated_values(self, record: dict[str, Any]) -> None:
        """One string object for each of the few values that repeat in every record (an
        article's id and hash, the analyst, a source, a tag, a status): a million imported
        records then hold a few thousand copies of them, not millions."""
        names = self._names
        for name in REPEATED_VALUES:
            value = record.get(name)
            if isinstance(value, str):
                record[name] = names.setdefault(value, value)
        record["tags"] = [names.setdefault(tag, tag) for tag in record["tags"]]

    def _check_repeat(self, annotation: Annotation, where: Location) -> None:
        # An orphan is on no sentence: it shares no key with the annotations placed there.
        identity = annotation.orphan_key if annotation.is_orphan else annotation.key
        earlier = self.seen.get(identity)
        if earlier is not None:
            kind = "orphan" if annotation.is_orphan else "annotation"
            raise ImportFileError(
                where,
                f"duplicate {kind} (annotator {shorten(repr(annotation.annotator), 60)}, "
                f"article {shorten(repr(annotation.article_id), 60)}, "
                f"index {annotation.index}); first at {earlier}",
            )
        self.seen[identity] = where


@dataclass
class Header:
    """What a file says besides its annotations."""

    format: str
    exported_at: str
    articles: list[dict[str, Any]]
    history_entries: int
    checker: AnnotationChecker
    decisions: list[dict[str, Any]] = field(default_factory=list)
    """The ledger decision records (validated with the envelope), oldest first."""
    announced: int | None = None
    """How many annotation lines a jsonl header says follow (None: an older export)."""

    @classmethod
    def of(cls, format_name: str, document: dict[str, Any], checker: AnnotationChecker) -> Header:
        history = document.get("history", [])
        return cls(
            format_name,
            document["exported_at"],
            document["articles"],
            len(history) if isinstance(history, list) else 0,
            checker,
            document.get("decisions", []),
            document.get("annotation_lines"),
        )

    def batch(self, pairs: Iterable[tuple[Annotation, Location]]) -> ImportBatch:
        listed = list(pairs)
        return ImportBatch(
            format=self.format,
            exported_at=self.exported_at,
            articles=self.articles,
            annotations=[annotation for annotation, _where in listed],
            unlisted_articles=self.checker.unlisted,
            history_entries=self.history_entries,
            locations=[where for _annotation, where in listed],
        )


class HasUnlistedArticles(Protocol):
    unlisted_articles: dict[str, Location]


def check_known_articles(batch: HasUnlistedArticles, known: Container[str]) -> None:
    """An annotation's article must be in the file's list, or in `known` (the database
    and the corpus); raises ImportFileError at the first annotation that breaks this."""
    for article_id, where in batch.unlisted_articles.items():
        if article_id not in known:
            raise ImportFileError(
                where,
                f"unknown article {shorten(repr(article_id), 80)} (not in the file's "
                "articles, the database or the corpus)",
            )


def articles_to_remember(
    landed_on: Iterable[str],
    remembered: Container[str],
    corpus: Mapping[str, Article],
    listed: Iterable[Mapping[str, Any]],
) -> list[ArticleInfo]:
    """The articles an import's annotations landed on that the database has not seen:
    each as the corpus has it now (the annotations were placed on that text), else as
    the file's own list describes it (title, sha256, sentences), so that a summary of the
    database names it by its title. One the file lists without a title and sentence
    count (its exporter had not seen it), and one the database already remembers, is
    left as it is."""
    described = {record["id"]: record for record in listed}
    found: list[ArticleInfo] = []
    for article_id in sorted(set(landed_on)):
        if article_id in remembered:
            continue
        article = corpus.get(article_id)
        if article is not None:
            found.append(replace(ArticleInfo.of(article), segmenter=segmenter_stamp()))
            continue
        record = described.get(article_id)
        if record is not None and isinstance(record.get("title"), str) and "sentences" in record:
            found.append(
                ArticleInfo(article_id, record["title"], record["sha256"], record.get("sentences"))
            )
    return found


class DuplicateKey(ValueError):
    """An object that names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class Duplicated(dict[str, Any]):
    """An object that had a repeated key, kept so its JSON path can be found."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook: the object, unless a key repeats (orjson and json.loads would
    keep the last value silently: `"index": 0, "index": 999`)."""
    members = dict(pairs)
    if len(members) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return members


def marking_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook for the second pass that finds where the duplicate is."""
    try:
        return unique_keys(pairs)
    except DuplicateKey as duplicate:
        return Duplicated(pairs, duplicate.key)


def not_a_number(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


def finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError(f"{shorten(text, 40)} is too large for a number")
    return number


JSON_ERRORS = {
    "Expecting value": "expected a JSON value",
    "Expecting ',' delimiter": "expected ',' or a closing bracket",
    "Expecting ':' delimiter": "expected ':' after a key",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Unterminated string starting at": "a string that is never closed, starting",
    "Invalid control character at": "a raw control character inside a string",
    "Extra data": "more text after the JSON value",
}
"""json's messages, in the words the rest of the import uses."""

STRICT_JSON = json.JSONDecoder(
    object_pairs_hook=unique_keys, parse_constant=not_a_number, parse_float=finite
)
"""One decoder for every document and line (making one per jsonl line costs 20%)."""

ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89abAB]")
"""A \\uD800-\\uDBFF escape in the raw text: a surrogate pair, or a lone half."""


ESCAPED_NUL = b"\\u0000"
"""U+0000 as JSON writes it (json_path then says whether it is in a string or a key)."""


def json_path(value: Any, found: Callable[[Any], bool]) -> str | None:
    """The JSON path of the first value (depth first) for which `found` is true."""
    stack: list[tuple[Any, str]] = [(value, "$")]
    while stack:
        node, path = stack.pop()
        if found(node):
            return path
        if isinstance(node, dict):
            stack.extend((item, f"{path}.{key}") for key, item in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((item, f"{path}[{n}]") for n, item in reversed(list(enumerate(node))))
    return None


def has_lone_surrogate(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_depth(value: Any, where: Location, limit: int = MAX_DEPTH) -> None:
    """ImportFileError when arrays and objects nest more than `limit` levels."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                raise ImportFileError(where, f"nested more than {limit} levels deep")
            items = node.values() if isinstance(node, dict) else node
            stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))


BRACKETS_AND_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def too_deep_at(text: str, limit: int = MAX_DEPTH) -> int:
    """The offset of the first array or object that opens more than `limit` levels deep."""
    depth = 0
    for token in BRACKETS_AND_STRINGS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > limit:
                return token.start()
        elif mark in "]}":
            depth -= 1
    return len(text)


def text_position(text: str, offset: int, where: Location) -> str:
    """ "line 3, column 7" of an offset (only the column inside a jsonl line)."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"column {column}" if where.line is not None else f"line {line}, column {column}"


JSON_LINES_HINT = (
    "; it reads as JSON Lines (a JSON object a line, as `export --format jsonl` writes): "
    "name it .jsonl to import it"
)
"""Said when a .json file is JSON Lines (qa21 #12: only "more text after the JSON value
at line 2" was, and the analyst had to guess why)."""


def is_json_lines(text: str) -> bool:
    """Every line of `text` but blank ones is a JSON object, and there are two or more:
    a JSON Lines file (asked only of a document refused, so the cost is the refusal's)."""
    objects = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            value = STRICT_JSON.decode(line)
        except (ValueError, RecursionError):  # a JSONDecodeError, a DuplicateKey, NaN…
            return False
        if not isinstance(value, dict):
            return False
        objects += 1
    return objects >= 2


def decode_json(raw: bytes, where: Location) -> Any:
    """Strict JSON, with messages that say where the text goes wrong: no repeated key
    in an object, no NaN or infinity, no lone surrogate, at most MAX_DEPTH levels."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            where, f"not UTF-8 (invalid byte 0x{raw[error.start]:02x} at byte {error.start})"
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportFileError(where, "empty, expected JSON")
    try:
        value = STRICT_JSON.decode(text)
    except json.JSONDecodeError as error:
        message = JSON_ERRORS.get(error.msg, error.msg[:1].lower() + error.msg[1:])
        at_the_end = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        truncated = " (the file looks truncated)" if at_the_end else ""
        position = text_position(text, error.pos, where)
        hint = JSON_LINES_HINT if error.msg == "Extra data" and is_json_lines(text) else ""
        raise ImportFileError(
            where, f"not valid JSON: {message} at {position}{truncated}{hint}"
        ) from None
    except DuplicateKey as duplicate:
        located = json.loads(text, object_pairs_hook=marking_duplicates)
        holder = json_path(located, lambda node: isinstance(node, Duplicated)) or "$"
        raise ImportFileError(
            where.at(f"{holder}.{shorten(duplicate.key, 80)}"),
            "this key appears twice in one object (refused: which value was meant?)",
        ) from None
    except RecursionError:
        position = text_position(text, too_deep_at(text), where)
        raise ImportFileError(
            where, f"nested more than {MAX_DEPTH} levels deep at {position}"
        ) from None
    except ValueError as error:  # NaN, infinity, an integer of thousands of digits
        reason = "a number with thousands of digits" if "digits" in str(error) else str(error)
        raise ImportFileError(where, f"not valid JSON: {shorten(reason)}") from None
    if ESCAPED_SURROGATE.search(raw) is not None:
        lone = json_path(value, has_lone_surrogate)
        if lone is not None:
            raise ImportFileError(
                where.at(lone), "a string holds half of a surrogate pair (not Unicode text)"
            )
    if ESCAPED_NUL in raw:  # JSON writes U+0000 only escaped (a raw one is refused above)
        nul = json_path(value, holds_nul)
        if nul is not None:
            raise ImportFileError(where.at(nul), f"a string {NUL_WORDS}")
    return value


LISTS = ("articles", "annotations", "history")


def envelope(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its long lists emptied: what jsonschema checks before their
    items (the few ledger decisions are checked with it)."""
    return {
        name: [] if name in LISTS and isinstance(value, list) else value
        for name, value in document.items()
    }


def document_annotations(
    raw: bytes, headers: list[Header], check_repeats: bool = True, problems: Problems | None = None
) -> Iterator[tuple[Annotation, Location]]:
    """A whole json export's annotations, validated one by one (the header, once read
    and checked, is appended to `headers`). ImportFileError at the first problem of the
    document as a whole; a record's problems are gathered in `problems` (the caller's
    own checks of each record may add theirs) and raised at the end, all of them, in a
    pass that checks (`check_repeats`); a later pass stops at the first."""
    root = Location()
    document = decode_json(raw, root)
    document = upgraded_document(document, check_schema_version(document, root))
    # The envelope first (lists emptied), then each list's items with the fast checks.
    first_schema_problem(None, envelope(document), root)
    for number, change in enumerate(document.get("history", [])):
        check_record("change", is_change_record, change, root.at(f"$.history[{number}]"))
    articles = check_articles(document["articles"], root.at("$.articles"))
    checker = AnnotationChecker(articles, check_repeats)
    headers.append(Header.of("json", document, checker))
    annotations = document.pop("annotations")
    document.clear()  # what is left to hold is the list of records, dropped as it is read
    annotations.reverse()
    found = Problems() if problems is None else problems
    number = 0
    while annotations:
        where = Location(f"$.annotations[{number}]")
        number += 1
        try:
            annotation = checker.add(annotations.pop(), where)
        except ImportFileError as error:
            if not check_repeats:
                raise
            found.add(error)
            continue
        yield annotation, where
    found.check()


def line_annotations(
    lines: Iterable[tuple[int, bytes]],
    headers: list[Header],
    check_repeats: bool = True,
    problems: Problems | None = None,
) -> Iterator[tuple[Annotation, Location]]:
    """A jsonl export's annotations from (line number, bytes) pairs, validated one by one
    (blank lines are ignored; the header is appended to `headers`). The header's problem
    stops it; the lines' are gathered, as document_annotations gathers its records'."""
    header: Header | None = None
    version = SCHEMA_VERSION
    number = read = 0
    found = Problems() if problems is None else problems
    for number, raw in lines:
        if not raw.strip():
            continue
        where = Location(line=number)
        if header is not None:
            read += 1
            try:
                annotation = header.checker.add(
                    upgraded_record(decode_json(raw, where), version), where
                )
            except ImportFileError as error:
                if not check_repeats:
                    raise
                found.add(error)
                continue
            yield annotation, where
            continue
        record = decode_json(raw, where)  # the header line
        version = check_schema_version(record, where)
        record = upgraded_document(record, version)
        first_schema_problem("jsonl_header", envelope(record), where)
        articles = check_articles(record["articles"], where.at("$.articles"))
        header = Header.of("jsonl", record, AnnotationChecker(articles, check_repeats))
        headers.append(header)
    if header is None:
        raise ImportFileError(
            Location(line=1), "empty, expected the header line with schema_version"
        )
    found.check()  # the records' problems first: the count is the file's
    check_line_count(header.announced, read, Location(line=number))


def check_line_count(announced: int | None, read: int, where: Location) -> None:
    """A jsonl file holds as many annotation lines as its header announces: a copy cut
    at a line's end parses line by line as if whole (qa4 Q7), and is refused instead."""
    if announced is None or read == announced:
        return
    if read < announced:
        reason = f"cut short: {read} annotation lines of the {announced} its header announces"
    else:
        reason = f"{read} annotation lines where its header announces {announced}: some added"
    raise ImportFileError(where, reason)


def parse_document(raw: bytes) -> ImportBatch:
    """A whole json export, validated; raises ImportFileError at the first problem."""
    headers: list[Header] = []
    pairs = list(document_annotations(raw, headers))
    return headers[0].batch(pairs)


def parse_lines(lines: Iterable[tuple[int, bytes]]) -> ImportBatch:
    """A jsonl export from (line number, bytes) pairs; blank lines are ignored."""
    headers: list[Header] = []
    pairs = list(line_annotations(lines, headers))
    return headers[0].batch(pairs)


def numbered_lines(handle: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes]]:
    """The file's lines, numbered from 1, never reading more than `limit` bytes of one."""
    number = 0
    while True:
        number += 1
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit:
            raise ImportFileError(
                Location(line=number),
                f"longer than the {limit // MIB} MiB a jsonl line may hold (a workbench "
                "jsonl export never writes one): import a json export instead",
            )
        yield number, raw


def hashed_lines(
    lines: Iterator[tuple[int, bytes]], digest: hashlib.blake2b
) -> Iterator[tuple[int, bytes]]:
    """`lines`, each added to `digest` as it goes by."""
    for number, raw in lines:
        digest.update(raw)
        yield number, raw


def detect_format(path: Path) -> str:
    """jsonl for .jsonl/.ndjson files, json otherwise."""
    return "jsonl" if path.suffix.lower() in JSONL_SUFFIXES else "json"


def read_document(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The whole file, refused before reading when it is above `limit`."""
    size = path.stat().st_size
    if size <= limit:
        with open_regular(path) as handle:
            raw = handle.read(limit + 1)
        size = len(raw)
    if size > limit:
        raise ImportFileError(
            "",
            f"{size / MIB:,.0f} MiB is above the {limit // MIB} MiB limit for a json "
            "import; export with --format jsonl, which is read line by line",
        )
    return raw


def importable_as_made(
    made_on: Mapping[AnnotationKey, Annotation],
    held: Container[object] = (),
    dropped: Iterable[AnnotationKey] = (),
) -> dict[AnnotationKey, Annotation]:
    """Of the records to check that say what they were made on (by their key), those that
    can be imported as made: not `dropped`, no two made at one sentence, and none made
    at a sentence where a record is imported as it is (one of `held`, the file's keys,
    not imported as made itself). A record left out is imported as it is, at its own
    sentence, where another may have been made: that one is left out in turn, so two
    annotations whose sentences swapped places go together or not at all."""
    left = set(dropped)
    chosen = {key: version for key, version in made_on.items() if key not in left}
    while True:
        staying = {key for key in made_on if key not in chosen}
        made_at = Counter(version.key for version in chosen.values())
        left_out = [
            key
            for key, version in chosen.items()
            if made_at[version.key] > 1
            or version.key in staying
            or (version.key in held and version.key not in chosen)
        ]
        if not left_out:
            return chosen
        for key in left_out:
            del chosen[key]


class ImportFile:
    """An export file as a stream of validated (annotation, place) pairs, read again for
    every pass; what a pass learns (the header, the articles missing from the file's own
    list) is kept. A json document (at most MAX_DOCUMENT_BYTES) is parsed whole for each
    pass and its records dropped as they are read; jsonl is read line by line."""

    def __init__(self, path: Path, format_name: str | None = None) -> None:
        chosen = format_name or detect_format(path)
        if chosen not in IMPORT_FORMATS:
            raise ValueError(f"cannot import format {chosen!r}")
        self.path = path
        self.format = chosen
        self.unlisted_articles: dict[str, Location] = {}
        self.history_entries = 0
        self.decisions: list[dict[str, Any]] = []
        """The file's ledger decision records, once a pass has read them."""
        self.articles: list[dict[str, Any]] = []
        """The file's own article list (validated), once a pass has read it."""
        self.made_on: dict[AnnotationKey, Annotation] = {}
        """After a first pass: each record to check that says what it was made on, as
        made, unless another record of the file holds the sentence it was made on."""
        self.crowded: dict[AnnotationKey, Annotation] = {}
        """After a first pass: the others, as made (another record of the file holds the
        sentence each was made on): imported as made, orphaned, where that meets nothing
        (an orphan holds no sentence), else as they are (qa9 Q9)."""
        self.tagged_on: list[tuple[Annotation, Location]] = []
        """After a first pass: every record's version as made (tagged_on), each with
        its place in the file, to be checked against the texts known (tr7 T22)."""
        self.first_read: bytes | None = None
        """The digest of the bytes the first whole pass read: every later pass must read
        the same, or what is imported is not what was checked (tr8 T5)."""
        self.problems = Problems()
        """The problems of the records the pass under way found: its caller adds its
        own checks' of each record (`problems.add`), and all of them are raised at the
        pass's end (qa21 #12)."""

    def annotations(self, check_repeats: bool = True) -> Iterator[tuple[Annotation, Location]]:
        """One pass over the file. ImportFileError (naming the file) at the first
        problem of the file as a whole, OSError if it cannot be read; a first pass
        (`check_repeats`) goes on past a bad record and ends in ImportProblems naming
        every one (SAID_AT_MOST of them), those the caller added to `problems` too.
        Without `check_repeats`, an annotation seen before is not refused (a pass after
        one that checked). A pass that read other bytes than the first (the file
        replaced or rewritten meanwhile: a synced folder, an export re-run into the
        name) ends in ImportFileError before its last record is taken, so an import
        streaming it takes nothing back."""
        headers: list[Header] = []
        read = hashlib.blake2b(digest_size=20)
        self.problems = problems = Problems()
        try:
            if self.format == "json":
                raw = read_document(self.path)
                read.update(raw)
                pairs = document_annotations(raw, headers, check_repeats, problems)
                yield from self._listing_articles(pairs, headers)
            else:
                with open_regular(self.path) as handle:
                    lines = hashed_lines(numbered_lines(handle), read)
                    pairs = line_annotations(lines, headers, check_repeats, problems)
                    yield from self._listing_articles(pairs, headers)
            if self.first_read is None:
                self.first_read = read.digest()
            elif read.digest() != self.first_read:
                raise ImportFileError(
                    "",
                    "changed while it was being imported (replaced or rewritten after it "
                    "was checked): nothing was imported; import it again once it is whole",
                )
        except ImportFileError as error:
            raise error.in_file(self.path) from None
        header = headers[0]
        checker = header.checker
        if checker.check_repeats and checker.made_on:  # a first pass: every key seen
            self.made_on = importable_as_made(checker.made_on, set(checker.seen))
            self.crowded = {
                key: version for key, version in checker.made_on.items() if key not in self.made_on
            }
            self.tagged_on = [
                (version, checker.tagged_at[key].at(f"$.{TAGGED_ON}"))
                for key, version in checker.made_on.items()
            ]
        self.unlisted_articles = header.checker.unlisted
        self.history_entries = header.history_entries
        self.decisions = header.decisions
        self.articles = header.articles

    def _listing_articles(
        self, pairs: Iterator[tuple[Annotation, Location]], headers: list[Header]
    ) -> Iterator[tuple[Annotation, Location]]:
        """`pairs`, with `articles` the file's article list from its first record on (its
        header is read before its records), so a first pass can check counts as it goes."""
        for pair in pairs:
            if headers and not self.articles:
                self.articles = headers[0].articles
            yield pair

    def check(self) -> int:
        """A pass that only validates (every record, no repeated annotation); returns how
        many annotations the file holds."""
        return sum(1 for _pair in self.annotations())


def read_import(
    path: Path,
    format_name: str | None = None,
    known_articles: Container[str] | None = None,
) -> ImportBatch:
    """Read and validate an export file (json, or jsonl by suffix unless `format_name`).

    With `known_articles`, also check every annotation's article (check_known_articles).
    Raises ImportFileError, whose message names the file, or OSError when the file
    cannot be read.
    """
    chosen = format_name or detect_format(path)
    if chosen not in IMPORT_FORMATS:
        raise ValueError(f"cannot import format {chosen!r}")
    try:
        if chosen == "json":
            batch = parse_document(read_document(path))
        else:
            with open_regular(path) as handle:
                batch = parse_lines(numbered_lines(handle))
        if known_articles is not None:
            check_known_articles(batch, known_articles)
    except ImportFileError as error:
        raise error.in_file(path) from None
    return batch
