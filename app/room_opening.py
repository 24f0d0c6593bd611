"""Open a workshop room from the Workshop page: a name, a starting plan, what may change.

The room starts from the journey's step on screen (with the number the room called out)
or from the scenario being edited; the facilitator picks the fields participants may
change (:func:`models.room_summary.field_choices`, kept as field paths) and how long the
room stays open. Once it is open the page shows the participant link with its QR code, and the
facilitator link, which is shown this once: the store keeps only its digest.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from app.addresses import address_with
from app.plain_text import plain
from app.room_links import FACILITATE, show_participant_link
from app.state import ROOM_OPENED, ROOM_PARAMETER, ROOM_PROBLEM
from app.storage import attempt
from models.room_summary import field_choices
from models.schema import Scenario
from store.errors import StoreError
from store.rooms import DEFAULT_LIFETIME, MAX_LIFETIME

#: The Workshop page's path in the app's address (taken off the links).
WORKSHOP_PATH = "workshop"

#: Widget keys of the room's settings.
NAME = "room_name"
START = "room_start"
FIELDS = "room_fields"
DAYS = "room_days"

#: The two plans a room may start from.
JOURNEY_STEP = "The journey's step on screen"
EDITED = "The scenario you are editing (Plan page)"


def _open_room(starts: dict[str, Scenario]) -> None:
    """Button callback: open the room in the store and keep its keys for this session."""
    fields = tuple(st.session_state.get(_fields_key(), []))
    if not fields:
        st.session_state[ROOM_PROBLEM] = (
            "Pick at least one field participants may change: the room is about their numbers."
        )
        return
    name = st.session_state[NAME]
    scenario = starts[st.session_state[START]]
    lifetime = timedelta(days=int(st.session_state[DAYS]))
    keys = attempt(lambda store: store.rooms.open(name, scenario, fields, lifetime))
    if isinstance(keys, StoreError):
        st.session_state[ROOM_PROBLEM] = keys.message
        return
    st.session_state[ROOM_PROBLEM] = None
    st.session_state[ROOM_OPENED] = (name.strip(), keys.participant, keys.facilitator)


def _fields_key() -> str:
    """The fields' widget key, one per starting plan: each has its own offers."""
    return f"{FIELDS}_{st.session_state.get(START) == EDITED}"


def open_room_section(step: Scenario, edited: Scenario) -> None:
    """The Workshop page's "Open a room" section: settings, then the room's two links.

    ``step`` is the journey's step on screen, ``edited`` the scenario being edited.
    """
    starts = {JOURNEY_STEP: step, EDITED: edited}
    st.caption(
        "Participants open a link on their phone or laptop, change the numbers you allow, "
        "and submit their plan; your room view shows the room's plans side by side, live."
    )
    st.text_input("Room name", value=f"Workshop: {step.name}", key=NAME, max_chars=100)
    start = st.radio(
        "Participants start from",
        list(starts),
        key=START,
        captions=[plain(step.name), plain(edited.name)],
        horizontal=True,
    )
    scenario = starts[start or JOURNEY_STEP]
    choices = {field.path: field for field in field_choices(scenario)}
    st.multiselect(
        "What participants may change",
        list(choices),
        format_func=lambda path: _choice_words(choices[path].label, choices[path].unit),
        key=_fields_key(),
        placeholder="Pick the fields, e.g. a price or the clients per year",
    )
    st.number_input(
        "Days the room stays open",
        min_value=1,
        max_value=MAX_LIFETIME.days,
        value=DEFAULT_LIFETIME.days,
        step=1,
        key=DAYS,
        help="After that its links stop working and its plans are deleted. "
        "You can close it sooner from the room view.",
    )
    st.button(
        "Open the room",
        key="room_open",
        on_click=_open_room,
        args=(starts,),
        type="primary",
        icon=":material/meeting_room:",
    )
    problem = st.session_state.pop(ROOM_PROBLEM, None)
    if problem:
        st.error(plain(problem))
    opened = st.session_state.get(ROOM_OPENED)
    if opened is not None:
        _show_room_links(*opened)


def _choice_words(label: str, unit: str) -> str:
    """``Private coaching → Price per client (USD/client)``; a share's unit is "%"."""
    shown = "%" if unit == "0-1" else unit
    return f"{label} ({shown})" if shown else label


def _show_room_links(name: str, participant_key: str, facilitator_key: str) -> None:
    st.success(f"The room “{plain(name)}” is open.", icon=":material/meeting_room:")
    participant, facilitator = st.columns(2)
    with participant:
        show_participant_link(address_with(ROOM_PARAMETER, participant_key, WORKSHOP_PATH))
    with facilitator:
        address = address_with(FACILITATE, facilitator_key, WORKSHOP_PATH)
        st.markdown("**Facilitator link** (keep it private: bookmark it now)")
        st.code(address, language=None, wrap_lines=True)
        st.caption(
            "It alone shows the room's plans and closes the room, and it is shown only here, "
            "in this browser session: the app keeps no copy it could show again."
        )
        st.link_button("Open the room view", address, icon=":material/co_present:", type="primary")
