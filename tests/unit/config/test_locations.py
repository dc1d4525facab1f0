"""Database path and annotator: the flag wins, then the environment, then the default."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

import workbench
from workbench.config.annotator import ANNOTATOR_ENV, resolve_annotator
from workbench.config.locations import DB_ENV, default_db_path, resolve_database


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.delenv(ANNOTATOR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_the_db_flag_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, "/from/env.json")
    assert resolve_database("/from/flag.json") == Path("/from/flag.json")


def test_the_environment_beats_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, "/from/env.json")
    assert resolve_database(None) == Path("/from/env.json")


def test_the_default_lives_under_xdg_data_home(tmp_path: Path) -> None:
    assert resolve_database(None) == tmp_path / "data" / "workbench" / "annotations.json"


def test_an_empty_environment_variable_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DB_ENV, "")
    assert resolve_database("") == tmp_path / "data" / "workbench" / "annotations.json"


@pytest.mark.parametrize("xdg", [None, "", "relative/data"])
def test_without_a_usable_xdg_data_home_the_default_is_under_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str | None
) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME")
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = tmp_path / "home" / ".local" / "share" / "workbench" / "annotations.json"
    assert default_db_path() == expected


def test_the_default_is_never_inside_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    package = Path(workbench.__file__).resolve().parent
    monkeypatch.chdir(package)
    monkeypatch.setenv("XDG_DATA_HOME", ".")
    assert not default_db_path().resolve().is_relative_to(package)


def test_a_flag_path_expands_the_home_directory(tmp_path: Path) -> None:
    assert resolve_database("~/notes.json") == tmp_path / "home" / "notes.json"


@pytest.mark.parametrize(
    "url", ["postgresql://desk@db.example/news", "postgres:///news", "POSTGRESQL://h/d"]
)
def test_a_postgresql_url_stays_a_url(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    assert resolve_database(url) == url
    monkeypatch.setenv(DB_ENV, url)
    assert resolve_database(None) == url


def test_a_file_named_like_a_scheme_is_still_a_file() -> None:
    assert resolve_database("postgresql.json") == Path("postgresql.json")


def test_the_annotator_flag_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ANNOTATOR_ENV, "bea")
    assert resolve_annotator("  ana ") == "ana"


def test_the_annotator_environment_beats_the_login_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ANNOTATOR_ENV, "bea")
    monkeypatch.setattr(getpass, "getuser", lambda: "login")
    assert resolve_annotator(None) == "bea"
    assert resolve_annotator("   ") == "bea"


def test_the_login_name_is_the_last_resort(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "login")
    assert resolve_annotator(None) == "login"


def test_without_a_login_name_there_is_still_an_annotator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert resolve_annotator(None) == "analyst"
