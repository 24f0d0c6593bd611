"""``python -m models``: the same command line as ``leverage``."""

from cli import run

run()
