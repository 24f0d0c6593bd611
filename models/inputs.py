"""The plan's inputs as things to vary, and the figures the analyses aim at.

An :class:`Input` names one numeric assumption: a field of the practitioner
(``offer`` None) or of an offer (by name). The Decide analyses — goal seek,
sensitivity, uncertainty — read an input's value and valid range here, put
other values in with :func:`with_values` (numbers, or numpy arrays of many
values at once), and read the result with :func:`metric` from the same
evaluation as everything else (:func:`models.evaluation.scenario_sums`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel

from models.evaluation import YearSums, per_week, scenario_sums
from models.schema import (
    MAX_COUNT,
    Licensing,
    OfferBase,
    OnlineProgram,
    Practitioner,
    Scenario,
    assumption_fields,
    field_bounds,
    is_whole_count,
)

#: The rules that tie two fields of a kind together: (kind, field, the field it may not exceed).
#: The schema refuses a file that breaks one; the analyses keep to them when they vary a field.
ORDERED_FIELDS: tuple[tuple[type[OfferBase], str, str], ...] = (
    (Licensing, "new_licensees_per_year", "licensees"),
    (OnlineProgram, "price_automated", "price_high_touch"),
)

Metric = Literal[
    "net_income", "take_home", "total_hours", "free_hours_per_week", "effective_hourly_rate"
]

#: Metric → (plain label, unit with ``currency`` for money).
METRICS: dict[str, tuple[str, str]] = {
    "net_income": ("Net income", "currency/year"),
    "take_home": ("Take-home income", "currency/year"),
    "total_hours": ("Total hours", "h/year"),
    "free_hours_per_week": ("Free hours a week", "h/week"),
    "effective_hourly_rate": ("Effective hourly rate", "currency/h"),
}

#: The figures whose target is a most ("total hours at most 1,600"); every other target is a
#: least ("take-home income at least 120,000").
AT_MOST_METRICS = frozenset({"total_hours"})


@dataclass(frozen=True, order=True)
class Input:
    """One numeric assumption: ``field`` of the offer called ``offer``, or of the practitioner."""

    offer: str | None
    field: str


def section_of(scenario: Scenario, where: Input) -> BaseModel:
    """The practitioner or the offer the input belongs to."""
    if where.offer is None:
        return scenario.practitioner
    for offer in scenario.offers:
        if offer.name == where.offer:
            return offer
    raise KeyError(f'no offer is called "{where.offer}"')


def value_of(scenario: Scenario, where: Input) -> Any:
    """The input's planned value (None for an optional field left empty)."""
    return getattr(section_of(scenario, where), where.field)


def title(scenario: Scenario, where: Input) -> str:
    """The field's own name: ``Members per cohort``."""
    return str(type(section_of(scenario, where)).model_fields[where.field].title)


def label(scenario: Scenario, where: Input) -> str:
    """``Private coaching → Price per client``, or ``You → Working hours per week``."""
    return f"{where.offer or 'You'} → {title(scenario, where)}"


def unit(scenario: Scenario, where: Input) -> str:
    """The input's unit, money in the scenario's currency."""
    extra = type(section_of(scenario, where)).model_fields[where.field].json_schema_extra
    text = str(extra.get("unit", "")) if isinstance(extra, dict) else ""
    return text.replace("currency", scenario.currency)


def is_whole(scenario: Scenario, where: Input) -> bool:
    """Whether the analyses answer the field in whole numbers: a field that takes whole numbers
    only (a mastermind's months), or a count of people or things (members per cohort, clients:
    :func:`models.schema.is_whole_count`), which a file may still give as an average."""
    model = type(section_of(scenario, where))
    return model.model_fields[where.field].annotation is int or is_whole_count(model, where.field)


def assumptions(scenario: Scenario) -> list[Input]:
    """Every input with a value: the practitioner's, then each enabled offer's, schema order."""
    found = [
        Input(None, name)
        for name in assumption_fields(Practitioner)
        if getattr(scenario.practitioner, name) is not None
    ]
    for offer in scenario.enabled_offers:
        found += [
            Input(offer.name, name)
            for name in assumption_fields(type(offer))
            if getattr(offer, name) is not None
        ]
    return found


