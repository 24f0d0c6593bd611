"""One input widget per schema field, labelled, bounded and explained by the schema itself.

A field's label is its ``title`` with its unit, its help text its
``description``, its bounds its pydantic constraints: the widget cannot accept
a value the schema refuses. Figures are typed as people think of them: a share
(0-1 in the scenario) as a percentage, money in a text box that shows the
currency's grouping (``12,000``) and reads what a person types (``$12,000``,
``12 000``), saying under the field what is wrong with text that is not an amount;
the draft keeps its last valid value until then. The value comes from the draft on every draw (so a
widget Streamlit has forgotten, or one the browser has not shown yet, never falls
back to its own default such as a number box's minimum), and a change is written
back to the draft by a callback before the next run of the page.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from typing import Any, Literal

import annotated_types
import streamlit as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from app.plain_text import WARNING_ICON
from app.reruns import with_undo_area
from app.state import StoreValue, draft_section, store_value, widget_key
from models.inputs import Input, section_of
from models.schema import Scenario, field_bounds
from presentation.formatting import (
    AmountError,
    format_amount,
    format_plain_number,
    parse_amount,
    percent_of_share,
    share_of_percent,
)
from presentation.glossary import field_help

_DELIVERY_LABELS = {"online": "Online", "in_person": "In person"}
#: Unit words as a title spells them: "h" is "hours".
_UNIT_WORDS = {"h": "hour"}
#: Above this, an hour figure for one session or meeting was likely typed in minutes. [h]
LIKELY_MINUTES_ABOVE = 12.0


def _unit(info: FieldInfo) -> str:
    extra = info.json_schema_extra
    return str(extra.get("unit", "")) if isinstance(extra, dict) else ""


def _words(text: str) -> list[str]:
    """The words of a title or unit, singular and in lower case, "h" read as "hour"."""
    return [
        _UNIT_WORDS.get(word, word.removesuffix("s"))
        for word in re.findall(r"[a-z]+", text.lower().replace("/", " per "))
    ]


def _says_unit(title: str, unit: str) -> bool:
    """Whether the title already says the unit in words, as whole words: "Working weeks per
    year" says "weeks", "Leads per year" says "leads/year"; "Session length" does not say
    "h" (its letters are not a word)."""
    said, unit_words = _words(title), _words(unit)
    return any(
        said[start : start + len(unit_words)] == unit_words
        for start in range(len(said) - len(unit_words) + 1)
    )


def field_label(info: FieldInfo, currency: str) -> str:
    """``Price per client (USD/client)``: the title and the unit, money in the currency, a
    share as a percentage (``Royalty rate (%)``); no unit where the title says it in words
    ("First month", "Leads per year", "Clients per year")."""
    unit = _unit(info).replace("currency", currency)
    title = str(info.title)
    if unit == "0-1":
        return f"{title} (%)"
    if not unit or _says_unit(title, unit):
        return title
    return f"{title} ({unit})"


def is_share(info: FieldInfo) -> bool:
    """Whether a field is a share [0-1], typed and shown as a percentage."""
    return _unit(info) == "0-1"


def input_is_share(scenario: Scenario, where: Input) -> bool:
    """Whether an input (yours or an offer's field) is a share [0-1], typed as a percentage:
    in the editor, in its range (Decide) and when a workshop room calls it out."""
    return is_share(type(section_of(scenario, where)).model_fields[where.field])


def is_money(info: FieldInfo) -> bool:
    """Whether a field is an amount of money, typed in a text box with the currency's grouping."""
    return "currency" in _unit(info)


def likely_minutes(name: str, info: FieldInfo, value: object) -> str | None:
    """The question for an hour figure of one session or meeting above
    :data:`LIKELY_MINUTES_ABOVE` (likely typed in minutes), or None.

    Notes: 60 h for a session asks "60 h for one session: did you mean 60 minutes? That is 1 h."
    """
    unit = _unit(info)
    per_meeting = name == "meeting_hours"
    per_session = name == "session_hours" or unit == "h/session"
    if not (per_meeting or per_session) or not isinstance(value, int | float):
        return None
    if value <= LIKELY_MINUTES_ABOVE:
        return None
    one = "meeting" if per_meeting else "session"
    return (
        f"{format_plain_number(value)} h for one {one}: did you mean {format_plain_number(value)} "
        f"minutes? That is {format_plain_number(value / 60)} h."
    )


def _number_format(info: FieldInfo) -> tuple[float, str]:
    """Step and printf format of a numeric field that is neither money nor a share."""
    if _unit(info).startswith("h"):
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
    store_callback: StoreValue = store_value,
    document: dict[str, Any] | None = None,
    key: str | None = None,
) -> None:
    """Draw the widget for one field of a section of the draft; a change is stored back in it.

    ``section`` is ``("scenario",)``, ``("practitioner",)``, ``("offer", offer_id)`` or
    ``("schedule", offer_id)`` (with ``store_callback=store_schedule_value``). A field the
    section does not hold yet shows its default. A plan other than the draft (a workshop
    room's) gives its section as ``document``, its widget ``key`` and its ``store_callback``,
    which receives ``section`` as given.
    """
    info = model.model_fields[name]
    document = draft_section(section) if document is None else document
    key = widget_key(*section, name) if key is None else key
    store: dict[str, Any] = {
        "on_change": _store_typed,
        "args": (key, section, name, store_callback),
    }
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
    elif is_money(info):
        _money_input(model, name, section, currency, store_callback, document, key)
    else:
        # An optional field's value may be None: Streamlit's overloads of number_input take
        # None only as a literal, so the arguments go in as one mapping.
        number = int if int in (annotation, inner) else float
        low, high = field_bounds(model, name)
        step, number_format = (1, None) if number is int else _number_format(info)
        shown: Callable[[float], float] = number
        if is_share(info):
            # Typed as a percentage, stored as a share: the callback turns 50 into 0.5.
            step, number_format, shown = 1.0, "%g", percent_of_share
            store = {
                "on_change": _store_converted,
                "args": (key, section, name, store_callback, _share_or_none, _percent_or_none),
            }
        bounds_and_value: dict[str, Any] = {
            "min_value": None if low is None else shown(low),
            "max_value": None if high is None else shown(high),
            "value": None if value is None else shown(value),
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
        question = likely_minutes(name, info, value)
        if question:
            st.warning(question, icon=":material/schedule:")


def _share_or_none(percent: float | None) -> float | None:
    """A typed percentage as a share; an emptied optional box (a conversion rate) is none."""
    return None if percent is None else share_of_percent(percent)


def _percent_or_none(share: float | None) -> float | None:
    return None if share is None else percent_of_share(share)


@with_undo_area
def _store_typed(key: str, section: tuple[object, ...], name: str, store: StoreValue) -> None:
    """Widget callback: the widget's value into the draft, as it is."""
    store(section, name, st.session_state[key])


def _store_converted(
    key: str,
    section: tuple[object, ...],
    name: str,
    store: StoreValue,
    to_draft: Callable[[Any], Any],
    to_widget: Callable[[Any], Any],
) -> None:
    """Widget callback for a figure typed in other terms than the draft holds (a percentage,
    text with separators): the draft's value is stored, then the box shows it as typed again
    (``12000`` comes back as ``12,000``). Text that is not a figure stores nothing: the draft
    keeps its last valid value, and the field says what is wrong when it is drawn."""
    try:
        value = to_draft(st.session_state[key])
    except AmountError:
        return
    store(section, name, value)
    st.session_state[key] = to_widget(value)


def _money_input(
    model: type[BaseModel],
    name: str,
    section: tuple[object, ...],
    currency: str,
    store_callback: StoreValue,
    document: dict[str, Any],
    key: str,
) -> None:
    """A text box for an amount: ``12,000`` in the currency's grouping and decimals, read back
    by :func:`presentation.formatting.parse_amount`; an empty optional one is none. Text that
    is not an amount is named under the box, with the field's title."""
    info = model.model_fields[name]
    optional = _optional(info.annotation) is not None
    low, high = field_bounds(model, name)

    def to_draft(text: str) -> float | None:
        if optional and not text.strip():
            return None
        amount = parse_amount(text, currency)
        if high is not None and amount > high:
            raise AmountError(
                f"“{text.strip()}” is more than this can hold ({format_amount(high, currency)})."
            )
        if low is not None and amount < low:
            raise AmountError(f"“{text.strip()}” is below {format_amount(low, currency)}.")
        return amount

    def to_widget(amount: float | None) -> str:
        return "" if amount is None else format_amount(amount, currency)

    value = document.get(name, info.default)
    st.text_input(
        field_label(info, currency),
        value=to_widget(value),
        key=key,
        help=field_help(name, info.description),
        placeholder="none" if optional else None,
        on_change=_store_converted,
        args=(key, section, name, store_callback, to_draft, to_widget),
    )
    typed = st.session_state.get(key)
    if isinstance(typed, str):
        try:
            to_draft(typed)
        except AmountError as error:
            st.error(f"{info.title}: {error}", icon=WARNING_ICON)
