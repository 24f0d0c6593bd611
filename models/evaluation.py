"""The orchestrator: ``evaluate(scenario) -> ScenarioResult`` (docs/model.md).

It feeds each enabled offer's fields to the formulas of :mod:`models.formulas`,
adds the overheads every kind shares (business development, admin, prep,
travel, creation, direct costs), the demand side (leads and marketing) and the
team (associates' share of the sessions, your oversight of them), and sums the
scenario's totals with the assistant, the delivery cap and tax. Scale,
timeline and the analyses call this function; none of them has formulas of its
own. All figures are per year in steady state.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, NamedTuple

from models import formulas
from models.formulas import Delivery, ratio
from models.results import HourBreakdown, OfferResult, ScenarioResult, Totals
from models.schema import (
    Creation,
    GroupSize,
    Licensing,
    LiveOffer,
    OfferBase,
    OnlineProgram,
    Practitioner,
    RenewableOffer,
    Retreat,
    Scenario,
    Team,
)

EVENTS_BUSINESS_WARNING = "past this size it becomes an events or training business"

#: Relative excess over a demand limit that still counts as within it: float rounding of a
#: plan sized exactly to its leads (leads × conversion ÷ (1 − returning share) and back). [-]
DEMAND_TOLERANCE = 1e-9


def kind_delivery(offer: OfferBase) -> Delivery:
    """Buyers, sessions, delivery hours, revenue and client hours of one offer, by its kind
    (the kind's own :meth:`models.schema.OfferBase.kind_delivery`)."""
    return offer.kind_delivery()


def _business_development_hours(offer: OfferBase, buyers: float) -> float:
    """Winning and keeping buyers, plus launch campaigns of online programs. [h/year]"""
    returning_share = offer.returning_share_of_buyers
    hours = formulas.business_development_hours(
        buyers,
        returning_share,
        offer.effective_bd_hours_per_sale,
        # licensing has no returning buyers: every licensee signed is new
        offer.effective_bd_hours_per_returning_sale if isinstance(offer, RenewableOffer) else 0.0,
    )
    if isinstance(offer, OnlineProgram):
        hours += offer.launches_per_year * offer.bd_hours_per_launch
    return hours


def _prep_travel_and_costs(offer: OfferBase, delivery: Delivery) -> tuple[float, float, float]:
    """Preparation hours, travel hours and the kind's own direct costs. [h], [h], [currency]"""
    if isinstance(offer, LiveOffer):
        prep = delivery.sessions * offer.prep_hours_per_session
        if not offer.in_person:
            return prep, 0.0, 0.0
        travel = delivery.sessions * offer.travel_hours_per_session
        costs = delivery.sessions * (offer.travel_cost_per_session + offer.venue_cost_per_session)
        return prep, travel, costs
    if isinstance(offer, Retreat):
        return (
            offer.retreats * offer.prep_hours_per_retreat,
            offer.retreats * offer.travel_hours_per_retreat,
            offer.retreats * (offer.travel_cost_per_retreat + offer.venue_cost_per_retreat),
        )
    if isinstance(offer, OnlineProgram):
        return 0.0, 0.0, delivery.revenue * offer.platform_fee_rate
    if isinstance(offer, Licensing):
        return 0.0, 0.0, offer.legal_costs_per_year
    raise TypeError(f"unknown offer kind: {type(offer).__name__}")


def _creation_hours(offer: OfferBase) -> float:
    """Creation hours charged to the year (online programs and licensing). [h/year]"""
    if isinstance(offer, Creation):
        return formulas.creation_hours_per_year(
            offer.creation_hours, offer.amortization_years, offer.upkeep_hours_per_year
        )
    return 0.0


def offer_warnings(offer: OfferBase, year: OfferYear) -> tuple[str, ...]:
    """Plain-words warnings about one enabled offer."""
    buyers, revenue = year.buyers, year.revenue
    found: list[str] = []
    if isinstance(offer, GroupSize) and offer.group_size > offer.max_group_size:
        found.append(
            f'"{offer.name}": a group of {offer.group_size:g} is past the largest real group of '
            f"{offer.max_group_size:g}: {EVENTS_BUSINESS_WARNING}."
        )
    if revenue == 0:
        found.append(f'"{offer.name}": this offer earns nothing.')
    if offer.max_sales_per_year is not None and buyers > offer.max_sales_per_year:
        found.append(
            f'"{offer.name}": plans {buyers:g} buyers a year but the market buys at most '
            f"{offer.max_sales_per_year:g}."
        )
    leads = offer.leads_per_year
    if (
        leads is not None
        and year.leads_needed is not None
        and year.leads_needed > leads * (1 + DEMAND_TOLERANCE)
    ):
        found.append(
            f'"{offer.name}": needs {year.leads_needed:,.0f} leads a year; your marketing '
            f"reaches {leads:,.0f}."
        )
    return tuple(found)


class OfferYear(NamedTuple):
    """The figures of one offer's year that add up across offers (a tuple: cheap to make).

    Plain arithmetic only, so every figure is a float for a scenario, or a numpy
    array when the offer's fields hold arrays of samples (uncertainty, grids).

    Attributes
    ----------
    revenue, direct_costs : float
        [currency/year]
    hours : HourBreakdown
        [h/year]
    buyers, sessions, client_hours : float
        [buyers/year], [sessions/year], [h/year]
    new_buyers : float
        buyers × (1 − returning share). [buyers/year]
    leads_needed : float | None
        new buyers / conversion rate; None without a conversion rate. [leads/year]
    marketing_costs : float
        leads needed × marketing cost per lead. [currency/year]
    associate_hours, associate_costs : float
        Associates' share × (delivery + prep + travel), and what they cost. [h/year], [currency/year]
    reach_through_others : float
        Licensing: active licensees × their clients a year. [clients/year]
    """

    revenue: Any
    direct_costs: Any
    hours: HourBreakdown
    buyers: Any
    sessions: Any
    client_hours: Any
    new_buyers: Any
    leads_needed: Any
    marketing_costs: Any
    associate_hours: Any
    associate_costs: Any
    reach_through_others: Any


def offer_year(offer: OfferBase) -> OfferYear:
    """One offer's year, whether or not it is enabled; its fields may be numpy arrays.

    Notes
    -----
    With associates leading a share a of the sessions (:class:`models.schema.Team`):
    associate hours = a × (delivery + prep + travel); your delivery, prep and travel are
    (1 − a) of the offer's; oversight = oversight rate × associate hours.
    hours = delivery + prep + travel + BD + admin + creation + oversight;
    leads needed = new buyers / conversion rate;
    direct costs = buyers × cost_per_sale + the kind's own costs + leads needed × marketing
    cost per lead + associate hours × their cost per hour.
    """
    delivery = kind_delivery(offer)
    prep, travel, kind_costs = _prep_travel_and_costs(offer, delivery)
    associate_share, associate_cost, oversight_rate = _team(offer)
    associate_hours = formulas.associate_hours(
        associate_share, delivery.delivery_hours, prep, travel
    )
    own = 1.0 - associate_share
    hours = HourBreakdown(
        delivery=own * delivery.delivery_hours,
        prep=own * prep,
        travel=own * travel,
        business_development=_business_development_hours(offer, delivery.buyers),
        admin=delivery.buyers * offer.admin_hours_per_sale,
        creation=_creation_hours(offer),
        oversight=oversight_rate * associate_hours,
    )
    new_buyers = offer.new_buyers(delivery.buyers)
    leads_needed = (
        None
        if offer.conversion_rate is None
        else formulas.leads_needed(new_buyers, offer.conversion_rate)
    )
    marketing_costs = 0.0 if leads_needed is None else leads_needed * offer.marketing_cost_per_lead
    associate_costs = associate_hours * associate_cost
    return OfferYear(
        revenue=delivery.revenue,
        direct_costs=delivery.buyers * offer.cost_per_sale
        + kind_costs
        + marketing_costs
        + associate_costs,
        hours=hours,
        buyers=delivery.buyers,
        sessions=delivery.sessions,
        client_hours=delivery.client_hours,
        new_buyers=new_buyers,
        leads_needed=leads_needed,
        marketing_costs=marketing_costs,
        associate_hours=associate_hours,
        associate_costs=associate_costs,
        reach_through_others=_reach_through_others(offer),
    )


def _team(offer: OfferBase) -> tuple[Any, Any, Any]:
    """The associate share, their cost per hour and your oversight per their hour; none
    for kinds without a team. [0-1], [currency/h], [h/h]"""
    if isinstance(offer, Team):
        return (
            offer.associate_share,
            offer.associate_cost_per_hour,
            offer.oversight_hours_per_associate_hour,
        )
    return 0.0, 0.0, 0.0


def _reach_through_others(offer: OfferBase) -> Any:
    """Clients licensees serve in a year: licensees × clients per licensee. [clients/year]"""
    if isinstance(offer, Licensing):
        return offer.licensees * offer.clients_per_licensee_per_year
    return 0.0


def evaluate_offer(offer: OfferBase, year: OfferYear | None = None) -> OfferResult:
    """One offer's year with its ratios and warnings; contribution = revenue − direct costs.

    ``year`` is the offer's :func:`offer_year` when the caller has it already.
    """
    return _offer_result(offer, offer_year(offer) if year is None else year)


def _offer_result(offer: OfferBase, year: OfferYear) -> OfferResult:
    hours = year.hours
    total_hours = hours.total
    return OfferResult(
        name=offer.name,
        kind=offer.kind,
        revenue=year.revenue,
        direct_costs=year.direct_costs,
        contribution=year.revenue - year.direct_costs,
        total_hours=total_hours,
        hours=hours,
        buyers=year.buyers,
        sessions=year.sessions,
        client_hours=year.client_hours,
        leverage=ratio(year.client_hours, total_hours),
        billable_to_bd_ratio=ratio(hours.delivery, hours.business_development),
        revenue_per_bd_hour=ratio(year.revenue, hours.business_development),
        new_buyers=year.new_buyers,
        leads_needed=year.leads_needed,
        demand_limit=offer.demand_limit,
        market_limit=offer.market_limit,
        marketing_costs=year.marketing_costs,
        associate_hours=year.associate_hours,
        associate_costs=year.associate_costs,
        reach_through_others=year.reach_through_others,
        warnings=offer_warnings(offer, year),
    )


def capacity_hours(practitioner: Practitioner) -> float:
    """Hours available in a year: hours_per_week × weeks_per_year. [h/year]"""
    return practitioner.hours_per_week * practitioner.weeks_per_year


def fixed_admin_hours(practitioner: Practitioner) -> float:
    """Admin that does not depend on clients: admin_hours_per_week × weeks_per_year. [h/year]"""
    return practitioner.admin_hours_per_week * practitioner.weeks_per_year


def hours_for_offers(practitioner: Practitioner) -> float:
    """Hours a year the offers can use: capacity less the fixed admin. [h/year]

    ``capacity_hours - fixed_admin_hours``: the room the levers grow into.
    """
    return capacity_hours(practitioner) - fixed_admin_hours(practitioner)


def delivery_capacity_hours(practitioner: Practitioner) -> float | None:
    """The most client-facing hours you can give in a year:
    max_delivery_hours_per_week × weeks_per_year; None without a limit. [h/year]"""
    if practitioner.max_delivery_hours_per_week is None:
        return None
    return practitioner.max_delivery_hours_per_week * practitioner.weeks_per_year


def assistant_hours(practitioner: Practitioner) -> float:
    """Hours your assistant works in a year: hours a week × weeks_per_year. [h/year]"""
    return practitioner.assistant_hours_per_week * practitioner.weeks_per_year


def per_week(hours_per_year: float, practitioner: Practitioner) -> float:
    """Hours a year expressed per working week. [h/week]"""
    return hours_per_year / practitioner.weeks_per_year


def capacity_warning(free_hours: float, practitioner: Practitioner) -> str | None:
    """The over-capacity warning, or None when the plan fits."""
    if free_hours >= 0:
        return None
    missing = -free_hours
    return (
        f"Over capacity by {missing:,.0f} hours a year "
        f"({per_week(missing, practitioner):,.1f} hours a week)."
    )


def delivery_cap_warning(delivery_hours: float, practitioner: Practitioner) -> str | None:
    """The warning for own delivery above the most client-facing hours you can give, or None."""
    cap = delivery_capacity_hours(practitioner)
    if cap is None or delivery_hours <= cap * (1 + DEMAND_TOLERANCE):
        return None
    return (
        f"Client-facing hours of {per_week(delivery_hours, practitioner):,.1f} a week are past "
        f"the {practitioner.max_delivery_hours_per_week:g} a week you can give "
        f"({delivery_hours - cap:,.0f} hours a year too many)."
    )


class YearSums(NamedTuple):
    """The scenario's year summed over its offers: floats, or numpy arrays of samples.

    Attributes
    ----------
    revenue, direct_costs, fixed_costs, net_income : float
        net income = revenue − direct costs − fixed costs; fixed costs include the
        assistant's pay. [currency/year]
    tax, take_home : float
        tax = max(0, net income) × tax rate; take-home = net income − tax. [currency/year]
    hours : HourBreakdown
        Every offer's hours plus the fixed admin (in admin), less what the assistant
        takes off your admin. [h/year]
    capacity_hours : float
        hours_per_week × weeks_per_year. [h/year]
    delivery_capacity_hours : float | None
        The most client-facing hours you can give; None without a limit. [h/year]
    buyers, client_hours : float
        [buyers/year], [h/year]
    associate_hours, reach_through_others : float
        [h/year], [clients/year]
    """

    revenue: Any
    direct_costs: Any
    fixed_costs: Any
    net_income: Any
    tax: Any
    take_home: Any
    hours: HourBreakdown
    capacity_hours: Any
    delivery_capacity_hours: Any
    buyers: Any
    client_hours: Any
    associate_hours: Any
    reach_through_others: Any

    @property
    def total_hours(self) -> Any:
        """Your own hours: Σ offer hours + fixed admin − the assistant's share. [h/year]"""
        return self.hours.total

    @property
    def free_hours(self) -> Any:
        """capacity − total hours; negative when over capacity. [h/year]"""
        return self.capacity_hours - self.hours.total


class YearTally(NamedTuple):
    """The figures of the offers' years that add up, summed in the scenario's order from the
    fixed admin: what :func:`year_sums` adds before the assistant, costs and tax.

    Kept apart so that a caller who varies one offer against the others held fixed (scale's
    levers) adds the others once and then only the varied offer: the same additions in the
    same order, so the same floats as summing every offer each time.

    Attributes
    ----------
    hours : HourBreakdown
        The fixed admin (in admin) plus every offer's hours so far. [h/year]
    revenue, direct_costs : float
        [currency/year]
    buyers, client_hours, associate_hours, reach_through_others : float
        [buyers/year], [h/year], [h/year], [clients/year]
    """

    hours: HourBreakdown
    revenue: Any
    direct_costs: Any
    buyers: Any
    client_hours: Any
    associate_hours: Any
    reach_through_others: Any

    def plus(self, offer: OfferYear) -> YearTally:
        """The tally with one more offer's year added after the others (field by field: the
        offer's year has a field of each name)."""
        return YearTally(*(total + getattr(offer, name) for name, total in self._asdict().items()))


def year_tally(practitioner: Practitioner, offers: Iterable[OfferYear]) -> YearTally:
    """The fixed admin plus the offers' years, added in their order (see :class:`YearTally`)."""
    tally = YearTally(HourBreakdown(admin=fixed_admin_hours(practitioner)), *(0.0,) * 6)
    for offer in offers:
        tally = tally.plus(offer)
    return tally


def year_sums(practitioner: Practitioner, offers: Iterable[OfferYear]) -> YearSums:
    """Add the offers' years to the practitioner's fixed admin, assistant and costs.

    Notes
    -----
    capacity = hours_per_week × weeks_per_year;
    admin = max(0, fixed admin + Σ offers' admin − assistant hours);
    total hours = Σ offer hours + fixed admin, with that admin;
    fixed costs = fixed_costs_per_year + assistant hours × their cost per hour;
    net income = revenue − direct costs − fixed costs;
    tax = max(0, net income) × tax rate; take-home = net income − tax.
    A coach at 40 h × 46 weeks has 1,840 h.
    """
    return sums_of_tally(practitioner, year_tally(practitioner, offers))


def sums_of_tally(practitioner: Practitioner, tally: YearTally) -> YearSums:
    """The year's sums of the offers in ``tally``: :func:`year_sums` once they are added."""
    assistant = assistant_hours(practitioner)
    hours = dataclasses.replace(
        tally.hours, admin=formulas.admin_after_assistant(tally.hours.admin, assistant)
    )
    fixed_costs = (
        practitioner.fixed_costs_per_year + assistant * practitioner.assistant_cost_per_hour
    )
    net_income = tally.revenue - tally.direct_costs - fixed_costs
    tax = formulas.income_tax(net_income, practitioner.tax_rate)
    return YearSums(
        revenue=tally.revenue,
        direct_costs=tally.direct_costs,
        fixed_costs=fixed_costs,
        net_income=net_income,
        tax=tax,
        take_home=net_income - tax,
        hours=hours,
        capacity_hours=capacity_hours(practitioner),
        delivery_capacity_hours=delivery_capacity_hours(practitioner),
        buyers=tally.buyers,
        client_hours=tally.client_hours,
        associate_hours=tally.associate_hours,
        reach_through_others=tally.reach_through_others,
    )


def scenario_sums(scenario: Scenario) -> YearSums:
    """The year's sums of the enabled offers; fields holding numpy arrays give arrays."""
    return year_sums(
        scenario.practitioner, (offer_year(offer) for offer in scenario.enabled_offers)
    )


def offers_admin_left_to_you(practitioner: Practitioner, offers: Iterable[OfferYear]) -> float:
    """The share of the offers' admin still yours once the assistant has taken theirs. [0-1]

    Notes
    -----
    The assistant takes the fixed admin first, then the same share of every offer's admin:
    share = max(0, offers' admin − (assistant hours − fixed admin)) / offers' admin, 1 when
    the assistant's hours fit in the fixed admin. With it the offers' admin and the fixed admin
    left (max(0, fixed admin − assistant hours)) add up to the year's admin
    (:func:`year_sums`), so each offer's hours are yours on it. 320 h of offers' admin,
    184 h of fixed admin and an assistant for 276 h: 92 h go to the offers, 228/320 = 71% is
    left to you.
    """
    spare = assistant_hours(practitioner) - fixed_admin_hours(practitioner)
    if spare <= 0:
        return 1.0
    offers_admin = sum(offer.hours.admin for offer in offers)
    if offers_admin == 0:
        return 1.0
    return max(0.0, offers_admin - spare) / offers_admin


def _with_admin_share(year: OfferYear, share: float) -> OfferYear:
    """The offer's year with ``share`` of its admin left to you."""
    if share == 1.0:
        return year
    return year._replace(hours=dataclasses.replace(year.hours, admin=year.hours.admin * share))


def evaluate(scenario: Scenario) -> ScenarioResult:
    """The scenario's year: every enabled offer and the totals of docs/model.md.

    Notes
    -----
    free hours = capacity − total hours; effective hourly rate = net income / total hours;
    billable share = delivery / total hours; leverage = client hours / total hours;
    utilization (hours used) = total hours / capacity; billable utilization = delivery / capacity;
    team leverage = associate hours / your delivery hours.
    """
    practitioner = scenario.practitioner
    years = [(offer, offer_year(offer)) for offer in scenario.enabled_offers]
    offers_share = offers_admin_left_to_you(practitioner, (year for _, year in years))
    offers = tuple(
        _offer_result(offer, _with_admin_share(year, offers_share)) for offer, year in years
    )
    sums = year_sums(practitioner, (year for _, year in years))
    hours = sums.hours
    total_hours = sums.total_hours
    free_hours = sums.free_hours
    totals = Totals(
        revenue=sums.revenue,
        direct_costs=sums.direct_costs,
        fixed_costs=sums.fixed_costs,
        net_income=sums.net_income,
        tax=float(sums.tax),
        take_home=float(sums.take_home),
        capacity_hours=sums.capacity_hours,
        delivery_capacity_hours=sums.delivery_capacity_hours,
        total_hours=total_hours,
        free_hours=free_hours,
        utilization=total_hours / sums.capacity_hours,
        billable_utilization=ratio(hours.delivery, sums.capacity_hours),
        hours=hours,
        buyers=sums.buyers,
        client_hours=sums.client_hours,
        leverage=ratio(sums.client_hours, total_hours),
        effective_hourly_rate=ratio(sums.net_income, total_hours),
        billable_share=ratio(hours.delivery, total_hours),
        billable_to_bd_ratio=ratio(hours.delivery, hours.business_development),
        associate_hours=sums.associate_hours,
        team_leverage=ratio(sums.associate_hours, hours.delivery),
        assistant_hours=assistant_hours(practitioner),
        reach_through_others=sums.reach_through_others,
    )
    scenario_warnings = tuple(
        warning
        for warning in (
            capacity_warning(free_hours, practitioner),
            delivery_cap_warning(hours.delivery, practitioner),
        )
        if warning
    )
    offer_warnings_all = tuple(warning for offer in offers for warning in offer.warnings)
    return ScenarioResult(
        scenario=scenario.name,
        currency=scenario.currency,
        totals=totals,
        offers=offers,
        warnings=scenario_warnings + offer_warnings_all,
    )
