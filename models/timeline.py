"""The first three years month by month (DESIGN.md §3 item 3).

Every figure comes from :func:`models.evaluation.evaluate_offer`, placed in
time by each offer's ``schedule``:

- **Continuous offers** (1:1 clients, contracts, online programs, licensing)
  run from ``start_month`` at a twelfth of their year each month. During
  ``ramp_months`` buyers rise in equal steps: with a ramp of 3 the first three
  months run at 1/4, 2/4 and 3/4 of the full rate.
- **Groups, cohorts and retreats** start in ``start_months`` of every year
  (default: spread evenly), each holding an equal share of the year's groups.
  A group's business development happens in the month before it starts (in
  month 1 for a group starting in month 1); its admin, its participants' costs
  and, for group programs and retreats, its revenue come at its start; its
  sessions, and a mastermind's monthly fees, are spread over the months it runs
  (a group program's ``duration_months``, default its sessions at one a week;
  a mastermind's ``months``; a retreat's one month).
- **Creation hours** are spent evenly over ``creation_months`` just before
  ``start_month``; a start too early for that is moved later, with a note.
  Once running, upkeep is a twelfth of the year's upkeep each month.
- Licensing's legal costs are a twelfth a month from the start, not ramped.
- Fixed admin and fixed costs are a twelfth of the year every month; capacity
  is hours a week × weeks a year ÷ 12.

Once every offer has started and ramped, a year of months adds up to the annual
model's revenue, direct costs and hours of every category but creation.
Hours in [h/month], money in [currency/month].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from models.evaluation import evaluate, evaluate_offer, fixed_admin_hours
from models.results import HOUR_CATEGORIES, HourBreakdown, OfferResult
from models.schema import (
    MONTHS_PLANNED,
    GroupProgram,
    Licensing,
    Mastermind,
    OfferBase,
    OnlineProgram,
    Retreat,
    Scenario,
    Schedule,
)

MONTHS = MONTHS_PLANNED
_CATEGORY = {category: index for index, category in enumerate(HOUR_CATEGORIES)}
_WEEKS_A_MONTH = 52 / 12


@dataclass(frozen=True)
class Month:
    """One month of the plan (the JSON of ``leverage timeline``)."""

    month: int
    hours: HourBreakdown
    capacity_hours: float
    utilization: float
    revenue: float
    direct_costs: float
    fixed_costs: float
    net_income: float
    cumulative_net_income: float


@dataclass(frozen=True)
class Timeline:
    """Months 1-36, the peak and over-capacity months, break-even and payback.

    Attributes
    ----------
    peak_month : int
        The month with the most hours.
    over_capacity_months : tuple[int, ...]
        Months whose hours exceed that month's capacity.
    break_even_month : int | None
        The month from which cumulative net income stays at or above 0; None if
        it ends month 36 below 0.
    payback : dict[str, int | None]
        Offer with creation hours → the month its cumulative contribution first
        covers its creation hours valued at the practitioner's hourly value.
    """

    months: tuple[Month, ...]
    peak_month: int
    over_capacity_months: tuple[int, ...]
    break_even_month: int | None
    payback: dict[str, int | None]


@dataclass(frozen=True)
class OfferMonths:
    """One offer placed in time: its monthly hours, revenue and costs, and its phases.

    Arrays have one entry per month (index 0 is month 1); ``hours`` has a row per category.
    """

    name: str
    hours: NDArray[np.float64]
    revenue: NDArray[np.float64]
    direct_costs: NDArray[np.float64]
    start_month: int
    phases: tuple[tuple[str, int, int], ...]
    notes: tuple[str, ...]

    @property
    def total_hours(self) -> NDArray[np.float64]:
        """Hours a month, every category. [h/month]"""
        return self.hours.sum(axis=0)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class TimelineReport:
    """The timeline with each offer's months, for charts and for naming what collides."""

    timeline: Timeline
    offers: tuple[OfferMonths, ...]
    capacity_hours: float


def _zeros() -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    return np.zeros((len(HOUR_CATEGORIES), MONTHS)), np.zeros(MONTHS), np.zeros(MONTHS)


def ramp_factor(month: int, start: int, ramp_months: int) -> float:
    """Share of the full rate in ``month``: 0 before the start, k/(ramp+1) in the k-th ramp month.

    Notes
    -----
    A ramp of 3 from month 4: months 4, 5, 6 at 1/4, 2/4, 3/4; month 7 on at 1.
    """
    if month < start:
        return 0.0
    return min(1.0, (month - start + 1) / (ramp_months + 1))


def _creation_hours(offer: OfferBase) -> float:
    return offer.creation_hours if isinstance(offer, OnlineProgram | Licensing) else 0.0


def _upkeep_hours(offer: OfferBase) -> float:
    return offer.upkeep_hours_per_year if isinstance(offer, OnlineProgram | Licensing) else 0.0


def _hours_vector(result: OfferResult) -> NDArray[np.float64]:
    return np.array([getattr(result.hours, category) for category in HOUR_CATEGORIES])


