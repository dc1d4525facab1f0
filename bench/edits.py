"""Realistic edits of an article, with the truth about where each old sentence went.

A publisher's corrections, as they reach a fact-checker: a paragraph inserted or
deleted, a typo fixed, a figure or a name changed, a clause added, paragraphs
reordered, a sentence split or merged, a sentence rewritten, and near-duplicate
sentences (the same sentence with another figure) elsewhere in the article. The
article is held as paragraphs of sentence pieces; each piece keeps an id through the
edits, so the right new place of every old sentence is known (docs/decisions/
reanchoring.md measures re-anchoring against it).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import ClassVar

from workbench.core.corpus.sentences import sentence_spans

WORD = re.compile(r"[A-Za-z]{4,}")
NUMBER = re.compile(r"\d[\d,]*")
CLAUSES = (", officials said", ", according to the ministry", ", a spokesman added",
           " on Tuesday", ", the report said")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence of the edited document; `id` follows it through the edits."""

    id: int
    text: str


Doc = list[list[Piece]]
"""Paragraphs of sentences."""


@dataclass
class Edited:
    """An article before and after edits, and where each old sentence should go."""

    old: Doc
    new: Doc = field(default_factory=list)
    gold: dict[int, frozenset[int]] = field(default_factory=dict)
    """Old piece id -> the new piece ids that are a right place for it (none: orphan)."""
    kinds: list[str] = field(default_factory=list)
    """The edits applied, by name."""


def render(doc: Doc) -> tuple[str, dict[tuple[int, int], int]]:
    """The text of a document, and (start, end) -> piece id for every sentence in it."""
    lines: list[str] = []
    spans: dict[tuple[int, int], int] = {}
    offset = 0
    for paragraph in doc:
        parts: list[str] = []
        for piece in paragraph:
            if parts:
                parts.append(" ")
                offset += 1
            spans[(offset, offset + len(piece.text))] = piece.id
            parts.append(piece.text)
            offset += len(piece.text)
        lines.append("".join(parts))
        offset += 1
    return "\n".join(lines) + "\n", spans


def pieces_of(doc: Doc) -> list[Piece]:
    return [piece for paragraph in doc for piece in paragraph]


def sentence_pieces(text: str, spans: dict[tuple[int, int], int]) -> list[int | None]:
    """For each sentence the segmenter finds in `text`, the piece it is (None if the
    segmenter cut it elsewhere than the piece's edges)."""
    return [spans.get((start, end)) for start, end, _paragraph in sentence_spans(text)]


def document(sentences: Sequence[Sequence[str]], ids: count[int]) -> Doc:
    """A document from paragraphs of sentence texts."""
    return [[Piece(next(ids), text) for text in paragraph] for paragraph in sentences if paragraph]


