"""`workbench summary` as it counted the articles read before perf17, for
bench/summary_counted.py to run as a process:

    python -m bench.naive_counted summary ARGUMENTS...

The command itself, with each article read segmented to count its sentences, as
`scope.article_rows` did before it took the count the database remembers for the same
text (about 650,000 Sentences made and kept for 10,000 articles).
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.cli.main import main
from workbench.core.analysis.summary import scope
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article


def every_article_segmented(
    articles: Iterable[Article], remembered: Iterable[ArticleInfo] = ()
) -> list[ArticleInfo]:
    return [ArticleInfo.of(article) for article in articles]


if __name__ == "__main__":
    scope.article_rows = every_article_segmented
    raise SystemExit(main())
