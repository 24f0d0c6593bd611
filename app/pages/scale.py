"""Scale: how long each lever is. Each offer grows while the others stay as planned."""

import streamlit as st

from app import analyses
from app.plain_text import WARNING_ICON, plain
from app.report_downloads import chart_download
from app.state import SCALE_OFFER, current_scenario
from charts.plan import vega_lite_spec
from charts.scale import (
    frontier_chart,
    frontier_data,
    growth_chart,
    growth_data,
    lever_chart,
    lever_data,
)
from models.analysis import Analysis
from models.evaluation import hours_for_offers
from models.scale import scale_warnings
from models.schema import GroupSize, Scenario
from models.tables import LEVER_COLUMNS, LEVER_UNITS, levers_table, with_currency
from presentation.formatting import format_money, format_share
from presentation.levers import BOUND_WORDS, levers_in_words

WHOLE = st.column_config.NumberColumn(format="%,.0f")

scenario = current_scenario()
currency = scenario.currency
analysis = analyses.analysis(scenario)  # cached; choosing an offer reruns its section alone
result = analysis.levers

st.title("How far each lever goes")
st.caption(
    "Each offer grows on its own while the others stay as planned. Groups, cohorts and retreats "
    "fill up to your planned size, then a new one opens: that is where hours step up."
)
if not result.offers:
    st.info("Add an offer on the Plan page to see how far it can grow.")
    st.stop()
for note in scale_warnings(result):
    st.warning(plain(note), icon=WARNING_ICON)

st.subheader("The length of each lever")
st.vega_lite_chart(
    lever_data(result, hours_for_offers(scenario.practitioner)),
    vega_lite_spec(lever_chart, currency),
    key="lever_chart",
)
chart_download(analysis, "levers")
headings = with_currency(LEVER_COLUMNS, LEVER_UNITS, currency)  # "… (USD/h)"
ranking = levers_in_words(levers_table(result, analysis.result)).rename(columns=headings)
st.dataframe(
    ranking.sort_values(headings["contribution_per_hour"], ascending=False),
    hide_index=True,
    key="lever_ranking",
    column_config={
        headings["contribution_per_hour"]: WHOLE,
        headings["contribution_at_ceiling"]: WHOLE,
        headings["ceiling"]: WHOLE,
        headings["next_buyer_hours"]: st.column_config.NumberColumn(format="%,.1f"),
        headings["next_buyer_hourly_rate"]: WHOLE,
    },
)
st.caption(
    "Sorted by what an hour of yours earns on each offer today; sort by any column (by "
    "contribution at the ceiling for the longest lever). Each ceiling counts demand: it stops "
    "at your hours, your energy for client work (the hours a week you can give) or what the "
    "market will buy (your limit on sales, or leads × conversion), whichever comes first. "
    "The next buyer's hours include a whole new group, cohort or retreat when it opens one."
)


@st.fragment
def offer_up_close(scenario: Scenario, analysis: Analysis) -> None:
    """One offer's lever: its figures and how it grows. A fragment: choosing another offer
    reruns this section alone, not the lever chart and the ranking above nor the sidebar."""
    result = analysis.levers
    currency = scenario.currency
    capacity = analysis.result.totals.capacity_hours
    st.subheader("One offer up close")
    names = [lever.name for lever in result.offers]
    if st.session_state.get(SCALE_OFFER) not in names:
        st.session_state[SCALE_OFFER] = names[0]
    chosen = st.selectbox("Offer", names, key=SCALE_OFFER)
    lever = next(item for item in result.offers if item.name == chosen)
    offer = next(item for item in scenario.enabled_offers if item.name == chosen)
    quantity_words = offer.quantity_words
    first, second, third, fourth = st.columns(4)
    first.metric(f"Your plan ({quantity_words})", f"{lever.quantity:,.4g}")
    second.metric(
        "Ceiling",
        f"{lever.ceiling.quantity:,.0f}",
        delta=f"bound by {BOUND_WORDS[lever.bound]}",
        delta_color="off",
        delta_arrow="off",
    )
    third.metric("Contribution at the ceiling", format_money(lever.ceiling.contribution, currency))
    rate = lever.marginal.hourly_rate
    fourth.metric(
        "The next buyer",
        f"{lever.marginal.hours_per_unit:,.1f} h",
        delta=f"{format_money(rate, currency)} an hour" if rate is not None else "costs no hours",
        delta_color="normal" if rate is None or rate >= 0 else "inverse",
        delta_arrow="off",
    )
    if isinstance(offer, GroupSize):
        st.info(
            f"Largest real group: {offer.max_group_size:,.0f}. Past this size there is no individual "
            "interaction left: it becomes an events or training business. Here the offer grows by "
            "opening more groups of your planned size instead.",
            icon="👥",
        )
    growth = growth_data(result, chosen, capacity)
    left, right = st.columns(2)
    with left:
        st.markdown(
            f"**Contribution as {quantity_words} grow** (blue: your plan, red: the ceiling)"
        )
        st.vega_lite_chart(
            growth,
            vega_lite_spec(growth_chart, "Contribution", f"{currency} a year", quantity_words),
            key="growth_contribution",
        )
    with right:
        st.markdown("**Your year's hours** (dashed: your capacity)")
        st.vega_lite_chart(
            growth,
            vega_lite_spec(growth_chart, "Scenario hours", "Hours a year", quantity_words),
            key="growth_hours",
        )

    if lever.kind == "online_program":
        st.markdown(
            "**The automation frontier**: the more automated, the further it scales, the less each student pays"
        )
        frontier = analyses.frontier(scenario, chosen)
        st.vega_lite_chart(
            frontier_data(frontier), vega_lite_spec(frontier_chart, currency), key="frontier"
        )
        # The figures' columns, named once for the rows and for their whole-number format.
        price = f"Price per student ({currency})"
        hours = "Your hours at the planned students"
        ceiling = "Most students that fit"
        contribution = f"Contribution at that ceiling ({currency})"
        st.dataframe(
            [
                {
                    "Automation": format_share(point.automation),
                    price: point.price,
                    hours: point.offer_hours,
                    ceiling: point.ceiling,
                    contribution: point.ceiling_contribution,
                }
                for point in frontier
            ],
            hide_index=True,
            key="frontier_table",
            column_config=dict.fromkeys((price, hours, ceiling, contribution), WHOLE),
        )


offer_up_close(scenario, analysis)
