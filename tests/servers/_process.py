"""Starting and stopping a server for tests: a process whose ready line is waited for and whose
output is kept, in a temporary folder of its own; stopped and the folder removed whatever happens
(a test that fails must not leave a server behind)."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

NODE_DIR = Path(__file__).resolve().parent.parent / "node"
NODE_MODULES = NODE_DIR / "node_modules"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (for servers that cannot be told to pick one)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class ServerError(RuntimeError):
    """A test server could not be started (the message says why and what to do)."""


def require_node_modules(package: str) -> Path:
    """The installed package's folder, or a ServerError telling how to install it."""
    folder = NODE_MODULES / package
    if not (folder / "package.json").is_file():
        raise ServerError(
            f"{folder} is missing: the test servers are npm packages pinned in "
            f"{NODE_DIR / 'package.json'}. Run `make test` (it runs `npm ci --prefix tests/node`), "
            "or that npm command yourself."
        )
    return folder


def node_binary() -> str:
    for candidate in (os.environ.get("NODE"), "/usr/bin/node", "/usr/local/bin/node"):
        if candidate and Path(candidate).is_file():
            return candidate
    from shutil import which

    found = which("node")
    if not found:
        raise ServerError("node is not installed (Node 20 or later is needed for the test servers)")
    return found


class ServerProcess:
    """A child process whose combined output is read on a thread and kept (the last 200 lines)."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        cwd: str | os.PathLike[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.process = subprocess.Popen(
            self.argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,  # its own process group: stopping it stops its children
        )
        self._reader = threading.Thread(target=self._read, name=f"{name}-output", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            del self.lines[:-200]
            self._queue.put(line)
        self._queue.put(None)

    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, timeout: float) -> re.Match[str]:
        """The first output line matching `pattern`; ServerError if it exits or times out."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise ServerError(
                    f"{self.name} printed no line matching {pattern!r} within {timeout:.0f} s; "
                    f"its output:\n{self.output()}"
                )
            try:
                line = self._queue.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if line is None:
                self.process.wait()
                raise ServerError(
                    f"{self.name} exited with {self.process.returncode} before it was ready "
                    f"({' '.join(self.argv)}); its output:\n{self.output()}"
                )
            match = regex.search(line)
            if match:
                return match

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        if self.process.stdout is not None:
            self.process.stdout.close()


class ThrowawayServer:
    """A server a test starts (`with` it, or start() / stop()): each start makes a temporary
    folder; stop() stops the server and removes the folder, also after a failed start.
    Subclasses say what must be installed (_check), how the server starts in its folder
    (_launch, usually a ServerProcess in self._process) and, if not by stopping that process,
    how it stops (_halt)."""

    prefix = "fvis-server-"

    def __init__(self) -> None:
        self.startup_seconds = 0.0
        self._dir: Path | None = None
        self._process: ServerProcess | None = None

    def _check(self) -> None:
        """What must be installed, checked before anything is made (a ServerError says the fix)."""

    def _launch(self, folder: Path) -> None:
        raise NotImplementedError

    def _halt(self) -> None:
        """Stop the server; its folder is removed after."""
        if self._process is not None:
            self._process.stop()
            self._process = None

    def start(self) -> Self:
        self._check()
        started = time.monotonic()
        # Directly under the system temp dir: pytest's own (0700, root's) would lock postgres out.
        self._dir = Path(tempfile.mkdtemp(prefix=self.prefix))
        try:
            self._launch(self._dir)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def stop(self) -> None:
        try:
            self._halt()
        finally:
            if self._dir is not None:
                shutil.rmtree(self._dir, ignore_errors=True)
                self._dir = None

    def output(self) -> str:
        """What the server printed."""
        return self._process.output() if self._process else ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def wait_for_http(url: str, timeout: float, process: ServerProcess | None = None) -> None:
    """Poll `url` until it answers 200 (stdlib only: usable before any event loop)."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and not process.running():
            raise ServerError(
                f"{process.name} exited with {process.process.returncode}; "
                f"its output:\n{process.output()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last = error
        time.sleep(0.05)
    raise ServerError(f"{url} did not answer 200 within {timeout:.0f} s ({last})")
