"""Undo and redo of every edit, the quiet delete, and notices shown once, through AppTest."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app.editors import OFFERS_PART, SCENARIO_PART
from app.state import DRAFT, OFFER_ID, UNDO_DEPTH
from models.examples import DEFAULT_EXAMPLE, load_example
from presentation.formatting import format_amount
from tests.shown_text import shown
from tests.test_app import (
    APP,
    SCENARIOS,
    current,
    key,
    offer_key,
    show_part,
    sidebar_uploader,
)
from tests.widgets import set_field


@pytest.fixture
def app():
    """A fresh app session on its first screen, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def undo_text(at):
    return shown(at.button(key="undo").label)


def has_button(at, button_key):
    return any(button.key == button_key for button in at.button)


def test_a_field_edit_is_undone_and_redone_and_the_widget_shows_it(app):
    """The user changes the first offer's price, undoes it, then redoes it."""
    offer = current(app).offers[0]
    price_key = offer_key(app, 0, "price_per_client")
    set_field(app, price_key, "7,000")
    assert current(app).offers[0].price_per_client == 7000
    assert undo_text(app) == f"Undo: Price per client of “{offer.name}”"
    assert not has_button(app, "redo")

    app.button(key="undo").click().run()
    assert not app.exception
    assert current(app).offers[0].price_per_client == offer.price_per_client
    # a new widget generation: the money box shows the draft's value, not the 7,000 typed
    assert app.text_input(key=offer_key(app, 0, "price_per_client")).value == (
        format_amount(offer.price_per_client, "USD")
    )
    assert shown(app.button(key="redo").label) == f"Redo: Price per client of “{offer.name}”"
    assert any(f"Undone: Price per client of “{offer.name}”" in shown(i.value) for i in app.info)

    app.button(key="redo").click().run()
    assert current(app).offers[0].price_per_client == 7000
    assert app.text_input(key=offer_key(app, 0, "price_per_client")).value == "7,000"
    assert not has_button(app, "redo")


def test_edits_of_one_field_in_a_row_are_one_step(app):
    """Typing 1, 12 then 12,000 in one box (each committed) is undone at once; the edit of
    another field before it stays a step of its own."""
    weeks = current(app).practitioner.weeks_per_year
    price = current(app).offers[0].price_per_client
    show_part(app, SCENARIO_PART)
    app.number_input(key=key(app, "practitioner", "weeks_per_year")).set_value(40).run()
    show_part(app, OFFERS_PART)  # choosing what to edit changes nothing: no step of its own
    price_key = offer_key(app, 0, "price_per_client")
    for typed in ("1", "12", "12,000"):
        set_field(app, price_key, typed)
    app.button(key="undo").click().run()
    assert current(app).offers[0].price_per_client == price
    assert current(app).practitioner.weeks_per_year == 40
    assert undo_text(app) == "Undo: Working weeks per year"
    app.button(key="undo").click().run()
    assert current(app).practitioner.weeks_per_year == weeks


def test_a_new_edit_after_an_undo_clears_redo(app):
    clients_key = offer_key(app, 0, "clients")
    app.number_input(key=clients_key).set_value(20).run()
    app.button(key="undo").click().run()
    assert has_button(app, "redo")
    app.number_input(key=offer_key(app, 0, "clients")).set_value(18).run()
    assert not has_button(app, "redo")
    assert current(app).offers[0].clients == 18


def test_delete_asks_first_and_undo_brings_the_offer_back(app):
    """The user deletes the second offer (confirming), then undoes it."""
    document = app.session_state[DRAFT]
    second = document["offers"][1]
    name, second_id = second["name"], second[OFFER_ID]
    app.selectbox(key="selected_offer").set_value(second_id).run()
    delete = app.button(key="delete_offer")
    assert delete.proto.type == "tertiary"  # a quiet button, not the page's primary one
    delete.click().run()
    assert any(
        shown(item.value) == f"Delete “{name}”? Undo can bring it back." for item in app.warning
    )
    app.button(key="keep_offer").click().run()
    assert [offer.name for offer in current(app).offers][1] == name  # kept
    assert not has_button(app, "confirm_delete")

    app.button(key="delete_offer").click().run()
    app.button(key="confirm_delete").click().run()
    assert name not in [offer.name for offer in current(app).offers]
    assert undo_text(app) == f"Undo: delete “{name}”"

    app.button(key="undo").click().run()
    assert not app.exception
    restored = app.session_state[DRAFT]["offers"][1]
    assert restored["name"] == name and restored[OFFER_ID] == second_id  # its place and id
    assert app.session_state["selected_offer"] == second_id  # shown again in the editor
    assert shown(app.button(key="redo").label) == f"Redo: delete “{name}”"
    app.button(key="redo").click().run()
    assert name not in [offer.name for offer in current(app).offers]


