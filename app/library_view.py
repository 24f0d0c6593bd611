"""The library on screen: the saved scenarios (kept in the store, with their versions), the
examples and this session's extras (read-only starting points), and saving.

Saving takes the scenario being edited as it is; a save never changes it. Every problem (a
name the schema refuses, a name taken, a long note, a database that is down) is said in
words under the buttons, and what is open stays as it was. Messages wait in
``LIBRARY_NOTICE`` / ``LIBRARY_PROBLEM`` for the next run, shown once by :func:`show_outcome`.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app import library, saved_library
from app.library_link import show_library_link
from app.plain_text import plain
from app.state import (
    COMPARE_BASELINE,
    COMPARE_SELECTION,
    LIBRARY_DELETE_PENDING,
    LIBRARY_ENTRY,
    LIBRARY_NEW_NAME,
    LIBRARY_NOTE,
    LIBRARY_NOTICE,
    LIBRARY_PROBLEM,
    SAVE_AS_NAME,
    check_draft,
    current_scenario,
    mark_saved,
    replace_scenario,
)
from app.storage import show_problem
from app.versions_view import versions_view
from models.errors import ScenarioError
from models.files import dump_scenario
from models.schema import Scenario
from presentation.file_names import download_name
from store.errors import StoreError
from store.library import LibraryEntry

#: How the Compare page names the scenario being edited.
CURRENT = "The scenario you are editing"


@dataclass(frozen=True)
class Listed:
    """A scenario of the library's list: its label in the lists, its name, where it comes from,
    and either its saved entry (read from the store only when asked for) or the scenario."""

    label: str
    name: str
    origin: str
    saved: LibraryEntry | None = None
    at_hand: Scenario | None = None

    def read(self) -> Scenario | StoreError:
        """The scenario; a saved one's latest version."""
        return self.at_hand if self.at_hand is not None else saved_library.load(self.name)


def listed(saved: list[LibraryEntry]) -> dict[str, Listed]:
    """Every scenario of the library by label: the saved ones, then the examples and this
    session's extras. A saved name that an example has too is labelled "… (saved)"."""
    session = library.entries()
    found = {
        label: Listed(label, entry.name, "your library", saved=entry)
        for entry in saved
        for label in [saved_label(entry.name)]
    }
    for name, (origin, scenario) in session.items():
        found[name] = Listed(name, name, origin, at_hand=scenario)
    return found


def saved_label(name: str) -> str:
    """How the lists name a saved scenario: its name, or "… (saved)" when an example has it."""
    return name if name not in library.entries() else f"{name} (saved)"


def show_outcome() -> None:
    """What the last library action did, or why it was refused, shown once."""
    notice = st.session_state.pop(LIBRARY_NOTICE, None)
    if notice:
        st.success(plain(notice))
    problem = st.session_state.pop(LIBRARY_PROBLEM, None)
    if problem:
        st.error(plain(problem))


def _note(place: str) -> str:
    return str(st.session_state.get(f"{LIBRARY_NOTE}:{place}") or "")


def _save_in_library(scenario: Scenario, place: str, undone: str) -> str | None:
    """Save ``scenario`` with the note typed at ``place``; the version's words, or None after
    a problem (kept for :func:`show_outcome`, starting with ``undone``)."""
    version = saved_library.save(scenario, _note(place))
    if isinstance(version, StoreError):
        st.session_state[LIBRARY_PROBLEM] = f"{undone}: {version.message}"
        return None
    st.session_state[f"{LIBRARY_NOTE}:{place}"] = ""
    return f"version {version.number}" if version.number > 1 else "its first version"


def _save(place: str) -> None:
    """The scenario being edited, saved under its own name (a new version when saved before)."""
    scenario = check_draft().scenario
    if scenario is None:
        st.session_state[LIBRARY_PROBLEM] = (
            "Not saved: the plan has problems (see the Plan page). Fix them, then save."
        )
        return
    saved = _save_in_library(scenario, place, "Not saved")
    if saved is not None:
        mark_saved()
        st.session_state[LIBRARY_NOTICE] = f"Saved “{scenario.name}” in your library: {saved}."


def _save_copy() -> None:
    """A copy of the scenario being edited, under the name typed; compared with it next."""
    try:
        copied = library.renamed(current_scenario(), st.session_state[SAVE_AS_NAME])
    except ScenarioError as error:
        st.session_state[LIBRARY_PROBLEM] = f"Not saved: {'; '.join(map(str, error.problems))}"
        return
    saved = _save_in_library(copied, "page", "Not saved")
    if saved is None:
        return
    st.session_state[LIBRARY_NOTICE] = (
        f"Saved “{copied.name}” in your library ({saved}). Below: the scenario you are "
        "editing against it."
    )
    # The comparison a person wants next: what they edit against the copy they just kept.
    st.session_state[COMPARE_SELECTION] = [CURRENT, saved_label(copied.name)]
    st.session_state[COMPARE_BASELINE] = CURRENT


