"""The Excel workbook: the plan's inputs and results as sheets a person can work on.

Written with xlsxwriter: one sheet per table, a bold header row frozen in place with
the first column, each number in a format for its unit (money in the scenario's
currency, whole hours, percentages, ratios), and columns as wide as their contents.
Opens in Excel and LibreOffice. A text cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading single quote, so that no name is ever run as a
formula (:func:`models.text.neutralise_formula`).
"""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd
import xlsxwriter
from babel.numbers import get_currency_symbol
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from models.analysis import Analysis, analysis_of
from models.compare import HEADLINE_METRICS
from models.results import ScenarioResult
from models.schema import Scenario
from models.tables import (
    CURVE_COLUMNS,
    CURVE_UNITS,
    DEMAND_AND_TEAM_COLUMNS,
    DEMAND_AND_TEAM_UNITS,
    INPUT_COLUMNS,
    LEVER_COLUMNS,
    LEVER_UNITS,
    MONTH_COLUMNS,
    MONTH_UNITS,
    OFFER_COLUMNS,
    OFFER_UNITS,
    TAKE_HOME_AND_TEAM_FIGURES,
    YEAR_COLUMNS,
    YEAR_UNITS,
    curves_table,
    inputs_table,
    levers_table,
    months_table,
    offers_with_demand_and_team,
    years_table,
)
from models.text import neutralise_formula
from presentation.formatting import DEFAULT_LOCALE, decimals_in_use
from presentation.levers import levers_in_words

#: The workbook's sheets, in order.
SHEETS = ("Totals", "Offers", "Levers", "Scale curves", "Timeline", "Years", "Inputs")

#: Widest a column is made, whatever its contents. [characters]
MAX_COLUMN_WIDTH = 48


def money_format(currency: str, *, cents: bool = False) -> str:
    """Excel's number format for amounts of the currency: ``"$"#,##0``, ``"IDR "#,##0``; with
    ``cents`` the decimals the currency uses (``"$"#,##0.00``)."""
    symbol = get_currency_symbol(currency, locale=DEFAULT_LOCALE)
    if symbol.isalpha() and len(symbol) > 1:
        symbol += " "
    decimals = decimals_in_use(currency) if cents else 0
    return f'"{symbol}"#,##0' + ("." + "0" * decimals if decimals else "")


def number_format(unit: str, currency: str, value: float = 0.0, *, exact: bool = False) -> str:
    """Excel's number format for a figure of the unit: money, hours, a share, a ratio or a count.

    ``exact`` is for inputs, shown as set: money with cents only where ``value`` has them,
    anything else in Excel's General format (``0.5`` stays ``0.5``).
    """
    if unit.startswith("currency") or unit.startswith(currency):
        return money_format(currency, cents=exact and not float(value).is_integer())
    if exact:
        return "General"
    if unit.startswith("h"):
        return "#,##0"
    if unit == "0-1":
        return "0%"
    if unit == "-":
        return '0.00"×"'
    return "General"


def _heading(heading: str, unit: str | None, currency: str) -> str:
    """A column heading with its unit: ``Revenue (USD/year)``; hours headings say h already."""
    if unit is None or heading.endswith(" h") or unit in ("-", "0-1"):
        return heading
    return f"{heading} ({unit.replace('currency', currency)})"