def test_add_rename_switch_off_and_move_are_each_undoable(app):
    names = [offer.name for offer in current(app).offers]
    app.button(key="add_offer").click().run()
    added = current(app).offers[-1].name
    assert undo_text(app) == f"Undo: add “{added}”"
    app.text_input(key=offer_key(app, len(names), "name")).set_value("Day rate work").run()
    assert undo_text(app) == f"Undo: renaming “{added}”"
    app.toggle(key=offer_key(app, len(names), "enabled")).set_value(False).run()
    assert undo_text(app) == "Undo: switching “Day rate work” off"
    app.button(key="move_up").click().run()
    assert undo_text(app) == "Undo: move “Day rate work” up"
    for _ in range(4):
        app.button(key="undo").click().run()
    assert not app.exception
    assert [offer.name for offer in current(app).offers] == names


def test_a_schedule_edit_is_undoable(app):
    app.switch_page("app/pages/timeline.py").run()
    offer = app.session_state[DRAFT]["offers"][0]
    start_key = key(app, "schedule", offer[OFFER_ID], "start_month")
    app.number_input(key=start_key).set_value(4).run()
    assert current(app).offers[0].schedule.start_month == 4
    assert undo_text(app) == f"Undo: First month of “{offer['name']}”"
    app.button(key="undo").click().run()
    assert current(app).offers[0].schedule == load_example(DEFAULT_EXAMPLE).offers[0].schedule


def test_undo_is_bounded(app, monkeypatch):
    """The stack keeps the last UNDO_DEPTH changes (5 here, for speed; 50 in the app)."""
    monkeypatch.setattr("app.state.UNDO_DEPTH", 5)
    assert UNDO_DEPTH == 50
    clients = offer_key(app, 0, "clients")
    weeks = key(app, "practitioner", "weeks_per_year")
    for edit in range(8):  # two fields in turn: each edit is its own step
        if edit % 2:
            show_part(app, OFFERS_PART)
            app.number_input(key=clients).set_value(100 + edit).run()
        else:
            show_part(app, SCENARIO_PART)
            app.number_input(key=weeks).set_value(20 + edit).run()
    stack = app.session_state["undo_stack"]
    assert len(stack) == 5
    assert (
        stack[0].draft["practitioner"]["weeks_per_year"] == 22
    )  # the snapshot before edit 3: weeks set to 22 by edit 2


def test_a_loaded_notice_is_gone_after_the_next_edit_and_on_another_page(app):
    """The upload's notice shows once, on whichever page is open, and never comes back late."""
    app.switch_page("app/pages/timeline.py").run()
    sidebar_uploader(app).upload(
        "course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()
    ).run()
    assert any("Loaded “Course creator” from course.yaml" in shown(i.value) for i in app.success)
    app.switch_page("app/pages/plan.py").run()
    assert not any("Loaded" in shown(item.value) for item in app.success)
    sidebar_uploader(app).upload(
        "course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()
    ).run()
    assert any("Loaded" in shown(item.value) for item in app.success)
    show_part(app, SCENARIO_PART)
    app.number_input(key=key(app, "practitioner", "weeks_per_year")).set_value(40).run()
    assert not any("Loaded" in shown(item.value) for item in app.success)


def test_a_start_the_timeline_moves_is_said_under_the_schedule_editor(app):
    """The example's mastermind (one cohort a year) set to start in month 4 starts then, and
    nothing is said; with its cohorts chosen for month 1 of the year the first cohort is in
    month 13 (month 1 of year two), and the editor says so in words."""
    app.switch_page("app/pages/timeline.py").run()
    document = app.session_state[DRAFT]
    index, mastermind = next(
        (i, o) for i, o in enumerate(document["offers"]) if o["kind"] == "mastermind"
    )
    offer = mastermind[OFFER_ID]
    app.selectbox(key="timeline_offer").set_value(offer).run()
    app.number_input(key=key(app, "schedule", offer, "start_month")).set_value(4).run()
    assert not app.exception
    name = mastermind["name"]
    infos = [shown(item.value) for item in app.info]
    assert not any(f"“{name}” starts in month" in text for text in infos)
    assert current(app).offers[index].schedule.start_month == 4
    app.multiselect(key=key(app, "schedule", offer, "start_months")).set_value([1]).run()
    assert not app.exception
    expected = f"“{name}” starts in month 13, not 4: its cohorts start in month 1 of the year."
    assert expected in [shown(item.value) for item in app.info]
    # said once, beside the schedules: the page's warning keeps to the months over capacity
    assert not any(expected in shown(item.value) for item in app.warning)


def test_ranges_are_undoable_too(app):
    """The user sets ±20% on the first offer's figures (Decide, How sure), then undoes it."""
    app.switch_page("app/pages/decide.py").run()
    app.segmented_control(key="decide_section").set_value("How sure").run()
    offer = current(app).offers[0]
    app.selectbox(key="ranges_section").set_value(offer.name).run()
    app.button(key="range_spread").click().run()
    assert not app.exception
    assert current(app).offers[0].ranges
    assert undo_text(app) == f"Undo: ±20% ranges of “{offer.name}”"
    app.button(key="undo").click().run()
    assert current(app).offers[0].ranges == offer.ranges
