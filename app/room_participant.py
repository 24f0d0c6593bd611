"""A participant in a workshop room: the room opened from the link, a seat, their own plan,
and sending it.

The room link is ``?room=<participant key>``. The first run opens the room (its name, its
starting scenario and the fields the facilitator opened, kept in the session so that
typing never waits for the database) and takes a seat (:meth:`store.rooms.Rooms.join`),
written into the address as ``&seat=<key>`` so that a reload keeps it. The participant's
plan starts as the room's scenario and lives in the session as plain data
(:data:`app.state.ROOM_PLAN`); only the opened fields have widgets, and
:func:`models.rooms.check_submission` refuses any other change before anything is sent.
Sending keeps the plan as the seat's (the latest counts); whatever goes wrong (the room
closed, the database down, a field out of range) is said in words, and the plan stays on
the page to be sent again.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import streamlit as st
from pydantic import BaseModel, ValidationError

from app.fields import is_money
from app.local_time import browser_zone
from app.state import (
    ROOM_DISPLAY_NAME,
    ROOM_LAST_VALID,
    ROOM_PARAMETER,
    ROOM_PLAN,
    ROOM_SEAT,
    ROOM_SEND_PROBLEM,
    ROOM_SENT,
    ROOM_SETUP,
    SEAT_PARAMETER,
)
from app.storage import attempt
from models.errors import Problem, problems_from_validation
from models.rooms import RoomField, check_submission, room_fields
from models.schema import OFFER_MODELS, Practitioner, Scenario
from presentation.formatting import format_amount
from store.errors import StoreError, StoreNotFound, StoreUnavailable
from store.keys import is_key
from store.rooms import RoomSetup

#: Said when the database does not answer as the link is opened.
ROOM_UNREACHABLE = (
    "The workshop room cannot be reached just now. Your link is fine: press Try again in a minute."
)
#: Said when the database does not answer a send: the plan is still on the page.
NOT_SENT_UNAVAILABLE = (
    "Your plan was not sent: the room cannot be reached just now. Your numbers are still "
    "here; press Send again in a minute."
)
#: Said when a field shows a problem at Send.
NOT_SENT_INVALID = "Your plan was not sent: fix the figures marked below first, then send again."
#: Said when the seat in the address is not a seat's key at all.
DAMAGED_SEAT = (
    "The place in the room that your link carries was damaged, so you have a new place: "
    "send your plan from here."
)
#: Said when the seat in the address is not one this room knows.
NEW_SEAT = (
    "Your place in this room was not found (the link may be from another room), so you have "
    "a new place now. Your numbers are still here; press Send again."
)


def room_key() -> str:
    """The participant key in the address (empty when the parameter is empty)."""
    return st.query_params.get(ROOM_PARAMETER, "").strip()


def open_room() -> RoomSetup | StoreError:
    """The room this session takes part in: opened from the link on the first run (its plan
    starts as the room's scenario), kept in the session after that."""
    key = room_key()
    setup: RoomSetup | None = st.session_state.get(ROOM_SETUP)
    if setup is not None and setup.participant_key == key:
        return setup
    opened = attempt(lambda store: store.rooms.for_participant(key))
    if isinstance(opened, StoreError):
        return opened
    st.session_state[ROOM_SETUP] = opened
    st.session_state[ROOM_PLAN] = opened.scenario.model_dump(mode="python")
    st.session_state[ROOM_LAST_VALID] = opened.scenario
    st.session_state[ROOM_SEAT] = None
    st.session_state[ROOM_SENT] = None
    st.session_state[ROOM_SEND_PROBLEM] = None
    return opened


def take_seat(setup: RoomSetup) -> StoreError | None:
    """Keep the participant's seat in the session and the address: the address's own seat
    when it has one (a reload), else a new one. Returns what stopped it, if anything."""
    if st.session_state.get(ROOM_SEAT):
        return None
    seat = st.query_params.get(SEAT_PARAMETER, "")
    if not is_key(seat):
        if seat:
            st.session_state[ROOM_SEND_PROBLEM] = DAMAGED_SEAT
        joined = attempt(lambda store: store.rooms.join(setup.participant_key))
        if isinstance(joined, StoreError):
            return joined
        seat = joined
    else:
        _carry_on(setup, seat)
    _keep_seat(seat)
    return None


def _carry_on(setup: RoomSetup, seat: str) -> None:
    """After a reload (the seat in the address), start from the seat's latest plan, so that
    sending again does not replace it with the room's starting figures. A seat the room does
    not know, or a database that does not answer, leaves the room's starting plan."""
    latest = attempt(lambda store: store.rooms.latest_plan(setup.participant_key, seat))
    if latest is None or isinstance(latest, StoreError):
        return
    st.session_state[ROOM_PLAN] = latest.scenario.model_dump(mode="python")
    st.session_state[ROOM_LAST_VALID] = latest.scenario
    st.session_state[ROOM_SENT] = latest
    st.session_state[ROOM_DISPLAY_NAME] = latest.display_name


def _keep_seat(seat: str) -> None:
    st.session_state[ROOM_SEAT] = seat
    st.query_params[SEAT_PARAMETER] = seat


def plan() -> dict[str, Any]:
    """The participant's plan, as plain data."""
    document: dict[str, Any] = st.session_state[ROOM_PLAN]
    return document


def plan_section(room_field: RoomField) -> dict[str, Any]:
    """The practitioner's or the offer's part of the plan that a field belongs to."""
    document = plan()
    section: dict[str, Any] = (
        document["practitioner"]
        if room_field.offer is None
        else document["offers"][room_field.offer]
    )
    return section


def section_model(room_field: RoomField) -> type[BaseModel]:
    """The schema model of the field's section: the practitioner or the offer's kind."""
    if room_field.offer is None:
        return Practitioner
    return OFFER_MODELS[str(plan()["offers"][room_field.offer]["kind"])]


def store_plan_value(section: tuple[object, ...], name: str, value: Any) -> None:
    """Widget callback (:func:`app.fields.field_input`'s ``store_callback``): a field's new
    value into the plan; ``section`` is ``("room", offer index or None)``."""
    offer = section[1]
    room_field = RoomField(offer if isinstance(offer, int) else None, name)
    plan_section(room_field)[name] = value
    st.session_state[ROOM_SEND_PROBLEM] = None


def check_plan() -> tuple[Scenario, tuple[Problem, ...]]:
    """The plan as a scenario, with the problems of its fields: when it is not valid, its last
    valid version (whose figures the page shows) and what is wrong."""
    document = copy.deepcopy(plan())
    try:
        scenario = Scenario.model_validate(document)
    except ValidationError as error:
        last_valid: Scenario = st.session_state[ROOM_LAST_VALID]
        return last_valid, tuple(problems_from_validation(error, document))
    st.session_state[ROOM_LAST_VALID] = scenario
    return scenario, ()


def field_problems(problems: tuple[Problem, ...], room_field: RoomField) -> list[Problem]:
    """The problems located at one field of the plan."""
    section = "practitioner" if room_field.offer is None else f"offers[{room_field.offer}]"
    return [
        problem
        for problem in problems
        if problem.location.startswith(section)
        and problem.location.endswith(f"→ {room_field.field}")
    ]


def field_widget_key(room_field: RoomField) -> str:
    """The stable key of a field's widget: ``room_field_offer_0_price_per_client``,
    ``room_field_practitioner_hours_per_week`` (its CSS class: ``st-key-`` and the key)."""
    section = "practitioner" if room_field.offer is None else f"offer_{room_field.offer}"
    return f"room_field_{section}_{room_field.field}"


def unread_amount(room_field: RoomField) -> bool:
    """Whether the field is a money box whose text is not an amount it can hold: the plan
    keeps the last valid amount, but the participant sees their text (and the box says
    what is wrong with it)."""
    info = section_model(room_field).model_fields[room_field.field]
    text = st.session_state.get(field_widget_key(room_field))
    if not is_money(info) or not isinstance(text, str):
        return False
    value = plan_section(room_field).get(room_field.field, info.default)
    return text != ("" if value is None else format_amount(value, plan()["currency"]))


def send() -> None:
    """The Send button's callback: the plan checked, then kept as this seat's in the room.

    Nothing is sent while a field shows a problem (a figure out of range, money text that
    is not an amount) or a change the room does not open; a seat the room does not know is
    replaced by a new one; what happened is kept for the page to say.
    """
    setup: RoomSetup = st.session_state[ROOM_SETUP]
    scenario, problems = check_plan()
    fields = room_fields(setup.scenario, setup.allowed_fields)
    if problems or any(unread_amount(room_field) for room_field in fields):
        st.session_state[ROOM_SEND_PROBLEM] = NOT_SENT_INVALID
        return
    check = check_submission(setup.scenario, scenario, setup.allowed_fields)
    if not check.accepted:
        st.session_state[ROOM_SEND_PROBLEM] = "Your plan was not sent.\n\n" + "\n\n".join(
            check.refusals()
        )
        return
    display_name = str(st.session_state.get(ROOM_DISPLAY_NAME) or "")
    key, seat = setup.participant_key, str(st.session_state.get(ROOM_SEAT) or "")
    sent = attempt(lambda store: store.rooms.submit(key, seat, scenario, display_name))
    if isinstance(sent, StoreNotFound):
        rejoined = attempt(lambda store: store.rooms.join(key))
        if not isinstance(rejoined, StoreError):
            _keep_seat(rejoined)
            st.session_state[ROOM_SEND_PROBLEM] = NEW_SEAT
            return
        sent = rejoined
    if isinstance(sent, StoreError):
        unavailable = isinstance(sent, StoreUnavailable)
        st.session_state[ROOM_SEND_PROBLEM] = NOT_SENT_UNAVAILABLE if unavailable else sent.message
        return
    st.session_state[ROOM_SENT] = sent
    st.session_state[ROOM_SEND_PROBLEM] = None


def clock_time(moment: datetime) -> str:
    """``10:42``: a moment in the participant's own time zone (the browser's), or ``10:42 UTC``
    when the browser does not say it."""
    zone = browser_zone()
    return f"{moment.astimezone(zone):%H:%M}" if zone else f"{moment:%H:%M} UTC"
