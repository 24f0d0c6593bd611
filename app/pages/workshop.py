"""Workshop: a leverage journey for a room, one change a step, with a presenter view.

Each step is a scenario file (scenarios/journey/); the page shows its headline figures,
how income, hours and leverage moved since the step before, one chart, and the lever
in two sentences. The facilitator types the number the room calls out into the step's
main input and every figure follows. A room lets participants put in their own numbers
(app.room_opening; the facilitator's room view is app.room_view).
"""

import streamlit as st

from app.fields import input_is_share
from app.journey_state import (
    PROBLEMS,
    UPLOAD,
    VALUE,
    current_journey,
    reset_value,
    seed_value,
    shipped_journey,
    shown_value,
    step_index,
    step_scenario,
    store_value,
    uploaded_journey,
)
from app.plain_text import WARNING_ICON, bullet_list, plain, plain_paragraphs
from app.presenter import (
    STEP_VIEW,
    WARNINGS_VIEW,
    clicker_keys,
    presenter_chart,
    presenter_style,
    step_button,
)
from app.reruns import whole_run_due
from app.results import change_style, warnings
from app.room_opening import open_room_section
from app.state import JOURNEY_EDITS, PRESENTER, current_scenario, replace_scenario
from app.uploads import upload_key
from charts.plan import hours_chart, hours_chart_data, vega_lite_spec
from models.evaluation import evaluate
from models.inputs import is_whole, label, valid_range, value_of
from models.journey import demand_stop, moves
from models.tables import hours_by_category
from presentation.formatting import format_change, format_hours, percent_of_share
from presentation.headline import headlines
from presentation.levers import LEVERS

#: Whether a rise of the figure is good news (green) or costs something (red).
RISE_IS_GOOD = {"net_income": True, "total_hours": False, "leverage": True}
#: Figure moving since the last step → the headline card that shows it.
HEADLINE_OF = {"net_income": "net_income", "total_hours": "hours", "leverage": "leverage"}


