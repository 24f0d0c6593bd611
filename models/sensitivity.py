"""Sensitivity: which assumption matters most (a tornado) and a two-input data table.

Each input is moved down and up by a percentage of its value, kept within its
valid range, while every other input stays as planned; a count of people or things
(:func:`models.inputs.is_whole`) moves to whole numbers, so ±20% of 12 members is 10 and 14
and ±10% of 3 cohorts stays at 3 (the rows say the values used); the low and the high are
evaluated together (the field holds a two-value numpy array) and only the offer
that changed is evaluated again. Net income [currency/year] and total hours
[h/year] come from the same evaluation as everything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from models.evaluation import OfferYear, YearSums, offer_year, scenario_sums, year_sums
from models.fitting import (
    has_market_limit,
    over_delivery_cap_by_hours,
    over_its_market,
    within_hours,
)
from models.inputs import (
    Input,
    assumptions,
    is_whole,
    label,
    rules_hold,
    valid_range,
    value_of,
    with_values,
)
from models.schema import OfferBase, Scenario

DEFAULT_PERCENT = 20.0

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SensitivityRow:
    """One input moved down and up (a bar of the tornado).

    Attributes
    ----------
    offer, field, label : str | None, str, str
        The input; ``offer`` None for the practitioner's fields.
    value, low_value, high_value : float
        Planned, moved down, moved up (within the field's valid range).
    low_net_income, high_net_income : float
        Net income with the input at its low and its high. [currency/year]
    swing : float
        |high − low net income|: how much the input moves net income. [currency/year]
    low_total_hours, high_total_hours : float
        Total hours with the input at its low and its high. [h/year]
    low_over_capacity, high_over_capacity : bool
        Whether the plan at the low, at the high, needs more hours than the
        capacity there (a plan that does not fit).
    low_take_home, high_take_home : float
        Take-home income (net income after tax) at the low and at the high. [currency/year]
    low_over_delivery_cap, high_over_delivery_cap : bool
        Whether your own delivery hours there exceed the delivery capacity.
    low_over_market, high_over_market : bool
        Whether some offer there sells more than its market will buy.
    whole : bool
        Whether the input moves in whole numbers (a count of people or things).
    """

    offer: str | None
    field: str
    label: str
    value: float
    low_value: float
    high_value: float
    low_net_income: float
    high_net_income: float
    swing: float
    low_total_hours: float
    high_total_hours: float
    low_over_capacity: bool
    high_over_capacity: bool
    low_take_home: float = 0.0
    high_take_home: float = 0.0
    low_over_delivery_cap: bool = False
    high_over_delivery_cap: bool = False
    low_over_market: bool = False
    high_over_market: bool = False
    whole: bool = False


@dataclass(frozen=True)
class Sensitivity:
    """Every input's swing, largest first (the JSON of ``leverage sensitivity``).

    ``net_income`` and ``take_home`` [currency/year] and ``total_hours`` [h/year] are the
    plan's as planned.
    """

    percent: float
    net_income: float
    total_hours: float
    rows: tuple[SensitivityRow, ...]
    take_home: float = 0.0


def _over_market(offers: list[tuple[OfferBase, OfferYear]]) -> Any:
    """Whether some offer sells more than its market will buy (arrays in, arrays out)."""
    over: Any = False
    for offer, year in offers:
        if has_market_limit(offer):
            over = over | np.asarray(over_its_market(offer, year))
    return over


def _two(values: Any) -> Any:
    return np.broadcast_to(np.asarray(values), 2)


def moved(scenario: Scenario, where: Input, percent: float) -> tuple[float, float, float]:
    """The input's planned value, and that value moved down and up by ``percent`` of itself
    within the input's valid range (the uncertainty's ranges; :func:`moved_in_steps` for the
    sensitivity's whole counts)."""
    value = float(value_of(scenario, where))
    lowest, highest = valid_range(scenario, where)
    share = percent / 100
    return value, max(lowest, value * (1 - share)), min(highest, value * (1 + share))


def moved_in_steps(scenario: Scenario, where: Input, percent: float) -> tuple[float, float, float]:
    """:func:`moved`, with a count of people or things moved to the nearest whole numbers
    within its valid range.

    Notes
    -----
    ±20% of 11.67 members is 9.33 and 14: a whole count moves to 9 and 14; ±10% of 3
    cohorts (2.7 and 3.3) rounds back to 3 both ways.
    """
    value, low, high = moved(scenario, where, percent)
    if not is_whole(scenario, where):
        return value, low, high
    lowest, highest = valid_range(scenario, where)
    return value, *whole_within(round_half_up(low), round_half_up(high), lowest, highest)


def round_half_up(value: float) -> float:
    """The nearest whole number, halves up (2.5 → 3, where Python's ``round`` gives 2)."""
    return float(math.floor(value + 0.5))


def whole_within(low: float, high: float, lowest: float, highest: float) -> tuple[float, float]:
    """``low`` and ``high`` moved inside the whole numbers of [lowest, highest]."""
    first, last = math.ceil(lowest - 1e-9), math.floor(highest + 1e-9)
    return float(min(max(low, first), last)), float(min(max(high, first), last))


def whole_steps(low: float, high: float, steps: int) -> FloatArray:
    """About ``steps`` whole numbers from ``low`` to ``high`` (whole ends): every one when
    there are at most twice as many, else ``steps`` evenly spaced ones rounded.

    Notes
    -----
    9 to 14 members: 9, 10, 11, 12, 13, 14; 80 to 120 students in 5 steps: 80, 90, … 120.
    """
    count = int(high - low) + 1
    if count <= 2 * steps:
        return np.arange(low, high + 1, dtype=float)
    return np.unique(np.floor(np.linspace(low, high, steps) + 0.5))


def sensitivity(scenario: Scenario, percent: float = DEFAULT_PERCENT) -> Sensitivity:
    """Move every input of every enabled offer and of the practitioner ±``percent``."""
    enabled = scenario.enabled_offers
    years = [offer_year(offer) for offer in enabled]
    base = year_sums(scenario.practitioner, years)
    rows = []
    for where in assumptions(scenario):
        value, low, high = moved_in_steps(scenario, where, percent)
        ends = np.array([low, high])
        pairs = list(zip(enabled, years, strict=True))
        if where.offer is None:
            practitioner = scenario.practitioner.model_copy(update={where.field: ends})
            sums: YearSums = year_sums(practitioner, years)
        else:
            index = next(i for i, offer in enumerate(enabled) if offer.name == where.offer)
            changed = enabled[index].model_copy(update={where.field: ends})
            pairs[index] = (changed, offer_year(changed))
            sums = year_sums(scenario.practitioner, [year for _, year in pairs])
        net, take_home, hours = _two(sums.net_income), _two(sums.take_home), _two(sums.total_hours)
        over = ~_two(within_hours(sums))
        over_cap = _two(over_delivery_cap_by_hours(sums) > 0)
        over_market = _two(_over_market(pairs))
        rows.append(
            SensitivityRow(
                offer=where.offer,
                field=where.field,
                label=label(scenario, where),
                value=value,
                low_value=low,
                high_value=high,
                low_net_income=float(net[0]),
                high_net_income=float(net[1]),
                swing=abs(float(net[1] - net[0])),
                low_total_hours=float(hours[0]),
                high_total_hours=float(hours[1]),
                low_over_capacity=bool(over[0]),
                high_over_capacity=bool(over[1]),
                low_take_home=float(take_home[0]),
                high_take_home=float(take_home[1]),
                low_over_delivery_cap=bool(over_cap[0]),
                high_over_delivery_cap=bool(over_cap[1]),
                low_over_market=bool(over_market[0]),
                high_over_market=bool(over_market[1]),
                whole=is_whole(scenario, where),
            )
        )
    rows.sort(key=lambda row: -row.swing)
    return Sensitivity(
        percent=percent,
        net_income=float(base.net_income),
        total_hours=float(base.total_hours),
        rows=tuple(rows),
        take_home=float(base.take_home),
    )


def data_table(
    scenario: Scenario,
    across: Input,
    down: Input,
    percent: float = DEFAULT_PERCENT,
    steps: int = 5,
) -> pd.DataFrame:
    """Net income for every pair of values of two inputs, like a spreadsheet's data table.

    Each input runs over ``steps`` values from −``percent`` to +``percent`` of its
    plan (within its valid range); a count of people or things over whole numbers only
    (:func:`whole_steps`: 9, 10, … 14 members). Long form: one row per cell with the two values,
    ``net_income`` [currency/year], ``total_hours`` and ``capacity_hours`` [h/year],
    ``over_capacity`` and ``valid``. A cell is not a valid plan when the pair breaks
    a rule that ties two fields together (10 new licensees a year with 9 active):
    its figures are NaN, never those of another plan.
    """
    if across == down:
        raise ValueError("choose two different inputs for the table")
    axes = []
    for where in (across, down):
        _, low, high = moved_in_steps(scenario, where, percent)
        whole = is_whole(scenario, where)
        axes.append(whole_steps(low, high, steps) if whole else np.linspace(low, high, steps))
    axes = [np.unique(axis) for axis in axes]
    grid_across, grid_down = np.meshgrid(*axes)
    values: dict[Input, Any] = {across: grid_across.ravel(), down: grid_down.ravel()}
    changed = with_values(scenario, values)
    sums = scenario_sums(changed)
    cells = grid_across.size
    valid = np.broadcast_to(rules_hold(changed), cells)

    def figure(values: Any) -> Any:
        return np.where(valid, np.broadcast_to(values, cells), np.nan)

    return pd.DataFrame(
        {
            "across": grid_across.ravel(),
            "down": grid_down.ravel(),
            "net_income": figure(sums.net_income),
            "total_hours": figure(sums.total_hours),
            "capacity_hours": np.broadcast_to(sums.capacity_hours, cells),
            "over_capacity": valid & ~np.broadcast_to(within_hours(sums), cells),
            "valid": valid,
        }
    )
