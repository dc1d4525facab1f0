"""Articles whose file changed on disk after they were opened (qa10 Q26).

A publisher's correction saved while the workbench is open is read only at the next
start, where the annotations are re-anchored onto it; until then the session tags and
summarises the text as opened, while `workbench summary` in another shell reads the
new one. The session cannot re-anchor under the analyst's feet, but it can say so: a
file whose time or size differs from when it was read is read again, and named when its
text differs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

from workbench.core.corpus.articles import (
    Article,
    ArticleError,
    decode_article,
    read_article_bytes,
)


def changed_on_disk(articles: Iterable[Article]) -> list[Article]:
    """The articles whose file no longer holds the text read (or can no longer be read).
    A stat per article; a file is read again only when its time or size changed."""
    changed = []
    for article in articles:
        if article.stamp is None:
            continue
        try:
            info = os.stat(article.path)
        except OSError:
            changed.append(article)
            continue
        if (info.st_mtime_ns, info.st_size) == article.stamp:
            continue
        try:
            text = decode_article(read_article_bytes(article.path))
        except (OSError, ArticleError):
            changed.append(article)
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != article.sha256:
            changed.append(article)
    return changed


def changed_notice(changed: list[Article]) -> str:
    """'103_halden_day3.txt changed on disk since it was opened: …' for a notice."""
    names = [article.path.name for article in changed]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    verb = "changed" if len(names) == 1 else "have changed"
    return (
        f"{shown} {verb} on disk since opened: this session still shows, tags and "
        "summarises the text as opened. Quit and reopen to re-anchor the annotations "
        "onto the new text."
    )
