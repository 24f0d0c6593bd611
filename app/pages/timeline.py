"""Timeline: the first three years month by month, and when each offer runs.

Every figure comes from :func:`models.timeline.build_timeline`; the schedule
editor writes into the same draft as the Plan page.
"""

import streamlit as st

from app.plain_text import WARNING_ICON, bullet_list, plain
from app.report_downloads import chart_download
from app.schedule_editor import schedule_editor
from app.state import check_draft, last_valid_scenario
from charts.plan import in_plan_order, vega_lite_spec
from charts.timeline import (
    cash_chart,
    cash_data,
    lanes_chart,
    monthly_hours_chart,
    monthly_hours_data,
)
from models.analysis import Analysis
from models.results import HOUR_CATEGORIES
from models.tables import (
    MONTH_COLUMNS,
    MONTH_UNITS,
    YEAR_COLUMNS,
    YEAR_UNITS,
    csv_bytes,
    hours_by_month,
    months_table,
    offer_phases,
    with_currency,
    years_table,
)
from models.timeline import MONTHS, build_timeline
from presentation.file_names import download_name
from presentation.formatting import format_money, format_money_short, percent_of_share
from presentation.timeline import (
    busiest_month_words,
    capacity_notes,
    every_month_the_same,
    hourly_value_words,
)

check = check_draft()
scenario = check.scenario or last_valid_scenario()
currency = scenario.currency
report = build_timeline(scenario)
analysis = Analysis(scenario, timeline=report)  # the chart downloads reuse this timeline
plan = report.timeline
months = months_table(plan)

st.title("The first three years, month by month")
st.caption(
    "The annual plan says what the practice earns once everything runs; this is the way there: "
    "what is built before it sells, which months collide, and when the cash turns."
)
if not scenario.enabled_offers:
    st.info("Add an offer on the Plan page to see its months.")
    st.stop()

first, second, third, fourth = st.columns(4)
first.metric(
    "Break-even",
    f"month {plan.break_even_month}" if plan.break_even_month is not None else "not in 36 months",
    help="The month from which cumulative net income stays at or above zero.",
)
over = len(plan.over_capacity_months)
second.metric(
    "Months over capacity",
    f"{over} of {MONTHS}",
    delta="fits every month" if not over else f"first: month {plan.over_capacity_months[0]}",
    delta_color="normal" if not over else "inverse",
    delta_arrow="off",
    help="Months whose hours exceed hours a week × weeks a year ÷ 12.",
)
peak = plan.months[plan.peak_month - 1]
third.metric(
    "Busiest month",
    busiest_month_words(plan),
    delta=("every month " if every_month_the_same(plan) else "")
    + f"{peak.hours.total:,.0f} h of {peak.capacity_hours:,.0f} h",
    delta_color="off",
    delta_arrow="off",
)
fourth.metric(
    "Net income, months 1-36",
    format_money_short(plan.months[-1].cumulative_net_income, currency),
    help="Cumulative net income at the end of month 36.",
)
for name, month in plan.payback.items():
    st.markdown(
        f"**{plain(name)}**: creation time paid back "
        + (f"in **month {month}**" if month is not None else "**not within 36 months**")
        + f" ({plain(hourly_value_words(plan.payback_hourly_value[name], currency))})."
    )
if check.problems:
    st.error(
        "Some inputs need fixing. The months show your last valid plan until they are.",
        icon=WARNING_ICON,
    )
found = capacity_notes(report)
if found:
    st.warning(bullet_list(found), icon=":material/event_busy:")

with st.container(border=True):
    st.markdown("**When each offer runs** (changes apply to the whole scenario)")
    schedule_editor(check.problems, report)

st.subheader("Hours each month against your capacity")
st.vega_lite_chart(
    monthly_hours_data(
        hours_by_month(plan), report.capacity_hours, plan.months[0].delivery_capacity_hours
    ),
    vega_lite_spec(monthly_hours_chart),
    key="timeline_hours",
)
chart_download(analysis, "monthly-hours")
st.subheader("Net income each month, and so far")
st.vega_lite_chart(cash_data(months), vega_lite_spec(cash_chart, currency), key="timeline_cash")
chart_download(analysis, "cash")
st.subheader("When each offer is created, ramps up and runs")
st.vega_lite_chart(
    in_plan_order(offer_phases(report)), vega_lite_spec(lanes_chart), key="timeline_lanes"
)
chart_download(analysis, "phases")

# Money columns say the currency: "Revenue (USD)".
year_headings = with_currency(YEAR_COLUMNS, YEAR_UNITS, currency)
month_headings = with_currency(MONTH_COLUMNS, MONTH_UNITS, currency)
st.subheader("Year by year, after tax")
st.caption(
    "Each year pays tax on its own net income (none on a loss); take-home is what is left. "
    "Direct costs include associates and marketing; fixed costs your assistant's pay."
)
st.dataframe(
    years_table(plan).rename(columns=year_headings),
    hide_index=True,
    key="timeline_years",
    column_config={
        year_headings[column]: st.column_config.NumberColumn(format="%,.0f")
        for column in year_headings
        if column != "year"
    },
)

st.subheader("Every month")
money = st.column_config.NumberColumn(format="%,.0f")
hours = st.column_config.NumberColumn(format="%,.0f")
st.dataframe(
    # Hours used in whole percent (88%), as the headline says it, not Streamlit's 88.07%.
    months.assign(utilization=months["utilization"].map(percent_of_share)).rename(
        columns=month_headings
    ),
    hide_index=True,
    key="timeline_table",
    column_config={
        **{
            month_headings[column]: hours
            for column in (*HOUR_CATEGORIES, "total_hours", "capacity_hours", "associate_hours")
        },
        **{
            month_headings[column]: money
            for column in (
                "revenue",
                "direct_costs",
                "fixed_costs",
                "net_income",
                "cumulative_net_income",
                "associate_costs",
                "marketing_costs",
            )
        },
        **{
            month_headings[column]: st.column_config.NumberColumn(format="%,.1f")
            for column in ("new_buyers", "leads_needed")
        },
        month_headings["utilization"]: st.column_config.NumberColumn(format="%.0f%%"),
    },
)
st.download_button(
    "Download the months (CSV)",
    csv_bytes(months.rename(columns=month_headings)),
    file_name=download_name(scenario.name, "csv", "timeline"),
    mime="text/csv",
    key="download_timeline",
    on_click="ignore",  # a download changes nothing on the page
    icon=":material/download:",
)
st.caption(
    f"Money in {currency}. {format_money(plan.months[0].fixed_costs, currency)} of fixed costs "
    "a month; capacity is your hours a week × weeks a year ÷ 12."
)
