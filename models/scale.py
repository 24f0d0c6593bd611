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
  in capacity (``time``: all your hours), within the delivery capacity (``energy``:
  your own delivery hours, where ``max_delivery_hours_per_week`` is given) and within
  what the market will buy (``market``: ``max_sales_per_year`` or the demand limit,
  leads × conversion; :attr:`models.schema.OfferBase.market_limit`), and what binds it;
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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from models import formulas
from models.evaluation import (
    OfferYear,
    YearSums,
    YearTally,
    assistant_hours,
    evaluate_offer,
    offer_year,
    sums_of_tally,
    year_tally,
)
from models.fitting import hours_over
from models.formulas import ratio
from models.results import OfferResult
from models.schema import (
    MAX_COUNT,
    GroupSize,
    Licensing,
    OfferBase,
    OnlineProgram,
    Practitioner,
    Scenario,
)

#: What stops a lever: ``time`` (all your hours), ``energy`` (your own delivery hours past
#: the delivery capacity), ``market`` (``max_sales_per_year`` or the demand limit) or
#: ``none`` (nothing within the range looked at).
Bound = Literal["time", "energy", "market", "none"]


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
    """One offer against the rest of the scenario, held fixed.

    The scenario's hours at a quantity come from :func:`models.evaluation.sums_of_tally` of
    the other offers' years, added once (``others``), plus this one's: so the assistant's
    relief of admin and the delivery capacity count exactly as everywhere else, and each
    quantity costs one offer's evaluation, not the whole scenario's. Without an assistant
    the hours add up, so the offer's hours are added to the others' sums.
    """

    offer: OfferBase
    practitioner: Practitioner
    others: YearTally

    @cached_property
    def others_sums(self) -> YearSums:
        """The year of the other offers (and the fixed admin) alone."""
        return sums_of_tally(self.practitioner, self.others)

    @cached_property
    def hours_add_up(self) -> bool:
        """Whether the scenario's hours are the others' plus the offer's: no assistant."""
        return not assistant_hours(self.practitioner)

    def year(self, quantity: float) -> tuple[OfferBase, OfferYear]:
        """The offer at ``quantity`` and its year."""
        offer = with_quantity(self.offer, quantity)
        return offer, offer_year(offer)

    def at(self, quantity: float) -> OfferResult:
        return evaluate_offer(*self.year(quantity))

    def sums(self, year: OfferYear) -> YearSums:
        """The scenario's year with the offer's ``year`` among the others."""
        return sums_of_tally(self.practitioner, self.others.plus(year))

    def scenario_hours(self, year: OfferYear) -> float:
        """The scenario's hours with the offer's ``year`` among the others. [h/year]"""
        if self.hours_add_up:
            return float(self.others_sums.total_hours + year.hours.total)
        return float(self.sums(year).total_hours)

    def within_time(self, quantity: float) -> bool:
        hours = self.scenario_hours(self.year(quantity)[1])
        return bool(hours_over(hours, self.others_sums.capacity_hours) == 0)

    def within_energy(self, quantity: float) -> bool:
        if self.practitioner.max_delivery_hours_per_week is None:
            return True  # no delivery cap: nothing to evaluate
        sums = self.sums(self.year(quantity)[1])
        return bool(hours_over(sums.hours.delivery, sums.delivery_capacity_hours) == 0)

    def point(self, quantity: float) -> ScalePoint:
        offer, year = self.year(quantity)
        result = evaluate_offer(offer, year)
        return ScalePoint(
            quantity=quantity,
            revenue=result.revenue,
            contribution=result.contribution,
            offer_hours=result.total_hours,
            scenario_hours=self.scenario_hours(year),
        )


def market_quantity(offer: OfferBase) -> float | None:
    """The largest whole quantity the market buys, or None without a limit. [buyers]

    Notes
    -----
    The offer's market limit (:attr:`models.schema.OfferBase.market_limit`: the smaller of
    ``max_sales_per_year`` and leads × conversion / (1 − returning share)) is in buyers a
    year. For licensing the buyers are new licensees, a fixed share of the active ones, so
    the limit on active licensees is the market limit / that share. Rounded down to a whole
    quantity: 100 leads at 15% with a fifth returning is 18.75 clients a year, so 18.
    """
    limit = offer.market_limit
    if limit is None:
        return None
    if isinstance(offer, Licensing):
        share_new = offer.new_licensees_per_year / offer.licensees if offer.licensees else 0.0
        limit = limit / share_new if share_new else math.inf
    # A limit past the largest quantity the schema allows does not bind.
    return float(math.floor(limit + 1e-9)) if limit < MAX_COUNT else None