def save_controls(place: str) -> None:
    """A note and "Save": the scenario being edited into the library under its own name.

    ``place`` ("page" or "sidebar") keeps the two sets of widgets apart on the Compare page.
    """
    columns = st.columns([3, 1], vertical_alignment="bottom") if place == "page" else [st, st]
    columns[0].text_input(
        "Note for this save (optional)",
        key=f"{LIBRARY_NOTE}:{place}",
        placeholder="Before the price rise",
        help="Shown in the list of versions, to tell the saves apart.",
    )
    columns[1].button(
        "Save",
        on_click=_save,
        args=(place,),
        key=f"library_save:{place}",
        icon=":material/save:",
        type="primary",
        help="Keep the scenario you are editing in your library, under its own name; saving "
        "again adds a version.",
    )


def _chosen(entries: dict[str, Listed]) -> Listed:
    return entries[st.session_state[LIBRARY_ENTRY]]


def _open(entries: dict[str, Listed]) -> None:
    entry = _chosen(entries)
    scenario = entry.read()
    if isinstance(scenario, StoreError):
        st.session_state[LIBRARY_PROBLEM] = f"Not opened: {scenario.message}"
        return
    replace_scenario(scenario, source="library", undo_label=f"opening “{entry.name}”")
    st.session_state[LIBRARY_NOTICE] = (
        f"“{entry.name}” is now the scenario you are editing (Plan page)."
    )


def _rename(entries: dict[str, Listed]) -> None:
    old = _chosen(entries).name
    new = str(st.session_state[LIBRARY_NEW_NAME])
    renamed = saved_library.rename(old, new)
    if isinstance(renamed, StoreError):
        st.session_state[LIBRARY_PROBLEM] = f"Not renamed: {renamed.message}"
        return
    st.session_state[LIBRARY_ENTRY] = saved_label(new.strip())
    st.session_state[LIBRARY_NOTICE] = f"Renamed “{old}” to “{new.strip()}”."


def _ask_delete(entries: dict[str, Listed]) -> None:
    st.session_state[LIBRARY_DELETE_PENDING] = _chosen(entries).name


def _delete() -> None:
    name = st.session_state.pop(LIBRARY_DELETE_PENDING, None)
    if name is None:
        return
    deleted = saved_library.delete(name)
    if isinstance(deleted, StoreError):
        st.session_state[LIBRARY_PROBLEM] = f"Not deleted: {deleted.message}"
        return
    st.session_state[LIBRARY_NOTICE] = f"Deleted “{name}” and its versions from your library."


def _keep() -> None:
    st.session_state[LIBRARY_DELETE_PENDING] = None


def library_section(current: Scenario, saved: list[LibraryEntry] | StoreError) -> None:
    """The Compare page's library: the list, saving, and the chosen scenario's actions."""
    show_outcome()
    if isinstance(saved, StoreError):
        show_problem(saved)
        saved = []
    entries = listed(saved)
    st.dataframe(
        [
            {
                "Scenario": entry.label,
                "From": entry.origin,
                "Last saved": saved_library.saved_time(entry.saved.saved_at) if entry.saved else "",
                "Versions": str(entry.saved.versions) if entry.saved else "",
            }
            for entry in entries.values()
        ],
        hide_index=True,
        key="library_table",
    )
    save_controls("page")
    save_as = st.columns([3, 1], vertical_alignment="bottom")
    save_as[0].text_input("Save a copy of it as", value=f"{current.name} (copy)", key=SAVE_AS_NAME)
    save_as[1].button(
        "Save a copy", on_click=_save_copy, key="save_copy", icon=":material/save_as:"
    )
    show_library_link()
    st.divider()
    if st.session_state.get(LIBRARY_ENTRY) not in entries:
        st.session_state[LIBRARY_ENTRY] = next(iter(entries))
    chosen = entries[st.selectbox("Scenario in the library", list(entries), key=LIBRARY_ENTRY)]
    _entry_actions(entries, chosen)


def _entry_actions(entries: dict[str, Listed], chosen: Listed) -> None:
    """Open and Download any scenario; Rename, Delete and the versions of a saved one."""
    actions = st.columns([3, 1, 1, 1, 2], vertical_alignment="bottom")
    if chosen.saved is None:
        actions[0].caption(
            "A starting point, kept as it is: open it to edit, then save it as your own."
        )
    else:
        actions[0].text_input("New name", value=chosen.name, key=LIBRARY_NEW_NAME, max_chars=100)
        actions[2].button("Rename", on_click=_rename, args=(entries,), key="library_rename")
        actions[3].button("Delete", on_click=_ask_delete, args=(entries,), key="library_delete")
    actions[1].button(
        "Open", on_click=_open, args=(entries,), key="library_open", help="Edit it on the Plan page"
    )
    scenario = chosen.read()
    if isinstance(scenario, StoreError):
        show_problem(scenario)
        return
    actions[4].download_button(
        "Download",
        dump_scenario(scenario).encode("utf-8"),
        file_name=download_name(scenario.name, "yaml"),
        mime="application/x-yaml",
        key="library_download",
        on_click="ignore",
        icon=":material/download:",
    )
    pending = st.session_state.get(LIBRARY_DELETE_PENDING)
    if pending == chosen.name and chosen.saved is not None:
        st.warning(
            f"Delete “{plain(pending)}” and its {chosen.saved.versions} version(s)? "
            "This cannot be undone; download it first to keep a file."
        )
        confirm = st.columns(2)
        confirm[0].button("Delete", on_click=_delete, key="confirm_library_delete", type="primary")
        confirm[1].button("Keep it", on_click=_keep, key="keep_library_entry")
    if chosen.saved is not None:
        versions_view(chosen.name)
