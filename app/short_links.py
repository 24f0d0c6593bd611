"""Short links: ``?copy=<id>`` opens a read-only copy of a scenario kept in the store.

Beside the self-contained link (:mod:`models.sharing`), which needs no database and still
serves offline use and files too large to store. Imported only when a short link is made or
opened, so the Plan page's first paint does not load the store.
"""

from __future__ import annotations

import streamlit as st

from app.addresses import address_with
from app.notices import set_notice
from app.state import COPY_PARAMETER, SOURCE
from app.storage import attempt
from models.schema import Scenario
from store.errors import StoreError, StoreUnavailable


def short_url(scenario: Scenario) -> str | StoreError:
    """A short address that opens a copy of ``scenario`` as it is now."""
    copy_id = attempt(lambda store: store.shared.share(scenario))
    if isinstance(copy_id, StoreError):
        return copy_id
    return address_with(COPY_PARAMETER, copy_id)


def open_short_link(copy_id: str) -> Scenario | None:
    """The scenario behind a short link, to edit; None (and a notice saying why) when the link
    leads nowhere or the store cannot be reached. The link leaves the address once read,
    except while the store cannot be reached: a reload then tries it again."""
    opened = attempt(lambda store: store.shared.open(copy_id))
    if isinstance(opened, StoreUnavailable):
        set_notice(
            "error",
            f"{opened.message} The default example is shown meanwhile; reload the page in a "
            "minute to open the short link again.",
        )
        return None
    del st.query_params[COPY_PARAMETER]
    if isinstance(opened, StoreError):
        set_notice(
            "error", f"{opened.message} The default example is shown instead; nothing was lost."
        )
        return None
    st.session_state[SOURCE] = "short link"
    set_notice("success", f"Opened “{opened.name}” from the short link.")
    return opened
