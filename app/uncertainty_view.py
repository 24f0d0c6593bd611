"""Decide → how sure the plan is: the ranges, and a Monte Carlo simulation over them.

Every figure comes from :mod:`models.uncertainty`. Without a range there is nothing to
simulate: the section says how to give figures a range instead of drawing one plan.
"""

from __future__ import annotations

import streamlit as st

from app.analyses import simulation
from app.notices import set_notice
from app.ranges_editor import ranges_editor
from app.state import SOURCE, replace_scenario
from charts.decide import drivers_chart, drivers_data, histogram_chart, outcomes_drawn
from charts.plan import vega_lite_spec
from models.schema import Scenario
from models.uncertainty import DEFAULT_SEED, Driver, Spread, drawn_ranges, with_every_range
from presentation.formatting import format_money, format_share

SAMPLE_COUNTS = [1_000, 10_000, 100_000, 1_000_000]
#: How wide the one-click ranges are: ± this share of each figure's value. [%]
EVERY_FIGURE_PERCENT = 20.0
#: The figures the drivers chart shows at most.
DRIVERS_SHOWN = 10
#: How the percentiles read: P10 a cautious outcome, P50 a middle one, P90 a hopeful one.
CAUTIOUS, MIDDLE, HOPEFUL = "Cautious (P10)", "Middle (P50)", "Hopeful (P90)"


def _range_every_figure(scenario: Scenario) -> None:
    """Button callback: every figure of the plan ±20% (undoable), so the simulation runs."""
    ranged = with_every_range(scenario, EVERY_FIGURE_PERCENT)
    replace_scenario(
        ranged,
        source=st.session_state[SOURCE],
        undo_label="give every figure a ±20% range",
        keep_saved=True,
    )
    count = len(drawn_ranges(ranged))
    set_notice(
        "success",
        f"{count} figures of your plan now range from 20% below to 20% above their value "
        "(whole people and things in whole numbers; figures at 0 keep none). Undo is in the "
        "sidebar.",
    )


def uncertainty_view(scenario: Scenario) -> None:
    """Edit the ranges; see a cautious, middle and hopeful outcome, the chances, the spread and
    what drives it; or, without ranges, how to give some."""
    currency = scenario.currency
    with st.container(border=True):
        st.markdown(
            "**How sure are you?** Give a figure a range: the simulation draws it between low "
            "and high, most often near the planned value (a triangular distribution)."
        )
        ranges_editor(scenario)
    ranged = len(drawn_ranges(scenario))
    if not ranged:
        st.info(
            "**Give some figures a range first.** With none, every plan drawn is the plan "
            "itself. Pick a figure in **Ranges of** above and set its low and high, or give "
            "every figure of your plan a range of ±20% with the button below.",
            icon=":material/info:",
        )
    st.button(
        "±20% on every figure", key="range_every_figure", on_click=_range_every_figure,
        args=(scenario,), icon=":material/expand:",
        help="Every figure of your plan (you and each offer switched on) gets a range from 20% "
        "below to 20% above its value, counts of people and things in whole numbers. Any "
        "ranges you set are replaced; Undo in the sidebar brings them back.",
    )  # fmt: skip
    if ranged:
        _simulation(scenario, currency, ranged)


def _simulation(scenario: Scenario, currency: str, ranged: int) -> None:
    """The simulation of the scenario's ``ranged`` figures: outcomes, chances, spreads and
    drivers."""
    columns = st.columns(2)
    samples = columns[0].selectbox(
        "Plans to draw", SAMPLE_COUNTS, index=1, key="simulation_samples",
        format_func=lambda count: f"{count:,}",
    )  # fmt: skip
    seed = columns[1].number_input(
        "Seed", min_value=0, max_value=2**31 - 1, value=DEFAULT_SEED, step=1, key="simulation_seed",
        help="The same seed draws the same plans: results you can share and repeat.",
    )  # fmt: skip
    with st.spinner(f"Drawing {samples:,} plans…", show_time=True):
        result, histogram = simulation(scenario, samples, int(seed))
    income = result.net_income
    st.markdown("**Net income a year**: a cautious, middle and hopeful outcome")
    first, second, third = st.columns(3)
    first.metric(
        CAUTIOUS, _money(income.p10, currency), help="Cautious: 1 plan in 10 drawn earns less."
    )
    second.metric(MIDDLE, _money(income.p50, currency), help="Middle: half the plans earn less.")
    third.metric(
        HOPEFUL, _money(income.p90, currency), help="Hopeful: 1 plan in 10 drawn earns more."
    )
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
        vega_lite_spec(histogram_chart, currency, outcomes_drawn(histogram)),
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
            for name in (CAUTIOUS, MIDDLE, HOPEFUL, "Mean")
        },
    )
    _drivers(result.drivers, ranged)


def _drivers(drivers: tuple[Driver, ...], ranged: int) -> None:
    """What drives the spread: the figures by the share of net income's spread they explain."""
    st.markdown("**What drives the spread** in net income")
    if not drivers:
        st.caption(
            "None of the figures with a range moves net income (a session's length moves your "
            "hours, not your income): give a price or a count a range to see what drives it."
        )
        return
    shown = drivers[:DRIVERS_SHOWN]
    left_out = ranged - len(drivers)
    if len(shown) < len(drivers):
        which = f"The {len(shown)} of {len(drivers)} figures that explain most of the spread"
    else:
        which = "The figures that move net income, by how much of its spread each explains"
    st.caption(
        which
        + (f"; {left_out} others with a range move only hours, or nothing." if left_out else ".")
    )
    st.vega_lite_chart(drivers_data(shown), vega_lite_spec(drivers_chart), key="simulation_drivers")


def _money(amount: float | None, currency: str) -> str:
    return "—" if amount is None else format_money(amount, currency)


def _spread_row(name: str, spread: Spread | None, unit: str) -> dict[str, object]:
    if spread is None:
        spread = Spread(None, None, None, None)
    return {
        "Figure": name,
        "Unit": unit,
        CAUTIOUS: spread.p10,
        MIDDLE: spread.p50,
        HOPEFUL: spread.p90,
        "Mean": spread.mean,
    }
