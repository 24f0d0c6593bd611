"""The orchestrator: ``evaluate(scenario) -> ScenarioResult`` (docs/model.md).

It feeds each enabled offer's fields to the formulas of :mod:`models.formulas`,
adds the overheads every kind shares (business development, admin, prep,
travel, creation, direct costs), and sums the scenario's totals. Scale,
timeline and the analyses call this function; none of them has formulas of its
own. All figures are per year in steady state.
"""

from __future__ import annotations

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
)

EVENTS_BUSINESS_WARNING = "past this size it becomes an events or training business"


def kind_delivery(offer: OfferBase) -> Delivery:
    """Buyers, sessions, delivery hours, revenue and client hours of one offer, by its kind
    (the kind's own :meth:`models.schema.OfferBase.kind_delivery`)."""
    return offer.kind_delivery()


def _business_development_hours(offer: OfferBase, buyers: float) -> float:
    """Winning and keeping buyers, plus launch campaigns of online programs. [h/year]"""
    if isinstance(offer, RenewableOffer):
        hours = formulas.business_development_hours(
            buyers,
            offer.returning_share,
            offer.bd_hours_per_sale,
            offer.effective_bd_hours_per_returning_sale,
        )
    else:
        # Licensing has no returning buyers: every licensee signed is new.
        hours = formulas.business_development_hours(buyers, 0.0, offer.bd_hours_per_sale, 0.0)
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


def offer_warnings(offer: OfferBase, buyers: float, revenue: float) -> tuple[str, ...]:
    """Plain-words warnings about one enabled offer."""
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
    """

    revenue: Any
    direct_costs: Any
    hours: HourBreakdown
    buyers: Any
    sessions: Any
    client_hours: Any


def offer_year(offer: OfferBase) -> OfferYear:
    """One offer's year, whether or not it is enabled; its fields may be numpy arrays.

    Notes
    -----
    hours = delivery + prep + travel + BD + admin + creation;
    direct costs = buyers × cost_per_sale + the kind's own costs.
    """
    delivery = kind_delivery(offer)
    prep, travel, kind_costs = _prep_travel_and_costs(offer, delivery)
    hours = HourBreakdown(
        delivery=delivery.delivery_hours,
        prep=prep,
        travel=travel,
        business_development=_business_development_hours(offer, delivery.buyers),
        admin=delivery.buyers * offer.admin_hours_per_sale,
        creation=_creation_hours(offer),
    )
    return OfferYear(
        revenue=delivery.revenue,
        direct_costs=delivery.buyers * offer.cost_per_sale + kind_costs,
        hours=hours,
        buyers=delivery.buyers,
        sessions=delivery.sessions,
        client_hours=delivery.client_hours,
    )


def evaluate_offer(offer: OfferBase) -> OfferResult:
    """One offer's year with its ratios and warnings; contribution = revenue − direct costs."""
    return _offer_result(offer, offer_year(offer))


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
        warnings=offer_warnings(offer, year.buyers, year.revenue),
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


class YearSums(NamedTuple):
    """The scenario's year summed over its offers: floats, or numpy arrays of samples.

    Attributes
    ----------
    revenue, direct_costs, fixed_costs, net_income : float
        net income = revenue − direct costs − fixed costs. [currency/year]
    hours : HourBreakdown
        Every offer's hours plus the fixed admin (in admin). [h/year]
    capacity_hours : float
        hours_per_week × weeks_per_year. [h/year]
    buyers, client_hours : float
        [buyers/year], [h/year]
    """

    revenue: Any
    direct_costs: Any
    fixed_costs: Any
    net_income: Any
    hours: HourBreakdown
    capacity_hours: Any
    buyers: Any
    client_hours: Any

    @property
    def total_hours(self) -> Any:
        """Σ offer hours + fixed admin. [h/year]"""
        return self.hours.total

    @property
    def free_hours(self) -> Any:
        """capacity − total hours; negative when over capacity. [h/year]"""
        return self.capacity_hours - self.hours.total


def year_sums(practitioner: Practitioner, offers: Iterable[OfferYear]) -> YearSums:
    """Add the offers' years to the practitioner's fixed admin and costs.

    Notes
    -----
    capacity = hours_per_week × weeks_per_year; total hours = Σ offer hours + fixed admin;
    net income = revenue − direct costs − fixed costs. A coach at 40 h × 46 weeks has 1,840 h.
    """
    hours = HourBreakdown(admin=fixed_admin_hours(practitioner))
    revenue: Any = 0.0
    direct_costs: Any = 0.0
    buyers: Any = 0.0
    client_hours: Any = 0.0
    for offer in offers:
        hours = hours + offer.hours
        revenue = revenue + offer.revenue
        direct_costs = direct_costs + offer.direct_costs
        buyers = buyers + offer.buyers
        client_hours = client_hours + offer.client_hours
    fixed_costs = practitioner.fixed_costs_per_year
    return YearSums(
        revenue=revenue,
        direct_costs=direct_costs,
        fixed_costs=fixed_costs,
        net_income=revenue - direct_costs - fixed_costs,
        hours=hours,
        capacity_hours=capacity_hours(practitioner),
        buyers=buyers,
        client_hours=client_hours,
    )


def scenario_sums(scenario: Scenario) -> YearSums:
    """The year's sums of the enabled offers; fields holding numpy arrays give arrays."""
    return year_sums(
        scenario.practitioner, (offer_year(offer) for offer in scenario.enabled_offers)
    )


def evaluate(scenario: Scenario) -> ScenarioResult:
    """The scenario's year: every enabled offer and the totals of docs/model.md.

    Notes
    -----
    free hours = capacity − total hours; effective hourly rate = net income / total hours;
    billable share = delivery / total hours; leverage = client hours / total hours;
    utilization (hours used) = total hours / capacity; billable utilization = delivery / capacity.
    """
    practitioner = scenario.practitioner
    years = [(offer, offer_year(offer)) for offer in scenario.enabled_offers]
    offers = tuple(_offer_result(offer, year) for offer, year in years)
    sums = year_sums(practitioner, (year for _, year in years))
    hours = sums.hours
    total_hours = sums.total_hours
    free_hours = sums.free_hours
    totals = Totals(
        revenue=sums.revenue,
        direct_costs=sums.direct_costs,
        fixed_costs=sums.fixed_costs,
        net_income=sums.net_income,
        capacity_hours=sums.capacity_hours,
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
    )
    over_capacity = capacity_warning(free_hours, practitioner)
    scenario_warnings = (over_capacity,) if over_capacity else ()
    offer_warnings_all = tuple(warning for offer in offers for warning in offer.warnings)
    return ScenarioResult(
        scenario=scenario.name,
        currency=scenario.currency,
        totals=totals,
        offers=offers,
        warnings=scenario_warnings + offer_warnings_all,
    )
