"""Leverage Planner: the app's entry. Page setup and navigation only; pages live in app_pages/."""

import streamlit as st

from ui.state import init_state

st.set_page_config(page_title="Leverage Planner", page_icon=":material/balance:", layout="wide")
init_state()
navigation = st.navigation(
    [st.Page("app_pages/plan.py", title="Plan", icon=":material/edit_note:", default=True)]
)
navigation.run()
