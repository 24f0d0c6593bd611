"""Decide: what it takes to reach a target, which assumption matters most, how sure the plan
is, and the best mix of offers for your hours. One section at a time, to keep reruns light."""

import streamlit as st

from app.best_mix_view import best_mix_view
from app.goal_seek_view import goal_seek_view
from app.plain_text import bullet_list
from app.sensitivity_view import sensitivity_view
from app.state import DECIDE_SECTION, check_draft, last_valid_scenario
from app.uncertainty_view import uncertainty_view

SECTIONS = {
    "Goal seek": goal_seek_view,
    "Sensitivity": sensitivity_view,
    "Uncertainty": uncertainty_view,
    "Best mix": best_mix_view,
}

check = check_draft()
scenario = check.scenario or last_valid_scenario()

st.title("Decide")
st.caption(
    "What would it take to reach your target, which assumption matters most, how sure you can "
    "be, and which mix of offers earns most in the hours you have."
)
if check.problems:
    st.error(
        "Some inputs need fixing; this page shows your last valid plan until they are:\n"
        + bullet_list(check.problems),
        icon="⚠️",
    )
if not scenario.enabled_offers:
    st.info("Add an offer on the Plan page to decide between options.")
    st.stop()
st.session_state.setdefault(DECIDE_SECTION, "Goal seek")
section = st.segmented_control(
    "Question", list(SECTIONS), key=DECIDE_SECTION, label_visibility="collapsed"
)
SECTIONS[section or "Goal seek"](scenario)
