"""The schedule of one offer: when it starts, ramps up, is created, and when its groups begin.

The Plan page edits what an offer is; this editor, on the Timeline page, edits
when it happens. Only the fields that mean something for the offer's kind are
shown (creation months for offers with creation hours, group start months for
groups, cohorts and retreats, run length for group programs). An offer's
schedule block is written into the draft at its first edit.
"""

from __future__ import annotations

import streamlit as st

from models.errors import Problem
from models.schema import GROUP_KINDS, KIND_LABELS, Schedule
from ui.editors import show_problems
from ui.fields import field_input
from ui.state import draft, draft_section, store_schedule, widget_key

_WITH_CREATION = ("online_program", "licensing")
MONTHS_OF_A_YEAR = list(range(1, 13))


def _fields_of(kind: str) -> list[str]:
    fields = ["start_month", "ramp_months"]
    if kind in _WITH_CREATION:
        fields.append("creation_months")
    if kind == "group_program":
        fields.append("duration_months")
    return fields


def _start_months_input(section: tuple[object, ...], kind: str) -> None:
    info = Schedule.model_fields["start_months"]
    key = widget_key(*section, "start_months")
    what = {"group_program": "groups", "mastermind": "cohorts", "retreat": "retreats"}[kind]
    st.multiselect(
        f"Months of the year the {what} start",
        MONTHS_OF_A_YEAR,
        default=list(draft_section(section).get("start_months") or []),
        key=key,
        format_func=lambda month: f"month {month}",
        help=str(info.description),
        placeholder="spread evenly over the year",
        on_change=store_schedule,
        args=(key, section, "start_months"),
    )


def schedule_editor(problems: tuple[Problem, ...]) -> None:
    """Pick an enabled offer and edit its schedule; problems with schedules are listed here."""
    document = draft()
    ids: list[int] = st.session_state["offer_ids"]
    enabled = {
        offer_id: offer
        for offer_id, offer in zip(ids, document["offers"], strict=True)
        if offer["enabled"]
    }
    if not enabled:
        return
    if st.session_state.get("timeline_offer") not in enabled:
        st.session_state["timeline_offer"] = next(iter(enabled))
    labels = {
        offer_id: f"{offer['name'] or '(no name)'} · {KIND_LABELS[offer['kind']]}"
        for offer_id, offer in enabled.items()
    }
    offer_id = st.selectbox(
        "Offer", list(enabled), format_func=labels.__getitem__, key="timeline_offer"
    )
    kind = enabled[offer_id]["kind"]
    section = ("schedule", offer_id)
    show_problems(problems, f"offers[{ids.index(offer_id)}]")
    fields = _fields_of(kind)
    columns = st.columns(len(fields) + (kind in GROUP_KINDS))
    for column, name in zip(columns, fields, strict=False):
        with column:
            field_input(
                Schedule, name, section, document["currency"], store_callback=store_schedule
            )
    if kind in GROUP_KINDS:
        with columns[-1]:
            _start_months_input(section, kind)
