"""The leverage journey: its steps, levers, main inputs and moves, and journeys that fail."""

import json

import pytest
import yaml

from models.compare import HEADLINE_METRICS
from models.errors import ScenarioError
from models.evaluation import evaluate
from models.files import dump_scenario
from models.inputs import Input
from models.journey import (
    JOURNEY_DIRECTORY,
    JourneyError,
    demand_stop,
    edited,
    journey_from_files,
    journey_from_scenarios,
    load_journey,
    moves,
)
from models.levers import ONLINE
from models.scale import scale_offer
from models.schema import OneToOne, Scenario
from presentation.levers import LEVERS
from tests.cli_run import leverage
from tests.factories import coaching


def offer_named(scenario, name):
    return next(offer for offer in scenario.offers if offer.name == name)


def practice(*offers, **changes) -> Scenario:
    """A practitioner with the default week and the given offers."""
    return Scenario.model_validate(
        {"name": "Practice", "practitioner": {}, "offers": list(offers)} | changes
    )


def test_the_shipped_journey_goes_from_one_to_one_to_licensing():
    journey = load_journey()
    assert [step.lever for step in journey.steps] == [
        "one_to_one",
        "contract",
        "group_program",
        ONLINE,
        "mastermind",
        "retreat",
        "online_program",
        "licensing",
    ]
    assert [step.source for step in journey.steps] == sorted(
        path.name for path in JOURNEY_DIRECTORY.glob("*.yaml")
    )
    for step in journey.steps:
        assert step.lever in LEVERS
        assert step.scenario.description, step.source  # every step tells its story


def test_each_step_of_the_shipped_journey_makes_one_change():
    steps = load_journey().steps
    assert steps[0].changes == ()
    # Steps 2 and 5-8 add one offer and change nothing else.
    for step in (steps[1], *steps[4:]):
        assert [(change.field, change.old) for change in step.changes] == [("", None)], step.source
    # Step 3 moves a third of the 18 clients into a new group of 6.
    group = steps[2]
    assert [str(change) for change in group.changes] == [
        "“Private coaching”: Clients per year: 18 → 12",
        "Added “Leaders circle” (group program)",
    ]
    assert offer_named(group.scenario, "Leaders circle").participants_per_group == 6
    # Step 4 moves the live offers online: delivery and what travel cost, nothing else.
    online = steps[3]
    assert {change.field for change in online.changes} <= {
        "delivery",
        "travel_hours_per_session",
        "travel_cost_per_session",
        "venue_cost_per_session",
    }
    assert all(
        not offer.in_person
        for offer in online.scenario.offers
        if offer.kind in ("one_to_one", "group_program")
    )


def test_a_step_lever_and_main_input_come_from_what_changed():
    one = coaching(delivery="in_person", travel_hours_per_session=0.5)
    first = practice(one.model_dump())
    grown = practice(
        one.model_dump(),
        {
            "kind": "mastermind",
            "name": "Circle",
            "cohorts": 1,
            "members_per_cohort": 8,
            "fee_per_member_per_month": 500,
            "months": 6,
            "meetings_per_month": 2,
            "meeting_hours": 2,
        },
    )
    online = practice(coaching().model_dump(), grown.offers[1].model_dump())
    priced = practice(coaching().model_dump(), grown.offers[1].model_dump() | {"months": 9})
    journey = journey_from_scenarios(
        [("1.yaml", first), ("2.yaml", grown), ("3.yaml", online), ("4.yaml", priced)]
    )
    assert [(step.lever, step.main_input) for step in journey.steps] == [
        ("one_to_one", Input("Coaching", OneToOne.main_field)),
        ("mastermind", Input("Circle", "members_per_cohort")),
        (ONLINE, Input("Coaching", "clients")),
        ("mastermind", Input("Circle", "months")),  # a number changed: its offer's lever
    ]


def test_moves_are_the_change_since_the_step_before():
    # Coaching: 10 clients × 5,000 = 50,000 a year; at 12 clients, 60,000: +10,000.
    # Hours: 24 sessions × 1 h a client, so 2 more clients add 48 h of delivery, plus
    # their selling and admin hours.
    before = practice(coaching().model_dump())
    after = practice(coaching(clients=12).model_dump())
    income, hours, leverage = moves(before, after)
    assert (income.metric, income.value, income.change) == ("net_income", 60_000, 10_000)
    assert hours.change == pytest.approx(
        evaluate(after).totals.total_hours - evaluate(before).totals.total_hours
    )
    assert hours.change >= 48  # at least the 48 delivery hours of 2 more clients
    assert leverage.label == HEADLINE_METRICS["leverage"][0]
    first = moves(None, before)
    assert [move.change for move in first] == [None, None, None]
    assert first[0].value == 50_000


def test_an_edit_is_validated_like_a_file():
    scenario = load_journey().steps[-1].scenario
    licensing = Input("Licensed leaders circle", "licensees")
    assert offer_named(edited(scenario, licensing, 10), "Licensed leaders circle").licensees == 10
    with pytest.raises(ScenarioError, match="licensees"):
        edited(scenario, licensing, 1)  # fewer active licensees than the 2 new ones a year


