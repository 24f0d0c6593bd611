"""The best mix: how many of each offer to sell for the most net income in the hours you have.

The decision variables are each enabled offer's count — clients, contracts,
groups, cohorts, retreats, students, active licensees — every other field as
planned. Every figure of an offer is linear in its count, so two evaluations of
the offer (count 0 and count 1, through :func:`models.evaluation.offer_year`)
give the exact coefficients; what the offer costs even at count 0 (creation
time, launches, legal costs) is switched on by a yes/no variable that the count
needs. ``scipy.optimize.milp`` (HiGHS) solves the mixed-integer program, with the counts of
people and things whole (:func:`models.schema.is_whole_count` of the kind's ``count_field``:
clients, cohorts, students …) as integer variables — never a continuous answer rounded
afterwards, which could break the hours:

maximise Σ (contribution per unit × count + fixed contribution × runs) − fixed costs
subject to your hours: Σ hours + fixed admin − the assistant's hours ≤ capacity −
reserve hours a week × weeks (and the hours besides admin ≤ the same: the assistant
takes admin off you, never other work); your own delivery hours (after the associates'
shares, which stay as planned) ≤ the delivery capacity; each offer within what its
market will buy (buyers ≤ ``max_sales_per_year``, new buyers ≤ leads × conversion);
and the optional limits (business development share, 1:1 hours, travel hours).
Net income is the objective: take-home is net income less a tax that only grows with
it, so the same mix brings the most take-home.

An offer the answer leaves at 0 is disabled in the recommended scenario. For each
offer the answer names what stops it growing (:data:`BindingLimit`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from models.evaluation import (
    DEMAND_TOLERANCE,
    assistant_hours,
    capacity_hours,
    delivery_capacity_hours,
    evaluate,
    fixed_admin_hours,
    hours_for_offers,
    offer_year,
)
from models.fitting import HOURS_TOLERANCE
from models.results import Totals
from models.schema import MAX_COUNT, OfferBase, Scenario, is_whole_count

Status = Literal["optimal", "infeasible", "no_offers"]

#: What stops an offer of the best mix growing: ``time`` (all your hours), ``energy`` (your
#: own delivery hours at the delivery capacity), ``market`` (what its market will buy),
#: ``count range`` (the count's maximum, given or the default) or None (more of it would
#: not raise net income, or another limit binds).
BindingLimit = Literal["time", "energy", "market", "count range"] | None


@dataclass(frozen=True)
class Limits:
    """What the best mix must respect besides capacity.

    Attributes
    ----------
    reserve_hours_per_week : float
        Hours a week kept free. [h/week]
    max_bd_share : float | None
        Business development at most this share of total hours. [0-1]
    min_one_to_one_hours : float | None
        At least this many hours a year with private 1:1 clients. [h/year]
    max_travel_hours : float | None
        At most this many hours a year of travel. [h/year]
    counts : dict[str, tuple[float, float]]
        Offer name → (minimum, maximum) count, replacing the defaults.
    """

    reserve_hours_per_week: float = 0.0
    max_bd_share: float | None = None
    min_one_to_one_hours: float | None = None
    max_travel_hours: float | None = None
    counts: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Optimum:
    """The best mix (the JSON of ``leverage optimize``).

    Attributes
    ----------
    status : str
        "optimal"; "infeasible" when the limits cannot all be met; "no_offers" when no
        offer is enabled, so there is nothing to choose.
    counts : dict[str, float]
        Offer name → its recommended count (of the kind's ``count_field``): a whole number for
        a whole count, held as a float.
    totals : Totals | None
        The totals of the recommended scenario, from :func:`models.evaluation.evaluate`.
    message : str
        In words: what was found, or which limit cannot be met.
    binding_limits : dict[str, BindingLimit]
        Offer name → what stops it growing (:data:`BindingLimit`); empty unless optimal.
    """

    status: Status
    counts: dict[str, float]
    totals: Totals | None
    message: str
    binding_limits: dict[str, BindingLimit] = field(default_factory=dict)


@dataclass(frozen=True)
class _Lever:
    """One offer's figures as a linear function of its count: at 0 and per unit."""

    offer: OfferBase
    at_zero: dict[str, float]
    per_unit: dict[str, float]
    low: float
    high: float
    whole: bool

    @property
    def has_fixed_part(self) -> bool:
        return any(value != 0 for value in self.at_zero.values())


def with_count(offer: OfferBase, count: float) -> OfferBase:
    """The offer with ``count`` of its kind's ``count_field`` (:meth:`OfferBase.with_count`:
    licensing keeps new licensees in the plan's proportion to the active ones)."""
    return offer.with_count(count)


def _figures(offer: OfferBase) -> dict[str, float]:
    year = offer_year(offer)
    return {
        "contribution": year.revenue - year.direct_costs,
        "hours": year.hours.total,
        "business_development": year.hours.business_development,
        "travel": year.hours.travel,
        "one_to_one": year.hours.delivery if offer.kind == "one_to_one" else 0.0,
        "delivery": year.hours.delivery,
        "admin": year.hours.admin,
        "buyers": year.buyers,
        "new_buyers": year.new_buyers,
    }


def default_count_range(offer: OfferBase) -> tuple[float, float]:
    """(0, the market limit as a count, at most a million), or (0, three times today's
    count, at least 1); the maximum of a whole count is a whole number (the market's 1.33
    retreats a year are 1).

    The market limit is :attr:`models.schema.OfferBase.market_limit`: the smaller of
    ``max_sales_per_year`` and what the funnel brings (leads × conversion / (1 − returning
    share)). [the kind's count]
    """
    at_zero, at_one = _figures(with_count(offer, 0.0)), _figures(with_count(offer, 1.0))
    buyers_per_unit = at_one["buyers"] - at_zero["buyers"]
    market = offer.market_limit
    if market is not None and buyers_per_unit > 0:
        # A licensee signs so few new ones a year that the market never binds: the count
        # is capped like any other, never infinite.
        high = min(market / buyers_per_unit, MAX_COUNT)
    else:
        high = max(3.0 * getattr(offer, offer.count_field), 1.0)
    whole = is_whole_count(type(offer), offer.count_field)
    return 0.0, float(math.floor(high + 1e-9)) if whole else high


def _lever(offer: OfferBase, limits: Limits) -> _Lever:
    at_zero, at_one = _figures(with_count(offer, 0.0)), _figures(with_count(offer, 1.0))
    low, high = limits.counts.get(offer.name, default_count_range(offer))
    whole = is_whole_count(type(offer), offer.count_field)
    if whole:
        low, high = math.ceil(low - 1e-9), math.floor(high + 1e-9)
    return _Lever(
        offer=offer,
        at_zero=at_zero,
        per_unit={name: at_one[name] - at_zero[name] for name in at_one},
        low=low,
        high=high,
        whole=whole,
    )


class _Program:
    """The mixed-integer program: a count per offer, then a runs yes/no per offer with a fixed
    part. ``row(figure)`` is a figure's coefficients over the variables."""

    def __init__(self, levers: list[_Lever]) -> None:
        self.levers = levers
        self.fixed = [index for index, lever in enumerate(levers) if lever.has_fixed_part]
        self.size = len(levers) + len(self.fixed)

    def row(self, figure: str, only: int | None = None) -> np.ndarray[Any, np.dtype[np.float64]]:
        """The figure summed over the offers, or of the offer at index ``only`` alone."""
        coefficients = np.zeros(self.size)
        for index, lever in enumerate(self.levers):
            if only is None or index == only:
                coefficients[index] = lever.per_unit[figure]
        for position, index in enumerate(self.fixed):
            if only is None or index == only:
                coefficients[len(self.levers) + position] = self.levers[index].at_zero[figure]
        return coefficients

    def bounds(self) -> Bounds:
        lows = [lever.low for lever in self.levers] + [0.0] * len(self.fixed)
        highs = [lever.high for lever in self.levers] + [1.0] * len(self.fixed)
        return Bounds(lows, highs)

    def integrality(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        """1 for a whole-number variable (every runs yes/no), 0 for a continuous one."""
        whole = [lever.whole for lever in self.levers] + [True] * len(self.fixed)
        return np.array(whole, dtype=np.int64)

    def runs_constraint(self) -> LinearConstraint | None:
        """count ≤ maximum × runs and runs ≤ count: an offer with a fixed part sells only if it
        runs, and runs only if it sells at least one (idle creation hours must not pad the
        hours a share limit is measured against)."""
        if not self.fixed:
            return None
        matrix = np.zeros((2 * len(self.fixed), self.size))
        for position, index in enumerate(self.fixed):
            runs = len(self.levers) + position
            matrix[2 * position, [index, runs]] = 1.0, -self.levers[index].high
            matrix[2 * position + 1, [index, runs]] = -1.0, 1.0
        return LinearConstraint(matrix, -np.inf, 0.0)


def _limit_constraints(
    program: _Program, scenario: Scenario, limits: Limits
) -> dict[str, LinearConstraint]:
    """Every limit as a linear constraint, by the words that name it."""
    practitioner = scenario.practitioner
    fixed_admin = fixed_admin_hours(practitioner)
    capacity = capacity_hours(practitioner)
    assistant = assistant_hours(practitioner)
    reserve = limits.reserve_hours_per_week * practitioner.weeks_per_year
    hours = program.row("hours")
    # Your hours = the hours besides admin + max(0, fixed admin + Σ admin − assistant): at
    # most the room ⇔ both (Σ hours + fixed admin − assistant) and (Σ hours − Σ admin) are.
    room = capacity - reserve
    found = {
        f"your hours ({capacity:,.0f} a year, less {reserve:,.0f} kept free, less "
        f"{fixed_admin:,.0f} of fixed admin)": LinearConstraint(
            np.vstack([hours, hours - program.row("admin")]),
            -np.inf,
            [hours_for_offers(practitioner) - reserve + assistant, room],
        )
    }
    delivery_capacity = delivery_capacity_hours(practitioner)
    if delivery_capacity is not None:
        found[f"your client-facing hours ({delivery_capacity:,.0f} a year)"] = LinearConstraint(
            program.row("delivery"), -np.inf, delivery_capacity
        )
    for index, lever in enumerate(program.levers):
        offer = lever.offer
        if offer.max_sales_per_year is not None:
            found[
                f'what the market will buy of "{offer.name}" ({offer.max_sales_per_year:,.0f} a year)'
            ] = LinearConstraint(program.row("buyers", index), -np.inf, offer.max_sales_per_year)
        if offer.leads_per_year is not None and offer.conversion_rate is not None:
            reachable = offer.leads_per_year * offer.conversion_rate
            found[
                f'the new buyers "{offer.name}" can win ({offer.leads_per_year:,.0f} leads × '
                f"{offer.conversion_rate:.0%})"
            ] = LinearConstraint(
                program.row("new_buyers", index), -np.inf, reachable * (1 + DEMAND_TOLERANCE)
            )
    if limits.max_bd_share is not None:
        # BD ≤ share × (Σ hours + fixed admin)  ⇔  BD − share × Σ hours ≤ share × fixed admin
        # (with an assistant, the admin they take counted off: a little stricter than needed)
        share = limits.max_bd_share
        found[f"business development at most {share:.0%} of your hours"] = LinearConstraint(
            program.row("business_development") - share * hours,
            -np.inf,
            share * (fixed_admin - assistant),
        )
    if limits.min_one_to_one_hours is not None:
        found[f"at least {limits.min_one_to_one_hours:,.0f} hours a year of 1:1 time"] = (
            LinearConstraint(program.row("one_to_one"), limits.min_one_to_one_hours, np.inf)
        )
    if limits.max_travel_hours is not None:
        found[f"at most {limits.max_travel_hours:,.0f} hours a year of travel"] = LinearConstraint(
            program.row("travel"), -np.inf, limits.max_travel_hours
        )
    return found


def _solve(program: _Program, constraints: list[LinearConstraint]) -> Any:
    runs = program.runs_constraint()
    return milp(
        -program.row("contribution"),
        integrality=program.integrality(),
        bounds=program.bounds(),
        constraints=[*constraints, *([runs] if runs is not None else [])],
    )


def _unmet_limit(program: _Program, named: dict[str, LinearConstraint]) -> str:
    """The limit that cannot be met: the first whose removal makes the program solvable."""
    for name in named:
        others = [constraint for other, constraint in named.items() if other != name]
        if _solve(program, others).status == 0:
            return name
    return "the minimum counts together with " + " and ".join(named)


def recommended(scenario: Scenario, counts: dict[str, float]) -> Scenario:
    """The scenario with these counts; an offer at 0 is disabled."""
    offers = [
        _whole_followers(with_count(offer, counts[offer.name]), offer, counts[offer.name] > 0)
        if offer.name in counts
        else offer
        for offer in scenario.offers
    ]
    return scenario.model_copy(update={"offers": offers})


def _whole_followers(offer: OfferBase, planned: OfferBase, enabled: bool) -> OfferBase:
    """The offer, enabled or not, with every whole count that followed its count (licensing's
    new licensees, kept in proportion to the active ones) rounded down to a whole number.

    Notes
    -----
    11 active licensees with 9 new a year, grown to 13 active: 13 × 9 / 11 = 10.6 new, so 10.
    Fewer new licensees only take hours and new buyers away, so the mix still fits.
    """
    model = type(offer)
    update: dict[str, Any] = {"enabled": enabled}
    for name in model.model_fields:
        value = getattr(offer, name)
        if (
            name != offer.count_field
            and is_whole_count(model, name)
            and isinstance(value, float)
            and value != getattr(planned, name)
            and not value.is_integer()
        ):
            update[name] = float(math.floor(value + 1e-9))
    return offer.model_copy(update=update)


def optimize(scenario: Scenario, limits: Limits | None = None) -> Optimum:
    """The mix of counts with the most net income within capacity and the limits."""
    limits = limits or Limits()
    levers = [_lever(offer, limits) for offer in scenario.enabled_offers]
    if not levers:
        return Optimum("no_offers", {}, None, "There is no enabled offer to choose counts for.")
    impossible = [lever.offer.name for lever in levers if lever.low > lever.high]
    if impossible:
        names = ", ".join(f'"{name}"' for name in impossible)
        return Optimum(
            "infeasible", {}, None, f"The minimum count is above the maximum for {names}."
        )
    program = _Program(levers)
    named = _limit_constraints(program, scenario, limits)
    solution = _solve(program, list(named.values()))
    if solution.status != 0:
        return Optimum(
            "infeasible", {}, None, f"No mix can meet this limit: {_unmet_limit(program, named)}."
        )
    counts = {
        lever.offer.name: float(round(value) if lever.whole else value)
        for lever, value in zip(levers, solution.x, strict=False)
    }
    totals = evaluate(recommended(scenario, counts)).totals
    return Optimum(
        "optimal",
        counts,
        totals,
        "The mix with the most net income found.",
        binding_limits(scenario, counts, limits),
    )


def _over(value: float, limit: float | None, tolerance: float) -> bool:
    return limit is not None and value > limit + tolerance * max(1.0, abs(limit))


def binding_limits(
    scenario: Scenario, counts: dict[str, float], limits: Limits | None = None
) -> dict[str, BindingLimit]:
    """What stops each offer of a mix growing: one more (one whole unit, or a sliver of a
    continuous count) would be past its market, its count range, your client-facing hours
    or all your hours, in that order of naming; None when none of them would be.

    Notes
    -----
    A 1:1 offer at 25 clients with a funnel of 100 calls × 20% and a fifth returning (25
    clients a year): a 26th is past the market, so "market". Each check re-evaluates the
    mix with that one offer grown (:func:`models.evaluation.evaluate`).
    """
    limits = limits or Limits()
    practitioner = scenario.practitioner
    room = (
        capacity_hours(practitioner) - limits.reserve_hours_per_week * practitioner.weeks_per_year
    )
    found: dict[str, BindingLimit] = {}
    for offer in scenario.enabled_offers:
        if offer.name not in counts:
            continue
        lever = _lever(offer, limits)
        count = counts[offer.name]
        if lever.per_unit["contribution"] <= 0:
            found[offer.name] = None
            continue
        step = 1.0 if lever.whole else 1e-6 * max(1.0, count)
        grown = evaluate(recommended(scenario, counts | {offer.name: count + step}))
        year = offer_year(with_count(offer, count + step))
        market = _over(year.buyers, offer.max_sales_per_year, 1e-9) or (
            offer.leads_per_year is not None
            and offer.conversion_rate is not None
            and _over(year.new_buyers, offer.leads_per_year * offer.conversion_rate, 1e-9)
        )
        totals = grown.totals
        checks: list[tuple[bool, BindingLimit]] = [
            (market, "market"),
            (count + step > lever.high + 1e-9, "count range"),
            (
                _over(totals.hours.delivery, totals.delivery_capacity_hours, HOURS_TOLERANCE),
                "energy",
            ),
            (_over(totals.total_hours, room, HOURS_TOLERANCE), "time"),
        ]
        found[offer.name] = next((name for hit, name in checks if hit), None)
    return found
