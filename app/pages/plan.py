"""Plan: edit the practitioner and the offers; see income, hours and leverage.

The widgets' callbacks have already put every edit into the draft, so the page
checks and evaluates it first and draws the headline figures before anything
else: the numbers a person watches arrive first, and in a browser they are drawn
on their own before the rest follows (app.first_paint).
"""

import streamlit as st

from app.editors import plan_editor
from app.first_paint import let_the_headline_draw
from app.plain_text import WARNING_ICON, bullet_list, plain, plain_paragraphs
from app.reruns import ON_PLAN_PAGE, PLAN_PAGE, UNDO_SHOWN, undo_words
from app.results import charts, headline, offer_table, warnings
from app.scenario_files import sidebar_signature
from app.state import (
    SIDEBAR_SHOWN,
    check_draft,
    current_scenario,
    last_valid_scenario,
)
from models.evaluation import evaluate

#: Key of the results' container (its CSS class: st-key-plan_results).
RESULTS = "plan_results"


@st.dialog("The story behind this scenario", width="large")
def _story(description: str) -> None:
    """The scenario's description, read in a dialog (a button costs each edit less than a
    collapsed section: docs/performance.md)."""
    st.markdown(plain_paragraphs(description))


@st.fragment(key=PLAN_PAGE)
def plan_page() -> None:
    """The page as a fragment: an edit in it reruns only the page, not the sidebar and the
    navigation (and the Undo area first when its words change: app.reruns); when the edit
    changes what the rest of the sidebar shows (the plan's validity, its name), or Undo's
    words by another way, the whole app runs again."""
    check = check_draft()
    undo_shown = st.session_state.get(UNDO_SHOWN)
    if st.session_state.get(SIDEBAR_SHOWN) != sidebar_signature(check) or (
        undo_shown is not None and undo_shown != undo_words()
    ):
        st.rerun(scope="app")
    scenario = check.scenario or last_valid_scenario()
    result = evaluate(scenario)
    headline(scenario, result)
    if check.problems:
        st.error(
            "Some inputs need fixing. The results show your last valid plan until they are:\n\n"
            + bullet_list(check.problems),
            icon=WARNING_ICON,
        )
    warnings(result)
    let_the_headline_draw()  # drawn on their own, before the editor and the charts arrive
    if scenario.description and st.button(
        "The story behind this scenario",
        key="open_story",
        type="tertiary",
        icon=":material/menu_book:",
    ):
        _story(scenario.description)
    edit_column, chart_column = st.columns([9, 11], gap="large")
    with edit_column:
        plan_editor(check.problems, result)
    with chart_column, st.container(key=RESULTS):
        charts(scenario, result)
        offer_table(scenario, result)


# Outside the fragment, drawn by whole runs only: the title (a new name runs the whole app
# again) and the page's style.
st.session_state[ON_PLAN_PAGE] = True
st.title(plain(current_scenario().name))
# A phone stacks the columns in their order, which would put the whole editor before the
# first chart: below Streamlit's 640 px breakpoint the results' column goes first, so a
# coach on a phone reads the headline figures and the hours chart before the editor.
st.html(
    "<style>@media (max-width: 640px) {"
    f'[data-testid="stColumn"]:has(.st-key-{RESULTS}) {{ order: -1; }}'
    "}</style>"
)
plan_page()
