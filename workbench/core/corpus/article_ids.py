"""Article ids that differ only in their Unicode form: one file name, two spellings;
and names shown with what draws nothing escaped, so that two never look alike.

An article is named by its file, and a Mac writes file names with decomposed accents
("Jose" + U+0301) where Linux keeps what it was given (usually composed: "José"). Both
print the same, so an export made on a Mac's copy named another article than the desk's
without a word (tr11 T13): its annotations were listed as "article missing", compared
with nothing by `agree`, and a caveat said "rename 010_José back to 010_José".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping


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


def spellings_within(ids: Iterable[str]) -> list[tuple[str, ...]]:
    """Each name that `ids` hold written in more than one Unicode form: its spellings,
    sorted (tr13 T3, T5: one export holding both, after a Mac's copy was annotated
    beside the desk's, is two articles that print the same)."""
    by_form: dict[str, set[str]] = {}
    for article_id in ids:
        by_form.setdefault(name_form(article_id), set()).add(article_id)
    return sorted(tuple(sorted(group)) for group in by_form.values() if len(group) > 1)


def spellings_words(groups: list[tuple[str, ...]]) -> str:
    """What a file holding `groups` (spellings_within) holds, both spellings escaped."""
    named = "; ".join(" and ".join(map(spelt, group)) for group in groups[:3])
    more = f" and {len(groups) - 3} more" if len(groups) > 3 else ""
    return (
        f"it names {len(groups)} article(s) under two Unicode forms of one name: {named}"
        f"{more}. They print the same but are kept apart as two articles (a Mac writes file "
        "names with decomposed accents)"
    )


def held_twin_words(twins: list[tuple[str, str]], held: Mapping[str, int]) -> str:
    """What the app says on opening a folder whose file names are in another Unicode
    form than the database's (`twins`: form_twins of the database's ids against the
    folder's; `held`: annotations by article id): the article opened "tagged 0/3", its
    annotations unshown, and what the analyst tagged again became a second article
    (tr13 T2)."""
    count = sum(held[there] for there, _ in twins)
    named = first_three_twins(twins, "this folder's")
    return (
        f"The database holds {count} annotation(s) of {len(twins)} article(s) named as in "
        f"this folder, but written in another Unicode form: {named}. They print the "
        "same but are other articles: those annotations are not shown here, and what you "
        "tag here is kept apart from them (a Mac writes file names with decomposed "
        "accents). Quit (q) and rename the files into the database's form (e.g. `convmv -f "
        "utf8 -t utf8 --nfc --notest FILE`, or --nfd) to work on them."
    )


def spelt(article_id: str) -> str:
    """An id with its characters past ASCII escaped: two spellings shown apart."""
    return ascii(article_id)


def first_three_twins(twins: list[tuple[str, str]], other: str) -> str:
    """The first three pairs of spellings, each `first (other: second)`, and how many more:
    a long list of look-alikes would bury the message."""
    named = "; ".join(f"{spelt(first)} ({other}: {spelt(second)})" for first, second in twins[:3])
    return named + (f" and {len(twins) - 3} more" if len(twins) > 3 else "")


def form_twin_words(twins: list[tuple[str, str]], held_by: str) -> str:
    """Why an import naming `twins` is refused, with the way on."""
    named = first_three_twins(twins, "held")
    return (
        f"nothing imported: the file names {len(twins)} article(s) that {held_by} holds under "
        f"the same name written in another Unicode form: {named}. They print the same "
        "but would be kept apart as other articles (a Mac writes file names with decomposed "
        "accents). Export again from a copy whose file names are in the desk's form (e.g. "
        "`convmv -r -f utf8 -t utf8 --nfc --notest FOLDER` on the Mac's copy)"
    )
