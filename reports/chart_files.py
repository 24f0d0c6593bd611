"""The app's charts as files: a chart's complete Vega-Lite spec with its data, as SVG or PNG.

vl-convert runs Vega in an embedded JavaScript engine, so no browser is needed. It runs
in a worker process (:mod:`reports.chart_engine`): a chart it cannot draw raises
:class:`ChartRenderError` and never ends the process that asked for it. The worker's
first chart starts that engine (about a second); later charts take about 0.1-0.2 s each.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from charts.plan import (
    hours_chart,
    hours_chart_data,
    in_plan_order,
    money_chart,
    money_chart_data,
    vega_lite_spec,
)
from charts.scale import lever_chart, lever_data
from charts.timeline import (
    cash_chart,
    cash_data,
    lanes_chart,
    monthly_hours_chart,
    monthly_hours_data,
)
from models.evaluation import capacity_hours, evaluate, fixed_admin_hours
from models.scale import scale
from models.schema import Scenario
from models.tables import hours_by_category, hours_by_month, money_by_offer, months_table
from models.tables import offer_phases as offer_phases_table
from models.timeline import build_timeline
from reports.chart_engine import ChartRenderError, render

__all__ = ["CHARTS", "ChartFile", "ChartRenderError", "chart_png", "chart_spec", "chart_svg"]

#: Width of an exported chart's plotting area. [px]
CHART_WIDTH = 640

#: How many pixels a PNG has for each pixel of the chart: 2 stays sharp on a slide.
PNG_SCALE = 2


@dataclass(frozen=True)
class ChartFile:
    """A chart a person can take away: its title and how to draw it for a scenario."""

    title: str
    draw: Callable[[Scenario], tuple[pd.DataFrame, dict[str, Any]]]


def _hours(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    result = evaluate(scenario)
    data = hours_chart_data(
        hours_by_category(result, whole_plan=True), result.totals.capacity_hours
    )
    return data, vega_lite_spec(hours_chart)


def _money(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    data = money_chart_data(money_by_offer(evaluate(scenario)))
    return data, vega_lite_spec(money_chart, scenario.currency)


def _levers(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    practitioner = scenario.practitioner
    hours_for_offers = capacity_hours(practitioner) - fixed_admin_hours(practitioner)
    return lever_data(scale(scenario), hours_for_offers), vega_lite_spec(
        lever_chart, scenario.currency
    )


def _monthly_hours(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    report = build_timeline(scenario)
    data = monthly_hours_data(hours_by_month(report.timeline), report.capacity_hours)
    return data, vega_lite_spec(monthly_hours_chart)


def _cash(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    months = months_table(build_timeline(scenario).timeline)
    return cash_data(months), vega_lite_spec(cash_chart, scenario.currency)


def _phases(scenario: Scenario) -> tuple[pd.DataFrame, dict[str, Any]]:
    data = in_plan_order(offer_phases_table(build_timeline(scenario)))
    return data, vega_lite_spec(lanes_chart)


#: Every chart that can be exported, by the name the command line takes.
CHARTS: dict[str, ChartFile] = {
    "hours": ChartFile("Where your hours go", _hours),
    "money": ChartFile("What each offer earns", _money),
    "levers": ChartFile("The length of each lever", _levers),
    "monthly-hours": ChartFile("Hours month by month", _monthly_hours),
    "cash": ChartFile("Net income month by month, and in all", _cash),
    "phases": ChartFile("When each offer is created, ramps up and runs", _phases),
}


def chart_spec(scenario: Scenario, name: str) -> dict[str, Any]:
    """The chart's complete Vega-Lite spec: the app's spec, a fixed width and the data inline.

    Missing values (NaN) become JSON nulls, which Vega leaves out.
    """
    data, spec = CHARTS[name].draw(scenario)
    records = json.loads(data.to_json(orient="records"))
    return {**spec, "width": CHART_WIDTH, "data": {"values": records}}


def chart_svg(scenario: Scenario, name: str) -> str:
    """The chart as an SVG document: text and shapes, no scripts, no external links.

    Raises :class:`ChartRenderError` when the chart engine cannot draw it.
    """
    return str(render(chart_spec(scenario, name), "svg"))


def chart_png(scenario: Scenario, name: str, scale_factor: float = PNG_SCALE) -> bytes:
    """The chart as a PNG image, ``scale_factor`` pixels for each pixel of its SVG.

    Raises :class:`ChartRenderError` when the chart engine cannot draw it.
    """
    return bytes(render(chart_spec(scenario, name), "png", scale_factor))
