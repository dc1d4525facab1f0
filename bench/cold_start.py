"""Cold start to the first sentence on screen: the real program in a real terminal.

`python -m workbench --db NEW_FILE [CORPUS]` is launched in tmux and timed until the
opening sentences are on the screen (the sentence after the title, which only the
sentence view shows). Every run gets a new database, as a first start does; the first
run of each command is not counted (it compiles bytecode). The floor is a bare Textual
app showing the same text, measured the same way in the same run.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.terminal import Terminal
from bench.workspace import Workspace
from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.sentences import split_sentences

TARGET_BUNDLED = 0.5
TARGET_CORPUS = 2.0
NEEDLE_CHARS = 40
REPOSITORY = Path(__file__).resolve().parents[1]
"""Where `python -m bench.bare_app` is importable (bench/ is not installed)."""


def available() -> bool:
    return shutil.which("tmux") is not None


def run(space: Workspace) -> list[Figure]:
    if not available():
        return []
    bundled = load_corpus()
    bundled_needle = opening_text(bundled.articles[0].id, bundled.articles[0].text)
    first = space.articles[0]
    corpus_needle = opening_text(first.id, first.text)
    repeats = space.scale.slow_repeats
    with Terminal() as terminal:

        def launches(arguments: list[str], needle: str) -> Samples:
            times = []
            for run in range(repeats + 1):
                command = [sys.executable, *arguments]
                if arguments[:2] == ["-m", "workbench"]:
                    command[3:3] = ["--db", str(space.scratch_path("annotations.json"))]
                elapsed = terminal.time_to_text(
                    ["env", f"XDG_CONFIG_HOME={space.root}", *command], needle, REPOSITORY
                )
                if run:
                    times.append(elapsed)
            return Samples(tuple(times))

        bare = Naive(
            "bare Textual app, first frame",
            launches(["-m", "bench.bare_app", bundled_needle], bundled_needle),
        )
        ours_bundled = launches(["-m", "workbench", "--annotator", "bench"], bundled_needle)
        ours_corpus = launches(
            ["-m", "workbench", "--annotator", "bench", str(space.corpus_folder)], corpus_needle
        )
    return [
        Figure("cold start to first sentence on screen", f"bundled, {len(bundled)} articles",
               ours_bundled, TARGET_BUNDLED, naive=bare),
        Figure("cold start to first sentence on screen", f"{len(space.articles):,} articles",
               ours_corpus, TARGET_CORPUS, naive=bare),
    ]  # fmt: skip


def opening_text(article_id: str, text: str) -> str:
    """The start of the sentence after the title: shown only once the sentence view is."""
    sentences = split_sentences(article_id, text)
    return sentences[min(1, len(sentences) - 1)].text[:NEEDLE_CHARS]
