"""Editing the scenario: its name and story, the practitioner's year, and the offers, one
part at a time (:func:`plan_editor`).

Offers are edited one at a time (a picker, then that offer's fields), which
keeps each rerun light however many offers the scenario has. Every change goes
into the draft through a callback; add, duplicate, move and delete too, and each
can be undone (:func:`app.state.record_edit` before it). Delete asks first.
"""

from __future__ import annotations

import copy

import streamlit as st

from app.fields import field_input
from app.plain_text import WARNING_ICON, plain
from app.reruns import with_undo_area
from app.state import (
    DELETE_PENDING,
    EDITOR_PART,
    NEW_OFFER_KIND,
    OFFER_ID,
    OFFER_PICKER_LABEL,
    OFFER_SECTION,
    SELECTED_OFFER,
    draft,
    draft_section,
    new_offer_id,
    offer_ids,
    offer_index,
    record_edit,
    store_widget,
    widget_key,
)
from models.currencies import CURRENCY_CODES
from models.errors import Problem
from models.formulas import contract_delivery, ratio
from models.results import OfferResult, ScenarioResult
from models.schema import (
    KIND_LABELS,
    OFFER_MODELS,
    SALES_FIELDS,
    Contract,
    LiveOffer,
    Practitioner,
    Scenario,
    Team,
    field_order,
)
from models.templates import new_offer, unique_name

_IN_PERSON_ONLY = {"travel_hours_per_session", "travel_cost_per_session", "venue_cost_per_session"}
_LIVE_FIELDS = [name for name in field_order(LiveOffer) if name in LiveOffer.__annotations__]
#: An offer's "Demand" section: the funnel every kind has (docs/model.md, version 2).
DEMAND_FIELDS = (
    "leads_per_year",
    "conversion_rate",
    "bd_hours_per_lead",
    "marketing_cost_per_lead",
)
#: The "Team" section of offers with associates (``has_team``).
TEAM_FIELDS = tuple(name for name in field_order(Team) if name in Team.__annotations__)
#: The practitioner's practice section: the delivery cap, an assistant and the tax rate.
PRACTICE_FIELDS = (
    "max_delivery_hours_per_week",
    "assistant_hours_per_week",
    "assistant_cost_per_hour",
    "tax_rate",
)
#: How a contract is priced: the choice's label → the field it shows.
_DAY_ON_SITE = float(Contract.model_fields["session_hours"].default)
CONTRACT_PRICING = {"Billed by the hour": "hourly_rate", "Fixed fee": "fee_per_contract"}
_COMMON_CURRENCIES = [
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "CHF",
    "JPY",
    "INR",
    "IDR",
    "SGD",
    "NZD",
    "ZAR",
]
CURRENCY_OPTIONS = _COMMON_CURRENCIES + sorted(CURRENCY_CODES - set(_COMMON_CURRENCIES))
_SCENARIO = ("scenario",)
#: Edited elsewhere: the schedule on the Timeline page, the ranges on the Decide page.
ON_OTHER_PAGES = ("schedule", "ranges")


#: The editor's parts, one shown at a time under a control that picks it.
OFFERS_PART = "Offers"
SCENARIO_PART = "Scenario and your year"
PRACTICE_PART = "Your practice"
EDITOR_PARTS = (OFFERS_PART, SCENARIO_PART, PRACTICE_PART)
#: Where a problem of each part is located (``Problem.location``, or inside it); the practice's
#: fields are the practitioner's, so a problem there is the practice's, not the year's.
_PRACTICE_LOCATIONS = tuple(f"practitioner → {name}" for name in PRACTICE_FIELDS)
_SCENARIO_LOCATIONS = ("", "schema_version", "name", "description", "currency", "practitioner")


def _located(problem: Problem, *locations: str) -> bool:
    return any(
        problem.location == location or problem.location.startswith(location + " ")
        for location in locations
    )


def _part_of(problem: Problem) -> str:
    """The editor's part whose fields ``problem`` is about."""
    if _located(problem, *_PRACTICE_LOCATIONS):
        return PRACTICE_PART
    if _located(problem, *_SCENARIO_LOCATIONS):
        return SCENARIO_PART
    return OFFERS_PART


