"""`workbench agree A B`: the table, the disagreements, and clear refusals."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.agree import one_line
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export

TEXT = "One. Two. Three. Four. \x1b[31mFive.\x1b[0m"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SPANS = [(0, 4), (5, 9), (10, 16), (17, 22), (23, len(TEXT))]


def judged(annotator: str, index: int, *tags: str) -> Annotation:
    start, end = SPANS[index]
    anchor = Anchor.in_text("story", SHA, TEXT, index, start, end)
    return Annotation.new(anchor, annotator, tags=tags, note="read")


def write(path: Path, annotations: list[Annotation], format_name: str = "json") -> Path:
    path.write_bytes(render(format_name, prepare_export(annotations)))
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    # claim: both on 0, 1; ana only on 2; bob only on 3; neither on 4.
    #   p_o = 3/5, p_e = (3/5)(3/5) + (2/5)(2/5) = 13/25, kappa = (15 - 13) / (25 - 13) = 1/6
    ana = [
        judged("ana", 0, "claim"),
        judged("ana", 1, "claim"),
        judged("ana", 2, "claim"),
        judged("ana", 3),
        judged("ana", 4),
    ]
    bob = [
        judged("bob", 0, "claim"),
        judged("bob", 1, "claim"),
        judged("bob", 2),
        judged("bob", 3, "claim"),
        judged("bob", 4, "denial"),
    ]
    return write(tmp_path / "ana.json", ana), write(tmp_path / "bob.jsonl", bob, "jsonl")


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["agree", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_listing_names_articles_by_their_titles(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """qa4 Q14: a person reads titles (issue 15), ids only in --json."""
    document = json.loads(pair[0].read_text())
    document["articles"][0]["title"] = "Troops seen at the border, officials say"
    pair[0].write_text(json.dumps(document))
    code, out, _ = run(capsys, str(pair[0]), str(pair[1]))
    assert code == 0
    assert "  “Troops seen at the border, officials say”, sentence 3: A [claim] B []" in out
    assert "story" not in out.split("disagreements:")[1]


def test_json_report(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(pair[0]), str(pair[1]), "--json")
    assert (code, err) == (0, "")
    report: dict[str, Any] = json.loads(out)
    assert (report["annotator_a"], report["annotator_b"], report["compared"]) == ("ana", "bob", 5)
    claim = report["tags"]["claim"]
    assert claim["kappa"] == pytest.approx(1 / 6)
    assert claim["observed"] == pytest.approx(0.6)
    assert claim["expected"] == pytest.approx(0.52)
    assert report["tags"]["attribution"]["kappa"] is None
    assert report["tags"]["denial"]["kappa"] == 0.0
    assert [d["index"] for d in report["disagreements"]] == [2, 3, 4]


def test_text_report(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(pair[0]), str(pair[1]))
    assert code == 0
    assert f"A: ana ({pair[0]})" in out
    assert "compared 5 sentences annotated by both; not compared: 0 by A only, 0 by B only" in out
    assert "claim          0.167     60.0%      2      1      1       1" in out
    assert "attribution      n/a    100.0%" in out
    assert "disagreements: 3" in out
    assert "  story, sentence 3: A [claim] B []  Three." in out
    assert "\x1b" not in out
    assert "story, sentence 5: A [] B [denial]  \\x1b[31mFive.\\x1b[0m" in out


def test_one_sided_sentences_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ana = write(tmp_path / "a.json", [judged("ana", 0, "claim"), judged("ana", 1, "claim")])
    bob = write(tmp_path / "b.json", [judged("bob", 0, "claim")])
    assert json.loads(run(capsys, str(ana), str(bob), "--json")[1])["compared"] == 1
    widened = json.loads(run(capsys, str(ana), str(bob), "--json", "--missing-as-untagged")[1])
    assert widened["compared"] == 2
    assert widened["tags"]["claim"]["only_a"] == 1


def test_refusals(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = write(tmp_path / "both.json", [judged("ana", 0, "claim"), judged("bob", 0, "claim")])
    code, out, err = run(capsys, str(both), str(pair[1]))
    assert (code, out) == (1, "")
    assert err == (
        f"workbench: {both}: expected one analyst's annotations, found annotators ana, bob "
        "(export with --annotator NAME)\n"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1')
    code, _, err = run(capsys, str(pair[0]), str(broken))
    assert code == 1 and err.startswith(f"workbench: {broken}: $: not valid JSON")
    missing = tmp_path / "missing.json"
    code, _, err = run(capsys, str(missing), str(pair[1]))
    assert (code, err) == (1, f"workbench: cannot read {missing}: No such file or directory\n")


def test_one_line_shows_control_characters_and_newlines() -> None:
    assert one_line("a\x1b[1mb\x07\nc") == "a\\x1b[1mb\\x07\\nc"
    assert one_line("[bold]é") == "[bold]é"


def test_exports_made_on_different_texts_of_an_article_say_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: the same judgements, exported before and after a correction, came out as
    sentences by A only, by B only and whose text differs."""
    corrected = "Correction first. " + TEXT
    before = [judged("ana", index, "claim") for index in range(3)]
    after = [
        Annotation.new(
            Anchor.in_text(
                "story",
                hashlib.sha256(corrected.encode()).hexdigest(),
                corrected,
                index + 1,
                SPANS[index][0] + 18,
                SPANS[index][1] + 18,
            ),
            "bob",
            tags=("claim",),
        )
        for index in range(3)
    ]
    a, b = write(tmp_path / "pre.json", before), write(tmp_path / "post.json", after)
    code, out, _ = run(capsys, str(a), str(b))
    assert code == 0
    assert "compared 0 sentences annotated by both; not compared: 0 by A only, 0 by B only" in out
    assert (
        "not compared: 1 article(s) A and B annotated on different texts (story); export both "
        "with --articles PATH to compare them on the articles as they are now\n" in out
    )
    code, out, _ = run(capsys, str(a), str(b), "--json")
    assert json.loads(out)["different_texts"] == [
        {"article_id": "story", "sha256_a": [SHA], "sha256_b": [after[0].article_sha256]}
    ]


