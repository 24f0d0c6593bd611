"""Hypothesis strategies for valid scenarios, read from the schema's own field constraints.

Every field's range comes from its pydantic metadata, so a field added to the
schema is generated without touching this module.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from models.schema import (
    ADDED_IN_VERSION_2,
    GROUP_KINDS,
    OFFER_MODELS,
    Practitioner,
    Scenario,
    Schedule,
    assumption_fields,
    field_bounds,
)
from models.text import unsafe_character

_NOT_GENERATED = {"kind", "name", "schema_version", "schedule", "ranges"}


def _bounds(info: FieldInfo) -> tuple[float, float, bool]:
    """(low, high, low excluded) of a numeric field."""
    low, high, exclude_low = 0.0, 1e6, False
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            low = float(item.ge)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Gt):
            low, exclude_low = float(item.gt), True  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Le):
            high = float(item.le)  # type: ignore[arg-type]
    return low, high, exclude_low


def _number_strategy(info: FieldInfo, annotation: Any) -> st.SearchStrategy[Any]:
    low, high, exclude_low = _bounds(info)
    if annotation is int:
        return st.integers(int(low) + (1 if exclude_low else 0), int(high))
    return st.floats(
        low, high, exclude_min=exclude_low, allow_nan=False, allow_infinity=False, width=64
    )


def field_strategy(info: FieldInfo) -> st.SearchStrategy[Any]:
    """Valid values of one field."""
    annotation = info.annotation
    if typing.get_origin(annotation) is Literal:
        return st.sampled_from(typing.get_args(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation in (float, int):
        return _number_strategy(info, annotation)
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        inner = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        if typing.get_origin(inner) is list:
            return st.none()  # lists of months are drawn by the schedule strategy
        return st.none() | _number_strategy(info, inner)
    raise NotImplementedError(f"no strategy for {annotation}")


@st.composite
def model_fields(draw: st.DrawFn, model: type[BaseModel], version: int = 2) -> dict[str, Any]:
    """Every required field, and a random subset of the optional ones (of schema ``version``:
    1 leaves out the fields version 2 added)."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in _NOT_GENERATED or (version == 1 and name in ADDED_IN_VERSION_2):
            continue
        if info.is_required() or draw(st.booleans()):
            values[name] = draw(field_strategy(info))
    return values


@st.composite
def _repair_cross_field_rules(draw: st.DrawFn, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with every rule that ties two fields together kept."""
    if kind == "contract":
        if fields.get("hourly_rate") is None and fields.get("fee_per_contract") is None:
            fields["hourly_rate"] = draw(st.floats(0, 1e4))
        if fields.get("hourly_rate") is not None and fields.get("fee_per_contract") is not None:
            del fields[draw(st.sampled_from(["hourly_rate", "fee_per_contract"]))]
    if fields.get("bd_hours_per_lead") is not None and fields.get("bd_hours_per_sale", 0.0) != 0:
        del fields[draw(st.sampled_from(["bd_hours_per_lead", "bd_hours_per_sale"]))]
    funnel = ("leads_per_year", "bd_hours_per_lead")
    needs_conversion = any(fields.get(name) is not None for name in funnel) or fields.get(
        "marketing_cost_per_lead", 0.0
    )
    if needs_conversion and fields.get("conversion_rate") is None:
        conversion = OFFER_MODELS[kind].model_fields["conversion_rate"]
        fields["conversion_rate"] = draw(_number_strategy(conversion, float))
    if kind == "online_program" and fields["price_automated"] > fields["price_high_touch"]:
        fields["price_automated"], fields["price_high_touch"] = (
            fields["price_high_touch"],
            fields["price_automated"],
        )
    if kind == "licensing":
        fields["new_licensees_per_year"] = min(
            fields["new_licensees_per_year"], fields["licensees"]
        )
    return fields


@st.composite
def ranges(draw: st.DrawFn, model: type[BaseModel], fields: dict[str, Any]) -> dict[str, Any]:
    """``{"ranges": …}`` around some of the fields' values, each within the field's bounds, or
    nothing."""
    drawn = {}
    for name in assumption_fields(model):
        value = fields.get(name, model.model_fields[name].default)
        if value is None or not draw(st.booleans()):
            continue
        lowest, highest = field_bounds(model, name)
        low = draw(st.floats(float(lowest or 0.0), float(value)))
        high = draw(st.floats(float(value), float(highest if highest is not None else 1e6)))
        drawn[name] = [low, high]
    return {"ranges": drawn} if drawn else {}


@st.composite
def schedules(draw: st.DrawFn, kind: str, licensees: float = 0.0) -> Schedule:
    """A valid schedule for an offer of ``kind`` (group months, launch months and licensees at
    the start only where they apply; licensees at the start up to ``licensees``)."""
    fields = draw(model_fields(Schedule))
    for name in ("start_months", "duration_months", "launch_months", "licensees_at_start"):
        fields.pop(name, None)
    if kind == "online_program" and draw(st.booleans()):
        fields["launch_months"] = draw(
            st.lists(st.integers(1, 12), min_size=1, max_size=12, unique=True)
        )
    if kind == "licensing" and draw(st.booleans()):
        fields["licensees_at_start"] = draw(st.floats(0, licensees))
    if kind in GROUP_KINDS and draw(st.booleans()):
        fields["start_months"] = draw(
            st.lists(st.integers(1, 12), min_size=1, max_size=12, unique=True)
        )
    if kind == "group_program" and draw(st.booleans()):
        fields["duration_months"] = draw(st.integers(1, 36))
    return Schedule.model_validate(fields)


@st.composite
def offers(draw: st.DrawFn, name: str, kind: str | None = None, version: int = 2) -> Any:
    """One valid offer of schema ``version``, of the given kind or any, with or without a
    schedule."""
    chosen = kind or draw(st.sampled_from(sorted(OFFER_MODELS)))
    model = OFFER_MODELS[chosen]
    fields = draw(_repair_cross_field_rules(chosen, draw(model_fields(model, version))))
    schedule = draw(st.none() | schedules(chosen, fields.get("licensees", 0.0)))
    fields |= draw(ranges(model, fields))
    return model.model_validate({"kind": chosen, "name": name, **fields, "schedule": schedule})


@st.composite
def scenarios(
    draw: st.DrawFn, min_offers: int = 0, max_offers: int = 7, version: int = 2
) -> Scenario:
    """A valid scenario with unique offer names, with the fields of schema ``version`` (1:
    none of the fields version 2 added)."""
    count = draw(st.integers(min_offers, max_offers))
    offer_list = [
        draw(offers(name=f"Offer {index + 1}", version=version)) for index in range(count)
    ]
    practitioner_fields = draw(model_fields(Practitioner, version))
    practitioner_fields |= draw(ranges(Practitioner, practitioner_fields))
    practitioner = Practitioner.model_validate(practitioner_fields)
    # any text the schema accepts: no control, direction or noncharacter (models.text)
    characters = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    text = st.text(characters, max_size=60).filter(lambda value: unsafe_character(value) is None)
    return Scenario(
        name=draw(text.filter(lambda value: 0 < len(value) <= 100)),
        description=draw(text),
        currency=draw(st.sampled_from(["USD", "EUR", "GBP", "JPY", "IDR", "CHF"])),
        practitioner=practitioner,
        offers=offer_list,
    )


def numbers_in(value: Any) -> Any:
    """Every number inside plain data (dicts, lists, tuples), booleans excepted."""
    if isinstance(value, dict):
        for item in value.values():
            yield from numbers_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from numbers_in(item)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield value
