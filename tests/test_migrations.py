"""Version-1 files keep their meaning in version 2 (docs/scenario-format.md, "Versions").

Every example as it was saved in version 1 (tests/fixtures/version-1, with the
results version 1 computed for it) and hypothesis-generated version-1
documents are migrated and evaluated: every figure version 1 had is the same to
1e-9, and the figures version 2 adds are the neutral ones (no tax, no
associates, no oversight, no leads).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given

from models import dump_scenario, evaluate
from models.files import parse_document, read_scenario
from models.migrations import migrate
from models.results import result_to_dict
from models.schema import ADDED_IN_VERSION_2, OFFER_MODELS, Practitioner
from tests.strategies import scenarios
from tests.test_examples import assert_close

VERSION_1 = Path(__file__).parent / "fixtures" / "version-1"
SAVED_IN_VERSION_1 = sorted(VERSION_1.glob("*.yaml"))

#: Keys version 2 added to the JSON of ``leverage evaluate`` (they are absent from version 1's).
ADDED_KEYS = {
    "tax",
    "take_home",
    "delivery_capacity_hours",
    "associate_hours",
    "team_leverage",
    "assistant_hours",
    "reach_through_others",
    "oversight",
    "new_buyers",
    "leads_needed",
    "demand_limit",
    "market_limit",
    "marketing_costs",
    "associate_costs",
}


def _assert_same_version_1_figures(actual, expected, where):
    """Every key of version 1's results has the same value (numbers to 1e-9)."""
    assert_close(actual, expected, where, ADDED_KEYS)


def _assert_neutral_version_2_figures(result):
    totals = result.totals
    assert totals.tax == 0
    assert totals.take_home == totals.net_income
    assert totals.associate_hours == 0
    assert totals.hours.oversight == 0
    assert totals.delivery_capacity_hours is None
    assert totals.reach_through_others == 0
    for offer in result.offers:
        assert offer.leads_needed is None
        assert offer.demand_limit is None
        assert offer.marketing_costs == 0 == offer.associate_costs


def test_the_fixtures_are_the_examples_as_version_1_saved_them():
    assert len(SAVED_IN_VERSION_1) == 7
    for path in SAVED_IN_VERSION_1:
        assert path.read_text().startswith("schema_version: 1\n"), path.name


@pytest.mark.parametrize("path", SAVED_IN_VERSION_1, ids=lambda path: path.stem)
def test_every_example_saved_in_version_1_opens_with_the_same_figures(path):
    loaded = read_scenario(path)
    assert loaded.saved_version == 1 and loaded.upgraded
    result = evaluate(loaded.scenario)
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    _assert_same_version_1_figures(
        json.loads(json.dumps(result_to_dict(result))), expected, path.stem
    )
    _assert_neutral_version_2_figures(result)


@pytest.mark.parametrize("path", SAVED_IN_VERSION_1, ids=lambda path: path.stem)
def test_a_version_1_file_is_saved_again_as_version_2_and_reads_back_the_same(path):
    scenario = read_scenario(path).scenario
    saved = dump_scenario(scenario)
    assert saved.startswith("schema_version: 2\n")
    again = read_scenario(saved)
    assert not again.upgraded
    assert again.scenario == scenario


def test_migrating_changes_only_the_version_and_not_the_callers_document():
    document = parse_document((VERSION_1 / "coach-one-to-one.yaml").read_text())
    before = json.dumps(document, sort_keys=True)
    upgraded = migrate(document)
    assert json.dumps(document, sort_keys=True) == before
    assert upgraded == {**document, "schema_version": 2}


@given(scenarios(version=1))
def test_a_generated_version_1_document_evaluates_to_the_same_figures_as_version_2(scenario):
    # The document as version 1 wrote it: no field version 2 added, version number 1.
    document = parse_document(dump_scenario(scenario))
    document["schema_version"] = 1
    assert not ADDED_IN_VERSION_2 & _keys(document)
    migrated = read_scenario(json.dumps(document)).scenario
    # Version 2 with every added field written out at its default must give the same year.
    explicit = read_scenario(json.dumps(_with_version_2_defaults(migrated))).scenario
    first, second = evaluate(migrated), evaluate(explicit)
    _assert_same_version_1_figures(
        json.loads(json.dumps(result_to_dict(second))),
        json.loads(json.dumps(result_to_dict(first))),
        "scenario",
    )
    _assert_neutral_version_2_figures(first)
    # and version 1's own identities hold
    totals = first.totals
    own_hours = sum(offer.total_hours for offer in first.offers)
    fixed_admin = scenario.practitioner.admin_hours_per_week * scenario.practitioner.weeks_per_year
    assert math.isclose(totals.total_hours, own_hours + fixed_admin, rel_tol=1e-9, abs_tol=1e-6)
    assert math.isclose(
        totals.net_income,
        totals.revenue - totals.direct_costs - scenario.practitioner.fixed_costs_per_year,
        rel_tol=1e-9,
        abs_tol=1e-6,
    )


def _keys(document):
    keys = set(document) | set(document.get("practitioner", {}))
    for offer in document.get("offers", []):
        keys |= set(offer)
    return keys


def _with_version_2_defaults(scenario):
    """The scenario's document with every field version 2 added written out at its default."""
    document = scenario.model_dump(mode="json", exclude_none=True)
    for name in ADDED_IN_VERSION_2 & set(Practitioner.model_fields):
        default = Practitioner.model_fields[name].default
        if default is not None:
            document["practitioner"].setdefault(name, default)
    for offer in document["offers"]:
        fields = OFFER_MODELS[offer["kind"]].model_fields
        for name in ADDED_IN_VERSION_2 & set(fields):
            default = fields[name].default
            if default is not None:
                offer.setdefault(name, default)
    return document
