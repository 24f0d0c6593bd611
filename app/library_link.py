"""The person's saved library, reached by its key: no account, a bookmarkable link.

The key lives in the session (``st.session_state[LIBRARY_KEY]``, None until the first save
creates the library) and in the address as ``?library=<key>``, so a bookmark or a reload
opens the same library. Streamlit drops the address's parameters when ``st.navigation``
switches pages (only its own embedding options and widgets bound to the address are kept),
so :func:`keep_in_address` writes the key back on every whole run.

Accounts later: with ``st.login``, :func:`library_key` is the one place to change. The
signed-in person's id (``st.user.sub``) would be mapped to a library key kept in the store
(a table of account id → library), and the link would stop being the only way in.
"""

from __future__ import annotations

import streamlit as st

from app.addresses import address_with
from app.notices import set_notice
from app.state import LIBRARY_KEY, LIBRARY_PARAMETER

#: What a person is told beside their library link.
BOOKMARK_ADVICE = (
    "Bookmark this link to come back to your library; anyone with it can open it, so share it "
    "only with people who may change your saved scenarios."
)


def library_key() -> str | None:
    """The key of the session's saved library; None before the first save."""
    key: str | None = st.session_state.get(LIBRARY_KEY)
    return key


def use_library(key: str) -> None:
    """Make ``key`` the session's library (a new library, or one opened from its link)."""
    st.session_state[LIBRARY_KEY] = key
    keep_in_address()


def open_library_link(key: str) -> None:
    """The session's first run with ``?library=<key>``: keep the key when it opens a library.

    A key that opens none: the person is told, the parameter leaves the address, and the first
    save starts a new library. A database that is down: the key is kept for the next try.
    """
    from app.storage import attempt
    from store.errors import StoreError

    found = attempt(lambda store: store.libraries.exists(key))
    if isinstance(found, StoreError):
        st.session_state[LIBRARY_KEY] = key
        set_notice("warning", found.message)
    elif found is True:
        st.session_state[LIBRARY_KEY] = key
    else:
        del st.query_params[LIBRARY_PARAMETER]
        set_notice(
            "error",
            "This library link opens no library: check that it was copied whole. Nothing "
            "was changed; saving a scenario starts a new library with a new link.",
        )


def keep_in_address() -> None:
    """Put the library's key back in the address after a page switch dropped it."""
    key = library_key()
    if key is not None and st.query_params.get(LIBRARY_PARAMETER) != key:
        st.query_params[LIBRARY_PARAMETER] = key


def library_url(key: str) -> str:
    """The bookmarkable address of the library ``key`` opens."""
    return address_with(LIBRARY_PARAMETER, key)


def show_library_link() -> None:
    """The library's link with a copy button, and what it is for; nothing before the first save."""
    key = library_key()
    if key is None:
        st.caption("Your library starts with your first save; its link will be shown here.")
        return
    st.caption(BOOKMARK_ADVICE)
    # A code block for its copy button; the link holds only URL-safe characters.
    st.code(library_url(key), language=None, wrap_lines=True)
