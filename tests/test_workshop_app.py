"""The Workshop page through Streamlit's AppTest: every step of the journey, live edits,
the presenter view, a facilitator's own journey, and opening a step on the Plan page."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from models.evaluation import evaluate
from models.files import dump_scenario
from models.inputs import label
from models.journey import edited, load_journey, moves
from presentation.formatting import format_change
from presentation.headline import headlines
from presentation.levers import LEVERS
from tests.factories import coach_without_ranges, first_offer_with
from tests.shown_text import shown

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
WORKSHOP = "app/pages/workshop.py"


def journey_uploader(workshop):
    """The Workshop page's uploader (its key changes after each set of files read)."""
    return next(item for item in workshop.file_uploader if item.key.startswith("journey_upload"))


@pytest.fixture
def workshop():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(WORKSHOP).run()
    assert not at.exception
    return at


def net_income(scenario):
    return next(f.value for f in headlines(scenario, evaluate(scenario)) if f.key == "net_income")


def test_every_step_of_the_journey(workshop):
    """The facilitator steps through the journey and reads each step's lever and figures."""
    journey = load_journey()
    for number, step in enumerate(journey.steps, start=1):
        assert not workshop.exception
        assert shown(workshop.title[0].value) == step.scenario.name
        assert workshop.caption[0].value == f"Step {number} of 8 · {LEVERS[step.lever].title}"
        lever = LEVERS[step.lever]
        assert any(
            lever.does in item.value and lever.stops in item.value for item in workshop.markdown
        )
        income, _, leverage = workshop.metric[:3]
        assert income.value == net_income(step.scenario)
        previous = journey.steps[number - 2].scenario if number > 1 else None
        moved = moves(previous, step.scenario)
        if previous is None:
            assert income.delta in (None, "")
        else:
            change = format_change(moved[0].change, moved[0].unit, "USD")
            assert income.delta == f"{change} since step {number - 1}"
            assert leverage.delta.endswith(f"since step {number - 1}")
        field = workshop.number_input(key="journey_value")
        assert field.label == f"Call out a number: {label(step.scenario, step.main_input)}"
        assert len(workshop.get("vega_lite_chart")) == 1  # one chart a step
        assert workshop.button(key="journey_back").disabled == (number == 1)
        if number < len(journey.steps):
            workshop.button(key="journey_next").click().run()
    assert not workshop.exception
    assert workshop.button(key="journey_next").disabled


def test_a_number_called_out_moves_every_figure_and_is_kept_per_step(workshop):
    """The facilitator calls out a number, steps on and back, then resets it."""
    step = load_journey().steps[0]
    workshop.number_input(key="journey_value").set_value(7500.0).run()
    assert not workshop.exception
    changed = edited(step.scenario, step.main_input, 7500.0)
    assert workshop.metric[0].value == net_income(changed)
    workshop.button(key="journey_next").click().run()
    assert workshop.number_input(key="journey_value").value == 180  # step 2's own file
    workshop.button(key="journey_back").click().run()
    assert workshop.number_input(key="journey_value").value == 7500
    assert workshop.metric[0].value == net_income(changed)
    workshop.button(key="journey_reset").click().run()
    assert not workshop.exception
    assert workshop.number_input(key="journey_value").value == 6000
    assert workshop.metric[0].value == net_income(step.scenario)


def test_the_next_step_moves_from_the_edited_one(workshop):
    """The facilitator edits step 1, then goes on: the change is measured from the edit."""
    steps = load_journey().steps
    workshop.number_input(key="journey_value").set_value(7000.0).run()
    workshop.button(key="journey_next").click().run()
    assert not workshop.exception
    before = edited(steps[0].scenario, steps[0].main_input, 7000.0)
    income = moves(before, steps[1].scenario)[0]
    assert workshop.metric[0].delta.startswith(format_change(income.change, income.unit, "USD"))


def test_the_presenter_view_hides_the_menus_and_the_sidebar(workshop):
    """The facilitator turns the presenter view on, steps on, and turns it off."""
    assert len(workshop.sidebar.children) > 0
    workshop.toggle(key="presenter").set_value(True).run()
    assert not workshop.exception
    assert len(workshop.sidebar.children) == 0
    assert shown(workshop.title[0].value) == load_journey().steps[0].scenario.name
    workshop.button(key="journey_next").click().run()
    assert shown(workshop.title[0].value) == load_journey().steps[1].scenario.name
    assert not [button for button in workshop.button if button.key == "journey_open"]
    workshop.toggle(key="presenter").set_value(False).run()
    assert not workshop.exception
    assert len(workshop.sidebar.children) > 0


#: The workshop's buttons and their keys, as Streamlit names them.
KEYS = {
    "journey_next": "right",
    "journey_back": "left",
    "journey_page_down": "pagedown",
    "journey_page_up": "pageup",
}


