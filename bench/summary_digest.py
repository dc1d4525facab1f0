"""Digests of the summary's JSON and Markdown, to check that a change leaves them as they were.

    python -m bench.summary_digest [--size N] [--skip-bench] [--readings]

A change made for speed must not change a byte of the summary. Run this on the commit
before and on the change, and compare the lines (`diff`): each names a data set, whose
summary (every analyst's, then one analyst's), the form and the sha256 and length of
what the CLI would write.

- bundled: the bundled articles (and a short story with a pronoun and a role), every
  sentence the suggester tags saved as suggested, half of the attributed ones typed
  over (their provenance dropped, so resolution reads the article), a second analyst
  on a third of them with another status;
- bench: the bench's synthetic database (bench/synthetic.py), `--size` annotations
  (100,000, the figure's size, by default), with the articles' texts, as the summary
  screen builds it. Building the data takes about a minute.

With --readings each summary is built with the readings restored (ledger/readings.py):
those that builds of both summaries made, kept as the store keeps them (through orjson).
The lines must be those printed without it.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import orjson

from bench.workspace import ANNOTATOR, FULL, Workspace
from store import AnnotationStore
from workbench.core.analysis.ledger.decisions import decisions_from_records
from workbench.core.analysis.ledger.readings import Readings
from workbench.core.analysis.sources.speakers import ArticleText, forget_answers
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.possible import with_possible
from workbench.core.annotation import STATUSES, Anchor, Annotation, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article, load_corpus

STORY = (
    "Troops Enter Combat\n"
    "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday that "
    "the troops had entered combat, about 10,000 of them. He added: “We do have indications "
    "of casualties.” The spokesman said at least 3,000 more would follow.\n"
    "President Vladimir Putin told reporters that the reports were a provocation. "
    "He said Russia had not sent 12,000 troops. They said more were coming."
)
WHEN = "2024-11-01T00:00:00+00:00"
"""Every annotation's time: the digests must not depend on the day they are made."""


def digests(
    name: str,
    annotations: Sequence[Annotation],
    articles: Sequence[ArticleInfo],
    decisions: Sequence[Mapping[str, object]],
    texts: Mapping[str, ArticleText],
    restore: bool = False,
) -> Iterator[str]:
    """One line per summary and form: name, whose, form, sha256, bytes (`restore`: each
    built with the readings both builds made restored)."""
    kept = kept_readings(annotations, articles, decisions, texts) if restore else None
    for annotator in (None, ANNOTATOR):
        forget_answers()  # as a new process: every pronoun's article read
        settings = SummarySettings(decisions=decisions_from_records(decisions), annotator=annotator)
        readings = None if kept is None else Readings(orjson.loads(kept))
        summary = build_summary(annotations, articles, settings, texts=texts, readings=readings)
        summary = with_possible(summary)  # as the command finishes it
        if readings is not None and readings.added:
            raise SystemExit(f"{name}: {len(readings.added)} readings were not restored")
        whose = annotator or "all"
        for form, data in (
            ("json", summary.to_json_bytes()),
            ("md", render_markdown(summary).encode("utf-8")),
        ):
            yield f"{name} {whose} {form} {hashlib.sha256(data).hexdigest()} {len(data)}"


def kept_readings(
    annotations: Sequence[Annotation],
    articles: Sequence[ArticleInfo],
    decisions: Sequence[Mapping[str, object]],
    texts: Mapping[str, ArticleText],
) -> bytes:
    """The readings builds of both summaries make, as JSON (what the store would keep)."""
    kept: dict[str, object] = {}
    for annotator in (None, ANNOTATOR):
        forget_answers()
        settings = SummarySettings(decisions=decisions_from_records(decisions), annotator=annotator)
        readings = Readings(kept)
        build_summary(annotations, articles, settings, texts=texts, readings=readings)
        kept.update(readings.added)
    return orjson.dumps(kept)


def bundled_annotations(articles: Sequence[Article]) -> list[Annotation]:
    """Every sentence the suggester tags, saved as suggested; every other attributed one
    typed over (no provenance); a second analyst on every third, with another status."""
    found: list[Annotation] = []
    attributed = 0
    for article in articles:
        for suggestion in suggest(article):
            if not suggestion.tags:
                continue
            sentence = article.sentences[suggestion.index]
            anchor = Anchor.in_text(
                article.id, article.sha256, article.text, sentence.index, sentence.start,
                sentence.end,
            )  # fmt: skip
            provenance = None
            if suggestion.source is not None:
                attributed += 1
                if attributed % 2:
                    provenance = Suggested(
                        version=SUGGESTER_VERSION,
                        tags=suggestion.tags,
                        source=suggestion.source,
                        resolved_source=suggestion.resolved_source,
                        scores=dict(suggestion.scores),
                    )
            tags = suggestion.tags if "claim" in suggestion.tags else ("claim", *suggestion.tags)
            mine = Annotation.new(
                anchor, ANNOTATOR, tags=tags, source=suggestion.source,
                suggestion=provenance, created_at=WHEN, updated_at=WHEN,
            )  # fmt: skip
            found.append(mine)
            if len(found) % 3 == 0:
                status = STATUSES[(len(found) // 3) % len(STATUSES)]
                found.append(
                    replace(mine, annotator="reviewer", suggestion=None, status=status, note="ok")
                )
    return found


def bundled(restore: bool = False) -> Iterator[str]:
    articles = [Article("story", Path("story.txt"), STORY), *load_corpus()]
    yield from digests(
        "bundled",
        bundled_annotations(articles),
        [ArticleInfo.of(article) for article in articles],
        [],
        {article.id: article for article in articles},
        restore,
    )


def bench(size: int, restore: bool = False) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="workbench-digest-") as root:
        space = Workspace(Path(root), FULL)
        with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:
            annotations, articles = store.all(), store.articles()
            decisions = store.ledger_decisions()
        yield from digests(
            f"bench-{size}", annotations, articles, decisions, space.corpus.by_id, restore
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.summary_digest")
    parser.add_argument("--size", type=int, default=FULL.largest, help="bench annotations")
    parser.add_argument("--skip-bench", action="store_true", help="the bundled articles only")
    parser.add_argument("--readings", action="store_true", help="build with the readings restored")
    args = parser.parse_args(argv)
    for line in bundled(args.readings):
        print(line, flush=True)
    if not args.skip_bench:
        for line in bench(args.size, args.readings):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
