"""The one-off messages of the session: what a load, an undo or an applied value did.

Notices wait in a queue (``st.session_state[NOTICES]``, oldest first): each is
shown once, at the top of the next page drawn whichever page it is (the entry file
draws them), and then forgotten, so it never stays on screen after later edits and
never turns up late on another page, and two notices of one run (an undo, then a
load) are both shown. The problems of a file that was not loaded go with its notice. Both
are kept as short plain strings: no error object, no file.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from app.plain_text import plain, plain_paragraphs
from app.state import NOTICES

#: Longest text of a file's problems kept in the session. [characters]
MAX_PROBLEM_TEXT = 5000
_LEVELS = ("success", "info", "warning", "error")
#: Said after a file or link saved by an earlier version of the schema has been opened.
UPGRADED_NOTE = (
    "It was saved by an earlier version of Leverage Planner; it opens unchanged and is saved "
    "in the new format."
)


def opened_message(message: str, upgraded: bool) -> str:
    """``message`` about a scenario just opened, with the quiet note when it was upgraded."""
    return f"{message} {UPGRADED_NOTE}" if upgraded else message


class Notice(NamedTuple):
    """One message to show once: its alert level, its text, and a file's problems if any."""

    level: str
    message: str
    problems: str | None


def _queue() -> list[Notice]:
    queue: list[Notice] = st.session_state.setdefault(NOTICES, [])
    return queue


def set_notice(level: str, message: str, problems: object | None = None) -> None:
    """Show ``message`` (an alert of ``level``) once, with a file's ``problems`` if any."""
    if level not in _LEVELS:
        raise ValueError(f"unknown notice level {level!r}")
    text = None if problems is None else str(problems)
    if text is not None and len(text) > MAX_PROBLEM_TEXT:
        text = text[:MAX_PROBLEM_TEXT].rsplit("\n", 1)[0] + "\n…"
    _queue().append(Notice(level, message, text))


def clear_notice() -> None:
    """Forget the notices not shown yet (a new scenario was opened)."""
    _queue().clear()


def show_notice() -> None:
    """Draw every waiting notice and its problems, as text, oldest first, and forget them."""
    waiting = list(_queue())
    clear_notice()
    for notice in waiting:
        getattr(st, notice.level)(plain(notice.message))
        if notice.problems is not None:
            st.error(plain_paragraphs(notice.problems))
