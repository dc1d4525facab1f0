"""What the team store's columns and indexes hold: one rule for both stores.

The server keeps a sentence's index, its offsets and an article's sentence count in
PostgreSQL integers (at most 2**31 - 1), and indexes the article id and the analyst name
(a btree row holds at most 2,704 bytes); a file database held any of these. So a record
past them was a file database's alone, and failed on the server in PostgreSQL's words
("value ... is out of range for type integer", "index row size 3024 exceeds btree
version 4 maximum 2704 for index ...": tr8 T3, tr9 T13). No store takes one: both refuse
it at their door in the same words, the import refuses it naming the file and the JSON
path, annotate refuses such an analyst name, and copy-db to a server names the record of
an old file database that holds one. As nul_text's rule, what the server could hold but
a file could not is no concern here: a file holds everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

LARGEST_INTEGER = 2**31 - 1
"""The largest sentence index, offset or sentence count (a PostgreSQL integer)."""
LONGEST_KEY_BYTES = 1000
"""The longest article id or analyst name, in UTF-8 bytes: the server's index on an
analyst's sentence holds both in a row of at most 2,704 bytes. A file name (an article's
id) is at most 255 bytes on common file systems."""
KEY_FIELDS = ("article_id", "annotator")
"""The strings the team store indexes."""
COUNT_FIELDS = ("index", "start", "end", "sentences")
"""The whole numbers it keeps as PostgreSQL integers."""
TEAM_STORE = "the team store (PostgreSQL)"


def count_words(value: int) -> str:
    """What is wrong with a count past LARGEST_INTEGER, after the count's name."""
    return f"{value} is more than {TEAM_STORE} can hold ({LARGEST_INTEGER:,} at most)"


def key_words(value: str) -> str:
    """What is wrong with an id or name longer than LONGEST_KEY_BYTES, after its name."""
    size = len(value.encode("utf-8", "surrogatepass"))
    return (
        f"is {size:,} bytes long (UTF-8), longer than {TEAM_STORE} can hold in an id or "
        f"name ({LONGEST_KEY_BYTES:,} bytes at most)"
    )


def too_long(value: object) -> bool:
    """True for a string longer than LONGEST_KEY_BYTES in UTF-8."""
    if not isinstance(value, str) or len(value) * 4 <= LONGEST_KEY_BYTES:
        return False  # at most 4 bytes a character: the usual short name is not encoded
    return len(value.encode("utf-8", "surrogatepass")) > LONGEST_KEY_BYTES


def too_large(value: object) -> bool:
    """True for a whole number (not a bool) past LARGEST_INTEGER."""
    return type(value) is int and value > LARGEST_INTEGER


def limit_problem(
    record: Mapping[str, object],
    keys: Iterable[str] = KEY_FIELDS,
    counts: Iterable[str] = COUNT_FIELDS,
) -> tuple[str, str] | None:
    """The first of `record`'s `keys` (ids and names) and `counts` the team store cannot
    hold, with what is wrong with it (as "index", "2147483648 is more than ..."); None
    if every one it has is held."""
    for name in keys:
        value = record.get(name)
        if too_long(value):
            assert isinstance(value, str)
            return name, key_words(value)
    for name in counts:
        value = record.get(name)
        if too_large(value):
            assert isinstance(value, int)
            return name, count_words(value)
    return None


def name_limit_problem(annotator: str) -> str | None:
    """Why `annotator` is too long for an analyst's name, or None."""
    if too_long(annotator):
        return f"analyst name {shown(annotator)} {key_words(annotator)}; choose a shorter one"
    return None


def shown(value: str, limit: int = 40) -> str:
    """`value` quoted as repr quotes it, cut to its first `limit` characters: an id of
    thousands of characters is named, not printed whole."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"
