"""Decide: what it takes to reach a target, which assumption matters most, how sure the plan
is, and the best mix of offers for your hours. One section at a time, to keep reruns light."""

import streamlit as st

from app.best_mix_view import best_mix_view
from app.goal_seek_view import goal_seek_view
from app.plain_text import WARNING_ICON, bullet_list
from app.sensitivity_view import sensitivity_view
from app.state import DECIDE_SECTION, check_draft, last_valid_scenario
from app.uncertainty_view import uncertainty_view

#: Each section by the question it answers: what it takes to reach a target (goal seek and
#: what must be true), what matters most (sensitivity), how sure the plan is (uncertainty) and
#: the best mix of offers for your hours.
SECTIONS = {
    "What it takes": goal_seek_view,
    "What matters most": sensitivity_view,
    "How sure": uncertainty_view,
    "Best mix": best_mix_view,
}
FIRST_SECTION = next(iter(SECTIONS))

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
        icon=WARNING_ICON,
    )
if not scenario.enabled_offers:
    st.info("Add an offer on the Plan page to decide between options.")
    st.stop()
if st.session_state.get(DECIDE_SECTION) not in SECTIONS:
    st.session_state[DECIDE_SECTION] = FIRST_SECTION  # first visit, or a name from before
section = st.segmented_control(
    "Question", list(SECTIONS), key=DECIDE_SECTION, label_visibility="collapsed"
)
SECTIONS[section or FIRST_SECTION](scenario)
