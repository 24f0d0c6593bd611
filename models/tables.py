"""Results as tidy pandas tables, for the app's charts and tables, CSV downloads and reports.

Long-form (one row per offer and measure) where a chart needs it, wide (one row
per offer) where a person reads it. Every figure comes from
:func:`models.evaluation.evaluate`; these functions only reshape.
"""

from __future__ import annotations

import csv
import math
from typing import Any

import pandas as pd
from pydantic import BaseModel

from models.chart_rows import hours_rows, money_rows
from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS, ScenarioResult
from models.scale import ScaleResult
from models.schema import KIND_LABELS, OFFER_MODELS, Scenario, field_order
from models.text import neutralise_formula
from models.timeline import Timeline, TimelineReport

#: Column → plain heading of the per-offer table, in order.
OFFER_COLUMNS: dict[str, str] = {
    "offer": "Offer",
    "kind": "Kind",
    "revenue": "Revenue",
    "direct_costs": "Direct costs",
    "contribution": "Contribution",
    "total_hours": "Hours",
    **{category: f"{HOUR_CATEGORY_LABELS[category]} h" for category in HOUR_CATEGORIES},
    "buyers": "Buyers",
    "sessions": "Sessions",
    "client_hours": "Client hours",
    "leads_per_year": "Leads",
    "leads_needed": "Leads needed",
    "associate_hours": "Associate hours",
    "leverage": "Leverage",
    "billable_to_bd_ratio": "Billable-to-BD",
    "revenue_per_bd_hour": "Revenue per BD hour",
    "contribution_per_hour": "Contribution per hour",
}

#: Column of the per-offer table → its unit (money in the scenario's currency).
OFFER_UNITS: dict[str, str] = {
    "revenue": "currency/year",
    "direct_costs": "currency/year",
    "contribution": "currency/year",
    "total_hours": "h/year",
    **dict.fromkeys(HOUR_CATEGORIES, "h/year"),
    "buyers": "per year",
    "sessions": "per year",
    "client_hours": "h/year",
    "leads_per_year": "leads/year",
    "leads_needed": "leads/year",
    "associate_hours": "h/year",
    "leverage": "-",
    "billable_to_bd_ratio": "-",
    "revenue_per_bd_hour": "currency/h",
    "contribution_per_hour": "currency/h",
}


def with_currency(headings: dict[str, str], units: dict[str, str], currency: str) -> dict[str, str]:
    """Column → heading, the money columns saying the currency: ``Revenue (USD)``, and an
    amount per hour ``Contribution per hour (USD/h)``; other headings as they are.

    The one rule for every table the app shows, so no table leaves its money unnamed.
    """
    return {
        column: (
            f"{heading} ({currency}{'/h' if units[column] == 'currency/h' else ''})"
            if units.get(column, "").startswith("currency")
            else heading
        )
        for column, heading in headings.items()
    }


def _number(value: float | None) -> float:
    """A ratio for a table: undefined (None) becomes NaN, shown empty."""
    return math.nan if value is None else value


def offers_table(result: ScenarioResult, scenario: Scenario | None = None) -> pd.DataFrame:
    """One row per enabled offer with every per-offer metric; undefined ratios are empty (NaN).

    The leads each offer's marketing reaches (an input, ``leads_per_year``) stand beside the
    leads its plan needs when ``scenario`` (the one ``result`` evaluates) is given; without it,
    or for an offer without leads, that column is empty.
    """
    leads = {offer.name: offer.leads_per_year for offer in (scenario.offers if scenario else ())}
    rows = [
        {
            "offer": offer.name,
            "kind": KIND_LABELS[offer.kind],
            "revenue": offer.revenue,
            "direct_costs": offer.direct_costs,
            "contribution": offer.contribution,
            "total_hours": offer.total_hours,
            **{category: getattr(offer.hours, category) for category in HOUR_CATEGORIES},
            "buyers": offer.buyers,
            "sessions": offer.sessions,
            "client_hours": offer.client_hours,
            "leads_per_year": _number(leads.get(offer.name)),
            "leads_needed": _number(offer.leads_needed),
            "associate_hours": offer.associate_hours,
            "leverage": _number(offer.leverage),
            "billable_to_bd_ratio": _number(offer.billable_to_bd_ratio),
            "revenue_per_bd_hour": _number(offer.revenue_per_bd_hour),
            "contribution_per_hour": _number(offer.contribution_per_hour),
        }
        for offer in result.offers
    ]
    return pd.DataFrame(rows, columns=list(OFFER_COLUMNS))


