"""Comparing scenarios: deltas and percentages against a baseline, and what changed."""

import pytest

from models import Practitioner, Scenario, evaluate
from models.compare import (
    Change,
    compare,
    differences,
    distinct_labels,
    metrics_table,
    revenue_by_kind,
)
from models.examples import load_example
from tests.factories import coaching

YEAR = Practitioner(admin_hours_per_week=0)
BASE = Scenario(name="Base", practitioner=YEAR, offers=[coaching()])
MORE = Scenario(name="More", practitioner=YEAR, offers=[coaching(clients=12)])


def row(comparison, metric):
    return next(item for item in comparison.metrics if item.metric == metric)


def test_deltas_and_percentages_against_the_first_scenario():
    comparison = compare([BASE, MORE])
    net = row(comparison, "net_income")
    # 10 × 5,000 = 50,000 against 12 × 5,000 = 60,000: +10,000, +20%
    assert net.values == (50_000, 60_000)
    assert net.deltas == (0, 10_000)
    assert net.percents[1] == pytest.approx(0.2)
    hours = row(comparison, "total_hours")
    # 240 h against 288 h: +48 h, +20%
    assert hours.deltas[1] == pytest.approx(48)


def test_hours_used_and_billable_utilisation_are_compared_under_their_own_names():
    maya, portfolio = load_example("coach-one-to-one"), load_example("portfolio-every-lever")
    comparison = compare([maya, portfolio])
    used, billable = row(comparison, "utilization"), row(comparison, "billable_utilization")
    assert (used.label, billable.label) == ("Hours used", "Billable utilisation")
    # Maya: 1,790.7 h of 1,840 h used (97.3%), but only 23 × 40 h = 920 h billable: 50%
    assert used.values[0] == pytest.approx(1790.714 / 1840, abs=1e-6)
    assert billable.values[0] == pytest.approx(920 / 1840)
    # the portfolio: its delivery hours over 45 × 46 = 2,070 h, its own evaluation's
    delivery = evaluate(portfolio).totals.hours.delivery
    assert billable.deltas[1] == pytest.approx(delivery / 2070 - 0.5)


def test_any_scenario_can_be_the_baseline():
    comparison = compare([BASE, MORE], baseline=1)
    assert comparison.baseline == "More"
    net = row(comparison, "net_income")
    # 50,000 − 60,000 = −10,000, −16.7% of 60,000
    assert net.deltas == (-10_000, 0)
    assert net.percents[0] == pytest.approx(-1 / 6)
    assert list(comparison.changes) == ["Base"]


def test_percent_is_undefined_against_a_zero_or_undefined_baseline():
    empty = Scenario(name="Empty", practitioner=YEAR)
    comparison = compare([empty, BASE])
    assert row(comparison, "revenue").percents[1] is None  # baseline revenue 0
    assert row(comparison, "leverage").deltas[1] is None  # baseline leverage undefined


def test_two_to_five_scenarios():
    with pytest.raises(ValueError, match="2 to 5"):
        compare([BASE])
    with pytest.raises(ValueError, match="2 to 5"):
        compare([BASE] * 6)
    assert distinct_labels([BASE, BASE, MORE]) == ("Base", "Base (2)", "More")


def test_what_changed_lists_every_differing_input_and_offers_added_or_removed():
    new = Scenario(
        name="Base",
        practitioner=Practitioner(admin_hours_per_week=0, hours_per_week=35),
        offers=[coaching(price_per_client=6000), coaching(name="Extra")],
    )
    found = differences(BASE, new)
    assert found == (
        Change("practitioner", "hours_per_week", 40.0, 35.0),
        Change('offer "Coaching"', "price_per_client", 5000.0, 6000.0),
        Change('offer "Extra"', "", None, "one_to_one"),
    )
    # in words: the schema's titles, the offer by its name, money with separators
    assert [str(change) for change in found] == [
        "Working hours per week: 40 → 35",
        "“Coaching”: Price per client: 5,000 → 6,000",
        "Added “Extra” (private 1:1 clients)",
    ]
    assert str(differences(new, BASE)[-1]) == "Removed “Extra” (private 1:1 clients)"
    assert differences(BASE, BASE) == ()


def test_the_wide_table_has_a_value_per_scenario_and_a_change_per_other_one():
    table = metrics_table(compare([BASE, MORE]))
    assert list(table.columns) == [
        "figure",
        "unit",
        "Base",
        "More",
        "More: change",
        "More: change %",
    ]
    net = table.set_index("figure").loc["Net income"]
    assert (net["Base"], net["More"], net["More: change"]) == (50_000, 60_000, 10_000)
    assert net["More: change %"] == pytest.approx(20)


