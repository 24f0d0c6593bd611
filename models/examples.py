"""The example scenarios shipped in ``scenarios/``.

They are read once per process: the scenarios are frozen models, so every session (and
every rerun) shares the same objects and never reads or copies the files again.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import scenarios
from models.files import load_scenario
from models.schema import Scenario

#: The shipped examples' folder (package data of ``scenarios``).
EXAMPLES_DIRECTORY = scenarios.DIRECTORY

#: The example the app opens on.
DEFAULT_EXAMPLE = "coach-mastermind-retreat"


@functools.cache
def examples() -> Mapping[str, Scenario]:
    """Every example by file stem, the default first, then alphabetical; read once per process."""
    names = sorted(path.stem for path in EXAMPLES_DIRECTORY.glob("*.yaml"))
    ordered = sorted(names, key=lambda name: name != DEFAULT_EXAMPLE)
    return MappingProxyType(
        {name: load_scenario(EXAMPLES_DIRECTORY / f"{name}.yaml") for name in ordered}
    )


def example_names() -> list[str]:
    """File stems of the examples, the default first, then alphabetical."""
    return list(examples())


def load_example(name: str) -> Scenario:
    """The example with this file stem (read from its file when it is not a shipped example,
    which raises the file's own error)."""
    shipped = examples()
    return shipped[name] if name in shipped else load_scenario(EXAMPLES_DIRECTORY / f"{name}.yaml")
