"""Whether a plan fits: within the practitioner's hours, their client-facing hours, and what
each market will buy.

The Decide analyses (goal seek, what must be true, sensitivity, the simulation)
never call a plan good without saying whether it fits. A plan fits when its
total hours are at most the capacity, its own delivery hours at most the
delivery capacity (``max_delivery_hours_per_week``, where given), and no enabled
offer sells more than its market: ``max_sales_per_year``, and new buyers no more
than its leads convert (``leads_per_year × conversion_rate``). Every check is
array-safe: with fields holding numpy arrays (a grid of values, a block of
samples) each answer is an array, one element per plan.

A plan within :data:`HOURS_TOLERANCE` of its capacity fits: an answer found
numerically right at the capacity is not called "over" by a rounding error.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from models.evaluation import DEMAND_TOLERANCE, OfferYear, YearSums, offer_year, year_sums
from models.schema import OfferBase, Scenario

#: Hours over capacity that still count as fitting: float rounding, not a plan. [h/year]
HOURS_TOLERANCE = 1e-9


def hours_over(total_hours: Any, capacity_hours: Any) -> Any:
    """Hours beyond capacity, 0 when the plan fits (within :data:`HOURS_TOLERANCE`). [h/year]

    Notes
    -----
    max(0, total hours − capacity). A coach planning 1,857 h of a 1,840 h year is
    over by 17 h. Arrays in, arrays out: the one comparison every analysis uses.
    """
    over = np.maximum(0.0, np.asarray(total_hours) - capacity_hours)
    return np.where(over > HOURS_TOLERANCE, over, 0.0)


def over_by_hours(sums: YearSums) -> Any:
    """The year's hours beyond capacity (:func:`hours_over`). [h/year]"""
    return hours_over(sums.total_hours, sums.capacity_hours)


def within_hours(sums: YearSums) -> Any:
    """Whether the year's hours fit the capacity (bool, or a bool array)."""
    return over_by_hours(sums) == 0


def over_delivery_cap_by_hours(sums: YearSums) -> Any:
    """Own delivery hours beyond the delivery capacity, 0 within it or without one. [h/year]"""
    if sums.delivery_capacity_hours is None:
        return np.zeros_like(np.asarray(sums.hours.delivery, dtype=float))
    return hours_over(sums.hours.delivery, sums.delivery_capacity_hours)


def over_its_market(offer: OfferBase, year: OfferYear) -> Any:
    """Whether an offer sells more than its market will buy: buyers above
    ``max_sales_per_year``, or new buyers above ``leads_per_year × conversion_rate`` (bool,
    or a bool array). Within :data:`~models.evaluation.DEMAND_TOLERANCE` of the demand counts
    as within it."""
    over: Any = np.zeros_like(np.asarray(year.buyers, dtype=bool))
    if offer.max_sales_per_year is not None:
        over = over | (np.asarray(year.buyers) > offer.max_sales_per_year)
    if offer.leads_per_year is not None and offer.conversion_rate is not None:
        reachable = offer.leads_per_year * offer.conversion_rate
        over = over | (np.asarray(year.new_buyers) > reachable * (1 + DEMAND_TOLERANCE))
    return over


def has_market_limit(offer: OfferBase) -> bool:
    """Whether the offer has a market limit: ``max_sales_per_year`` or leads."""
    return offer.max_sales_per_year is not None or offer.leads_per_year is not None


class FitCheck(NamedTuple):
    """How a plan stands against its hours and its markets.

    Attributes
    ----------
    sums : YearSums
        The plan's year, from the same evaluation as everything else.
    over_by_hours : float
        Hours beyond capacity, 0 when within. [h/year]
    over_delivery_cap_by_hours : float
        Own delivery hours beyond the delivery capacity, 0 when within. [h/year]
    over_market : dict[str, Any]
        Offer name → whether that offer sells more than its market will buy
        (:func:`over_its_market`; only offers with a market limit).
    """

    sums: YearSums
    over_by_hours: Any
    over_delivery_cap_by_hours: Any
    over_market: dict[str, Any]

    @property
    def fits(self) -> Any:
        """Within the hours, the client-facing hours and every market (bool, or a bool
        array)."""
        fits: Any = (self.over_by_hours == 0) & (self.over_delivery_cap_by_hours == 0)
        for over in self.over_market.values():
            fits = fits & ~np.asarray(over)
        return fits

    def offers_over_market(self) -> tuple[str, ...]:
        """The offers selling more than their market will buy (a plan of single values)."""
        return tuple(name for name, over in self.over_market.items() if bool(over))


def check_fit(scenario: Scenario) -> FitCheck:
    """The plan's year and whether it fits its hours and its markets.

    Notes
    -----
    fits = total hours ≤ capacity, own delivery ≤ delivery capacity and, for every
    enabled offer with a market limit, buyers ≤ ``max_sales_per_year`` and new buyers ≤
    leads × conversion. 24 clients of a 1:1 offer with a market of 30 are within the
    market; 24 new clients from 100 discovery calls at one in five (20) are not.
    """
    years = [(offer, offer_year(offer)) for offer in scenario.enabled_offers]
    sums = year_sums(scenario.practitioner, (year for _, year in years))
    over_market = {
        offer.name: over_its_market(offer, year) for offer, year in years if has_market_limit(offer)
    }
    return FitCheck(
        sums=sums,
        over_by_hours=over_by_hours(sums),
        over_delivery_cap_by_hours=over_delivery_cap_by_hours(sums),
        over_market=over_market,
    )
