"""How well re-anchoring places annotations after realistic edits: the fuzzy step's
precision and recall per threshold, the scorers compared, and every edit's outcomes.

    .venv/bin/python -m bench.reanchor_accuracy [--trials N] [--seed S]

Reproduces the tables of docs/decisions/reanchoring.md. Each trial takes an article
(the five bundled ones and synthetic ones made from their sentences), annotates 40% of
its sentences, applies one to three edits (bench/edits.py) and re-anchors. Only the
annotations whose exact quote is gone reach the fuzzy step; for them:

- precision: of the annotations the fuzzy step attached, the share attached to a right
  sentence (the same sentence edited; either half of a split one; the merged one);
- recall: of those that have a right sentence, the share attached to it (the others
  are orphaned, or attached wrongly).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from rapidfuzz import fuzz

from bench.edits import Doc, Editor, document, render, sentence_pieces
from bench.synthetic import SentencePool, synthetic_articles
from workbench.core.anchoring import placement as anchoring_rules
from workbench.core.anchoring.placement import CHECK, MOVED, ORPHAN, UNCHANGED, plan_article
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Article, load_corpus

THRESHOLDS = tuple(range(50, 100, 5))
SCORERS: dict[str, Callable[..., float]] = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "partial_ratio": fuzz.partial_ratio,
    "WRatio": fuzz.WRatio,
}
ANNOTATED_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class Trial:
    """An edited article, its annotations on the old text, and each one's right places."""

    new: Article
    annotations: tuple[Annotation, ...]
    right: dict[tuple[str, str, int], frozenset[int]]
    """Annotation key -> the new sentence indexes that are right for it (none: orphan)."""
    kinds: tuple[str, ...]


def source_documents(synthetic: int, ids: count[int]) -> list[Doc]:
    """The bundled articles and `synthetic` made-up ones, as paragraphs of sentences."""
    texts = [article.text for article in load_corpus()]
    texts += [article.text for article in synthetic_articles(synthetic, seed=11)]
    docs = []
    for text in texts:
        paragraphs: dict[int, list[str]] = defaultdict(list)
        for sentence in Article("x", Path("x"), text).sentences:
            paragraphs[sentence.paragraph].append(sentence.text)
        docs.append(document([paragraphs[p] for p in sorted(paragraphs)], ids))
    return docs


def article_of(doc: Doc, name: str) -> tuple[Article, list[int | None]]:
    text, spans = render(doc)
    return Article(name, Path(f"{name}.txt"), text), sentence_pieces(text, spans)


def make_trials(number: int, seed: int) -> Iterator[Trial]:
    rng = random.Random(seed)
    ids = count(1)
    docs = source_documents(45, ids)
    pool = SentencePool.bundled().sentences
    for trial in range(number):
        doc = rng.choice(docs)
        name = f"t{trial}"
        old, old_pieces = article_of(doc, name)
        editor = Editor(doc, pool, rng)
        for _ in range(rng.randint(1, 3)):
            editor.apply()
        new, new_pieces = article_of(editor.doc, name)
        where: dict[int, list[int]] = defaultdict(list)
        for index, piece in enumerate(new_pieces):
            if piece is not None:
                where[piece].append(index)
        annotations: list[Annotation] = []
        right: dict[tuple[str, str, int], frozenset[int]] = {}
        for sentence, piece in zip(old.sentences, old_pieces, strict=True):
            if piece is None or rng.random() >= ANNOTATED_SHARE:
                continue
            targets = editor.gold.get(piece, frozenset())
            indexes = frozenset(i for target in targets for i in where.get(target, ()))
            if targets and not indexes:
                continue  # the segmenter cut the right sentence elsewhere: no truth to use
            anchor = Anchor.in_text(
                name, old.sha256, old.text, sentence.index, sentence.start, sentence.end
            )
            annotation = Annotation.new(anchor, "analyst", tags=("claim",))
            annotations.append(annotation)
            right[annotation.key] = indexes
        yield Trial(new, tuple(annotations), right, tuple(editor.kinds))


