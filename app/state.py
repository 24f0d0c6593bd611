"""Session state, set up in one place.

Every key of ``st.session_state`` has its name here. :func:`init_state` sets up
the draft, the undo stack, the notices and the library on the session's first run;
a widget's key is set when the widget is first drawn, and the workshop's keys when
its page first reads the journey (:mod:`app.journey_state`).

The scenario being edited lives in ``st.session_state[DRAFT]`` as plain data
(the fields of :class:`models.schema.Scenario`, every offer a dict). Each offer's
dict also carries its widget-key id under :data:`OFFER_ID`, so the id moves,
is copied and is deleted with its offer; :func:`scenario_document` leaves the
ids out before the schema sees the draft. Every widget
is drawn with its value from the draft (``value=``, ``index=``, ``default=``) and
writes back to it, so an edit survives reruns and page switches even when
Streamlit forgets a widget that is not drawn. A widget never invents a value: a
widget whose state Streamlit or the browser does not have shows the draft's, never
its own default (a number box's minimum). Widget keys carry a generation number
that changes whenever a new scenario is loaded, so no old widget value leaks into
the new scenario.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import ValidationError

from models.errors import Problem, ScenarioError, problems_from_validation
from models.examples import DEFAULT_EXAMPLE, load_example
from models.schema import Scenario
from models.sharing import LINK_PARAMETER, read_link

#: The address's parameters that carry a saved library's key and a short link's id.
LIBRARY_PARAMETER = "library"
COPY_PARAMETER = "copy"

#: How many changes "Undo" can take back (and "Redo" bring again); each keeps a copy of the
#: draft, a small dict.
UNDO_DEPTH = 50

# The session's keys. The draft and what goes with it:
DRAFT = "draft"  #: the scenario being edited, as plain data
SAVED = "saved"  #: the draft as last loaded or saved in the library
DOWNLOADED = "downloaded"  #: the plan as the YAML download last wrote it (a LastDownload)
LAST_VALID = "last_valid"  #: the draft's last valid version, a Scenario
SOURCE = "source"  #: where it came from: an example's name, "upload", "link", "library"…
GENERATION = "generation"  #: the widget keys' generation, one more at each new scenario
NEXT_OFFER_ID = "next_offer_id"  #: the next offer's widget-key id
UNDO_STACK = "undo_stack"  #: Snapshots, the most recent last
REDO_STACK = "redo_stack"  #: Snapshots undone, the most recently undone last
#: Key of an offer's widget-key id inside its dict in the draft (not a schema field).
OFFER_ID = "_offer_id"
# One-off messages (app.notices) and the library (app.library):
NOTICES = "notices"  #: the notices not shown yet, oldest first
LIBRARY = "library"  #: name → (source, scenario)
LIBRARY_NOTICE = "library_notice"  #: what the last library action did, shown once
LIBRARY_PROBLEM = "library_problem"  #: why the last library action was refused, shown once
# The saved library and short links (app.library_link, app.saved_library, app.short_links):
LIBRARY_KEY = "library_key"  #: the key of the person's saved library, None before the first save
LIBRARY_NOTE = "library_note"  #: the note typed for the next save
LIBRARY_DELETE_PENDING = "library_delete_pending"  #: the saved scenario whose deletion waits
SHORT_LINK = "short_link"  #: (the scenario shared, its short link or None, why not or None)
# Keys' starts of the versions' widgets, one set per saved scenario ("version_from:<name>"):
VERSION_FROM = "version_from"  #: the earlier version of "what changed"
VERSION_TO = "version_to"  #: the later version of "what changed"
VERSION_RESTORE = "version_restore"  #: the version to restore into the editor
# The sidebar's scenario picker:
PICKER = "scenario_picker"
PENDING_CHOICE = "pending_choice"  #: a choice waiting for "discard unsaved edits?"
NAMING_BLANK = "naming_blank"  #: a blank scenario waiting for its name
BLANK_NAME = "blank_name"  #: the name typed for a new blank scenario
BLANK_NAME_PROBLEM = "blank_name_problem"  #: why the typed name was refused, in words
SCENARIO_UPLOAD = "scenario_upload"  #: uploader name (see app.uploads.upload_key)
# Widgets of the Plan page:
SELECTED_OFFER = "selected_offer"
OFFER_PICKER_LABEL = "offer_picker_label"  #: the label "Offer to edit" showed last
DELETE_PENDING = "delete_pending"  #: the offer id whose "Delete" waits for a confirmation
NEW_OFFER_KIND = "new_offer_kind"
OFFER_SECTION = "offer_section"
#: The part of the Plan page's editor shown (app.editors.EDITOR_PARTS).
EDITOR_PART = "editor_part"
#: The sidebar's dialog that is open: its name (app.sidebar_dialogs), None when none is.
SIDEBAR_DIALOG = "sidebar_dialog"
#: What the sidebar showed of the draft at the last whole run (app.scenario_files.sidebar_signature).
SIDEBAR_SHOWN = "sidebar_shown"
# Widgets of the other pages:
TIMELINE_OFFER = "timeline_offer"
DECIDE_SECTION = "decide_section"
SCALE_OFFER = "scale_offer"
SAVE_AS_NAME = "save_as_name"
LIBRARY_ENTRY = "library_entry"
LIBRARY_NEW_NAME = "library_new_name"
COMPARE_SELECTION = "compare_selection"
COMPARE_BASELINE = "compare_baseline"
COMPARE_COLOURS = "compare_colours"  #: compared scenario → its colour's position, kept while picked
PRESENTER = "presenter"  #: the workshop's presenter mode, a toggle
# Workshop rooms, the facilitator's side (app.room_links, app.room_view):
ROOM_OPENED = "room_opened"  #: the room this session opened: its name and its two keys
ROOM_PROBLEM = "room_problem"  #: why the last room could not be opened, shown once
ROOM_CLOSING = "room_closing"  #: the facilitator asked to close the room: waiting to confirm
ROOM_CLOSED = "room_closed"  #: the name of the room this session closed
# The workshop (app.journey_state):
JOURNEY = "journey"
JOURNEY_STEP = "journey_step"
JOURNEY_EDITS = "journey_edits"
JOURNEY_VALUE = "journey_value"
JOURNEY_SEEDED_STEP = "journey_value_step"
JOURNEY_PROBLEMS = "journey_problems"
JOURNEY_UPLOAD = "journey_upload"
# A participant's workshop room (app.room_participant), opened by ``?room=<key>&seat=<key>``:
ROOM_PARAMETER = "room"  #: the address's parameter holding the room's participant key
SEAT_PARAMETER = "seat"  #: the address's parameter holding the participant's seat
ROOM_SETUP = "room_setup"  #: the room as opened (store.rooms.RoomSetup)
ROOM_SEAT = "room_seat"  #: the participant's seat in it
ROOM_PLAN = "room_plan"  #: the participant's plan, as plain data
ROOM_LAST_VALID = "room_last_valid"  #: its last valid version, a Scenario
ROOM_SENT = "room_sent"  #: the last plan sent (store.rooms.Submission), or None
ROOM_SEND_PROBLEM = "room_send_problem"  #: why the last send did not go through, or None
ROOM_DISPLAY_NAME = "room_display_name"  #: the display-name box
ROOM_SUBMIT = "room_submit"  #: the Send button
ROOM_TRY_AGAIN = "room_try_again"  #: opening the room again when the database was down


#: How a widget's change is written into the draft: (section, field name, value).
StoreValue = Callable[[tuple[object, ...], str, Any], None]


@dataclass(frozen=True)
class DraftCheck:
    """The draft validated: the scenario when valid, else the problems found."""

    scenario: Scenario | None
    problems: tuple[Problem, ...]


def document_of(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data, as the schema reads it (no offer ids)."""
    return scenario.model_dump(mode="python")


