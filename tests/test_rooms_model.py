"""A workshop room's summary (models.room_summary): the fields a room may open, each plan
evaluated once, the spread of the room's figures, the plans' table; hand-worked on the 1:1
coach example."""

import pytest

import models.room_summary
from models.compare import HEADLINE_METRICS
from models.room_summary import (
    field_choices,
    plan_labels,
    plans_table,
    spread_data,
    summarise_room,
)
from models.schema import Scenario
from tests.factories import coach_without_ranges, first_offer_with


@pytest.fixture
def coach():
    return coach_without_ranges()


# The 1:1 coach (scenarios/coach-one-to-one.yaml): 23 clients × 40 sessions × 1 h = 920 h of
# delivery, 460 h of preparation (0.5 h a session), selling 11.5 new clients a year from 57.5
# calls × 2.4 h = 138 h plus keeping 11.5 returning ones at a seventh of the 12 h each
# (19.714 h): 157.714 h; admin 23 × 3 h + 4 h × 46 weeks = 253 h. Hours: 1,790.714 of
# 40 × 46 = 1,840 available: 97.32% used; leverage 920 / 1,790.714 = 0.5138.
# Net income at a price p per client: 23 p − 23 × 150 (cost per buyer) − 8,000 fixed costs.
#   p = 8,000 (the start): 184,000 − 3,450 − 8,000 = 172,550
#   p = 8,500: 195,500 − 11,450 = 184,050
#   p = 9,000: 207,000 − 11,450 = 195,550
#   p = 10,000: 230,000 − 11,450 = 218,550
HOURS_USED = 1790.7142857 / 1840
LEVERAGE = 920 / 1790.7142857


def test_three_plans_spread_from_lowest_to_highest_around_the_median(coach):
    """Three participants raise the price: the room's net incomes spread from 184,050 to 218,550."""
    plans = [
        first_offer_with(coach, price_per_client=10_000),
        first_offer_with(coach, price_per_client=8_500),
        first_offer_with(coach, price_per_client=9_000),
    ]
    summary = summarise_room(coach, ["Ana", "", "Ben"], plans)
    income, hours_used, leverage = summary.spreads
    assert income.label == "Net income"
    assert income.values == pytest.approx((218_550, 184_050, 195_550))
    assert (income.lowest, income.median, income.highest) == pytest.approx(
        (184_050, 195_550, 218_550)
    )
    assert income.start == pytest.approx(172_550)
    # A price leaves every hour where it was.
    assert hours_used.label == "Hours used"
    assert hours_used.median == pytest.approx(HOURS_USED)
    assert hours_used.start == pytest.approx(HOURS_USED)
    assert leverage.values == pytest.approx((LEVERAGE,) * 3)
    assert [plan.label for plan in summary.plans] == ["Ana", "Anonymous 1", "Ben"]


def test_an_even_count_takes_the_middle_two_for_the_median(coach):
    """With two plans the median is their mean: (184,050 + 218,550) / 2 = 201,300."""
    summary = summarise_room(
        coach,
        ["", ""],
        [
            first_offer_with(coach, price_per_client=8_500),
            first_offer_with(coach, price_per_client=10_000),
        ],
    )
    assert summary.spreads[0].median == pytest.approx(201_300)


def test_each_plan_and_the_start_are_evaluated_once(coach, count_calls):
    """Thirty plans: thirty-one evaluations (the start and each plan), nothing twice."""
    calls = count_calls(models.room_summary, "evaluate")
    summarise_room(
        coach,
        [""] * 30,
        [first_offer_with(coach, price_per_client=8_000 + 100 * n) for n in range(30)],
    )
    assert len(calls) == 31


def test_an_empty_room_has_no_figures_to_spread(coach):
    """Before anyone submits: no plans, spreads without a lowest or highest, the start kept."""
    summary = summarise_room(coach, [], [])
    assert summary.plans == ()
    assert summary.spreads[0].lowest is None and summary.spreads[0].median is None
    assert summary.spreads[0].start == pytest.approx(172_550)
    assert plans_table(summary).empty


def test_the_table_has_a_row_per_plan_with_every_figure_and_what_changed(coach):
    """The room's CSV: one row per plan, the Compare page's figures, the change in words."""
    summary = summarise_room(coach, ["Ana"], [first_offer_with(coach, price_per_client=9_000)])
    table = plans_table(summary)
    assert list(table.columns) == ["plan", *HEADLINE_METRICS, "changes"]
    row = table.iloc[0]
    assert row["plan"] == "Ana"
    assert row["net_income"] == pytest.approx(195_550)
    assert row["utilization"] == pytest.approx(HOURS_USED)
    assert row["changes"] == "“Executive coaching”: Price per client: 8,000 → 9,000"


def test_a_spread_chart_leaves_out_plans_without_the_figure(coach):
    """The chart's rows: each plan's figure by its label."""
    summary = summarise_room(
        coach, ["Ana", "Ana"], [first_offer_with(coach, price_per_client=9_000), coach]
    )
    data = spread_data(summary, summary.spreads[0])
    assert data.to_dict("records") == [
        {"plan": "Ana", "value": pytest.approx(195_550)},
        {"plan": "Ana (2)", "value": pytest.approx(172_550)},
    ]


def test_anonymous_plans_are_numbered_and_names_kept_apart():
    """Empty names are numbered in order; a repeated name gets " (2)"; spaces are trimmed."""
    assert plan_labels(["", "Ana", " ", "Ana ", "Anonymous 1"]) == (
        "Anonymous 1",
        "Ana",
        "Anonymous 2",
        "Ana (2)",
        "Anonymous 1 (2)",
    )


def test_field_choices_are_named_by_path_with_the_practitioners_first(coach):
    """The fields a room may open: ``practitioner.<field>``, then ``offers[<index>].<field>``."""
    fields = {field.path: field for field in field_choices(coach)}
    first = next(iter(fields))
    assert first == "practitioner.hours_per_week"
    assert fields[first].label == "You → Working hours per week"
    assert fields[first].unit == "h/week"
    price = fields["offers[0].price_per_client"]
    assert price.label == "Executive coaching → Price per client"
    assert price.unit == "USD/client"
    assert "practitioner.target_net_income" not in fields  # a goal, not an assumption


def test_field_choices_skip_disabled_offers_but_keep_their_place(coach):
    """A disabled first offer is not offered; the second keeps its index 1 in the path."""
    document = coach.model_dump()
    second = {**document["offers"][0], "name": "Second"}
    document["offers"][0]["enabled"] = False
    document["offers"].append(second)
    paths = [field.path for field in field_choices(Scenario.model_validate(document))]
    assert "offers[1].price_per_client" in paths
    assert not any(path.startswith("offers[0]") for path in paths)