def _group_count_field(offer: GroupProgram | Mastermind | Retreat) -> str:
    return {GroupProgram: "groups", Mastermind: "cohorts", Retreat: "retreats"}[type(offer)]


def _duration(offer: GroupProgram | Mastermind | Retreat, schedule: Schedule) -> int:
    """Months one group, cohort or retreat runs."""
    if isinstance(offer, Mastermind):
        return offer.months
    if isinstance(offer, Retreat):
        return 1
    if schedule.duration_months is not None:
        return schedule.duration_months
    return max(1, math.ceil(offer.sessions_per_group / _WEEKS_A_MONTH - 1e-9))


def default_start_months(groups_per_year: float) -> list[int]:
    """Months of the year groups start when the schedule names none: spread evenly.

    Notes
    -----
    3 groups a year start in months 1, 5 and 9; 2.5 groups are three starts of 5/6 of a group.
    More than 12 groups start every month, sharing the year's groups equally.
    """
    starts = min(12, max(1, math.ceil(groups_per_year - 1e-9)))
    return [1 + (12 * index) // starts for index in range(starts)]


def _spread(array: NDArray[np.float64], first: int, months: int, amount: float) -> None:
    """Add ``amount`` evenly over ``months`` months from month ``first``, cut at month 36."""
    if months > 0:
        array[max(first, 1) - 1 : min(first + months - 1, MONTHS)] += amount / months


def _group_months(
    offer: GroupProgram | Mastermind | Retreat, schedule: Schedule, start: int
) -> OfferMonths:
    hours, revenue, costs = _zeros()
    count = getattr(offer, _group_count_field(offer))
    months_of_year = schedule.start_months or default_start_months(count)
    share = count / len(months_of_year) if count else 0.0
    one = evaluate_offer(offer.model_copy(update={_group_count_field(offer): share}))
    per_buyer_costs = one.buyers * offer.cost_per_sale
    session_costs = one.direct_costs - per_buyer_costs
    duration = _duration(offer, schedule)
    for year in range(4):  # year 4 only for the business development of its first groups
        for month_of_year in months_of_year:
            begins = 12 * year + month_of_year
            factor = ramp_factor(begins, start, schedule.ramp_months)
            if factor == 0 or begins - 1 > MONTHS:
                continue
            selling_month = max(begins - 1, 1)
            hours[_CATEGORY["business_development"], selling_month - 1] += (
                factor * one.hours.business_development
            )
            if begins > MONTHS:
                continue
            hours[_CATEGORY["admin"], begins - 1] += factor * one.hours.admin
            costs[begins - 1] += factor * per_buyer_costs
            for category in ("delivery", "prep", "travel"):
                _spread(
                    hours[_CATEGORY[category]],
                    begins,
                    duration,
                    factor * getattr(one.hours, category),
                )
            _spread(costs, begins, duration, factor * session_costs)
            if isinstance(offer, Mastermind):
                _spread(revenue, begins, duration, factor * one.revenue)
            else:
                revenue[begins - 1] += factor * one.revenue
    phases = _phases(start, schedule.ramp_months, 0)
    return OfferMonths(offer.name, hours, revenue, costs, start, phases, ())


def _phases(start: int, ramp: int, creation: int) -> tuple[tuple[str, int, int], ...]:
    """(phase, first month, last month) of creating, ramping up and running, within 1-36."""
    phases = []
    if creation:
        phases.append(("creating", start - creation, start - 1))
    if ramp and start <= MONTHS:
        phases.append(("ramping up", start, min(start + ramp - 1, MONTHS)))
    if start + ramp <= MONTHS:
        phases.append(("running", start + ramp, MONTHS))
    return tuple(phase for phase in phases if phase[1] <= phase[2])


def offer_months(offer: OfferBase) -> OfferMonths:
    """One enabled offer's 36 months."""
    schedule = offer.schedule or Schedule()
    start = schedule.start_month
    creation_hours = _creation_hours(offer)
    notes: list[str] = []
    creation_months = schedule.creation_months if creation_hours > 0 else 0
    if creation_months and start - creation_months < 1:
        notes.append(
            f'"{offer.name}": {creation_months} months of creation do not fit before month '
            f"{start}, so it starts in month {creation_months + 1}."
        )
        start = creation_months + 1
    if isinstance(offer, GroupProgram | Mastermind | Retreat):
        return _group_months(offer, schedule, start)
    hours, revenue, costs = _zeros()
    year = evaluate_offer(offer)
    fixed_costs = offer.legal_costs_per_year if isinstance(offer, Licensing) else 0.0
    running = _hours_vector(year)
    running[_CATEGORY["creation"]] = 0.0
    for month in range(start, MONTHS + 1):
        factor = ramp_factor(month, start, schedule.ramp_months)
        hours[:, month - 1] += factor * running / 12
        hours[_CATEGORY["creation"], month - 1] += _upkeep_hours(offer) / 12
        revenue[month - 1] += factor * year.revenue / 12
        costs[month - 1] += factor * (year.direct_costs - fixed_costs) / 12 + fixed_costs / 12
    _spread(hours[_CATEGORY["creation"]], start - creation_months, creation_months, creation_hours)
    phases = _phases(start, schedule.ramp_months, creation_months)
    return OfferMonths(offer.name, hours, revenue, costs, start, phases, tuple(notes))


def _first_month(condition: NDArray[np.bool_]) -> int | None:
    hits = np.flatnonzero(condition)
    return int(hits[0]) + 1 if hits.size else None


def _payback(scenario: Scenario, offer: OfferBase, placed: OfferMonths) -> int | None:
    value = scenario.practitioner.hourly_value
    if value is None:
        others = [o for o in scenario.offers if o.name != placed.name]
        value = evaluate(
            scenario.model_copy(update={"offers": others})
        ).totals.effective_hourly_rate
    cost = _creation_hours(offer) * max(value or 0.0, 0.0)
    return _first_month(np.cumsum(placed.revenue - placed.direct_costs) >= cost - 1e-9)


def build_timeline(scenario: Scenario) -> TimelineReport:
    """Every enabled offer placed in months 1-36, and the plan's months."""
    practitioner = scenario.practitioner
    placed = tuple(offer_months(offer) for offer in scenario.enabled_offers)
    hours = sum((item.hours for item in placed), np.zeros((len(HOUR_CATEGORIES), MONTHS)))
    hours[_CATEGORY["admin"]] += fixed_admin_hours(practitioner) / 12
    revenue = sum((item.revenue for item in placed), np.zeros(MONTHS))
    costs = sum((item.direct_costs for item in placed), np.zeros(MONTHS))
    fixed = practitioner.fixed_costs_per_year / 12
    net = revenue - costs - fixed
    cumulative = np.cumsum(net)
    capacity = practitioner.hours_per_week * practitioner.weeks_per_year / 12
    totals = hours.sum(axis=0)
    months = tuple(
        Month(
            month=index + 1,
            hours=HourBreakdown(*(float(value) for value in hours[:, index])),
            capacity_hours=capacity,
            utilization=float(totals[index] / capacity),
            revenue=float(revenue[index]),
            direct_costs=float(costs[index]),
            fixed_costs=fixed,
            net_income=float(net[index]),
            cumulative_net_income=float(cumulative[index]),
        )
        for index in range(MONTHS)
    )
    negative = np.flatnonzero(cumulative < -1e-9)
    if not negative.size:
        break_even: int | None = 1
    elif negative[-1] + 1 < MONTHS:
        break_even = int(negative[-1]) + 2
    else:
        break_even = None
    timeline = Timeline(
        months=months,
        peak_month=int(np.argmax(totals)) + 1,
        over_capacity_months=tuple(
            int(m) + 1 for m in np.flatnonzero(totals > capacity * (1 + 1e-9))
        ),
        break_even_month=break_even,
        payback={
            item.name: _payback(scenario, offer, item)
            for item, offer in zip(placed, scenario.enabled_offers, strict=True)
            if _creation_hours(offer) > 0
        },
    )
    return TimelineReport(timeline, placed, capacity)


def timeline(scenario: Scenario) -> Timeline:
    """Months 1-36 of the scenario (see the module docstring for how offers are placed)."""
    return build_timeline(scenario).timeline


def what_collides(report: TimelineReport, month: int, most: int = 3) -> str:
    """A month in words: ``Month 3: "Retreat" 87 h, "Circle" 60 h: 212 h against 153 h``."""
    index = month - 1
    busiest = sorted(report.offers, key=lambda item: -item.total_hours[index])
    named = [
        f'"{item.name}" {item.total_hours[index]:,.0f} h'
        for item in busiest[:most]
        if item.total_hours[index] > 0
    ]
    total = report.timeline.months[index].hours.total
    return (
        f"Month {month}: {', '.join(named) or 'fixed admin only'}: "
        f"{total:,.0f} h against {report.capacity_hours:,.0f} h"
    )


def milestones(plan: Timeline) -> tuple[str, ...]:
    """The timeline's landmarks in words: the peak month, break-even, and when each offer's
    creation time is paid back."""
    lines = [f"Peak month: {plan.peak_month}"]
    lines.append(
        f"Break-even: month {plan.break_even_month}"
        if plan.break_even_month is not None
        else "Break-even: not within 36 months"
    )
    for name, month in plan.payback.items():
        paid = f"month {month}" if month is not None else "not within 36 months"
        lines.append(f'Creation time of "{name}" paid back: {paid}')
    return tuple(lines)


def notes(report: TimelineReport) -> tuple[str, ...]:
    """Schedule notes (a start moved for creation time) and every over-capacity month in words."""
    moved = tuple(note for item in report.offers for note in item.notes)
    crowded = tuple(what_collides(report, month) for month in report.timeline.over_capacity_months)
    return moved + crowded
