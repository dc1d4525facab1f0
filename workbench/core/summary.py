"""The summary: per article, per source, the claim ledger and conflicting figures.

build_summary() turns annotations into one plain, JSON-ready dict (its shape is
documented in docs/summary.md) that the CLI prints and the summary screen shows;
render_markdown() turns that dict into a report that reads on its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.annotation import STATUSES, TAGS, Annotation
from workbench.core.ledger import (
    Figure,
    Ledger,
    LedgerGroup,
    LedgerSettings,
    build_ledger,
    member_key,
    paused_gc,
)
from workbench.core.sources import SourceGroup, canonical_source, group_sources, source_index

Canonical = Callable[[str | None], str | None]
SentenceDict = Callable[[Annotation], dict[str, Any]]

SCHEMA = "workbench-summary/1"
_LONE_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """What build_summary needs besides the annotations."""

    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    decisions: tuple[Mapping[str, Any], ...] = ()
    """The analyst's merge/split decisions (store.ledger_decisions()), oldest first."""


def build_summary(
    annotations: Iterable[Annotation],
    articles_info: Iterable[Mapping[str, Any]] = (),
    settings: SummarySettings | None = None,
) -> dict[str, Any]:
    """Everything the summary shows, as a plain dict.

    `articles_info` holds one mapping per known article: "id" (or "article_id"),
    "title" and "sentences" (a count). Articles with annotations but no info are
    listed with their id as title and sentences None.
    """
    with paused_gc():
        return _build_summary(list(annotations), articles_info, settings or SummarySettings())


def _build_summary(
    annotations: list[Annotation],
    articles_info: Iterable[Mapping[str, Any]],
    settings: SummarySettings,
) -> dict[str, Any]:
    groups = group_sources(a.source for a in annotations if a.source)
    index = source_index(groups)

    memo: dict[str | None, str | None] = {}

    def canonical(source: str | None) -> str | None:
        if source not in memo:
            memo[source] = canonical_source(index, source)
        return memo[source]

    ledger = build_ledger(annotations, settings.ledger, settings.decisions, canonical)
    sentences: dict[int, dict[str, Any]] = {}

    def sentence(annotation: Annotation) -> dict[str, Any]:
        """One dict per annotation, shared by every group that lists it (the ledger holds
        each annotation object once, so its id names it while the ledger lives)."""
        found = sentences.get(id(annotation))
        if found is None:
            found = sentences[id(annotation)] = _sentence_dict(annotation, canonical)
        return found

    return {
        "schema": SCHEMA,
        "totals": _totals(annotations),
        "articles": _articles(annotations, articles_info),
        "sources": _sources(annotations, groups, canonical),
        "ledger": [_group_dict(group, sentence) for group in ledger.groups],
        "unlinked_denials": _unlinked_denials(annotations, ledger.groups, sentence),
        "conflicts": _conflicts(ledger),
        "ignored_decisions": list(ledger.ignored_decisions),
        "settings": settings.ledger.to_dict(),
    }


def _counts(annotations: Sequence[Annotation]) -> tuple[dict[str, int], dict[str, int]]:
    tags: Counter[str] = Counter(tag for a in annotations for tag in a.tags)
    statuses: Counter[str] = Counter(a.status for a in annotations)
    return {t: tags[t] for t in TAGS}, {s: statuses[s] for s in STATUSES}


def _totals(annotations: Sequence[Annotation]) -> dict[str, Any]:
    tags, statuses = _counts(annotations)
    return {
        "annotations": len(annotations),
        "tagged": sum(1 for a in annotations if a.tags),
        "annotators": sorted({a.annotator for a in annotations}),
        "tags": tags,
        "statuses": statuses,
    }


