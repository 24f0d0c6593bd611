"""Decide → Best mix: how many of each offer for the most net income in your hours.

Every figure comes from :mod:`models.optimizer` (counts of people and things whole). "Use
this mix" puts the recommended mix into the plan (Undo brings the old plan back); "Add to the
library" keeps it as a new scenario to compare or open. By default the mix keeps free the
hours a week your plan leaves free today: the planner has no separate "hours to keep free",
so the plan's own unused hours stand for it.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from app import library
from app.analyses import best_mix
from app.notices import set_notice
from app.plain_text import plain
from app.state import LIBRARY_NOTICE, SOURCE, replace_scenario, widget_key
from models.compare import change_of
from models.evaluation import evaluate, per_week
from models.optimizer import Limits, default_count_range, recommended
from models.results import Totals
from models.schema import Scenario
from presentation.formatting import (
    format_change,
    format_count,
    format_money,
    format_share,
    format_signed_number,
)
from presentation.levers import BINDING_WORDS


def _add_to_library(scenario: Scenario) -> None:
    name = library.add(scenario, "best mix")
    st.session_state[LIBRARY_NOTICE] = f"Saved “{name}” in the library (see Compare)."


#: The start of the "Keep free" widget's key; the rest is its default, so the default follows
#: the plan when the plan changes.
RESERVE_KEY = "mix_reserve"


def _use_mix(mix: Scenario, changes: str) -> None:
    """Button callback: the best mix becomes the plan, undoably."""
    replace_scenario(
        mix, source=st.session_state[SOURCE], undo_label="use the best mix", keep_saved=True
    )
    set_notice("success", f"{changes} Undo in the sidebar brings your plan back.")


def mix_changes(scenario: Scenario, counts: dict[str, float]) -> str:
    """What the best mix changes in the plan, in a sentence: "“Coaching”: 10 → 14 clients;
    “Retreat” switched off." """
    changes = []
    for offer in scenario.enabled_offers:
        today, best = float(getattr(offer, offer.count_field)), counts.get(offer.name, 0.0)
        if best == 0:
            changes.append(f"“{plain(offer.name)}” switched off")
        elif best != today:
            words = offer.count_field.replace("_", " ")
            changes.append(
                f"“{plain(offer.name)}”: {format_count(today)} → {format_count(best, words)}"
            )
    if not changes:
        return "The best mix is your plan as it is: nothing changed."
    return "The plan now has the best mix. " + "; ".join(changes) + "."


def _reserve_default(scenario: Scenario) -> float:
    """The hours a week today's plan leaves free, rounded down to a tenth; 0 when it has
    none. [h/week]"""
    free = per_week(evaluate(scenario).totals.free_hours, scenario.practitioner)
    return max(0.0, math.floor(free * 10 + 1e-9) / 10)


def _reserve_words(reserve: float, default: float) -> str:
    """Which hours the mix keeps free, and why: as the plan does today, or as the user asked."""
    if reserve == default:
        if reserve == 0:
            return "Keeps no hours free, as your plan leaves none free today."
        return (
            f"Keeps {reserve:g} h a week free, as your plan does today; set “Keep free” to 0 "
            "to let the mix use them."
        )
    kept = "Keeps no hours free" if reserve == 0 else f"Keeps {reserve:g} h a week free"
    return f"{kept}, as you asked (your plan leaves {default:g} h a week free today)."


def _limits(scenario: Scenario) -> Limits:
    columns = st.columns(4)
    default = _reserve_default(scenario)
    reserve = columns[0].number_input(
        "Keep free (h a week)", 0.0, 100.0, min(default, 100.0), step=1.0, format="%.1f",
        key=f"{RESERVE_KEY}:{default:g}",
        help="Hours a week the mix must leave free; it starts at the hours your plan leaves "
        "free today.",
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
    st.caption(_reserve_words(reserve, default))
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
                "Change": change_of(
                    result.counts[offer.name], float(getattr(offer, offer.count_field))
                ),
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
    changes = mix_changes(scenario, result.counts)
    if best == scenario:
        st.caption("Your plan is already the best mix within these limits.")
    with st.container(horizontal=True):
        st.button(
            "Use this mix",
            key="mix_use",
            type="primary",
            on_click=_use_mix,
            args=(best, changes),
            icon=":material/check:",
            disabled=best == scenario,
            help="Put these counts into your plan; Undo in the sidebar brings your plan back.",
        )
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
        delta=format_change(change_of(best.net_income, today.net_income), "currency", currency),
    )
    columns[1].metric(
        "Hours a year",
        f"{best.total_hours:,.0f} h",
        delta=format_signed_number(change_of(best.total_hours, today.total_hours), suffix=" h"),
        delta_color="inverse",
    )
    columns[2].metric(
        "Free hours a week",
        f"{per_week(best.free_hours, practitioner):,.1f} h",
        delta=format_signed_number(
            per_week(change_of(best.free_hours, today.free_hours), practitioner), 1, " h"
        ),
    )
    rate = best.effective_hourly_rate
    rate_change = change_of(rate, today.effective_hourly_rate)
    columns[3].metric(
        "Effective hourly rate",
        "—" if rate is None else format_money(rate, currency) + "/h",
        delta=None if rate_change is None else format_money(rate_change, currency) + "/h",
    )
    st.caption(
        f"Leverage {today.leverage or 0:,.2f} → {best.leverage or 0:,.2f} client hours per own "
        f"hour; billable share {format_share(today.billable_share)} → "
        f"{format_share(best.billable_share)}."
    )
