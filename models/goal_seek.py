"""Goal seek: the value of one input that reaches a target, and "what must be true".

The model is evaluated on a grid across the input's valid range (all points at
once, the fields holding numpy arrays); the bracket where the gap to the target
changes sign nearest today's value is handed to ``scipy.optimize.brentq``. With
no sign change the target is not reachable within the range, and the closest
value is refined with ``scipy.optimize.minimize_scalar``.

Whole-number fields — a mastermind's months, and every count of people or things
(:func:`models.inputs.is_whole`: members per cohort, clients, cohorts …) — are answered
in whole numbers: the whole number next to the root that reaches the target (for a
figure that grows with the input, the smallest whole count that reaches it; for a
target that is a most, such as total hours, the largest that stays within it). When
neither whole number next to the root reaches it, the target is not reachable in whole
numbers and the whole number that comes closest is given.

An answer is never given without saying whether it fits (:mod:`models.fitting`:
your hours, your client-facing hours and each offer's market). When it does not, the best value that does
fit is found too: among the values that fit, the one whose figure comes closest
to the target, with the edge of the fitting values found by bisection.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import brentq, minimize_scalar

from models.fitting import check_fit
from models.inputs import (
    AT_MOST_METRICS,
    Input,
    figure_of,
    is_whole,
    label,
    valid_range,
    value_of,
    with_values,
)
from models.schema import Scenario

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
        The figure aimed at: net_income, take_home (net income after tax: what the target
        income is compared with), total_hours, free_hours_per_week or effective_hourly_rate.
    target : float
        The figure's target, in its unit.
    value : float
        The input's value that reaches the target, or, when it cannot be reached,
        the value that comes closest; a whole number for a whole field (``whole``).
        [the input's unit]
    reachable : bool
        Whether some value within ``[low, high]`` reaches the target (a whole value, for
        a whole field).
    achieved : float | None
        The figure at ``value`` (None: undefined, an hourly rate with no hours).
    current : float
        The input's planned value.
    low, high : float
        The range searched: the field's valid range.
    moves_figure : bool
        Whether the figure changes at all as the input runs over its range.
    fits : bool
        Whether the plan at ``value`` fits your hours, your client-facing hours and every
        offer's market.
    over_by_hours : float
        Hours beyond capacity at ``value``; 0 when within. [h/year]
    over_market : tuple[str, ...]
        Offers that sell more than their market will buy at ``value``: more buyers than
        ``max_sales_per_year``, or more new buyers than leads × conversion.
    best_fitting : FittingValue | None
        When the answer does not fit: the value that fits and comes closest to the
        target, and the figure there. None when the answer fits, or when no value
        within ``[low, high]`` fits.
    over_delivery_cap_by_hours : float
        Your own delivery hours beyond the delivery capacity at ``value``
        (``max_delivery_hours_per_week`` × weeks); 0 when within or without a cap. [h/year]
    whole : bool
        Whether the input is answered in whole numbers (a count of people or things).
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
    fits: bool
    over_by_hours: float
    over_market: tuple[str, ...]
    best_fitting: FittingValue | None
    over_delivery_cap_by_hours: float = 0.0
    whole: bool = False


@dataclass(frozen=True)
class FittingValue:
    """The best value of the input that fits, and the figure it reaches there.

    Attributes
    ----------
    value : float
        [the input's unit]
    figure : float | None
        The figure aimed at, with the input at ``value``; None when undefined.
    """

    value: float
    figure: float | None


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
    """The value of ``where`` that brings ``figure`` to ``target``, others as planned.

    An optional field left empty (a conversion rate not given, the hourly rate of a
    fixed-fee contract) has no value to vary: a ValueError says so.
    """
    planned = value_of(scenario, where)
    if planned is None:
        raise ValueError(f"{label(scenario, where)} is empty: there is no value to vary")
    current = float(planned)
    low, high = valid_range(scenario, where)

    def reached(value: float) -> float:
        return float(figure_at(scenario, where, value, figure))  # type: ignore[arg-type]

    def gap(value: float) -> float:
        return reached(value) - target

    searched = _grid(current, low, high)
    figures = np.asarray(figure_at(scenario, where, searched, figure), dtype=float)
    gaps = np.broadcast_to(figures, searched.shape) - target
    defined = ~np.isnan(gaps)
    grid, gaps = searched[defined], gaps[defined]
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
    whole = is_whole(scenario, where)
    if whole and moves:
        value, reachable = _whole_answer(
            gap, value, reachable, (low, high), _tolerance(target), figure in AT_MOST_METRICS
        )
    achieved = reached(value)
    check = check_fit(with_values(scenario, {where: value}))
    fits = bool(check.fits)
    best = None if fits else _best_fitting(scenario, where, gap, searched, value, whole)
    return GoalSeek(
        field=where.field,
        offer=where.offer,
        metric=figure,
        target=target,
        value=value,
        reachable=reachable,
        achieved=_defined(achieved),
        current=current,
        low=low,
        high=high,
        moves_figure=moves,
        fits=fits,
        over_by_hours=float(check.over_by_hours),
        over_market=check.offers_over_market(),
        best_fitting=(
            None if best is None else FittingValue(value=best, figure=_defined(reached(best)))
        ),
        over_delivery_cap_by_hours=float(check.over_delivery_cap_by_hours),
        whole=whole,
    )


def _defined(figure: float) -> float | None:
    """The figure, or None where it is undefined (an hourly rate with no hours)."""
    return None if math.isnan(figure) else figure


def _fits_at(scenario: Scenario, where: Input, value: float) -> bool:
    return bool(check_fit(with_values(scenario, {where: value})).fits)


def _edge(scenario: Scenario, where: Input, fitting: float, other: float) -> float:
    """The value nearest ``other`` that still fits, between a fitting and a non-fitting value.

    Bisection on "fits", which keeps its fitting end: the answer fits by construction.
    """
    for _ in range(200):
        middle = (fitting + other) / 2
        if middle in (fitting, other):
            break
        if _fits_at(scenario, where, middle):
            fitting = middle
        else:
            other = middle
    return fitting


def _best_fitting(
    scenario: Scenario, where: Input, gap: Gap, grid: FloatArray, answer: float, whole: bool
) -> float | None:
    """Among the values on ``grid`` and at the edges of the fitting ones, the value that fits
    and whose figure comes closest to the target (ties: the one nearest ``answer``).

    Notes
    -----
    Maya's 1:1 practice needs 69 6/7 h a client plus 184 h of fixed admin; the
    1,840 h of her year fit 1,656 / (69 6/7) = 23.7055 clients, where 23.95
    clients reach the target.
    """
    fitting = np.broadcast_to(check_fit(with_values(scenario, {where: grid})).fits, grid.shape)
    if not fitting.any():
        return None
    candidates = [float(value) for value in grid[fitting]]
    for index in np.flatnonzero(fitting[:-1] != fitting[1:]):
        inside, outside = (index, index + 1) if fitting[index] else (index + 1, index)
        candidates.append(_edge(scenario, where, float(grid[inside]), float(grid[outside])))
    if whole:
        wholes = {float(f(value)) for value in candidates for f in (math.floor, math.ceil)}
        candidates = [
            value
            for value in wholes
            if grid[0] <= value <= grid[-1] and _fits_at(scenario, where, value)
        ]
    scored = [(abs(gap(value)), abs(value - answer), value) for value in candidates]
    defined = [score for score in scored if not math.isnan(score[0])]
    return min(defined)[2] if defined else None


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


def _tolerance(target: float) -> float:
    """How far a figure may fall short of its target and still reach it (rounding only)."""
    return 1e-9 * max(1.0, abs(target))


def _whole_answer(
    gap: Gap,
    value: float,
    reachable: bool,
    bounds: tuple[float, float],
    tolerance: float,
    at_most: bool,
) -> tuple[float, bool]:
    """The whole answer next to ``value``, and whether it reaches the target.

    Of the whole numbers either side of ``value`` (within ``bounds``), the nearest whose figure
    reaches the target (at least it, or at most it when ``at_most``); when neither does,
    the one whose figure comes closest, not reaching it.

    Notes
    -----
    One mastermind cohort at 800 a member a month for 12 months (9,600 a member), with 5,000
    of fixed costs: 112,000 / 9,600 = 11.67 members reach a net income of 107,000; 11
    members give 100,600, short of it, and 12 give 110,200: the answer is 12.
    """
    low, high = math.ceil(bounds[0] - 1e-9), math.floor(bounds[1] + 1e-9)
    wholes = sorted({float(min(max(f(value), low), high)) for f in (math.floor, math.ceil)})
    if low > high:
        return value, False

    def reaches(candidate: float) -> bool:
        missing = gap(candidate) if at_most else -gap(candidate)
        return bool(missing <= tolerance)  # NaN (an undefined figure) never reaches

    reaching = [candidate for candidate in wholes if reaches(candidate)]
    if reachable and reaching:
        return min(reaching, key=lambda candidate: abs(candidate - value)), True
    closest = [candidate for candidate in wholes if not math.isnan(gap(candidate))] or wholes
    return min(closest, key=lambda candidate: abs(gap(candidate))), False


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
        At ``needed`` the offer sells more than its market will buy (``max_sales_per_year``,
        or leads × conversion).
    fits : bool
        A value is needed and, there, the plan fits your hours, your client-facing hours
        and the market.
    over_delivery_cap : bool
        At ``needed`` your own delivery hours exceed the delivery capacity.
    """

    offer: str
    field: str
    label: str
    current: float
    needed: float | None
    change: float | None
    over_capacity: bool
    over_market: bool
    fits: bool
    over_delivery_cap: bool = False


def what_must_be_true(scenario: Scenario, target: float) -> tuple[Requirement, ...]:
    """For each enabled offer's main drivers, the value that alone brings take-home income
    (net income after tax) to ``target``.

    Rows whose value fits your hours and the market come first, then those that do
    not fit, then the drivers that cannot reach the target on their own; within
    each group, offer by offer in the plan's order.
    """
    rows = []
    for offer in scenario.enabled_offers:
        for name in offer.drivers:
            where = Input(offer.name, name)
            answer = goal_seek(scenario, where, "take_home", target)
            needed = answer.value if answer.reachable else None
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
                    over_capacity=needed is not None and answer.over_by_hours > 0,
                    over_market=needed is not None and offer.name in answer.over_market,
                    fits=needed is not None and answer.fits,
                    over_delivery_cap=needed is not None and answer.over_delivery_cap_by_hours > 0,
                )
            )
    return tuple(sorted(rows, key=lambda row: (not row.fits, row.needed is None)))
