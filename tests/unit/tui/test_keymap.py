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
        f'{path} line 5: toggle_attribution must be a string of keys, like "j,down", not a number '
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


def test_an_entry_in_a_table_is_read_as_a_dotted_id_and_named_with_its_line(
    tmp_path: Path,
) -> None:
    """TOML reads `[review]` then `search = ...` as `review.search = ...`: the keymap
    does too, and an unknown table's entries are named on their own lines."""
    path = keymap_file(
        tmp_path, '[section]\nfoo = "x"\nundo = "U"\n\n[review]\nsearch = "f3"\n\n[empty]\n'
    )
    keymap = load_keymap(path)
    assert keymap.bindings == {"review.search": "f3"}
    assert keymap.problems == [
        f"{path} line 2: unknown binding id 'section.foo' (the help screen, ?, lists them) "
        "(ignored)",
        f"{path} line 3: unknown binding id 'section.undo' (did you mean undo?) (ignored)",
        f'{path} line 8: [empty] holds no binding: a keymap is lines of binding_id = "keys" '
        "(ignored)",
    ]


def test_an_empty_key_string_says_it_binds_nothing(tmp_path: Path) -> None:
    path = keymap_file(tmp_path, 'undo = ""\nredo = 5\nhelp = "j,,k"\n')
    assert load_keymap(path).problems == [
        f'{path} line 1: undo = "" binds no key: give at least one, like "u" (a binding '
        "cannot be unbound) (ignored; undo keeps u)",
        f'{path} line 2: redo must be a string of keys, like "j,down", not a number '
        "(ignored; redo keeps ctrl+r)",
        f"{path} line 3: 'j,,k' has an empty key between its commas (ignored; help keeps "
        "question_mark)",
    ]


def test_a_remapped_binding_keeps_its_place_in_the_footer() -> None:
    """Textual moves a remapped binding to the end of its screen's bindings (the footer
    listed `1 Claim` last); the completed keymap keeps every binding in its place."""
    from textual.binding import BindingsMap

    from workbench.tui.keymap import complete_keymap
    from workbench.tui.screens.annotate import ANNOTATE_BINDINGS

    def shown(keymap: dict[str, str]) -> list[tuple[str | None, str]]:
        """(id, key) in the footer's order (Textual may list a binding twice for a key)."""
        bindings = BindingsMap(ANNOTATE_BINDINGS)
        bindings.apply_keymap(keymap)
        return list(dict.fromkeys((binding.id, binding.key) for binding in bindings.shown_keys))

    default = list(dict.fromkeys(name for name, _key in shown({})))
    user = {"toggle_claim": "1", "toggle_denial": "c"}
    assert list(dict.fromkeys(name for name, _ in shown(user))) != default  # Textual alone
    completed = shown(complete_keymap(user))
    assert list(dict.fromkeys(name for name, _key in completed)) == default
    assert ("toggle_claim", "1") in completed and ("toggle_denial", "c") in completed
    assert complete_keymap({}) == {}


def test_an_entry_whose_key_is_written_with_an_escape_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    """tr11 T2: the line finder looked for the decoded key in the raw text, so an entry
    written `"tog\\u00e9" = "2"` was reported without its line."""
    path = keymap_file(
        tmp_path, '"toggle_claimx" = "1"\n"tog\\u00e9" = "2"\n"\\u001b[31mred" = "3"\n'
    )
    problems = load_keymap(path).problems
    assert [problem.split(":")[0] for problem in problems] == [
        f"{path} line 1",
        f"{path} line 2",
        f"{path} line 3",
    ], problems


def test_a_keymap_of_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    """tr18: as settings.toml, a sparse keymap.toml of gigabytes was read whole at start."""
    path = tmp_path / "keymap.toml"
    with path.open("wb") as handle:
        handle.truncate(2 << 30)
    with pytest.raises(KeymapError, match=r"larger than 1,048,576 bytes: not read"):
        load_keymap(path)


def test_the_file_is_read_once_for_its_entries_and_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """polish20: the keymap was opened twice at every start, once for its entries and
    once for their lines (which could have been another file's by then)."""
    path = keymap_file(tmp_path, 'quit = "ctrl+q"\n')
    opened: list[str] = []
    real_open = os.open

    def counted(name: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        opened.append(os.fspath(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", counted)
    keymap = load_keymap(path)
    assert keymap.problems and "line 1" in keymap.problems[0]
    assert opened.count(str(path)) == 1


def test_a_byte_order_mark_does_not_hide_the_first_line(tmp_path: Path) -> None:
    """The entries were read without the mark and their lines with it: the first entry's
    problem named no line."""
    path = tmp_path / "keymap.toml"
    path.write_bytes(b'\xef\xbb\xbfquit = "ctrl+q"\n')
    assert load_keymap(path).problems[0].startswith(f"{path} line 1: ")
