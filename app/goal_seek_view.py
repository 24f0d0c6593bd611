"""Decide → What it takes: the value of one input that reaches a target, and what must be true.

Every figure comes from :mod:`models.goal_seek`; a count of people or things is answered in
whole numbers there ("12 members per cohort"). "Apply" puts the value into the scenario
being edited; the sidebar's Undo brings the old value back.
"""

from __future__ import annotations

import copy
import math

import streamlit as st

from app.notices import set_notice
from app.plain_text import plain
from app.state import SOURCE, draft, named_section, replace_scenario, scenario_document
from models.goal_seek import GoalSeek, goal_seek, what_must_be_true
from models.inputs import METRICS, Input, assumptions, figure_of, label, title, unit
from models.schema import Scenario
from presentation.formatting import format_count, format_money, format_share


def _apply(where: Input, value: float, name: str) -> None:
    """Button callback: the scenario with the input at ``value``, undoable."""
    document = copy.deepcopy(draft())  # the draft as it is goes on the undo stack
    named_section(document, where.offer)[where.field] = value
    replace_scenario(
        Scenario.model_validate(scenario_document(document)),
        source=st.session_state[SOURCE],
        undo_label=f"goal seek on {name}",
        keep_saved=True,
    )
    set_notice("success", f"{name} set to {value:,.6g}. Undo is in the sidebar.")


def _value_text(scenario: Scenario, where: Input, value: float, whole: bool) -> str:
    """The input's value in words: ``12 members per cohort`` for a count, ``8,500 USD`` else."""
    if whole:
        return format_count(value, title(scenario, where).lower())
    return f"{value:,.4g} {unit(scenario, where)}".rstrip()


def _figure_text(value: float | None, figure: str, currency: str) -> str:
    if value is None:
        return "undefined"
    figure_unit = METRICS[figure][1]
    if "currency" in figure_unit:
        return format_money(value, currency) + ("/h" if figure_unit.endswith("/h") else "")
    return f"{value:,.1f} h" + (" a week" if figure.endswith("week") else "")


def goal_seek_view(scenario: Scenario) -> None:
    """Pick an input and a target; see the value that reaches it, and apply it."""
    currency = scenario.currency
    inputs = {label(scenario, where): where for where in assumptions(scenario)}
    figures = {METRICS[name][0]: name for name in METRICS}
    ordered = ["Take-home income", *(name for name in figures if name != "Take-home income")]
    columns = st.columns([3, 2, 2], vertical_alignment="bottom")
    first_offer = scenario.enabled_offers[0]
    default_input = label(scenario, Input(first_offer.name, first_offer.drivers[0]))
    chosen = columns[0].selectbox(
        "Input to change",
        list(inputs),
        index=list(inputs).index(default_input),
        key="goal_input",
        help="Any figure of yours or of an enabled offer; every other input stays as planned.",
    )
    figure = figures[
        columns[1].selectbox(
            "Figure to reach",
            ordered,
            key="goal_figure",
            help="Take-home income is net income after tax: what your target is compared with.",
        )
    ]
    where = inputs[chosen]
    as_planned = float(figure_of(scenario, figure))
    planned = None if math.isnan(as_planned) else as_planned
    default = (
        scenario.practitioner.target_net_income if figure in ("take_home", "net_income") else None
    )
    target = columns[2].number_input(
        f"Target ({METRICS[figure][1].replace('currency', currency)})",
        value=float(default if default is not None else round(planned or 0.0)),
        key=f"goal_target:{figure}",
        step=1000.0 if "currency/year" in METRICS[figure][1] else 1.0,
        format="%.0f" if "currency/year" in METRICS[figure][1] else "%.2f",
    )
    answer = goal_seek(scenario, where, figure, target)
    value_text = _value_text(scenario, where, answer.value, answer.whole)
    field_title = title(scenario, where)
    first, second, third = st.columns(3)
    first.metric(
        f"{field_title} needed" if answer.reachable else f"{field_title}, closest",
        # the count alone under its name ("Members per cohort needed: 12"), so it fits
        format_count(answer.value) if answer.whole else value_text,
        delta=(
            f"{answer.value / answer.current - 1:+.1%} on the plan's {answer.current:,.4g}"
            if answer.current
            else f"the plan has {answer.current:,.4g}"
        ),
        delta_color="off",
    )
    second.metric(
        f"{METRICS[figure][0]} there",
        _figure_text(answer.achieved, figure, currency),
        delta=f"planned {_figure_text(planned, figure, currency)}",
        delta_color="off",
        delta_arrow="off",
    )
    with third:
        st.button(
            "Apply this value",
            on_click=_apply,
            args=(where, answer.value, chosen),
            key="goal_apply",
            disabled=answer.value == answer.current,
            icon=":material/check:",
            help="Put this value into the scenario; Undo in the sidebar brings the old one back.",
        )
    if not answer.moves_figure:
        st.info(
            f"{METRICS[figure][0]} does not change with {plain(chosen)}: choose another input.",
            icon=":material/info:",
        )
    elif not answer.reachable:
        whole = "No whole number" if answer.whole else "Not reachable"
        st.warning(
            f"{whole} within {answer.low:,.4g} to {answer.high:,.4g} "
            f"{unit(scenario, where)} reaches it: {value_text} comes closest.",
            icon=":material/block:",
        )
    elif answer.whole:
        st.caption(
            f"Counted in whole numbers: {value_text} gives {METRICS[figure][0].lower()} of "
            f"{_figure_text(answer.achieved, figure, currency)}, the nearest whole number "
            "that reaches your target."
        )
    _fit_notice(scenario, answer, chosen)
    _what_must_be_true(scenario)


