"""Editing the scenario: its name and story, the practitioner's year, and the offers.

Offers are edited one at a time (a picker, then that offer's fields), which
keeps each rerun light however many offers the scenario has. Add, duplicate,
move, enable and delete act on the draft through callbacks.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from models.errors import Problem
from models.schema import (
    KIND_LABELS,
    OFFER_MODELS,
    SALES_FIELDS,
    LiveOffer,
    Practitioner,
    Scenario,
    field_order,
)
from models.templates import new_offer, unique_name
from ui.fields import field_input
from ui.state import draft, new_offer_id, widget_key

_IN_PERSON_ONLY = {"travel_hours_per_session", "travel_cost_per_session", "venue_cost_per_session"}
_LIVE_FIELDS = [name for name in field_order(LiveOffer) if name in LiveOffer.__annotations__]
_SCENARIO_FIELDS = ("name", "description", "currency")


def scenario_editor() -> ProblemSlot:
    """Name, story and currency of the scenario, and the practitioner's working year.

    Returns the place where problems with these fields are shown.
    """
    document = draft()
    with st.expander("Scenario and your working year", expanded=False):
        for name in ("name", "currency"):
            if name == "currency":
                _currency_input(document)
            else:
                field_input(Scenario, name, document, ("scenario",), document["currency"])
        description_key = widget_key("scenario", "description")
        st.session_state.setdefault(description_key, document["description"])
        document["description"] = st.text_area(
            "Description",
            key=description_key,
            max_chars=2000,
            help="The story of the scenario and where its figures come from.",
        )
        practitioner = document["practitioner"]
        columns = st.columns(2)
        for index, name in enumerate(field_order(Practitioner)):
            with columns[index % 2]:
                field_input(
                    Practitioner, name, practitioner, ("practitioner",), document["currency"]
                )
        return ProblemSlot(
            st.container(),
            ("", "schema_version", "name", "description", "currency", "practitioner"),
        )


def _currency_input(document: dict[str, Any]) -> None:
    from models.currencies import CURRENCY_CODES

    key = widget_key("scenario", "currency")
    st.session_state.setdefault(key, document["currency"])
    common = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "IDR", "SGD", "NZD", "ZAR"]
    options = common + sorted(CURRENCY_CODES - set(common))
    document["currency"] = st.selectbox(
        "Currency",
        options,
        key=key,
        help="All money in the scenario is in this currency (ISO 4217 code).",
    )


@dataclass(frozen=True)
class ProblemSlot:
    """A place beside some fields where the problems with them are shown once the draft is checked."""

    container: DeltaGenerator
    locations: tuple[str, ...]

    def show(self, problems: tuple[Problem, ...]) -> None:
        """Show the problems located at one of the locations or inside it."""
        for problem in problems:
            if any(
                problem.location == location or problem.location.startswith(location + " ")
                for location in self.locations
            ):
                self.container.error(str(problem), icon="⚠️")


def _offer_label(offer: dict[str, Any]) -> str:
    status = "" if offer["enabled"] else " (off)"
    return f"{offer['name'] or '(no name)'} · {KIND_LABELS[offer['kind']]}{status}"


def _add_offer() -> None:
    document = draft()
    kind = st.session_state["new_offer_kind"]
    offer = new_offer(kind, (offer["name"] for offer in document["offers"]))
    document["offers"].append(offer.model_dump(mode="python"))
    offer_id = new_offer_id()
    st.session_state["offer_ids"].append(offer_id)
    st.session_state["selected_offer"] = offer_id


def _selected_index() -> int:
    return int(st.session_state["offer_ids"].index(st.session_state["selected_offer"]))


def _duplicate_offer() -> None:
    document = draft()
    index = _selected_index()
    copied = copy.deepcopy(document["offers"][index])
    copied["name"] = unique_name(
        f"{copied['name']} (copy)", (o["name"] for o in document["offers"])
    )
    document["offers"].insert(index + 1, copied)
    offer_id = new_offer_id()
    st.session_state["offer_ids"].insert(index + 1, offer_id)
    st.session_state["selected_offer"] = offer_id


def _move_offer(step: int) -> None:
    index = _selected_index()
    target = index + step
    offers, ids = draft()["offers"], st.session_state["offer_ids"]
    if 0 <= target < len(offers):
        offers[index], offers[target] = offers[target], offers[index]
        ids[index], ids[target] = ids[target], ids[index]


def _delete_offer() -> None:
    index = _selected_index()
    del draft()["offers"][index]
    ids = st.session_state["offer_ids"]
    del ids[index]
    st.session_state["selected_offer"] = ids[min(index, len(ids) - 1)] if ids else None


def offers_editor() -> ProblemSlot:
    """The list of offers, the actions on them, and the fields of the selected one.

    Returns the place where problems with the selected offer are shown.
    """
    document = draft()
    ids: list[int] = st.session_state["offer_ids"]
    st.subheader("Offers")
    add_columns = st.columns([3, 2], vertical_alignment="bottom")
    add_columns[0].selectbox(
        "Kind of offer to add",
        list(OFFER_MODELS),
        format_func=lambda kind: KIND_LABELS[kind],
        key="new_offer_kind",
        help="A new offer starts with typical figures for its kind; adjust them to your practice.",
    )
    add_columns[1].button(
        "Add offer", on_click=_add_offer, key="add_offer", icon=":material/add:", width="stretch"
    )
    if not ids:
        st.info("No offers yet: add the first one above.")
        return ProblemSlot(st.container(), ("offers",))
    if st.session_state.get("selected_offer") not in ids:
        st.session_state["selected_offer"] = ids[0]
    labels = {
        offer_id: _offer_label(offer)
        for offer_id, offer in zip(ids, document["offers"], strict=True)
    }
    st.selectbox("Offer to edit", ids, format_func=labels.__getitem__, key="selected_offer")
    index = _selected_index()
    actions = st.columns([1.5, 1.2, 1.3, 1.3])
    actions[0].button(
        "Duplicate", on_click=_duplicate_offer, key="duplicate_offer", width="stretch"
    )
    actions[1].button(
        "Up",
        on_click=_move_offer,
        args=(-1,),
        key="move_up",
        disabled=index == 0,
        width="stretch",
        help="Move this offer up the list",
    )
    actions[2].button(
        "Down",
        help="Move this offer down the list",
        on_click=_move_offer,
        args=(1,),
        key="move_down",
        disabled=index == len(ids) - 1,
        width="stretch",
    )
    actions[3].button(
        "Delete", on_click=_delete_offer, key="delete_offer", type="primary", width="stretch"
    )
    slot = ProblemSlot(st.container(), (f"offers[{index}]", "offers"))
    _offer_fields(document["offers"][index], ids[index], document["currency"])
    return slot


def _offer_fields(offer: dict[str, Any], offer_id: int, currency: str) -> None:
    model = OFFER_MODELS[offer["kind"]]
    key_parts = ("offer", offer_id)
    order = [name for name in field_order(model) if name != "kind"]
    identity = ["name", "enabled"]
    selling = [name for name in SALES_FIELDS if name in order]
    live = [name for name in _LIVE_FIELDS if name in order]
    own = [name for name in order if name not in identity + selling + live]
    columns = st.columns([2, 1], vertical_alignment="bottom")
    with columns[0]:
        field_input(model, "name", offer, key_parts, currency)
    with columns[1]:
        field_input(model, "enabled", offer, key_parts, currency)
    sections = [
        ("What you deliver and charge", own),
        ("Delivery", live),
        ("Selling and admin", selling),
    ]
    for title, names in sections:
        if not names:
            continue
        st.markdown(f"**{title}**")
        visible = [
            name
            for name in names
            if name not in _IN_PERSON_ONLY or offer.get("delivery") == "in_person"
        ]
        grid = st.columns(2)
        for position, name in enumerate(visible):
            with grid[position % 2]:
                field_input(model, name, offer, key_parts, currency)
