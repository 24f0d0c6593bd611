"""Downloads of the reports: the HTML report and the workbook in the sidebar, a PNG under a chart.

Each file is made only when its button is clicked (Streamlit's deferred download), so
a rerun never pays for a report nobody asked for; the reports' modules (Altair, the chart
engine, the workbook writer) are imported then too, not when a page is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from models.analysis import Analysis, analysis_of
from models.schema import Scenario
from presentation.chart_titles import CHART_TITLES
from presentation.file_names import download_name

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _html_report(scenario: Scenario) -> bytes:
    from reports.html_report import html_report

    return html_report(scenario).encode("utf-8")


def _workbook(scenario: Scenario) -> bytes:
    from reports.workbook import workbook

    return workbook(scenario)


def _chart_png(source: Scenario | Analysis, name: str) -> bytes:
    from reports.chart_files import chart_png

    return chart_png(source, name)


def report_downloads(scenario: Callable[[], Scenario], name: str, valid: bool) -> None:
    """The report (HTML, prints to PDF) and the workbook (Excel) of the scenario on screen.

    ``scenario`` gives the scenario when a button is clicked (it may have been edited
    since this run); ``name`` is its name now, for the file names.
    """
    problem = None if valid else "Fix the problems shown first."
    st.download_button(
        "Report (HTML, prints to PDF)",
        lambda: _html_report(scenario()),
        file_name=download_name(name, "html"),
        mime="text/html",
        key="download_report_html",
        on_click="ignore",
        disabled=not valid,
        help=problem
        or "One file with the story, figures, charts and inputs. It opens without a network; "
        "print it from the browser for a PDF.",
        icon=":material/description:",
        width="stretch",
    )
    st.download_button(
        "Workbook (Excel)",
        lambda: _workbook(scenario()),
        file_name=download_name(name, "xlsx"),
        mime=XLSX_MIME,
        key="download_report_xlsx",
        on_click="ignore",
        disabled=not valid,
        help=problem or "Totals, offers, levers, scale curves, the timeline and every input.",
        icon=":material/table_view:",
        width="stretch",
    )


def chart_download(source: Scenario | Analysis, name: str) -> None:
    """A small button under a chart that downloads it as a PNG image.

    ``source`` is the scenario or, when the page has computed it, its analysis.
    """
    st.download_button(
        "PNG",
        lambda: _chart_png(source, name),
        file_name=download_name(analysis_of(source).scenario.name, "png", name),
        mime="image/png",
        key=f"download_chart_{name}",
        on_click="ignore",
        help=f"“{CHART_TITLES[name]}” as an image, for a slide or a message.",
        icon=":material/image:",
        type="tertiary",
    )