def plan_editor(problems: tuple[Problem, ...], result: ScenarioResult | None = None) -> None:
    """The scenario's editor, one part at a time: the offers, the scenario and your working
    year, or your practice; a part with a problem to fix is marked in the control.

    One control rather than a collapsed section a part: every element of the Plan page is
    drawn again on each edit, and two collapsed sections cost the browser more than the
    control (docs/performance.md, "An edit: fewer and lighter elements"). Only the part
    shown is built.
    """
    needing_fixes = {_part_of(problem) for problem in problems}
    st.session_state.setdefault(EDITOR_PART, OFFERS_PART)
    part = st.segmented_control(
        "What to edit",
        EDITOR_PARTS,
        key=EDITOR_PART,
        required=True,
        format_func=lambda part: f"{part} {WARNING_ICON}" if part in needing_fixes else part,
        label_visibility="collapsed",
    )
    if part == SCENARIO_PART:
        scenario_editor(problems)
    elif part == PRACTICE_PART:
        practice_editor(problems)
    else:
        offers_editor(problems, result)


def show_problems(problems: tuple[Problem, ...], *locations: str) -> None:
    """The problems located at one of ``locations`` or inside it, next to those fields."""
    for problem in problems:
        if _located(problem, *locations):
            st.error(plain(problem), icon=WARNING_ICON)


def _show_problems_of(part: str, problems: tuple[Problem, ...]) -> None:
    """The problems about the fields of the editor's ``part``, under them."""
    for problem in problems:
        if _part_of(problem) == part:
            st.error(plain(problem), icon=WARNING_ICON)


def scenario_editor(problems: tuple[Problem, ...]) -> None:
    """Name, story and currency of the scenario, and the practitioner's working year."""
    document = draft()
    field_input(Scenario, "name", _SCENARIO, document["currency"])
    currency_key = widget_key(*_SCENARIO, "currency")
    st.selectbox(
        "Currency",
        CURRENCY_OPTIONS,
        index=CURRENCY_OPTIONS.index(document["currency"]),
        key=currency_key,
        help="All money in the scenario is in this currency (ISO 4217 code).",
        on_change=with_undo_area(store_widget),
        args=(currency_key, _SCENARIO, "currency"),
    )
    description_key = widget_key(*_SCENARIO, "description")
    st.text_area(
        "Description",
        value=document["description"],
        key=description_key,
        max_chars=2000,
        help="The story of the scenario and where its figures come from.",
        on_change=with_undo_area(store_widget),
        args=(description_key, _SCENARIO, "description"),
    )
    columns = st.columns(2)
    names = [
        name
        for name in field_order(Practitioner)
        if name not in ON_OTHER_PAGES and name not in PRACTICE_FIELDS
    ]
    for index, name in enumerate(names):
        with columns[index % 2]:
            field_input(Practitioner, name, ("practitioner",), document["currency"])
    _show_problems_of(SCENARIO_PART, problems)


def practice_editor(problems: tuple[Problem, ...]) -> None:
    """The practice around your hours: the most client-facing hours a week you can give, an
    assistant who takes admin off you, and the tax on what you earn."""
    currency = draft()["currency"]
    columns = st.columns(2)
    for index, name in enumerate(PRACTICE_FIELDS):
        with columns[index % 2]:
            field_input(Practitioner, name, ("practitioner",), currency)
    _show_problems_of(PRACTICE_PART, problems)


def _offer_label(offer: dict[str, object]) -> str:
    status = "" if offer["enabled"] else " (off)"
    return f"{offer['name'] or '(no name)'} · {KIND_LABELS[str(offer['kind'])]}{status}"


def _quoted(offer: dict[str, object]) -> str:
    """An offer's name in quotes, for the words of Undo and the confirmation."""
    return f"“{offer['name'] or 'no name'}”"


def _add_offer() -> None:
    document = draft()
    offer = new_offer(st.session_state[NEW_OFFER_KIND], (o["name"] for o in document["offers"]))
    record_edit(f"add “{offer.name}”")
    offer_id = new_offer_id()
    document["offers"].append({**offer.model_dump(mode="python"), OFFER_ID: offer_id})
    st.session_state[SELECTED_OFFER] = offer_id


def _selected_index() -> int:
    return offer_index(st.session_state[SELECTED_OFFER])


def _duplicate_offer() -> None:
    document = draft()
    index = _selected_index()
    record_edit(f"duplicate {_quoted(document['offers'][index])}")
    copied = copy.deepcopy(document["offers"][index])
    copied["name"] = unique_name(
        f"{copied['name']} (copy)", (o["name"] for o in document["offers"])
    )
    offer_id = new_offer_id()
    copied[OFFER_ID] = offer_id
    document["offers"].insert(index + 1, copied)
    st.session_state[SELECTED_OFFER] = offer_id


def _move_offer(step: int) -> None:
    index = _selected_index()
    target = index + step
    offers = draft()["offers"]
    if 0 <= target < len(offers):
        record_edit(f"move {_quoted(offers[index])} {'up' if step < 0 else 'down'}")
        offers[index], offers[target] = offers[target], offers[index]