@st.fragment
def workshop_page() -> None:
    """The page as a fragment: a number called out, another step, a journey or a room reruns
    the page only, not the navigation and the sidebar, which nothing here changes. The
    presenter switch hides them, so it runs the whole app, and so does the first action after
    a notice (a whole run takes it away): app.reruns.whole_run_due."""
    if whole_run_due():
        st.rerun(scope="app")
    journey = current_journey()
    index = step_index(journey)
    step = journey.steps[index]
    count = len(journey.steps)
    presenting = bool(st.session_state.get(PRESENTER, False))
    if presenting:
        presenter_style()

    # The step in one container, so the presenter view's style applies to it alone.
    with st.container(key=STEP_VIEW):
        heading, toggle = st.columns([4, 1], vertical_alignment="center")
        lever = LEVERS[step.lever]
        heading.caption(f"Step {index + 1} of {count} · {lever.title}")
        toggle.toggle(
            "Presenter view",
            key=PRESENTER,
            help="Large type, no sidebar: for a projector. Switch it off here to get the menus back.",
        )
        scenario = step_scenario(journey, index)
        previous = step_scenario(journey, index - 1) if index > 0 else None
        result = evaluate(scenario)
        st.title(plain(step.scenario.name))
        st.markdown(f"**{lever.does}** {lever.stops}")
        stop = demand_stop(scenario, step.main_input)
        if stop is not None:
            hours_allow = (
                "your hours would never stop it"
                if stop.buyers_your_hours_allow is None
                else f"your hours would allow {stop.buyers_your_hours_allow:,.0f}"
            )
            st.info(
                f"Demand, not your hours, stops this lever: {stop.leads_per_year:,.0f} leads a year "
                f"at {stop.conversion_rate:.0%} bring {stop.demand_limit:,.0f} buyers a year; "
                f"{hours_allow}.",
                icon=":material/campaign:",
            )

        figures = {figure.key: figure for figure in headlines(scenario, result)}
        totals = result.totals
        # Short values for large type: the capacity goes into the hours label.
        shown = {
            "net_income": (figures["net_income"].label, figures["net_income"].value),
            "total_hours": (
                f"Hours a year, of {format_hours(totals.capacity_hours)}",
                format_hours(totals.total_hours),
            ),
            "leverage": (figures["leverage"].label, figures["leverage"].value),
        }
        for column, move in zip(st.columns(3), moves(previous, scenario), strict=True):
            figure_label, value = shown[move.metric]
            change = (
                ""
                if move.change is None
                else format_change(move.change, move.unit, scenario.currency)
            )
            style = change_style(change, RISE_IS_GOOD[move.metric])
            column.metric(
                figure_label,
                value,
                delta=f"{change} since step {index}" if change else None,
                delta_color=style.delta_color,
                delta_arrow=style.delta_arrow,
                help=figures[HEADLINE_OF[move.metric]].help,
            )
        st.markdown(
            " · ".join(
                f"{figures[key].label}: **{figures[key].value}**"
                for key in ("effective_hourly_rate", "billable_share", "billable_to_bd_ratio")
            )
        )

        main_input = step.main_input
        low, high = valid_range(step.scenario, main_input)
        planned = float(value_of(step.scenario, main_input))
        seed_value(journey, index, planned)
        share = input_is_share(step.scenario, main_input)
        whole = is_whole(step.scenario, main_input) or (planned.is_integer() and not share)
        in_file = f"{percent_of_share(planned):g}%" if share else f"{planned:,.4g}"
        value_column, reset_column = st.columns([4, 1], vertical_alignment="bottom")
        value_column.number_input(
            # A share is called out as a percentage, as a coach says it ("25%", not "0.25").
            f"Call out a number: {plain(label(step.scenario, main_input))}{' (%)' if share else ''}",
            min_value=shown_value(step.scenario, main_input, low),
            max_value=shown_value(step.scenario, main_input, high),
            step=1.0 if whole or share else 0.5,
            format="%.0f" if whole else "%g" if share else "%.2f",
            key=VALUE,
            on_change=store_value,
            help=f"This step's file says {in_file}. Every figure on the page follows the new value.",
        )
        reset_column.button(
            "Reset",
            key="journey_reset",
            on_click=reset_value,
            disabled=index not in st.session_state[JOURNEY_EDITS],
            help="Back to the value in this step's file.",
            width="stretch",
        )
        problems = st.session_state.get(PROBLEMS)
        if problems is not None:
            st.error(plain_paragraphs(problems), icon=WARNING_ICON)
        with st.container(key=WARNINGS_VIEW):
            warnings(result)  # over capacity, a group past its size …: large in the presenter view

        spec = vega_lite_spec(hours_chart)
        st.vega_lite_chart(
            hours_chart_data(hours_by_category(result, whole_plan=True), totals.capacity_hours),
            presenter_chart(spec) if presenting else spec,
            key="workshop_chart",
        )

        back, position, forward = st.columns([1, 2, 1], vertical_alignment="center")
        with back:
            step_button(
                "← Back",
                "journey_back",
                index - 1,
                count,
                "ArrowLeft",
                width="stretch",
                help="Or press ← (a clicker's Page Up).",
            )
        position.progress((index + 1) / count, text=f"Step {index + 1} of {count}")
        with forward:
            step_button(
                "Next →",
                "journey_next",
                index + 1,
                count,
                "ArrowRight",
                type="primary",
                width="stretch",
                help="Or press → (a clicker's Page Down).",
            )
        clicker_keys(index, count)

    if not presenting:
        if step.changes:
            with st.expander(f"What changed since step {index}"):
                st.markdown(bullet_list(step.changes))
        if step.scenario.description:
            with st.expander("The story of this step"):
                st.markdown(plain_paragraphs(step.scenario.description))
        if st.button(
            "Open this step on the Plan page", key="journey_open", icon=":material/edit_note:"
        ):
            replace_scenario(scenario, source="journey", undo_label="opening a workshop step")
            st.switch_page("app/pages/plan.py")
        with st.expander("Use your own journey"):
            st.caption(
                "A journey is a set of scenario files, one per step, taken in the order of their "
                "names (01-….yaml, 02-….yaml …). Each step should make one change: add an offer, "
                "move offers online, or change a number. Every file is checked like any scenario."
            )
            st.file_uploader(
                "Step files (YAML or JSON)",
                type=["yaml", "yml", "json"],
                accept_multiple_files=True,
                key=upload_key(UPLOAD),
                on_change=uploaded_journey,
            )
            st.button(
                "Back to the leverage journey", key="journey_shipped", on_click=shipped_journey
            )
        with st.expander(
            "Open a room: participants put in their own numbers", icon=":material/groups:"
        ):
            open_room_section(scenario, current_scenario())


workshop_page()
