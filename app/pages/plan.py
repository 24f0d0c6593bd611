"""Plan: edit the practitioner and the offers; see income, hours and leverage.

The widgets' callbacks have already put every edit into the draft, so the page
checks and evaluates it first and draws the headline figures before anything
else: the numbers a person watches arrive first.
"""

import streamlit as st

from app.editors import offers_editor, scenario_editor
from app.plain_text import bullet_list, plain, plain_paragraphs
from app.results import charts, headline, offer_table, warnings
from app.state import check_draft, last_valid_scenario
from models.evaluation import evaluate

check = check_draft()
scenario = check.scenario or last_valid_scenario()
result = evaluate(scenario)

st.title(plain(scenario.name))
headline(scenario, result)
if check.problems:
    st.error(
        "Some inputs need fixing. The results show your last valid plan until they are:\n\n"
        + bullet_list(check.problems),
        icon="⚠️",
    )
warnings(result)
if scenario.description:
    with st.expander("The story behind this scenario"):
        st.markdown(plain_paragraphs(scenario.description))

edit_column, chart_column = st.columns([9, 11], gap="large")
with edit_column:
    scenario_editor(check.problems)
    offers_editor(check.problems, result)
with chart_column:
    charts(scenario, result)
    offer_table(scenario, result)
