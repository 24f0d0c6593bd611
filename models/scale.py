"""How long each lever is: one offer grown while every other offer stays as planned.

For each enabled offer the engine grows its *quantity* (clients, contracts,
participants, members, attendees, students or active licensees), asks
:func:`models.evaluation.evaluate_offer` (the same evaluation as everything
else; no formulas here) for the offer's figures at each whole quantity, adds
the rest of the scenario unchanged, and finds:

- the **curve**: revenue, contribution, the offer's hours and the scenario's
  hours at each quantity from 0 to past the ceiling, the plan's quantity and
  the ceiling's always among them;
- the **ceiling**: the largest whole quantity at which the scenario still fits
  in capacity and within ``max_sales_per_year``, and what binds it;
- the **margin**: what the next buyer costs in hours and brings in contribution.

How quantity maps onto an offer (:func:`with_quantity`): groups, cohorts and
retreats fill up to the plan's size (``participants_per_group``,
``members_per_cohort``, ``attendees_per_retreat``) and then a new one opens,
so delivery, prep, travel and per-session costs step up; 1:1 clients,
contracts and students grow in proportion; licensing grows active licensees
with new licensees per year kept in the plan's proportion to them.

Figures are per year in steady state: hours [h/year], money [currency/year].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from models import formulas
from models.evaluation import capacity_hours, evaluate, evaluate_offer
from models.formulas import ratio
from models.results import OfferResult, ScenarioResult
from models.schema import (
    MAX_COUNT,
    GroupSize,
    Licensing,
    OfferBase,
    OnlineProgram,
    Scenario,
)

Bound = Literal["time", "market", "none"]


#: Most sampled points on one curve; longer ranges are sampled with a wider step.
#: The plan's quantity and the ceiling's are added as exact points on top.
MAX_POINTS = 60


@dataclass(frozen=True)
class ScalePoint:
    """The scenario with the offer at one quantity.

    Attributes
    ----------
    quantity : float
        The offer's quantity. [clients, participants … /year]
    revenue, contribution : float
        The offer's. [currency/year]
    offer_hours : float
        The offer's hours. [h/year]
    scenario_hours : float
        The whole scenario's hours, fixed admin included. [h/year]
    """

    quantity: float
    revenue: float
    contribution: float
    offer_hours: float
    scenario_hours: float


@dataclass(frozen=True)
class Ceiling:
    """The largest whole quantity that fits in capacity and the market.

    Attributes
    ----------
    quantity : float
        [clients, participants … /year]
    revenue, contribution : float
        The offer's at the ceiling. [currency/year]
    offer_hours : float
        The offer's own hours at the ceiling, fixed hours (creation, launches) included:
        where the ceiling sits on the offer's curve. [h/year]
    total_hours : float
        The scenario's hours at the ceiling. [h/year]
    """

    quantity: float
    revenue: float
    contribution: float
    offer_hours: float
    total_hours: float


@dataclass(frozen=True)
class Marginal:
    """What one more buyer costs and brings, from the plan's quantity.

    Attributes
    ----------
    hours_per_unit : float
        Hours the next buyer adds (a whole new group when it opens one). [h]
    contribution_per_unit : float
        Contribution it adds. [currency]
    hourly_rate : float | None
        contribution per unit / hours per unit; None when it costs no hours. [currency/h]
    """

    hours_per_unit: float
    contribution_per_unit: float
    hourly_rate: float | None


@dataclass(frozen=True)
class OfferScale:
    """One offer's lever: its curve, ceiling and margin (the JSON of ``leverage scale``)."""

    name: str
    kind: str
    quantity_field: str
    quantity: float
    bound: Bound
    ceiling: Ceiling
    marginal: Marginal
    points: tuple[ScalePoint, ...]


@dataclass(frozen=True)
class ScaleResult:
    """Every enabled offer's lever (``offers``; the JSON of ``leverage scale``)."""

    offers: tuple[OfferScale, ...]


def plan_quantity(offer: OfferBase) -> float:
    """The offer's quantity in the plan: clients, participants (groups × size) … (the kind's
    ``quantity``)."""
    return offer.quantity