class _Sheets:
    """Writes tables into a workbook, one sheet each, with formats made once per workbook."""

    def __init__(self, book: Workbook, currency: str) -> None:
        self.book = book
        self.currency = currency
        self.header = book.add_format(
            {"bold": True, "bg_color": "#E8EFEA", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.formats: dict[str, Format] = {}

    def _format(self, unit: str | None, value: float, exact: bool) -> Format | None:
        if unit is None:
            return None
        code = number_format(unit, self.currency, value, exact=exact)
        if code not in self.formats:
            self.formats[code] = self.book.add_format({"num_format": code})
        return self.formats[code]

    def write(
        self,
        title: str,
        frame: pd.DataFrame,
        headings: dict[str, str],
        units: dict[str, str],
        row_units: list[str] | None = None,
        *,
        exact: bool = False,
    ) -> None:
        """A sheet of the frame's columns named in ``headings``, numbers formatted by their
        column's unit, or by each row's unit where ``row_units`` is given; ``exact`` as in
        :func:`number_format`."""
        sheet = self.book.add_worksheet(title)
        columns = list(headings)
        for column_index, column in enumerate(columns):
            unit = units.get(column)
            sheet.write_string(
                0, column_index, _heading(headings[column], unit, self.currency), self.header
            )
        for row_index, row in enumerate(frame.to_dict("records"), start=1):
            for column_index, column in enumerate(columns):
                unit = row_units[row_index - 1] if row_units else units.get(column)
                self._cell(sheet, row_index, column_index, row[column], unit, exact)
        sheet.freeze_panes(1, 1)
        sheet.autofit(max_width=MAX_COLUMN_WIDTH * 7)
        sheet.set_row(0, None, self.header)

    def _cell(
        self, sheet: Any, row: int, column: int, value: Any, unit: str | None, exact: bool
    ) -> None:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            sheet.write_blank(row, column, None)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, self._format(unit, value, exact))
        else:
            sheet.write_string(row, column, neutralise_formula(str(value)))


#: The whole plan's figures on the Totals sheet: the headline metrics, then take-home, tax, the
#: team and reach (key of :class:`models.results.Totals` → label, unit).
TOTALS_FIGURES: dict[str, tuple[str, str]] = HEADLINE_METRICS | {
    key: figure for key, figure in TAKE_HOME_AND_TEAM_FIGURES.items() if key not in HEADLINE_METRICS
}


def totals_table(result: ScenarioResult) -> pd.DataFrame:
    """The whole plan's figures (:data:`TOTALS_FIGURES`): figure (label), value, unit;
    undefined ratios empty."""
    totals = result.totals
    rows = [
        {"figure": label, "value": getattr(totals, key), "unit": unit}
        for key, (label, unit) in TOTALS_FIGURES.items()
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "unit"])


def workbook(source: Scenario | Analysis) -> bytes:
    """The scenario's workbook (.xlsx) as bytes: sheets Totals, Offers (with their demand and
    team), Levers, Scale curves, Timeline (months 1-36), Years (1-3, with tax and take-home)
    and Inputs.

    ``source`` is the scenario or its analysis: the scenario is evaluated once and its
    levers and timeline built once for the whole workbook.
    """
    analysis = analysis_of(source)
    scenario, result, levers = analysis.scenario, analysis.result, analysis.levers
    currency = scenario.currency
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties(
        {"title": f"{scenario.name}: Leverage Planner", "comments": scenario.description or ""}
    )
    sheets = _Sheets(book, currency)
    totals = totals_table(result)
    sheets.write(
        "Totals",
        totals.assign(unit=totals["unit"].str.replace("currency", currency)),
        {"figure": "Figure", "value": "Value", "unit": "Unit"},
        {},
        row_units=list(totals["unit"]),
    )
    sheets.write(
        "Offers",
        offers_with_demand_and_team(scenario, result),
        OFFER_COLUMNS | DEMAND_AND_TEAM_COLUMNS,
        OFFER_UNITS | DEMAND_AND_TEAM_UNITS,
    )
    sheets.write(
        "Levers", levers_in_words(levers_table(levers, result)), LEVER_COLUMNS, LEVER_UNITS
    )
    sheets.write("Scale curves", curves_table(levers), CURVE_COLUMNS, CURVE_UNITS)
    plan = analysis.timeline.timeline
    sheets.write("Timeline", months_table(plan), MONTH_COLUMNS, MONTH_UNITS)
    sheets.write("Years", years_table(plan), YEAR_COLUMNS, YEAR_UNITS)
    inputs = inputs_table(scenario)
    sheets.write("Inputs", inputs, INPUT_COLUMNS, {}, row_units=list(inputs["unit"]), exact=True)
    book.close()
    return buffer.getvalue()