def scenario_document(document: dict[str, Any]) -> dict[str, Any]:
    """The draft (or a copy of it) as the schema reads it: the offers without their ids."""
    offers = document.get("offers")
    if not isinstance(offers, list):
        return dict(document)  # the schema says what is wrong with it
    return {
        **document,
        "offers": [
            {name: value for name, value in offer.items() if name != OFFER_ID}
            if isinstance(offer, dict)
            else offer
            for offer in offers
        ],
    }


def offer_ids() -> list[int]:
    """The widget-key ids of the draft's offers, in the draft's order."""
    return [offer[OFFER_ID] for offer in draft()["offers"]]


def offer_index(offer_id: int) -> int:
    """Where the offer with widget-key id ``offer_id`` stands in the draft's offers."""
    return offer_ids().index(offer_id)


def init_state() -> None:
    """Set up the session on its first run: the scenario from a shared link (long or short), or
    the default example, and the saved library of a library link.

    The draft and what goes with it, the undo stack, the notice queue, the library and
    the picker's pending choice are all set here; later runs find them in place.
    """
    if DRAFT in st.session_state:
        return
    # Imported here: both modules name their keys from this one.
    from app.library import init_library
    from app.notices import opened_message, set_notice

    st.session_state.setdefault(GENERATION, 0)
    st.session_state.setdefault(NEXT_OFFER_ID, 1)
    st.session_state.setdefault(UNDO_STACK, [])
    st.session_state.setdefault(REDO_STACK, [])
    st.session_state.setdefault(NOTICES, [])
    st.session_state.setdefault(LIBRARY_NOTICE, None)
    st.session_state.setdefault(LIBRARY_PROBLEM, None)
    st.session_state.setdefault(PENDING_CHOICE, None)
    st.session_state.setdefault(NAMING_BLANK, False)
    st.session_state.setdefault(DOWNLOADED, LastDownload())
    st.session_state.setdefault(BLANK_NAME_PROBLEM, None)
    st.session_state.setdefault(SOURCE, DEFAULT_EXAMPLE)
    st.session_state.setdefault(LIBRARY_KEY, None)
    init_library()
    scenario = load_example(DEFAULT_EXAMPLE)
    # The store is imported only when a link needs it: the Plan page's first paint stays light.
    if LIBRARY_PARAMETER in st.query_params:
        from app.library_link import open_library_link

        open_library_link(st.query_params[LIBRARY_PARAMETER])
    if COPY_PARAMETER in st.query_params:
        from app.short_links import open_short_link

        scenario = open_short_link(st.query_params[COPY_PARAMETER]) or scenario
    token = st.query_params.get(LINK_PARAMETER)
    if token is not None:
        try:
            loaded = read_link(token)
            scenario = loaded.scenario
            st.session_state[SOURCE] = "link"
            message = f"Opened “{scenario.name}” from the shared link."
            set_notice("success", opened_message(message, loaded.upgraded))
        except ScenarioError as error:
            set_notice(
                "error",
                "The shared link could not be opened, so the default example is shown instead.",
                error,
            )
        del st.query_params[LINK_PARAMETER]
    replace_scenario(scenario, source=st.session_state[SOURCE])


