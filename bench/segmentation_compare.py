"""Compare sentence segmenters: pysbd, syntok, sentencex, and workbench's own repairs.

Reproduces the table in docs/decisions/segmentation.md:

    .venv/bin/python bench/segmentation_compare.py [GOLDEN_RULES_JSON]

pysbd and syntok are measured here only; they are not runtime dependencies. The golden
rules (pySBD's 48 English cases) are read from ../shared when present, never required.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pysbd  # type: ignore[import-untyped]
import sentencex
from syntok import segmenter as syntok_segmenter  # type: ignore[import-untyped]

from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.sentences import sentence_spans

Segmenter = Callable[[str], list[str]]

GOLDEN_RULES = Path(__file__).resolve().parents[2] / "shared/benchmarks/golden_rules_en.json"

# Hard paragraphs of the bundled articles, split by hand. Policy: a quotation of several
# sentences is split at its sentence boundaries; a stray "." joins the sentence before it.
ARTICLE_CASES: list[list[str]] = [
    [
        "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday that "
        "the North Koreans had entered combat last week in the Russian region of Kursk.",
    ],
    [
        "“We do assess that North Korean soldiers have engaged in combat in Kursk,” General "
        "Ryder said.",
        "He added: “We do have indications that they have suffered casualties, both killed "
        "and wounded.”",
    ],
    [
        "But last month, President Biden directly responded, granting Ukraine permission to use "
        "American long-range missiles against certain military targets across the border "
        "because Russia had brought North Korean troops into the war, U.S. officials said at "
        "the time.",
    ],
    [
        "In June, President Vladimir V. Putin of Russia and Kim Jong-un, North Korea’s leader, "
        "revived a mutual defense pledge, deepening ties that stretch beyond the Cold War.",
    ],
    [
        "The move also was designed to provoke the West, he said.",
        "“It’s just testing the ground,” said Mr. Melnyk, now a senior official at the "
        "Razumkov Center, a nonprofit institute in Kyiv.",
        "“What will the Western reaction be?”",
    ],
    [
        "The governments of South Korea and Ukraine have been warning for weeks that thousands "
        "of North Koreans are training with Russian soldiers, with Ukraine putting the number "
        "at 12,000.",
        "And this week, U.S. officials confirmed that a detachment of North Korean troops had "
        "been transferred by ship to Vladivostok, the Russian metropolis on the Pacific coast, "
        "but Defense Secretary Lloyd J. ” called it an escalation of the situation.",
    ],
    [
        "But after more than two months on Russian territory, Ukraine has so far failed to "
        "achieve one of its main goals in Kursk: to distract Russian forces from fighting in "
        "Ukraine’s Donbas region. .",
        "Russian forces are pushing back Ukrainian forces with slow but steady advances. .",
    ],
    [
        "“Even if they end up on the front lines, we don’t expect them to be a very capable "
        "fighting force,” Emil Kastehelmi, a military expert with the Finland-based Black Bird "
        "Group, said on social media.",
        "Written on Platform X.",
        "But he added: , it may not matter.",
    ],
    [
        "Besides the immediate battle plan, another pressing question for the United States "
        "and its Asian allies is what Russian President Vladimir V. Putin gave North Korea in "
        "return for troops.",
    ],
    [
        "For Putin, the benefits are clear.",
        "According to Western estimates, more than 600,000 Russian troops have been killed or "
        "wounded since the start of the war, and more men are needed to power his war machine.",
        "But he is also reluctant to spend political capital on another major draft.",
        "This has forced him to resort to unconventional recruitment methods, such as "
        "conscripting incarcerated prisoners and recruiting mercenaries from poor countries "
        "like Cuba and Nepal to join the fight for cash.",
        "Ta.",
    ],
    [
        "“Kim Jong-un didn’t hesitate to sell out his young people and troops as cannon fodder "
        "[and] mercenaries,” the South Korean minister said.",
        "“We call for Kim Jong-un to immediately withdraw his troops.”",
    ],
    [
        "Vasily Nebenzia, Russia’s ambassador to the United Nations, accused the Biden "
        "administration and its Western allies of “disinformation” at a U.N. Security Council "
        "meeting Wednesday, denying North Korean troops were on the front lines in the war.",
    ],
    [
        "“They’re doing this because Putin has lost a lot of troops.",
        "He has the choice of either getting other people to help him or he can mobilize,” Mr. "
        "Austin said.",
        "“He doesn’t want to mobilize because all of the people in Russia will understand the "
        "extent of his losses.”",
    ],
    [
        "“The situation is changing significantly,” Mr. Putin said in an interview with "
        "Russia’s Tass news agency.",
        "“There is progress along the entire front line every day.",
        "… Our fighters are regaining the territory by square kilometers.”",
    ],
    [
        "The Russian leader, in the Tass interview, characterized what is happening as “a "
        "classic of the development of combat operations.”",
        "First, he said, “the adversary climbs in, inflicts serious defeats in equipment, "
        "ammunition, manpower, and then starts moving forward.",
        "This is exactly what is happening here.”",
    ],
    [
        "“Our fighters are reclaiming territory by the square kilometer every day,” Tass quoted "
        "Mr. Putin as saying.",
        "“Everyone is fighting, literally heroically.",
        "They are fighting right now.",
        "Let us wish them all … good luck, victory and to return home.”",
    ],
    [
        "Reporting on an intelligence briefing for South Korean national assembly members, "
        "Seoul’s Yonhap News said the North Koreans were “being ‘consumed’ as front-line storm "
        "troopers in ‘unfamiliar battlefields’ due to their lack of experience with drones.”",
        "An “elite” North Korean unit may soon join them as President Putin prosecutes a war "
        "that he’s confident the Russians are slowly winning.",
    ],
    [
        "The spokesman accused Washington and its allies of “distorting and slandering the "
        "essence of the normal cooperative relations between the DPRK and the Russian "
        "Federation.”",
        "They were “hell-bent,” the statement in the official KCNA translation said, “on "
        "creating the international atmosphere of sanctions and pressure on the DPRK” — the "
        "Democratic People’s Republic of Korea.",
    ],
    [
        '"What exactly they\'re doing is left to be seen," Austin said, adding, "We\'re trying '
        'to gain better fidelity on it."',
        'It\'s a "serious issue," he said, if North Korea\'s "intention is to participate in '
        "this war on Russia's behalf.\"",
    ],
    [
        '"This is a challenge, but we know how to respond to this challenge.',
        'It is important that partners do not hide from this challenge as well," he said in '
        "his nightly video address.",
    ],
    [
        "Lt. Gen. Kyrylo Budanov, the head of Ukraine's Main Directorate of Intelligence,\xa0"
        "told the U.S. publication The War Zone\xa0that North Korean troops could arrive as "
        "early as Wednesday in Russia's Kursk region, where Ukrainian forces launched an "
        "incursion in August.",
    ],
    [
        '"Everyone flips out whenever they talk about European troops going to Ukraine, that '
        "it's far too escalatory.",
        'And then the Russians just go ahead and bring in outside troops," said Phillips '
        "O'Brien, a professor of strategic studies at the University of St. Andrews in "
        "Scotland.",
    ],
    [
        '"They\'re not going to break up the Koreans and stuff them into Russian units," '
        "O'Brien said.",
        '"It would be a disaster."',
    ],
    [
        'The first troops could likely be a "trial run," he said.',
        '"And if it works, well, my guess is they\'ll be back."',
    ],
]

# Tricky news text written for this comparison, split by hand under the same policy.
NEWS_CASES: list[list[str]] = [
    ["Sen. Elizabeth Warren (D-Mass.) said on Tuesday.", "Rep. Jim Jordan disagreed."],
    ["Gov. Kathy Hochul spoke.", "Col. Jane Doe and Sgt. Maj. Lee listened."],
    ["Adm. John Aquilino said so.", "Brig. Gen. Ann Smith said so."],
    ["Ret. Gen. David Petraeus said it was over."],
    ["Lt. Col. Alexander Vindman testified on Tuesday."],
    ["He lives in the U.S.", "But he works in Canada."],
    ["The U.S. economy grew 2.5 percent.", "The U.N. Security Council met."],
    ["The company, Acme Inc., said revenue rose 3.4% to $1.2 billion.", "Shares fell."],
    ["President George W. Bush and John F. Kennedy Jr. met in the Oval Office."],
    ["“Is it over?” he asked.", "“No.”"],
    ["He said: “We won.", "We will win again.”", "Then he left."],
    ["He cited Fig. 3 and No. 5 in the report.", "Then he stopped."],
    ["The vote was 52-48 vs. the 50-50 expected.", "It passed."],
    ["He paused...", "Then he spoke."],
    ["Approx. 300 people came.", "Most were soldiers."],
    ["Mr. Smith and Mrs. Jones met Dr. Brown at St. Mary's church."],
    ["Visit example.com for details.", "Or call the office."],
    ["“We are ready,” the minister said.", "“Are you?”"],
    ["In 2024, the U.S.-led coalition struck.", "Tehran responded."],
    ["Prof. Ivan Petrov of Moscow State University disagreed."],
]


def pysbd_segmenter() -> Segmenter:
    engine = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return lambda text: [s.strip() for s in engine.segment(text) if s.strip()]


def syntok_segment(text: str) -> list[str]:
    found = []
    for paragraph in syntok_segmenter.process(text):
        for sentence in paragraph:
            first, last = sentence[0], sentence[-1]
            found.append(text[first.offset : last.offset + len(last.value)])
    return found


def sentencex_segment(text: str) -> list[str]:
    return [s.strip() for s in sentencex.segment("en", text) if s.strip()]


def workbench_segment(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in sentence_spans(text)]


SEGMENTERS: dict[str, Segmenter] = {
    "pysbd 0.3.4": pysbd_segmenter(),
    "syntok 1.4.4": syntok_segment,
    "sentencex 1.0.32": sentencex_segment,
    "workbench (sentencex + repairs)": workbench_segment,
}


def check_article_cases() -> None:
    """Every hand-split paragraph must be a real line of a bundled article."""
    lines = {line.strip() for article in load_corpus() for line in article.text.split("\n")}
    for case in ARTICLE_CASES:
        if " ".join(case) not in lines:
            raise SystemExit(f"not a bundled paragraph: {case[0][:60]}")


def score(segment: Segmenter, cases: Sequence[tuple[str, list[str]]]) -> int:
    return sum(segment(text) == [s.strip() for s in expected] for text, expected in cases)


def seconds_per_corpus(segment: Segmenter, texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for text in texts:
            for line in text.split("\n"):
                segment(line)
        best = min(best, time.perf_counter() - began)
    return best


def main(argv: list[str]) -> None:
    check_article_cases()
    articles = [(" ".join(case), case) for case in ARTICLE_CASES]
    news = [(" ".join(case), case) for case in NEWS_CASES]
    rules_path = Path(argv[0]) if argv else GOLDEN_RULES
    rules = (
        [(rule["text"], rule["sentences"]) for rule in json.loads(rules_path.read_text())]
        if rules_path.is_file()
        else []
    )
    texts = [article.text for article in load_corpus()] * 40
    characters = sum(len(text) for text in texts)
    print(f"{len(texts)} articles, {characters:,} characters per timing run")
    print("| segmenter | articles | news | golden rules | s / 10k articles* |")
    print("|---|---|---|---|---|")
    for name, segment in SEGMENTERS.items():
        seconds = seconds_per_corpus(segment, texts)
        per_10k = seconds / len(texts) * 10_000
        print(
            f"| {name} | {score(segment, articles)}/{len(articles)} "
            f"| {score(segment, news)}/{len(news)} "
            f"| {score(segment, rules) if rules else '-'}/{len(rules)} "
            f"| {per_10k:,.1f} |"
        )
    print("* 10,000 articles of the bundled articles' mean length, line by line, best of 3")


if __name__ == "__main__":
    main(sys.argv[1:])
