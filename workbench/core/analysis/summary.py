"""The summary: per article, per source, the claim ledger and conflicting figures.

build_summary() turns annotations into one plain, JSON-ready dict (its shape is
documented in docs/summary.md) that the CLI prints and the summary screen shows;
render_markdown() turns that dict into a report that reads on its own.

A summary is one analyst's (SummarySettings.annotator) or every analyst's (None): then
each sentence counts once, each distinct judgement of it is one line naming its
analysts, and a sentence they judged differently is marked (analysts.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.analysis.analysts import Analysts, Facts, Line
from workbench.core.analysis.figures.conflicts import Clash, Figure, explain
from workbench.core.analysis.figures.conflicts import format_value as format_value
from workbench.core.analysis.ledger.decisions import LedgerDecision
from workbench.core.analysis.ledger.ledger import (
    Ledger,
    LedgerGroup,
    build_ledger,
)
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.sources.grouping import (
    SourceGroup,
    canonical_source,
    group_sources,
    source_index,
)
from workbench.core.annotation import STATUSES, TAGS, Annotation
from workbench.core.collector import paused_gc
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.titles import short_titles

Canonical = Callable[[str | None], str | None]
SentenceDict = Callable[[Annotation], dict[str, Any]]
FigureDict = Callable[[Figure], dict[str, Any]]
Why = Callable[[Clash], str]

SCHEMA = "workbench-summary/1"
_LONE_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """What build_summary needs besides the annotations."""

    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    decisions: tuple[LedgerDecision, ...] = ()
    """The analysts' merge/split decisions (decisions_from_records(store.ledger_decisions())),
    oldest first."""
    annotator: str | None = None
    """Whose summary: one analyst's (their annotations and decisions), None for all."""


def build_summary(
    annotations: Iterable[Annotation],
    articles_info: Iterable[ArticleInfo] = (),
    settings: SummarySettings | None = None,
) -> dict[str, Any]:
    """Everything the summary shows, as a plain dict.

    `articles_info` holds the known articles (title and sentence count). Articles with
    annotations but no info are listed with their id as title and sentences None.
    """
    with paused_gc(promote=True):
        return _build_summary(list(annotations), articles_info, settings or SummarySettings())


def _build_summary(
    annotations: list[Annotation],
    articles_info: Iterable[ArticleInfo],
    settings: SummarySettings,
) -> dict[str, Any]:
    decisions = settings.decisions
    if settings.annotator is not None:
        annotations = [a for a in annotations if a.annotator == settings.annotator]
        decisions = tuple(d for d in decisions if d.annotator in (None, settings.annotator))
    groups = group_sources(a.source for a in annotations if a.source)
    index = source_index(groups)

    memo: dict[str | None, str | None] = {}

    def canonical(source: str | None) -> str | None:
        if source not in memo:
            memo[source] = canonical_source(index, source)
        return memo[source]

    analysts = Analysts(annotations, canonical)
    ledger = build_ledger(analysts.shown, settings.ledger, decisions, canonical)
    facts = analysts.facts
    articles = _articles(facts, articles_info)
    titles = {row["id"]: row["short_title"] for row in articles}
    sentences: dict[int, dict[str, Any]] = {}

    def sentence(annotation: Annotation) -> dict[str, Any]:
        """One dict per annotation, shared by every group that lists it (the ledger holds
        each annotation object once, so its id names it while the ledger lives)."""
        found = sentences.get(id(annotation))
        if found is None:
            found = sentences[id(annotation)] = _sentence_dict(annotation, canonical, analysts)
        return found

    figures: dict[int, dict[str, Any]] = {}
    measures: dict[int, dict[str, Any]] = {}

    def figure(item: Figure) -> dict[str, Any]:
        """One dict per figure, shared by its group and its conflict (as sentences are),
        and one per measure, shared by the figures of one quote."""
        found = figures.get(id(item))
        if found is None:
            measure = measures.get(id(item.measure))
            if measure is None:
                measure = measures[id(item.measure)] = item.measure.to_dict()
            found = figures[id(item)] = _figure_dict(item, measure)
        return found

    reasons: dict[int, str] = {}

    def why(clash: Clash) -> str:
        """The clash explained, with an unattributed figure named by its article's title."""
        found = reasons.get(id(clash))
        if found is None:
            found = reasons[id(clash)] = explain(clash, lambda f: _origin_name(f, titles))
        return found

    return {
        "schema": SCHEMA,
        "annotator": settings.annotator,
        "totals": _totals(annotations, facts, analysts.names),
        "articles": articles,
        "sources": _sources(facts, groups),
        "ledger": [_group_dict(group, sentence, figure, why) for group in ledger.groups],
        "unlinked_denials": _unlinked_denials(analysts.shown, ledger.groups, sentence),
        "conflicts": _conflicts(ledger, figure, why),
        "ignored_decisions": [decision.to_record() for decision in ledger.ignored_decisions],
        "settings": settings.ledger.to_dict(),
    }


