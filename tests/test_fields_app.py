"""Figures typed as people think of them, through Streamlit's AppTest: units on every field,
shares as percentages, money with separators, and a session length typed in minutes.

The default example is the starting point: 16 private clients at 6,000 a client, a
mastermind (2 h meetings) and a retreat, in USD.
"""

import re

import pytest
from pydantic import BaseModel

from app.editors import OFFERS_PART, PRACTICE_PART, SCENARIO_PART
from app.fields import _share_or_none, field_label, likely_minutes
from app.state import DRAFT
from models.schema import OFFER_MODELS, Practitioner, Schedule, is_numeric
from tests import test_app
from tests.shown_text import shown
from tests.test_app import key, offer_key, show_part
from tests.test_plan_v2_app import open_section
from tests.widgets import set_field

app = test_app.app  # the fixture: a fresh app session on its first screen

#: How a label may say each word of a unit: "h" as h or hours, "0-1" as %, the currency
#: as its code; any other word as itself, singular or plural.
_SPELLED = {"h": {"h", "hour", "hours"}, "0-1": {"%"}, "currency": {"USD"}}


def _numeric_fields() -> list[tuple[type[BaseModel], str]]:
    models: list[type[BaseModel]] = [Practitioner, *OFFER_MODELS.values(), Schedule]
    return [
        (model, name)
        for model in models
        for name, info in model.model_fields.items()
        if is_numeric(info)
    ]


@pytest.mark.parametrize(
    ("model", "name"), _numeric_fields(), ids=lambda item: getattr(item, "__name__", item)
)
def test_every_numeric_field_shows_its_unit_in_its_label(model, name):
    """Every number a person types says its unit: in brackets or in the title's own words."""
    info = model.model_fields[name]
    unit = info.json_schema_extra["unit"]
    label = field_label(info, "USD")
    words = set(re.findall(r"[A-Za-z%]+", label.lower().replace("usd", "USD")))
    parts = ["0-1"] if unit == "0-1" else re.split(r"[/ ]", unit)
    for part in parts:
        if part in ("per", "1-12"):
            continue
        spelled = _SPELLED.get(part, {part, part.removesuffix("s"), part + "s"})
        assert words & spelled, f"{label!r} does not say {part!r} of {unit!r}"


def test_session_and_meeting_length_say_hours():
    """The two fields whose title hides an 'h' in 'length' show their unit."""
    assert field_label(OFFER_MODELS["one_to_one"].model_fields["session_hours"], "USD") == (
        "Session length (h)"
    )
    assert field_label(OFFER_MODELS["mastermind"].model_fields["meeting_hours"], "USD") == (
        "Meeting length (h)"
    )


def test_a_share_typed_as_50_percent_is_stored_as_one_half(app):
    """The user types a 50% tax rate: the draft (and so the file) holds 0.5, the box 50."""
    show_part(app, PRACTICE_PART)
    tax_key = key(app, "practitioner", "tax_rate")
    assert app.number_input(key=tax_key).label == "Tax rate on net income (%)"
    set_field(app, tax_key, 50)
    assert app.session_state[DRAFT]["practitioner"]["tax_rate"] == 0.5
    assert app.number_input(key=tax_key).value == 50
    # Net income 186,500 × 50% = 93,250 tax.
    card = next(item for item in app.metric if item.label == "Net income a year")
    assert card.delta == "$93,250 tax at 50%"


def test_returning_share_typed_as_25_is_stored_as_a_quarter(app):
    """The coaching's returning buyers, typed as 50 on the Sales section, are 0.5 in the draft."""
    open_section(app, "Sales")
    box = app.number_input(key=offer_key(app, 0, "returning_share"))
    assert box.label == "Share of returning buyers (%)"
    assert box.step == 1
    set_field(app, offer_key(app, 0, "returning_share"), 25)
    assert app.session_state[DRAFT]["offers"][0]["returning_share"] == 0.25
    assert app.number_input(key=offer_key(app, 0, "returning_share")).value == 25


def test_a_price_typed_with_separators_is_stored_as_a_number_and_shown_grouped(app):
    """The user types "12,000" as the coaching's price: the draft holds 12000.0 and the box
    shows "12,000"; typed as "9000" it comes back as "9,000"."""
    price_key = offer_key(app, 0, "price_per_client")
    assert app.text_input(key=price_key).value == "6,000"  # no ".00" for whole dollars
    set_field(app, price_key, "12,000")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 12000.0
    assert app.text_input(key=price_key).value == "12,000"
    set_field(app, price_key, "$9000")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 9000.0
    assert app.text_input(key=price_key).value == "9,000"


