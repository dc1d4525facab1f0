"""Key remapping from a TOML file of binding ids: every problem named with file and line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.config.keymap import KeymapError
from workbench.tui.keymap import binding_scopes, load_keymap, normalized_key


def keymap_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_no_remapping(tmp_path: Path) -> None:
    keymap = load_keymap(tmp_path / "absent.toml")
    assert (keymap.bindings, keymap.problems) == ({}, [])


def test_reads_binding_ids_and_names_keys_as_textual_does(tmp_path: Path) -> None:
    path = keymap_file(
        tmp_path,
        'toggle_claim = "1"\nnext_sentence = "j, space"\nhelp = "?"\nredo = "shift+ctrl+r"\n',
    )
    keymap = load_keymap(path)
    assert keymap.problems == []
    assert keymap.bindings == {
        "toggle_claim": "1",
        "next_sentence": "j,space",
        "help": "question_mark",
        "redo": "ctrl+shift+r",
    }


def test_a_swap_of_two_keys_is_no_clash(tmp_path: Path) -> None:
    path = keymap_file(tmp_path, 'toggle_claim = "d"\ntoggle_denial = "c"\n')
    assert load_keymap(path).bindings == {"toggle_claim": "d", "toggle_denial": "c"}


def test_every_bad_entry_is_named_with_its_line_and_only_it_is_ignored(tmp_path: Path) -> None:
    path = keymap_file(
        tmp_path,
        "# my keys\n"
        'toggle_clam = "1"\n'
        'toggle_denial = "c"\n'
        'next_sentence = "ctrl+shift+banana"\n'
        "toggle_attribution = 2\n"
        'undo = "ctrl+q"\n'
        'summary = "Z"\n',
    )
    keymap = load_keymap(path)
    assert keymap.bindings == {"summary": "Z"}
    assert keymap.problems == [
        f"{path} line 2: unknown binding id 'toggle_clam' (did you mean toggle_claim?) (ignored)",
        f"{path} line 3: c is already toggle_claim's key (ignored; toggle_denial keeps d)",
        f"{path} line 4: 'ctrl+shift+banana' is not a key name (examples: j, J, ctrl+r, f5, "
        "question_mark) (ignored; next_sentence keeps j,down)",
        f'{path} line 5: toggle_attribution must be a string of keys, like "j,down" '
        "(ignored; toggle_attribution keeps a)",
        f"{path} line 6: ctrl+q is already the app's key for quit (ignored; undo keeps u)",
    ]


def test_a_key_is_checked_within_each_screen(tmp_path: Path) -> None:
    """`m` is the summary's merge key but free on the annotate screen; `f` is the review
    screen's filter key, so review.search cannot have it too."""
    path = keymap_file(tmp_path, 'toggle_claim = "m"\n"review.search" = "f"\n')
    keymap = load_keymap(path)
    assert keymap.bindings == {"toggle_claim": "m"}
    assert keymap.problems == [
        f"{path} line 2: f is already review.filter's key (ignored; review.search keeps slash)"
    ]


@pytest.mark.parametrize("content", ["not toml at all [", "toggle_claim = \n"])
def test_a_file_that_is_not_toml_is_one_error_naming_the_file(tmp_path: Path, content: str) -> None:
    with pytest.raises(KeymapError, match=r"keymap\.toml: not a valid TOML keymap"):
        load_keymap(keymap_file(tmp_path, content))


def test_a_fifo_for_a_keymap_is_refused_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "keymap.toml")
    with pytest.raises(KeymapError, match="a FIFO"):
        load_keymap(tmp_path / "keymap.toml")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("j", "j"),
        ("J", "J"),
        ("?", "question_mark"),
        ("question_mark", "question_mark"),
        ("ctrl+r", "ctrl+r"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("f5", "f5"),
        ("space", "space"),
        ("é", "é"),
        ("ctrl+/", "ctrl+slash"),
        ("ctrl+shift+banana", None),
        ("ctrl+ctrl+a", None),
        ("hyperdrive+a", None),
        ("ctrl+", None),
        ("", None),
        ("\x1b", None),
    ],
)
def test_key_names(text: str, key: str | None) -> None:
    assert normalized_key(text) == key


def test_every_screen_binding_has_an_id_and_no_screen_binds_a_key_twice() -> None:
    for screen, bindings in binding_scopes().items():
        ids = [binding.id for binding in bindings if binding.id]
        assert len(ids) == len(set(ids)), screen
        keys = [
            normalized_key(key)
            for binding in bindings
            for key in dict.fromkeys(binding.key.split(","))
        ]
        assert None not in keys, screen
        assert len(keys) == len(set(keys)), screen