def test_a_journey_with_bad_steps_names_every_file_and_problem(tmp_path):
    good = dump_scenario(load_journey().steps[0].scenario)
    (tmp_path / "01-start.yaml").write_text(good)
    (tmp_path / "02-broken.yaml").write_text(good.replace("clients: 18", "clients: -3"))
    (tmp_path / "03-typo.yaml").write_text(good.replace("session_hours:", "sesion_hours:"))
    (tmp_path / "notes.txt").write_text("not a step")
    with pytest.raises(JourneyError) as caught:
        load_journey(tmp_path)
    message = str(caught.value)
    assert "step 2 (02-broken.yaml)" in message and "clients" in message
    assert "step 3 (03-typo.yaml)" in message and "Did you mean `session_hours`?" in message
    assert "01-start" not in message and "notes.txt" not in message


def test_a_journey_needs_steps_with_offers(tmp_path):
    with pytest.raises(JourneyError, match="is not a folder"):
        load_journey(tmp_path / "missing")
    with pytest.raises(JourneyError, match="holds no scenario file"):
        load_journey(tmp_path)
    empty = dump_scenario(practice())
    with pytest.raises(JourneyError, match=r"step 1 \(a.yaml\) has no enabled offer"):
        journey_from_files([("a.yaml", empty.encode())])


def test_uploaded_steps_are_taken_in_order_of_their_names():
    steps = load_journey().steps
    files = [(step.source, dump_scenario(step.scenario).encode()) for step in steps[:3]]
    journey = journey_from_files(list(reversed(files)))
    assert [step.source for step in journey.steps] == [step.source for step in steps[:3]]
    assert [step.lever for step in journey.steps] == ["one_to_one", "contract", "group_program"]


def test_leverage_journey_prints_each_step():
    completed = leverage("journey", "--json")
    assert completed.returncode == 0, completed.stderr
    steps = json.loads(completed.stdout)["steps"]
    journey = load_journey()
    assert [step["lever"] for step in steps] == [step.lever for step in journey.steps]
    for printed, step in zip(steps, journey.steps, strict=True):
        assert printed["figures"]["net_income"]["value"] == pytest.approx(
            evaluate(step.scenario).totals.net_income
        )
    assert steps[0]["figures"]["net_income"]["change"] is None
    assert steps[1]["figures"]["net_income"]["change"] == pytest.approx(
        steps[1]["figures"]["net_income"]["value"] - steps[0]["figures"]["net_income"]["value"]
    )
    table = leverage("journey")
    assert "Franchising and licensing" in table.stdout


def test_leverage_journey_explains_a_bad_folder(tmp_path):
    (tmp_path / "01.yaml").write_text(yaml.safe_dump({"name": "x"}))
    completed = leverage("journey", str(tmp_path))
    assert completed.returncode == 1
    assert "step 1 (01.yaml)" in completed.stderr and "Traceback" not in completed.stderr


def test_the_online_program_step_is_stopped_by_demand_not_hours():
    journey = load_journey()
    stops = {step.source: demand_stop(step.scenario, step.main_input) for step in journey.steps}
    online = stops.pop("07-online-program.yaml")
    # Only the online program's step has a lever that demand stops first.
    assert set(stops.values()) == {None}
    assert online is not None
    # Alex's list of 7,500 at a 2% launch conversion: 7,500 × 0.02 = 150 students a year (none
    # return), exactly the plan; the hours would take the scale ceiling's 334 students.
    assert (online.offer, online.leads_per_year, online.conversion_rate) == (
        "Leading teams online",
        7500,
        0.02,
    )
    assert online.demand_limit == pytest.approx(150)
    step = journey.steps[6]
    lever = scale_offer(step.scenario, "Leading teams online")
    assert lever.bound in ("time", "market")
    if lever.bound == "time":  # a scale that does not count the funnel as a market yet
        assert online.buyers_your_hours_allow == lever.ceiling.quantity == 334
    assert online.buyers_your_hours_allow == 334
    assert evaluate(step.scenario).totals.free_hours > 0


def test_demand_does_not_stop_a_lever_that_hours_stop_first():
    # 10 clients × 24 h + 0 prep on a 40 h × 46 week year: hours allow far more than 10, so a
    # funnel of 100 calls at 1 in 5 (20 new clients a year, 20 in all) stops the lever first;
    # of 1,000 calls (200 clients) the hours stop it first: no demand stop.
    small = practice(coaching(leads_per_year=100, conversion_rate=0.2))
    large = practice(coaching(leads_per_year=1000, conversion_rate=0.2))
    where = Input("Coaching", "clients")
    stop = demand_stop(small, where)
    assert stop is not None and stop.demand_limit == pytest.approx(20)
    assert stop.buyers_your_hours_allow is not None and stop.buyers_your_hours_allow > 20
    assert demand_stop(large, where) is None
    # Without a funnel there is no demand limit to speak of.
    assert demand_stop(practice(coaching()), where) is None


def test_the_workshop_says_demand_stops_the_online_program():
    """The facilitator reaches step 7 and reads that the list, not the hours, stops the course."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).parent.parent / "streamlit_app.py")
    at = AppTest.from_file(app, default_timeout=60).run()
    at.switch_page("app/pages/workshop.py").run()
    for _ in range(6):
        assert not at.exception
        assert not at.info
        at.button(key="journey_next").click().run()
    assert not at.exception
    assert [item.value for item in at.info] == [
        "Demand, not your hours, stops this lever: 7,500 leads a year at 2% bring 150 buyers "
        "a year; your hours would allow 334."
    ]
