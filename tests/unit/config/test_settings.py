"""Ledger thresholds from settings.toml, overridden by command-line values."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.config.settings import ledger_settings, settings_problems
from workbench.config.toml_file import ConfigFileError
from workbench.core.analysis.ledger.settings import LedgerSettings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert ledger_settings(tmp_path / "absent.toml") == LedgerSettings()


def test_file_values_then_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, "[ledger]\nclaim_threshold = 80\nconflict_whats = ['troops']\n")
    settings = ledger_settings(path, {"denial_threshold": 55.0, "claim_threshold": None})
    assert settings.claim_threshold == 80.0
    assert settings.denial_threshold == 55.0
    assert settings.conflict_whats == ("troops",)


def test_a_settings_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """tr9 T8: Notepad's "UTF-8" starts the file with U+FEFF; every command refused it
    with "Invalid statement (at line 1, column 1)", naming no byte-order mark."""
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbf[ledger]\nclaim_threshold = 80\n")
    assert ledger_settings(path).claim_threshold == 80.0
    assert settings_problems(path) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[ledger]\nclaim_treshold = 80\n", "unknown ledger setting 'claim_treshold'"),
        ("[ledger]\nclaim_threshold = 'high'\n", "must be a number"),
        ("[ledger]\nclaim_threshold = 900\n", "between 0 and 100"),
        ("[ledger]\nmax_block = 0\n", "whole number"),
        ("[ledger]\ndenial_samples = 3\n", "ledger.denial_samples is no longer a setting"),
        ("[ledger]\nconflict_whats = 'troops'\n", "list of strings"),
        ("ledger = 3\n", "must be a table"),
        ("not toml [", "not a valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    with pytest.raises(ConfigFileError) as raised:
        ledger_settings(write(tmp_path, text))
    assert str(raised.value).startswith(str(tmp_path / "settings.toml"))
    assert problem in str(raised.value)


def test_summary_rejects_a_threshold_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--claim-threshold", "300"]) == 2
    assert "between 0 and 100" in capsys.readouterr().err


def test_the_anchoring_threshold_comes_from_the_settings_file(tmp_path: Path) -> None:
    from workbench.config.settings import anchoring_threshold
    from workbench.core.anchoring.placement import DEFAULT_THRESHOLD

    assert anchoring_threshold(tmp_path / "absent.toml") == DEFAULT_THRESHOLD
    path = write(tmp_path, "[anchoring]\nfuzzy_threshold = 80\n")
    assert anchoring_threshold(path) == 80.0
    assert anchoring_threshold(path, override=50.0) == 50.0
    for bad in ("fuzzy_threshold = 'high'", "fuzzy_threshold = 101", "fuzzy_treshold = 80"):
        with pytest.raises(ConfigFileError, match="anchoring"):
            anchoring_threshold(write(tmp_path, f"[anchoring]\n{bad}\n"))


def test_a_fifo_in_place_of_the_settings_file_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    with pytest.raises(
        ConfigFileError, match=r"settings\.toml: cannot read settings file \(a FIFO"
    ):
        ledger_settings(fifo)


def test_the_start_up_check_names_each_problem_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[ledger]\nclaim_treshold = 80\n\n[leger]\nx = 1\n\n[anchoring]\nfuzzy_threshold = 500\n",
    )
    assert settings_problems(path) == [
        f"{path} line 2: unknown ledger setting 'claim_treshold' (did you mean claim_threshold?)",
        f"{path} line 4: unknown section '[leger]' (did you mean [ledger]?)",
        f"{path} line 8: anchoring.fuzzy_threshold must be a number from 0 to 100",
    ]
    assert settings_problems(tmp_path / "absent.toml") == []


def test_a_dotted_key_is_found_on_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# thresholds\nledger.max_block = 0\n")
    assert settings_problems(path) == [
        f"{path} line 2: ledger.max_block must be a whole number >= 1"
    ]


FOUR_MISTAKES = (
    "[ledger]\nclaim_threshold = 170\ndenial_threshold = 170\nmax_blok = 3\n\n"
    "[anchoring]\nfuzzy_threshold = 300\n"
)


def test_every_problem_of_the_file_is_named_at_once(tmp_path: Path) -> None:
    """QA found the commands stopping at the first problem (four runs for four mistakes)
    and the start-up check missing denial_threshold behind claim_threshold."""
    path = write(tmp_path, FOUR_MISTAKES)
    expected = [
        f"{path} line 2: ledger.claim_threshold must be between 0 and 100",
        f"{path} line 3: ledger.denial_threshold must be between 0 and 100",
        f"{path} line 4: unknown ledger setting 'max_blok' (did you mean max_block?)",
        f"{path} line 7: anchoring.fuzzy_threshold must be a number from 0 to 100",
    ]
    assert settings_problems(path) == expected
    with pytest.raises(ConfigFileError) as raised:
        ledger_settings(path)
    assert raised.value.problems == expected
    assert str(raised.value) == "; ".join(expected)


@pytest.mark.parametrize("command", [["summary"], ["reanchor"]])
def test_the_commands_print_every_problem_one_line_each(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    path = write(tmp_path, FOUR_MISTAKES)
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(path))
    assert main([*command, "--db", str(tmp_path / "db.json")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(" line ")[1][:1] for line in err] == ["2", "3", "4", "7"]
    assert all(line.startswith(f"workbench: {path} line ") for line in err)


def test_the_suggestion_settings_are_read_and_checked(tmp_path: Path) -> None:
    from workbench.config.settings import SuggestionSettings, suggestion_settings

    assert suggestion_settings(tmp_path / "absent.toml") == SuggestionSettings(True, 0.40)
    path = write(tmp_path, "[suggestions]\nenabled = false\nlowest_score = 0.8\n")
    assert suggestion_settings(path) == SuggestionSettings(False, 0.8)
    path = write(tmp_path, "[suggestions]\nenabled = 'no'\nlowest_score = 2\nlowest = 1\n")
    assert settings_problems(path) == [
        f"{path} line 2: suggestions.enabled must be true or false",
        f"{path} line 3: suggestions.lowest_score must be a number from 0 to 1",
        f"{path} line 4: unknown suggestions setting 'lowest' (did you mean lowest_score?)",
    ]
    with pytest.raises(ConfigFileError, match=r"suggestions\.enabled"):
        suggestion_settings(path)


def test_the_default_lowest_score_shows_every_suggested_tag() -> None:
    """The default sits at the suggester's lowest threshold: a higher one would hide
    suggested denials, a lower one would promise tags that are never suggested."""
    from workbench.config.settings import SuggestionSettings
    from workbench.core.analysis.suggestions.suggest import THRESHOLDS

    assert SuggestionSettings().lowest_score == min(THRESHOLDS.values())


def test_a_section_or_setting_written_with_an_escape_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    """tr11 T2: `["se\\u0063tion"]` was named without its line (a plain `[foo]` had one)."""
    path = write(
        tmp_path, '[ledger]\n"claim_tr\\u0065shold" = 70\n["se\\u0063tion"]\nx = 1\n[foo]\n'
    )
    assert settings_problems(path) == [
        f"{path} line 2: unknown ledger setting 'claim_treshold' (did you mean claim_threshold?)",
        f"{path} line 3: unknown section '[section]' (did you mean [suggestions]?)",
        f"{path} line 5: unknown section '[foo]'",
    ]


@pytest.mark.parametrize(
    "nested", ["a = " + "[" * 2000 + "]" * 2000, "a = " + "{b = " * 2000], ids=["arrays", "tables"]
)
def test_a_settings_file_nested_too_deeply_is_named_not_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    nested: str,
) -> None:
    """tr17: tomllib reads nesting by recursion: a thousand '[' ended every command that
    reads the settings (and the app's start, through the keymap) in a RecursionError."""
    path = write(tmp_path, nested + "\n")
    with pytest.raises(ConfigFileError, match="nested too deeply"):
        ledger_settings(path)
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(path))
    assert main(["summary", "--db", str(tmp_path / "db.json")]) == 1
    assert capsys.readouterr().err == (
        f"workbench: {path}: not a settings file workbench reads (nested too deeply)\n"
    )


def test_a_settings_file_of_gigabytes_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr18: settings.toml was read whole by every command: a sparse file of 2 GiB planted
    there took `summary` 79 s and 4.2 GB before it said "not valid TOML". A settings
    file is a few lines; past a mebibyte it is named, having read no more."""
    path = tmp_path / "settings.toml"
    with path.open("wb") as handle:
        handle.truncate(2 << 30)  # sparse: nothing written
    tracemalloc.start()
    try:
        with pytest.raises(ConfigFileError) as raised:
            ledger_settings(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, "the file was read"
    said = f"{path}: cannot read settings file (larger than 1,048,576 bytes: not read)"
    assert str(raised.value) == said
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(path))
    assert main(["summary", "--db", str(tmp_path / "db.json")]) == 1
    assert capsys.readouterr().err == f"workbench: {said}\n"
