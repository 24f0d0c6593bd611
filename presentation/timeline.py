"""The timeline in words: its landmarks (peak month, break-even, payback), the months over
capacity and the schedule's notes, as the Timeline page, the reports and the command line
show them.

Every month and figure comes from :func:`models.timeline.build_timeline`; this module only
says them. Hours in [h/month], money in the scenario's currency.
"""

from __future__ import annotations

import math

from models.timeline import HourlyValue, Timeline, TimelineReport
from presentation.formatting import format_money


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


#: Where payback's value of an hour came from, in words.
HOURLY_VALUE_SOURCES: dict[str, str] = {
    "hourly_value": "what an hour of yours is worth",
    "other_offers": "the effective hourly rate of your other offers",
    "whole_plan": "the effective hourly rate of the whole plan: your other offers earn nothing",
    "none": "nothing: the plan earns nothing an hour",
}


def hourly_value_words(value: HourlyValue, currency: str | None = None) -> str:
    """The value payback used, in words: ``an hour valued at $27.55, the effective hourly rate
    of your other offers``; without a currency the amount has two decimals."""
    amount = format_money(value.value, currency, cents=True) if currency else f"{value.value:,.2f}"
    return f"an hour valued at {amount}, {HOURLY_VALUE_SOURCES[value.source]}"


def month_ranges(months: tuple[int, ...]) -> str:
    """Months in words, runs joined: ``1-3, 7, 9-12``."""
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][1] + 1:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return ", ".join(f"{first}" if first == last else f"{first}-{last}" for first, last in runs)


def delivery_cap_note(plan: Timeline) -> str | None:
    """The months whose own delivery passes the most client-facing hours you can give, in words,
    with the busiest of them; None when no month does (or without a limit)."""
    over = plan.over_delivery_cap_months
    if not over:
        return None
    busiest = max(over, key=lambda month: plan.months[month - 1].hours.delivery)
    month = plan.months[busiest - 1]
    return (
        f"Client-facing hours past the {month.delivery_capacity_hours:,.0f} h a month you can "
        f"give in months {month_ranges(over)} (month {busiest}: {month.hours.delivery:,.0f} h)."
    )


def year_lines(plan: Timeline, currency: str | None = None) -> tuple[str, ...]:
    """Each year's net income, tax and take-home in words:
    ``Year 1: net income $36,960, tax $9,240, take-home $27,720``."""

    def money(amount: float) -> str:
        return format_money(amount, currency) if currency else f"{amount:,.0f}"

    return tuple(
        f"Year {year.year}: net income {money(year.net_income)}, tax {money(year.tax)}, "
        f"take-home {money(year.take_home)}"
        for year in plan.years
    )


def every_month_the_same(plan: Timeline) -> bool:
    """True when no month has more hours than another: the plan has no busiest month."""
    peak = plan.months[plan.peak_month - 1].hours.total
    return all(math.isclose(month.hours.total, peak, abs_tol=1e-9) for month in plan.months)


def busiest_month_words(plan: Timeline) -> str:
    """The busiest month in words: ``month 10``, or ``none`` when no month has more hours than
    another (the first month is then no peak; see :func:`every_month_the_same`)."""
    return "none" if every_month_the_same(plan) else f"month {plan.peak_month}"


def milestones(plan: Timeline, currency: str | None = None) -> tuple[str, ...]:
    """The timeline's landmarks in words: the peak month, break-even, and when each offer's
    creation time is paid back, with the value of an hour it used."""
    peak = "none, every month the same" if every_month_the_same(plan) else plan.peak_month
    lines = [f"Peak month: {peak}"]
    lines.append(
        f"Break-even: month {plan.break_even_month}"
        if plan.break_even_month is not None
        else "Break-even: not within 36 months"
    )
    for name, month in plan.payback.items():
        paid = f"month {month}" if month is not None else "not within 36 months"
        words = hourly_value_words(plan.payback_hourly_value[name], currency)
        lines.append(f'Creation time of "{name}" paid back: {paid} ({words})')
    return tuple(lines)


def moved_starts(report: TimelineReport) -> tuple[str, ...]:
    """Each start the timeline moved (an offer's creation time comes first), in words."""
    return tuple(note for item in report.offers for note in item.notes)


def capacity_notes(report: TimelineReport) -> tuple[str, ...]:
    """Every over-capacity month in words, and the months past the delivery cap."""
    crowded = tuple(what_collides(report, month) for month in report.timeline.over_capacity_months)
    cap = delivery_cap_note(report.timeline)
    return crowded + ((cap,) if cap else ())


def notes(report: TimelineReport) -> tuple[str, ...]:
    """Everything the timeline says: the starts it moved, then the months over capacity."""
    return moved_starts(report) + capacity_notes(report)