def with_quantity(offer: OfferBase, quantity: float) -> OfferBase:
    """The offer with ``quantity`` buyers, grown as the module docstring says.

    Notes
    -----
    Groups: groups = ⌈quantity / planned size⌉, each holding quantity / groups.
    With groups of 8, the 9th participant opens a second group of 4.5 on average.
    """
    if isinstance(offer, GroupSize):
        size = max(offer.group_size, 1.0)
        # A float quantity just above a whole number of groups must not open one more.
        groups = math.ceil(round(quantity / size, 9))
        per_group = quantity / groups if groups else 0.0
        return offer.model_copy(
            update={offer.count_field: float(groups), offer.group_size_field: per_group}
        )
    return offer.with_count(quantity)


@dataclass(frozen=True)
class _Lever:
    """One offer against the rest of the scenario, held fixed."""

    offer: OfferBase
    other_hours: float
    capacity: float

    def at(self, quantity: float) -> OfferResult:
        return evaluate_offer(with_quantity(self.offer, quantity))

    def fits(self, quantity: float) -> bool:
        return self.other_hours + self.at(quantity).total_hours <= self.capacity + 1e-9

    def point(self, quantity: float) -> ScalePoint:
        result = self.at(quantity)
        return ScalePoint(
            quantity=quantity,
            revenue=result.revenue,
            contribution=result.contribution,
            offer_hours=result.total_hours,
            scenario_hours=self.other_hours + result.total_hours,
        )


def _market_limit(offer: OfferBase) -> float | None:
    """The largest whole quantity the market buys, or None without a limit."""
    if offer.max_sales_per_year is None:
        return None
    if isinstance(offer, Licensing):
        share_new = offer.new_licensees_per_year / offer.licensees if offer.licensees else 0.0
        limit = offer.max_sales_per_year / share_new if share_new else math.inf
    else:
        limit = offer.max_sales_per_year
    # A limit past the largest quantity the schema allows does not bind.
    return float(math.floor(limit + 1e-9)) if limit < MAX_COUNT else None


def search_limit(plan: float) -> float:
    """The largest quantity looked at: 100 times the plan, at least 1,000, at most a million."""
    return float(min(MAX_COUNT, max(1000.0, 100.0 * math.ceil(plan))))


def _time_limit(lever: _Lever, upper: float) -> float | None:
    """The largest whole quantity up to ``upper`` that fits in capacity; None if all of them fit.

    Hours never fall as quantity grows, so a bisection finds it.
    """
    if lever.fits(upper):
        return None
    low, high = 0.0, upper  # fits(low) or low is 0; not fits(high)
    if not lever.fits(0.0):
        return 0.0
    while high - low > 1:
        middle = float(math.floor((low + high) / 2))
        if lever.fits(middle):
            low = middle
        else:
            high = middle
    return low


