"""Every example in scenarios/ validates and matches its committed expected results.

After a deliberate change of a formula, ``make expected`` rewrites the
``*.expected.json`` files, so the change shows as a diff in review.
"""

import json
from pathlib import Path

import pytest

from models import evaluate, load_scenario
from models.results import result_to_dict

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
    _assert_close(actual, expected, path.stem)


def _assert_close(actual, expected, where):
    if isinstance(expected, dict):
        assert actual.keys() == expected.keys(), where
        for key in expected:
            _assert_close(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert len(actual) == len(expected), where
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            _assert_close(got, want, f"{where}[{index}]")
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
