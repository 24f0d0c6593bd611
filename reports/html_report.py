"""The HTML report: one self-contained file to send, open offline and print to PDF.

Charts are inline SVG (drawn by vl-convert), styles are inline, and there is no
script, font or image to fetch, so the file opens the same with no network. Print
styles put each section on a new page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import jinja2
import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from models.analysis import Analysis, analysis_of
from models.results import HOUR_CATEGORIES
from models.scale import scale_warnings
from models.schema import Scenario
from models.tables import (
    DEMAND_AND_TEAM_COLUMNS,
    DEMAND_AND_TEAM_UNITS,
    INPUT_COLUMNS,
    LEVER_COLUMNS,
    LEVER_UNITS,
    OFFER_COLUMNS,
    OFFER_UNITS,
    TAKE_HOME_AND_TEAM_FIGURES,
    YEAR_COLUMNS,
    YEAR_UNITS,
    figures_table,
    inputs_table,
    levers_table,
    offers_with_demand_and_team,
    years_table,
)
from presentation.formatting import DEFAULT_LOCALE, format_figure
from presentation.headline import headlines
from presentation.levers import levers_in_words
from presentation.timeline import milestones
from presentation.timeline import notes as timeline_notes
from reports.chart_files import CHARTS, ChartRenderError, chart_svg

#: The per-offer table in three narrower tables that fit a printed page, each led by the offer.
OFFER_GROUPS: dict[str, tuple[str, ...]] = {
    "Money a year": (
        "revenue",
        "direct_costs",
        "contribution",
        "revenue_per_bd_hour",
        "contribution_per_hour",
    ),
    "Your hours a year": ("total_hours", *HOUR_CATEGORIES),
    "Reach": ("buyers", "sessions", "client_hours", "leverage", "billable_to_bd_ratio"),
    "Demand and team": tuple(column for column in DEMAND_AND_TEAM_COLUMNS if column != "offer"),
}
_OFFER_HEADINGS = OFFER_COLUMNS | DEMAND_AND_TEAM_COLUMNS
_OFFER_UNITS = OFFER_UNITS | DEMAND_AND_TEAM_UNITS

#: Charts of the "Hours and money" section, then of the timeline section.
PLAN_CHARTS = ("hours", "money")
TIMELINE_CHARTS = ("cash",)

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("reports", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class Table:
    """A table ready to print: headings, which columns are numbers, and rows of text."""

    headings: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """A chart of the report: its name, title and SVG markup."""

    name: str
    title: str
    svg: Markup


def _cell(value: Any, unit: str | None, currency: str) -> str:
    """A table cell: a figure formatted by its unit, text as it is, an empty ratio as a dash."""
    if isinstance(value, float) and math.isnan(value):
        return "—"
    if unit is not None:
        return format_figure(value, unit, currency)
    return str(value)


def _table(
    frame: pd.DataFrame, headings: dict[str, str], units: dict[str, str], currency: str
) -> Table:
    columns = list(headings)
    rows = tuple(
        tuple(_cell(row[column], units.get(column), currency) for column in columns)
        for row in frame.to_dict("records")
    )
    return Table(
        headings=tuple(headings.values()),
        numeric=tuple(column in units for column in columns),
        rows=rows,
    )


def _offer_tables(frame: pd.DataFrame, currency: str) -> dict[str, Table]:
    """The per-offer figures in :data:`OFFER_GROUPS`; ``frame`` holds the per-offer table and
    the demand and team table's columns."""
    return {
        title: _table(
            frame,
            {column: _OFFER_HEADINGS[column] for column in ("offer", *columns)},
            _OFFER_UNITS,
            currency,
        )
        for title, columns in OFFER_GROUPS.items()
    }


def _take_home_and_team(analysis: Analysis, currency: str) -> Table:
    """Take-home, tax, hours used, billable utilisation, the team and reach: figure, value."""
    frame = figures_table(analysis.result, TAKE_HOME_AND_TEAM_FIGURES)
    rows = tuple(
        (row["figure"], _cell(row["value"], row["unit"], currency))
        for row in frame.to_dict("records")
    )
    return Table(("Figure", "Value"), (False, True), rows)


def _input_value(value: Any) -> str:
    """An input as set: yes/no, text, or a number with separators and up to 4 decimals."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(format_decimal(value, format="#,##0.####", locale=DEFAULT_LOCALE))
    return str(value)


def _inputs(scenario: Scenario) -> Table:
    frame = inputs_table(scenario)
    rows = tuple(
        (row["section"], row["field"], _input_value(row["value"]), row["unit"])
        for row in frame.to_dict("records")
    )
    return Table(tuple(INPUT_COLUMNS.values()), (False, False, True, False), rows)


#: What the report shows in place of a chart the chart engine could not draw.
CHART_MISSING = Markup('<p class="chart-missing">This chart could not be drawn.</p>')


def _chart_drawing(analysis: Analysis, name: str) -> Markup:
    """The chart as inline SVG, or a sentence saying it could not be drawn: the rest stays."""
    try:
        return Markup(chart_svg(analysis, name))
    except ChartRenderError:
        return CHART_MISSING


def _charts(analysis: Analysis, names: tuple[str, ...]) -> list[Chart]:
    return [Chart(name, CHARTS[name].title, _chart_drawing(analysis, name)) for name in names]


def html_report(source: Scenario | Analysis, prepared: date | None = None) -> str:
    """The scenario's report as one HTML document.

    It holds the story (name, description), the eight headline figures, take-home,
    tax and the team, the warnings, the hours and money charts, every offer's figures
    (its demand and team among them), each lever's ceiling, the timeline's landmarks, its
    years with their tax and its cash chart, and every input; ``prepared`` (default today)
    is the date printed on it. ``source`` is the scenario or its analysis: the
    scenario is evaluated once, and its levers and timeline are built once, for the
    whole report and its charts.
    """
    analysis = analysis_of(source)
    scenario = analysis.scenario
    result, levers, timeline = analysis.result, analysis.levers, analysis.timeline
    currency = scenario.currency
    has_offers = bool(result.offers)
    story = [part.strip() for part in (scenario.description or "").split("\n\n") if part.strip()]
    return _TEMPLATES.get_template("report.html.j2").render(
        name=scenario.name,
        currency=currency,
        prepared=format_date(prepared or date.today(), format="long", locale=DEFAULT_LOCALE),
        story=story,
        figures=headlines(scenario, result),
        warnings=[*result.warnings, *scale_warnings(levers)],
        charts=_charts(analysis, PLAN_CHARTS) if has_offers else [],
        take_home=_take_home_and_team(analysis, currency),
        offers=_offer_tables(
            offers_with_demand_and_team(scenario, result),
            currency,
        ),
        levers=_table(
            levers_in_words(levers_table(levers, result)),
            {column: heading for column, heading in LEVER_COLUMNS.items() if column != "kind"},
            LEVER_UNITS,
            currency,
        ),
        milestones=milestones(timeline.timeline, currency),
        years=_table(years_table(timeline.timeline), YEAR_COLUMNS, YEAR_UNITS, currency),
        timeline_notes=timeline_notes(timeline),
        timeline_charts=_charts(analysis, TIMELINE_CHARTS) if has_offers else [],
        inputs=_inputs(scenario),
        has_offers=has_offers,
    )
