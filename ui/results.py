"""The results of the Plan page: headline cards, warnings, charts and the per-offer table."""

from __future__ import annotations

import streamlit as st

from models.evaluation import per_week
from models.formatting import (
    format_hours,
    format_money,
    format_money_short,
    format_ratio,
    format_share,
)
from models.results import ScenarioResult
from models.schema import Scenario
from models.tables import OFFER_COLUMNS, hours_by_category, money_by_offer, offers_table
from ui.charts import (
    hours_chart,
    hours_chart_data,
    money_chart,
    money_chart_data,
    vega_lite_spec,
)


def headline(scenario: Scenario, result: ScenarioResult) -> None:
    """Six cards: net income, hours against capacity, hourly rate, billable share, billable-to-BD, leverage."""
    totals = result.totals
    currency = result.currency
    practitioner = scenario.practitioner
    target = practitioner.target_net_income
    free_per_week = per_week(totals.free_hours, practitioner)
    first, second, third = st.columns(3)
    target_delta = None
    if target is not None:
        gap = totals.net_income - target
        sign = "+" if gap >= 0 else "-"  # ASCII minus: st.metric reads it as a fall
        target_delta = f"{sign}{format_money(abs(gap), currency)} against the {format_money(target, currency)} target"
    first.metric(
        "Net income a year",
        format_money_short(totals.net_income, currency),
        delta=target_delta,
        help="Revenue − direct costs − fixed costs.",
    )
    free_words = "free" if totals.free_hours >= 0 else "over capacity"
    second.metric(
        "Hours a year",
        f"{format_hours(totals.total_hours)} of {format_hours(totals.capacity_hours)}",
        delta=f"{abs(free_per_week):,.1f} h a week {free_words}",
        delta_color="normal" if totals.free_hours >= 0 else "inverse",
        delta_arrow="off",
        help="Every hour the plan takes, fixed admin included, against hours a week × weeks a year.",
    )
    rate = totals.effective_hourly_rate
    third.metric(
        "Effective hourly rate",
        f"{format_money(rate, currency)}/h" if rate is not None else "—",
        help="Net income divided by every hour worked, not only the billable ones.",
    )
    fourth, fifth, sixth = st.columns(3)
    fourth.metric(
        "Billable share",
        format_share(totals.billable_share),
        help="Delivery hours as a share of every hour worked.",
    )
    fifth.metric(
        "Billable-to-BD ratio",
        format_ratio(totals.billable_to_bd_ratio),
        help="Delivery hours for each hour of business development.",
    )
    sixth.metric(
        "Leverage",
        format_ratio(totals.leverage),
        help="Client hours delivered for each hour of yours: above 1 means one hour serves several people.",
    )


def warnings(result: ScenarioResult) -> None:
    """The model's warnings, in plain words."""
    for warning in result.warnings:
        st.warning(warning, icon="⚠️")


def charts(result: ScenarioResult) -> None:
    """Hours by category against capacity; revenue and contribution per offer."""
    if not result.offers:
        return
    st.markdown("**Where your hours go**")
    st.vega_lite_chart(
        hours_chart_data(hours_by_category(result, whole_plan=True), result.totals.capacity_hours),
        vega_lite_spec(hours_chart),
        key="hours_chart",
    )
    st.markdown("**What each offer earns**")
    st.vega_lite_chart(
        money_chart_data(money_by_offer(result)),
        vega_lite_spec(money_chart, result.currency),
        key="money_chart",
    )


def offer_table(result: ScenarioResult) -> None:
    """Every per-offer metric, sortable, with a CSV download."""
    if not result.offers:
        return
    table = offers_table(result)
    st.markdown("**Every offer in figures**")
    money_format = "%,.0f"
    number_config = {
        column: st.column_config.NumberColumn(OFFER_COLUMNS[column], format=money_format)
        for column in (
            "revenue",
            "direct_costs",
            "contribution",
            "revenue_per_bd_hour",
            "contribution_per_hour",
        )
    }
    ratio_config = {
        column: st.column_config.NumberColumn(OFFER_COLUMNS[column], format="%.2f")
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
        lambda: table.rename(columns=OFFER_COLUMNS).to_csv(index=False).encode("utf-8"),
        file_name=f"{result.scenario} - offers.csv",
        mime="text/csv",
        key="download_offer_table",
        on_click="ignore",
        icon=":material/table:",
    )
