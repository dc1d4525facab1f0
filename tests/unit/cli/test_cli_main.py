"""The `workbench` entry point: --help everywhere, exit code 2 with one line on bad arguments."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import __version__
from workbench.cli.main import COMMANDS, main


def exit_code(argv: list[str]) -> int:
    return main(argv)


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench")
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: workbench {name}")
    # agree reads two export files, never a database (qa10 Q15)
    assert ("--db" in out and "--annotator" in out) == (name != "agree")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"workbench {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["sentences", "--no-such-option"],
        ["sentences", "--db"],
        ["sentences", "--annotator"],
    ],
)
def test_bad_arguments_exit_2_with_a_one_line_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_code(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("workbench")
    assert captured.err.count("\n") == 1
    assert "error:" in captured.err


@pytest.mark.parametrize(
    "argv",
    [["import", "x.json", "--db", ""], ["summary", "--db", " "], ["copy-db", "a.json", ""]],
)
def test_an_empty_database_name_is_refused_never_taken_for_the_default(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """tr7 T9: `--db "$DB"` with DB unset imported into the analyst's default database."""
    assert exit_code(argv) == 2
    assert "is empty: give a file or a postgresql:// URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["reanchor", "--annotator", ""],
        ["import", "x.json", "--annotator", " "],
        ["export", "--annotator="],
        ["summary", "--annotator", ""],
    ],
)
def test_an_empty_analyst_name_is_refused_never_taken_for_the_login_name(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr15 T1: `--annotator "$WHO"` with WHO unset wrote as the login name (annotate,
    import), and export wrote every analyst's annotations for one analyst's."""
    db = tmp_path / "db.json"
    assert exit_code([*argv, "--db", str(db)]) == 2
    assert "--annotator: is empty: give an analyst's name" in capsys.readouterr().err
    assert not db.exists()


def test_an_analyst_name_too_long_for_the_team_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr9 T13: a name past the server's index (1,000 bytes) opened a file database, and
    failed every tag on the team store in PostgreSQL's words."""
    db = tmp_path / "db.json"
    assert exit_code(["annotate", "--db", str(db), "--annotator", "ö" * 501]) == 1
    assert "analyst name 'öööö" in (err := capsys.readouterr().err)
    assert "… (501 characters) is 1,002 bytes long (UTF-8), longer than the team store" in err
    assert not db.exists()


def test_the_word_for_every_analyst_is_no_analyst_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr7 T16: an analyst "All" was accepted, then `summary --annotator All` was everyone's."""
    db = tmp_path / "db.json"
    assert exit_code(["annotate", "--db", str(db), "--annotator", "All"]) == 1
    assert "'All' is reserved: --annotator all means every analyst's" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("exprot", "workbench: unknown command 'exprot' (did you mean export?)\n"),
        ("sumary", "workbench: unknown command 'sumary' (did you mean summary?)\n"),
        (
            "zzz",
            "workbench: unknown command 'zzz', and no such file or folder (commands: "
            + ", ".join(COMMANDS)
            + ")\n",
        ),
    ],
)
def test_an_unknown_command_is_refused_before_any_screen_opens(
    word: str, message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.cli.annotate.run", never_run)
    assert main([word]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message)


def never_run(*args: object) -> int:
    raise AssertionError("annotate ran")


def test_an_existing_path_or_a_path_like_word_still_opens_annotate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr("workbench.cli.annotate.run", lambda args: seen.append(args.paths) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").mkdir()
    assert main(["exprot"]) == 0
    assert main(["gone/story.txt"]) == 0
    assert seen == [["exprot"], ["gone/story.txt"]]


def test_annotate_never_opens_the_screen_on_an_empty_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.tui.app import WorkbenchApp

    monkeypatch.setattr(WorkbenchApp, "run", never_run)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    database = tmp_path / "db.json"
    assert main(["annotate", str(tmp_path), "--db", str(database)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"workbench: skipped {tmp_path / 'empty.md'}: empty file",
        f"workbench: skipped {tmp_path / 'latin1.txt'}: not UTF-8 (invalid byte 0xe9 at offset 3)",
        f"workbench: no articles to annotate in {tmp_path}",
    ]
    assert not database.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "team.json", "sentences", "story.txt"],
        ["--db=team.json", "sentences", "story.txt"],
        ["--annotator", "bob", "--db", "team.json", "sentences", "story.txt"],
    ],
)
def test_store_options_before_the_command_still_run_that_command(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: every command takes --db; `workbench --db X summary` runs summary on X,
    it does not open the annotate screen on a corpus named "summary"."""
    seen: list[tuple[str | None, list[str]]] = []
    monkeypatch.setattr("workbench.cli.annotate.run", never_run)
    monkeypatch.setattr(
        "workbench.cli.sentences.run", lambda args: seen.append((args.db, args.paths)) or 0
    )
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 0
    assert seen == [("team.json", ["story.txt"])]


def test_store_options_alone_or_before_paths_open_annotate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str | None, list[str]]] = []
    monkeypatch.setattr(
        "workbench.cli.annotate.run", lambda args: seen.append((args.db, args.paths)) or 0
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert main(["--db", "team.json"]) == 0
    assert main(["--db", "team.json", "corpus"]) == 0
    assert seen == [("team.json", []), ("team.json", ["corpus"])]


def test_a_mistyped_command_after_store_options_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.cli.annotate.run", never_run)
    assert main(["--db", "team.json", "sumary"]) == 2
    assert capsys.readouterr().err == (
        "workbench: unknown command 'sumary' (did you mean summary?)\n"
    )


def test_annotate_tells_the_app_when_the_login_name_stands_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """qa14 Q11: the app says whose work the database holds only to an analyst nobody
    named (a shell without WORKBENCH_ANNOTATOR)."""
    from workbench.config.annotator import ANNOTATOR_ENV
    from workbench.tui.app import WorkbenchApp

    seen: list[bool] = []
    monkeypatch.setattr(WorkbenchApp, "run", lambda app: seen.append(app.login_named))
    monkeypatch.delenv(ANNOTATOR_ENV, raising=False)
    (tmp_path / "story.txt").write_text("A headline\nOfficials said 40 troops left.\n")
    database = str(tmp_path / "db.json")
    assert main(["annotate", str(tmp_path), "--db", database]) == 0
    assert main(["annotate", str(tmp_path), "--db", database, "--annotator", "ana"]) == 0
    monkeypatch.setenv(ANNOTATOR_ENV, "bob")
    assert main(["annotate", str(tmp_path), "--db", database]) == 0
    assert seen == [True, False, False]


def test_readme_lists_every_command() -> None:
    """qa14 Q2: `repair` was in --help but not in README's Commands block."""
    from workbench.cli.main import COMMANDS

    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    listed = {line.split()[1] for line in block.splitlines() if len(line.split()) > 1}
    assert set(COMMANDS) <= listed


def test_articles_given_as_an_option_to_a_command_that_reads_paths_says_how(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """qa14 Q13: export and import take --articles PATH; summary and reanchor read the
    articles as PATH, and `summary --articles breach` said only "unrecognized
    arguments: --articles"."""
    assert main(["summary", "--articles", "breach"]) == 2
    assert "workbench summary takes the articles as PATH" in capsys.readouterr().err
    assert main(["summary", "--frobnicate"]) == 2
    assert "takes the articles" not in capsys.readouterr().err
