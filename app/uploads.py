"""Uploaded files are read once and let go: a session keeps what was loaded, not the bytes.

Streamlit keeps an uploaded file in the server's memory for as long as its uploader
holds it. Each uploader here has a key with a counter in it: once its files are read,
they are removed from Streamlit's store (as ``st.chat_input`` does with its own) and
the counter moves on, which draws an empty uploader for the next file.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile


def _reads_key(name: str) -> str:
    """The session key of how many files uploader ``name`` has read: ``scenario_upload:reads``.

    ``name`` is one of the uploaders named in :mod:`app.state` (``SCENARIO_UPLOAD``,
    ``JOURNEY_UPLOAD``).
    """
    return f"{name}:reads"


def upload_key(name: str) -> str:
    """The key of uploader ``name`` now: ``scenario_upload:3`` after three reads."""
    return f"{name}:{st.session_state.get(_reads_key(name), 0)}"


def let_go(name: str, files: list[UploadedFile]) -> None:
    """Remove ``files`` (just read) from the server and give uploader ``name`` a new key."""
    context = get_script_run_ctx()
    if context is not None and isinstance(context.uploaded_file_mgr, MemoryUploadedFileManager):
        for upload in files:
            context.uploaded_file_mgr.remove_file(
                session_id=context.session_id, file_id=upload.file_id
            )
    st.session_state[_reads_key(name)] = st.session_state.get(_reads_key(name), 0) + 1
