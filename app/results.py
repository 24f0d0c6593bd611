"""The results of the Plan page: headline cards, warnings, charts and the per-offer table."""

from __future__ import annotations

from typing import Literal, NamedTuple

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app.plain_text import WARNING_ICON, plain
from app.report_downloads import chart_download
from charts.plan_specs import hours_chart_data, money_chart_data, plan_spec, with_rows
from models.analysis import Analysis
from models.chart_rows import hours_rows, money_rows
from models.results import ScenarioResult
from models.schema import Scenario
from presentation.file_names import download_name
from presentation.formatting import reads_as_no_change
from presentation.headline import Headline, headlines


class ChangeStyle(NamedTuple):
    """How ``st.metric`` shows a change: its colour and its arrow."""

    delta_color: Literal["normal", "inverse", "off"]
    delta_arrow: Literal["auto", "off"]


def change_style(change: str, rise_is_good: bool) -> ChangeStyle:
    """Green for good news and red for a cost; grey with no arrow for a change that reads as
    nought (``±0.0×``), which Streamlit would otherwise draw as a green rise."""
    if reads_as_no_change(change):
        return ChangeStyle("off", "off")
    return ChangeStyle("normal" if rise_is_good else "inverse", "auto")


def headline(scenario: Scenario, result: ScenarioResult) -> None:
    """The eight headline figures as cards: the three long ones (money and hours), then the
    hourly rate and the four ratios."""
    figures = headlines(scenario, result)
    # One horizontal container a row (one layout block, where columns take one per card too);
    # the cards share the row evenly and wrap onto more rows on a narrow screen.
    for row in (figures[:3], figures[3:]):
        cards = st.container(horizontal=True, gap="medium")
        for figure in row:
            metric_card(cards, figure)


def metric_card(container: DeltaGenerator, figure: Headline) -> None:
    """One headline figure as a metric card: its detail green when good news, red when bad."""
    colours: dict[bool | None, Literal["green", "red", "gray"]] = {
        True: "green",
        False: "red",
        None: "gray",
    }
    colour = colours[figure.good]
    container.metric(
        figure.label,
        figure.value,
        delta=figure.detail,
        delta_color=colour,
        delta_arrow="auto" if figure.signed else "off",
        help=figure.help,
    )


def warnings(result: ScenarioResult) -> None:
    """The model's warnings, in plain words."""
    for warning in result.warnings:
        st.warning(plain(warning), icon=WARNING_ICON)


def charts(scenario: Scenario, result: ScenarioResult) -> None:
    """Hours by category against capacity; revenue and contribution per offer; each with a PNG."""
    if not result.offers:
        return
    analysis = Analysis(scenario, result=result)  # the chart downloads reuse this evaluation
    st.markdown("**Where your hours go**")
    # Stored specs (no Altair) with their rows inline in a layer (sent as JSON: no pandas,
    # no Arrow table).
    hours = hours_chart_data(hours_rows(result, whole_plan=True), result.totals.capacity_hours)
    st.vega_lite_chart(spec=with_rows(plan_spec("hours"), hours), key="hours_chart")
    chart_download(analysis, "hours")
    st.markdown("**What each offer earns**")
    money = money_chart_data(money_rows(result))
    st.vega_lite_chart(
        spec=with_rows(plan_spec("money", result.currency), money), key="money_chart"
    )
    chart_download(analysis, "money")


def offer_table(scenario: Scenario, result: ScenarioResult) -> None:
    """The button that opens every per-offer metric in a dialog: the table is built (pandas
    to Arrow, a third of a rerun) only when asked for, and a button costs each edit less than
    a collapsed section (docs/performance.md)."""
    if result.offers and st.button(
        "Every offer in figures", key="open_offer_table", icon=":material/table:"
    ):
        _offer_table_dialog(scenario, result)


@st.dialog("Every offer in figures", width="large")
def _offer_table_dialog(scenario: Scenario, result: ScenarioResult) -> None:
    """Every per-offer metric, sortable, with a CSV download; columns no offer uses (no
    leads, no associates, no oversight) are left out so the table stays readable."""
    _offer_table(scenario, result)


def _offer_table(scenario: Scenario, result: ScenarioResult) -> None:
    # pandas (and pyarrow, to send the table) only once the table is opened: the page's
    # first run needs neither.
    from models.tables import (
        OFFER_COLUMNS,
        OFFER_UNITS,
        csv_bytes,
        offers_table,
        unused_columns,
        with_currency,
    )

    table = offers_table(result, scenario)
    table = table.drop(columns=unused_columns(table))
    headings = with_currency(OFFER_COLUMNS, OFFER_UNITS, result.currency)
    money_format = "%,.0f"
    number_config = {
        column: st.column_config.NumberColumn(headings[column], format=money_format)
        for column in (
            "revenue",
            "direct_costs",
            "contribution",
            "revenue_per_bd_hour",
            "contribution_per_hour",
        )
    }
    ratio_config = {
        column: st.column_config.NumberColumn(headings[column], format="%.2f")
        for column in ("leverage", "billable_to_bd_ratio")
    }
    other_config = {
        column: st.column_config.NumberColumn(heading, format="%,.0f")
        for column, heading in OFFER_COLUMNS.items()
        if column not in number_config
        and column not in ratio_config
        and column not in ("offer", "kind")
    }
    st.dataframe(
        table,
        hide_index=True,
        key="offer_table",
        column_config={
            "offer": st.column_config.TextColumn("Offer", pinned=True),
            "kind": st.column_config.TextColumn("Kind"),
            **number_config,
            **ratio_config,
            **other_config,
        },
    )
    st.download_button(
        "Download the table (CSV)",
        lambda: csv_bytes(table.rename(columns=headings)),
        file_name=download_name(result.scenario, "csv", "offers"),
        mime="text/csv",
        key="download_offer_table",
        on_click="ignore",
        icon=":material/table:",
    )
