"""The eight headline figures of a plan, in words: what the Plan page, the workshop and the
reports put first.

Each figure is a label, its value formatted in the scenario's currency, an optional
line under it (against the target, hours free or over) and whether that line is good
news. The app draws them as cards, the HTML report as tiles; the text is written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.evaluation import DEMAND_TOLERANCE, per_week
from models.results import ScenarioResult
from models.schema import Scenario
from presentation.formatting import (
    format_hours,
    format_money,
    format_money_short,
    format_ratio,
    format_share,
    with_sign,
)
from presentation.glossary import glossary_help


@dataclass(frozen=True)
class Headline:
    """One headline figure as a person reads it.

    ``detail`` is the line under the value, or None; ``good`` says whether that line
    is good news (True), bad news (False) or neither (None). ``signed`` says the
    detail starts with a + or − sign (a change), so it may carry an arrow.
    """

    key: str
    label: str
    value: str
    help: str
    detail: str | None = None
    good: bool | None = None
    signed: bool = False


def headlines(scenario: Scenario, result: ScenarioResult) -> tuple[Headline, ...]:
    """Net income, take-home (against the target), hours used against capacity, effective
    hourly rate, billable utilisation, billable share, billable-to-BD ratio and leverage.

    The target is compared with take-home income, net income less tax (the same as net
    income when there is no tax rate). "Hours used" is every hour over capacity (the totals'
    ``utilization``); the word utilisation is kept for what professional services mean by
    it, your own delivery hours over the hours available (``billable_utilization``), shown
    against the most client-facing hours you can give when you set that limit.
    """
    totals = result.totals
    currency = result.currency
    practitioner = scenario.practitioner
    target = practitioner.target_net_income
    income_detail, income_good = None, None
    if target is not None:
        gap = totals.take_home - target
        # The one sign rule (formatting.with_sign): ASCII minus, which st.metric reads as a fall,
        # and ± when the gap rounds to nothing: exactly on target is neither good nor bad.
        change = with_sign(gap, format_money(abs(gap), currency))
        on_target = change.startswith("±")
        income_detail = (
            f"On the {format_money(target, currency)} target"
            if on_target
            else f"{change} against the {format_money(target, currency)} target"
        )
        income_good = None if on_target else gap > 0
    tax_detail = None
    if practitioner.tax_rate > 0:
        tax_detail = (
            f"{format_money(totals.tax, currency)} tax at {format_share(practitioner.tax_rate)}"
        )
    delivery_detail, delivery_good = None, None
    if totals.delivery_capacity_hours is not None:
        delivery_per_week = per_week(totals.hours.delivery, practitioner)
        delivery_detail = (
            f"{delivery_per_week:,.1f} of {practitioner.max_delivery_hours_per_week:g} h a week "
            "with clients"
        )
        delivery_good = totals.hours.delivery <= totals.delivery_capacity_hours * (
            1 + DEMAND_TOLERANCE
        )
    free_per_week = per_week(totals.free_hours, practitioner)
    fits = totals.free_hours >= 0
    rate = totals.effective_hourly_rate
    return (
        Headline(
            "net_income",
            "Net income a year",
            format_money_short(totals.net_income, currency),
            glossary_help("Net income"),
            tax_detail,
        ),
        Headline(
            "take_home",
            "Take-home a year",
            format_money_short(totals.take_home, currency),
            glossary_help("Take-home"),
            income_detail,
            income_good,
            signed=income_good is not None,
        ),
        Headline(
            "hours",
            "Hours used",
            f"{format_hours(totals.total_hours)} of {format_hours(totals.capacity_hours)}",
            glossary_help("Hours used"),
            f"{format_share(totals.utilization)} used, {abs(free_per_week):,.1f} h a week "
            f"{'free' if fits else 'over capacity'}",
            fits,
        ),
        Headline(
            "effective_hourly_rate",
            "Effective hourly rate",
            f"{format_money(rate, currency)}/h" if rate is not None else "—",
            glossary_help("Effective hourly rate"),
        ),
        Headline(
            "billable_utilization",
            "Billable utilisation",
            format_share(totals.billable_utilization),
            glossary_help("Billable utilisation"),
            delivery_detail,
            delivery_good,
        ),
        Headline(
            "billable_share",
            "Billable share",
            format_share(totals.billable_share),
            glossary_help("Billable share"),
        ),
        Headline(
            "billable_to_bd_ratio",
            "Billable-to-BD ratio",
            format_ratio(totals.billable_to_bd_ratio),
            glossary_help("Billable-to-BD ratio"),
        ),
        Headline(
            "leverage",
            "Leverage",
            format_ratio(totals.leverage),
            glossary_help("Leverage"),
        ),
    )