#: Columns of the per-offer table that only some plans use (version 2's team and funnel).
OPTIONAL_OFFER_COLUMNS = ("oversight", "leads_per_year", "leads_needed", "associate_hours")


def unused_columns(table: pd.DataFrame) -> list[str]:
    """The optional columns of a per-offer table (:data:`OPTIONAL_OFFER_COLUMNS`) that no
    offer uses: every value empty or zero, so a plan without leads or associates reads as
    before."""
    return [
        column
        for column in OPTIONAL_OFFER_COLUMNS
        if column in table and not (table[column].fillna(0) != 0).any()
    ]


def hours_by_category(result: ScenarioResult, *, whole_plan: bool = False) -> pd.DataFrame:
    """:func:`models.chart_rows.hours_rows` as a frame: offer, category, hours [h/year]."""
    return pd.DataFrame(
        hours_rows(result, whole_plan=whole_plan), columns=["offer", "category", "hours"]
    )


def money_by_offer(result: ScenarioResult) -> pd.DataFrame:
    """:func:`models.chart_rows.money_rows` as a frame: offer, measure, amount. [currency/year]"""
    return pd.DataFrame(money_rows(result), columns=["offer", "measure", "amount"])


#: Fields a table of inputs leaves out: the section's identity, and the schedule and
#: ranges, which are their own tables on the Timeline and Decide pages.
_NOT_INPUTS = ("schema_version", "kind", "name", "schedule", "ranges")

#: Column → plain heading of the table of inputs, in order.
INPUT_COLUMNS: dict[str, str] = {
    "section": "Whose",
    "field": "Input",
    "value": "Value",
    "unit": "Unit",
}


def _input_rows(section: str, model: BaseModel, currency: str) -> list[dict[str, Any]]:
    fields = type(model).model_fields
    rows = []
    for name in field_order(type(model)):
        value = getattr(model, name)
        if name in _NOT_INPUTS or value is None:
            continue
        extra = fields[name].json_schema_extra
        unit = str(extra.get("unit", "")) if isinstance(extra, dict) else ""
        rows.append(
            {
                "section": section,
                "field": fields[name].title or name,
                "value": value,
                "unit": unit.replace("currency", currency),
            }
        )
    return rows


def inputs_table(scenario: Scenario) -> pd.DataFrame:
    """Every input with a value, the practitioner's first ("You"), then each offer's, disabled
    ones included, in schema order: section, field (its title), value (as set: a number,
    text or yes/no), unit (money in the scenario's currency)."""
    rows = _input_rows("You", scenario.practitioner, scenario.currency)
    for offer in scenario.offers:
        rows += _input_rows(offer.name, offer, scenario.currency)
    return pd.DataFrame(rows, columns=list(INPUT_COLUMNS))


#: Column → plain heading of the table of levers, in order.
LEVER_COLUMNS: dict[str, str] = {
    "offer": "Offer",
    "kind": "Kind",
    "contribution_per_hour": "Contribution per hour now",
    "plan": "Your plan",
    "quantity_unit": "Unit",
    "ceiling": "Ceiling",
    "bound_by": "Bound by",
    "contribution_at_ceiling": "Contribution at ceiling",
    "next_buyer_hours": "Next buyer: hours",
    "next_buyer_hourly_rate": "Next buyer: per hour",
}