def curve_quantities(end: float, exact: tuple[float, ...] = ()) -> tuple[float, ...]:
    """The quantities a curve is drawn at: 0 to ``end`` in whole steps, plus ``exact``.

    At most :data:`MAX_POINTS` sampled quantities (a step of ⌈end / 59⌉, and ``end``
    itself), merged with the ``exact`` ones (the plan's and the ceiling's quantity),
    sorted, without duplicates: so what the page marks is a point of the line.
    """
    step = max(1.0, float(math.ceil(end / (MAX_POINTS - 1))))
    quantities = {step * index for index in range(int(end // step) + 1)} | {end}
    return tuple(sorted(quantities | {float(quantity) for quantity in exact}))


def scale_offer(scenario: Scenario, name: str, whole: ScenarioResult | None = None) -> OfferScale:
    """The lever of the enabled offer called ``name``.

    ``whole`` is the scenario's evaluation when the caller has it already (one
    evaluation for every offer); without it the scenario is evaluated here.
    """
    offer = next(o for o in scenario.enabled_offers if o.name == name)
    whole = evaluate(scenario) if whole is None else whole
    lever = _Lever(
        offer=offer,
        other_hours=whole.totals.total_hours - whole.offer(name).total_hours,
        capacity=capacity_hours(scenario.practitioner),
    )
    plan = plan_quantity(offer)
    market = _market_limit(offer)
    upper = search_limit(plan) if market is None else min(market, search_limit(plan))
    time = _time_limit(lever, upper)
    if time is not None:
        bound: Bound = "time"
        ceiling_quantity = time
    elif market is not None and market <= search_limit(plan):
        bound, ceiling_quantity = "market", market
    else:
        bound, ceiling_quantity = "none", upper
    at_ceiling = lever.point(ceiling_quantity)
    now, next_one = lever.at(plan), lever.at(plan + 1)
    extra_hours = next_one.total_hours - now.total_hours
    extra_contribution = next_one.contribution - now.contribution
    curve_end = max(ceiling_quantity, math.ceil(plan)) * 1.25 + 2 if bound != "none" else upper
    quantities = curve_quantities(float(math.ceil(curve_end)), (plan, ceiling_quantity))
    points = tuple(lever.point(quantity) for quantity in quantities)
    return OfferScale(
        name=offer.name,
        kind=offer.kind,
        quantity_field=offer.quantity_field,
        quantity=plan,
        bound=bound,
        ceiling=Ceiling(
            quantity=ceiling_quantity,
            revenue=at_ceiling.revenue,
            contribution=at_ceiling.contribution,
            offer_hours=at_ceiling.offer_hours,
            total_hours=at_ceiling.scenario_hours,
        ),
        marginal=Marginal(
            hours_per_unit=extra_hours,
            contribution_per_unit=extra_contribution,
            hourly_rate=ratio(extra_contribution, extra_hours),
        ),
        points=points,
    )


def scale(scenario: Scenario, whole: ScenarioResult | None = None) -> ScaleResult:
    """The lever of every enabled offer, in the scenario's order.

    The scenario is evaluated once (or ``whole``, its evaluation, is used), not once
    per offer.
    """
    whole = evaluate(scenario) if whole is None else whole
    return ScaleResult(
        offers=tuple(scale_offer(scenario, o.name, whole) for o in scenario.enabled_offers)
    )


def scale_warnings(result: ScaleResult) -> tuple[str, ...]:
    """Plain-words notes on the levers: offers that cannot grow because the rest is over capacity."""
    notes = []
    for lever in result.offers:
        if lever.bound == "time" and lever.ceiling.quantity == 0:
            notes.append(
                f'"{lever.name}": the other offers and fixed admin already fill or exceed your '
                "capacity, so this offer has no room to grow (ceiling 0)."
            )
    return tuple(notes)


@dataclass(frozen=True)
class FrontierPoint:
    """An online program at one level of automation, students as planned.

    Attributes
    ----------
    automation : float
        [0-1]
    price : float
        Revenue per student. [currency/student]
    offer_hours : float
        The program's hours at the planned students. [h/year]
    ceiling : float
        Most students that fit in capacity and the market. [students/year]
    ceiling_contribution : float
        The program's contribution at that ceiling. [currency/year]
    """

    automation: float
    price: float
    offer_hours: float
    ceiling: float
    ceiling_contribution: float


def automation_frontier(
    scenario: Scenario, name: str, steps: int = 11
) -> tuple[FrontierPoint, ...]:
    """The online program ``name`` as automation runs from 0 to 1 in ``steps`` levels.

    More automation scales further (fewer support hours a student) but each
    student pays less: the frontier shows both, with the ceiling at each level.
    """
    program = next(o for o in scenario.enabled_offers if o.name == name)
    if not isinstance(program, OnlineProgram):
        raise TypeError(f'"{name}" is not an online program')
    points = []
    for index in range(steps):
        level = index / (steps - 1)
        automated = program.model_copy(update={"automation": level})
        offers = [automated if offer.name == name else offer for offer in scenario.offers]
        lever = scale_offer(scenario.model_copy(update={"offers": offers}), name)
        at_plan = evaluate_offer(automated)
        points.append(
            FrontierPoint(
                automation=level,
                price=formulas.online_program_price(
                    program.price_high_touch, program.price_automated, level
                ),
                offer_hours=at_plan.total_hours,
                ceiling=lever.ceiling.quantity,
                ceiling_contribution=lever.ceiling.contribution,
            )
        )
    return tuple(points)
