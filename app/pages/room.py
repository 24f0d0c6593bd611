"""Workshop room: a participant's page, the only one the room link (``?room=<key>``) reaches.

Small enough for a phone: the room's name, the figures the facilitator opened (the Plan
page's own widgets: units, percentages, money boxes), the participant's own headline
figures as the Plan page shows them, and Send with a display name or none. The entry file
draws it without navigation and without the sidebar; nothing here reads another
participant's plan or the facilitator's view.
"""

from itertools import groupby

import streamlit as st

from app.addresses import address_with
from app.fields import field_input
from app.local_time import browser_zone
from app.plain_text import WARNING_ICON, plain, plain_paragraphs
from app.results import headline, warnings
from app.room_participant import (
    ROOM_UNREACHABLE,
    check_plan,
    clock_time,
    field_problems,
    field_widget_key,
    open_room,
    plan,
    plan_section,
    section_model,
    send,
    store_plan_value,
    take_seat,
)
from app.state import (
    ROOM_DISPLAY_NAME,
    ROOM_PARAMETER,
    ROOM_SEND_PROBLEM,
    ROOM_SENT,
    ROOM_SUBMIT,
    ROOM_TRY_AGAIN,
)
from models.errors import Problem
from models.evaluation import evaluate
from models.rooms import room_fields
from models.schema import Scenario
from store.errors import StoreError, StoreUnavailable
from store.rooms import MAX_DISPLAY_NAME_CHARACTERS, RoomSetup, Submission

#: Key of the figures' container (its CSS class: st-key-room_figures).
FIGURES = "room_figures"
#: The figures in smaller type than the Plan page's, each line under a figure wrapped rather
#: than cut, so that "1,206 h of 1,840 h" fits beside the fields on a laptop. On a phone
#: Streamlit stacks columns, one figure a row: they go two a row instead, so the fields, the
#: figures and Send fit in a few thumbs' scrolls.
FIGURES_STYLE = (
    "<style>"
    f".st-key-{FIGURES} [data-testid='stMetricValue'] p {{ font-size: 1.75rem !important; }}"
    f".st-key-{FIGURES} [data-testid='stMetricDelta'], .st-key-{FIGURES} [data-testid='stMetricDelta'] * {{"
    " white-space: normal !important; text-overflow: clip !important; overflow: visible !important;"
    " height: auto !important; }"
    "@media (max-width: 640px) {"
    f".st-key-{FIGURES} [data-testid='stHorizontalBlock'] {{ flex-flow: row wrap; gap: 0.75rem; }}"
    f".st-key-{FIGURES} [data-testid='stColumn'] {{"
    " flex: 1 1 calc(50% - 0.75rem) !important; min-width: calc(50% - 0.75rem) !important; }"
    f".st-key-{FIGURES} [data-testid='stMetricValue'] p {{ font-size: 1.5rem !important; }}"
    "}</style>"
)
#: The widest the display-name box grows on a laptop. [px]
NAME_BOX_WIDTH = 420


def room_closed(problem: StoreError) -> None:
    """Why the room cannot be shown; a database that is down can be tried again."""
    st.title("Workshop room")
    if isinstance(problem, StoreUnavailable):
        st.error(ROOM_UNREACHABLE, icon=":material/cloud_off:")
        st.button("Try again", key=ROOM_TRY_AGAIN, icon=":material/refresh:")
    else:  # a link that leads nowhere, a room past its time, a full room
        st.error(plain(problem.message_in(browser_zone())), icon=":material/link_off:")


def plan_fields(setup: RoomSetup, problems: tuple[Problem, ...]) -> None:
    """A widget for each field the room opens, under its offer's name (or "Your working
    year"), each with the problems of its value under it; problems of no opened field last."""
    fields = room_fields(setup.scenario, setup.allowed_fields)
    if not fields:
        st.info(
            "The facilitator has not opened any figure to change: you can send the plan as it is.",
            icon=":material/info:",
        )
    shown: list[Problem] = []
    for offer, section in groupby(fields, key=lambda room_field: room_field.offer):
        heading = "Your working year" if offer is None else plain(plan()["offers"][offer]["name"])
        st.markdown(f"**{heading}**")
        for room_field in section:
            field_input(
                section_model(room_field),
                room_field.field,
                ("room", offer),
                plan()["currency"],
                store_callback=store_plan_value,
                document=plan_section(room_field),
                key=field_widget_key(room_field),
            )
            for problem in field_problems(problems, room_field):
                st.error(plain(problem), icon=WARNING_ICON)
                shown.append(problem)
    for problem in problems:
        if problem not in shown:
            st.error(plain(problem), icon=WARNING_ICON)


def send_section(scenario: Scenario) -> None:
    """The display-name box, Send, and what the last send did (and whether ``scenario``, the
    plan on the page, has changed since)."""
    st.text_input(
        "Your name, as the room will see it",
        key=ROOM_DISPLAY_NAME,
        max_chars=MAX_DISPLAY_NAME_CHARACTERS,
        placeholder="Leave empty to send anonymously",
        width=NAME_BOX_WIDTH,
    )
    st.button(
        "Send my plan", key=ROOM_SUBMIT, type="primary", on_click=send, icon=":material/send:"
    )
    problem: str | None = st.session_state.get(ROOM_SEND_PROBLEM)
    sent: Submission | None = st.session_state.get(ROOM_SENT)
    if problem:
        st.error(plain_paragraphs(problem), icon=WARNING_ICON)
    elif sent is not None:
        st.success(
            f"Sent at {clock_time(sent.submitted_at)}. You can change your numbers and send again.",
            icon=":material/check_circle:",
        )
        if sent.scenario != scenario:
            st.caption("Your numbers have changed since: send again to update your plan.")


def room_page() -> None:
    """The room's page: closed rooms and unknown links say so; an open one shows the plan."""
    setup = open_room()
    if isinstance(setup, StoreError):
        room_closed(setup)
        return
    seat_problem = take_seat(setup)
    if seat_problem is not None:
        room_closed(seat_problem)
        return
    st.title(plain(setup.name))
    st.html(FIGURES_STYLE)
    st.caption(
        "Change the figures the facilitator opened and watch your own results, then send "
        "your plan. Only the facilitator sees it. To bring someone in, share the room's link "
        "below, not this page's address: the address holds your own place."
    )
    scenario, problems = check_plan()
    fields_column, figures_column = st.columns([1, 2], gap="large")
    with fields_column:
        plan_fields(setup, problems)
    with figures_column, st.container(key=FIGURES):
        result = evaluate(scenario)
        headline(scenario, result)
        warnings(result)
    send_section(scenario)
    st.caption("The room's link, to share:")
    st.text(address_with(ROOM_PARAMETER, setup.participant_key))


room_page()
