"""The ranges of the scenario: how sure each figure is, edited one field at a time.

A range is ``[low, high]`` around a field's planned value (see the schema's
``ranges``). Edits go into the draft like every other edit, so they are saved
with the scenario and validated with it, and each can be undone.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.fields import input_is_share
from app.state import draft, last_valid_scenario, named_section, record_edit, widget_key
from models.inputs import Input, assumptions, label, value_of
from models.schema import Scenario
from models.uncertainty import ranges_around
from presentation.formatting import percent_of_share, share_of_percent

YOU = "You (your working year)"


def _section(offer: str | None) -> dict[str, Any]:
    return named_section(draft(), offer)


def _whose(offer: str | None) -> str:
    """ " of “Private coaching”" for an offer's ranges, nothing for yours (for Undo's words)."""
    return f" of “{offer}”" if offer else ""


def _store_range(where: Input, share: bool) -> None:
    """Widget callback: the low and high widgets into the section's ``ranges`` (a share's
    percentages back to 0-1, as the file keeps them)."""
    low = st.session_state[widget_key("range", where.offer, where.field, "low")]
    high = st.session_state[widget_key("range", where.offer, where.field, "high")]
    if share:
        low, high = share_of_percent(low), share_of_percent(high)
    title = label(last_valid_scenario(), where).split(" → ", 1)[1]
    record_edit(
        f"range of {title}{_whose(where.offer)}", merge_key=f"range:{where.offer}:{where.field}"
    )
    section = _section(where.offer)
    ranges = dict(section.get("ranges") or {})
    ranges[where.field] = [low, high]
    section["ranges"] = ranges


def _forget_widgets(scenario: Scenario, offer: str | None) -> None:
    for where in assumptions(scenario):
        if where.offer == offer:
            for end in ("low", "high"):
                st.session_state.pop(widget_key("range", where.offer, where.field, end), None)


def _remove_range(where: Input, scenario: Scenario) -> None:
    title = label(scenario, where).split(" → ", 1)[1]
    record_edit(f"removing the range of {title}{_whose(where.offer)}")
    section = _section(where.offer)
    ranges = {k: v for k, v in (section.get("ranges") or {}).items() if k != where.field}
    section["ranges"] = ranges or None
    _forget_widgets(scenario, where.offer)


def _spread_section(scenario: Scenario, offer: str | None, percent: float) -> None:
    """Button callback: ±percent on every figure of the section."""
    record_edit(f"±{percent:g}% ranges{_whose(offer)}")
    section = _section(offer)
    around = {
        where.field: bounds
        for where, bounds in ranges_around(scenario, percent).items()
        if where.offer == offer
    }
    section["ranges"] = around or None
    _forget_widgets(scenario, offer)


def _clear_section(scenario: Scenario, offer: str | None) -> None:
    record_edit(f"clearing the ranges{_whose(offer)}")
    _section(offer)["ranges"] = None
    _forget_widgets(scenario, offer)


def ranges_editor(scenario: Scenario) -> None:
    """Pick a section and a field; set its low and high. Quick buttons for a whole section."""
    sections = {YOU: None} | {offer.name: offer.name for offer in scenario.enabled_offers}
    columns = st.columns(2)
    offer = sections[columns[0].selectbox("Ranges of", list(sections), key="ranges_section")]
    fields = {
        label(scenario, where).split(" → ", 1)[1]: where
        for where in assumptions(scenario)
        if where.offer == offer
    }
    where = fields[columns[1].selectbox("Figure", list(fields), key="ranges_field")]
    share = input_is_share(scenario, where)
    shown = percent_of_share if share else float  # a share's range in percent, as its field
    unit = " (%)" if share else ""
    planned = shown(float(value_of(scenario, where)))
    current = (_section(offer).get("ranges") or {}).get(where.field)
    low_key = widget_key("range", where.offer, where.field, "low")
    high_key = widget_key("range", where.offer, where.field, "high")
    low = shown(float(current[0])) if current else planned
    high = shown(float(current[1])) if current else planned
    low_column, high_column, remove_column = st.columns([2, 2, 1], vertical_alignment="bottom")
    low_column.number_input(
        f"Low{unit} (planned {planned:,.6g})", value=low, key=low_key, on_change=_store_range,
        args=(where, share), format="%g", help="The least you expect; at most the planned value.",
    )  # fmt: skip
    high_column.number_input(
        f"High{unit}", value=high, key=high_key, on_change=_store_range, args=(where, share),
        format="%g", help="The most you expect; at least the planned value.",
    )  # fmt: skip
    remove_column.button(
        "Remove", key="range_remove", on_click=_remove_range, args=(where, scenario),
        disabled=current is None, width="stretch",
    )  # fmt: skip
    quick = st.columns(2)
    quick[0].button(
        "±20% on these figures", key="range_spread", on_click=_spread_section,
        args=(scenario, offer, 20.0), width="stretch", icon=":material/expand:",
    )  # fmt: skip
    quick[1].button(
        "Clear these ranges", key="range_clear", on_click=_clear_section,
        args=(scenario, offer), width="stretch", icon=":material/close:",
    )  # fmt: skip
