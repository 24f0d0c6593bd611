"""The app's way to the store: one :class:`~store.Store` per server process.

Imported only by what uses the store (the library, short links, workshop rooms), so that the
Plan page's first paint does not load SQLAlchemy. Opening the store brings the database's
tables up to date (Alembic); a database that is down raises
:class:`~store.errors.StoreUnavailable`, and the next call tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from app.local_time import browser_zone
from app.plain_text import plain
from store import Store
from store.errors import StoreError

Result = TypeVar("Result")


@st.cache_resource(show_spinner=False)
def open_store() -> Store:
    """The process's store, opened on first use (an exception is not cached: the next call
    tries again)."""
    return Store()


def attempt(action: Callable[[Store], Result]) -> Result | StoreError:
    """``action`` on the store, or the :class:`~store.errors.StoreError` that stopped it (a
    database that is down included), for the caller to show with :func:`show_problem`."""
    try:
        return action(open_store())
    except StoreError as error:
        return error


def show_problem(error: StoreError) -> None:
    """Show what went wrong in the store, as plain text."""
    st.error(plain(error.message_in(browser_zone())), icon=":material/cloud_off:")