#: Column of the table of levers → its unit.
LEVER_UNITS: dict[str, str] = {
    "contribution_per_hour": "currency/h",
    "plan": "per year",
    "ceiling": "per year",
    "contribution_at_ceiling": "currency/year",
    "next_buyer_hours": "h",
    "next_buyer_hourly_rate": "currency/h",
}


def levers_table(levers: ScaleResult, plan: ScenarioResult) -> pd.DataFrame:
    """One row per enabled offer: what an hour earns on it today [currency/h], the plan's
    quantity [buyers/year] and what it counts (``quantity_unit``: clients, members …), the
    ceiling [buyers/year] and what binds it (a :data:`models.scale.Bound` code: ``time``,
    ``market`` or ``none``; :func:`presentation.levers.levers_in_words` says it in words), the
    contribution there [currency/year], and the next buyer's hours [h] and earnings per hour
    [currency/h]."""
    rows = [
        {
            "offer": lever.name,
            "kind": KIND_LABELS[lever.kind],
            "contribution_per_hour": _number(plan.offer(lever.name).contribution_per_hour),
            "plan": lever.quantity,
            "quantity_unit": OFFER_MODELS[lever.kind].quantity_words,
            "ceiling": lever.ceiling.quantity,
            "bound_by": lever.bound,
            "contribution_at_ceiling": lever.ceiling.contribution,
            "next_buyer_hours": lever.marginal.hours_per_unit,
            "next_buyer_hourly_rate": _number(lever.marginal.hourly_rate),
        }
        for lever in levers.offers
    ]
    return pd.DataFrame(rows, columns=list(LEVER_COLUMNS))


#: Column → plain heading of the table of scale curves, in order.
CURVE_COLUMNS: dict[str, str] = {
    "offer": "Offer",
    "quantity": "Buyers",
    "revenue": "Revenue",
    "contribution": "Contribution",
    "offer_hours": "Hours on the offer",
    "scenario_hours": "Hours of the whole plan",
}

#: Column of the table of scale curves → its unit.
CURVE_UNITS: dict[str, str] = {
    "quantity": "per year",
    "revenue": "currency/year",
    "contribution": "currency/year",
    "offer_hours": "h/year",
    "scenario_hours": "h/year",
}


def curves_table(levers: ScaleResult) -> pd.DataFrame:
    """Every point of every offer's scale curve, offer by offer: its buyers [per year], revenue
    and contribution [currency/year], and hours on the offer and in the whole plan [h/year]."""
    rows = [
        {
            "offer": lever.name,
            "quantity": point.quantity,
            "revenue": point.revenue,
            "contribution": point.contribution,
            "offer_hours": point.offer_hours,
            "scenario_hours": point.scenario_hours,
        }
        for lever in levers.offers
        for point in lever.points
    ]
    return pd.DataFrame(rows, columns=list(CURVE_COLUMNS))


#: Column → plain heading of the monthly table, in order.
MONTH_COLUMNS: dict[str, str] = {
    "month": "Month",
    **{category: f"{HOUR_CATEGORY_LABELS[category]} h" for category in HOUR_CATEGORIES},
    "total_hours": "Hours",
    "capacity_hours": "Capacity h",
    "utilization": "Hours used",
    "revenue": "Revenue",
    "direct_costs": "Direct costs",
    "fixed_costs": "Fixed costs",
    "net_income": "Net income",
    "cumulative_net_income": "Cumulative net income",
    "associate_hours": "Associates h",
    "associate_costs": "Associates' costs",
    "marketing_costs": "Marketing costs",
    "new_buyers": "New buyers",
    "leads_needed": "Leads needed",
}

#: Column of the monthly table → its unit.
MONTH_UNITS: dict[str, str] = {
    **dict.fromkeys(HOUR_CATEGORIES, "h/month"),
    "total_hours": "h/month",
    "capacity_hours": "h/month",
    "utilization": "0-1",
    "revenue": "currency/month",
    "direct_costs": "currency/month",
    "fixed_costs": "currency/month",
    "net_income": "currency/month",
    "cumulative_net_income": "currency",
    "associate_hours": "h/month",
    "associate_costs": "currency/month",
    "marketing_costs": "currency/month",
    "new_buyers": "buyers/month",
    "leads_needed": "leads/month",
}