@dataclass(frozen=True)
class Snapshot:
    """What Undo (or Redo) brings back: the draft as it was (valid or not) and what went with it.

    ``label`` names the change in words ("delete “Mastermind”"); ``merge_key`` names the
    field a field edit changed, so that edits of one field in a row are one step.
    """

    label: str
    draft: dict[str, Any]
    saved: dict[str, Any]
    last_valid: Scenario
    source: str
    selected_offer: int | None = None
    merge_key: str | None = None


def _snapshot(label: str, merge_key: str | None = None) -> Snapshot:
    """The session's scenario as it is now, copied (the draft is a small dict)."""
    return Snapshot(
        label,
        copy.deepcopy(st.session_state[DRAFT]),
        st.session_state[SAVED],
        st.session_state[LAST_VALID],
        st.session_state[SOURCE],
        st.session_state.get(SELECTED_OFFER),
        merge_key,
    )


def _push(stack_key: str, snapshot: Snapshot) -> None:
    stack: list[Snapshot] = st.session_state.setdefault(stack_key, [])
    stack.append(snapshot)
    del stack[:-UNDO_DEPTH]


def record_edit(label: str, merge_key: str | None = None) -> None:
    """Call just BEFORE a change to the draft: the draft as it is now can come back with Undo.

    Every callback that writes the draft calls it (:func:`store_value`,
    :func:`store_schedule_value`, the offer actions, :func:`replace_scenario`). ``label`` names
    the change for the sidebar ("Price per client of “1:1 coaching”"). A new change
    forgets what was undone (Redo has nothing to bring back). Changes of the same field
    in a row (the same ``merge_key``, e.g. 1, 12 then 120 in one number box) are one
    step: Undo brings back the value before the first of them (not right after an Undo,
    which starts a new step).
    """
    if DRAFT not in st.session_state:
        return
    just_undone = bool(st.session_state.get(REDO_STACK))
    st.session_state[REDO_STACK] = []
    stack: list[Snapshot] = st.session_state.setdefault(UNDO_STACK, [])
    if merge_key is not None and not just_undone and stack and stack[-1].merge_key == merge_key:
        return
    _push(UNDO_STACK, _snapshot(label, merge_key))


