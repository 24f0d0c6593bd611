"""Session state, set up in one place.

The scenario being edited lives in ``st.session_state["draft"]`` as plain data
(the fields of :class:`models.schema.Scenario`, every offer a dict). Every widget
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
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import ValidationError

from app.library import init_library
from app.notices import FILE_PROBLEMS, NOTICE, set_notice
from models.errors import Problem, ScenarioError, problems_from_validation
from models.examples import DEFAULT_EXAMPLE, load_example
from models.schema import Scenario
from models.sharing import LINK_PARAMETER, decode_scenario

#: How many earlier scenarios "Undo" can bring back.
UNDO_DEPTH = 20


@dataclass(frozen=True)
class DraftCheck:
    """The draft validated: the scenario when valid, else the problems found."""

    scenario: Scenario | None
    problems: tuple[Problem, ...]


def document_of(scenario: Scenario) -> dict[str, Any]:
    """A scenario as the editable plain data the draft holds."""
    return scenario.model_dump(mode="python")


def init_state() -> None:
    """Set up the session on its first run: the scenario from a shared link, or the default example."""
    if "draft" in st.session_state:
        return
    st.session_state.setdefault("generation", 0)
    st.session_state.setdefault("next_offer_id", 1)
    st.session_state.setdefault("undo_stack", [])
    st.session_state.setdefault(NOTICE, None)
    st.session_state.setdefault(FILE_PROBLEMS, None)
    st.session_state.setdefault("source", DEFAULT_EXAMPLE)
    init_library()
    scenario = load_example(DEFAULT_EXAMPLE)
    token = st.query_params.get(LINK_PARAMETER)
    if token is not None:
        try:
            scenario = decode_scenario(token)
            st.session_state["source"] = "link"
            set_notice("success", f"Opened “{scenario.name}” from the shared link.")
        except ScenarioError as error:
            set_notice(
                "error",
                "The shared link could not be opened, so the default example is shown instead.",
                error,
            )
        del st.query_params[LINK_PARAMETER]
    replace_scenario(scenario, source=st.session_state["source"])


@dataclass(frozen=True)
class Snapshot:
    """What Undo brings back: the draft as it was (valid or not) and what went with it."""

    label: str
    draft: dict[str, Any]
    saved: dict[str, Any]
    last_valid: Scenario
    source: str


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
    if undo_label is not None and "draft" in st.session_state:
        stack = st.session_state["undo_stack"]
        stack.append(
            Snapshot(
                undo_label,
                copy.deepcopy(st.session_state["draft"]),
                st.session_state["saved"],
                st.session_state["last_valid"],
                st.session_state["source"],
            )
        )
        del stack[:-UNDO_DEPTH]
    document = document_of(scenario)
    saved = st.session_state["saved"] if keep_saved else copy.deepcopy(document)
    _install(document, saved, scenario, source)


def _install(document: dict[str, Any], saved: dict[str, Any], valid: Scenario, source: str) -> None:
    """Put a draft in place, with fresh widget keys so no old widget value leaks into it."""
    first_id = st.session_state["next_offer_id"]
    st.session_state["offer_ids"] = list(range(first_id, first_id + len(document["offers"])))
    st.session_state["next_offer_id"] = first_id + len(document["offers"])
    st.session_state["draft"] = document
    st.session_state["saved"] = saved
    st.session_state["last_valid"] = valid
    st.session_state["source"] = source
    st.session_state["generation"] += 1
    st.session_state["selected_offer"] = (st.session_state["offer_ids"] or [None])[0]


def undo() -> None:
    """Bring back the draft before the last replacement, exactly as it was (even when invalid)."""
    snapshot: Snapshot = st.session_state["undo_stack"].pop()
    _install(snapshot.draft, snapshot.saved, snapshot.last_valid, snapshot.source)
    set_notice("info", f"Undone: {snapshot.label}.")


def new_offer_id() -> int:
    """A widget-key id no offer of this session has had."""
    offer_id: int = st.session_state["next_offer_id"]
    st.session_state["next_offer_id"] = offer_id + 1
    return offer_id


def widget_key(*parts: object) -> str:
    """A widget key of the current scenario: ``g3:offer:7:clients``."""
    return ":".join([f"g{st.session_state['generation']}", *map(str, parts)])


def draft_section(section: tuple[object, ...]) -> dict[str, Any]:
    """The part of the draft a widget edits.

    ``("scenario",)``, ``("practitioner",)``, ``("offer", id)`` or ``("schedule", id)``.
    """
    document = draft()
    if section[0] == "practitioner":
        practitioner: dict[str, Any] = document["practitioner"]
        return practitioner
    if section[0] in ("offer", "schedule"):
        offer: dict[str, Any] = document["offers"][st.session_state["offer_ids"].index(section[1])]
        if section[0] == "schedule":
            schedule: dict[str, Any] = offer.get("schedule") or {}
            return schedule  # to read: ``store_schedule`` creates the block on the first edit
        return offer
    return document


def named_section(document: dict[str, Any], offer: str | None) -> dict[str, Any]:
    """The practitioner (``offer`` None) or the offer with this name, in a scenario document."""
    if offer is None:
        practitioner: dict[str, Any] = document["practitioner"]
        return practitioner
    return next(item for item in document["offers"] if item["name"] == offer)


def store_widget(key: str, section: tuple[object, ...], name: str) -> None:
    """Widget callback: copy the widget's new value into the draft.

    Callbacks run before the script, so every rerun starts from a current draft
    and can compute and draw the results before the editors.
    """
    draft_section(section)[name] = st.session_state[key]


def store_schedule(key: str, section: tuple[object, ...], name: str) -> None:
    """Widget callback: copy a schedule widget's value into the offer's ``schedule`` block.

    ``section`` is ``("schedule", offer_id)``. An offer without a schedule gets
    one at its first schedule edit, so merely looking at the timeline leaves the
    scenario as it was loaded. No months chosen is stored as none: the groups
    spread evenly again.
    """
    offer = draft_section(("offer", section[1]))
    schedule: dict[str, Any] = offer.get("schedule") or {}
    value = st.session_state[key]
    schedule[name] = sorted(value) or None if isinstance(value, list) else value
    offer["schedule"] = schedule


def draft() -> dict[str, Any]:
    """The scenario being edited, as plain data."""
    document: dict[str, Any] = st.session_state["draft"]
    return document


def check_draft() -> DraftCheck:
    """The draft validated; the last valid scenario is kept for when it is not."""
    try:
        scenario = Scenario.model_validate(draft())
    except ValidationError as error:
        return DraftCheck(None, tuple(problems_from_validation(error, draft())))
    st.session_state["last_valid"] = scenario
    return DraftCheck(scenario, ())


def last_valid_scenario() -> Scenario:
    """The most recent valid version of the draft."""
    scenario: Scenario = st.session_state["last_valid"]
    return scenario


def current_scenario() -> Scenario:
    """The draft when it is valid, else its last valid version: what every page shows."""
    return check_draft().scenario or last_valid_scenario()


def has_unsaved_edits() -> bool:
    """Whether the draft differs from the scenario as loaded or last downloaded."""
    return bool(st.session_state["draft"] != st.session_state["saved"])


def mark_saved() -> None:
    """The draft as it is now counts as saved (after a download)."""
    st.session_state["saved"] = copy.deepcopy(st.session_state["draft"])