#: Column of the yearly table of the timeline → its label and unit.
YEAR_COLUMNS: dict[str, str] = {
    "year": "Year",
    "revenue": "Revenue",
    "direct_costs": "Direct costs",
    "fixed_costs": "Fixed costs",
    "net_income": "Net income",
    "tax": "Tax",
    "take_home": "Take-home",
    "associate_hours": "Associates h",
    "associate_costs": "Associates' costs",
    "marketing_costs": "Marketing costs",
    "new_buyers": "New buyers",
    "leads_needed": "Leads needed",
}
YEAR_UNITS: dict[str, str] = {
    **dict.fromkeys(
        ("revenue", "direct_costs", "fixed_costs", "net_income", "tax", "take_home"),
        "currency/year",
    ),
    "associate_hours": "h/year",
    "associate_costs": "currency/year",
    "marketing_costs": "currency/year",
    "new_buyers": "buyers/year",
    "leads_needed": "leads/year",
}


def months_table(timeline: Timeline) -> pd.DataFrame:
    """One row per month 1-36: hours by category and in all [h/month], money [currency/month]."""
    rows = [
        {
            "month": month.month,
            **{category: getattr(month.hours, category) for category in HOUR_CATEGORIES},
            "total_hours": month.hours.total,
            "capacity_hours": month.capacity_hours,
            "utilization": month.utilization,
            "revenue": month.revenue,
            "direct_costs": month.direct_costs,
            "fixed_costs": month.fixed_costs,
            "net_income": month.net_income,
            "cumulative_net_income": month.cumulative_net_income,
            "associate_hours": month.associate_hours,
            "associate_costs": month.associate_costs,
            "marketing_costs": month.marketing_costs,
            "new_buyers": month.new_buyers,
            "leads_needed": month.leads_needed,
        }
        for month in timeline.months
    ]
    return pd.DataFrame(rows, columns=list(MONTH_COLUMNS))


def years_table(timeline: Timeline) -> pd.DataFrame:
    """One row per year 1-3: money [currency/year] with tax and take-home, associates' hours
    [h/year], new buyers and leads [a year]."""
    return pd.DataFrame(
        [{column: getattr(year, column) for column in YEAR_COLUMNS} for year in timeline.years],
        columns=list(YEAR_COLUMNS),
    )


def hours_by_month(timeline: Timeline) -> pd.DataFrame:
    """Long form: month, category (its label), hours [h/month]; empty categories left out."""
    rows = [
        (month.month, HOUR_CATEGORY_LABELS[category], hours)
        for month in timeline.months
        for category in HOUR_CATEGORIES
        if (hours := getattr(month.hours, category)) > 0
    ]
    return pd.DataFrame(rows, columns=["month", "category", "hours"])