def replace_scenario(
    scenario: Scenario,
    *,
    source: str,
    undo_label: str | None = None,
    keep_saved: bool = False,
) -> None:
    """Make ``scenario`` the one being edited; with ``undo_label`` the current one can come back.

    ``keep_saved`` is for a change to the scenario being edited (an applied goal-seek
    value): what counts as saved stays as it was, so unsaved edits are still asked about.
    """
    if undo_label is not None:
        record_edit(undo_label)
    document = document_of(scenario)
    for offer in document["offers"]:
        offer[OFFER_ID] = new_offer_id()
    saved = st.session_state[SAVED] if keep_saved else copy.deepcopy(document)
    _install(document, saved, scenario, source)


def _install(
    document: dict[str, Any],
    saved: dict[str, Any],
    valid: Scenario,
    source: str,
    selected: int | None = None,
) -> None:
    """Put a draft in place, with fresh widget keys so no old widget value leaks into it and
    every widget shows the draft's value; ``selected`` is the offer to edit, when it is there."""
    st.session_state[DRAFT] = document
    st.session_state[SAVED] = saved
    st.session_state[LAST_VALID] = valid
    st.session_state[SOURCE] = source
    st.session_state[GENERATION] += 1
    st.session_state[DELETE_PENDING] = None
    ids = offer_ids()
    st.session_state[SELECTED_OFFER] = selected if selected in ids else ids[0] if ids else None


def _restore(snapshot: Snapshot) -> None:
    _install(
        snapshot.draft,
        snapshot.saved,
        snapshot.last_valid,
        snapshot.source,
        snapshot.selected_offer,
    )


def undo_label() -> str | None:
    """The change Undo takes back, in words; None when there is none."""
    stack: list[Snapshot] = st.session_state.get(UNDO_STACK) or []
    return stack[-1].label if stack else None


def redo_label() -> str | None:
    """The change Redo brings again, in words; None when there is none."""
    stack: list[Snapshot] = st.session_state.get(REDO_STACK) or []
    return stack[-1].label if stack else None


def undo() -> None:
    """Take back the last change: the draft as it was before it (even when invalid); Redo can
    bring the change again."""
    from app.notices import set_notice  # see init_state

    snapshot: Snapshot = st.session_state[UNDO_STACK].pop()
    _push(REDO_STACK, _snapshot(snapshot.label))
    _restore(snapshot)
    set_notice("info", f"Undone: {snapshot.label}.")