def test_a_clickers_keys_and_the_warnings_of_the_presenter_view(workshop):
    """The facilitator steps with a clicker (Page Down / Page Up, which the browser test
    presses) to the last step, whose warning is shown in the presenter view's large type."""
    journey = load_journey()
    workshop.toggle(key="presenter").set_value(True).run()
    for _ in journey.steps[1:]:
        workshop.button(key="journey_page_down").click().run()
    assert not workshop.exception
    assert shown(workshop.title[0].value) == journey.steps[-1].scenario.name
    assert workshop.button(key="journey_page_down").disabled
    shortcuts = {key: workshop.button(key=key).proto.shortcut for key in KEYS}
    assert shortcuts == KEYS
    # 7 offers over 1,840 h: the model's own warning, in the container the style enlarges
    warnings = evaluate(journey.steps[-1].scenario).warnings
    assert warnings and [shown(item.value) for item in workshop.warning] == list(warnings)
    workshop.button(key="journey_page_up").click().run()
    assert shown(workshop.title[0].value) == journey.steps[-2].scenario.name


def test_a_facilitators_own_journey_replaces_the_shipped_one(workshop):
    """The facilitator uploads three step files, steps through them, then goes back."""
    steps = load_journey().steps
    files = [
        ("b-mastermind.yaml", dump_scenario(steps[4].scenario).encode(), "application/x-yaml"),
        ("c-retreat.yaml", dump_scenario(steps[5].scenario).encode(), "application/x-yaml"),
        ("a-online.yaml", dump_scenario(steps[3].scenario).encode(), "application/x-yaml"),
    ]
    workshop.button(key="journey_next").click().run()
    journey_uploader(workshop).set_value(files).run()
    assert not workshop.exception and not workshop.error
    assert shown(workshop.title[0].value) == steps[3].scenario.name  # back to step 1, in name order
    assert workshop.caption[0].value.startswith("Step 1 of 3")
    workshop.button(key="journey_next").click().run()
    assert shown(workshop.title[0].value) == steps[4].scenario.name
    assert workshop.caption[0].value == "Step 2 of 3 · Masterminds"
    workshop.button(key="journey_shipped").click().run()
    assert not workshop.exception
    assert workshop.caption[0].value.startswith("Step 1 of 8")


def test_a_journey_with_a_bad_step_is_refused_and_the_current_one_stays(workshop):
    """The facilitator uploads a journey with a bad step; the current journey stays."""
    good = dump_scenario(load_journey().steps[0].scenario)
    files = [
        ("01.yaml", good.encode(), "application/x-yaml"),
        ("02.yaml", good.replace("clients: 18", "clients: lots").encode(), "application/x-yaml"),
    ]
    workshop.button(key="journey_next").click().run()
    journey_uploader(workshop).set_value(files).run()
    assert not workshop.exception
    message = shown(workshop.error[0].value)
    assert "step 2 (02.yaml)" in message and "clients" in message
    assert workshop.caption[0].value.startswith("Step 2 of 8")  # nothing lost


def test_opening_a_step_on_the_plan_page_can_be_undone(workshop):
    """The facilitator opens an edited step on the Plan page; it can be undone."""
    step = load_journey().steps[0]
    workshop.number_input(key="journey_value").set_value(6500.0).run()
    workshop.button(key="journey_open").click().run()
    assert not workshop.exception
    assert shown(workshop.title[0].value) == step.scenario.name
    assert workshop.metric[0].value == net_income(edited(step.scenario, step.main_input, 6500.0))
    assert shown(workshop.button(key="undo").label) == "Undo: opening a workshop step"


def test_a_share_is_called_out_as_a_percentage(workshop):
    """A step whose lever is a share (a conversion rate of 20% → 25%): the room calls out
    "30", not "0.3", and the step's plan takes 0.3."""
    start = first_offer_with(coach_without_ranges(), leads_per_year=50, conversion_rate=0.2)
    files = [
        ("a-start.yaml", dump_scenario(start).encode(), "application/x-yaml"),
        (
            "b-conversion.yaml",
            dump_scenario(first_offer_with(start, conversion_rate=0.25)).encode(),
            "application/x-yaml",
        ),
    ]
    journey_uploader(workshop).set_value(files).run()
    workshop.button(key="journey_next").click().run()
    box = workshop.number_input(key="journey_value")
    assert box.label == "Call out a number: Executive coaching → Conversion rate (%)"
    assert box.value == 25  # 0.25 in the file
    assert box.max == 100 and 0 < box.min < 1  # the schema allows any share above 0
    assert "This step's file says 25%." in box.help
    box.set_value(30.0).run()
    assert not workshop.exception and not workshop.error
    assert workshop.session_state["journey_edits"] == {1: pytest.approx(0.3)}
    assert workshop.number_input(key="journey_value").value == 30
