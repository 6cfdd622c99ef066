"""Drive the real `reader` program in a real terminal (tmux), as a person would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

READER = str(Path(sys.executable).with_name("reader"))
"""The console script installed beside the interpreter running the tests."""


class Terminal:
    """One tmux session on a private server socket, `width` x `height` cells."""

    def __init__(self, socket: str, session: str, exit_file: Path) -> None:
        self.socket = socket
        self.session = session
        self.exit_file = exit_file

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def press(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)

    def wait_for(
        self, predicate: Callable[[str], bool], timeout: float = 10.0, what: str = "screen"
    ) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")

    def wait_for_text(self, text: str, timeout: float = 10.0) -> str:
        return self.wait_for(lambda s: text in s, timeout, repr(text))

    def wait_for_change(self, before: str, timeout: float = 5.0) -> str:
        """The screen once it differs from `before` and has stopped changing."""
        self.wait_for(lambda s: s != before, timeout, "a change on screen")
        return self.settle(timeout)

    def settle(self, timeout: float = 5.0, quiet: float = 0.3) -> str:
        """The screen once it has stayed the same for `quiet` seconds (a frame is complete)."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        stable_since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != screen:
                screen, stable_since = now, time.monotonic()
            elif time.monotonic() - stable_since >= quiet:
                return screen
        raise AssertionError(f"screen kept changing for {timeout} s:\n{screen}")

    def exit_code(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return int(self.exit_file.read_text())
            time.sleep(0.05)
        raise AssertionError(f"program did not exit; screen was:\n{self.screen()}")


def terminal(
    args: list[str],
    tmp_path: Path,
    env: Mapping[str, str],
    width: int = 100,
    height: int = 30,
) -> AbstractContextManager[Terminal]:
    """Run `reader ARGS` in a detached tmux session; the session records the exit code."""
    return terminal_command([READER, *args], tmp_path, env, width, height)


@contextmanager
def terminal_command(
    argv: list[str],
    tmp_path: Path,
    env: Mapping[str, str],
    width: int = 100,
    height: int = 30,
) -> Iterator[Terminal]:
    """Run any command (a shell script with a pipe, say) in a detached tmux session."""
    if shutil.which("tmux") is None:
        raise AssertionError("tmux is not installed: .ci/run installs it (apt-get install tmux)")
    socket = f"reader-test-{uuid.uuid4().hex[:8]}"
    exit_file = tmp_path / f"{socket}.exit"
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"env {exports} {shlex.join(argv)}; echo $? > {shlex.quote(str(exit_file))}"
    subprocess.run(
        [
            "tmux",
            "-L",
            socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(width),
            "-y",
            str(height),
            "sh",
            "-c",
            command + "; sleep 30",
        ],
        check=True,
        # COLUMNS/LINES (pytest sets them) would override the size Textual reads from the tty.
        env={k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")},
    )
    try:
        yield Terminal(socket, "main", exit_file)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