def _ask_delete() -> None:
    """The quiet Delete button: ask first (the confirmation names the offer)."""
    st.session_state[DELETE_PENDING] = st.session_state[SELECTED_OFFER]


def _keep_offer() -> None:
    st.session_state[DELETE_PENDING] = None


def _delete_offer() -> None:
    """Delete the selected offer, confirmed; Undo brings it back with its id and place."""
    st.session_state[DELETE_PENDING] = None
    index = _selected_index()
    offers = draft()["offers"]
    record_edit(f"delete {_quoted(offers[index])}")
    del offers[index]
    ids = offer_ids()
    st.session_state[SELECTED_OFFER] = ids[min(index, len(ids) - 1)] if ids else None


def _delete_confirmation(offer: dict[str, object]) -> None:
    """ "Delete “Mastermind”? Undo can bring it back." with Delete and Keep."""
    st.warning(f"Delete {plain(_quoted(offer))}? Undo can bring it back.", icon=":material/delete:")
    confirm, keep = st.columns(2)
    confirm.button("Delete", on_click=_delete_offer, key="confirm_delete", width="stretch")
    keep.button("Keep", on_click=_keep_offer, key="keep_offer", width="stretch")


def offers_editor(problems: tuple[Problem, ...], result: ScenarioResult | None = None) -> None:
    """The list of offers, the actions on them, and the fields of the selected one; with the
    plan's ``result``, the Demand section says what the plan asks of the marketing."""
    document = draft()
    ids = offer_ids()
    # Horizontal containers, not columns, for the rows of the editor: one layout block a row
    # where columns take one per cell too, and a Plan page edit sends them all again.
    add_row = st.container(horizontal=True, vertical_alignment="bottom")
    add_row.selectbox(
        "Kind of offer to add",
        list(OFFER_MODELS),
        format_func=KIND_LABELS.__getitem__,
        key=NEW_OFFER_KIND,
        help="A new offer starts with typical figures for its kind; adjust them to your practice.",
    )
    add_row.button("Add offer", on_click=_add_offer, key="add_offer", icon=":material/add:")
    show_problems(problems, "offers")
    if not ids:
        st.info("No offers yet: add the first one above.")
        return
    if st.session_state.get(SELECTED_OFFER) not in ids:
        st.session_state[SELECTED_OFFER] = ids[0]
    labels = {
        offer_id: _offer_label(offer)
        for offer_id, offer in zip(ids, document["offers"], strict=True)
    }
    selected_label = labels[st.session_state[SELECTED_OFFER]]
    if st.session_state.get(OFFER_PICKER_LABEL) not in (None, selected_label):
        # Renamed (or switched off): the browser keeps showing the label it had for the choice
        # unless the choice is written again, which sends it with its new label.
        st.session_state[SELECTED_OFFER] = st.session_state[SELECTED_OFFER]
    st.session_state[OFFER_PICKER_LABEL] = selected_label
    st.selectbox("Offer to edit", ids, format_func=labels.__getitem__, key=SELECTED_OFFER)
    index = _selected_index()
    actions = st.container(horizontal=True)
    actions.button("Duplicate", on_click=_duplicate_offer, key="duplicate_offer", width="stretch")
    actions.button(
        "Up",
        on_click=_move_offer,
        args=(-1,),
        key="move_up",
        disabled=index == 0,
        width="stretch",
        help="Move this offer up the list",
    )
    actions.button(
        "Down",
        on_click=_move_offer,
        args=(1,),
        key="move_down",
        disabled=index == len(ids) - 1,
        width="stretch",
        help="Move this offer down the list",
    )
    actions.button(
        "Delete",
        on_click=_ask_delete,
        key="delete_offer",
        type="tertiary",
        icon=":material/delete:",
        width="stretch",
        help="Delete this offer (you are asked first; Undo can bring it back)",
    )
    offer = document["offers"][index]
    if st.session_state.get(DELETE_PENDING) == ids[index]:
        _delete_confirmation(offer)
    else:
        st.session_state[DELETE_PENDING] = None  # another offer was picked: no longer asked
    show_problems(problems, f"offers[{index}]")
    figures = (
        next((item for item in result.offers if item.name == offer["name"]), None)
        if result
        else None
    )
    _offer_fields(offer["kind"], ids[index], document["currency"], figures)


