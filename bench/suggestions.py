"""Suggestions (issue 13): how fast, and how good, against the naive alternatives.

Speed: suggest() on articles of 50 sentences made from the bundled articles' sentences
(segmented beforehand, as the app has them), against the old guess_source on the same
sentences, the source pre-fill it replaces. Quality: per-tag precision, recall and F1,
source exact match, tag-set and accept-as-is accuracy on the DEV set (whole, and leave
one article out), on the held-out text and on the two halves of the blind set, next to
the baselines (every sentence claim + attribution; the old guess_source). See
bench/suggest_eval.py and docs/SUGGESTIONS.md. Without ../shared the DEV rows are
skipped, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.denial_model_train import chosen_report, development_sets, read_set
from bench.legacy_speaker import guess_source as legacy_guess_source
from bench.report import Figure, Naive
from bench.suggest_eval import (
    BLIND,
    BLIND2,
    BLIND3,
    BLIND4,
    BLIND5,
    BLIND6,
    BLIND7,
    DENIAL_GRID,
    DENIAL_PRECISION_FLOOR,
    DEV_SET,
    HELD_OUT,
    HELD_OUT_B,
    HELD_OUT_C,
    HELD_OUT_D,
    GoldArticle,
    Predicted,
    Scores,
    blind_halves,
    denial_counts,
    denial_folds,
    leave_one_article_out,
    legacy_predict,
    load_dev,
    load_held_out,
    pairs_of,
    predict,
    score,
)
from bench.timing import repeated
from bench.workspace import Workspace
from workbench.core.analysis.suggestions.suggest import THRESHOLDS, suggest_sentences
from workbench.core.annotation import TAGS
from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.sentences import Sentence, split_sentences

HELD_OUT_SETS = (
    ("held-out A (3 articles)", HELD_OUT),
    ("held-out B (3 articles)", HELD_OUT_B),
    ("held-out C (3 articles)", HELD_OUT_C),
    ("held-out D (2 articles; rules frozen before its first run)", HELD_OUT_D),
)
"""Text written for the suggester, in the order it was written (bench/data/*.txt say
when each was first run; docs/SUGGESTIONS.md keeps those first-run figures)."""

BLIND_DEVELOPMENT = "blind, development half (6 articles; rules-2 written on it)"
BLIND_TEST = "blind, test half (6 articles; unseen until rules-2 was frozen)"
BLIND_2 = "blind set 2 (12 articles; run once by rules-3, development text for rules-4)"
BLIND_3 = "blind set 3 (12 articles; run once by rules-4, development text for rules-5)"
BLIND_4 = "blind set 4 (14 articles; run once by rules-5, development text for rules-6)"
BLIND_5 = "blind set 5 (14 articles; run once by rules-6, training text for denial-model-1)"
BLIND_7 = "blind set 7 (16 articles; run once, by rules-7+denial-model-2 frozen)"
BLIND_6 = (
    "blind set 6 (16 articles; run once by rules-6+denial-model-1, training text for "
    "denial-model-2)"
)
"""The blind set (bench/data/suggest_blind.txt), written by an annotator who never saw
the rules: rules-2 was written looking at its development half only, then run once on
its test half (docs/SUGGESTIONS.md keeps both halves' first-run figures)."""

TARGET = 0.020
"""Seconds for an article of 50 sentences (issue 13)."""
SENTENCES = 50


def run(space: Workspace) -> list[Figure]:
    articles = fifty_sentence_articles()
    segmented = [(text, split_sentences("bench", text)) for text in articles]

    def suggest_one(run: int) -> None:
        text, sentences = segmented[run % len(segmented)]
        suggest_sentences("bench", text, sentences)

    def legacy_one(run: int) -> None:
        _text, sentences = segmented[run % len(segmented)]
        for sentence in sentences:
            legacy_guess_source(sentence.text)

    repeats = space.scale.repeats
    return [
        Figure(
            "suggest() on one article",
            f"{SENTENCES} sentences",
            repeated(suggest_one, repeats),
            limit=TARGET,
            statistic="p95",
            naive=Naive("old guess_source on each sentence", repeated(legacy_one, repeats)),
            note="source only",
            detail=quality_report(),
        )
    ]


def fifty_sentence_articles() -> list[str]:
    """Articles of exactly 50 sentences, each a run of the bundled articles' sentences
    (paragraphs kept), starting at a different place."""
    pool: list[Sentence] = [s for article in load_corpus() for s in article.sentences]
    made = []
    for first in range(0, len(pool) - SENTENCES, 37):
        chosen = pool[first : first + SENTENCES]
        lines: list[str] = []
        for previous, sentence in zip([None, *chosen], chosen, strict=False):
            same = previous is not None and previous.paragraph == sentence.paragraph
            if same and previous is not None and previous.article_id == sentence.article_id:
                lines[-1] += " " + sentence.text
            else:
                lines.append(sentence.text)
        made.append("\n".join(lines) + "\n")
    return made


# ---------------------------------------------------------------- quality


def quality_report(dev_folder: Path = DEV_SET) -> str:
    """The markdown quality table of docs/SUGGESTIONS.md."""
    rows = ["### Suggestion quality", ""]
    rows.append(
        "| text | method | sentences | claim P / R / F1 | attribution P / R / F1 "
        "| denial P / R / F1 | source exact | tag set exact | accept as is |"
    )
    rows.append("|---|---|---:|---|---|---|---:|---:|---:|")
    notes = []
    dev: list[GoldArticle] | None = None
    try:
        dev = load_dev(dev_folder)
    except FileNotFoundError:
        notes.append(f"DEV set skipped: {dev_folder} not found (it lives in ../shared).")
    else:
        rows += _rows("DEV (5 bundled articles)", dev, notes, leave_one_out=True)
    for label, path in HELD_OUT_SETS:
        rows += _rows(label, load_held_out(path), notes, leave_one_out=False)
    development, test = blind_halves(load_held_out(BLIND))
    rows += _rows(BLIND_DEVELOPMENT, development, notes, leave_one_out=False)
    rows += _rows(BLIND_TEST, test, notes, leave_one_out=False)
    rows += _rows(BLIND_2, load_held_out(BLIND2), notes, leave_one_out=False)
    rows += _rows(BLIND_3, load_held_out(BLIND3), notes, leave_one_out=False)
    rows += _rows(BLIND_4, load_held_out(BLIND4), notes, leave_one_out=False)
    rows += _rows(BLIND_5, load_held_out(BLIND5), notes, leave_one_out=False)
    rows += _rows(BLIND_6, load_held_out(BLIND6), notes, leave_one_out=False)
    rows += _rows(BLIND_7, load_held_out(BLIND7), notes, leave_one_out=False)
    rows.append("")
    rows.append(
        "Thresholds: " + ", ".join(f"{tag} {THRESHOLDS[tag]:.2f}" for tag in TAGS) + ". "
        "Accept as is: tags and source both exactly right."
    )
    rows += notes
    rows += ["", *denial_operating_point(dev)]
    rows += ["", *denial_model_report()]
    return "\n".join(rows)


def denial_model_report() -> list[str]:
    """The denial model's figures leave one development set out (its training script,
    bench/denial_model_train.py, with the shipped configuration)."""
    try:
        sets = [read_set(name, articles) for name, articles in development_sets().items()]
    except FileNotFoundError as missing:
        return [f"Denial model, leave one set out: skipped ({missing.filename} not found)."]
    return chosen_report(sets)


def denial_operating_point(dev: Sequence[GoldArticle] | None) -> list[str]:
    """The denial threshold chosen leave one development set out (docs/SUGGESTIONS.md,
    "The denial operating point"): precision and recall at every candidate, then each
    fold's choice and its figures on the set it was not chosen on."""
    sets: dict[str, Sequence[GoldArticle]] = {} if dev is None else {"DEV": dev}
    for name, path in (("blind 1", BLIND), ("blind 2", BLIND2), ("blind 3", BLIND3)):
        sets[name] = load_held_out(path)
    sets["blind 4"] = load_held_out(BLIND4)
    counts = denial_counts(sets)
    names = list(sets)
    rows = [
        "### Denial threshold sweep (rules + denial model)",
        "",
        "Since denial-model-1 these sets are the model's training text: the sweep is"
        " in-sample; the leave-one-set-out figures follow.",
        "",
        "| denial threshold | " + " | ".join(f"{name} P / R" for name in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for value in DENIAL_GRID:
        cells = (counts[(value, name)] for name in names)
        rows.append(
            f"| {value:.2f} | "
            + " | ".join(f"{c.precision:.2f} / {c.recall:.2f}" for c in cells)
            + " |"
        )
    rows += ["", "| left out | chosen on the others | its P / R there |", "|---|---:|---|"]
    for fold in denial_folds(counts, names):
        chosen = "none" if fold.chosen is None else f"{fold.chosen:.2f}"
        held = fold.counts
        rows.append(f"| {fold.left_out} | {chosen} | {held.precision:.2f} / {held.recall:.2f} |")
    rows += [
        "",
        f"rules-6's rule: the lowest threshold whose denial precision is at least "
        f"{DENIAL_PRECISION_FLOOR:.2f} on every set it is chosen on; shipped: "
        f"{THRESHOLDS['denial']:.2f} (since denial-model-1 the model's own threshold is"
        " chosen leave one set out and moved onto it: bench/denial_model_train.py).",
    ]
    return rows


def _rows(
    label: str, articles: Sequence[GoldArticle], notes: list[str], leave_one_out: bool
) -> list[str]:
    """The suggester (and, where thresholds are chosen on this text, leave one article
    out), then the baseline, on one gold set."""
    predictions = [predict(article) for article in articles]
    pairs = pairs_of(articles, predictions)
    rows = [_row(label, "suggester", score(pairs, THRESHOLDS))]
    if leave_one_out:
        loao = leave_one_article_out(articles, predictions, THRESHOLDS)
        chosen = ", ".join(f"{value:.2f}" for value in loao.chosen.values())
        rows.append(_row(label, "suggester, leave one article out", loao.scores))
        notes.append(f"{label}: claim thresholds chosen leave one article out: {chosen}.")
    baseline: list[list[Predicted]] = [
        legacy_predict(article, legacy_guess_source) for article in articles
    ]
    rows.append(
        _row(
            label,
            "baseline: every sentence claim + attribution, old guess_source",
            score(pairs_of(articles, baseline), THRESHOLDS),
        )
    )
    return rows


def _row(label: str, method: str, scores: Scores) -> str:
    def prf(tag: str) -> str:
        counts = scores.per_tag[tag]
        return f"{counts.precision:.2f} / {counts.recall:.2f} / {counts.f1:.2f}"

    return (
        f"| {label} | {method} | {scores.sentences} | {prf('claim')} | {prf('attribution')} "
        f"| {prf('denial')} | {scores.source_rate:.2f} ({scores.source_exact}/{scores.sources}) "
        f"| {scores.tag_set_rate:.2f} | {scores.accepted_rate:.2f} |"
    )
