"""Decide → Best mix: how many of each offer for the most net income in your hours.

Every figure comes from :mod:`models.optimizer`; "Add to the library" keeps the
recommended mix as a new scenario to compare or open.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app import library
from app.analyses import best_mix
from app.plain_text import plain
from app.state import LIBRARY_NOTICE, widget_key
from models.evaluation import evaluate, per_week
from models.optimizer import Limits, default_count_range, recommended
from models.results import Totals
from models.schema import Scenario
from presentation.formatting import format_money, format_share
from presentation.levers import BINDING_WORDS


def _add_to_library(scenario: Scenario) -> None:
    name = library.add(scenario, "best mix")
    st.session_state[LIBRARY_NOTICE] = f"Saved “{name}” in the library (see Compare)."


def _limits(scenario: Scenario) -> Limits:
    columns = st.columns(4)
    reserve = columns[0].number_input(
        "Keep free (h a week)", 0.0, 100.0, 0.0, step=1.0, key="mix_reserve",
        help="Hours a week the mix must leave free.",
    )  # fmt: skip
    share = columns[1].number_input(
        "Selling (BD) at most (%)", 0.0, 100.0, None, step=5.0, key="mix_bd_share",
        placeholder="no limit",
    )  # fmt: skip
    one_to_one = columns[2].number_input(
        "1:1 time at least (h a year)", 0.0, 10000.0, None, step=50.0, key="mix_one_to_one",
        placeholder="no limit",
    )  # fmt: skip
    travel = columns[3].number_input(
        "Travel at most (h a year)", 0.0, 10000.0, None, step=10.0, key="mix_travel",
        placeholder="no limit",
    )  # fmt: skip
    whole_students = st.toggle("Students in whole numbers too", key="mix_whole_students")
    defaults: list[dict[str, Any]] = [
        {
            "Offer": offer.name,
            "Count of": offer.count_field,
            "Today": float(getattr(offer, offer.count_field)),
            "Minimum": low,
            "Maximum": high,
        }
        for offer in scenario.enabled_offers
        for low, high in [default_count_range(offer)]
    ]
    edited = st.data_editor(
        defaults,
        hide_index=True,
        disabled=["Offer", "Count of", "Today"],
        key=widget_key("mix_counts", hash(str(defaults))),
        column_config={
            "Today": st.column_config.NumberColumn(format="%,.4g"),
            "Minimum": st.column_config.NumberColumn(min_value=0.0, format="%,.4g", required=True),
            "Maximum": st.column_config.NumberColumn(min_value=0.0, format="%,.4g", required=True),
        },
    )
    return Limits(
        reserve_hours_per_week=reserve,
        max_bd_share=None if share is None else share / 100,
        min_one_to_one_hours=one_to_one,
        max_travel_hours=travel,
        whole_students=whole_students,
        counts={row["Offer"]: (row["Minimum"], row["Maximum"]) for row in edited},
    )


def best_mix_view(scenario: Scenario) -> None:
    """Limits in; the recommended counts beside today's and every headline figure's change."""
    currency = scenario.currency
    st.caption(
        "Each enabled offer's count is chosen between its minimum and maximum (by default 0 and "
        "the market limit, or three times today's) for the most net income within your hours, "
        "your energy for client work (the hours a week you can give), what each market will "
        "buy (your limit on sales, and leads × conversion) and the limits. Everything else "
        "about each offer stays as planned, associates' shares too."
    )
    limits = _limits(scenario)
    result = best_mix(scenario, limits)
    if result.totals is None:
        st.error(plain(result.message), icon=":material/block:")
        return
    best = recommended(scenario, result.counts)
    today = evaluate(scenario).totals
    _headline(today, result.totals, scenario, currency)
    st.dataframe(
        [
            {
                "Offer": offer.name,
                "Count of": offer.count_field,
                "Today": float(getattr(offer, offer.count_field)),
                "Best mix": result.counts[offer.name],
                "Change": result.counts[offer.name] - float(getattr(offer, offer.count_field)),
                "Stopped by": BINDING_WORDS[result.binding_limits.get(offer.name)],
            }
            for offer in scenario.enabled_offers
        ],
        hide_index=True,
        key="mix_counts_table",
        column_config={
            name: st.column_config.NumberColumn(format="%,.4g")
            for name in ("Today", "Best mix", "Change")
        },
    )
    notice = st.session_state.pop(LIBRARY_NOTICE, None)
    if notice:
        st.success(plain(notice))
    st.button(
        "Add the best mix to the library",
        key="mix_add",
        on_click=_add_to_library,
        args=(best.model_copy(update={"name": f"{scenario.name} (best mix)"[:100]}),),
        icon=":material/library_add:",
        help="A new scenario in the library, to compare with this one or open it.",
    )


def _headline(today: Totals, best: Totals, scenario: Scenario, currency: str) -> None:
    practitioner = scenario.practitioner
    columns = st.columns(4)
    columns[0].metric(
        "Net income",
        format_money(best.net_income, currency),
        delta=format_money(best.net_income - today.net_income, currency),
    )
    columns[1].metric(
        "Hours a year",
        f"{best.total_hours:,.0f} h",
        delta=f"{best.total_hours - today.total_hours:+,.0f} h",
        delta_color="inverse",
    )
    columns[2].metric(
        "Free hours a week",
        f"{per_week(best.free_hours, practitioner):,.1f} h",
        delta=f"{per_week(best.free_hours - today.free_hours, practitioner):+,.1f} h",
    )
    rate = best.effective_hourly_rate
    columns[3].metric(
        "Effective hourly rate",
        "—" if rate is None else format_money(rate, currency) + "/h",
        delta=(
            None
            if rate is None or today.effective_hourly_rate is None
            else format_money(rate - today.effective_hourly_rate, currency) + "/h"
        ),
    )
    st.caption(
        f"Leverage {today.leverage or 0:,.2f} → {best.leverage or 0:,.2f} client hours per own "
        f"hour; billable share {format_share(today.billable_share)} → "
        f"{format_share(best.billable_share)}."
    )
