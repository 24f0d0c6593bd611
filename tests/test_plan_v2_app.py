"""Version 2 on the Plan page, through Streamlit's AppTest: the practice section, an offer's
Demand and Team sections, a contract's pricing, take-home against the target, and files and
links saved by version 1 opening with a quiet note.

The default example (docs/model.md's coach with a mastermind and a retreat) is the starting
point: 16 private clients at 6,000 (half of them returning), one mastermind cohort and one
retreat; net income 186,500 a year against a 200,000 target; 40 h × 46 weeks.
"""

import base64
import json
import zlib
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from app.editors import PRACTICE_PART
from app.state import DRAFT, OFFER_SECTION
from models import evaluate
from models.sharing import LINK_PARAMETER
from presentation.formatting import percent_of_share
from tests import test_app
from tests.shown_text import shown
from tests.test_app import (
    APP,
    current,
    key,
    metric,
    offer_id,
    offer_key,
    show_part,
    sidebar_uploader,
)
from tests.widgets import set_field

VERSION_1 = Path(__file__).parent / "fixtures" / "version-1"

app = test_app.app  # the fixture: a fresh app session on its first screen


def card(at, label):
    return next(item for item in at.metric if item.label == label)


def open_section(at, title):
    """Show one section of the selected offer's fields ("Demand", "Team" …)."""
    control = next(item for item in at.button_group if item.key == OFFER_SECTION)
    assert title in [shown(option) for option in control.options]
    control.set_value(title).run()
    assert not at.exception


def fill_section(at, title, **values):
    """Open section ``title`` of the first offer and type ``values`` in, in order, as a
    person does (a share as a percentage); each is written to the draft as given."""
    open_section(at, title)
    for field, value in values.items():
        field_key = offer_key(at, 0, field)
        boxes = [box for box in at.number_input if box.key == field_key]
        typed = percent_of_share(value) if boxes and "(%)" in boxes[0].label else value
        set_field(at, field_key, typed)
    offer = at.session_state[DRAFT]["offers"][0]
    assert {field: offer[field] for field in values} == values


def offer_row(at, name):
    """The row of the Plan page's per-offer table for offer ``name`` (its dialog opened)."""
    at.button(key="open_offer_table").click().run()
    table = next(frame.value for frame in at.dataframe if "client_hours" in frame.value.columns)
    return table[table["offer"] == name].iloc[0]


def warnings_shown(at):
    return [shown(item.value) for item in at.warning]


def test_the_practice_section_writes_the_tax_rate_and_take_home_is_net_less_tax(app):
    """The user gives a 25% tax rate: the take-home card shows net income less tax, and the
    target is compared with it."""
    show_part(app, PRACTICE_PART)
    set_field(app, key(app, "practitioner", "tax_rate"), 25)  # typed in percent
    assert app.session_state[DRAFT]["practitioner"]["tax_rate"] == 0.25
    # Net income 186,500 (the example, unchanged by tax); tax = 25% × 186,500 = 46,625;
    # take-home = 186,500 − 46,625 = 139,875, which is 60,125 short of the 200,000 target.
    assert metric(app, "Net income a year") == "$186,500"
    assert card(app, "Net income a year").delta == "$46,625 tax at 25%"
    assert metric(app, "Take-home a year") == "$139,875"
    assert card(app, "Take-home a year").delta == "-$60,125 against the $200,000 target"
    totals = evaluate(current(app)).totals
    assert totals.take_home == pytest.approx(139_875)
    assert totals.tax == pytest.approx(46_625)


def test_the_delivery_cap_is_written_and_warned_about_in_words(app):
    """The user can give at most 8 client-facing hours a week; the plan asks for more."""
    show_part(app, PRACTICE_PART)
    app.number_input(key=key(app, "practitioner", "max_delivery_hours_per_week")).set_value(
        8.0
    ).run()
    assert not app.exception
    assert app.session_state[DRAFT]["practitioner"]["max_delivery_hours_per_week"] == 8.0
    # Delivery: 16 × 24 × 1 h coaching + 12 × 2 × 2 h mastermind + 24 h retreat = 456 h a
    # year, 456 / 46 = 9.9 h a week; the cap is 8 × 46 = 368 h, so 88 h a year too many.
    assert (
        "Client-facing hours of 9.9 a week are past the 8 a week you can give "
        "(88 hours a year too many)."
    ) in warnings_shown(app)
    billable = card(app, "Billable utilisation")
    assert billable.delta == "9.9 of 8 h a week with clients"