def _switch_contract_pricing(key: str, offer_id: int) -> None:
    """Widget callback: price a contract by the hour or for a fixed fee, never both.

    The price switched to starts where the other left off: a fixed fee of what one contract
    earns at the hourly rate, or the hourly rate the fee pays for the hours, so the
    plan's revenue stays as it was and the schema never sees both prices at once.
    """
    offer = draft_section(("offer", offer_id))
    record_edit(f"pricing of {_quoted(offer)}")
    hours = offer.get("hours_per_contract") or 0.0
    rate, fee = offer.get("hourly_rate"), offer.get("fee_per_contract")
    if CONTRACT_PRICING[st.session_state[key]] == "fee_per_contract":
        if fee is None and rate is not None:
            fee = contract_delivery(
                1.0, hours, rate, offer.get("session_hours") or _DAY_ON_SITE
            ).revenue
        offer["fee_per_contract"] = fee if fee is not None else 0.0
        offer["hourly_rate"] = None
    else:
        if rate is None:
            rate = ratio(fee, hours) if fee is not None else None
        offer["hourly_rate"] = rate if rate is not None else Contract.starting_fields["hourly_rate"]
        offer["fee_per_contract"] = None


def _contract_pricing(offer_id: int, currency: str) -> None:
    """The choice "Billed by the hour / Fixed fee", then the one price it asks for."""
    offer = draft_section(("offer", offer_id))
    chosen = "Fixed fee" if offer.get("fee_per_contract") is not None else "Billed by the hour"
    key = widget_key("offer", offer_id, "pricing")
    st.radio(
        "How the contract is priced",
        list(CONTRACT_PRICING),
        index=list(CONTRACT_PRICING).index(chosen),
        key=key,
        horizontal=True,
        help=(
            "By the hour, more hours raise your income; for a fixed fee, more hours lower "
            "what each hour earns you."
        ),
        on_change=_switch_contract_pricing,
        args=(key, offer_id),
    )
    field_input(Contract, CONTRACT_PRICING[chosen], ("offer", offer_id), currency)


def demand_in_words(figures: OfferResult) -> str | None:
    """What an offer's plan asks of its marketing, from the model's figures: the leads it
    needs for its new buyers and the most buyers the leads given bring; None without a
    conversion rate."""
    if figures.leads_needed is None:
        return None
    words = (
        f"This plan needs {figures.leads_needed:,.0f} leads a year for its "
        f"{figures.new_buyers:,.0f} new buyers"
    )
    if figures.demand_limit is not None:
        words += f"; the leads you give bring at most {figures.demand_limit:,.0f} buyers a year"
    return words + "."


def _offer_fields(
    kind: str, offer_id: int, currency: str, figures: OfferResult | None = None
) -> None:
    model = OFFER_MODELS[kind]
    section = ("offer", offer_id)
    order = [name for name in field_order(model) if name != "kind"]
    identity = ["name", "enabled"]
    demand = [name for name in DEMAND_FIELDS if name in order]
    team = [name for name in TEAM_FIELDS if name in order] if model.has_team else []
    pricing = list(CONTRACT_PRICING.values()) if model is Contract else []
    selling = [
        name
        for name in SALES_FIELDS
        if name in order and name not in ON_OTHER_PAGES and name not in demand
    ]
    live = [name for name in _LIVE_FIELDS if name in order]
    grouped = [*identity, *selling, *live, *demand, *team, *pricing, *ON_OTHER_PAGES]
    own = [name for name in order if name not in grouped]
    with st.container(horizontal=True, vertical_alignment="bottom"):
        field_input(model, "name", section, currency)
        field_input(model, "enabled", section, currency)
    in_person = draft()["offers"][offer_index(offer_id)].get("delivery")
    sections = {
        "Offer": own,
        "Demand": demand,
        "Delivery": live,
        "Team": team,
        "Sales": selling,
    }
    shown = {
        title: [n for n in names if n not in _IN_PERSON_ONLY or in_person == "in_person"]
        for title, names in sections.items()
        if names
    }
    if st.session_state.get(OFFER_SECTION) not in shown:
        st.session_state[OFFER_SECTION] = next(iter(shown))
    # One section at a time: fewer widgets to draw on every edit.
    section_title = st.segmented_control(
        "Fields", list(shown), key=OFFER_SECTION, label_visibility="collapsed"
    )
    section_title = section_title or next(iter(shown))
    if section_title == "Offer" and pricing:
        _contract_pricing(offer_id, currency)
    if section_title == "Demand" and figures is not None:
        said = demand_in_words(figures)
        if said:
            st.caption(said)
    grid = st.columns(2)
    for position, name in enumerate(shown[section_title]):
        with grid[position % 2]:
            field_input(model, name, section, currency)
