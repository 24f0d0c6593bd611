"""Compare: 2 to 5 scenarios side by side, against a baseline, and what changed between them."""

import pandas as pd
import streamlit as st

from app import library
from app.plain_text import bullet_list, plain
from app.state import (
    COMPARE_BASELINE,
    COMPARE_COLOURS,
    COMPARE_SELECTION,
    LIBRARY_ENTRY,
    LIBRARY_NEW_NAME,
    LIBRARY_NOTICE,
    LIBRARY_PROBLEM,
    SAVE_AS_NAME,
    current_scenario,
    replace_scenario,
)
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
from models.errors import ScenarioError
from models.evaluation import evaluate
from models.files import dump_scenario
from models.schema import Scenario
from models.tables import csv_bytes
from presentation.file_names import download_name
from presentation.formatting import format_change_with_percent, format_figure

CURRENT = "The scenario you are editing"

st.title("Compare scenarios")
current = current_scenario()
catalogue: dict[str, Scenario] = {CURRENT: current} | {
    name: scenario for name, (_, scenario) in library.entries().items()
}
#: Each scenario of the page evaluated once, for the library's list and the comparison.
evaluated = {name: evaluate(scenario) for name, scenario in catalogue.items()}


def _save_copy() -> None:
    """The scenario being edited into the library, under a name the schema accepts."""
    try:
        copied = library.renamed(current, st.session_state[SAVE_AS_NAME])
    except ScenarioError as error:
        st.session_state[LIBRARY_PROBLEM] = f"Not saved: {'; '.join(map(str, error.problems))}"
        return
    name = library.add(copied, "saved copy")
    st.session_state[LIBRARY_NOTICE] = (
        f"Saved “{name}” in the library. Below: the scenario you are editing against it."
    )
    # The comparison a person wants next: what they edit against the copy they just kept.
    st.session_state[COMPARE_SELECTION] = [CURRENT, name]
    st.session_state[COMPARE_BASELINE] = CURRENT


def _rename() -> None:
    old = st.session_state[LIBRARY_ENTRY]
    try:
        new = library.rename(old, st.session_state[LIBRARY_NEW_NAME])
    except ScenarioError as error:
        st.session_state[LIBRARY_PROBLEM] = f"Not renamed: {'; '.join(map(str, error.problems))}"
        return
    st.session_state[LIBRARY_ENTRY] = new
    st.session_state[LIBRARY_NOTICE] = f"Renamed “{old}” to “{new}”."


def _delete() -> None:
    name = st.session_state[LIBRARY_ENTRY]
    library.delete(name)
    st.session_state[LIBRARY_NOTICE] = f"Deleted “{name}” from the library."


def _open() -> None:
    name = st.session_state[LIBRARY_ENTRY]
    scenario = library.entries()[name][1]
    replace_scenario(scenario, source="library", undo_label=f"opening “{name}”")
    st.session_state[LIBRARY_NOTICE] = f"“{name}” is now the scenario you are editing (Plan page)."


with st.expander("Your scenario library", icon=":material/folder_open:"):
    st.caption(
        "The examples, the files you opened, and copies you save. "
        "It lasts for this browser session: download what you want to keep."
    )
    notice = st.session_state.pop(LIBRARY_NOTICE, None)
    if notice:
        st.success(plain(notice))
    problem = st.session_state.pop(LIBRARY_PROBLEM, None)
    if problem:
        st.error(plain(problem))
    st.dataframe(
        [
            {
                "Scenario": name,
                "From": source,
                "Offers": len(scenario.offers),
                "Net income": evaluated[name].totals.net_income,
                "Currency": scenario.currency,
            }
            for name, (source, scenario) in library.entries().items()
        ],
        hide_index=True,
        key="library_table",
        column_config={"Net income": st.column_config.NumberColumn(format="%,.0f")},
    )
    save = st.columns([3, 2], vertical_alignment="bottom")
    save[0].text_input(
        "Save the scenario you are editing as", value=f"{current.name} (copy)", key=SAVE_AS_NAME
    )
    save[1].button("Save a copy", on_click=_save_copy, key="save_copy", icon=":material/save:")
    names = list(library.entries())
    if names:
        if st.session_state.get(LIBRARY_ENTRY) not in names:
            st.session_state[LIBRARY_ENTRY] = names[0]
        chosen = st.selectbox("Entry", names, key=LIBRARY_ENTRY)
        entry_actions = st.columns([3, 1, 1, 1, 2], vertical_alignment="bottom")
        entry_actions[0].text_input("New name", value=chosen, key=LIBRARY_NEW_NAME, max_chars=100)
        entry_actions[1].button("Rename", on_click=_rename, key="library_rename")
        entry_actions[2].button(
            "Open", on_click=_open, key="library_open", help="Edit it on the Plan page"
        )
        entry_actions[3].button("Delete", on_click=_delete, key="library_delete")
        scenario = library.entries()[chosen][1]
        entry_actions[4].download_button(
            "Download",
            lambda: dump_scenario(scenario).encode("utf-8"),
            file_name=download_name(scenario.name, "yaml"),
            mime="application/x-yaml",
            key="library_download",
            on_click="ignore",
            icon=":material/download:",
        )

options = list(catalogue)
different = [name for name in options[1:] if catalogue[name] != current]
st.session_state.setdefault(COMPARE_SELECTION, [CURRENT, *different[:1]])
selection = [name for name in st.session_state[COMPARE_SELECTION] if name in catalogue]
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
scenarios = [catalogue[name] for name in picked]
results = [evaluated[name] for name in picked]
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
st.dataframe(
    offers_by_scenario(results, labels).style.map(
        lambda label: f"color: {colour_of[label]}", subset=["scenario"]
    ),
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
