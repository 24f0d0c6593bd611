"""The app's own address with a parameter: the links a person copies (shared scenario, short
link, library link, a workshop room's two links)."""

from __future__ import annotations

import streamlit as st


def address_with(parameter: str, value: str, page_path: str = "") -> str:
    """The address of the app as the browser reached it, with ``?parameter=value`` only.

    ``page_path`` is the path of the page the link is made on (``workshop``), taken off the
    address so the link opens the app itself; the app's own path on a server (a
    ``baseUrlPath``) stays. Notes: on ``https://plan.example/workshop``,
    ``address_with("room", key, "workshop")`` gives ``https://plan.example/?room=<key>``.
    """
    base = (st.context.url or "").split("?", 1)[0]
    if page_path:
        base = base.removesuffix("/").removesuffix(f"/{page_path}") + "/"
    return f"{base}?{parameter}={value}"
