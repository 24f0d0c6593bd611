"""The session's scenario library: the examples and this session's best mixes (saved scenarios
live in the store: :mod:`app.saved_library`).

Entries are kept in ``st.session_state[LIBRARY]`` as name → (where it came
from, the scenario). Names are unique; a name already taken gets " 2", " 3" ….
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from app.state import LIBRARY
from models.errors import ScenarioError, problems_from_validation
from models.examples import examples
from models.schema import Scenario
from models.templates import unique_name


def init_library() -> None:
    """Start the library with the examples (once per session)."""
    if LIBRARY not in st.session_state:
        st.session_state[LIBRARY] = {
            scenario.name: ("example", scenario) for scenario in examples().values()
        }


def entries() -> dict[str, tuple[str, Scenario]]:
    """Name → (source, scenario), in the order they were added."""
    library: dict[str, tuple[str, Scenario]] = st.session_state[LIBRARY]
    return library


def renamed(scenario: Scenario, name: str) -> Scenario:
    """``scenario`` under ``name``, checked by the schema like a name typed on the Plan page.

    Raises :class:`ScenarioError` naming the problem (empty, too long, control characters …).
    """
    document = {**scenario.model_dump(mode="python"), "name": name.strip()}
    try:
        return Scenario.model_validate(document)
    except ValidationError as error:
        raise ScenarioError(problems_from_validation(error, document)) from error


def add(scenario: Scenario, source: str) -> str:
    """Add a scenario under its own name (made unique); returns the name it got."""
    name = unique_name(scenario.name, entries())
    stored = scenario if name == scenario.name else scenario.model_copy(update={"name": name})
    entries()[name] = (source, stored)
    return name
