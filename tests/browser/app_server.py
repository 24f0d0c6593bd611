"""A real ``streamlit run`` on a free 127.0.0.1 port, and Chromium launched as this machine needs.

Used by the browser tests and the app benchmarks. The server is started under
``timeout`` so it stops by itself even if its caller dies.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

from app.first_paint import MARKER as FIRST_PAINT

CHROMIUM = Path("/usr/bin/chromium")
#: The run has ended, something of it is drawn, and it is not the Plan page's first paint.
_WHOLE_APP_DRAWN = """marker => {
  const app = document.querySelector("[data-testid=stApp]");
  return app?.dataset.testScriptState === "notRunning"
    && document.querySelector("[data-testid=stMain] [data-testid=stElementContainer]") !== null
    && document.getElementsByClassName(marker).length === 0;
}"""
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: A server left behind stops after this long whatever happens. [s]
SERVER_LIFETIME_SECONDS = 1800


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.read() == b"ok")
    except OSError:
        return False


@dataclass(frozen=True)
class RunningApp:
    """A started server: its base URL and the ``timeout`` process that wraps it."""

    url: str
    process: subprocess.Popen[bytes]

    def resident_memory_bytes(self) -> int:
        """Resident memory of the Streamlit server process (the child of ``timeout``). [bytes]"""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        status = Path(f"/proc/{children[0] if children else pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) * 1024


@contextmanager
def streamlit_server(
    script: Path, *, startup_seconds: float = 60, environment: Mapping[str, str] | None = None
) -> Iterator[RunningApp]:
    """Run ``streamlit run script`` and yield the running app; stop it afterwards."""
    with streamlit_servers(script, startup_seconds=startup_seconds, environment=environment) as (
        app,
    ):
        yield app


@contextmanager
def streamlit_servers(
    *scripts: Path, startup_seconds: float = 60, environment: Mapping[str, str] | None = None
) -> Iterator[tuple[RunningApp, ...]]:
    """Start ``streamlit run`` for every script at once, so their starts overlap; yield the
    running apps once each answers, in the order of ``scripts``; stop them all afterwards.

    ``environment`` adds to this process's variables (a database URL, for servers that share
    one database)."""
    ports: list[int] = []
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for script in scripts:
            port = free_port()
            while port in ports:
                port = free_port()
            ports.append(port)
            processes.append(_start(script, port, environment or {}))
        deadline = time.monotonic() + startup_seconds
        for port, process in zip(ports, processes, strict=True):
            while not _healthy(f"http://127.0.0.1:{port}"):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start on port {port}")
                time.sleep(0.1)
        yield tuple(
            RunningApp(f"http://127.0.0.1:{port}", process)
            for port, process in zip(ports, processes, strict=True)
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _start(script: Path, port: int, environment: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """``streamlit run script`` on 127.0.0.1:``port``, under ``timeout``."""
    command = [
        "timeout",
        str(SERVER_LIFETIME_SECONDS),
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    return subprocess.Popen(
        command,
        cwd=script.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **environment, "PYTHONUNBUFFERED": "1"},
    )


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium with the flags this machine needs (no browser download)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


def wait_for_app_run(page: Page) -> None:
    """Wait until the app is connected and its script has finished running.

    As Streamlit's own e2e suite does: the root element publishes its state. The Plan page's
    first paint (app.first_paint) is a run too: the whole app's run that follows it is waited
    for, and so is the first run's drawing (a run can end before its elements are drawn).
    """
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=120_000
    )
    page.wait_for_function(_WHOLE_APP_DRAWN, arg=f"st-key-{FIRST_PAINT}", timeout=120_000)
