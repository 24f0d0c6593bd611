"""Typed results of evaluating a scenario.

Frozen dataclasses whose field names are the keys of ``leverage evaluate
--json``: the JSON is their plain serialisation (:func:`result_to_dict`), not a
second set of names. Figures are per year in steady state; hours in [h], money
in the scenario's currency [currency]. A ratio whose denominator is zero is
``None`` (undefined), never infinite.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: The hour categories, in the order they are shown and stacked.
HOUR_CATEGORIES: tuple[str, ...] = (
    "delivery",
    "prep",
    "travel",
    "business_development",
    "admin",
    "creation",
    "oversight",
)

#: Category → plain label.
HOUR_CATEGORY_LABELS: dict[str, str] = {
    "delivery": "Delivery (billable)",
    "prep": "Preparation",
    "travel": "Travel",
    "business_development": "Selling (BD)",
    "admin": "Admin",
    "creation": "Creation",
    "oversight": "Oversight of associates",
}


@dataclass(frozen=True)
class HourBreakdown:
    """Your own hours of a year by category (associates' hours are not among them). [h/year]"""

    delivery: float = 0.0
    prep: float = 0.0
    travel: float = 0.0
    business_development: float = 0.0
    admin: float = 0.0
    creation: float = 0.0
    oversight: float = 0.0

    @property
    def total(self) -> float:
        """Sum of every category. [h/year]"""
        return (
            self.delivery
            + self.prep
            + self.travel
            + self.business_development
            + self.admin
            + self.creation
            + self.oversight
        )

    def __add__(self, other: HourBreakdown) -> HourBreakdown:
        return HourBreakdown(
            delivery=self.delivery + other.delivery,
            prep=self.prep + other.prep,
            travel=self.travel + other.travel,
            business_development=self.business_development + other.business_development,
            admin=self.admin + other.admin,
            creation=self.creation + other.creation,
            oversight=self.oversight + other.oversight,
        )


@dataclass(frozen=True)
class OfferResult:
    """One enabled offer's year.

    Attributes
    ----------
    name, kind : str
        The offer's name and kind.
    revenue : float
        Money earned. [currency/year]
    direct_costs : float
        Costs caused by the offer: per buyer, travel and venue, platform fees, legal. [currency/year]
    contribution : float
        revenue − direct costs. [currency/year]
    total_hours : float
        Your hours on the offer, every category. [h/year]
    hours : HourBreakdown
        Those hours by category. [h/year]
    buyers : float
        Sales of the year. [buyers/year]
    sessions : float
        Live meetings of the year (0 for retreats, online programs, licensing). [sessions/year]
    client_hours : float
        Hours of service clients receive. [h/year]
    leverage : float | None
        client hours / total hours. [-]
    billable_to_bd_ratio : float | None
        delivery hours / business development hours. [-]
    revenue_per_bd_hour : float | None
        revenue / business development hours. [currency/h]
    new_buyers : float
        The year's buyers who are new, not returning. [buyers/year]
    leads_needed : float | None
        new buyers / conversion rate; None without a conversion rate. [leads/year]
    demand_limit : float | None
        The most buyers a year the offer's leads bring; None without leads. [buyers/year]
    market_limit : float | None
        The smaller of ``max_sales_per_year`` and the demand limit, where given. [buyers/year]
    marketing_costs : float
        leads needed × marketing cost per lead (in direct costs). [currency/year]
    associate_hours : float
        Hours associates work on the offer: their share × (delivery + prep + travel). [h/year]
    associate_costs : float
        associate hours × their cost per hour (in direct costs). [currency/year]
    reach_through_others : float
        Licensing: clients the licensees serve in a year (never in client hours). [clients/year]
    warnings : tuple[str, ...]
        Plain-words warnings about this offer.
    """

    name: str
    kind: str
    revenue: float
    direct_costs: float
    contribution: float
    total_hours: float
    hours: HourBreakdown
    buyers: float
    sessions: float
    client_hours: float
    leverage: float | None
    billable_to_bd_ratio: float | None
    revenue_per_bd_hour: float | None
    new_buyers: float
    leads_needed: float | None
    demand_limit: float | None
    market_limit: float | None
    marketing_costs: float
    associate_hours: float
    associate_costs: float
    reach_through_others: float
    warnings: tuple[str, ...]

    @property
    def contribution_per_hour(self) -> float | None:
        """contribution / total hours: what one of your hours on this offer earns. [currency/h]"""
        if self.total_hours == 0:
            return None
        return self.contribution / self.total_hours


@dataclass(frozen=True)
class Totals:
    """The scenario's year, every enabled offer plus the practitioner's fixed admin and costs.

    Attributes
    ----------
    revenue, direct_costs, fixed_costs, net_income : float
        net income = revenue − direct costs − fixed costs; fixed costs include the
        assistant's pay. [currency/year]
    tax, take_home : float
        tax = max(0, net income) × tax rate; take-home = net income − tax. [currency/year]
    capacity_hours : float
        hours_per_week × weeks_per_year. [h/year]
    delivery_capacity_hours : float | None
        max_delivery_hours_per_week × weeks_per_year: the most client-facing hours you can
        give; None without a limit. [h/year]
    total_hours : float
        Your own hours: Σ offer hours + fixed admin − what the assistant takes. [h/year]
    free_hours : float
        capacity − total hours; negative when over capacity. [h/year]
    utilization : float
        total hours / capacity: the share of your hours the plan uses ("hours used"). [0-1]
    billable_utilization : float | None
        delivery hours / capacity: what professional services call utilisation (billable
        hours over available hours). [0-1]
    hours : HourBreakdown
        Hours by category; admin includes the fixed admin. [h/year]
    buyers, client_hours : float
        Summed over the offers. [buyers/year], [h/year]
    leverage : float | None
        client hours / total hours. [-]
    effective_hourly_rate : float | None
        net income / total hours. [currency/h]
    billable_share : float | None
        delivery hours / total hours. [0-1]
    billable_to_bd_ratio : float | None
        delivery hours / business development hours. [-]
    associate_hours : float
        Hours associates work, every offer. [h/year]
    team_leverage : float | None
        associate hours / your own delivery hours. [-]
    assistant_hours : float
        Hours your assistant works in the year. [h/year]
    reach_through_others : float
        Clients your licensees serve in a year. [clients/year]
    """

    revenue: float
    direct_costs: float
    fixed_costs: float
    net_income: float
    tax: float
    take_home: float
    capacity_hours: float
    delivery_capacity_hours: float | None
    total_hours: float
    free_hours: float
    utilization: float
    billable_utilization: float | None
    hours: HourBreakdown
    buyers: float
    client_hours: float
    leverage: float | None
    effective_hourly_rate: float | None
    billable_share: float | None
    billable_to_bd_ratio: float | None
    associate_hours: float
    team_leverage: float | None
    assistant_hours: float
    reach_through_others: float

    @property
    def contribution(self) -> float:
        """revenue − direct costs. [currency/year]"""
        return self.revenue - self.direct_costs


@dataclass(frozen=True)
class ScenarioResult:
    """Everything :func:`models.evaluation.evaluate` computes for a scenario.

    ``offers`` holds the enabled offers only, in the scenario's order;
    ``warnings`` every warning of the scenario and of its offers.
    """

    scenario: str
    currency: str
    totals: Totals
    offers: tuple[OfferResult, ...]
    warnings: tuple[str, ...]

    def offer(self, name: str) -> OfferResult:
        """The result of the enabled offer with this name."""
        for result in self.offers:
            if result.name == name:
                return result
        raise KeyError(name)


def result_to_dict(result: Any) -> dict[str, Any]:
    """The plain serialisation of a result dataclass: dicts, lists, numbers, strings and None."""
    return dataclasses.asdict(result, dict_factory=dict)
