"""Presentation at the edge: the model's tables keep numbers and codes, the words come after."""

import pandas as pd
import pytest

from models import Practitioner, Scenario, evaluate
from models.scale import scale
from models.tables import levers_table
from models.templates import new_offer
from presentation.levers import BOUND_WORDS, levers_in_words
from tests.factories import coaching

# 40 h × 46 weeks = 1,840 h a year, no fixed admin: 1:1 clients of 24 h stop at 76 (time).
YEAR = Practitioner(hours_per_week=40, weeks_per_year=46, admin_hours_per_week=0)


def _levers(scenario: Scenario) -> pd.DataFrame:
    return levers_table(scale(scenario), evaluate(scenario))


def test_the_levers_table_keeps_the_plan_a_number_with_its_unit_beside_it():
    scenario = Scenario(
        name="Two", practitioner=YEAR, offers=[coaching(clients=16, max_sales_per_year=30)]
    )
    table = _levers(scenario)
    assert pd.api.types.is_numeric_dtype(table["plan"])
    row = table.iloc[0]
    assert (row["plan"], row["quantity_unit"]) == (16, "clients")
    # the market binds at 30 clients before the hours do at 76: a code, not words
    assert (row["ceiling"], row["bound_by"]) == (30, "market")


def test_licensing_counts_active_licensees():
    licensing = new_offer("licensing")
    table = _levers(Scenario(name="L", practitioner=YEAR, offers=[licensing]))
    assert table.iloc[0]["quantity_unit"] == "active licensees"
    assert table.iloc[0]["plan"] == licensing.licensees


def test_levers_in_words_says_what_binds_and_leaves_the_numbers():
    scenario = Scenario(name="One", practitioner=YEAR, offers=[coaching()])
    table = _levers(scenario)
    said = levers_in_words(table)
    assert said.iloc[0]["bound_by"] == "your hours" == BOUND_WORDS["time"]
    assert table.iloc[0]["bound_by"] == "time", "the model's table is left as it was"
    numbers = [column for column in table.columns if column != "bound_by"]
    pd.testing.assert_frame_equal(said[numbers], table[numbers])


def test_a_plan_whose_months_are_all_alike_has_no_peak_month():
    """Fixed admin only: every month holds the same hours, so month 1 is no peak."""
    from models.templates import blank_scenario
    from models.timeline import build_timeline
    from presentation.timeline import busiest_month_words, every_month_the_same, milestones

    plan = build_timeline(blank_scenario()).timeline
    # No offer: each month holds fixed admin only, 4 h a week × 46 weeks ÷ 12 = 15.33 h.
    assert [month.hours.total for month in plan.months] == pytest.approx([4 * 46 / 12] * 36)
    assert every_month_the_same(plan)
    assert busiest_month_words(plan) == "none"
    assert milestones(plan)[0] == "Peak month: none, every month the same"
    assert "Peak month: 1" not in milestones(plan)


def test_the_busiest_month_is_named_when_one_month_is_busier():
    from models.examples import load_example
    from models.timeline import build_timeline
    from presentation.timeline import busiest_month_words, milestones

    # The default example's autumn retreat makes month 10 the busiest (tests/test_app.py).
    plan = build_timeline(load_example("coach-mastermind-retreat")).timeline
    assert busiest_month_words(plan) == f"month {plan.peak_month}"
    assert milestones(plan)[0] == f"Peak month: {plan.peak_month}"
