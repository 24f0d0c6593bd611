"""A saved scenario's versions: each save with its time and note, what changed between any
two (in the words of the Compare page's "What changed"), and restoring one into the editor.

Restoring is like opening a file: the scenario being edited can come back with Undo.
"""

from __future__ import annotations

import streamlit as st

from app import saved_library
from app.plain_text import bullet_list, plain
from app.state import (
    LIBRARY_NOTICE,
    LIBRARY_PROBLEM,
    VERSION_FROM,
    VERSION_RESTORE,
    VERSION_TO,
    replace_scenario,
)
from app.storage import show_problem
from models.compare import differences
from store.errors import StoreError


def _restore(name: str, number: int) -> None:
    """Version ``number`` of ``name`` into the editor; Undo brings back what was there."""
    scenario = saved_library.load(name, number)
    if isinstance(scenario, StoreError):
        st.session_state[LIBRARY_PROBLEM] = f"Not restored: {scenario.message}"
        return
    replace_scenario(
        scenario, source="library", undo_label=f"restoring version {number} of “{name}”"
    )
    st.session_state[LIBRARY_NOTICE] = (
        f"Version {number} of “{name}” is now the scenario you are editing (Plan page); "
        "Undo in the sidebar brings back the one you had."
    )


def versions_view(name: str) -> None:
    """The versions of the saved scenario ``name``, what changed between two, and Restore."""
    found = saved_library.versions(name)
    if isinstance(found, StoreError):
        show_problem(found)
        return
    st.markdown(f"**Versions of “{plain(name)}”**, the latest first")
    st.dataframe(
        [
            {
                "Version": version.number,
                "Saved": saved_library.saved_time(version.saved_at),
                "Note": version.note,
            }
            for version in found
        ],
        hide_index=True,
        key=f"versions_table:{name}",
    )
    labels = {version.number: saved_library.version_label(version) for version in found}
    numbers = list(labels)
    if len(numbers) > 1:
        _what_changed(name, numbers, labels)
    restore = st.columns([3, 2], vertical_alignment="bottom")
    number = restore[0].selectbox(
        "Version to restore",
        numbers,
        format_func=labels.__getitem__,
        key=f"{VERSION_RESTORE}:{name}",
    )
    restore[1].button(
        "Restore into the editor",
        on_click=_restore,
        args=(name, number),
        key="version_restore_button",
        icon=":material/restore:",
        help="Edit this version on the Plan page; Undo brings back the scenario you have now.",
    )


def _what_changed(name: str, numbers: list[int], labels: dict[int, str]) -> None:
    """What differs between two versions, in the Compare page's words."""
    ends = st.columns(2)
    older = ends[0].selectbox(
        "What changed from", numbers, index=1, format_func=labels.__getitem__,
        key=f"{VERSION_FROM}:{name}",
    )  # fmt: skip
    newer = ends[1].selectbox(
        "to", numbers, index=0, format_func=labels.__getitem__, key=f"{VERSION_TO}:{name}"
    )
    before = saved_library.load(name, older)
    if isinstance(before, StoreError):
        show_problem(before)
        return
    after = saved_library.load(name, newer)
    if isinstance(after, StoreError):
        show_problem(after)
        return
    changes = differences(before, after)
    if changes:
        st.markdown(bullet_list(changes))
    else:
        st.caption("No input differs between these two versions.")
