"""Decide → how sure: the ranges, the empty case, ±20% on every figure and the drivers, in the app."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from models.files import scenario_from_document
from models.sharing import LINK_PARAMETER, encode_scenario
from models.uncertainty import simulate
from presentation.formatting import format_money
from tests.factories import COACHING, PRACTITIONER
from tests.test_app import APP, current, metric

#: The Decide section's names this part has gone by: the tests find it by either.
SECTION_NAMES = ("How sure",)


def how_sure(at: AppTest) -> AppTest:
    """Open the Decide page's section on how sure the plan is."""
    at.switch_page("app/pages/decide.py").run()
    control = at.segmented_control(key="decide_section")
    control.set_value(next(name for name in control.options if name in SECTION_NAMES)).run()
    assert not at.exception
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The Vega-Lite specs of the charts on screen, in order."""
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def x_field(spec: dict) -> str:
    """The field a chart (or its first layer) puts along x."""
    return (spec["layer"][0] if "layer" in spec else spec)["encoding"]["x"]["field"]


@pytest.fixture
def coach():
    """A session on a one-offer practice without ranges (its figures worked in test_decide)."""
    scenario = scenario_from_document(
        {
            "name": "Hand-worked practice",
            "practitioner": PRACTITIONER,
            "offers": [COACHING | {"clients": 12, "returning_share": 0.9}],
        }
    )
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[LINK_PARAMETER] = encode_scenario(scenario)
    at.run()
    assert not at.exception
    return at


def test_without_ranges_the_section_says_how_to_give_some_and_draws_nothing(coach):
    """The user opens how sure with no figure ranged: a message says how, no chart of one plan."""
    app = how_sure(coach)
    (message,) = [info.value for info in app.info if "range" in info.value]
    assert message.startswith("**Give some figures a range first.**")
    assert "**Ranges of**" in message and "the button below" in message
    assert app.button(key="range_every_figure").label == "±20% on every figure"
    assert not app.metric and not chart_specs(app)
    assert not [frame for frame in app.dataframe if "Mean" in frame.value.columns]


def test_twenty_percent_on_every_figure_ranges_the_whole_plan_and_the_drivers_appear(coach):
    """The user clicks "±20% on every figure": every figure of the plan gets a range, the
    simulation runs and says what drives the spread; Undo takes the ranges away again."""
    app = how_sure(coach)
    app.button(key="range_every_figure").click().run()
    assert not app.exception
    scenario = current(app)
    # By hand: you — hours a week, weeks a year, admin hours a week, fixed costs (4; the
    # assistant and the tax rate are 0); Coaching — clients, sessions per client, session
    # length, price, prep hours, oversight (0.1 by default), selling hours a sale, returning
    # share (8; travel, venue, associates and costs per sale are 0): 12 figures.
    assert len(scenario.practitioner.ranges or {}) == 4
    assert len(scenario.offers[0].ranges or {}) == 8
    assert any(success.value.startswith("12 figures") for success in app.success)
    assert scenario.offers[0].ranges["clients"] == [10, 14]  # 12 ± 2.4, to whole clients
    assert not [info for info in app.info if "range first" in info.value]
    expected = simulate(scenario, 10_000, 1)
    assert metric(app, "Cautious (P10)") == format_money(expected.net_income.p10, "USD")
    assert metric(app, "Middle (P50)") == format_money(expected.net_income.p50, "USD")
    assert metric(app, "Hopeful (P90)") == format_money(expected.net_income.p90, "USD")
    # Clients, price and fixed costs move net income; the 9 others move hours or nothing.
    assert {driver.field for driver in expected.drivers} == {
        "clients",
        "price_per_client",
        "fixed_costs_per_year",
    }
    assert any(
        caption.value.startswith("The figures that move net income")
        and "9 others with a range move only hours, or nothing" in caption.value
        for caption in app.caption
    )
    histogram, drivers = chart_specs(app)
    assert (x_field(histogram), x_field(drivers)) == ("start", "share")
    app.button(key="undo").click().run()
    assert not app.exception
    assert current(app).offers[0].ranges is None and current(app).practitioner.ranges is None
    assert [info for info in app.info if "range first" in info.value]


def test_the_legend_names_only_the_outcomes_drawn(coach):
    """Every plan of a narrow range reaches the target: the legend names no empty outcome."""
    app = how_sure(coach)
    app.selectbox(key="ranges_section").set_value("Coaching").run()
    app.selectbox(key="ranges_field").set_value("Price per client").run()
    field_key = next(
        widget.key for widget in app.number_input if widget.key.endswith(":price_per_client:low")
    )
    app.number_input(key=field_key).set_value(3900.0).run()
    app.number_input(key=field_key.replace(":low", ":high")).set_value(4200.0).run()
    assert not app.exception
    # 12 clients × 3,900 … 4,200 − 5,000 = 41,800 … 45,400: below the target of 60,000 in every
    # plan, and 12 × 37 + 135 = 579 h of 1,800 h fits in every plan.
    histogram, _ = chart_specs(app)  # and the drivers: the price alone
    assert histogram["encoding"]["color"]["scale"]["domain"] == ["below the target"]


def test_a_shares_range_is_typed_in_percent_and_kept_as_a_share(coach):
    """The user gives the returning share (90%) a range of 80% to 95%: the file keeps 0.8 to 0.95,
    as it keeps the share itself (typed as 50 on the Plan page, saved as 0.5)."""
    from models.inputs import Input, label
    from tests.test_app import key

    app = how_sure(coach)
    scenario = current(app)
    offer = scenario.offers[0]
    app.selectbox(key="ranges_section").set_value(offer.name).run()
    title = label(scenario, Input(offer.name, "returning_share")).split(" → ", 1)[1]
    app.selectbox(key="ranges_field").set_value(title).run()
    low = app.number_input(key=key(app, "range", offer.name, "returning_share", "low"))
    assert low.label.startswith("Low (%)")
    low.set_value(80).run()
    app.number_input(key=key(app, "range", offer.name, "returning_share", "high")).set_value(
        95
    ).run()
    assert not app.exception
    assert current(app).offers[0].ranges["returning_share"] == [0.8, 0.95]
