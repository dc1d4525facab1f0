"""Sentence segmentation: the hard cases of the bundled articles, exact offsets, robustness."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.corpus.sentences import Sentence, sentence_spans, split_sentences


def texts(paragraph: str) -> list[str]:
    return [sentence.text for sentence in split_sentences("a", paragraph)]


# Paragraphs from the bundled articles with their hand-checked sentences. Policy: a
# quotation of several sentences is split at its sentence boundaries.
ARTICLE_PARAGRAPHS = [
    pytest.param(
        [
            "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday "
            "that the North Koreans had entered combat last week in the Russian region of Kursk.",
        ],
        id="Maj. Gen.",
    ),
    pytest.param(
        [
            "In June, President Vladimir V. Putin of Russia and Kim Jong-un, North Korea’s "
            "leader, revived a mutual defense pledge, deepening ties that stretch beyond the "
            "Cold War.",
        ],
        id="middle initial",
    ),
    pytest.param(
        [
            "But last month, President Biden directly responded, granting Ukraine permission to "
            "use American long-range missiles against certain military targets across the border "
            "because Russia had brought North Korean troops into the war, U.S. officials said at "
            "the time.",
        ],
        id="U.S. officials",
    ),
    pytest.param(
        [
            "Lt. Gen. Kyrylo Budanov, the head of Ukraine's Main Directorate of "
            "Intelligence,\xa0told the U.S. publication The War Zone\xa0that North Korean troops "
            "could arrive as early as Wednesday in Russia's Kursk region, where Ukrainian forces "
            "launched an incursion in August.",
        ],
        id="Lt. Gen.",
    ),
    pytest.param(
        [
            "“Even if they end up on the front lines, we don’t expect them to be a very capable "
            "fighting force,” Emil Kastehelmi, a military expert with the Finland-based Black "
            "Bird Group, said on social media.",
            "Written on Platform X.",
            "But he added: , it may not matter.",
        ],
        id="Platform X.",
    ),
    pytest.param(
        [
            "But after more than two months on Russian territory, Ukraine has so far failed to "
            "achieve one of its main goals in Kursk: to distract Russian forces from fighting in "
            "Ukraine’s Donbas region. .",
            "Russian forces are pushing back Ukrainian forces with slow but steady advances. .",
        ],
        id="stray full stops",
    ),
    pytest.param(
        [
            "“Our fighters are reclaiming territory by the square kilometer every day,” Tass "
            "quoted Mr. Putin as saying.",
            "“Everyone is fighting, literally heroically.",
            "They are fighting right now.",
            "Let us wish them all … good luck, victory and to return home.”",
        ],
        id="ellipsis and quotation",
    ),
    pytest.param(
        [
            "“They’re doing this because Putin has lost a lot of troops.",
            "He has the choice of either getting other people to help him or he can mobilize,” "
            "Mr. Austin said.",
            "“He doesn’t want to mobilize because all of the people in Russia will understand the "
            "extent of his losses.”",
        ],
        id="quotation of two sentences",
    ),
    pytest.param(
        [
            '"This is a challenge, but we know how to respond to this challenge.',
            'It is important that partners do not hide from this challenge as well," he said in '
            "his nightly video address.",
        ],
        id="straight quotes",
    ),
    pytest.param(
        [
            "The move also was designed to provoke the West, he said.",
            "“It’s just testing the ground,” said Mr. Melnyk, now a senior official at the "
            "Razumkov Center, a nonprofit institute in Kyiv.",
            "“What will the Western reaction be?”",
        ],
        id="bare quotation",
    ),
    pytest.param(
        [
            "Reporting on an intelligence briefing for South Korean national assembly members, "
            "Seoul’s Yonhap News said the North Koreans were “being ‘consumed’ as front-line "
            "storm troopers in ‘unfamiliar battlefields’ due to their lack of experience with "
            "drones.”",
            "An “elite” North Korean unit may soon join them as President Putin prosecutes a war "
            "that he’s confident the Russians are slowly winning.",
        ],
        id="nested quotes",
    ),
    pytest.param(
        [
            '"Everyone flips out whenever they talk about European troops going to Ukraine, that '
            "it's far too escalatory.",
            'And then the Russians just go ahead and bring in outside troops," said Phillips '
            "O'Brien, a professor of strategic studies at the University of St. Andrews in "
            "Scotland.",
        ],
        id="St. Andrews",
    ),
    pytest.param(
        [
            "Vasily Nebenzia, Russia’s ambassador to the United Nations, accused the Biden "
            "administration and its Western allies of “disinformation” at a U.N. Security "
            "Council meeting Wednesday, denying North Korean troops were on the front lines in "
            "the war.",
        ],
        id="U.N.",
    ),
]


@pytest.mark.parametrize("expected", ARTICLE_PARAGRAPHS)
def test_hard_paragraphs_of_the_bundled_articles(expected: list[str]) -> None:
    assert texts(" ".join(expected)) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Ret. Gen. David Petraeus spoke.", ["Ret. Gen. David Petraeus spoke."]),
        ("Approx. 300 people came. Most stayed.", ["Approx. 300 people came.", "Most stayed."]),
        ("He lives in the U.S. But not now.", ["He lives in the U.S.", "But not now."]),
        ("“Is it over?” he asked. “No.”", ["“Is it over?” he asked.", "“No.”"]),
        (". Opening stray stop. Next one.", [". Opening stray stop.", "Next one."]),
        ("First. . . Second.", ["First. . .", "Second."]),
    ],
)  # fmt: skip
def test_repairs_on_news_text(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_offsets_are_code_points_into_the_article() -> None:
    text = "Title 😀 here\n\n  Café e\u0301 is open.  “It works,” she said.\nLast line"
    sentences = split_sentences("art", text)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Title 😀 here", 0),
        ("Café e\u0301 is open.", 2),
        ("“It works,” she said.", 2),
        ("Last line", 3),
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.article_id == "art"
    assert sentences[1] == Sentence("art", 1, 16, 32, "Café e\u0301 is open.", 2)


def test_a_paragraph_of_punctuation_only_has_no_sentence() -> None:
    assert texts("Before.\n. . .\n***\nAfter.") == ["Before.", "After."]


def test_the_title_line_is_a_sentence() -> None:
    assert texts("Headline Without Stop\nBody text.")[0] == "Headline Without Stop"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n   \n\t",
        "\x00" * 1000 + ". A\x00b. \x07\x1b[31m red.",
        "😀👍🏽 🇺🇦. Family: 👨‍👩‍👧. Done.",
        "\u202eمرحبا. كيف حالك؟ שלום. good.\u200f",
        "e\u0301\u0302\u0303. Ṩ̃. Z̤̈.",
        "lone \ud800 surrogate. Next \udfff one.",
        "word " * 20_000,
        "a" * 100_000,
        "“" * 100_000,
        'a. “b ' * 20_000,
        "Gen. " * 20_000,
        "\r\n\u2028\u2029\x85\x0b\x0c. mixed line ends.",
    ],
    ids=[
        "empty", "blank", "control", "emoji", "rtl", "combining", "surrogates",
        "no punctuation", "one long word", "unmatched quotes", "quote per sentence",
        "titles only", "line separators",
    ],
)  # fmt: skip
def test_any_input_is_segmented_without_error(text: str) -> None:
    assert_well_formed(text, sentence_spans(text))


def test_a_run_without_boundaries_is_cut_at_spaces() -> None:
    text = "word " * 20_000
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(text[end - 4 : end] == "word" for _, end, _ in spans)


def assert_well_formed(text: str, spans: list[tuple[int, int, int]]) -> None:
    """In order, no overlap, trimmed, inside one line, covering every non-space character."""
    lines = text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    previous_end = 0
    covered = [False] * len(text)
    for start, end, paragraph in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece
        assert line_starts[paragraph] <= start and end < line_starts[paragraph + 1]
        assert not all(c.isspace() or unicodedata.category(c)[0] == "P" for c in piece)
        covered[start:end] = [True] * (end - start)
        previous_end = end
    for paragraph, line in enumerate(lines):
        if all(c.isspace() or unicodedata.category(c)[0] == "P" for c in line):
            continue  # a paragraph of punctuation only has no sentence
        for offset, char in enumerate(line, start=line_starts[paragraph]):
            assert char.isspace() or covered[offset], (offset, char)


TRICKY = [
    "Mr.", "Gen.", "Maj.", "Lt.", "U.S.", "X.", "V.", "St.", "Ret.", "p.m.", "No.", "e.g.",
    ".", ". .", "…", "...", "?", "!", "“", "”", '"', "‘", "’", "(", ")", "[", "]", "—",
    " ", "  ", "\n", "\t", "\xa0", "\u2028", "\x00", "\ud800", "😀", "e\u0301", "مرحبا",
    "He", "said", "the", "But", "Putin", "a", "1.2", "5", "\u202e",
]  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(TRICKY), max_size=80).map("".join),
        st.lists(st.sampled_from(TRICKY), max_size=40).map(" ".join),
    )
)
def test_sentences_partition_any_text(text: str) -> None:
    spans = sentence_spans(text)
    assert_well_formed(text, spans)
    sentences = split_sentences("x", text)
    assert [(s.start, s.end, s.paragraph) for s in sentences] == spans
    assert all(s.text == text[s.start : s.end] for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
