"""The session's scenario library: the examples, uploads, and copies saved from the editor.

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


def rename(old: str, new: str) -> str:
    """Give an entry a new name (its scenario's name too); returns the name it got.

    Raises :class:`ScenarioError` when the schema refuses the name; the entry stays as it was.
    """
    source, scenario = entries()[old]
    checked = renamed(scenario, new)
    del entries()[old]
    name = unique_name(checked.name, entries())
    entries()[name] = (source, checked.model_copy(update={"name": name}))
    return name


def delete(name: str) -> None:
    """Remove an entry."""
    del entries()[name]
