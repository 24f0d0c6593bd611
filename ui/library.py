"""The session's scenario library: the examples, uploads, and copies saved from the editor.

Entries are kept in ``st.session_state["library"]`` as name → (where it came
from, the scenario). Names are unique; a name already taken gets " 2", " 3" ….
"""

from __future__ import annotations

import streamlit as st

from models.examples import example_names, load_example
from models.schema import Scenario
from models.templates import unique_name

LIBRARY = "library"


def init_library() -> None:
    """Start the library with the examples (once per session)."""
    if LIBRARY not in st.session_state:
        st.session_state[LIBRARY] = {
            scenario.name: ("example", scenario) for scenario in map(load_example, example_names())
        }


def entries() -> dict[str, tuple[str, Scenario]]:
    """Name → (source, scenario), in the order they were added."""
    library: dict[str, tuple[str, Scenario]] = st.session_state[LIBRARY]
    return library


def add(scenario: Scenario, source: str) -> str:
    """Add a scenario under its own name (made unique); returns the name it got."""
    name = unique_name(scenario.name, entries())
    stored = scenario if name == scenario.name else scenario.model_copy(update={"name": name})
    entries()[name] = (source, stored)
    return name


def rename(old: str, new: str) -> str:
    """Give an entry a new name (its scenario's name too); returns the name it got."""
    source, scenario = entries().pop(old)
    name = unique_name(new.strip()[:100] or old, entries())
    entries()[name] = (source, scenario.model_copy(update={"name": name}))
    return name


def delete(name: str) -> None:
    """Remove an entry."""
    del entries()[name]
