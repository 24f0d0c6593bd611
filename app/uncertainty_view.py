"""Decide → Uncertainty: the ranges, and a Monte Carlo simulation over them.

Every figure comes from :mod:`models.uncertainty`.
"""

from __future__ import annotations

import streamlit as st

from app.analyses import simulation
from app.ranges_editor import ranges_editor
from charts.decide import histogram_chart
from charts.plan import vega_lite_spec
from models.schema import Scenario
from models.uncertainty import DEFAULT_SEED, Spread, ranged_inputs
from presentation.formatting import format_money, format_share

SAMPLE_COUNTS = [1_000, 10_000, 100_000, 1_000_000]


def uncertainty_view(scenario: Scenario) -> None:
    """Edit the ranges; see P10/P50/P90, the chances, the spread and what drives it."""
    currency = scenario.currency
    with st.container(border=True):
        st.markdown(
            "**How sure are you?** Give a figure a range: the simulation draws it between low "
            "and high, most often near the planned value (a triangular distribution)."
        )
        ranges_editor(scenario)
    columns = st.columns(2)
    samples = columns[0].selectbox(
        "Plans to draw", SAMPLE_COUNTS, index=1, key="simulation_samples",
        format_func=lambda count: f"{count:,}",
    )  # fmt: skip
    seed = columns[1].number_input(
        "Seed", min_value=0, max_value=2**31 - 1, value=DEFAULT_SEED, step=1, key="simulation_seed",
        help="The same seed draws the same plans: results you can share and repeat.",
    )  # fmt: skip
    ranged = ranged_inputs(scenario)
    if not any(high > low for low, high in ranged.values()):
        st.info("No figure has a range yet, so every plan drawn is the plan itself.")
    with st.spinner(f"Drawing {samples:,} plans…", show_time=True):
        result, histogram = simulation(scenario, samples, int(seed))
    income = result.net_income
    first, second, third = st.columns(3)
    first.metric("Net income, P10", _money(income.p10, currency), help="1 plan in 10 earns less.")
    second.metric("P50 (median)", _money(income.p50, currency))
    third.metric("P90", _money(income.p90, currency), help="1 plan in 10 earns more.")
    fourth, fifth, sixth = st.columns(3)
    fourth.metric("Chance of going over your hours", format_share(result.probability_over_capacity))
    target_help = (
        f"Take-home income (net income after tax) of at least "
        f"{format_money(result.target, currency)}."
        if result.target is not None
        else "Set a target income on the Plan page."
    )
    fifth.metric(
        "Chance of reaching the target",
        format_share(result.probability_reach_target),
        help=target_help + " Counts every plan drawn, also those that do not fit.",
    )
    sixth.metric(
        "… and fitting",
        format_share(result.p_reach_and_fit),
        help=target_help + " Counts only plans whose hours fit your working year, whose client "
        "work fits the hours a week you can give, and that sell no more than each market buys.",
    )
    if result.probability_over_delivery_cap or result.probability_over_market:
        st.caption(
            f"Plans past your energy for client work: "
            f"{format_share(result.probability_over_delivery_cap)}; past what the market will "
            f"buy: {format_share(result.probability_over_market)}."
        )
    st.vega_lite_chart(
        histogram,
        vega_lite_spec(histogram_chart, currency, result.target is not None),
        key="simulation_histogram",
    )
    st.dataframe(
        [
            _spread_row("Net income", result.net_income, currency),
            _spread_row("Net income, plans that fit", result.net_income_fitting, currency),
            _spread_row("Take-home income (after tax)", result.take_home, currency),
            _spread_row("Take-home, plans that fit", result.take_home_fitting, currency),
            _spread_row("Total hours", result.total_hours, "h"),
            _spread_row("Effective hourly rate", result.effective_hourly_rate, f"{currency}/h"),
        ],
        hide_index=True,
        key="simulation_spreads",
        column_config={
            name: st.column_config.NumberColumn(format="%,.0f")
            for name in ("P10", "P50", "P90", "Mean")
        },
    )
    if result.drivers:
        st.markdown("**What drives the spread** (rank correlation with net income, −1 to 1)")
        st.dataframe(
            [
                {"Figure": driver.label, "Correlation": driver.correlation}
                for driver in result.drivers[:10]
            ],
            hide_index=True,
            key="simulation_drivers",
            column_config={
                "Correlation": st.column_config.ProgressColumn(
                    min_value=-1.0, max_value=1.0, format="%+.2f"
                )
            },
        )


def _money(amount: float | None, currency: str) -> str:
    return "—" if amount is None else format_money(amount, currency)


def _spread_row(name: str, spread: Spread | None, unit: str) -> dict[str, object]:
    if spread is None:
        spread = Spread(None, None, None, None)
    return {
        "Figure": name,
        "Unit": unit,
        "P10": spread.p10,
        "P50": spread.p50,
        "P90": spread.p90,
        "Mean": spread.mean,
    }
