"""Compare: 2 to 5 scenarios side by side, against a baseline, and what changed between them."""

import pandas as pd
import streamlit as st

from app import library, saved_library
from app.library_view import CURRENT, library_section, listed
from app.plain_text import bullet_list, plain
from app.state import COMPARE_BASELINE, COMPARE_COLOURS, COMPARE_SELECTION, current_scenario
from app.storage import show_problem
from charts.compare import SCENARIO_COLOURS, colour_slots, grouped_bars
from charts.plan import vega_lite_spec
from models.compare import (
    MAX_SCENARIOS,
    compare,
    differences,
    hours_by_scenario,
    metrics_table,
    offers_by_scenario,
    revenue_by_kind,
)
from models.evaluation import evaluate
from models.tables import csv_bytes, unused_columns
from presentation.file_names import download_name
from presentation.formatting import format_change_with_percent, format_figure
from store.errors import StoreError

st.title("Compare scenarios")
current = current_scenario()
saved = saved_library.entries()
with st.expander("Your scenario library", icon=":material/folder_open:"):
    st.caption(
        "Your saved scenarios, each save kept as a version, and the examples to start from. "
        "Your library lasts: it is reached by its link."
    )
    library_section(current, saved)
#: Every scenario the comparison can show, read only when picked (a saved one from the store).
catalogue = listed([] if isinstance(saved, StoreError) else saved)
options = [CURRENT, *catalogue]
examples_differing = [
    name for name, (_, scenario) in library.entries().items() if scenario != current
]
st.session_state.setdefault(COMPARE_SELECTION, [CURRENT, *examples_differing[:1]])
selection = [name for name in st.session_state[COMPARE_SELECTION] if name in options]
st.session_state[COMPARE_SELECTION] = selection
picked = st.multiselect(
    f"Scenarios to compare (2 to {MAX_SCENARIOS})",
    options,
    key=COMPARE_SELECTION,
    max_selections=MAX_SCENARIOS,
)
if len(picked) < 2:
    st.info("Pick at least two scenarios to compare.")
    st.stop()
if st.session_state.get(COMPARE_BASELINE) not in picked:
    st.session_state[COMPARE_BASELINE] = picked[0]
baseline_name = st.selectbox("Baseline", picked, key=COMPARE_BASELINE)
read = [current if name == CURRENT else catalogue[name].read() for name in picked]
problems = [problem for problem in read if isinstance(problem, StoreError)]
if problems:
    show_problem(problems[0])
    st.stop()
scenarios = [scenario for scenario in read if not isinstance(scenario, StoreError)]
results = [evaluate(scenario) for scenario in scenarios]
comparison = compare(scenarios, baseline=picked.index(baseline_name), results=results)
currencies = {scenario.currency for scenario in scenarios}
currency = scenarios[0].currency
if len(currencies) > 1:
    st.warning(
        f"These scenarios use different currencies ({', '.join(sorted(currencies))}); "
        "their money figures are compared as plain numbers, without conversion."
    )

slots = colour_slots(st.session_state.get(COMPARE_COLOURS, {}), picked)
st.session_state[COMPARE_COLOURS] = slots
labels = list(comparison.scenarios)
colours = tuple(SCENARIO_COLOURS[slots[name]] for name in picked)
colour_of = dict(zip(labels, colours, strict=True))

st.subheader("Every headline figure")
st.caption(
    f"Each scenario against the baseline, “{plain(comparison.baseline)}”: "
    "its figure, and under it the change. A scenario keeps its colour in every table and chart."
)
rows = []
for row in comparison.metrics:
    record = {"Figure": row.label}
    for label, value, delta, percent in zip(
        comparison.scenarios, row.values, row.deltas, row.percents, strict=True
    ):
        # st.table reads every cell as Markdown: plain() keeps "$" from starting maths.
        cell = plain(format_figure(value, row.unit, currency))
        if label != comparison.baseline:
            change = format_change_with_percent(delta, percent, row.unit, currency)
            cell = f"{cell}  \n{plain(change)}"  # the change on a line of its own
        record[plain(label)] = cell
    rows.append(record)
# One column per scenario, headed by its name alone, so five fit across the page.
headline_table = pd.DataFrame(rows).set_index("Figure")
column_colours = dict(zip(headline_table.columns, colours, strict=True))
st.table(
    headline_table.style.apply(
        lambda column: [f"color: {column_colours[column.name]}"] * len(column)
    )
)
st.download_button(
    "Download the comparison (CSV)",
    lambda: csv_bytes(metrics_table(comparison)),
    file_name=download_name(comparison.baseline, "csv", "comparison"),
    mime="text/csv",
    key="download_comparison",
    on_click="ignore",
    icon=":material/table:",
)

left, right = st.columns(2)
with left:
    st.markdown("**Hours by category**")
    st.vega_lite_chart(
        hours_by_scenario(results, labels),
        vega_lite_spec(
            grouped_bars, "category", "Category", "hours", "Hours a year", tuple(labels), colours
        ),
        key="compare_hours",
    )
with right:
    st.markdown("**Revenue by kind of offer**")
    st.vega_lite_chart(
        revenue_by_kind(results, labels),
        vega_lite_spec(
            grouped_bars,
            "kind",
            "Kind of offer",
            "revenue",
            f"Revenue, {currency} a year",
            tuple(labels),
            colours,
        ),
        key="compare_revenue",
    )

st.subheader("Every offer")
offers_table = offers_by_scenario(results, labels)
# Associate hours only when some offer has an associate: five scenarios' offers then fit
# across the page with no sideways scrolling.
offers_table = offers_table.drop(columns=unused_columns(offers_table))
st.dataframe(
    offers_table.style.map(lambda label: f"color: {colour_of[label]}", subset=["scenario"]),
    hide_index=True,
    key="compare_offers",
    column_config={
        "scenario": st.column_config.TextColumn("Scenario"),
        "offer": st.column_config.TextColumn("Offer"),
        "kind": st.column_config.TextColumn("Kind"),
        "revenue": st.column_config.NumberColumn(f"Revenue ({currency})", format="%,.0f"),
        "contribution": st.column_config.NumberColumn(f"Contribution ({currency})", format="%,.0f"),
        "hours": st.column_config.NumberColumn("Hours", format="%,.0f"),
        "buyers": st.column_config.NumberColumn("Buyers", format="%,.4g"),
        "leverage": st.column_config.NumberColumn("Leverage", format="%.2f"),
        "associate_hours": st.column_config.NumberColumn("Associate hours", format="%,.0f"),
    },
)

st.subheader("What changed")
ends = st.columns(2)
before = ends[0].selectbox("From", labels, index=0, key="changed_from")
after = ends[1].selectbox("To", labels, index=min(1, len(labels) - 1), key="changed_to")
changes = differences(scenarios[labels.index(before)], scenarios[labels.index(after)])
if changes:
    st.markdown(bullet_list(changes))
else:
    st.caption("No input differs.")
