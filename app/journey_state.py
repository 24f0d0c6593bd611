"""The workshop's state: which journey, which step, and the numbers the room called out.

A journey is kept in the session (the shipped one until a facilitator uploads their
own). Live edits of a step's main input are kept per step, so going back and forth
keeps them; each step starts from its own file, not from the edits of the step before.
"""

from __future__ import annotations

import streamlit as st

from app import state
from app.fields import input_is_share
from app.uploads import let_go, upload_key
from models.errors import ScenarioError
from models.inputs import Input, value_of
from models.journey import Journey, JourneyError, edited, journey_from_files, load_journey
from models.schema import Scenario
from presentation.formatting import percent_of_share, share_of_percent

#: Session keys of the workshop (named in app.state).
JOURNEY = state.JOURNEY
STEP = state.JOURNEY_STEP
EDITS = state.JOURNEY_EDITS
VALUE = state.JOURNEY_VALUE
SEEDED_STEP = state.JOURNEY_SEEDED_STEP
PROBLEMS = state.JOURNEY_PROBLEMS
UPLOAD = state.JOURNEY_UPLOAD


def current_journey() -> Journey:
    """The journey of this session: the shipped one until another is uploaded."""
    if JOURNEY not in st.session_state:
        st.session_state[JOURNEY] = load_journey()
        st.session_state[STEP] = 0
        st.session_state[EDITS] = {}
    journey: Journey = st.session_state[JOURNEY]
    return journey


def step_index(journey: Journey) -> int:
    """The step on screen, kept within the journey."""
    index = min(max(int(st.session_state.get(STEP, 0)), 0), len(journey.steps) - 1)
    st.session_state[STEP] = index
    return index


def step_scenario(journey: Journey, index: int) -> Scenario:
    """The step's scenario with the value the room called out, if any (validated; a value
    that breaks a rule was never kept)."""
    step = journey.steps[index]
    value = st.session_state[EDITS].get(index)
    return step.scenario if value is None else edited(step.scenario, step.main_input, value)


def go_to(index: int) -> None:
    """Button callback: show another step."""
    st.session_state[STEP] = index


def shown_value(scenario: Scenario, where: Input, value: float) -> float:
    """The input's value as the box shows it: a share as a percentage (0.25 → 25)."""
    return percent_of_share(value) if input_is_share(scenario, where) else value


def seed_value(journey: Journey, index: int, planned: float) -> None:
    """Put the step's value (the room's, else the file's) in the input when the step changes."""
    if st.session_state.get(SEEDED_STEP) != (id(journey), index) or VALUE not in st.session_state:
        step = journey.steps[index]
        value = st.session_state[EDITS].get(index, planned)
        st.session_state[VALUE] = shown_value(step.scenario, step.main_input, value)
        st.session_state[SEEDED_STEP] = (id(journey), index)


def store_value() -> None:
    """Input callback: keep the value called out for this step when the plan accepts it;
    otherwise say why and put the step's last good value back."""
    journey = current_journey()
    index = step_index(journey)
    step = journey.steps[index]
    value = float(st.session_state[VALUE])
    if input_is_share(step.scenario, step.main_input):
        value = share_of_percent(value)
    try:
        edited(step.scenario, step.main_input, value)
    except ScenarioError as error:
        st.session_state[PROBLEMS] = error
        planned = float(value_of(step.scenario, step.main_input))
        kept = st.session_state[EDITS].get(index, planned)
        st.session_state[VALUE] = shown_value(step.scenario, step.main_input, kept)
        return
    st.session_state[PROBLEMS] = None
    st.session_state[EDITS][index] = value


def reset_value() -> None:
    """Button callback: the step's main input back to its file's value."""
    journey = current_journey()
    index = step_index(journey)
    st.session_state[EDITS].pop(index, None)
    st.session_state.pop(SEEDED_STEP, None)
    st.session_state[PROBLEMS] = None


def _start(journey: Journey) -> None:
    st.session_state[JOURNEY] = journey
    st.session_state[STEP] = 0
    st.session_state[EDITS] = {}
    st.session_state[PROBLEMS] = None
    st.session_state.pop(SEEDED_STEP, None)


def uploaded_journey() -> None:
    """Uploader callback: the uploaded files become the journey, in order of their names.

    A journey with any invalid step is refused as a whole, with every problem listed, and
    the journey on screen stays.
    """
    files = st.session_state.get(upload_key(UPLOAD)) or []
    if not files:
        return
    let_go(UPLOAD, files)
    try:
        journey = journey_from_files([(file.name, file.getvalue()) for file in files])
    except JourneyError as error:
        st.session_state[PROBLEMS] = str(error)  # text, not the error and its documents
        return
    _start(journey)


def shipped_journey() -> None:
    """Button callback: back to the journey that ships with the app."""
    _start(load_journey())