@contextmanager
def scorer(name: str) -> Iterator[None]:
    saved = anchoring_rules.SCORER
    anchoring_rules.SCORER = SCORERS[name]
    try:
        yield
    finally:
        anchoring_rules.SCORER = saved


@dataclass
class Tally:
    """Outcomes of the fuzzy step (and of the whole re-anchoring) over many trials."""

    reached: int = 0
    """Annotations whose exact quote was gone."""
    placeable: int = 0
    """... of which a right sentence exists."""
    attached: int = 0
    correct: int = 0
    wrong_exact: int = 0
    """Annotations the exact step put on a wrong sentence (threshold-independent)."""
    wrong_flagged: int = 0
    """... of which marked to check (moved into unlike surroundings)."""
    right_flagged: int = 0
    """Annotations the exact step put on the right sentence but marked to check."""
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.attached if self.attached else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.placeable if self.placeable else 1.0

    def f_beta(self, beta: float = 0.5) -> float:
        p, r = self.precision, self.recall
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def evaluate(trials: Sequence[Trial], threshold: float) -> tuple[Tally, dict[str, Counter[str]]]:
    tally = Tally()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for trial in trials:
        plan = plan_article(trial.new, trial.annotations, threshold)
        for placement in plan.placements:
            right = trial.right[placement.before.key]
            outcome = placement.outcome
            good = placement.new_index in right if right else outcome == ORPHAN
            for kind in set(trial.kinds):
                by_kind[kind][f"{outcome} {'right' if good else 'wrong'}"] += 1
            exact_check = outcome == CHECK and placement.after.quote == placement.before.quote
            if outcome in (UNCHANGED, MOVED) or exact_check:
                tally.exact += 1
                tally.wrong_exact += not good
                tally.wrong_flagged += not good and outcome == CHECK
                tally.right_flagged += good and outcome == CHECK
                continue
            tally.reached += 1
            tally.placeable += bool(right)
            if outcome == CHECK:
                tally.attached += 1
                tally.correct += good
    return tally, by_kind


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def report(trials: Sequence[Trial], chosen: float) -> str:
    lines = [
        f"{len(trials)} trials, {sum(len(t.annotations) for t in trials):,} annotations",
        "",
        "| threshold | reached fuzzy | attached | precision | recall | F0.5 |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for threshold in THRESHOLDS:
        tally, _ = evaluate(trials, threshold)
        lines.append(
            f"| {threshold} | {tally.reached} | {tally.attached} | {percent(tally.precision)} "
            f"| {percent(tally.recall)} | {tally.f_beta():.3f} |"
        )
    exact, _ = evaluate(trials, chosen)
    lines += [
        "",
        f"Exact step (threshold-independent): {exact.exact} placed, "
        f"{exact.wrong_exact} on a wrong sentence ({exact.wrong_flagged} of them marked to "
        f"check); {exact.right_flagged} right ones marked to check.",
        "",
        "| scorer | best threshold (F0.5) | precision | recall | F0.5 |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in SCORERS:
        with scorer(name):
            best = max(
                ((threshold, evaluate(trials, threshold)[0]) for threshold in THRESHOLDS),
                key=lambda pair: pair[1].f_beta(),
            )
        lines.append(
            f"| {name} | {best[0]} | {percent(best[1].precision)} | {percent(best[1].recall)} "
            f"| {best[1].f_beta():.3f} |"
        )
    _, by_kind = evaluate(trials, chosen)
    outcomes = [f"{o} {v}" for o in (UNCHANGED, MOVED, CHECK, ORPHAN) for v in ("right", "wrong")]
    lines += [
        "",
        f"Outcomes by edit (threshold {chosen:g}; a trial with several edits counts under each):",
        "",
        "| edit | " + " | ".join(outcomes) + " |",
        "|---|" + "---:|" * len(outcomes),
    ]
    for kind in sorted(by_kind):
        counts = by_kind[kind]
        lines.append(f"| {kind} | " + " | ".join(str(counts[o]) for o in outcomes) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reanchor_accuracy")
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--threshold", type=float, default=anchoring_rules.DEFAULT_THRESHOLD)
    args = parser.parse_args(argv)
    trials = list(make_trials(args.trials, args.seed))
    print(report(trials, args.threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
