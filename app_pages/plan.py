"""Plan: edit the practitioner and the offers; see income, hours and leverage."""

import streamlit as st

from models.evaluation import evaluate
from ui.editors import offers_editor, scenario_editor
from ui.results import charts, headline, offer_table, warnings
from ui.scenario_files import sidebar
from ui.state import check_draft, last_valid_scenario

notice = st.session_state.get("notice")
title_area = st.container()
results_area = st.container()
edit_column, chart_column = st.columns([2, 3], gap="large")

with edit_column:
    # The editors write the widgets' values into the draft before anything is computed.
    problem_slots = [scenario_editor(), offers_editor()]

check = check_draft()
for slot in problem_slots:
    slot.show(check.problems)
scenario = check.scenario or last_valid_scenario()
result = evaluate(scenario)
sidebar(scenario, valid=check.scenario is not None)

with title_area:
    st.title(scenario.name)
    if scenario.description:
        with st.expander("The story behind this scenario"):
            st.markdown(scenario.description)
    if notice is not None:
        level, message = notice
        getattr(st, level)(message)
    file_problems = st.session_state.get("file_problems")
    if file_problems is not None:
        st.error(str(file_problems))

with results_area:
    if check.problems:
        st.error(
            "Some inputs need fixing. The results show your last valid plan until they are:\n\n"
            + "\n".join(f"- {problem}" for problem in check.problems),
            icon="⚠️",
        )
    headline(scenario, result)
    warnings(result)

with chart_column:
    charts(result)
    offer_table(result)