def test_a_price_that_is_not_an_amount_is_named_and_the_draft_keeps_its_value(app):
    """The user types "twelve", then "-5": a message names the field and says what is wrong,
    and the plan keeps the last price that was an amount."""
    price_key = offer_key(app, 0, "price_per_client")
    set_field(app, price_key, "twelve")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 6000
    errors = [shown(item.value) for item in app.error]
    assert any(
        "Price per client: “twelve” is not an amount" in error and "12,000" in error
        for error in errors
    )
    set_field(app, price_key, "-5")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 6000
    assert any("Price per client: “-5” is below zero" in shown(e.value) for e in app.error)
    set_field(app, price_key, "7,500")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 7500.0
    assert not any("Price per client" in shown(item.value) for item in app.error)


def test_an_empty_target_is_no_target(app):
    """The target is optional: emptying its box removes the target, typing it back sets it."""
    show_part(app, SCENARIO_PART)
    target_key = key(app, "practitioner", "target_net_income")
    assert app.text_input(key=target_key).value == "200,000"
    set_field(app, target_key, "")
    assert app.session_state[DRAFT]["practitioner"]["target_net_income"] is None
    set_field(app, target_key, "150,000")
    assert app.session_state[DRAFT]["practitioner"]["target_net_income"] == 150000.0


def test_a_session_of_60_hours_asks_whether_minutes_were_meant(app):
    """The user types 60 for the session length: a warning under it asks about minutes, and
    the figure stays 60 h (a question, not a refusal)."""
    session_key = offer_key(app, 0, "session_hours")
    assert app.number_input(key=session_key).label == "Session length (h)"
    assert not any("did you mean" in shown(item.value) for item in app.warning)
    set_field(app, session_key, 60.0)
    assert app.session_state[DRAFT]["offers"][0]["session_hours"] == 60.0
    assert "60 h for one session: did you mean 60 minutes? That is 1 h." in [
        shown(item.value) for item in app.warning
    ]


def test_a_conversion_rate_typed_as_10_is_one_in_ten(app):
    """The optional conversion rate: 10 typed is 0.1 in the draft (the example has 0.2)."""
    open_section(app, "Demand")
    rate_key = offer_key(app, 0, "conversion_rate")
    assert app.number_input(key=rate_key).value == 20
    set_field(app, rate_key, 10)
    assert app.session_state[DRAFT]["offers"][0]["conversion_rate"] == 0.1


def test_an_emptied_percentage_box_is_none():
    """An optional share left empty stays none (AppTest cannot empty a number box)."""
    assert _share_or_none(None) is None
    assert _share_or_none(12.5) == 0.125


def test_a_yen_price_has_no_decimals_and_refuses_some(app):
    """In yen the price box shows whole yen, and "6000.5" is named as too precise."""
    show_part(app, SCENARIO_PART)
    currency_key = key(app, "scenario", "currency")
    app.selectbox(key=currency_key).set_value("JPY").run()
    show_part(app, OFFERS_PART)
    price_key = offer_key(app, 0, "price_per_client")
    box = app.text_input(key=price_key)
    assert (box.label, box.value) == ("Price per client (JPY/client)", "6,000")
    set_field(app, price_key, "¥7,000")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 7000.0
    set_field(app, price_key, "6000.5")
    assert app.session_state[DRAFT]["offers"][0]["price_per_client"] == 7000.0
    assert any("JPY amounts have no decimals" in shown(item.value) for item in app.error)


@pytest.mark.parametrize(
    ("kind", "name", "value", "question"),
    [
        (
            "one_to_one",
            "session_hours",
            60,
            "60 h for one session: did you mean 60 minutes? That is 1 h.",
        ),
        (
            "mastermind",
            "meeting_hours",
            90,
            "90 h for one meeting: did you mean 90 minutes? That is 1.5 h.",
        ),
        (
            "one_to_one",
            "prep_hours_per_session",
            45,
            "45 h for one session: did you mean 45 minutes? That is 0.75 h.",
        ),
        ("one_to_one", "session_hours", 12, None),  # a long day is still a day
        ("retreat", "retreat_hours", 24, None),  # a retreat is many sessions
        ("contract", "hours_per_contract", 200, None),
    ],
)
def test_only_an_hour_figure_of_one_session_or_meeting_asks_about_minutes(
    kind, name, value, question
):
    info = OFFER_MODELS[kind].model_fields[name]
    assert likely_minutes(name, info, value) == question
