"""The sidebar's dialogs (open a scenario file, your library, share a link): a button each, and
which one is open kept in the session until it is closed.

Buttons that open dialogs, not expanders in the sidebar: every element on screen is drawn again
at each edit of the Plan page, and a collapsed expander costs that edit about twice what a
button does (docs/performance.md, "An edit: fewer and lighter elements"). The sidebar is
shorter too.

A dialog is open while ``SIDEBAR_DIALOG`` names it, and every whole run draws it again, so a
run the dialog did not start (and AppTest, which always runs the whole app) sees it as it is.
Closing it (its ×, Esc, a click outside) clears the name. Inside a dialog only the dialog runs
again, as in a fragment; an action whose result the whole app shows (a file read) closes the
dialog and, with :func:`run_app_when_closed`, runs the whole app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from app.state import SIDEBAR_DIALOG

#: The dialogs' names, the values of ``SIDEBAR_DIALOG``.
FILES = "files"
LIBRARY = "library"
SHARE = "share"


def open_button(name: str, label: str, icon: str) -> None:
    """The sidebar's button that opens dialog ``name``."""
    st.button(
        label, key=f"open_{name}", icon=icon, on_click=open_dialog, args=(name,), width="stretch"
    )


def open_dialog(name: str) -> None:
    """Open dialog ``name`` (a widget callback: the whole app runs next and draws it)."""
    st.session_state[SIDEBAR_DIALOG] = name


def close_dialog() -> None:
    """No dialog open: the ×, Esc or a click outside, or an action that needs the whole app."""
    st.session_state[SIDEBAR_DIALOG] = None


def is_open(name: str) -> bool:
    """Whether dialog ``name`` is open."""
    return bool(st.session_state.get(SIDEBAR_DIALOG) == name)


def draw_open_dialog(dialogs: Mapping[str, Callable[[], None]]) -> None:
    """Draw the open dialog, if any: ``dialogs`` maps each name to its ``st.dialog`` function."""
    dialog = dialogs.get(str(st.session_state.get(SIDEBAR_DIALOG)))
    if dialog is not None:
        dialog()


def run_app_when_closed(name: str) -> None:
    """In dialog ``name``'s own run: when an action closed it (a file read), run the whole app,
    which shows what the action did and no longer draws the dialog."""
    if not is_open(name):
        st.rerun(scope="app")
