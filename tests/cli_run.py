"""The command line run in this process, as a user runs it in a shell: exit code and output.

A subprocess start costs about a second of CPU on a busy machine; only one smoke test per
entry point (``leverage``, ``python -m models``) starts a real process (tests/test_cli.py).
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from cli.commands import main


@dataclass(frozen=True)
class Completed:
    """What a command left behind: its exit code and what it printed to stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def leverage(*arguments: str) -> Completed:
    """Run ``leverage ARGUMENTS`` in this process and capture what it prints.

    argparse ends a wrong usage with ``SystemExit``; its code is the exit code, as in a shell.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(arguments))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return Completed(code, out.getvalue(), err.getvalue())
