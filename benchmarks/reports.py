"""Speed of the reports (issue 7's budgets): the HTML report and the workbook of a 7-offer
scenario, each within 1 s; a PNG chart for reference."""

from __future__ import annotations

import time

from benchmarks.decide import SEVEN_OFFERS
from benchmarks.timing import Measurement, measure
from models import load_scenario
from reports.chart_files import chart_png
from reports.html_report import html_report
from reports.workbook import workbook


def run() -> list[Measurement]:
    """The first report of a process (it starts vl-convert's JavaScript engine), then medians
    of later ones against the 1 s budgets."""
    scenario = load_scenario(SEVEN_OFFERS.read_text(encoding="utf-8"))
    started = time.perf_counter()
    html_report(scenario)
    first = Measurement(
        "first HTML report of a process (starts the chart engine), 7 offers",
        1.0,
        (time.perf_counter() - started,),
    )
    return [
        first,
        measure(
            "HTML report, 7 offers, 3 charts",
            lambda: html_report(scenario),
            runs=10,
            budget_seconds=1.0,
        ),
        measure(
            "Excel workbook, 7 offers", lambda: workbook(scenario), runs=10, budget_seconds=1.0
        ),
        measure(
            "PNG of the hours chart",
            lambda: chart_png(scenario, "hours"),
            runs=10,
            budget_seconds=1.0,
        ),
    ]
