"""Every example in scenarios/ validates and matches its committed expected results.

After a deliberate change of a formula, ``make expected`` rewrites the
``*.expected.json`` files, so the change shows as a diff in review.
"""

import json
from pathlib import Path

import pytest

from models import evaluate, load_scenario
from models.files import read_scenario
from models.results import result_to_dict
from models.schema import SCHEMA_VERSION

SCENARIO_DIR = Path(__file__).parent.parent / "scenarios"
EXAMPLES = sorted(SCENARIO_DIR.glob("*.yaml"))


def test_there_are_at_least_six_examples_each_with_expected_results():
    assert len(EXAMPLES) >= 6
    for path in EXAMPLES:
        assert path.with_suffix(".expected.json").exists(), f"{path.name} has no expected results"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_matches_its_expected_results(path):
    scenario = load_scenario(path)
    assert len(scenario.description) > 200, "an example tells its story and its sources"
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    actual = json.loads(json.dumps(result_to_dict(evaluate(scenario))))
    assert_close(actual, expected, path.stem)


def assert_close(actual, expected, where, added_keys=frozenset()):
    """Every key of ``expected`` has the same value in ``actual`` (numbers to 1e-9), and
    ``actual`` has no other key but ``added_keys``."""
    if isinstance(expected, dict):
        assert set(expected) <= set(actual) <= set(expected) | added_keys, where
        for key in expected:
            assert_close(actual[key], expected[key], f"{where}.{key}", added_keys)
    elif isinstance(expected, list):
        assert len(actual) == len(expected), where
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            assert_close(got, want, f"{where}[{index}]", added_keys)
    elif isinstance(expected, float):
        assert actual == pytest.approx(expected, rel=1e-9, abs=1e-9), where
    else:
        assert actual == expected, where


def test_the_full_capacity_coach_is_nearly_full_and_the_group_frees_hours():
    full = evaluate(load_scenario(SCENARIO_DIR / "coach-one-to-one.yaml")).totals
    group = evaluate(load_scenario(SCENARIO_DIR / "coach-group-program.yaml")).totals
    assert 0.95 <= full.utilization <= 1.0
    assert group.total_hours < full.total_hours
    assert group.leverage > full.leverage


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_is_saved_as_version_2(path):
    assert read_scenario(path).saved_version == SCHEMA_VERSION == 2


def test_every_offer_of_the_portfolio_has_the_demand_it_really_has():
    # The best mix grows counts only within each offer's market: none may be unlimited, and
    # the plan itself sells within every one of them.
    scenario = load_scenario(SCENARIO_DIR / "portfolio-every-lever.yaml")
    result = evaluate(scenario)
    for offer, figures in zip(scenario.offers, result.offers, strict=True):
        assert offer.market_limit is not None, offer.name
        assert figures.buyers <= offer.market_limit, offer.name
    # the online program: a list of 15,000 at a 2% launch conversion = 300 students
    online = next(offer for offer in scenario.offers if offer.kind == "online_program")
    assert online.demand_limit == pytest.approx(300)


def test_the_course_stops_at_its_list_and_the_consultants_associate_frees_hours():
    course = load_scenario(SCENARIO_DIR / "course-creator.yaml")
    program = next(offer for offer in course.offers if offer.kind == "online_program")
    # 15,000 × 2% = 300 students: the plan sells all the list will buy
    assert program.demand_limit == pytest.approx(program.students) == 300
    consultant = evaluate(load_scenario(SCENARIO_DIR / "consultant-contract-work.yaml"))
    contract = consultant.offer("Hospital operations review")
    # half of 600 h on site + 75 h prep + 150 h travel: 412.5 h the associate's, at 70 an hour
    assert contract.associate_hours == pytest.approx(412.5)
    assert contract.associate_costs == pytest.approx(412.5 * 70)
    assert consultant.totals.team_leverage == pytest.approx(412.5 / 660)