def _articles(
    annotations: Sequence[Annotation], articles_info: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    by_article: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        by_article[annotation.article_id].append(annotation)
    info = {str(i.get("id", i.get("article_id"))): i for i in articles_info}
    rows = []
    for article_id in sorted(set(info) | set(by_article)):
        known = info.get(article_id, {})
        found = by_article.get(article_id, [])
        tags, statuses = _counts(found)
        sentences = known.get("sentences")
        rows.append(
            {
                "id": article_id,
                "title": str(known.get("title") or article_id),
                "sentences": int(sentences) if sentences is not None else None,
                "annotated": len({a.index for a in found}),
                "tagged": len({a.index for a in found if a.tags}),
                "tags": tags,
                "statuses": statuses,
            }
        )
    return rows


def _sources(
    annotations: Sequence[Annotation], groups: Sequence[SourceGroup], canonical: Canonical
) -> list[dict[str, Any]]:
    of_source: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        name = canonical(annotation.source)
        if name is not None:
            of_source[name].append(annotation)
    rows: list[dict[str, Any]] = []
    for group in groups:
        found = of_source.get(group.canonical, [])
        rows.append(
            {
                "canonical": group.canonical,
                "kind": group.kind,
                "variants": list(group.variants),
                "articles": sorted({a.article_id for a in found}),
                "sentences": len(found),
                "claims": sum(1 for a in found if "claim" in a.tags),
                "attributions": sum(1 for a in found if "attribution" in a.tags),
                "denials": sum(1 for a in found if "denial" in a.tags),
            }
        )
    rows.sort(key=lambda row: (-row["sentences"], row["canonical"].lower()))
    return rows


def _unlinked_denials(
    annotations: Sequence[Annotation],
    groups: Sequence[LedgerGroup],
    sentence: Callable[[Annotation], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Denials the ledger could not aim at any claim group: listed so none goes unseen."""
    linked = {denial.key for group in groups for denial in group.denials}
    return [
        sentence(annotation)
        for annotation in annotations
        if "denial" in annotation.tags and annotation.key not in linked
    ]


def _sentence_dict(annotation: Annotation, canonical: Canonical) -> dict[str, Any]:
    return {
        "key": member_key(annotation),
        "article_id": annotation.article_id,
        "index": annotation.index,
        "quote": annotation.quote,
        "source": annotation.source,
        "canonical_source": canonical(annotation.source),
        "tags": list(annotation.tags),
        "status": annotation.status,
        "note": annotation.note,
    }


def _figure_dict(figure: Figure) -> dict[str, Any]:
    quantity = figure.quantity
    return {
        "value": quantity.value,
        "text": quantity.text,
        "what": quantity.what,
        "who": quantity.who,
        "topic": quantity.topic,
        "qualifier": quantity.qualifier,
        "bound": quantity.bound,
        "unit": quantity.unit,
        "source": figure.source,
        "article_id": figure.article_id,
        "index": figure.index,
    }


def _group_dict(group: LedgerGroup, sentence: SentenceDict) -> dict[str, Any]:
    members = [sentence(m) for m in group.members]
    if len(members) == 1:
        only = members[0]["canonical_source"]
        articles = [group.members[0].article_id]
        sources = [only] if only else []
    else:
        articles = sorted({m.article_id for m in group.members})
        sources = sorted({s for m in members if (s := m["canonical_source"])})
    return {
        "id": group.id,
        "members": members,
        "articles": articles,
        "sources": sources,
        "denials": [sentence(d) for d in group.denials],
        "figures": [_figure_dict(f) for f in group.figures],
        "conflict": group.conflict,
        "conflict_topics": list(group.conflict_topics),
    }


def _conflicts(ledger: Ledger) -> list[dict[str, Any]]:
    return [
        {
            "topic": conflict.topic,
            "what": conflict.what,
            "who": conflict.who,
            "values": conflict.values,
            "figures": [_figure_dict(f) for f in conflict.figures],
            "groups": list(conflict.groups),
        }
        for conflict in ledger.conflicts
    ]


# -- Markdown -------------------------------------------------------------------------------


def format_value(value: float) -> str:
    """1500.0 -> '1,500'; 1200000.0 -> '1,200,000'; 5.5 -> '5.5'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell (article text is data, never markup)."""
    plain = " ".join(str(text).split())
    for char in "\\|*`[]<>#":
        plain = plain.replace(char, "\\" + char)
    return _LONE_UNDERSCORE.sub(r"\\_", plain)


def _quote(text: str, limit: int = 160) -> str:
    plain = " ".join(text.split())
    return _cell(plain if len(plain) <= limit else plain[: limit - 1] + "…")


def render_markdown(summary: Mapping[str, Any], max_groups: int = 200) -> str:
    """The summary as a Markdown report: headings, tables, conflicts called out first."""
    lines: list[str] = ["# Fact-checking summary", ""]
    totals = summary["totals"]
    lines += [
        f"{totals['annotations']} annotated sentences ({totals['tagged']} tagged) in "
        f"{len(summary['articles'])} articles by "
        f"{', '.join(map(_cell, totals['annotators'])) or 'nobody'}: "
        + ", ".join(f"{count} {tag}" for tag, count in totals["tags"].items())
        + ".",
        "",
    ]
    lines += _conflict_section(summary["conflicts"])
    lines += _article_section(summary["articles"])
    lines += _source_section(summary["sources"])
    lines += _ledger_section(summary["ledger"], max_groups)
    lines += _unlinked_denial_section(summary["unlinked_denials"])
    lines += _anchoring_section(summary.get("anchoring") or {})
    return "\n".join(lines).rstrip() + "\n"


ANCHORING_HEADINGS = {
    "check": (
        "Annotations to check",
        "Moved onto a similar sentence after their article changed; confirm each in the "
        "review screen.",
    ),
    "orphaned": (
        "Orphaned annotations",
        "No sentence of their article's current text is theirs; they count nowhere else. "
        "Sentence numbers are where they were made.",
    ),
    "article_missing": (
        "Article missing",
        "Their article is not in the corpus (a renamed or removed file).",
    ),
}


def _anchoring_section(anchoring: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[str]:
    """Annotations to check, orphans and those of missing articles (anchor_report.py)."""
    lines: list[str] = []
    for name, (heading, why) in ANCHORING_HEADINGS.items():
        listed = anchoring.get(name) or ()
        if not listed:
            continue
        lines += [
            f"## {heading} ({len(listed)})",
            "",
            why,
            "",
            "| article | sentence | annotator | tags | text |",
            "|---|---:|---|---|---|",
        ]
        for item in listed:
            lines.append(
                f"| {_cell(item['article_id'])} | {item['index'] + 1} | {_cell(item['annotator'])} "
                f"| {_cell(', '.join(item['tags']))} | {_quote(item['quote'], 200)} |"
            )
        lines.append("")
    return lines


def _unlinked_denial_section(denials: Sequence[Mapping[str, Any]]) -> list[str]:
    if not denials:
        return []
    lines = [
        "## Denials not linked to a claim",
        "",
        "The ledger found no claim group these denials aim at (lower the denial threshold "
        "to link more).",
        "",
        "| source | article | sentence | denial |",
        "|---|---|---:|---|",
    ]
    for denial in denials:
        source = denial["canonical_source"] or denial["source"] or "(unattributed)"
        lines.append(
            f"| {_cell(source)} | {_cell(denial['article_id'])} | {denial['index'] + 1} | "
            f"{_quote(denial['quote'], 200)} |"
        )
    return [*lines, ""]


def _conflict_section(conflicts: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = ["## Conflicting figures", ""]
    if not conflicts:
        return [*lines, "No conflicting figures.", ""]
    for conflict in conflicts:
        values = ", ".join(format_value(v) for v in conflict["values"])
        lines += [
            f"### ⚠ {_cell(conflict['topic'])}: {values}",
            "",
            "| figure | as written | source | article | sentence |",
            "|---:|---|---|---|---:|",
        ]
        for figure in conflict["figures"]:
            lines.append(
                f"| {format_value(figure['value'])} | {_cell(figure['text'])} | "
                f"{_cell(figure['source'] or '(unattributed)')} | {_cell(figure['article_id'])} | "
                f"{figure['index'] + 1} |"
            )
        lines.append("")
    return lines


def _article_section(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [
        "## Articles",
        "",
        "| article | title | sentences | tagged | "
        + " | ".join(TAGS)
        + " | "
        + " | ".join(STATUSES)
        + " |",
        "|---|---|---:|---:|" + "---:|" * (len(TAGS) + len(STATUSES)),
    ]
    for row in articles:
        sentences = "?" if row["sentences"] is None else row["sentences"]
        lines.append(
            f"| {_cell(row['id'])} | {_quote(row['title'], 80)} | {sentences} | {row['tagged']} | "
            + " | ".join(str(row["tags"][t]) for t in TAGS)
            + " | "
            + " | ".join(str(row["statuses"][s]) for s in STATUSES)
            + " |"
        )
    return [*lines, ""]


def _source_section(sources: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [
        "## Sources",
        "",
        "| source | also written | articles | claims | denials |",
        "|---|---|---:|---:|---:|",
    ]
    for row in sources:
        others = [v for v in row["variants"] if v != row["canonical"]]
        lines.append(
            f"| {_cell(row['canonical'])} | {_cell('; '.join(others)) or '—'} | "
            f"{len(row['articles'])} | {row['claims']} | {row['denials']} |"
        )
    return [*lines, ""]


def _ledger_section(groups: Sequence[Mapping[str, Any]], max_groups: int) -> list[str]:
    lines = ["## Claim ledger", ""]
    if not groups:
        return [*lines, "No claims.", ""]
    ranked = sorted(
        groups,
        key=lambda g: (
            not (g["conflict"] or g["conflict_topics"]),
            -len(g["members"]),
            -len(g["denials"]),
            g["id"],
        ),
    )
    shown = ranked[:max_groups]
    lines.append(
        f"{len(groups)} claim groups"
        + (f", of which the first {len(shown)} are shown" if len(shown) < len(groups) else "")
        + ". Groups with conflicting figures come first, then the largest."
    )
    lines.append("")
    for group in shown:
        flag = " ⚠ conflicting figures" if group["conflict"] or group["conflict_topics"] else ""
        sources = ", ".join(map(_cell, group["sources"])) or "unattributed"
        lines += [
            f"### {group['id']}{flag}",
            "",
            f"{len(group['members'])} sentence(s) in {len(group['articles'])} article(s); "
            f"sources: {sources}.",
            "",
        ]
        for member in group["members"]:
            lines.append(
                f"- {_cell(member['article_id'])} #{member['index'] + 1} "
                f"({member['status']}): {_quote(member['quote'])}"
            )
        if group["figures"]:
            figures = "; ".join(
                f"{format_value(f['value'])} {_cell(f['topic'])}" for f in group["figures"]
            )
            lines += ["", f"Figures: {figures}."]
        if group["denials"]:
            lines += ["", "Denied by:"]
            for denial in group["denials"]:
                lines.append(
                    f"- {_cell(denial['canonical_source'] or '(unattributed)')} "
                    f"({_cell(denial['article_id'])} #{denial['index'] + 1}): "
                    f"{_quote(denial['quote'])}"
                )
        lines.append("")
    return lines
