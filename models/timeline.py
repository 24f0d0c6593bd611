"""The first three years month by month (docs/model.md, the timeline).

Every figure comes from :func:`models.evaluation.evaluate_offer`, placed in
time by each offer's ``schedule``:

- **Continuous offers** (1:1 clients, contracts, online programs without
  launches) run from ``start_month`` at a twelfth of their year each month.
  During ``ramp_months`` buyers rise in equal steps: with a ramp of 3 the first
  three months run at 1/4, 2/4 and 3/4 of the full rate.
- **Online programs with launches** (``launches_per_year`` of 1 or more) sell
  in their launch months (``launch_months``, default spread evenly through the
  year from ``start_month``, the first launch in ``start_month``): each launch
  has an equal share of the year's sales, launch business development, admin,
  revenue and direct costs (which all follow sales). Student support runs every
  month as for a continuous offer.
- **Licensing accumulates.** From ``start_month`` licensees are signed at
  ``new_licensees_per_year`` / 12 a month; the active
  licensees start at ``licensees_at_start`` (default 0) and grow by each
  month's signings, those signed in a month counting in it, until the planned
  ``licensees`` are active (signing then goes on, replacing those who leave, as
  in the annual model). Upfront fees, onboarding, business development, admin
  and per-sale costs follow the signings; royalties and support follow the
  active licensees. Legal costs are a twelfth a month from the start. The
  build-up is the offer's ramp: ``ramp_months`` is left out, with a note.
- **Groups, cohorts and retreats** start in ``start_months`` of every year
  (default: spread evenly from ``start_month``, the first group in it), each
  holding an equal share of the year's groups. Months of the year that do not
  hold a chosen ``start_month`` start at the first group after it, with a note.
  A group's business development happens in the month before it starts (in
  month 1 for a group starting in month 1); its admin, its participants' costs
  and, for group programs and retreats, its revenue come at its start; its
  sessions, and a mastermind's monthly fees, are spread over the months it runs
  (a group program's ``duration_months``, default its sessions at one a week;
  a mastermind's ``months``; a retreat's one month).
- **Renewals need someone to renew.** In an offer's first cycle every buyer is
  new, so ``returning_share`` does not lower business development: the first
  12 months from ``start_month`` of a continuous or launched offer, and every
  group, cohort or retreat that starts before the first one has ended.
- **Creation hours** are spent evenly over ``creation_months`` just before
  ``start_month``; a start too early for that is moved later, with a note. A
  start is never moved without a note.
  Once running, upkeep is a twelfth of the year's upkeep each month.
- **Payback**: an offer's creation hours are paid back in the first month from
  which its cumulative contribution (revenue − direct costs) stays positive and
  covers their value; the value of an hour is the practitioner's
  ``hourly_value``, else the plan's effective hourly rate without the offer,
  else (when that is undefined or not positive) the whole plan's, else 0.
- Fixed admin and fixed costs are a twelfth of the year every month; capacity
  is hours a week × weeks a year ÷ 12.
- **The team and demand follow what they serve.** Associates' hours and their
  costs follow the sessions they lead (spread with delivery); marketing costs,
  new buyers and the leads they take come in the months the sales come (a
  group's at its start). In an offer's first cycle every buyer is new, so it
  needs more leads than a year with someone to renew.
- **The assistant** works a twelfth of their year each month and takes that
  much off the month's admin, never below 0 (a month with little admin leaves
  some of their hours unused); their pay is a twelfth of it every month, in
  the fixed costs.
- **The delivery cap** is max delivery hours a week × weeks a year ÷ 12 a
  month; the months whose own delivery passes it are named.
- **Tax is per year**: each of years 1-3 pays max(0, its net income) × the tax
  rate, and its take-home is what is left.

Once every offer has started, ramped, run a first cycle and (licensing)
reached its planned licensees, a year of months adds up to the annual model's
revenue, direct costs, associates' hours, tax and take-home, and hours of every
category but creation (admin too with an assistant, when every month's admin is
above what they take or every month's is below it). Hours in [h/month], money in
[currency/month].
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from models import formulas
from models.evaluation import (
    OfferYear,
    assistant_hours,
    capacity_hours,
    delivery_capacity_hours,
    evaluate_offer,
    fixed_admin_hours,
    offer_year,
    year_sums,
)
from models.formulas import ratio
from models.results import HOUR_CATEGORIES, HourBreakdown, OfferResult
from models.schema import (
    MONTHS_PLANNED,
    Creation,
    GroupProgram,
    Licensing,
    Mastermind,
    OfferBase,
    OnlineProgram,
    RenewableOffer,
    Retreat,
    Scenario,
    Schedule,
)

MONTHS = MONTHS_PLANNED
_CATEGORY = {category: index for index, category in enumerate(HOUR_CATEGORIES)}
_WEEKS_A_MONTH = 52 / 12
#: What each offer brings a month besides its hours and money, one row each: associates' hours
#: [h] and costs [currency] (in direct costs), marketing costs [currency] (in direct costs), new
#: buyers [buyers] and the leads they take [leads] (offers with a conversion rate only).
FLOWS: tuple[str, ...] = (
    "associate_hours",
    "associate_costs",
    "marketing_costs",
    "new_buyers",
    "leads_needed",
)
_FLOW = {flow: index for index, flow in enumerate(FLOWS)}
#: The flows that follow the sessions (delivery), and those that follow the sales.
_TEAM_FLOWS = ("associate_hours", "associate_costs")
_SALES_FLOWS = ("marketing_costs", "new_buyers", "leads_needed")
#: Months of an offer's first cycle for buyers who buy by the year (continuous and launched offers).
FIRST_CYCLE_MONTHS = 12

#: Where the value of an hour used by payback came from: the practitioner's ``hourly_value``,
#: the plan's effective hourly rate without the offer, the whole plan's, or nothing (0).
HourlyValueSource = Literal["hourly_value", "other_offers", "whole_plan", "none"]


@dataclass(frozen=True)
class Month:
    """One month of the plan (the JSON of ``leverage timeline``).

    ``hours`` are your own (admin after the assistant); ``direct_costs`` include the associates'
    and marketing costs; ``fixed_costs`` the assistant's pay. ``delivery_capacity_hours`` is the
    most client-facing hours of the month (None without a limit); ``assistant_hours`` the hours
    they work and ``admin_taken_by_assistant`` the admin they take off you (at most the month's
    admin). Hours in [h/month], money in [currency/month], buyers and leads a month.
    """

    month: int
    hours: HourBreakdown
    capacity_hours: float
    utilization: float
    revenue: float
    direct_costs: float
    fixed_costs: float
    net_income: float
    cumulative_net_income: float
    delivery_capacity_hours: float | None = None
    associate_hours: float = 0.0
    associate_costs: float = 0.0
    marketing_costs: float = 0.0
    new_buyers: float = 0.0
    leads_needed: float = 0.0
    assistant_hours: float = 0.0
    admin_taken_by_assistant: float = 0.0


@dataclass(frozen=True)
class TimelineYear:
    """One of years 1-3 of the timeline, its months summed, with its tax (the JSON's ``years``).

    Attributes
    ----------
    year : int
        1, 2 or 3 (months 1-12, 13-24, 25-36).
    revenue, direct_costs, fixed_costs, net_income : float
        The year's months added up. [currency/year]
    tax, take_home : float
        tax = max(0, the year's net income) × tax rate; take-home = net income − tax.
        [currency/year]
    associate_hours, associate_costs, marketing_costs : float
        [h/year], [currency/year], [currency/year]
    new_buyers, leads_needed : float
        [buyers/year], [leads/year]
    """

    year: int
    revenue: float
    direct_costs: float
    fixed_costs: float
    net_income: float
    tax: float
    take_home: float
    associate_hours: float
    associate_costs: float
    marketing_costs: float
    new_buyers: float
    leads_needed: float


@dataclass(frozen=True)
class HourlyValue:
    """The value of one creation hour that payback used. [currency/h]"""

    value: float
    source: HourlyValueSource


@dataclass(frozen=True)
class AppliedSchedule:
    """An offer's schedule as the timeline applied it: defaults filled in, a start moved for
    creation. Fields that do not apply to the offer's kind are None.

    Attributes
    ----------
    start_month, ramp_months, creation_months : int
        First month it sells, months of ramp-up, months of creation before it (0 without
        creation hours). [month]
    start_months : tuple[int, ...] | None
        Groups, cohorts and retreats: months of the year they start. [month 1-12]
    duration_months : int | None
        Groups, cohorts and retreats: months one runs. [months]
    launch_months : tuple[int, ...] | None
        Online programs with launches: months of the year they launch. [month 1-12]
    licensees_at_start : float | None
        Licensing: active licensees in the first month before any signing. [licensees]
    """

    start_month: int
    ramp_months: int
    creation_months: int
    start_months: tuple[int, ...] | None = None
    duration_months: int | None = None
    launch_months: tuple[int, ...] | None = None
    licensees_at_start: float | None = None


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
        Offer with creation hours → the first month from which its cumulative contribution stays
        positive and covers its creation hours valued at ``payback_hourly_value``.
    payback_hourly_value : dict[str, HourlyValue]
        Offer with creation hours → the value of an hour payback used and where it came from.
    schedules : dict[str, AppliedSchedule]
        Enabled offer → its schedule as applied.
    over_delivery_cap_months : tuple[int, ...]
        Months whose own delivery hours exceed that month's delivery capacity (none without a
        limit).
    years : tuple[TimelineYear, ...]
        Years 1-3, each with its tax and take-home.
    """

    months: tuple[Month, ...]
    peak_month: int
    over_capacity_months: tuple[int, ...]
    break_even_month: int | None
    payback: dict[str, int | None]
    payback_hourly_value: dict[str, HourlyValue]
    schedules: dict[str, AppliedSchedule]
    over_delivery_cap_months: tuple[int, ...] = ()
    years: tuple[TimelineYear, ...] = ()


@dataclass(frozen=True)
class OfferMonths:
    """One offer placed in time: its monthly hours, revenue and costs, and its phases.

    Arrays have one entry per month (index 0 is month 1); ``hours`` has a row per category,
    ``flows`` a row per :data:`FLOWS` (associates' hours and costs, marketing costs, new buyers,
    leads needed).
    """

    name: str
    hours: NDArray[np.float64]
    revenue: NDArray[np.float64]
    direct_costs: NDArray[np.float64]
    start_month: int
    phases: tuple[tuple[str, int, int], ...]
    notes: tuple[str, ...]
    schedule: AppliedSchedule
    flows: NDArray[np.float64] = field(default_factory=lambda: np.zeros((len(FLOWS), MONTHS)))

    def flow(self, name: str) -> NDArray[np.float64]:
        """One of :data:`FLOWS` each month, e.g. ``flow("associate_hours")``. [per month]"""
        row: NDArray[np.float64] = self.flows[_FLOW[name]]
        return row

    @property
    def total_hours(self) -> NDArray[np.float64]:
        """Hours a month, every category. [h/month]"""
        return self.hours.sum(axis=0)  # type: ignore[no-any-return]

    @property
    def contribution(self) -> NDArray[np.float64]:
        """Revenue − direct costs each month. [currency/month]"""
        return self.revenue - self.direct_costs


@dataclass(frozen=True)
class TimelineReport:
    """The timeline with each offer's months, for charts and for naming what collides."""

    timeline: Timeline
    offers: tuple[OfferMonths, ...]
    capacity_hours: float


@dataclass
class _Placed:
    """The arrays an offer is placed into, filled by the placing functions."""

    hours: NDArray[np.float64]
    revenue: NDArray[np.float64]
    costs: NDArray[np.float64]
    flows: NDArray[np.float64]

    @classmethod
    def empty(cls) -> _Placed:
        return cls(
            np.zeros((len(HOUR_CATEGORIES), MONTHS)),
            np.zeros(MONTHS),
            np.zeros(MONTHS),
            np.zeros((len(FLOWS), MONTHS)),
        )

    def add(
        self,
        factors: NDArray[np.float64],
        year: OfferResult,
        categories: tuple[str, ...] = HOUR_CATEGORIES,
        *,
        money: bool = True,
    ) -> None:
        """Add ``factors`` (one a month) × ``year``: the hours of ``categories`` (creation never:
        it is placed on its own), with delivery the associates' hours and costs, and, with
        ``money``, revenue, direct costs, marketing costs, new buyers and leads."""
        vector = _hours_vector(year)
        chosen = np.isin(np.array(HOUR_CATEGORIES), categories)
        self.hours += np.outer(np.where(chosen, vector, 0.0), factors)
        if "delivery" in categories:
            self.add_flows(factors, year, _TEAM_FLOWS)
        if money:
            self.revenue += factors * year.revenue
            self.costs += factors * year.direct_costs
            self.add_flows(factors, year, _SALES_FLOWS)

    def add_flows(
        self, factors: NDArray[np.float64], year: OfferResult, flows: tuple[str, ...]
    ) -> None:
        """Add ``factors`` × the year's ``flows`` (leads needed 0 without a conversion rate)."""
        for name in flows:
            self.flows[_FLOW[name]] += factors * (getattr(year, name) or 0.0)


def ramp_factors(start: int, ramp_months: int) -> NDArray[np.float64]:
    """:func:`ramp_factor` of months 1-36. [0-1]"""
    return np.array([ramp_factor(month, start, ramp_months) for month in range(1, MONTHS + 1)])


def _first_cycle(start: int) -> NDArray[np.bool_]:
    """Months 1-36 within the first 12 months from ``start``: no one yet to renew."""
    return np.arange(1, MONTHS + 1) < start + FIRST_CYCLE_MONTHS


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
    return offer.creation_hours if isinstance(offer, Creation) else 0.0


def _upkeep_hours(offer: OfferBase) -> float:
    return offer.upkeep_hours_per_year if isinstance(offer, Creation) else 0.0


def _hours_vector(result: OfferResult) -> NDArray[np.float64]:
    """The result's hours by category, creation left out (it is placed on its own). [h]"""
    vector = np.array([getattr(result.hours, category) for category in HOUR_CATEGORIES])
    vector[_CATEGORY["creation"]] = 0.0
    return vector


def _evaluate(offer: OfferBase, **update: float) -> OfferResult:
    """The offer's year with some fields changed (no validation: a part of the offer's year)."""
    return evaluate_offer(offer.model_copy(update=update))


def _all_new(offer: OfferBase, **update: float) -> OfferResult:
    """The offer's year when every buyer is new: its first cycle, with no one yet to renew."""
    if isinstance(offer, RenewableOffer):
        update["returning_share"] = 0.0
    return _evaluate(offer, **update)


def _duration(offer: GroupProgram | Mastermind | Retreat, schedule: Schedule) -> int:
    """Months one group, cohort or retreat runs."""
    if isinstance(offer, Mastermind):
        return offer.months
    if isinstance(offer, Retreat):
        return 1
    if schedule.duration_months is not None:
        return schedule.duration_months
    return max(1, math.ceil(offer.sessions_per_group / _WEEKS_A_MONTH - 1e-9))


def default_start_months(groups_per_year: float, start_month: int = 1) -> list[int]:
    """Months of the year groups start when the schedule names none: spread evenly through the
    year, the first in the month of ``start_month``, so an offer is never later than its first
    month. [month 1-12]

    Notes
    -----
    3 groups a year from month 1 start in months 1, 5 and 9; from month 4 in months 4, 8 and
    12 (the first cohort in month 4, not at the next of 1, 5, 9). 2.5 groups are three starts
    of 5/6 of a group. More than 12 groups start every month, sharing the year's groups equally.
    """
    starts = min(12, max(1, math.ceil(groups_per_year - 1e-9)))
    offset = (start_month - 1) % 12
    return sorted((offset + (12 * index) // starts) % 12 + 1 for index in range(starts))


def default_launch_months(launches_per_year: float, start_month: int) -> list[int]:
    """Months of the year an online program launches when the schedule names none: spread
    evenly through the year, the first in the month of ``start_month``.

    Notes
    -----
    2 launches from month 7: months 7 and 1 (of each year), so launches in months 7, 13, 19 …
    """
    return default_start_months(launches_per_year, start_month)


def _months_in_words(months: list[int]) -> str:
    """``[1, 5, 9]`` → "months 1, 5 and 9"; ``[10]`` → "month 10"."""
    if len(months) == 1:
        return f"month {months[0]}"
    return f"months {', '.join(map(str, months[:-1]))} and {months[-1]}"


def _spread(array: NDArray[np.float64], first: int, months: int, amount: float) -> None:
    """Add ``amount`` evenly over ``months`` months from month ``first``, cut at month 36."""
    if months > 0:
        array[max(first, 1) - 1 : min(first + months - 1, MONTHS)] += amount / months


def _yearly_starts(months_of_year: list[int], last: int = MONTHS) -> list[int]:
    """Every month 1..``last`` that falls in one of ``months_of_year``."""
    return [
        12 * year + month
        for year in range(4)
        for month in months_of_year
        if 12 * year + month <= last
    ]


def _group_months(
    offer: GroupProgram | Mastermind | Retreat,
    schedule: Schedule,
    start: int,
    notes: tuple[str, ...] = (),
) -> OfferMonths:
    """Each start of the year's groups, cohorts or retreats placed from ``start`` on; the runs
    that start before the first has ended have no one to renew.

    Without ``start_months`` the first group starts in ``start``. With months of the year
    that do not hold a chosen first month, the first group is the next one after it, and a
    note says so (the ramp still counts from ``start``); with no group in months 1-36 too."""
    placed = _Placed.empty()
    count = getattr(offer, offer.count_field)
    months_of_year = schedule.start_months or default_start_months(count, start)
    share = count / len(months_of_year) if count else 0.0
    one = _evaluate(offer, **{offer.count_field: share})
    first_run = _all_new(offer, **{offer.count_field: share})
    per_buyer_costs = one.buyers * offer.cost_per_sale
    # the sessions' costs (travel, venue, associates) run with the group; the sales' at its start
    session_costs = one.direct_costs - per_buyer_costs - one.marketing_costs
    duration = _duration(offer, schedule)
    begins_all = [
        begins for begins in _yearly_starts(months_of_year, MONTHS + 1) if begins >= start
    ]
    said = list(notes)
    # a first month left at its default with months of the year chosen is no start to move
    chosen_start = "start_month" in schedule.model_fields_set or start != schedule.start_month
    if not [begins for begins in begins_all if begins <= MONTHS]:
        said.append(
            f"“{offer.name}” has no {offer.groups_word} in months 1-36: they start in "
            f"{_months_in_words(months_of_year)} of the year, after its first month {start}."
        )
    elif begins_all[0] > start and chosen_start:
        said.append(
            f"“{offer.name}” starts in month {begins_all[0]}, not {start}: its "
            f"{offer.groups_word} start in {_months_in_words(months_of_year)} of the year."
        )
    first_ends = begins_all[0] + duration - 1 if begins_all else MONTHS
    bd, admin = _CATEGORY["business_development"], _CATEGORY["admin"]
    for begins in begins_all:  # month 37 only for the business development of its groups
        factor = ramp_factor(begins, start, schedule.ramp_months)
        selling = one if begins > first_ends else first_run  # someone to renew once one has ended
        placed.hours[bd, max(begins - 1, 1) - 1] += factor * selling.hours.business_development
        if begins > MONTHS:
            continue
        placed.hours[admin, begins - 1] += factor * one.hours.admin
        placed.costs[begins - 1] += factor * (per_buyer_costs + selling.marketing_costs)
        at_start = np.zeros(MONTHS)
        at_start[begins - 1] = factor
        placed.add_flows(at_start, selling, _SALES_FLOWS)
        for category in ("delivery", "prep", "travel", "oversight"):  # oversight with the sessions
            _spread(
                placed.hours[_CATEGORY[category]],
                begins,
                duration,
                factor * getattr(one.hours, category),
            )
        for name in _TEAM_FLOWS:
            _spread(placed.flows[_FLOW[name]], begins, duration, factor * getattr(one, name))
        _spread(placed.costs, begins, duration, factor * session_costs)
        if isinstance(offer, Mastermind):
            _spread(placed.revenue, begins, duration, factor * one.revenue)
        else:
            placed.revenue[begins - 1] += factor * one.revenue
    applied = AppliedSchedule(
        start, schedule.ramp_months, 0, tuple(months_of_year), duration_months=duration
    )
    phases = _phases(start, schedule.ramp_months, 0)
    return OfferMonths(
        offer.name,
        placed.hours,
        placed.revenue,
        placed.costs,
        start,
        phases,
        tuple(said),
        applied,
        placed.flows,
    )


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


def _continuous(offer: OfferBase, schedule: Schedule, start: int, placed: _Placed) -> None:
    """A twelfth of the year each month from ``start``, ramped; every buyer new in the first
    cycle."""
    year, first_cycle = evaluate_offer(offer), _all_new(offer)
    factors = ramp_factors(start, schedule.ramp_months) / 12
    first = _first_cycle(start)
    placed.add(np.where(first, factors, 0.0), first_cycle)
    placed.add(np.where(first, 0.0, factors), year)


def _launches(
    offer: OnlineProgram, schedule: Schedule, start: int, placed: _Placed
) -> tuple[int, ...]:
    """Sales, launch BD, admin, revenue and costs in the launch months; support every month.
    Returns the launch months of the year."""
    months_of_year = schedule.launch_months or default_launch_months(offer.launches_per_year, start)
    year, first_cycle = evaluate_offer(offer), _all_new(offer)
    ramp = ramp_factors(start, schedule.ramp_months)
    steady = ("delivery", "prep", "travel", "oversight")
    placed.add(ramp / 12, year, steady, money=False)
    launches = np.zeros(MONTHS)
    launches[[begins - 1 for begins in _yearly_starts(months_of_year)]] = 1 / len(months_of_year)
    launches *= ramp  # 0 before the start
    selling = ("business_development", "admin")
    first = _first_cycle(start)
    placed.add(np.where(first, launches, 0.0), first_cycle, selling)
    placed.add(np.where(first, 0.0, launches), year, selling)
    return tuple(months_of_year)


def active_licensees(offer: Licensing, schedule: Schedule, start: int) -> NDArray[np.float64]:
    """Active licensees each month: from ``licensees_at_start`` in ``start``, growing by each
    month's signings (counted in the month they sign) up to the planned ``licensees``; 0 before
    the start. [licensees]

    Notes
    -----
    12 planned, 4 signed a year from month 1, none at the start: 1/3 in month 1, 4 in month 12,
    12 in month 36.
    """
    signed = _signings(offer, start)
    active = np.minimum(offer.licensees, schedule.licensees_at_start + np.cumsum(signed))
    active[: start - 1] = 0.0
    return active


def _signings(offer: Licensing, start: int) -> NDArray[np.float64]:
    """New licensees signed each month: a twelfth of the year's from ``start``, not ramped (the
    build-up of active licensees is the offer's ramp). [licensees/month]"""
    signed = np.full(MONTHS, offer.new_licensees_per_year / 12)
    signed[: start - 1] = 0.0
    return signed


def _licensing(offer: Licensing, schedule: Schedule, start: int, placed: _Placed) -> int:
    """Signings bring fees, onboarding and selling; active licensees royalties and support.
    Returns the months from ``start`` until the planned licensees are active."""
    per_active = _evaluate(
        offer, licensees=1.0, new_licensees_per_year=0.0, legal_costs_per_year=0.0
    )
    per_signed = _evaluate(
        offer, licensees=0.0, new_licensees_per_year=1.0, legal_costs_per_year=0.0
    )
    active = active_licensees(offer, schedule, start)
    placed.add(active / 12, per_active)
    placed.add(_signings(offer, start), per_signed)
    placed.costs[start - 1 :] += offer.legal_costs_per_year / 12
    full = np.flatnonzero(active >= offer.licensees - 1e-9)
    full = full[full >= start - 1]
    return (int(full[0]) + 1 if full.size else MONTHS + 1) - start


def offer_months(offer: OfferBase) -> OfferMonths:
    """One enabled offer's 36 months."""
    schedule = offer.schedule or Schedule()
    start = schedule.start_month
    creation_hours = _creation_hours(offer)
    notes: list[str] = []
    creation_months = schedule.creation_months if creation_hours > 0 else 0
    if creation_months and start - creation_months < 1:
        moved = creation_months + 1
        notes.append(
            f"“{offer.name}” starts in month {moved}, not {start}: its {creation_months} months "
            "of creation come first."
            if moved <= MONTHS
            else f"“{offer.name}” does not start in months 1-36: its {creation_months} months "
            "of creation come first."
        )
        start = moved
    if isinstance(offer, GroupProgram | Mastermind | Retreat):
        return _group_months(offer, schedule, start, tuple(notes))
    placed = _Placed.empty()
    ramp = schedule.ramp_months
    applied = AppliedSchedule(start, ramp, creation_months)
    if isinstance(offer, Licensing):
        if ramp:
            notes.append(
                f"“{offer.name}”: its ramp-up is the signing of licensees, "
                f"{offer.new_licensees_per_year:g} a year, so its {ramp} ramp-up months are left out."
            )
        ramp = _licensing(offer, schedule, start, placed)
        applied = AppliedSchedule(
            start, 0, creation_months, licensees_at_start=schedule.licensees_at_start
        )
    elif isinstance(offer, OnlineProgram) and offer.launches_per_year >= 1:
        launches = _launches(offer, schedule, start, placed)
        applied = AppliedSchedule(start, ramp, creation_months, launch_months=launches)
    else:
        if isinstance(offer, OnlineProgram) and schedule.launch_months:
            notes.append(
                f"“{offer.name}”: launch months are left out: it has fewer than one launch a "
                "year, so it sells every month."
            )
        _continuous(offer, schedule, start, placed)
    placed.hours[_CATEGORY["creation"], start - 1 :] += _upkeep_hours(offer) / 12
    _spread(
        placed.hours[_CATEGORY["creation"]],
        start - creation_months,
        creation_months,
        creation_hours,
    )
    phases = _phases(start, ramp, creation_months)
    return OfferMonths(
        offer.name,
        placed.hours,
        placed.revenue,
        placed.costs,
        start,
        phases,
        tuple(notes),
        applied,
        placed.flows,
    )


def payback_hourly_value(
    scenario: Scenario, offer_name: str, years: Mapping[str, OfferYear] | None = None
) -> HourlyValue:
    """The value of an hour of creation of ``offer_name``: the practitioner's ``hourly_value``;
    else the effective hourly rate of the plan without the offer; else, when that is undefined or
    not positive (the other offers earn nothing), the whole plan's in steady state; else 0.
    [currency/h]

    ``years`` are the enabled offers' years by name when the caller has them already: the plan
    without the offer is then the others' years added up, not a new evaluation of each of
    them (the same sums in the same order, so the same rate).
    """
    own = scenario.practitioner.hourly_value
    if own is not None:
        return HourlyValue(own, "hourly_value")
    if years is None:
        years = {offer.name: offer_year(offer) for offer in scenario.enabled_offers}
    practitioner = scenario.practitioner
    others = year_sums(practitioner, (year for name, year in years.items() if name != offer_name))
    rate = ratio(others.net_income, others.total_hours)
    if rate is not None and rate > 0:
        return HourlyValue(rate, "other_offers")
    whole = year_sums(practitioner, years.values())
    rate = ratio(whole.net_income, whole.total_hours)
    if rate is not None and rate > 0:
        return HourlyValue(rate, "whole_plan")
    return HourlyValue(0.0, "none")


def payback_month(contribution: NDArray[np.float64], cost: float) -> int | None:
    """The first month from which cumulative ``contribution`` stays positive and at or above
    ``cost``: an offer that has earned nothing has paid back nothing. None if not by month 36.

    Notes
    -----
    1,000 a month from month 4 against 5,000: month 8. Against 0: month 4, not month 1.
    """
    cumulative = np.cumsum(contribution)
    tolerance = 1e-9 * max(1.0, cost)
    covered = (cumulative >= cost - tolerance) & (cumulative > tolerance)
    short = np.flatnonzero(~covered)
    if not short.size:
        return 1
    return int(short[-1]) + 2 if short[-1] + 1 < MONTHS else None


def _months_over(hours: NDArray[np.float64], limit: float | None) -> tuple[int, ...]:
    """Months 1-36 whose ``hours`` pass ``limit`` (beyond float rounding); none without one."""
    if limit is None:
        return ()
    return tuple(int(m) + 1 for m in np.flatnonzero(hours > limit * (1 + 1e-9)))


def _years(months: tuple[Month, ...], tax_rate: float) -> tuple[TimelineYear, ...]:
    """Years 1-3: their months added up, and tax on each year's net income."""
    years = []
    for year in range(MONTHS // 12):
        chosen = months[12 * year : 12 * (year + 1)]

        def total(name: str, chosen: tuple[Month, ...] = chosen) -> float:
            return float(sum(getattr(month, name) for month in chosen))

        net_income = total("net_income")
        tax = float(formulas.income_tax(net_income, tax_rate))
        years.append(
            TimelineYear(
                year=year + 1,
                revenue=total("revenue"),
                direct_costs=total("direct_costs"),
                fixed_costs=total("fixed_costs"),
                net_income=net_income,
                tax=tax,
                take_home=net_income - tax,
                associate_hours=total("associate_hours"),
                associate_costs=total("associate_costs"),
                marketing_costs=total("marketing_costs"),
                new_buyers=total("new_buyers"),
                leads_needed=total("leads_needed"),
            )
        )
    return tuple(years)


def build_timeline(scenario: Scenario) -> TimelineReport:
    """Every enabled offer placed in months 1-36, and the plan's months."""
    practitioner = scenario.practitioner
    placed = tuple(offer_months(offer) for offer in scenario.enabled_offers)
    hours = sum((item.hours for item in placed), np.zeros((len(HOUR_CATEGORIES), MONTHS)))
    hours[_CATEGORY["admin"]] += fixed_admin_hours(practitioner) / 12
    assistant = assistant_hours(practitioner) / 12
    admin_before = hours[_CATEGORY["admin"]].copy()
    hours[_CATEGORY["admin"]] = formulas.admin_after_assistant(admin_before, assistant)
    taken = admin_before - hours[_CATEGORY["admin"]]
    flows = sum((item.flows for item in placed), np.zeros((len(FLOWS), MONTHS)))
    revenue = sum((item.revenue for item in placed), np.zeros(MONTHS))
    costs = sum((item.direct_costs for item in placed), np.zeros(MONTHS))
    fixed = year_sums(practitioner, ()).fixed_costs / 12  # the assistant's pay among them
    net = revenue - costs - fixed
    cumulative = np.cumsum(net)
    capacity = capacity_hours(practitioner) / 12
    delivery_cap = delivery_capacity_hours(practitioner)
    delivery_capacity = None if delivery_cap is None else delivery_cap / 12
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
            delivery_capacity_hours=delivery_capacity,
            associate_hours=float(flows[_FLOW["associate_hours"], index]),
            associate_costs=float(flows[_FLOW["associate_costs"], index]),
            marketing_costs=float(flows[_FLOW["marketing_costs"], index]),
            new_buyers=float(flows[_FLOW["new_buyers"], index]),
            leads_needed=float(flows[_FLOW["leads_needed"], index]),
            assistant_hours=assistant,
            admin_taken_by_assistant=float(taken[index]),
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
    created = [
        (item, offer)
        for item, offer in zip(placed, scenario.enabled_offers, strict=True)
        if _creation_hours(offer) > 0
    ]
    years = {offer.name: offer_year(offer) for offer in scenario.enabled_offers} if created else {}
    values = {item.name: payback_hourly_value(scenario, item.name, years) for item, _ in created}
    timeline = Timeline(
        months=months,
        peak_month=int(np.argmax(totals)) + 1,
        over_capacity_months=_months_over(totals, capacity),
        break_even_month=break_even,
        payback={
            item.name: payback_month(
                item.contribution, _creation_hours(offer) * values[item.name].value
            )
            for item, offer in created
        },
        payback_hourly_value=values,
        schedules={item.name: item.schedule for item in placed},
        over_delivery_cap_months=_months_over(hours[_CATEGORY["delivery"]], delivery_capacity),
        years=_years(months, practitioner.tax_rate),
    )
    return TimelineReport(timeline, placed, capacity)


def timeline(scenario: Scenario) -> Timeline:
    """Months 1-36 of the scenario (see the module docstring for how offers are placed)."""
    return build_timeline(scenario).timeline
