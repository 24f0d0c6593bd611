"""The sidebar's scenario actions: undo and redo, pick an example or start blank, upload, download,
save in the library, share.

Opening a file, the library and sharing a link are dialogs (app.sidebar_dialogs). The library
and the short link use the store, imported only when their dialogs are open or their buttons are
clicked: the Plan page's first paint does not load it.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from app import state
from app.addresses import address_with
from app.library_link import keep_in_address, show_library_link
from app.notices import clear_notice, opened_message, set_notice
from app.plain_text import WARNING_ICON, plain
from app.report_downloads import report_downloads
from app.reruns import UNDO_AREA, UNDO_SHOWN, undo_words
from app.sidebar_dialogs import (
    FILES,
    LIBRARY,
    SHARE,
    close_dialog,
    draw_open_dialog,
    open_button,
    run_app_when_closed,
)
from app.state import (
    BLANK_NAME,
    BLANK_NAME_PROBLEM,
    NAMING_BLANK,
    PENDING_CHOICE,
    SHORT_LINK,
    SOURCE,
    DraftCheck,
    check_draft,
    has_unsaved_edits,
    last_valid_scenario,
    redo,
    redo_label,
    replace_scenario,
    undo,
    undo_label,
)
from app.uploads import let_go, upload_key
from models.errors import ScenarioError
from models.examples import examples
from models.files import dump_scenario, read_scenario, scenario_from_document
from models.schema import Scenario
from models.sharing import LINK_PARAMETER, encode_scenario
from models.templates import blank_scenario
from presentation.file_names import download_name

BLANK = "blank"
PICKER = state.PICKER
UPLOAD = state.SCENARIO_UPLOAD

#: Largest upload the app reads, matching ``server.maxUploadSize`` in .streamlit/config.toml. [MB]
MAX_UPLOAD_MEGABYTES = 1


def _examples() -> Mapping[str, Scenario]:
    """Every example, read once per process and shared (frozen), never copied per call."""
    return examples()


def _choice_label(choice: str) -> str:
    return "Blank scenario" if choice == BLANK else _examples()[choice].name


def _picked() -> None:
    """A choice in the picker: load it, or ask first when there are unsaved edits."""
    choice = st.session_state[PICKER]
    if has_unsaved_edits():
        st.session_state[PENDING_CHOICE] = choice
        st.session_state[PICKER] = (
            st.session_state[SOURCE] if st.session_state[SOURCE] in _options() else None
        )
        return
    _load_choice(choice)


def _load_choice(choice: str) -> None:
    if choice == BLANK:  # a new scenario starts with its name: asked for in the sidebar
        st.session_state[PENDING_CHOICE] = None
        st.session_state[NAMING_BLANK] = True
        st.session_state[BLANK_NAME_PROBLEM] = None
        return
    replace_scenario(
        _examples()[choice], source=choice, undo_label=f"opening “{_choice_label(choice)}”"
    )
    st.session_state[PENDING_CHOICE] = None
    st.session_state[NAMING_BLANK] = False
    clear_notice()


def _confirm_replace() -> None:
    choice = st.session_state[PENDING_CHOICE]
    _load_choice(choice)
    st.session_state[PICKER] = choice


def _keep_editing() -> None:
    st.session_state[PENDING_CHOICE] = None


def _start_blank() -> None:
    """Start the blank scenario under the name typed, or say in words why the name is refused."""
    name = str(st.session_state.get(BLANK_NAME) or "").strip()
    if not name:
        st.session_state[BLANK_NAME_PROBLEM] = (
            "Give the new scenario a name first, such as “Coach 10 clients + mastermind”: "
            "it heads the plan, the reports and the file names."
        )
        return
    try:
        scenario_from_document({"name": name})
    except ScenarioError as error:
        st.session_state[BLANK_NAME_PROBLEM] = "; ".join(str(problem) for problem in error.problems)
        return
    replace_scenario(blank_scenario(name), source=BLANK, undo_label=f"starting “{name}”")
    st.session_state[NAMING_BLANK] = False
    st.session_state[BLANK_NAME_PROBLEM] = None
    clear_notice()


def _cancel_blank() -> None:
    """Keep the scenario on screen; the picker shows where it came from again."""
    st.session_state[NAMING_BLANK] = False
    st.session_state[BLANK_NAME_PROBLEM] = None
    source = st.session_state[SOURCE]
    st.session_state[PICKER] = source if source in _options() else None


def _blank_name_form() -> None:
    """The name of the new blank scenario, asked before anything else."""
    with st.form("blank_scenario_form", border=True):
        st.text_input(
            "Name of the new scenario",
            key=BLANK_NAME,
            max_chars=100,
            placeholder="Coach 10 clients + mastermind",
            help="How you will recognise this plan: it heads the page, the reports and the "
            "names of the files you download.",
        )
        problem = st.session_state.get(BLANK_NAME_PROBLEM)
        if problem:
            st.error(plain(problem), icon=WARNING_ICON)
        start, cancel = st.columns(2)
        start.form_submit_button("Start", on_click=_start_blank, type="primary")
        cancel.form_submit_button("Cancel", on_click=_cancel_blank)


def _options() -> list[str]:
    return [*_examples(), BLANK]


def _show_source() -> None:
    """Show in the picker where the restored scenario came from."""
    source = st.session_state[SOURCE]
    st.session_state[PICKER] = source if source in _options() else None


def _undo() -> None:
    undo()
    _show_source()
    st.rerun()  # the whole app: the page shows the plan brought back


def _redo() -> None:
    redo()
    _show_source()
    st.rerun()


@st.fragment(key=UNDO_AREA)
def undo_redo_buttons() -> None:
    """Undo and Redo, each naming the change it takes back or brings again: a fragment, which
    a Plan page edit reruns with the page when the words change (app.reruns)."""
    st.session_state[UNDO_SHOWN] = undo_words()
    for words, change, callback, icon, help_text in (
        (
            "Undo",
            undo_label(),
            _undo,
            ":material/undo:",
            "Take back this change; Redo brings it again.",
        ),
        ("Redo", redo_label(), _redo, ":material/redo:", "Make again the change Undo took back."),
    ):
        if change is not None:
            st.button(
                plain(f"{words}: {change}"), on_click=callback, key=words.lower(), icon=icon,
                width="stretch", help=help_text,
            )  # fmt: skip


def _uploaded() -> None:
    """Read an uploaded file: replace the scenario when valid, else show every problem; either
    way the dialog closes and the notice above the page says what happened."""
    upload = st.session_state[upload_key(UPLOAD)]
    if upload is None:
        return
    let_go(UPLOAD, [upload])
    close_dialog()
    try:
        loaded = read_scenario(upload.getvalue(), source_name=upload.name)
    except ScenarioError as error:
        set_notice("error", f"{upload.name} was not loaded: your scenario is unchanged.", error)
        return
    scenario = loaded.scenario
    replace_scenario(scenario, source="upload", undo_label=f"loading {upload.name}")
    message = f"Loaded “{scenario.name}” from {upload.name}."
    set_notice("success", opened_message(message, loaded.upgraded))
    st.session_state[PICKER] = None


def share_url(scenario: Scenario) -> str:
    """The app's address with the scenario in it."""
    return address_with(LINK_PARAMETER, encode_scenario(scenario))


