"""qa20 #12: an export whose analyst name holds a control character ("mallory" + ESC
"[5m") was imported with no word about it. It is taken, as a name typed with one is
(shown escaped, it looks like no other name), and named on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.cli.test_cli_import import annotation, fill, run


def test_an_analyst_named_with_a_control_character_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = "mallory\x1b[5m"
    other = fill(tmp_path / "other.json", evil, annotation(1, evil, tags=("claim",)))
    exported = tmp_path / "evil.json"
    assert run(capsys, "export", "--db", str(other), "-o", str(exported))[0] == 0
    code, out, err = run(capsys, "import", str(exported), "--db", str(tmp_path / "team.json"))
    assert code == 0 and "added 1" in out
    assert (
        f"workbench: analyst mallory\\x1b[5m of {exported} holds a control character, shown escaped"
    ) in err
    assert "\x1b" not in out + err
    plain = fill(tmp_path / "plain.json", "Katarina Sæther", annotation(1, "Katarina Sæther"))
    exported = tmp_path / "plain-export.json"
    assert run(capsys, "export", "--db", str(plain), "-o", str(exported))[0] == 0
    code, _, err = run(capsys, "import", str(exported), "--db", str(tmp_path / "new.json"))
    assert code == 0 and "control character" not in err
