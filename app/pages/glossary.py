"""Glossary: the words of the trade the planner uses, each explained in a coach's words.

The terms and their explanations come from :mod:`presentation.glossary`, the same text the
headline cards and the fields show as help.
"""

import streamlit as st

from app.plain_text import plain
from presentation.glossary import GLOSSARY, glossary_anchor

st.title("Words used here")
st.caption(
    "The planner uses a few words of the consulting and coaching trade. Here is what each "
    "one means; the same words show when you point at the small question mark next to a figure "
    "or a field."
)
for term, explanation in GLOSSARY.items():
    st.subheader(term, anchor=glossary_anchor(term), divider="gray")
    st.markdown(plain(explanation))