def sidebar() -> None:
    """Draw the scenario actions in the sidebar (from the entry file, so on every page)."""
    check = check_draft()
    scenario = check.scenario or last_valid_scenario()
    valid = check.scenario is not None
    with st.sidebar:
        st.header("Scenario")
        undo_redo_buttons()
        options = _options()
        st.session_state.setdefault(
            PICKER, st.session_state[SOURCE] if st.session_state[SOURCE] in options else None
        )
        labels = {choice: _choice_label(choice) for choice in options}
        st.selectbox(
            "Start from",
            options,
            format_func=labels.__getitem__,
            key=PICKER,
            on_change=_picked,
            placeholder="Your own scenario",
            help="An example from the scenarios folder, or a blank scenario to build your own.",
        )
        pending = st.session_state.get(PENDING_CHOICE)
        if pending is not None:
            st.warning(
                f"You have unsaved edits. Replace them with “{plain(_choice_label(pending))}”?"
            )
            left, right = st.columns(2)
            left.button("Replace", on_click=_confirm_replace, key="confirm_replace", type="primary")
            right.button("Keep editing", on_click=_keep_editing, key="keep_editing")
        if st.session_state.get(NAMING_BLANK):
            _blank_name_form()
        if st.session_state[PICKER] in _examples():
            st.caption(plain(_examples()[st.session_state[PICKER]].description))

        open_button(FILES, "Open a scenario file", ":material/folder_open:")
        # Deferred: the file is written when the button is clicked, from the draft as it is
        # then (the Plan page's edits rerun only the page, not this sidebar); the file
        # records itself as saved (state.LastDownload), with no rerun that could lose it.
        scenario_now = state.scenario_when_called()
        downloaded_now = state.scenario_when_called(state.last_download())
        st.download_button(
            "Download scenario (YAML)",
            lambda: dump_scenario(downloaded_now()).encode("utf-8"),
            file_name=download_name(scenario.name, "yaml"),
            mime="application/x-yaml",
            key="download_scenario",
            on_click="ignore",
            disabled=not valid,
            help=None if valid else "Fix the problems shown first.",
            icon=":material/download:",
            width="stretch",
        )
        report_downloads(scenario_now, scenario.name, valid)
        open_button(LIBRARY, "Your library", ":material/bookmarks:")
        open_button(SHARE, "Share a link", ":material/link:")
    draw_open_dialog({FILES: _files_dialog, LIBRARY: _library_dialog, SHARE: _share_dialog})
    # Page switches drop the address's parameters: the library's key goes back in.
    keep_in_address()


