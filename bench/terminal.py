"""A real terminal for a real program: a private tmux server, polled for what is on screen.

Cold start is measured from launching the command to the moment a given text is on the
screen, as a person would see it. The tmux server is started first (not timed), so the
figure is the program's own start-up; the screen is polled every few milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import subprocess
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

POLL = 0.003
EXIT_TIMEOUT = 10.0
BOX_DRAWING = re.compile(r"[\u2500-\u259f]")
SPACES = re.compile(r"\s+")


def screen_words(screen: str) -> str:
    """The screen's text as one line: lines joined, borders and runs of spaces collapsed,
    so a sentence the app wrapped over several lines still reads as one."""
    return SPACES.sub(" ", BOX_DRAWING.sub(" ", screen)).strip()


class Terminal:
    """A tmux server of our own (its own socket), with one window per launched command."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"workbench-bench-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self.runs = 0

    def tmux(self, *arguments: str, check: bool = True) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *arguments],
            capture_output=True,
            text=True,
            check=check,
        ).stdout

    def __enter__(self) -> Terminal:
        size = ["-x", str(self.width), "-y", str(self.height)]
        self.tmux("new-session", "-d", "-s", "idle", *size, "sleep 3600")
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.tmux("kill-server", check=False)

    def time_to_text(
        self, command: Sequence[str], text: str, cwd: Path, timeout: float = 60.0
    ) -> float:
        """Seconds from launching `command` until `text` is on its screen; the program is
        then closed. Raises TimeoutError with the screen when the text never appears."""
        self.runs += 1
        name = f"run{self.runs}"
        wanted = screen_words(text)
        shell = f"cd {shlex.quote(str(cwd))} && exec {shlex.join(command)}"
        size = ["-x", str(self.width), "-y", str(self.height)]
        start = time.perf_counter()
        self.tmux("new-session", "-d", "-s", name, *size, shell)
        try:
            while True:
                screen = self.tmux("capture-pane", "-p", "-t", name, check=False)
                if wanted in screen_words(screen):
                    return time.perf_counter() - start
                if time.perf_counter() - start > timeout:
                    raise TimeoutError(f"{text!r} never appeared; the screen was:\n{screen}")
                time.sleep(POLL)
        finally:
            self.close(name)

    def close(self, name: str) -> None:
        """End the program (SIGHUP, as closing a terminal does) and wait until it is gone,
        so that it does not use the CPU during the next run."""
        pid = self.tmux("display-message", "-p", "-t", name, "#{pane_pid}", check=False).strip()
        self.tmux("kill-session", "-t", name, check=False)
        if not pid.isdigit():
            return
        deadline = time.monotonic() + EXIT_TIMEOUT
        while time.monotonic() < deadline:
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                return
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)
