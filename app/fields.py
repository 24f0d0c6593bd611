"""One input widget per schema field, labelled, bounded and explained by the schema itself.

A field's label is its ``title`` with its unit, its help text its
``description``, its bounds its pydantic constraints: the widget cannot accept
a value the schema refuses. The value comes from the draft on every draw (so a
widget Streamlit has forgotten, or one the browser has not shown yet, never falls
back to its own default such as a number box's minimum), and a change is written
back to the draft by a callback before the next run of the page.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any, Literal

import annotated_types
import streamlit as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.state import draft_section, store_widget, widget_key
from models.schema import field_bounds
from presentation.formatting import decimals_in_use
from presentation.glossary import field_help

_DELIVERY_LABELS = {"online": "Online", "in_person": "In person"}


def _unit(info: FieldInfo) -> str:
    extra = info.json_schema_extra
    return str(extra.get("unit", "")) if isinstance(extra, dict) else ""


def field_label(info: FieldInfo, currency: str) -> str:
    """``Price per client (USD/client)``: the title and the unit, money in the currency."""
    unit = _unit(info).replace("currency", currency)
    title = str(info.title)
    said = title.lower()
    if (
        not unit
        or unit in ("0-1", "per year")
        or unit.rstrip("s") in said
        or unit.replace("/", " per ") in said
    ):
        return (
            title  # "First month", not "First month (month)"; "Leads per year", not "(leads/year)"
        )
    return f"{title} ({unit})"


def _number_format(info: FieldInfo, currency: str) -> tuple[float, str]:
    """Step and printf format of a numeric field."""
    unit = _unit(info)
    if unit == "0-1":
        return 0.01, "%.2f"
    if "currency" in unit:
        decimals = decimals_in_use(currency)
        return 100.0, f"%.{decimals}f"
    if unit.startswith("h"):
        return 0.25, "%g"
    return 1.0, "%g"


def _optional(annotation: Any) -> Any:
    """The inner type of ``X | None``, or None when the annotation is not optional."""
    arguments = typing.get_args(annotation)
    if type(None) in arguments:
        return next(argument for argument in arguments if argument is not type(None))
    return None


def field_input(
    model: type[BaseModel],
    name: str,
    section: tuple[object, ...],
    currency: str,
    *,
    store_callback: Callable[[str, tuple[object, ...], str], None] = store_widget,
) -> None:
    """Draw the widget for one field of a section of the draft; a change is stored back in it.

    ``section`` is ``("scenario",)``, ``("practitioner",)``, ``("offer", offer_id)`` or
    ``("schedule", offer_id)`` (with ``store_callback=store_schedule``). A field the
    section does not hold yet shows its default.
    """
    info = model.model_fields[name]
    document = draft_section(section)
    key = widget_key(*section, name)
    store: dict[str, Any] = {"on_change": store_callback, "args": (key, section, name)}
    label = field_label(info, currency)
    annotation = info.annotation
    inner = _optional(annotation)
    value = document.get(name, info.default)
    help_text = field_help(name, info.description)
    if annotation is bool:
        st.toggle(label, value=bool(value), key=key, help=help_text, **store)
    elif typing.get_origin(annotation) is Literal:
        options = list(typing.get_args(annotation))
        st.selectbox(
            label,
            options,
            index=options.index(value),
            key=key,
            help=help_text,
            format_func=lambda option: _DELIVERY_LABELS.get(option, option),
            **store,
        )
    elif annotation is str:
        max_length = next(
            (item.max_length for item in info.metadata if isinstance(item, annotated_types.MaxLen)),
            None,
        )
        st.text_input(label, value=value, key=key, help=help_text, max_chars=max_length, **store)
    else:
        # An optional field's value may be None: Streamlit's overloads of number_input take
        # None only as a literal, so the arguments go in as one mapping.
        number = int if int in (annotation, inner) else float
        low, high = field_bounds(model, name)
        step, number_format = (1, None) if number is int else _number_format(info, currency)
        bounds_and_value: dict[str, Any] = {
            "min_value": None if low is None else number(low),
            "max_value": None if high is None else number(high),
            "value": None if value is None else number(value),
        }
        st.number_input(
            label,
            **bounds_and_value,
            step=step,
            format=number_format,
            key=key,
            help=help_text,
            placeholder="none" if inner is not None else None,
            **store,
        )