def redo() -> None:
    """Bring again the change the last Undo took back."""
    from app.notices import set_notice  # see init_state

    snapshot: Snapshot = st.session_state[REDO_STACK].pop()
    _push(UNDO_STACK, _snapshot(snapshot.label))
    _restore(snapshot)
    set_notice("info", f"Redone: {snapshot.label}.")


def new_offer_id() -> int:
    """A widget-key id no offer of this session has had."""
    offer_id: int = st.session_state[NEXT_OFFER_ID]
    st.session_state[NEXT_OFFER_ID] = offer_id + 1
    return offer_id


def widget_key(*parts: object) -> str:
    """A widget key of the current scenario: ``g3:offer:7:clients``."""
    return ":".join([f"g{st.session_state[GENERATION]}", *map(str, parts)])


def draft_section(section: tuple[object, ...]) -> dict[str, Any]:
    """The part of the draft a widget edits.

    ``("scenario",)``, ``("practitioner",)``, ``("offer", id)`` or ``("schedule", id)``.
    """
    document = draft()
    if section[0] == "practitioner":
        practitioner: dict[str, Any] = document["practitioner"]
        return practitioner
    if section[0] in ("offer", "schedule"):
        offer: dict[str, Any] = document["offers"][offer_index(_offer_id_of(section))]
        if section[0] == "schedule":
            schedule: dict[str, Any] = offer.get("schedule") or {}
            return schedule  # to read: ``store_schedule`` creates the block on the first edit
        return offer
    return document


def _offer_id_of(section: tuple[object, ...]) -> int:
    """The offer id of an ``("offer", id)`` or ``("schedule", id)`` section."""
    offer_id = section[1]
    if not isinstance(offer_id, int):
        raise TypeError(f"an offer's id is a whole number, not {offer_id!r}")
    return offer_id


def named_section(document: dict[str, Any], offer: str | None) -> dict[str, Any]:
    """The practitioner (``offer`` None) or the offer with this name, in a scenario document."""
    if offer is None:
        practitioner: dict[str, Any] = document["practitioner"]
        return practitioner
    return next(item for item in document["offers"] if item["name"] == offer)


def store_widget(key: str, section: tuple[object, ...], name: str) -> None:
    """Widget callback: copy the widget's new value into the draft (:func:`store_value`)."""
    store_value(section, name, st.session_state[key])


def store_value(section: tuple[object, ...], name: str, value: Any) -> None:
    """Write ``value`` into field ``name`` of a section of the draft, as a widget's change.

    Callbacks run before the script, so every rerun starts from a current draft
    and can compute and draw the results before the editors. The change can be undone
    (:func:`record_field_edit`).
    """
    target = draft_section(section)
    if name in target and target[name] == value:
        return
    record_field_edit(section, name)
    target[name] = value


def store_schedule(key: str, section: tuple[object, ...], name: str) -> None:
    """Widget callback: copy a schedule widget's value into the offer's ``schedule`` block
    (:func:`store_schedule_value`)."""
    store_schedule_value(section, name, st.session_state[key])


def store_schedule_value(section: tuple[object, ...], name: str, value: Any) -> None:
    """Write ``value`` into field ``name`` of an offer's ``schedule`` block.

    ``section`` is ``("schedule", offer_id)``. An offer without a schedule gets
    one at its first schedule edit, so merely looking at the timeline leaves the
    scenario as it was loaded. No months chosen is stored as none: the groups
    spread evenly again.
    """
    offer = draft_section(("offer", section[1]))
    value = sorted(value) or None if isinstance(value, list) else value
    if (offer.get("schedule") or {}).get(name) == value and offer.get("schedule"):
        return
    record_field_edit(section, name)
    schedule: dict[str, Any] = offer.get("schedule") or {}
    schedule[name] = value
    offer["schedule"] = schedule


def record_field_edit(section: tuple[object, ...], name: str) -> None:
    """Call just BEFORE a widget writes field ``name`` of ``section`` into the draft: the edit
    can be undone, named in words ("Price per client of “1:1 coaching”")."""
    record_edit(field_edit_label(section, name), merge_key=f"{section!r}:{name}")


