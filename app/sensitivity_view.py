"""Decide → What matters most: which input moves net income most, and a two-input data table.

Every figure comes from :mod:`models.sensitivity`; the caption counts the inputs the chart
draws (:func:`charts.decide.tornado_data`), so the two always agree.
"""

from __future__ import annotations

import streamlit as st

from app.analyses import swings
from charts.decide import (
    FITS_YOUR_HOURS,
    OVER_YOUR_HOURS,
    data_table_chart,
    data_table_data,
    tornado_chart,
    tornado_data,
)
from charts.plan import vega_lite_spec
from models.inputs import assumptions, label
from models.schema import Scenario
from models.sensitivity import Sensitivity, data_table
from presentation.formatting import format_count, format_money

MONEY = st.column_config.NumberColumn(format="%,.0f")
VALUE = st.column_config.NumberColumn(format="%,.4g")


def sensitivity_view(scenario: Scenario) -> None:
    """The tornado of every input moved ±X%, its table, and a data table for two inputs."""
    currency = scenario.currency
    percent = st.slider(
        "Move each input by (%)", 5, 50, 20, step=5, key="sensitivity_percent",
        help="Each input is moved down and up by this share of its value, the others as planned.",
    )  # fmt: skip
    result = swings(scenario, percent)
    bars = tornado_data(result)
    st.caption(
        f"Net income as planned: {format_money(result.net_income, currency)} with "
        f"{result.total_hours:,.0f} h. {_how_many(result, bars['input'].nunique())}"
    )
    steps = _whole_steps(result)
    if steps:
        st.caption(steps)
    if bars.empty:
        st.info("No input moves net income: add an offer that earns on the Plan page.")
    else:
        st.vega_lite_chart(bars, vega_lite_spec(tornado_chart, currency), key="tornado")
        over = int((bars["fits"] == OVER_YOUR_HOURS).sum())
        if over:
            st.caption(
                f"{over} of these moves {'gives' if over == 1 else 'give'} a plan over your "
                "hours (pale bars, labelled “over your hours”): more income there is not a "
                "plan you can live."
            )
    with st.expander("Every input, down and up"):
        st.dataframe(
            [
                {
                    "Input": row.label,
                    "Planned": row.value,
                    "Down to": row.low_value,
                    "Up to": row.high_value,
                    "Net income down": row.low_net_income,
                    "Net income up": row.high_net_income,
                    "Swing": row.swing,
                    "Hours down": row.low_total_hours,
                    "Hours up": row.high_total_hours,
                    "Take-home down": row.low_take_home,
                    "Take-home up": row.high_take_home,
                    "Down: the plan": _plan_words(
                        row.low_over_capacity, row.low_over_delivery_cap, row.low_over_market
                    ),
                    "Up: the plan": _plan_words(
                        row.high_over_capacity, row.high_over_delivery_cap, row.high_over_market
                    ),
                }
                for row in result.rows
            ],
            hide_index=True,
            key="sensitivity_table",
            column_config={
                "Planned": VALUE,
                "Down to": VALUE,
                "Up to": VALUE,
                "Net income down": MONEY,
                "Net income up": MONEY,
                "Take-home down": MONEY,
                "Take-home up": MONEY,
                "Swing": MONEY,
                "Hours down": MONEY,
                "Hours up": MONEY,
            },
        )
    _two_inputs(scenario, [row.label for row in result.rows], percent)


def _two_inputs(scenario: Scenario, by_swing: list[str], percent: float) -> None:
    st.subheader("Two inputs together")
    inputs = {label(scenario, where): where for where in assumptions(scenario)}
    if len(inputs) < 2:
        return
    columns = st.columns(2)
    across = columns[0].selectbox("Across", by_swing, index=0, key="grid_across")
    down = columns[1].selectbox("Down", by_swing, index=1, key="grid_down")
    if across == down:
        st.info("Choose two different inputs.")
        return
    table = data_table(scenario, inputs[across], inputs[down], percent)
    st.vega_lite_chart(
        data_table_data(table),
        vega_lite_spec(data_table_chart, scenario.currency, across, down),
        key="data_table",
    )
    st.caption(
        f"Net income in thousands of {scenario.currency} a year, from −{percent:g}% to "
        f"+{percent:g}% of each input; ✕ marks a pair whose hours are over your capacity, and "
        "“✕ not a valid plan” a pair the plan's rules refuse (more new licensees than active "
        "ones, an automated price above the full-support price)."
    )


def _how_many(result: Sensitivity, shown: int) -> str:
    """How many inputs the chart shows, of how many move net income, and how many do not."""
    moving = sum(1 for row in result.rows if row.swing > 0)
    still = len(result.rows) - moving
    if not shown:
        return ""
    if shown == moving:
        words = "The input that moves it:" if shown == 1 else f"The {shown} inputs that move it:"
    else:
        words = f"The {shown} inputs that move it most, of {moving} that move it:"
    if still:
        does = "does" if still == 1 else "do"
        words = (
            f"{words[:-1]} ({still} more {does} not move it at ±{result.percent:g}%; all are in "
            "the table below):"
        )
    return words


def _whole_steps(result: Sensitivity) -> str:
    """In words: counts of people and things move in whole numbers, and which of them the
    percentage is too small to move at all."""
    wholes = [row for row in result.rows if row.whole]
    if not wholes:
        return ""
    example = next((row for row in wholes if row.low_value < row.value < row.high_value), None)
    words = "Counts of people and things move in whole numbers"
    if example is not None:
        words += (
            f" (±{result.percent:g}% of {format_count(example.value)}: "
            f"{format_count(example.low_value)} and {format_count(example.high_value)})"
        )
    stuck = [row for row in wholes if row.low_value == row.value == row.high_value]
    if stuck:
        names = ", ".join(f"{row.label} ({format_count(row.value)})" for row in stuck)
        words += (
            f"; ±{result.percent:g}% of these rounds back to the planned count, so they stay as "
            f"planned: {names}"
        )
    return words + "."


def _plan_words(over_hours: bool, over_delivery_cap: bool, over_market: bool) -> str:
    """Whether the plan at one end fits, in words: "fits your hours", or what it is past."""
    past = [
        words
        for over, words in (
            (over_hours, OVER_YOUR_HOURS),
            (over_delivery_cap, "past your energy for client work"),
            (over_market, "past what the market will buy"),
        )
        if over
    ]
    return "; ".join(past) if past else FITS_YOUR_HOURS
