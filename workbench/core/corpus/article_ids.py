"""Article ids that differ only in their Unicode form: one file name, two spellings.

An article is named by its file, and a Mac writes file names with decomposed accents
("Jose" + U+0301) where Linux keeps what it was given (usually composed: "José"). Both
print the same, so an export made on a Mac's copy named another article than the desk's
without a word (tr11 T13): its annotations were listed as "article missing", compared
with nothing by `agree`, and a caveat said "rename 010_José back to 010_José".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def name_form(article_id: str) -> str:
    """What two spellings of one file name share: the name composed (NFC)."""
    return unicodedata.normalize("NFC", article_id)


def form_twins(ids: Iterable[str], held: Iterable[str]) -> list[tuple[str, str]]:
    """(id, held id) for each id of `ids` not in `held` that differs from one there only
    in its Unicode form, sorted."""
    held_ids = set(held)
    by_form = {name_form(other): other for other in sorted(held_ids)}
    return sorted(
        (article_id, by_form[name_form(article_id)])
        for article_id in set(ids)
        if article_id not in held_ids and name_form(article_id) in by_form
    )


def spelt(article_id: str) -> str:
    """An id with its characters past ASCII escaped: two spellings shown apart."""
    return ascii(article_id)


def form_twin_words(twins: list[tuple[str, str]], held_by: str) -> str:
    """Why an import naming `twins` is refused, with the way on."""
    named = "; ".join(f"{spelt(found)} (held: {spelt(there)})" for found, there in twins[:3])
    more = f" and {len(twins) - 3} more" if len(twins) > 3 else ""
    return (
        f"nothing imported: the file names {len(twins)} article(s) that {held_by} holds under "
        f"the same name written in another Unicode form: {named}{more}. They print the same "
        "but would be kept apart as other articles (a Mac writes file names with decomposed "
        "accents). Export again from a copy whose file names are in the desk's form (e.g. "
        "`convmv -r -f utf8 -t utf8 --nfc --notest FOLDER` on the Mac's copy)"
    )
