"""What an edit runs again: the Plan page's fragment, the sidebar's Undo area, or the whole app.

The Plan page is a fragment (:data:`PLAN_PAGE`): an edit in it reruns the page only. So is
the Workshop page, whose actions change nothing the sidebar shows. The
sidebar's Undo and Redo buttons are a fragment too (:data:`UNDO_AREA`), because their words
name the last change: a page edit that changes them runs the Undo area and the page
(:func:`with_undo_area`), not the whole app with every sidebar widget.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app.state import PRESENTER, redo_label, undo_label

#: Key of the Plan page's fragment (``@st.fragment(key=...)``).
PLAN_PAGE = "plan_page"
#: Key of the sidebar's Undo and Redo fragment.
UNDO_AREA = "undo_area"
#: Session key: the words of Undo and Redo the sidebar shows (:func:`undo_words`), or None
#: when no sidebar is drawn (the presenter view).
UNDO_SHOWN = "undo_shown"
#: Session key: True while the Plan page is the page on screen (set by each whole run).
ON_PLAN_PAGE = "on_plan_page"
#: Session key: True while a notice is on screen ("Loaded …"): the next edit's whole run
#: takes it away (app.notices), so that edit does not rerun fragments only.
NOTICE_ON_SCREEN = "notice_on_screen"

Parameters = ParamSpec("Parameters")


def undo_words() -> tuple[str | None, str | None]:
    """The changes Undo takes back and Redo brings again, in words (None: no button)."""
    return undo_label(), redo_label()


def with_undo_area(callback: Callable[Parameters, None]) -> Callable[Parameters, None]:
    """A widget's ``callback`` that, when it changes Undo's or Redo's words in a rerun of the
    Plan page's fragment, reruns the Undo area and then the page (in that order: the page
    then finds the words shown). In a whole run (which draws the Undo area anyway), on
    another page or without a sidebar, the callback runs as it is.

    Only for callbacks that write no widget's value: a rerun of named fragments does not
    send the browser a value written in the callback (Streamlit 1.67), so a box that
    shows its figure formatted again (money text, percentages) or a list whose choice
    moves (a deleted offer) keeps the whole run it gets when Undo's words change."""

    @functools.wraps(callback)
    def run(*args: Parameters.args, **kwargs: Parameters.kwargs) -> None:
        before = undo_words()
        callback(*args, **kwargs)
        if _reruns_plan_page() and undo_words() != before:
            try:
                st.rerun([UNDO_AREA, PLAN_PAGE])  # ends the callback: it has done its work
            except StreamlitAPIException:
                # A fragment not drawn yet (a run that stopped before the sidebar): the
                # page's own check runs the whole app instead.
                return

    return run


def whole_run_due() -> bool:
    """In a rerun of a page's fragment alone, whether the page should run the whole app
    instead: a notice that a whole run showed is still on screen (a whole run takes it away),
    or the presenter view was switched on or off since the last whole run (only a whole run
    hides or draws the navigation and the sidebar)."""
    state = st.session_state
    sidebar_drawn = state.get(UNDO_SHOWN) is not None  # None: the last whole run presented
    switched = bool(state.get(PRESENTER, False)) == sidebar_drawn
    return _fragment_run() and (bool(state.get(NOTICE_ON_SCREEN)) or switched)


def _reruns_plan_page() -> bool:
    """Whether this interaction reruns the Plan page's fragment alone, the sidebar shown and
    no notice on screen."""
    state = st.session_state
    shown = state.get(UNDO_SHOWN) is not None and not state.get(NOTICE_ON_SCREEN)
    return _fragment_run() and shown and bool(state.get(ON_PLAN_PAGE))


def _fragment_run() -> bool:
    """Whether this run reruns fragments alone, not the whole app."""
    context = get_script_run_ctx()
    return bool(context and context.fragment_ids_this_run)