def _origin_name(figure: Figure, titles: Mapping[str, str]) -> str:
    """Who gives a figure: its source, or for an unattributed claim its article."""
    return figure.source or f"article “{titles.get(figure.article_id, figure.article_id)}”"


def _counts(facts: Sequence[Facts]) -> tuple[dict[str, int], dict[str, int]]:
    """Sentences per tag (given by any analyst) and per status (agreed by all).

    Counted in plain loops: this runs once per article (10,000 of them), where building
    two Counters cost more than the counting.
    """
    tags = dict.fromkeys(TAGS, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    for fact in facts:
        for tag in fact.tags:
            if tag in tags:
                tags[tag] += 1
        if fact.status in statuses:
            statuses[fact.status] += 1
    return tags, statuses


def _totals(
    annotations: Sequence[Annotation], facts: Sequence[Facts], names: list[str]
) -> dict[str, Any]:
    tags, statuses = _counts(facts)
    return {
        "annotations": len(annotations),
        "sentences": len(facts),
        "tagged": sum(1 for f in facts if f.tags),
        "annotators": names,
        "disagreements": sum(1 for f in facts if f.disagreement),
        "tags": tags,
        "statuses": statuses,
    }


def _articles(facts: Sequence[Facts], articles_info: Iterable[ArticleInfo]) -> list[dict[str, Any]]:
    by_article: dict[str, list[Facts]] = defaultdict(list)
    for fact in facts:
        by_article[fact.article_id].append(fact)
    info = {known.article_id: known for known in articles_info}
    ids = sorted(set(info) | set(by_article))
    titles = {
        article_id: (known.title if (known := info.get(article_id)) else None) or article_id
        for article_id in ids
    }
    short = short_titles(titles.items())
    rows = []
    for article_id in ids:
        known = info.get(article_id)
        found = by_article.get(article_id, [])
        tags, statuses = _counts(found)
        rows.append(
            {
                "id": article_id,
                "title": titles[article_id],
                "short_title": short[article_id],
                "sentences": None if known is None else known.sentences,
                "annotated": len(found),
                "tagged": sum(1 for f in found if f.tags),
                "disagreements": sum(1 for f in found if f.disagreement),
                "tags": tags,
                "statuses": statuses,
            }
        )
    return rows


def _sources(facts: Sequence[Facts], groups: Sequence[SourceGroup]) -> list[dict[str, Any]]:
    of_source: dict[str, list[Facts]] = defaultdict(list)
    for fact in facts:
        for name in fact.sources:
            of_source[name].append(fact)
    rows: list[dict[str, Any]] = []
    for group in groups:
        found = of_source.get(group.canonical, [])
        rows.append(
            {
                "canonical": group.canonical,
                "kind": group.kind,
                "variants": list(group.variants),
                "articles": sorted({f.article_id for f in found}),
                "sentences": len(found),
                "claims": sum(1 for f in found if "claim" in f.tags),
                "attributions": sum(1 for f in found if "attribution" in f.tags),
                "denials": sum(1 for f in found if "denial" in f.tags),
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


def _sentence_dict(
    annotation: Annotation, canonical: Canonical, analysts: Analysts
) -> dict[str, Any]:
    merged = analysts.merged(annotation)
    if merged is None:  # one analyst's line, as almost every line is
        note, name = annotation.note, annotation.annotator
        annotators = [name]
        notes = [{"annotators": [name], "note": note}] if note else []
        others = []
    else:
        annotators = list(merged.annotators)
        notes = [{"annotators": list(who), "note": text} for who, text in merged.notes]
        others = [_judgement_dict(other, canonical) for other in analysts.others(annotation)]
    return {
        "key": list(annotation.key),
        "article_id": annotation.article_id,
        "index": annotation.index,
        "quote": annotation.quote,
        "source": annotation.source,
        "canonical_source": canonical(annotation.source),
        "tags": list(annotation.tags),
        "status": annotation.status,
        "note": annotation.note,
        "annotators": annotators,
        "notes": notes,
        "disagreement": bool(others),
        "others": others,
    }


def _judgement_dict(line: Line, canonical: Canonical) -> dict[str, Any]:
    """Another analyst's different judgement of the same sentence."""
    annotation = line.annotation
    return {
        "annotators": list(line.annotators),
        "tags": list(annotation.tags),
        "status": annotation.status,
        "source": annotation.source,
        "canonical_source": canonical(annotation.source),
    }


def _figure_dict(figure: Figure, measure: dict[str, Any]) -> dict[str, Any]:
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
        "measure": measure,
        "source": figure.source,
        "article_id": figure.article_id,
        "index": figure.index,
    }


def _group_dict(
    group: LedgerGroup, sentence: SentenceDict, figure: FigureDict, why: Why
) -> dict[str, Any]:
    if len(group.members) > 1 and group.members[0].annotator != group.members[-1].annotator:
        # several analysts: the lines of one sentence together, figures once per sentence
        ordered = sorted(group.members, key=lambda m: (m.article_id, m.index, m.annotator))
        members = [sentence(m) for m in ordered]
        shown = list({(f.article_id, f.index, f.quantity.start): f for f in group.figures}.values())
    else:
        members = [sentence(m) for m in group.members]
        shown = list(group.figures)
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
        "figures": [figure(f) for f in shown],
        "conflict": group.conflict,
        "conflict_topics": list(group.conflict_topics),
        "conflict_reasons": [why(clash) for clash in group.clashes],
    }


def _conflicts(ledger: Ledger, figure: FigureDict, why: Why) -> list[dict[str, Any]]:
    rows = []
    for conflict in ledger.conflicts:
        position = {id(figure): n for n, figure in enumerate(conflict.figures)}
        rows.append(
            {
                "topic": conflict.topic,
                "what": conflict.what,
                "who": conflict.who,
                "values": conflict.values,
                "figures": [figure(f) for f in conflict.figures],
                "pairs": [
                    {
                        "figures": [position[id(clash.low)], position[id(clash.high)]],
                        "why": why(clash),
                    }
                    for clash in conflict.clashes
                ],
                "groups": list(conflict.groups),
            }
        )
    return rows


# -- Markdown -------------------------------------------------------------------------------


def sentence_label(index: int) -> str:
    """How a person reads a sentence number, everywhere: 'sentence 12' (counted from 1)."""
    return f"sentence {index + 1}"


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
    """The summary as a Markdown report: headings, tables, conflicts called out first.

    Articles are named by their short titles and sentences as "sentence 12"; group and
    article ids are left to the JSON.
    """
    titles = {row["id"]: row.get("short_title") or row["title"] for row in summary["articles"]}
    lines: list[str] = ["# Fact-checking summary", ""]
    totals = summary["totals"]
    names = ", ".join(map(_cell, totals["annotators"])) or "nobody"
    scope = (
        f"All analysts: {names}."
        if summary.get("annotator") is None and len(totals["annotators"]) > 1
        else f"Analyst: {_cell(summary.get('annotator') or names)}."
    )
    sentences = totals.get("sentences", totals["annotations"])
    lines += [
        scope,
        "",
        f"{sentences} annotated sentences ({totals['tagged']} tagged) in "
        f"{len(summary['articles'])} articles by {names}: "
        + ", ".join(f"{count} {tag}" for tag, count in totals["tags"].items())
        + "."
        + _disagreement_note(totals.get("disagreements", 0)),
        "",
    ]
    lines += _conflict_section(summary["conflicts"], titles)
    lines += _article_section(summary["articles"])
    lines += _source_section(summary["sources"])
    lines += _ledger_section(summary["ledger"], max_groups, titles)
    lines += _unlinked_denial_section(summary["unlinked_denials"], titles)
    lines += _anchoring_section(summary.get("anchoring") or {}, titles)
    return "\n".join(lines).rstrip() + "\n"


def _disagreement_note(count: int) -> str:
    if not count:
        return ""
    return (
        f" The analysts judged {count} sentence(s) differently: each judgement is listed, marked ≠."
    )


def _where(item: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """'*U.S. Cites ‘Indications’…*, sentence 12': an article and sentence as people read them."""
    title = titles.get(item["article_id"], item["article_id"])
    return f"*{_cell(title)}*, {sentence_label(item['index'])}"


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


def _anchoring_section(
    anchoring: Mapping[str, Sequence[Mapping[str, Any]]], titles: Mapping[str, str]
) -> list[str]:
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
            "|---|---|---|---|---|",
        ]
        for item in listed:
            title = titles.get(item["article_id"], item["article_id"])
            lines.append(
                f"| {_cell(title)} | {sentence_label(item['index'])} | "
                f"{_cell(item['annotator'])} | {_cell(', '.join(item['tags']))} | "
                f"{_quote(item['quote'], 200)} |"
            )
        lines.append("")
    return lines


def _unlinked_denial_section(
    denials: Sequence[Mapping[str, Any]], titles: Mapping[str, str]
) -> list[str]:
    if not denials:
        return []
    lines = [
        "## Denials not linked to a claim",
        "",
        "The ledger found no claim group these denials aim at (lower the denial threshold "
        "to link more).",
        "",
    ]
    for denial in denials:
        source = denial["canonical_source"] or denial["source"] or "unattributed"
        lines += _sentence_lines(denial, titles, source)
    return [*lines, ""]


def _conflict_section(
    conflicts: Sequence[Mapping[str, Any]], titles: Mapping[str, str]
) -> list[str]:
    lines = ["## Conflicting figures", ""]
    if not conflicts:
        return [*lines, "No conflicting figures.", ""]
    for conflict in conflicts:
        values = ", ".join(format_value(v) for v in conflict["values"])
        lines += [
            f"### ⚠ {_cell(conflict['topic'])}: {values}",
            "",
            "| figure | as written | source | article | sentence |",
            "|---:|---|---|---|---|",
        ]
        for figure in conflict["figures"]:
            title = titles.get(figure["article_id"], figure["article_id"])
            lines.append(
                f"| {format_value(figure['value'])} | {_cell(figure['text'])} | "
                f"{_cell(figure['source'] or 'unattributed')} | {_cell(title)} | "
                f"{sentence_label(figure['index'])} |"
            )
        lines += ["", "Why they conflict:", ""]
        lines += [f"- {_cell(pair['why'])}" for pair in conflict.get("pairs", ())]
        lines.append("")
    return lines


def _article_section(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [
        "## Articles",
        "",
        "| article | sentences | tagged | "
        + " | ".join(TAGS)
        + " | "
        + " | ".join(status.replace("_", " ") for status in STATUSES)
        + " |",
        "|---|---:|---:|" + "---:|" * (len(TAGS) + len(STATUSES)),
    ]
    for row in articles:
        sentences = "?" if row["sentences"] is None else row["sentences"]
        title = row.get("short_title") or row["title"]
        lines.append(
            f"| {_cell(title)} | {sentences} | {row['tagged']} | "
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


def ranked_groups(groups: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Groups with conflicting figures first, then the largest: the order people read."""
    return sorted(
        groups,
        key=lambda g: (
            not (g["conflict"] or g["conflict_topics"]),
            -len(g["members"]),
            -len(g["denials"]),
            g["id"],
        ),
    )


def conflict_flag(group: Mapping[str, Any]) -> str:
    """What a group's ⚠ says: its own claims disagree, or another claim disputes them."""
    if group["conflict"]:
        return "⚠ conflicting figures"
    if group["conflict_topics"]:
        return "⚠ figures disputed by other claims"
    return ""


def _ledger_section(
    groups: Sequence[Mapping[str, Any]], max_groups: int, titles: Mapping[str, str]
) -> list[str]:
    lines = ["## Claim ledger", ""]
    if not groups:
        return [*lines, "No claims.", ""]
    shown = ranked_groups(groups)[:max_groups]
    lines.append(
        f"{len(groups)} claim groups"
        + (f", of which the first {len(shown)} are shown" if len(shown) < len(groups) else "")
        + ". Groups with conflicting figures come first, then the largest."
    )
    lines.append("")
    for number, group in enumerate(shown, 1):
        flag = conflict_flag(group)
        sources = ", ".join(map(_cell, group["sources"])) or "unattributed"
        first = group["members"][0]["quote"]
        count = len({(m["article_id"], m["index"]) for m in group["members"]})
        lines += [
            f"### {number}. {_quote(first, 80)}" + (f" {flag}" if flag else ""),
            "",
            f"{count} sentence(s) in {len(group['articles'])} article(s); sources: {sources}.",
            "",
        ]
        listed: dict[tuple[str, int], set[str]] = defaultdict(set)
        for member in group["members"]:
            listed[(member["article_id"], member["index"])].update(member["annotators"])
        for member in group["members"]:
            own = listed[(member["article_id"], member["index"])]
            lines += _sentence_lines(member, titles, member["status"].replace("_", " "), own)
        if group["figures"]:
            figures = "; ".join(
                f"{format_value(f['value'])} {_cell(f['topic'])}" for f in group["figures"]
            )
            lines += ["", f"Figures: {figures}."]
        if group.get("conflict_reasons"):
            lines += ["", "Why the figures conflict:", ""]
            lines += [f"- {_cell(reason)}" for reason in group["conflict_reasons"]]
        if group["denials"]:
            lines += ["", "Denied by:", ""]
            for denial in group["denials"]:
                source = denial["canonical_source"] or "unattributed"
                lines += _sentence_lines(denial, titles, source)
        lines.append("")
    return lines


def _sentence_lines(
    sentence: Mapping[str, Any],
    titles: Mapping[str, str],
    lead: str,
    listed: Iterable[str] = (),
) -> list[str]:
    """A sentence as a list item: where it is, `lead` (its status, or a denial's source),
    the analysts who judged it so (≠: others judged it differently), the quote, and under
    it the other judgements (but those of `listed` analysts, on lines of their own)
    and the notes."""
    on_own_lines = set(listed)
    who = ", ".join(map(_cell, sentence.get("annotators", ())))
    mark = " ≠" if sentence.get("disagreement") else ""
    lines = [
        f"- {_where(sentence, titles)} · {_cell(lead)} · {who}{mark}: {_quote(sentence['quote'])}"
    ]
    for other in sentence.get("others", ()):
        if on_own_lines.issuperset(other["annotators"]):
            continue
        tags = ", ".join(other["tags"]) or "no tag"
        source = other["canonical_source"] or other["source"] or "unattributed"
        lines.append(
            f"  - ≠ {', '.join(map(_cell, other['annotators']))} judged it: {_cell(tags)}, "
            f"{_cell(other['status'])}, source {_cell(source)}"
        )
    notes = sentence.get("notes") or (
        [{"annotators": [], "note": sentence["note"]}] if sentence.get("note") else []
    )
    for note in notes:
        by = ", ".join(map(_cell, note["annotators"]))
        lines.append(f"  - Note{f' ({by})' if by else ''}: {_quote(note['note'], 300)}")
    return lines