def test_the_demand_section_writes_the_funnel_and_too_few_leads_are_warned_about(app):
    """The user opens Private coaching's Demand section: 1 in 5 calls converts, 30 calls a
    year, fewer than the plan needs."""
    fill_section(app, "Demand", conversion_rate=0.2, leads_per_year=30.0)
    assert not app.error
    # 16 clients, half returning: 8 new a year; at 1 in 5 that is 8 / 0.2 = 40 leads needed.
    assert '"Private coaching": needs 40 leads a year; your marketing reaches 30.' in (
        warnings_shown(app)
    )
    coaching = offer_row(app, "Private coaching")
    assert (coaching["leads_per_year"], coaching["leads_needed"]) == (30, pytest.approx(40))
    # The section says it too: 30 leads × 0.2 = 6 new buyers, and with half of the year's
    # buyers returning, 6 / (1 − 0.5) = 12 buyers a year at most.
    assert (
        "This plan needs 40 leads a year for its 8 new buyers; the leads you give bring at "
        "most 12 buyers a year."
    ) in [shown(item.value) for item in app.caption]


def test_the_team_section_writes_the_associate_share_and_shows_oversight(app):
    """The user lets associates lead half of Private coaching's sessions."""
    fill_section(app, "Team", associate_share=0.5, associate_cost_per_hour=100.0)
    # Coaching delivery 384 h + prep 192 h = 576 h; associates take half: 288 h, and your
    # oversight is 0.1 × 288 = 28.8 h. Their cost: 288 × 100 = 28,800.
    coaching = offer_row(app, "Private coaching")
    assert coaching["associate_hours"] == pytest.approx(288)
    assert coaching["oversight"] == pytest.approx(28.8)
    assert metric(app, "Net income a year") == "$157,700"  # 186,500 − 28,800


def test_an_online_program_has_a_demand_section_and_no_team(app):
    app.selectbox(key="new_offer_kind").set_value("online_program")
    app.button(key="add_offer").click().run()
    control = next(item for item in app.button_group if item.key == OFFER_SECTION)
    options = [shown(option) for option in control.options]
    assert "Demand" in options and "Team" not in options


def test_a_contract_switches_to_a_fixed_fee_without_the_not_both_error(app):
    """The user adds a contract (175 an hour, 200 h) and prices it at a fixed fee instead."""
    app.selectbox(key="new_offer_kind").set_value("contract").run()
    app.button(key="add_offer").click().run()
    index = len(app.session_state[DRAFT]["offers"]) - 1
    pricing = key(app, "offer", offer_id(app, index), "pricing")
    app.radio(key=pricing).set_value("Fixed fee").run()
    assert not app.exception and not app.error
    offer = app.session_state[DRAFT]["offers"][index]
    # The fee starts at what one contract earned by the hour: 200 h × 175 = 35,000.
    assert (offer["hourly_rate"], offer["fee_per_contract"]) == (None, 35_000)
    set_field(app, offer_key(app, index, "fee_per_contract"), "40,000")
    assert current(app).offers[index].fee_per_contract == 40_000
    app.radio(key=pricing).set_value("Billed by the hour").run()
    assert not app.exception and not app.error
    offer = app.session_state[DRAFT]["offers"][index]
    # Back by the hour at what the fee paid an hour: 40,000 / 200 h = 200.
    assert (offer["hourly_rate"], offer["fee_per_contract"]) == (200, None)


def test_a_version_1_upload_opens_with_a_quiet_note(app):
    path = VERSION_1 / "course-creator.yaml"
    assert yaml.safe_load(path.read_text())["schema_version"] == 1
    sidebar_uploader(app).upload("course-creator.yaml", path.read_bytes()).run()
    assert not app.exception and not app.error
    notes = [shown(item.value) for item in app.success]
    assert any(
        "saved by an earlier version" in note and "opens unchanged" in note for note in notes
    )
    assert current(app).schema_version == 2
    assert current(app).name == yaml.safe_load(path.read_text())["name"]


def test_a_version_2_upload_has_no_note(app):
    sidebar_uploader(app).upload("plan.yaml", yaml.safe_dump(current(app).model_dump()).encode())
    app.run()
    assert not any("earlier version" in shown(item.value) for item in app.success)


def test_a_version_1_link_opens_with_a_quiet_note():
    """A link made by version 1 carries a version-1 document: it opens, upgraded, with the note."""
    document = yaml.safe_load((VERSION_1 / "coach-one-to-one.yaml").read_text())
    compact = json.dumps(document, separators=(",", ":")).encode()
    token = base64.urlsafe_b64encode(zlib.compress(compact, 9)).decode().rstrip("=")
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[LINK_PARAMETER] = token
    at.run()
    assert not at.exception and not at.error
    notes = [shown(item.value) for item in at.success]
    assert any("shared link" in note and "earlier version" in note for note in notes)
    assert current(at).name == document["name"]


def test_a_plan_without_leads_or_associates_keeps_its_table_as_before(app):
    """Columns no offer uses stay out of the table: no crowding for a version-1 plan."""
    path = VERSION_1 / "coach-one-to-one.yaml"  # Maya before her discovery-call funnel
    sidebar_uploader(app).upload("coach-one-to-one.yaml", path.read_bytes()).run()
    assert not app.exception
    columns = list(offer_row(app, "Executive coaching").index)
    assert not {"leads_per_year", "leads_needed", "associate_hours", "oversight"} & set(columns)
    assert {"delivery", "business_development", "client_hours"} <= set(columns)
