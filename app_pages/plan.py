"""Plan: edit the practitioner and the offers; see income, hours and leverage.

The widgets' callbacks have already put every edit into the draft, so the page
checks and evaluates it first and draws the headline figures before anything
else: the numbers a person watches arrive first.
"""

import streamlit as st

from models.evaluation import evaluate
from ui.editors import offers_editor, scenario_editor
from ui.results import charts, headline, offer_table, warnings
from ui.state import check_draft, last_valid_scenario

check = check_draft()
scenario = check.scenario or last_valid_scenario()
result = evaluate(scenario)

st.title(scenario.name)
headline(scenario, result)
notice = st.session_state.get("notice")
if notice is not None:
    level, message = notice
    getattr(st, level)(message)
file_problems = st.session_state.get("file_problems")
if file_problems is not None:
    st.error(str(file_problems))
if check.problems:
    st.error(
        "Some inputs need fixing. The results show your last valid plan until they are:\n\n"
        + "\n".join(f"- {problem}" for problem in check.problems),
        icon="⚠️",
    )
warnings(result)
if scenario.description:
    with st.expander("The story behind this scenario"):
        st.markdown(scenario.description)

edit_column, chart_column = st.columns([2, 3], gap="large")
with edit_column:
    scenario_editor(check.problems)
    offers_editor(check.problems)
with chart_column:
    charts(scenario, result)
    offer_table(result)