def valid_range(scenario: Scenario, where: Input) -> tuple[float, float]:
    """The lowest and highest value the input may take, with the other fields as planned.

    The schema's bounds, narrowed by the rules that tie two fields together (new
    licensees at most the active ones; the automated price at most the full-support
    one). A field without an upper bound (none in schema v1) gets a million.
    """
    section = section_of(scenario, where)
    low, high = field_bounds(type(section), where.field)
    low = float(low or 0.0)
    high = float(high if high is not None else MAX_COUNT)
    for kind, smaller, larger in ORDERED_FIELDS:
        if isinstance(section, kind):
            if where.field == smaller:
                high = min(high, getattr(section, larger))
            elif where.field == larger:
                low = max(low, getattr(section, smaller))
    return low, high


def consistent(section: Any) -> Any:
    """The section with sampled fields kept within the rules that tie two fields together:
    the smaller field of each rule lowered to the larger where drawn above it."""
    for kind, smaller, larger in ORDERED_FIELDS:
        if isinstance(section, kind):
            lowered = np.minimum(getattr(section, smaller), getattr(section, larger))
            section = section.model_copy(update={smaller: lowered})
    return section


def rules_hold(scenario: Scenario) -> Any:
    """Whether every enabled offer keeps the rules that tie two of its fields together.

    Array-safe: with fields holding numpy arrays (the cells of a data table) it
    gives one answer per plan. 9 active licensees and 10 new ones break the rule.
    """
    holds: Any = np.asarray(True)
    for offer in scenario.enabled_offers:
        for kind, smaller, larger in ORDERED_FIELDS:
            if isinstance(offer, kind):
                holds = holds & (np.asarray(getattr(offer, smaller)) <= getattr(offer, larger))
    return holds


def with_values(scenario: Scenario, values: Mapping[Input, Any]) -> Scenario:
    """The scenario with some inputs replaced, unvalidated, for evaluation only.

    A value may be a number or a numpy array: the evaluation then gives an array
    of results, one per value. Arrays of different inputs must broadcast together.
    """
    updates: dict[str | None, dict[str, Any]] = {}
    for where, value in values.items():
        updates.setdefault(where.offer, {})[where.field] = value
    practitioner = scenario.practitioner
    if None in updates:
        practitioner = practitioner.model_copy(update=updates.pop(None))
    offers: list[OfferBase] = [
        offer.model_copy(update=updates[offer.name]) if offer.name in updates else offer
        for offer in scenario.offers
    ]
    return scenario.model_copy(update={"practitioner": practitioner, "offers": offers})


def metric(sums: YearSums, practitioner: Practitioner, name: str) -> Any:
    """One headline figure of a year's sums; arrays in, arrays out.

    Notes
    -----
    take-home = net income − tax (:attr:`models.evaluation.YearSums.take_home`: what the
    target income is compared with); free hours a week = (capacity − total hours) /
    weeks_per_year; effective hourly rate = net income / total hours, NaN where no hour is
    worked.
    """
    if name == "net_income":
        return sums.net_income
    if name == "take_home":
        return sums.take_home
    if name == "total_hours":
        return sums.total_hours
    if name == "capacity_hours":
        return sums.capacity_hours
    if name == "free_hours_per_week":
        return per_week(sums.free_hours, practitioner)
    if name == "effective_hourly_rate":
        net, hours = np.broadcast_arrays(
            np.asarray(sums.net_income, dtype=float), np.asarray(sums.total_hours, dtype=float)
        )
        rate = np.divide(net, hours, out=np.full(hours.shape, np.nan), where=hours != 0)
        return rate if rate.ndim else float(rate)
    raise ValueError(f"unknown figure: {name}; use one of {', '.join(METRICS)}")


def figure_of(scenario: Scenario, name: str) -> Any:
    """One headline figure of the scenario (arrays where its fields hold arrays)."""
    return metric(scenario_sums(scenario), scenario.practitioner, name)