def test_revenue_by_kind_keeps_the_kinds_any_scenario_uses():
    a, b = load_example("coach-one-to-one"), load_example("coach-group-program")
    data = revenue_by_kind([evaluate(a), evaluate(b)], ["A", "B"])
    assert sorted(set(data["kind"])) == ["Group program", "Private 1:1 clients"]
    group = data[(data["scenario"] == "B") & (data["kind"] == "Group program")]["revenue"]
    # 3 groups × 8 × 3,000
    assert group.item() == pytest.approx(72_000)


def test_what_changed_names_each_schedule_field_and_no_schedule_means_the_defaults():
    from models.schema import Schedule

    moved = coaching(schedule=Schedule(start_month=4, ramp_months=2))
    later = Scenario(name="Base", practitioner=YEAR, offers=[moved])
    assert [str(change) for change in differences(BASE, later)] == [
        "“Coaching”: First month: 1 → 4",
        "“Coaching”: Ramp-up months: 0 → 2",
    ]
    spelled_out = Scenario(name="Base", practitioner=YEAR, offers=[coaching(schedule=Schedule())])
    assert differences(BASE, spelled_out) == ()


def test_what_changed_names_each_range():
    ranged = coaching(ranges={"clients": [8, 12], "price_per_client": [4000, 6000]})
    wider = coaching(ranges={"clients": [6, 12]})
    before = Scenario(name="Base", practitioner=YEAR, offers=[ranged])
    after = Scenario(
        name="Base",
        practitioner=YEAR.model_copy(update={"ranges": {"hours_per_week": [35, 45]}}),
        offers=[wider],
    )
    assert sorted(str(change) for change in differences(before, after)) == sorted(
        [
            "Range of working hours per week: none → 35 to 45",
            "“Coaching”: Range of clients per year: 8 to 12 → 6 to 12",
            "“Coaching”: Range of price per client: 4,000 to 6,000 → none",
        ]
    )


def test_compare_uses_the_results_it_is_given_instead_of_evaluating_again(count_calls):
    """The Compare page evaluates each scenario once and hands the results to compare()."""
    import models.compare

    scenarios = [load_example("coach-one-to-one"), load_example("course-creator")]
    results = [evaluate(scenario) for scenario in scenarios]
    evaluations = count_calls(models.compare, "evaluate")
    given = compare(scenarios, results=results)
    assert evaluations == []
    assert given == compare(scenarios)
    with pytest.raises(ValueError, match="1 results for 2 scenarios"):
        compare(scenarios, results=results[:1])


def test_version_2_figures_and_fields_are_compared():
    """Tax, take-home and associate hours side by side; the new inputs listed as changes."""
    taxed = Scenario(
        name="Taxed, with an associate",
        practitioner=YEAR.model_copy(update={"tax_rate": 0.3}),
        offers=[coaching(associate_share=0.25, associate_cost_per_hour=50)],
    )
    comparison = compare([BASE, taxed])
    # Associates lead a quarter of 10 × 24 × 1 h = 240 h: 60 h, at 50 = 3,000 of cost;
    # net income 50,000 − 3,000 = 47,000; tax 30% = 14,100; take-home 32,900.
    assert row(comparison, "associate_hours").values == (0, pytest.approx(60))
    assert row(comparison, "net_income").values == (50_000, pytest.approx(47_000))
    assert row(comparison, "tax").values == (0, pytest.approx(14_100))
    take_home = row(comparison, "take_home")
    assert take_home.label == "Take-home"
    assert take_home.deltas == (0, pytest.approx(32_900 - 50_000))
    changed = {(change.where, change.field) for change in comparison.changes[taxed.name]}
    assert {
        ("practitioner", "tax_rate"),
        ('offer "Coaching"', "associate_share"),
        ('offer "Coaching"', "associate_cost_per_hour"),
    } <= changed


def test_what_changed_says_titles_and_formats_values_by_their_unit():
    """No key in front of a person: the schema's titles, money with separators, shares as %."""
    before = load_example("coach-mastermind-retreat")
    mastermind = before.offers[1]
    after = before.model_copy(
        update={
            "practitioner": before.practitioner.model_copy(
                update={"fixed_costs_per_year": 8_000.0, "tax_rate": 0.25}
            ),
            "offers": [
                before.offers[0],
                mastermind.model_copy(
                    update={"members_per_cohort": 12.0, "fee_per_member_per_month": 997.5}
                ),
                *before.offers[2:],
            ],
        }
    )
    # the example: fixed costs 10,000, no tax, 8 members paying 800 a month
    assert [str(change) for change in differences(before, after)] == [
        "Fixed costs per year: 10,000 → 8,000",
        "Tax rate on net income: 0% → 25%",
        "“Leaders mastermind”: Members per cohort: 8 → 12",
        "“Leaders mastermind”: Fee per member per month: 800 → 997.50",
    ]
    assert all("_" not in str(change) for change in differences(before, after))
