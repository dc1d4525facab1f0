"""`-o FILE` onto things that are not regular files: one helper decides what happens.

A character device or FIFO is written directly; a folder or socket is refused; a
temporary file is never renamed over anything that is not a regular file, so not even
root can turn /dev/null into a regular file with `export -o /dev/null`. The devices
here are made in a temporary folder (mknod, as root), never the system's own.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.files.atomic import atomic_write_bytes, write_output, write_output_parts
from workbench.core.files.regular import NotARegularFile


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device like /dev/null (major 1, minor 3), in tmp_path."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


@pytest.fixture
def socket_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "listening.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def only(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_character_device_is_written_directly_and_stays_a_device(null_device: Path) -> None:
    write_output(null_device, b"{}", for_terminal=bytes)
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert only(null_device.parent) == ["null"]  # no temporary file left beside it


def test_a_fifo_gets_the_data_through_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b'{"a": 1}', for_terminal=bytes)
    reader.join(timeout=10)
    assert received == [b'{"a": 1}']
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("kind", ["folder", "socket"])
def test_a_folder_or_socket_is_refused_and_nothing_is_written(
    tmp_path: Path, socket_file: Path, kind: str
) -> None:
    target = tmp_path if kind == "folder" else socket_file
    before = only(tmp_path)
    with pytest.raises(NotARegularFile) as refused:
        write_output(target, b"{}", for_terminal=bytes)
    assert refused.value.strerror == f"a {kind}, not a regular file"
    assert only(tmp_path) == before


def test_the_atomic_helper_never_renames_over_a_device(null_device: Path) -> None:
    with pytest.raises(NotARegularFile, match="a character device"):
        atomic_write_bytes(null_device, b"{}")
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert only(null_device.parent) == ["null"]


def test_export_and_summary_onto_a_device_write_into_it(
    null_device: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "db.json"
    with AnnotationStore.open(database, annotator="ana"):
        pass
    assert main(["export", "--db", str(database), "-o", str(null_device)]) == 0
    assert main(["summary", "--db", str(database), "-o", str(null_device)]) == 0
    assert capsys.readouterr().err == ""
    assert stat.S_ISCHR(null_device.stat().st_mode)


def test_export_onto_a_folder_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "db.json"
    with AnnotationStore.open(database, annotator="ana"):
        pass
    assert main(["export", "--db", str(database), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"workbench: cannot write {tmp_path}: a folder, not a regular file\n"
    )


def test_parts_written_as_they_come_replace_a_file_only_once_all_are_made(
    tmp_path: Path,
) -> None:
    target = tmp_path / "summary.json"
    target.write_bytes(b"old")

    def parts(fail: bool) -> Iterator[bytes]:
        yield b'{"a": '
        if fail:
            raise RuntimeError("the document could not be made")
        yield b"1}"

    with pytest.raises(RuntimeError):
        write_output_parts(target, parts(fail=True), for_terminal=bytes)
    assert target.read_bytes() == b"old" and only(tmp_path) == ["summary.json"]
    write_output_parts(target, parts(fail=False), for_terminal=bytes)
    assert target.read_bytes() == b'{"a": 1}' and only(tmp_path) == ["summary.json"]


def test_a_terminal_named_as_the_output_gets_what_standard_output_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr8 T9: `export -o /dev/tty` (or -o /dev/stdout at a prompt) wrote outside text
    raw: CSI (U+009B), a bidi override, DEL, which plain `export` escapes the JSON way."""
    from workbench.core.annotation import Anchor, Annotation

    text = "Officials said 40 troops left."
    db = tmp_path / "db.json"
    hostile = "C1\u009b31m RLO\u202e DEL\x7f"
    with AnnotationStore.open(db, annotator="ana") as store:
        anchor = Anchor.in_text("story", "0" * 64, text, 0, 0, len(text))
        store.save(Annotation.new(anchor, "ana", tags=("claim",), source=hostile))
    main_side, terminal = os.openpty()
    received = bytearray()

    def drain() -> None:
        with contextlib.suppress(OSError):  # EIO once the terminal side is closed
            while chunk := os.read(main_side, 65536):
                received.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        for command in (["export"], ["summary", "--format", "json"], ["summary"]):
            assert main([*command, "--db", str(db), "-o", os.ttyname(terminal)]) == 0
    finally:
        os.close(terminal)
        reader.join(timeout=5)
        os.close(main_side)
    assert received, "nothing reached the terminal"
    for raw in ("\u009b", "\u202e", "\x7f"):
        assert raw.encode() not in received
    assert b"\\u009b" in received and b"\\u202e" in received
    capsys.readouterr()
