"""The app's own address with a parameter: the links a person copies (shared scenario, short
link, library link)."""

from __future__ import annotations

import streamlit as st


def address_with(parameter: str, value: str) -> str:
    """The address of the app as the browser reached it, with ``?parameter=value`` only."""
    base = (st.context.url or "").split("?", 1)[0]
    return f"{base}?{parameter}={value}"
