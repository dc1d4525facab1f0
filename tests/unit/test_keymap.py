"""Key remapping from a TOML file of binding ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.tui.keymap import KeymapError, load_keymap


def test_missing_file_means_no_remapping(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "absent.toml") == {}


def test_reads_binding_ids(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('toggle_claim = "1"\nnext_sentence = "j, space"\n', encoding="utf-8")
    assert load_keymap(path) == {"toggle_claim": "1", "next_sentence": "j,space"}


@pytest.mark.parametrize("content", ["toggle_claim = 1\n", "not toml at all [", 'x = ""\n'])
def test_bad_keymap_names_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeymapError, match=r"keymap\.toml"):
        load_keymap(path)
