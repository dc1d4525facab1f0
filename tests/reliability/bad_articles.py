"""A corpus of hostile article files: each either loads and is shown literally, or is
skipped with a reason. Built in a temporary folder; `big_bytes` sets the large article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.corpus.articles import load_corpus

MARKUP = (
    "Markup [bold]not bold[/bold], a stray [/] and [link=https://example.com]no link[/link] "
    "and [@click=app.quit]no action[/] stay text."
)
ANSI = "\x1b[31mRed alert\x1b[0m said the \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 man."
ANSI_SHOWN = "␛[31mRed alert␛[0m said the ␛]8;;https://evil.example␇link␛]8;;␇ man."
RIGHT_TO_LEFT = (
    "قال الوزير إن الخطة ناجحة. השר אמר שהתוכנית עובדת. An override \u202eabc\u202c ends."
)
RIGHT_TO_LEFT_SHOWN = RIGHT_TO_LEFT.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c")
"""The override and its end are shown as escapes: they would reorder the line."""
EMOJI = (
    "Thumbs 👍🏽, family 👨‍👩‍👧, flag 🇺🇦, café and cafe\u0301, "
    "zalgo a\u0300\u0301\u0302\u0303, wide 中文字 and ＦＵＬＬ."
)
LONG_PARAGRAPH = " ".join(f"word{number}" for number in range(20_000))[:100_000]


@dataclass(frozen=True)
class BadArticle:
    """One file: `shown` must appear literally on screen, or `refused` in the skip reason."""

    name: str
    data: bytes
    shown: str | None = None
    refused: str | None = None


def big_article(size: int) -> str:
    """Real prose (the bundled articles) repeated to `size` characters or more."""
    prose = "\n".join(article.text for article in load_corpus())
    return "Big article\n" + prose * (size // len(prose) + 1)


def bad_articles(big_bytes: int) -> list[BadArticle]:
    """Every case, named so that the loaded ones come in this order (sorted by path)."""
    return [
        BadArticle("00_empty.txt", b"", refused="empty file"),
        BadArticle("01_binary.txt", bytes(range(256)) * 64, refused="binary file"),
        BadArticle("02_nul.txt", b"The minister\x00 said it.\n", refused="NUL bytes"),
        BadArticle(
            "03_latin1.txt",
            "Le ministre a dit « non » à São Paulo.\n".encode("latin-1"),
            refused="not UTF-8",
        ),
        BadArticle(
            "04_utf16.txt", "The minister said it works.\n".encode("utf-16"), refused="UTF-16"
        ),
        BadArticle("05_whitespace.txt", b" \n\t\n\r\n", refused="empty file"),
        BadArticle("06_surrogate.txt", b"Half a pair \xed\xa0\x80 here.\n", refused="not UTF-8"),
        BadArticle("10_markup.txt", f"Markup title\n{MARKUP}\n".encode(), shown=MARKUP),
        BadArticle("11_ansi.txt", f"{ANSI}\n".encode(), shown=ANSI_SHOWN),
        BadArticle("12_rtl.txt", f"{RIGHT_TO_LEFT}\n".encode(), shown=RIGHT_TO_LEFT_SHOWN),
        BadArticle("13_emoji.txt", f"{EMOJI}\n".encode(), shown=EMOJI),
        BadArticle(
            "14_bom_crlf.txt",
            "\ufeffWindows line ends.\r\nA second line.\r\n".encode(),
            shown="Windows line ends.",
        ),
        BadArticle(
            "15_long_paragraph.txt", f"{LONG_PARAGRAPH}\n".encode(), shown=LONG_PARAGRAPH[:300]
        ),
        BadArticle("16_big.txt", big_article(big_bytes).encode(), shown="Big article"),
    ]


def write_corpus(folder: Path, cases: list[BadArticle]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (folder / case.name).write_bytes(case.data)
    return folder
