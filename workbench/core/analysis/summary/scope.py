"""What a report of the articles read covers: its article rows, and what it says of the
annotations whose article is not among them.

One rule for `workbench summary PATH…` and the summary screen (whose `w` writes the
report): the screen listed every article the database remembered, another story's too,
as read with "0 tagged", so the two reports of one database and corpus differed (qa7 Q8).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workbench.core.annotation import Annotation
from workbench.core.corpus.article_ids import name_form, spelt
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.core.terminal_text import name_printable


def article_rows(
    articles: Iterable[Article], remembered: Iterable[ArticleInfo] = ()
) -> list[ArticleInfo]:
    """The report's articles: those read, each counted on its text as it is now. An
    article the database remembers but that was not read is no row: its annotations
    are listed apart ("article missing"), never counted as an article with none.

    `remembered`: what the database remembers of the articles. Its sentence count is
    taken for an article not segmented yet when it was counted on this very text (same
    sha256) by this very segmenter (same stamp): segmenting 10,000 articles only to
    count them was about 7 s of a `summary PATH` at 100,000 annotations, and 129 MB
    of Sentences kept. Any other article is segmented and counted."""
    counts = _remembered_counts(remembered)
    return [
        ArticleInfo(article.id, article.title, article.sha256, counts[article.sha256])
        if not article.is_segmented and article.sha256 in counts
        else ArticleInfo.of(article)
        for article in articles
    ]


def _remembered_counts(remembered: Iterable[ArticleInfo]) -> dict[str, int]:
    """A text's sha256 -> its sentences, of the remembered articles counted by the
    segmenter in use (another segmenter's count may differ: the text is counted again)."""
    counts: dict[str, int] = {}
    stamp: str | None = None
    for info in remembered:
        if info.sha256 is None or info.sentences is None or info.sentences < 0:
            continue
        if stamp is None:
            from workbench.core.corpus.sentences import segmenter_stamp

            stamp = segmenter_stamp()
        if info.segmenter == stamp:
            counts[info.sha256] = info.sentences
    return counts


def renamed_articles(annotations: Iterable[Annotation], known: Mapping[str, Article]) -> list[str]:
    """A line for each article not read whose annotations' text is among those read under
    another id, the same text byte for byte: an article's id is its file's name, so a
    file renamed (an analyst dating it) had its annotations listed as "article missing"
    and dropped from every count, without a word (qa6 Q26)."""
    return [renamed_caveat(missing, there) for missing, there in renamed_pairs(annotations, known)]


def renamed_pairs(
    annotations: Iterable[Annotation], known: Mapping[str, Article]
) -> list[tuple[str, str]]:
    """(missing id, id read) for each article not read whose annotations were made on a
    text read under another id (the same sha256), sorted: the file renamed."""
    by_text: dict[str, list[str]] = {}
    for article in known.values():
        by_text.setdefault(article.sha256, []).append(article.id)
    found: dict[str, str] = {}
    for annotation in annotations:
        if annotation.article_id not in known and annotation.article_id not in found:
            same = by_text.get(annotation.article_sha256)
            if same:
                found[annotation.article_id] = same[0]
    return sorted(found.items())


def renamed_notice(
    pairs: list[tuple[str, str]], held: Mapping[str, int], known: Mapping[str, Article]
) -> str:
    """What the annotate screen says on opening a folder where an annotated file was
    renamed (`pairs`: renamed_pairs; `held`: every analyst's annotations by the
    database's article id; `known`: the articles read, by id): the article opened
    "tagged 0/7" without a word, and tagging it again counted each figure twice in the
    summary, under both names (qa21 #2). The advice names files as they are and should
    be named, with their suffix (an id is a file's name without it: rv21 #3)."""
    count = sum(held.get(missing, 0) for missing, _ in pairs)
    named = "; ".join(
        f"{name_printable(missing)} (now {name_printable(there)})" for missing, there in pairs[:3]
    )
    if len(pairs) > 3:
        named += f" and {len(pairs) - 3} more"
    missing, there = pairs[0]
    now = known[there].path.name
    first, now = name_printable(missing + known[there].path.suffix), name_printable(now)
    return (
        f"The database holds {count} annotation(s) (every analyst's) of {len(pairs)} "
        f"article(s) whose file "
        f"was renamed: {named}. An article is named by its file, so they are not shown "
        f"here, and what you tag here is counted apart from them (the summary would count "
        f"that text twice). To work on them, quit (q) and rename the file back "
        f"(e.g. {now} to {first})."
    )


def one_text_under_two_ids(annotations: Iterable[Annotation]) -> list[str]:
    """A caveat for each text annotated under more than one article id (the same sha256):
    a file renamed and tagged again, or copied, is counted once under each name, every
    figure and sentence twice, and the report says so (qa21 #2)."""
    ids: dict[str, set[str]] = {}
    for annotation in annotations:
        ids.setdefault(annotation.article_sha256, set()).add(annotation.article_id)
    return [
        f"{' and '.join(map(name_printable, names))} are one text (the same bytes) annotated "
        "under each file name: its sentences and figures are counted once under each"
        for names in sorted(sorted(group) for group in ids.values() if len(group) > 1)
    ]


def renamed_caveat(missing: str, there: str) -> str:
    """The caveat of one renamed article; two spellings of one name (a Mac's decomposed
    accents) said so, escaped: "rename 010_José back to 010_José" read as nothing to do
    (tr11 T13); other names with what draws nothing escaped (name_printable, tr14 T2)."""
    if name_form(missing) == name_form(there):
        return (
            f"{missing} is not among the articles read, but {there} has the text its "
            "annotations were made on under the same name written in another Unicode form "
            f"(the database's {spelt(missing)}, the file's {spelt(there)}: a Mac writes file "
            "names with decomposed accents): rename the file into the database's form to "
            "count them (e.g. `convmv -f utf8 -t utf8 --nfc --notest FILE`, or --nfd)"
        )
    missing, there = name_printable(missing), name_printable(there)  # "alpha" + U+200B
    return (
        f"{missing} is not among the articles read, but {there} has the text its annotations "
        f"were made on (an article is named by its file): rename {there} back to {missing} "
        "to count them"
    )