def field_edit_label(section: tuple[object, ...], name: str) -> str:
    """A field edit in words: "Fixed costs a year", "Price per client of “1:1 coaching”",
    "renaming “1:1 coaching”", "switching “Mastermind” off"."""
    from models.schema import OFFER_MODELS, Practitioner, Schedule

    if section[0] in ("offer", "schedule"):
        offer = draft()["offers"][offer_index(_offer_id_of(section))]
        offer_name = f"“{offer.get('name') or 'no name'}”"
        if section[0] == "schedule":
            fields = Schedule.model_fields
        else:
            if name == "name":
                return f"renaming {offer_name}"
            if name == "enabled":
                return f"switching {offer_name} {'off' if offer.get('enabled') else 'on'}"
            fields = OFFER_MODELS[str(offer["kind"])].model_fields
        title = fields[name].title if name in fields else None
        return f"{title or name.replace('_', ' ')} of {offer_name}"
    fields = Practitioner.model_fields if section[0] == "practitioner" else Scenario.model_fields
    title = fields[name].title if name in fields else None
    return title or name.replace("_", " ")


def draft() -> dict[str, Any]:
    """The scenario being edited, as plain data."""
    document: dict[str, Any] = st.session_state[DRAFT]
    return document


def check_draft() -> DraftCheck:
    """The draft validated; the last valid scenario is kept for when it is not."""
    document = scenario_document(draft())
    try:
        scenario = Scenario.model_validate(document)
    except ValidationError as error:
        return DraftCheck(None, tuple(problems_from_validation(error, document)))
    st.session_state[LAST_VALID] = scenario
    return DraftCheck(scenario, ())


@dataclass
class LastDownload:
    """The plan as the YAML download last wrote it: the draft at the click, without offer ids.

    The download writes it itself. Streamlit runs a deferred download's function in a worker
    thread, and the button asks for no rerun: a rerun sent with the click could drop the file
    (Streamlit 1.67 clears the session's unsent messages when a run starts, the file's address
    among them, and the button then waits for ever). So no callback marks the draft saved;
    :func:`has_unsaved_edits` reads this at the next run instead.
    """

    document: dict[str, Any] | None = None


def scenario_when_called(downloaded: LastDownload | None = None) -> Callable[[], Scenario]:
    """A function that gives the session's scenario as it is when called: the draft when valid,
    else its last valid version; with ``downloaded``, a valid draft is recorded there as written.

    For a deferred download drawn outside the Plan page's fragment: the page's edits change
    the draft (the same dict, changed in place) without drawing the button again, so the
    file is made from the draft at the click, not at the run that drew the button.
    """
    document = draft()
    last_valid = last_valid_scenario()

    def scenario_now() -> Scenario:
        written = copy.deepcopy(scenario_document(document))
        try:
            scenario = Scenario.model_validate(written)
        except ValidationError:
            return last_valid
        if downloaded is not None:
            downloaded.document = written
        return scenario

    return scenario_now


def last_download() -> LastDownload:
    """Where the YAML download records what it wrote."""
    downloaded: LastDownload = st.session_state[DOWNLOADED]
    return downloaded


def last_valid_scenario() -> Scenario:
    """The most recent valid version of the draft."""
    scenario: Scenario = st.session_state[LAST_VALID]
    return scenario


def current_scenario() -> Scenario:
    """The draft when it is valid, else its last valid version: what every page shows."""
    return check_draft().scenario or last_valid_scenario()


def has_unsaved_edits() -> bool:
    """Whether the draft differs from the scenario as loaded or saved, and from the file the
    YAML download last wrote."""
    draft_now = scenario_document(st.session_state[DRAFT])
    if draft_now == scenario_document(st.session_state[SAVED]):
        return False
    return draft_now != last_download().document


def mark_saved() -> None:
    """The draft as it is now counts as saved (after a save in the library)."""
    st.session_state[SAVED] = copy.deepcopy(st.session_state[DRAFT])