class Editor:
    """Applies random edits to a document, keeping the gold mapping up to date."""

    def __init__(self, doc: Doc, pool: Sequence[str], rng: random.Random) -> None:
        self.doc = [list(paragraph) for paragraph in doc]
        self.pool = pool
        self.rng = rng
        self.ids = count(max((p.id for p in pieces_of(doc)), default=0) + 1)
        self.gold: dict[int, frozenset[int]] = {p.id: frozenset({p.id}) for p in pieces_of(doc)}
        self.kinds: list[str] = []

    # -- where things are -------------------------------------------------------------
    def places(self) -> list[tuple[int, int]]:
        return [(p, s) for p, paragraph in enumerate(self.doc) for s in range(len(paragraph))]

    def pick(self) -> tuple[int, int]:
        return self.rng.choice(self.places())

    def redirect(self, old_new: dict[int, frozenset[int]]) -> None:
        """Pieces replaced: every old sentence that pointed at them now points at these."""
        for old, targets in self.gold.items():
            if targets & old_new.keys():
                kept = targets - old_new.keys()
                self.gold[old] = kept.union(*(old_new[t] for t in targets & old_new.keys()))

    def replace_piece(self, place: tuple[int, int], text: str, same: bool) -> Piece:
        """The piece at `place` gets new text: the same sentence edited, or another one."""
        paragraph, sentence = place
        old = self.doc[paragraph][sentence]
        new = Piece(next(self.ids), text)
        self.doc[paragraph][sentence] = new
        self.redirect({old.id: frozenset({new.id}) if same else frozenset()})
        return new

    # -- the edits ----------------------------------------------------------------------
    def insert_paragraph(self) -> None:
        texts = self.rng.sample(list(self.pool), self.rng.randint(1, 3))
        self.doc.insert(
            self.rng.randint(1, len(self.doc)), [Piece(next(self.ids), t) for t in texts]
        )

    def delete_sentence(self) -> None:
        paragraph, sentence = self.pick()
        removed = self.doc[paragraph].pop(sentence)
        if not self.doc[paragraph]:
            del self.doc[paragraph]
        self.redirect({removed.id: frozenset()})

    def fix_typo(self) -> None:
        place = self.pick()
        text = self.doc[place[0]][place[1]].text
        words = list(WORD.finditer(text))
        if not words:
            return
        for word in self.rng.sample(words, min(len(words), self.rng.randint(1, 2))):
            text = text[: word.start()] + typo(word.group(), self.rng) + text[word.end() :]
        self.replace_piece(place, text, same=True)

    def change_words(self) -> None:
        """A figure or a name changed, or a word added: the same sentence, corrected."""
        place = self.pick()
        text = self.doc[place[0]][place[1]].text
        numbers = list(NUMBER.finditer(text))
        if numbers and self.rng.random() < 0.6:
            found = self.rng.choice(numbers)
            figure = (
                f"{self.rng.randint(2, 99) * 1000:,}"
                if "," in found.group()
                else str(self.rng.randint(2, 99))
            )
            text = text[: found.start()] + figure + text[found.end() :]
        else:
            words = text.split(" ")
            position = self.rng.randrange(len(words))
            if self.rng.random() < 0.5 and len(words) > 6:
                words[position] = self.rng.choice(self.rng.choice(self.pool).split(" "))
            else:
                words.insert(position, self.rng.choice(("reportedly", "also", "now", "still")))
            text = " ".join(words)
        self.replace_piece(place, text, same=True)

    def edit_clause(self) -> None:
        place = self.pick()
        text = self.doc[place[0]][place[1]].text
        comma = text.rfind(", ")
        if comma > len(text) // 2 and self.rng.random() < 0.5:
            text = text[:comma] + text[-1]
        elif text[-1:] in ".!?":
            text = text[:-1] + self.rng.choice(CLAUSES) + text[-1]
        else:
            return
        self.replace_piece(place, text, same=True)

    def reorder_paragraphs(self) -> None:
        if len(self.doc) < 3:
            return
        first, second = self.rng.sample(range(1, len(self.doc)), 2)
        self.doc[first], self.doc[second] = self.doc[second], self.doc[first]

    def rewrite(self) -> None:
        """Most words replaced: another sentence now, whatever it was before."""
        place = self.pick()
        words = self.doc[place[0]][place[1]].text.rstrip(".!?").split(" ")
        donor = self.rng.choice(self.pool).rstrip(".!?").split(" ")
        kept = max(1, len(words) * 3 // 10)
        start = self.rng.randrange(len(words) - kept + 1)
        text = " ".join(
            donor[: len(donor) // 2] + words[start : start + kept] + donor[len(donor) // 2 :]
        )
        self.replace_piece(place, text[0].upper() + text[1:] + ".", same=False)

    def split_sentence(self) -> None:
        place = self.pick()
        paragraph, sentence = place
        text = self.doc[paragraph][sentence].text
        comma = text.find(", ", len(text) // 4)
        if comma < 0 or comma > len(text) * 3 // 4 or not text[comma + 2 : comma + 3].isalpha():
            return
        first = Piece(next(self.ids), text[:comma] + ".")
        rest = text[comma + 2 :]
        second = Piece(next(self.ids), rest[0].upper() + rest[1:])
        old = self.doc[paragraph][sentence]
        self.doc[paragraph][sentence : sentence + 1] = [first, second]
        self.redirect({old.id: frozenset({first.id, second.id})})

    def merge_sentences(self) -> None:
        paragraphs = [p for p, paragraph in enumerate(self.doc) if len(paragraph) >= 2]
        if not paragraphs:
            return
        paragraph = self.rng.choice(paragraphs)
        sentence = self.rng.randrange(len(self.doc[paragraph]) - 1)
        first, second = self.doc[paragraph][sentence : sentence + 2]
        if first.text[-1:] != "." or not second.text[:1].isalpha():
            return
        merged = Piece(
            next(self.ids), f"{first.text[:-1]}; {second.text[0].lower()}{second.text[1:]}"
        )
        self.doc[paragraph][sentence : sentence + 2] = [merged]
        self.redirect({first.id: frozenset({merged.id}), second.id: frozenset({merged.id})})

    def near_duplicate(self) -> None:
        """A copy of a sentence with one figure or name changed, elsewhere in the article;
        then the original is corrected, deleted, or left alone."""
        place = self.pick()
        original = self.doc[place[0]][place[1]]
        numbers = list(NUMBER.finditer(original.text))
        words = list(WORD.finditer(original.text))
        found = self.rng.choice(numbers or words or [None])
        if found is None:
            return
        other = "9" if found.group()[0].isdigit() else "Ivanov"
        copy = original.text[: found.start()] + other + original.text[found.end() :]
        self.doc.insert(self.rng.randint(1, len(self.doc)), [Piece(next(self.ids), copy)])
        then = self.rng.choice(("typo", "delete", "nothing"))
        place = next(
            (p, s) for p, paragraph in enumerate(self.doc) for s, piece in enumerate(paragraph)
            if piece.id == original.id
        )  # fmt: skip
        if then == "typo":
            target = WORD.search(original.text)
            if target is not None:
                fixed = typo(target.group(), self.rng)
                text = original.text[: target.start()] + fixed + original.text[target.end() :]
                self.replace_piece(place, text, same=True)
        elif then == "delete":
            self.doc[place[0]].pop(place[1])
            if not self.doc[place[0]]:
                del self.doc[place[0]]
            self.redirect({original.id: frozenset()})

    EDITS: ClassVar[dict[str, tuple[float, Callable[[Editor], None]]]] = {
        "insert paragraph": (2.0, insert_paragraph),
        "delete sentence": (2.0, delete_sentence),
        "fix typo": (3.0, fix_typo),
        "change figure or word": (3.0, change_words),
        "add or drop clause": (2.0, edit_clause),
        "reorder paragraphs": (1.0, reorder_paragraphs),
        "rewrite sentence": (2.0, rewrite),
        "split sentence": (1.0, split_sentence),
        "merge sentences": (1.0, merge_sentences),
        "near-duplicate": (2.0, near_duplicate),
    }

    def apply(self, kind: str | None = None) -> str:
        """One edit (of `kind`, else a random one by weight); returns its name."""
        if kind is None:
            names = list(self.EDITS)
            kind = self.rng.choices(names, weights=[self.EDITS[n][0] for n in names])[0]
        self.EDITS[kind][1](self)
        self.kinds.append(kind)
        return kind


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: two letters swapped, one dropped, doubled or replaced."""
    at = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("swap", "drop", "double", "replace"))
    if slip == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if slip == "drop":
        return word[:at] + word[at + 1 :]
    if slip == "double":
        return word[:at] + word[at] + word[at:]
    return word[:at] + rng.choice("aeiourstln") + word[at + 1 :]


def edited(doc: Doc, pool: Sequence[str], rng: random.Random, edits: int) -> Edited:
    """`doc` after `edits` random edits, with the gold mapping."""
    editor = Editor(doc, pool, rng)
    for _ in range(edits):
        editor.apply()
    return Edited(old=doc, new=editor.doc, gold=editor.gold, kinds=editor.kinds)