def test_a_record_still_to_check_is_not_compared_and_the_report_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """rv6 R6: bob's record moved, to check, onto sentence 3 is not his judgement of it."""
    from dataclasses import replace

    ana = write(tmp_path / "ana.json", [judged("ana", 0, "claim"), judged("ana", 2, "claim")])
    moved = replace(judged("bob", 2, "denial"), anchor_state="check")
    bob = write(tmp_path / "bob.json", [judged("bob", 0, "claim"), moved])
    code, out, _ = run(capsys, str(ana), str(bob))
    assert code == 0
    assert "compared 1 sentences annotated by both" in out
    assert "not compared: 0 of A's and 1 of B's records still to check or orphaned" in out
    assert "disagreements: 0" in out
    code, out, _ = run(capsys, str(ana), str(bob), "--json")
    assert (json.loads(out)["unplaced_a"], json.loads(out)["unplaced_b"]) == (0, 1)


def test_missing_as_untagged_compares_every_sentence_of_a_shared_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa7 Q2: a sentence both left blank counts as "neither" with the option (the
    export's article list says how many sentences there are); without it the report
    says what was left out and names the option."""
    ana = [judged("ana", 0, "claim"), judged("ana", 1, "claim"), judged("ana", 2)]
    ana.append(judged("ana", 3, "claim"))
    bob = [judged("bob", 0, "claim"), judged("bob", 1, "claim"), judged("bob", 2)]
    a, b = write(tmp_path / "a.json", ana), write(tmp_path / "b.json", bob)
    code, out, _ = run(capsys, str(a), str(b), "--missing-as-untagged")
    assert code == 0
    assert "compared 4 sentences of the 1 article both annotated (--missing-as-untagged): " in out
    assert "not counted: sentences left blank by both in 1 article(s) whose sentence" in out
    document = json.loads(a.read_text())
    document["articles"][0]["sentences"] = 5
    a.write_text(json.dumps(document))
    code, out, _ = run(capsys, str(a), str(b), "--missing-as-untagged")
    assert (
        "compared 5 sentences of the 1 article both annotated (--missing-as-untagged): "
        "3 annotated by both, 1 left blank by B, 0 left blank by A, 1 left blank by both; "
        "not compared: 0 by A only, 0 by B only, 0 whose text differs\n" in out
    )
    # claim: both 2, A only 1, neither 2: p_o 4/5, E = 3·2 + 2·3, kappa = 8/13
    assert "claim          0.615     80.0%      2      1      0       2" in out
    assert "not counted" not in out
    code, out, _ = run(capsys, str(a), str(b))
    assert "compared 3 sentences annotated by both; not compared: 1 by A only" in out
    assert (
        "left out: 2 sentence(s) of articles both annotated (1 recorded by one analyst only, "
        "1 by neither); --missing-as-untagged compares them, a sentence left blank as untagged"
    ) in out
    report = json.loads(run(capsys, str(a), str(b), "--json", "--missing-as-untagged")[1])
    assert (report["compared"], report["left_blank_by_both"]) == (5, 1)


def test_the_same_file_twice_is_refused_and_one_analysts_copy_is_named(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa7 Q10 k: `agree B.json B.json` gave kappa 1.000 without a word."""
    code, out, err = run(capsys, str(pair[0]), str(pair[0]))
    assert (code, out) == (1, "")
    assert err == f"workbench: A and B are the same file ({pair[0]}): nothing to compare\n"
    copy = tmp_path / "copy.json"
    copy.write_bytes(pair[0].read_bytes())
    code, out, err = run(capsys, str(pair[0]), str(copy))
    assert code == 0 and "compared 5 sentences" in out
    assert err == (
        "workbench: note: A and B are both ana's annotations; B holds the very records A "
        "holds (a copy of one export?): kappa says nothing\n"
    )


def test_sources_credited_apart_are_listed_beside_the_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa9 Q8: two analysts with the same tags but the figure credited to the union by
    one and to the governor by the other read "disagreements: 0"."""
    attributed = ("claim", "attribution")
    ana = [
        judged("ana", 0, *attributed).changed(source="union"),
        judged("ana", 1, *attributed).changed(source="Maria  Falk"),
        judged("ana", 2, "claim").changed(source="police"),
    ]
    carl = [
        judged("carl", 0, *attributed).changed(source="governor"),
        judged("carl", 1, *attributed).changed(source="maria falk"),  # the same, spelt so
        judged("carl", 2, "claim"),  # no attribution: no source to credit
    ]
    first, second = write(tmp_path / "ana.json", ana), write(tmp_path / "carl.json", carl)
    code, out, _ = run(capsys, str(first), str(second))
    assert code == 0
    assert "tag disagreements: 0" in out
    assert (
        "source disagreements: 1 (sentences both tagged attribution, crediting different "
        "sources)\n  story, sentence 1: A “union” B “governor”  One.\n"
    ) in out
    code, out, _ = run(capsys, str(first), str(second), "--json")
    assert json.loads(out)["source_disagreements"] == [
        {
            "article_id": "story",
            "index": 0,
            "quote": "One.",
            "source_a": "union",
            "source_b": "governor",
        }
    ]


def test_statuses_judged_differently_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa10 Q15: one analyst's "refuted" against another's "supported" showed full
    agreement: the status, what a desk publishes, was never compared."""
    ana = [
        judged("ana", 0, "claim").changed(status="supported"),
        judged("ana", 1, "claim"),
        judged("ana", 2, "claim").changed(status="refuted"),
    ]
    bob = [
        judged("bob", 0, "claim").changed(status="refuted"),
        judged("bob", 1, "claim"),
        judged("bob", 2, "claim").changed(status="refuted"),
    ]
    first, second = write(tmp_path / "ana.json", ana), write(tmp_path / "bob.json", bob)
    code, out, _ = run(capsys, str(first), str(second))
    assert code == 0
    assert "tag disagreements: 0" in out
    assert (
        "status disagreements: 1 (sentences both recorded, verified differently)\n"
        "  story, sentence 1: A supported B refuted  One.\n"
    ) in out
    code, out, _ = run(capsys, str(first), str(second), "--json")
    assert json.loads(out)["status_disagreements"] == [
        {
            "article_id": "story",
            "index": 0,
            "quote": "One.",
            "status_a": "supported",
            "status_b": "refuted",
        }
    ]


def test_two_spellings_the_summary_groups_as_one_speaker_are_no_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa10 Q15 / tr11 T5: "The national weather office" and "national weather office",
    "General Ryder" and "Ryder" were listed as crediting different sources."""
    attributed = ("claim", "attribution")
    ana = [
        judged("ana", 0, *attributed).changed(source="The national weather office"),
        judged("ana", 1, *attributed).changed(source="General Ryder"),
        judged("ana", 2, *attributed).changed(source="union"),
    ]
    bob = [
        judged("bob", 0, *attributed).changed(source="national weather office"),
        judged("bob", 1, *attributed).changed(source="Ryder"),
        judged("bob", 2, *attributed).changed(source="governor"),
    ]
    first, second = write(tmp_path / "ana.json", ana), write(tmp_path / "bob.json", bob)
    code, out, _ = run(capsys, str(first), str(second))
    assert code == 0
    assert "source disagreements: 1 " in out
    assert "A “union” B “governor”" in out


def test_a_role_accepted_as_the_speaker_it_names_is_that_speaker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa13 Q8: "The minister said 12 survivors had been found": ana typed "José Peña",
    bob accepted the suggestion "minister → José Peña" (source "minister"); agree listed
    them as crediting different sources, where the summary counts both under Peña."""
    attributed = ("claim", "attribution")
    scores = {"claim": 0.9, "attribution": 0.95, "denial": 0.0}
    shown = Suggested("rules", attributed, "minister", "José Peña", scores)
    ana = [
        judged("ana", 0, *attributed).changed(source="José Peña"),
        judged("ana", 1, *attributed).changed(source="union"),
    ]
    bob = [
        replace(judged("bob", 0, *attributed), source="minister", suggestion=shown),
        judged("bob", 1, *attributed).changed(source="minister"),  # typed: no one named
    ]
    first, second = write(tmp_path / "ana.json", ana), write(tmp_path / "bob.json", bob)
    code, out, _ = run(capsys, str(first), str(second))
    assert code == 0
    assert "source disagreements: 1 " in out
    assert "A “union” B “minister”" in out and "José Peña" not in out


def test_agree_offers_no_database_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa10 Q15: `agree --help` offered --db and --annotator, which it cannot use."""
    assert main(["agree", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "--db" not in shown and "--annotator" not in shown
    ana = write(tmp_path / "ana.json", [judged("ana", 0, "claim")])
    bob = write(tmp_path / "bob.json", [judged("bob", 0, "claim")])
    code, _, err = run(capsys, str(ana), str(bob), "--db", str(tmp_path / "db.json"))
    assert code == 2 and "--db" in err


def test_a_record_past_its_articles_sentences_is_refused_as_its_import_refuses_it(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """tr13 T7: a record on "sentence 100" of an article whose file lists 5 sentences
    (a row edited by hand) was compared, and counted among the article's sentences
    ("left out: 6 sentence(s)"), where `import` refuses the very file."""
    ana, bob = pair
    document = json.loads(ana.read_text(encoding="utf-8"))
    (listed,) = document["articles"]
    listed["sentences"] = 5  # as an export from a database that saw the article lists it
    document["annotations"][4]["index"] = 99
    edited = ana.with_name("edited.json")
    edited.write_text(json.dumps(document), encoding="utf-8")
    for first, second in ((edited, bob), (bob, edited)):
        code, out, err = run(capsys, str(first), str(second))
        assert (code, out) == (1, "")
        assert err == (
            f"workbench: {edited}: $.annotations[4].index: index 99 (sentence 100) is beyond "
            "the text it names of article 'story' (5 sentences)\n"
        )


def test_one_pronoun_resolved_to_two_speakers_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa16 Q19: both analysts accepted "She" on "She added that 412,000 ballots had been
    counted …", one when it was shown as the governor, the other as the chairwoman: the
    listing said `A “She” B “She”`, a disagreement that reads as none. Each side names
    the speaker its pronoun was taken for."""
    attributed = ("claim", "attribution")
    scores = {"claim": 0.9, "attribution": 0.95, "denial": 0.0}
    ana = [
        replace(
            judged("ana", 0, *attributed),
            source="She",
            suggestion=Suggested("rules-19", attributed, "She", "Ilse Marwood", scores),
        )
    ]
    cara = [
        replace(
            judged("cara", 0, *attributed),
            source="She",
            suggestion=Suggested("rules-20", attributed, "She", "Agnieszka Wróbel", scores),
        )
    ]
    first, second = write(tmp_path / "ana.json", ana), write(tmp_path / "cara.json", cara)
    code, out, _ = run(capsys, str(first), str(second))
    assert code == 0
    assert "A “She” → Ilse Marwood B “She” → Agnieszka Wróbel" in out
    code, out, _ = run(capsys, str(first), str(second), "--json")
    (listed,) = json.loads(out)["source_disagreements"]
    assert (listed["speaker_a"], listed["speaker_b"]) == ("Ilse Marwood", "Agnieszka Wróbel")
