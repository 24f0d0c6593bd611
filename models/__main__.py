"""``python -m models``: the same command line as ``leverage``."""

from models.cli import run

run()
