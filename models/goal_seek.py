"""Goal seek: the value of one input that reaches a target, and "what must be true".

The model is evaluated on a grid across the input's valid range (all points at
once, the fields holding numpy arrays); the bracket where the gap to the target
changes sign nearest today's value is handed to ``scipy.optimize.brentq``. With
no sign change the target is not reachable within the range, and the closest
value is refined with ``scipy.optimize.minimize_scalar``. Whole-number fields
(a mastermind's months) take the whole number nearest the root.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import brentq, minimize_scalar

from models.evaluation import evaluate
from models.inputs import (
    Input,
    figure_of,
    is_whole,
    label,
    valid_range,
    value_of,
    with_values,
)
from models.schema import Scenario

#: Kind → the fields that drive its income most: the rows of "what must be true".
DRIVERS: dict[str, tuple[str, ...]] = {
    "one_to_one": ("clients", "price_per_client"),
    "contract": ("contracts", "hours_per_contract", "hourly_rate"),
    "group_program": ("groups", "participants_per_group", "price_per_participant"),
    "mastermind": ("cohorts", "members_per_cohort", "fee_per_member_per_month"),
    "retreat": ("retreats", "attendees_per_retreat", "price_per_attendee"),
    "online_program": ("students", "price_high_touch", "price_automated"),
    "licensing": ("licensees", "royalty_rate", "licensee_revenue_per_year", "upfront_fee"),
}

_GRID_POINTS = 41

FloatArray = npt.NDArray[np.float64]
Gap = Callable[[float], float]


@dataclass(frozen=True)
class GoalSeek:
    """The answer of a goal seek (the JSON of ``leverage goal-seek``).

    Attributes
    ----------
    field, offer : str, str | None
        The input varied; ``offer`` None for the practitioner's fields.
    metric : str
        The figure aimed at: net_income, total_hours, free_hours_per_week or
        effective_hourly_rate.
    target : float
        The figure's target, in its unit.
    value : float
        The input's value that reaches the target, or, when it cannot be reached,
        the value that comes closest. [the input's unit]
    reachable : bool
        Whether some value within ``[low, high]`` reaches the target.
    achieved : float | None
        The figure at ``value`` (None: undefined, an hourly rate with no hours).
    current : float
        The input's planned value.
    low, high : float
        The range searched: the field's valid range.
    moves_figure : bool
        Whether the figure changes at all as the input runs over its range.
    """

    field: str
    offer: str | None
    metric: str
    target: float
    value: float
    reachable: bool
    achieved: float | None
    current: float
    low: float
    high: float
    moves_figure: bool


def figure_at(scenario: Scenario, where: Input, value: object, figure: str) -> object:
    """The figure with the input at ``value`` (a number, or a numpy array of values)."""
    return figure_of(with_values(scenario, {where: value}), figure)


def _grid(current: float, low: float, high: float) -> FloatArray:
    """Points across [low, high]: evenly spaced, geometric around today's value, and the ends."""
    points: list[FloatArray] = [np.linspace(low, high, _GRID_POINTS), np.array([current])]
    if current > 0:
        points.append(current * np.geomspace(1 / 100, 100, _GRID_POINTS))
    smallest = max(low, 1e-3)
    if high > smallest:
        points.append(np.geomspace(smallest, high, _GRID_POINTS))
    return np.unique(np.clip(np.concatenate(points), low, high))


def goal_seek(scenario: Scenario, where: Input, figure: str, target: float) -> GoalSeek:
    """The value of ``where`` that brings ``figure`` to ``target``, others as planned."""
    current = float(value_of(scenario, where))
    low, high = valid_range(scenario, where)

    def gap(value: float) -> float:
        return float(figure_at(scenario, where, value, figure)) - target  # type: ignore[arg-type]

    grid = _grid(current, low, high)
    figures = np.asarray(figure_at(scenario, where, grid, figure), dtype=float)
    gaps = np.broadcast_to(figures, grid.shape) - target
    defined = ~np.isnan(gaps)
    grid, gaps = grid[defined], gaps[defined]
    signs = np.sign(gaps)
    brackets = np.flatnonzero((signs[:-1] * signs[1:] < 0) | (signs[:-1] == 0))
    reachable = bool(len(brackets)) or bool(len(signs) and signs[-1] == 0)
    moves = bool(len(gaps)) and bool(np.ptp(gaps) > 0)
    if gap(current) == 0 or not moves:
        value = current  # already there, or nothing in range moves the figure: keep the plan
    elif reachable:
        value = _root(gap, grid, gaps, brackets, current)
    elif len(grid):
        value = _closest(gap, grid, gaps)
    else:
        value = current
    if is_whole(scenario, where):
        value = _nearest_whole(gap, value, low, high)
    achieved = gap(value) + target
    return GoalSeek(
        field=where.field,
        offer=where.offer,
        metric=figure,
        target=target,
        value=value,
        reachable=reachable,
        achieved=None if math.isnan(achieved) else achieved,
        current=current,
        low=low,
        high=high,
        moves_figure=moves,
    )


def _root(
    gap: Gap, grid: FloatArray, gaps: FloatArray, brackets: npt.NDArray[np.intp], current: float
) -> float:
    """The root in the sign-changing bracket nearest today's value."""
    if not len(brackets):
        return float(grid[-1])
    middles = (grid[brackets] + grid[brackets + 1]) / 2
    index = int(brackets[np.argmin(np.abs(middles - current))])
    if gaps[index] == 0:
        return float(grid[index])
    root: float = brentq(gap, grid[index], grid[index + 1], xtol=1e-12, rtol=1e-15)
    return float(root)


def _closest(gap: Gap, grid: FloatArray, gaps: FloatArray) -> float:
    """The value in range whose figure comes closest to the target."""
    index = int(np.argmin(np.abs(gaps)))
    left = grid[max(index - 1, 0)]
    right = grid[min(index + 1, len(grid) - 1)]
    if right <= left:
        return float(grid[index])
    refined = minimize_scalar(lambda value: abs(gap(value)), bounds=(left, right), method="bounded")
    best = float(refined.x)
    return best if abs(gap(best)) < abs(gaps[index]) else float(grid[index])


def _nearest_whole(gap: Gap, value: float, low: float, high: float) -> float:
    """The whole number next to ``value`` whose figure comes closer to the target."""
    candidates = [c for c in (math.floor(value), math.ceil(value)) if low <= c <= high]
    return float(min(candidates, key=lambda c: abs(gap(c)))) if candidates else value


@dataclass(frozen=True)
class Requirement:
    """One row of "what must be true": a driver's value that alone reaches the target.

    Attributes
    ----------
    offer, field, label : str
        The driver.
    current : float
        Its planned value.
    needed : float | None
        The value that reaches the target on its own; None when none in range does.
    change : float | None
        needed / current − 1; None when undefined. [share]
    over_capacity : bool
        At ``needed`` the plan's hours exceed capacity.
    over_market : bool
        At ``needed`` the offer sells more than ``max_sales_per_year``.
    """

    offer: str
    field: str
    label: str
    current: float
    needed: float | None
    change: float | None
    over_capacity: bool
    over_market: bool


def what_must_be_true(scenario: Scenario, target: float) -> tuple[Requirement, ...]:
    """For each enabled offer's main drivers, the value that alone reaches ``target`` net income."""
    rows = []
    for offer in scenario.enabled_offers:
        for name in DRIVERS[offer.kind]:
            where = Input(offer.name, name)
            answer = goal_seek(scenario, where, "net_income", target)
            needed = answer.value if answer.reachable else None
            over_capacity = over_market = False
            if needed is not None:
                result = evaluate(with_values(scenario, {where: needed}))
                over_capacity = result.totals.free_hours < 0
                limit = offer.max_sales_per_year
                over_market = limit is not None and result.offer(offer.name).buyers > limit
            rows.append(
                Requirement(
                    offer=offer.name,
                    field=name,
                    label=label(scenario, where),
                    current=answer.current,
                    needed=needed,
                    change=(
                        needed / answer.current - 1
                        if needed is not None and answer.current
                        else None
                    ),
                    over_capacity=over_capacity,
                    over_market=over_market,
                )
            )
    return tuple(rows)
