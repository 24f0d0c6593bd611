"""The chart engine in its worker: a chart vl-convert cannot draw fails alone, and the process
that asked for it (the app's server) carries on drawing charts."""

import signal
import subprocess
import sys

import pytest

from models.examples import DEFAULT_EXAMPLE, load_example
from reports.chart_engine import ChartRenderError, render
from reports.chart_files import chart_png, chart_svg
from reports.html_report import CHART_MISSING, html_report

ESCAPE = "\x1b"
BAR = {
    "mark": "bar",
    "data": {"values": [{"offer": "Coaching", "hours": 120}]},
    "encoding": {
        "x": {"field": "offer", "type": "nominal"},
        "y": {"field": "hours", "type": "quantitative"},
    },
}
#: vl-convert's text layout panics on a control character, and the panic aborts the process.
ABORTING = {**BAR, "title": f"Offer {ESCAPE}[31m red"}


def test_vl_convert_called_directly_aborts_its_process_on_an_escape_in_a_title():
    """The hazard the worker contains: the whole process ends by SIGABRT, no exception."""
    code = (
        "from reports.chart_engine import draw_in_this_process\n"
        f"draw_in_this_process({ABORTING!r}, 'svg', 1.0)\n"
        "print('survived')"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert finished.returncode == -signal.SIGABRT
    assert "survived" not in finished.stdout


@pytest.mark.parametrize("image_format", ["svg", "png"])
def test_a_chart_that_aborts_the_engine_fails_alone_and_the_next_chart_is_drawn(image_format):
    with pytest.raises(ChartRenderError, match="stopped"):
        render(ABORTING, image_format)
    svg = render(BAR, "svg")
    assert svg.startswith("<svg") and "Coaching" in svg


def test_a_spec_the_engine_refuses_is_a_chart_render_error():
    with pytest.raises(ChartRenderError, match="refused"):
        render({"mark": 5}, "svg")


def hostile_scenario():
    """A scenario whose first offer's name holds ESC, as a link could once carry.

    ``model_copy`` skips validation, so this stays possible whatever the schema refuses.
    """
    scenario = load_example(DEFAULT_EXAMPLE)
    offers = list(scenario.offers)
    offers[0] = offers[0].model_copy(update={"name": f"Coaching{ESCAPE}[2J"})
    return scenario.model_copy(update={"offers": offers})


def test_a_png_of_an_undrawable_chart_raises_and_other_charts_still_draw():
    scenario = hostile_scenario()
    with pytest.raises(ChartRenderError):
        chart_png(scenario, "money")  # offer names are the money chart's labels
    assert chart_svg(scenario, "cash").startswith("<svg")  # months only, no offer name


def test_the_report_of_a_scenario_with_an_undrawable_chart_says_so_and_keeps_the_rest():
    report = html_report(hostile_scenario())
    assert str(CHART_MISSING) in report
    assert 'id="chart-cash"' in report and "<svg" in report  # the cash chart names no offer
