"""The floor: the smallest Streamlit app with one number input and one metric.

The Plan page is measured against it in the same run, so the figures say what
the planner adds on top of Streamlit itself.
"""

import streamlit as st

value = st.number_input("Value", value=10.0, step=1.0, key="value")
st.metric("Result", f"{value * 2:,.0f}")
