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
from models.analysis import Analysis, analysis_of
from models.evaluation import hours_for_offers
from models.schema import Scenario
from models.tables import hours_by_category, hours_by_month, money_by_offer, months_table
from models.tables import offer_phases as offer_phases_table
from presentation.chart_titles import CHART_TITLES
from reports.chart_engine import ChartRenderError, render

__all__ = ["CHARTS", "ChartFile", "ChartRenderError", "chart_png", "chart_spec", "chart_svg"]

#: Width of an exported chart's plotting area. [px]
CHART_WIDTH = 640

#: How many pixels a PNG has for each pixel of the chart: 2 stays sharp on a slide.
PNG_SCALE = 2


@dataclass(frozen=True)
class ChartFile:
    """A chart a person can take away: its title and how to draw it from a scenario's analysis."""

    title: str
    draw: Callable[[Analysis], tuple[pd.DataFrame, dict[str, Any]]]


def _hours(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    result = analysis.result
    data = hours_chart_data(
        hours_by_category(result, whole_plan=True), result.totals.capacity_hours
    )
    return data, vega_lite_spec(hours_chart)


def _money(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    data = money_chart_data(money_by_offer(analysis.result))
    return data, vega_lite_spec(money_chart, analysis.scenario.currency)


def _levers(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    scenario = analysis.scenario
    data = lever_data(analysis.levers, hours_for_offers(scenario.practitioner))
    return data, vega_lite_spec(lever_chart, scenario.currency)


def _monthly_hours(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    report = analysis.timeline
    data = monthly_hours_data(
        hours_by_month(report.timeline),
        report.capacity_hours,
        report.timeline.months[0].delivery_capacity_hours,
    )
    return data, vega_lite_spec(monthly_hours_chart)


def _cash(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    months = months_table(analysis.timeline.timeline)
    return cash_data(months), vega_lite_spec(cash_chart, analysis.scenario.currency)


def _phases(analysis: Analysis) -> tuple[pd.DataFrame, dict[str, Any]]:
    data = in_plan_order(offer_phases_table(analysis.timeline))
    return data, vega_lite_spec(lanes_chart)


#: Every chart that can be exported, by the name the command line takes.
CHARTS: dict[str, ChartFile] = {
    "hours": ChartFile(CHART_TITLES["hours"], _hours),
    "money": ChartFile(CHART_TITLES["money"], _money),
    "levers": ChartFile(CHART_TITLES["levers"], _levers),
    "monthly-hours": ChartFile(CHART_TITLES["monthly-hours"], _monthly_hours),
    "cash": ChartFile(CHART_TITLES["cash"], _cash),
    "phases": ChartFile(CHART_TITLES["phases"], _phases),
}


def chart_spec(source: Scenario | Analysis, name: str) -> dict[str, Any]:
    """The chart's complete Vega-Lite spec: the app's spec, a fixed width and the data inline.

    ``source`` is the scenario or, better when several files are made from it, its
    :class:`~models.analysis.Analysis`, whose results are then computed once.
    Missing values (NaN) become JSON nulls, which Vega leaves out.
    """
    data, spec = CHARTS[name].draw(analysis_of(source))
    records = json.loads(data.to_json(orient="records"))
    if "vconcat" in spec:  # panels over one axis: each panel gets the width
        panels = [{**panel, "width": CHART_WIDTH} for panel in spec["vconcat"]]
        return {**spec, "vconcat": panels, "data": {"values": records}}
    return {**spec, "width": CHART_WIDTH, "data": {"values": records}}


def chart_svg(source: Scenario | Analysis, name: str) -> str:
    """The chart as an SVG document: text and shapes, no scripts, no external links.

    Raises :class:`ChartRenderError` when the chart engine cannot draw it.
    """
    return str(render(chart_spec(source, name), "svg"))


def chart_png(source: Scenario | Analysis, name: str, scale_factor: float = PNG_SCALE) -> bytes:
    """The chart as a PNG image, ``scale_factor`` pixels for each pixel of its SVG.

    Raises :class:`ChartRenderError` when the chart engine cannot draw it.
    """
    return bytes(render(chart_spec(source, name), "png", scale_factor))