def offer_phases(report: TimelineReport) -> pd.DataFrame:
    """Long form: offer, phase ("creating", "ramping up", "running"), first and last month."""
    rows = [
        (item.name, phase, first, last)
        for item in report.offers
        for phase, first, last in item.phases
    ]
    return pd.DataFrame(rows, columns=["offer", "phase", "first_month", "last_month"])


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column headings no spreadsheet reads as a
    formula (:func:`models.text.neutralise_formula`: ``=1+1`` becomes ``'=1+1``); numbers
    are left as they are."""

    def safe(value: Any) -> Any:
        return neutralise_formula(value) if isinstance(value, str) else value

    safe_frame = frame.rename(columns=lambda heading: safe(str(heading)))
    text_columns = [
        column
        for column, kind in safe_frame.dtypes.items()
        if not pd.api.types.is_numeric_dtype(kind)
    ]
    for column in text_columns:
        safe_frame[column] = safe_frame[column].map(safe)
    return safe_frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as a CSV download (UTF-8), every text field quoted and neutralised as OWASP
    advises against CSV injection (:func:`spreadsheet_safe`); numbers stay numbers."""
    text = spreadsheet_safe(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC)
    return text.encode("utf-8")


#: The plan's take-home, how full it is and what the team and licensees add (version 2): key of
#: :class:`models.results.Totals` → (label, unit).
TAKE_HOME_AND_TEAM_FIGURES: dict[str, tuple[str, str]] = {
    "net_income": ("Net income", "currency/year"),
    "tax": ("Tax", "currency/year"),
    "take_home": ("Take-home income", "currency/year"),
    "utilization": ("Hours used", "0-1"),
    "billable_utilization": ("Billable utilisation", "0-1"),
    "delivery_capacity_hours": ("Client-facing hours you can give", "h/year"),
    "associate_hours": ("Associates' hours", "h/year"),
    "team_leverage": ("Team leverage (associates' hours per own delivery hour)", "-"),
    "assistant_hours": ("Assistant's hours", "h/year"),
    "reach_through_others": ("Reach through others (licensees' clients)", "per year"),
}


def figures_table(result: ScenarioResult, figures: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """The plan's ``figures`` (key → label, unit): figure (label), value, unit; undefined
    figures empty (NaN)."""
    rows = [
        {"figure": label, "value": _number(getattr(result.totals, key)), "unit": unit}
        for key, (label, unit) in figures.items()
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "unit"])


#: Column → heading of the per-offer demand and team table (its offer column is "offer").
DEMAND_AND_TEAM_COLUMNS: dict[str, str] = {
    "offer": "Offer",
    "leads_per_year": "Leads reached",
    "leads_needed": "Leads needed",
    "new_buyers": "New buyers",
    "demand_limit": "Demand limit",
    "market_limit": "Market limit",
    "marketing_costs": "Marketing costs",
    "associate_hours": "Associates h",
    "associate_costs": "Associates' costs",
    "reach_through_others": "Reach through others",
}

#: Column of the demand and team table → its unit.
DEMAND_AND_TEAM_UNITS: dict[str, str] = {
    "leads_per_year": "per year",
    "leads_needed": "per year",
    "new_buyers": "per year",
    "demand_limit": "per year",
    "market_limit": "per year",
    "marketing_costs": "currency/year",
    "associate_hours": "h/year",
    "associate_costs": "currency/year",
    "reach_through_others": "per year",
}


def demand_and_team_table(scenario: Scenario, result: ScenarioResult) -> pd.DataFrame:
    """One row per enabled offer: the leads its marketing reaches (an input) against the leads
    it needs, its new buyers, demand and market limits [buyers/year], marketing costs, and its
    associates' hours and costs; what an offer does not have is empty (NaN)."""
    enabled = {offer.name: offer for offer in scenario.enabled_offers}
    rows = [
        {
            "offer": offer.name,
            "leads_per_year": _number(enabled[offer.name].leads_per_year),
            "leads_needed": _number(offer.leads_needed),
            "new_buyers": offer.new_buyers,
            "demand_limit": _number(offer.demand_limit),
            "market_limit": _number(offer.market_limit),
            "marketing_costs": offer.marketing_costs,
            "associate_hours": offer.associate_hours,
            "associate_costs": offer.associate_costs,
            "reach_through_others": offer.reach_through_others,
        }
        for offer in result.offers
    ]
    return pd.DataFrame(rows, columns=list(DEMAND_AND_TEAM_COLUMNS))


def offers_with_demand_and_team(scenario: Scenario, result: ScenarioResult) -> pd.DataFrame:
    """The per-offer table (:func:`offers_table`) with each offer's demand and team columns
    (:func:`demand_and_team_table`) in place of the few it shares with them: the reports'
    table of offers."""
    demand_and_team = demand_and_team_table(scenario, result)
    shared = [column for column in demand_and_team if column != "offer"]
    return (
        offers_table(result)
        .drop(columns=shared, errors="ignore")
        .merge(demand_and_team, on="offer", how="left", validate="one_to_one")
    )