def _fit_notice(scenario: Scenario, answer: GoalSeek, chosen: str) -> None:
    """Whether the answer fits your hours, your client-facing hours and the market; if not,
    the best value that does."""
    if answer.fits:
        st.success(
            "This plan fits your hours, your energy for client work and your market.",
            icon=":material/check_circle:",
        )
        return
    reasons = []
    if answer.over_by_hours > 0:
        per_week_over = answer.over_by_hours / scenario.practitioner.weeks_per_year
        reasons.append(
            f"needs {answer.over_by_hours:,.0f} h a year more than you have "
            f"({per_week_over:,.1f} h a week)"
        )
    if answer.over_delivery_cap_by_hours > 0:
        reasons.append(
            f"puts {answer.over_delivery_cap_by_hours:,.0f} h a year of client work past the "
            f"{scenario.practitioner.max_delivery_hours_per_week:g} h a week you can give"
        )
    if answer.over_market:
        reasons.append(
            "sells more than the market will buy ("
            + ", ".join(plain(name) for name in answer.over_market)
            + ")"
        )
    best = answer.best_fitting
    figure_name = METRICS[answer.metric][0].lower()
    where = Input(answer.offer, answer.field)
    advice = (
        f" The most that fits is {_value_text(scenario, where, best.value, answer.whole)}, "
        f"which gives {figure_name} of "
        f"{_figure_text(best.figure, answer.metric, scenario.currency)}."
        if best is not None
        else f" No value of {plain(chosen)} from {answer.low:,.4g} to {answer.high:,.4g} fits."
    )
    st.error(
        f"This plan does not fit: it {' and '.join(reasons)}.{advice}", icon=":material/warning:"
    )
    if best is not None:
        st.button(
            "Apply the value that fits",
            on_click=_apply,
            args=(where, best.value, chosen),
            key="goal_apply_fitting",
            icon=":material/check:",
        )


def _what_must_be_true(scenario: Scenario) -> None:
    currency = scenario.currency
    st.subheader("What must be true")
    target = scenario.practitioner.target_net_income
    if target is None:
        st.info("Set a target income (Plan → Scenario and your working year) to see this.")
        return
    st.caption(
        f"For a take-home income (net income after tax) of {format_money(target, currency)}: "
        "the value each driver would need on its own, everything else as planned."
    )
    rows = [
        {
            "Driver": row.label,
            "Planned": row.current,
            "Needed on its own": row.needed,
            "Change": format_share(row.change) if row.change is not None else "—",
            "Fits your hours": _yes_no(row.needed, not row.over_capacity),
            "Within your energy for client work": _yes_no(row.needed, not row.over_delivery_cap),
            "Within the market": _yes_no(row.needed, not row.over_market),
        }
        for row in what_must_be_true(scenario, target)
    ]
    st.dataframe(
        rows,
        hide_index=True,
        key="must_be_true",
        column_config={
            "Planned": st.column_config.NumberColumn(format="%,.4g"),
            "Needed on its own": st.column_config.NumberColumn(format="%,.4g"),
        },
    )
    st.caption(
        "Rows that fit your hours, your energy for client work and the market come first. "
        "Counts of people and things are whole: the first whole number that reaches the target "
        "(17.33 clients needed means 18). “—”: no value in the field's range reaches the target "
        "on its own."
    )


def _yes_no(needed: float | None, holds: bool) -> str:
    return "—" if needed is None else ("yes" if holds else "no")