def search_limit(plan: float) -> float:
    """The largest quantity looked at: 100 times the plan, at least 1,000, at most a million."""
    return float(min(MAX_COUNT, max(1000.0, 100.0 * math.ceil(plan))))


def _largest_within(within: Callable[[float], bool], upper: float) -> float | None:
    """The largest whole quantity up to ``upper`` for which ``within`` holds; None if it
    holds for all of them.

    Hours (all of them, and own delivery) never fall as quantity grows, so a bisection
    finds it.
    """
    if within(upper):
        return None
    if not within(0.0):
        return 0.0
    low, high = 0.0, upper  # within(low); not within(high)
    while high - low > 1:
        middle = float(math.floor((low + high) / 2))
        if within(middle):
            low = middle
        else:
            high = middle
    return low


def _ceiling(lever: _Lever, plan: float) -> tuple[Bound, float]:
    """What binds the lever and its ceiling's quantity.

    The smallest of the time limit, the energy limit and the market's quantity binds; at a
    tie the hours name it (time before energy before market): they are what a coach
    changes first.
    """
    market = market_quantity(lever.offer)
    upper = search_limit(plan) if market is None else min(market, search_limit(plan))
    time = _largest_within(lever.within_time, upper)
    energy = _largest_within(lever.within_energy, upper)
    time_bound: Bound = "time"
    energy_bound: Bound = "energy"
    limits = [
        (limit, bound)
        for limit, bound in ((time, time_bound), (energy, energy_bound))
        if limit is not None
    ]
    if limits:
        quantity, bound = min(limits, key=lambda found: found[0])
        return bound, quantity
    if market is not None and market <= search_limit(plan):
        return "market", market
    return "none", upper


def curve_quantities(end: float, exact: tuple[float, ...] = ()) -> tuple[float, ...]:
    """The quantities a curve is drawn at: 0 to ``end`` in whole steps, plus ``exact``.

    At most :data:`MAX_POINTS` sampled quantities (a step of ⌈end / 59⌉, and ``end``
    itself), merged with the ``exact`` ones (the plan's and the ceiling's quantity),
    sorted, without duplicates: so what the page marks is a point of the line.
    """
    step = max(1.0, float(math.ceil(end / (MAX_POINTS - 1))))
    quantities = {step * index for index in range(int(end // step) + 1)} | {end}
    return tuple(sorted(quantities | {float(quantity) for quantity in exact}))


def offer_years(scenario: Scenario) -> dict[str, OfferYear]:
    """Every enabled offer's year as planned, by name: what each lever holds fixed."""
    return {offer.name: offer_year(offer) for offer in scenario.enabled_offers}


def scale_offer(
    scenario: Scenario, name: str, years: Mapping[str, OfferYear] | None = None
) -> OfferScale:
    """The lever of the enabled offer called ``name``.

    ``years`` are the enabled offers' years (:func:`offer_years`) when the caller has them
    already (one evaluation for every offer); without them they are evaluated here.
    """
    offer = next(o for o in scenario.enabled_offers if o.name == name)
    years = offer_years(scenario) if years is None else years
    lever = _Lever(
        offer=offer,
        practitioner=scenario.practitioner,
        others=year_tally(
            scenario.practitioner, (year for other, year in years.items() if other != name)
        ),
    )
    plan = plan_quantity(offer)
    bound, ceiling_quantity = _ceiling(lever, plan)
    at_ceiling = lever.point(ceiling_quantity)
    now, next_one = lever.at(plan), lever.at(plan + 1)
    extra_hours = next_one.total_hours - now.total_hours
    extra_contribution = next_one.contribution - now.contribution
    curve_end = (
        max(ceiling_quantity, math.ceil(plan)) * 1.25 + 2 if bound != "none" else ceiling_quantity
    )
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


def scale(scenario: Scenario) -> ScaleResult:
    """The lever of every enabled offer, in the scenario's order.

    Each offer's year is evaluated once (:func:`offer_years`), not once per lever.
    """
    years = offer_years(scenario)
    return ScaleResult(
        offers=tuple(scale_offer(scenario, o.name, years) for o in scenario.enabled_offers)
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
