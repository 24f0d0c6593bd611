"""The one-off messages of the session: what a load, an undo or an applied value did.

A notice is shown once, on the next page drawn, and then forgotten, so it never
stays on screen after later edits. The problems of a file that was not loaded go
with its notice. Both are kept as short plain strings: no error object, no file.
"""

from __future__ import annotations

import streamlit as st

from app.plain_text import plain, plain_paragraphs

NOTICE = "notice"
FILE_PROBLEMS = "file_problems"
#: Longest text of a file's problems kept in the session. [characters]
MAX_PROBLEM_TEXT = 5000
_LEVELS = ("success", "info", "warning", "error")


def set_notice(level: str, message: str, problems: object | None = None) -> None:
    """Show ``message`` (an alert of ``level``) once, with a file's ``problems`` if any."""
    if level not in _LEVELS:
        raise ValueError(f"unknown notice level {level!r}")
    st.session_state[NOTICE] = (level, message)
    text = None if problems is None else str(problems)
    if text is not None and len(text) > MAX_PROBLEM_TEXT:
        text = text[:MAX_PROBLEM_TEXT].rsplit("\n", 1)[0] + "\n…"
    st.session_state[FILE_PROBLEMS] = text


def clear_notice() -> None:
    """Forget the notice (a new scenario was opened)."""
    st.session_state[NOTICE] = None
    st.session_state[FILE_PROBLEMS] = None


def show_notice() -> None:
    """Draw the notice and its problems, as text, and forget them."""
    notice = st.session_state.get(NOTICE)
    problems = st.session_state.get(FILE_PROBLEMS)
    clear_notice()
    if notice is not None:
        level, message = notice
        getattr(st, level)(plain(message))
    if problems is not None:
        st.error(plain_paragraphs(problems))
