"""The schedule of one offer: when it starts, ramps up, is created, and when its groups begin.

The Plan page edits what an offer is; this editor, on the Timeline page, edits
when it happens. Only the fields that mean something for the offer's kind are
shown (creation months for offers with creation hours, group start months for
groups, cohorts and retreats, run length for group programs, launch months for
online programs with launches, licensees at the start instead of a ramp for
licensing, whose ramp-up is the signing of licensees). An offer's
schedule block is written into the draft at its first edit, and can be undone.
Whenever the timeline does not start the offer in its first month (creation
months before it, groups in other months of the year), the model's note says so
under the editor.
"""

from __future__ import annotations

import streamlit as st

from app.editors import show_problems
from app.fields import field_input
from app.plain_text import plain
from app.state import (
    TIMELINE_OFFER,
    draft,
    draft_section,
    offer_ids,
    store_schedule,
    store_schedule_value,
    widget_key,
)
from models.errors import Problem
from models.schema import KIND_LABELS, OFFER_MODELS, GroupSize, Schedule
from models.timeline import TimelineReport
from presentation.timeline import moved_starts

MONTHS_OF_A_YEAR = list(range(1, 13))
#: Schedule fields picked as months of the year, not typed in.
_MONTHS_OF_THE_YEAR = ("start_months", "launch_months")


def _has_launches(offer: dict[str, object]) -> bool:
    """An online program with one launch a year or more: it sells in its launch months."""
    launches = offer.get("launches_per_year")
    return (
        "launch_months" in OFFER_MODELS[str(offer["kind"])].schedule_fields
        and isinstance(launches, int | float)
        and launches >= 1
    )


def _fields_of(kind: str) -> list[str]:
    """The schedule fields typed in for the kind (its model's ``schedule_fields``)."""
    own = OFFER_MODELS[kind].schedule_fields
    return ["start_month", *(name for name in own if name not in _MONTHS_OF_THE_YEAR)]


def _months_of_the_year_input(
    section: tuple[object, ...], name: str, label: str, placeholder: str
) -> None:
    info = Schedule.model_fields[name]
    key = widget_key(*section, name)
    st.multiselect(
        label,
        MONTHS_OF_A_YEAR,
        default=list(draft_section(section).get(name) or []),
        key=key,
        format_func=lambda month: f"month {month}",
        help=str(info.description),
        placeholder=placeholder,
        on_change=store_schedule,
        args=(key, section, name),
    )


def schedule_editor(problems: tuple[Problem, ...], report: TimelineReport | None = None) -> None:
    """Pick an enabled offer and edit its schedule; problems with schedules are listed here,
    and with the timeline's ``report`` every start it moved, in words, under the editor."""
    document = draft()
    ids = offer_ids()
    enabled = {
        offer_id: offer
        for offer_id, offer in zip(ids, document["offers"], strict=True)
        if offer["enabled"]
    }
    if not enabled:
        return
    if st.session_state.get(TIMELINE_OFFER) not in enabled:
        st.session_state[TIMELINE_OFFER] = next(iter(enabled))
    labels = {
        offer_id: f"{offer['name'] or '(no name)'} · {KIND_LABELS[offer['kind']]}"
        for offer_id, offer in enabled.items()
    }
    offer_id = st.selectbox(
        "Offer", list(enabled), format_func=labels.__getitem__, key=TIMELINE_OFFER
    )
    kind = enabled[offer_id]["kind"]
    section = ("schedule", offer_id)
    show_problems(problems, f"offers[{ids.index(offer_id)}]")
    fields = _fields_of(kind)
    launches = _has_launches(enabled[offer_id])
    model = OFFER_MODELS[kind]
    columns = st.columns(len(fields) + (issubclass(model, GroupSize) or launches))
    for column, name in zip(columns, fields, strict=False):
        with column:
            field_input(
                Schedule, name, section, document["currency"], store_callback=store_schedule_value
            )
    if issubclass(model, GroupSize):
        with columns[-1]:
            _months_of_the_year_input(
                section,
                "start_months",
                f"Months of the year the {model.groups_word} start",
                "spread evenly from the first month",
            )
    elif launches:
        with columns[-1]:
            _months_of_the_year_input(
                section,
                "launch_months",
                "Months of the year it launches",
                "spread evenly from the first month",
            )
    if report is not None:
        # Every offer's moved start, here beside the schedules (the page's warning above
        # keeps to the months over capacity), so no note is said twice.
        for note in moved_starts(report):
            st.info(plain(note), icon=":material/event_upcoming:")