@st.dialog("Open a scenario file", on_dismiss=close_dialog)
def _files_dialog() -> None:
    """The uploader; a file read (or refused) closes the dialog, and the whole app says what
    it did above the page."""
    run_app_when_closed(FILES)
    st.file_uploader(
        "A scenario file (YAML or JSON)",
        type=["yaml", "yml", "json"],
        key=upload_key(UPLOAD),
        on_change=_uploaded,
        max_upload_size=MAX_UPLOAD_MEGABYTES,
    )


@st.dialog("Your library", on_dismiss=close_dialog)
def _library_dialog() -> None:
    """Save the scenario being edited in the person's library, and the library's link; the store
    is imported only once the dialog is opened."""
    from app.library_view import save_controls, show_outcome

    show_outcome()
    save_controls("sidebar")
    if st.button("Saves and versions", key="to_saves", icon=":material/folder_open:"):
        close_dialog()  # the Compare page, without this dialog over it
        st.switch_page("app/pages/compare.py")
    show_library_link()


@st.dialog("Share a link", width="medium", on_dismiss=close_dialog)
def _share_dialog() -> None:
    """The links that open the scenario being edited (no edit can happen while it is open)."""
    check = check_draft()
    _share_link(check.scenario or last_valid_scenario())


def _make_short_link(scenario: Scenario) -> None:
    from app.short_links import short_url

    made = short_url(scenario)
    link, problem = (made, None) if isinstance(made, str) else (None, made.message)
    st.session_state[SHORT_LINK] = (scenario, link, problem)


def _share_link(scenario: Scenario) -> None:
    """The addresses that open ``scenario``: a short one (a copy kept in the library's
    database), on request, and the self-contained one as plain text (no syntax highlighter)."""
    shared, short, problem = st.session_state.get(SHORT_LINK) or (None, None, None)
    if shared == scenario and short is not None:
        st.caption("Short link to a copy of the scenario as it is now:")
        st.text(short)
    else:
        if shared == scenario and problem is not None:
            st.error(plain(problem), icon=":material/cloud_off:")
        st.button(
            "Make a short link",
            on_click=_make_short_link,
            args=(scenario,),
            key="make_short_link",
            icon=":material/link:",
            help="Keeps a copy of the scenario as it is now; the short link opens that copy.",
        )
    try:
        url = share_url(scenario)
    except ValueError as error:
        st.info(plain(error))
    else:
        st.caption(
            "Or the long link, which holds the scenario itself (it works without the "
            "database). Anyone who opens a link sees this scenario exactly; copy it from here."
        )
        st.text(url)


def sidebar_signature(check: DraftCheck | None = None) -> tuple[object, ...]:
    """What the sidebar shows of the draft: when a Plan page edit changes it, the whole app
    runs again (:func:`app.pages.plan`); other edits rerun only the page's fragment.

    Whether the plan is valid (the downloads wait for it) and its name (the file names); Undo
    and Redo's words are their own fragment's (app.reruns), and the share link is in a dialog,
    which no edit can happen under. ``check`` is the draft checked already, when the caller
    has it.
    """
    check = check or check_draft()
    scenario = check.scenario or last_valid_scenario()
    return (check.scenario is not None, scenario.name)
