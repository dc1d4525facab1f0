"""same_start.unchanged_start: what the annotations made on an older text show of its
start is proof, whatever the edit: the current text's start up to there is the old one."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.anchoring.same_start import unchanged_start
from workbench.core.annotation import Anchor, Annotation

WORDS = st.sampled_from(["He", "said", "troops", "Kursk", "3,000", "the", "added", "."])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end, character in enumerate(text, 1):
        if character == "\n":
            spans.append((start, end - 1))
            start = end
    return spans


def made_on(text: str, spans: list[tuple[int, int]]) -> list[Annotation]:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return [
        Annotation.new(Anchor.in_text("a", sha, text, index, start, end), "ana")
        for index, (start, end) in enumerate(spans)
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8),
    st.data(),
)
def test_the_start_shown_unchanged_is_the_old_start(lines: list[str], data: st.DataObject) -> None:
    old = "\n".join(lines) + "\n"
    spans = sentence_spans(old)
    chosen = data.draw(st.sets(st.integers(0, len(spans) - 1)))
    annotations = made_on(old, [spans[index] for index in sorted(chosen)])
    at = data.draw(st.integers(0, len(old)))
    cut = data.draw(st.integers(0, 5))
    new = old[:at] + data.draw(st.sampled_from(["", "x", "He said. "])) + old[at + cut :]
    sha = annotations[0].article_sha256 if annotations else ""
    reach = unchanged_start(new, sha, annotations)
    assert new[:reach] == old[:reach]
    if new == old and annotations and 0 in chosen and len(chosen) == len(spans):
        assert reach == len(old)  # every sentence tagged, nothing changed: all shown


def test_nothing_is_shown_by_annotations_of_another_text_or_without_the_first_words() -> None:
    old = (
        "Title of the report here\n"
        + "A sentence long enough to leave a gap. " * 3
        + "\nHe said.\n"
    )
    spans = sentence_spans(old)
    (last,) = made_on(old, [spans[-1]])
    assert unchanged_start(old, last.article_sha256, [last]) == 0  # not from the start
    (first,) = made_on(old, [spans[0]])
    assert unchanged_start(old, "another text", [first]) == 0
    assert unchanged_start(old, first.article_sha256, [first]) == spans[0][1] + 32
