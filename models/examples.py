"""The example scenarios shipped in ``scenarios/``."""

from __future__ import annotations

import scenarios
from models.files import load_scenario
from models.schema import Scenario

#: The shipped examples' folder (package data of ``scenarios``).
EXAMPLES_DIRECTORY = scenarios.DIRECTORY

#: The example the app opens on.
DEFAULT_EXAMPLE = "coach-mastermind-retreat"


def example_names() -> list[str]:
    """File stems of the examples, the default first, then alphabetical."""
    names = sorted(path.stem for path in EXAMPLES_DIRECTORY.glob("*.yaml"))
    return sorted(names, key=lambda name: name != DEFAULT_EXAMPLE)


def load_example(name: str) -> Scenario:
    """The example with this file stem."""
    return load_scenario(EXAMPLES_DIRECTORY / f"{name}.yaml")
