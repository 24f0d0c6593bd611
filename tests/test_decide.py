"""Decide: goal seek, what must be true, sensitivity, Monte Carlo and the best mix."""

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.evaluation import evaluate
from models.files import load_scenario, scenario_from_document
from models.goal_seek import goal_seek, what_must_be_true
from models.inputs import Input, assumptions, consistent, valid_range
from models.optimizer import Limits, optimize, recommended
from models.schema import Scenario
from models.sensitivity import data_table, sensitivity
from models.uncertainty import ranges_around, simulate, triangular_cdf, with_ranges
from tests.factories import COACHING, PRACTITIONER
from tests.strategies import scenarios

SCENARIOS = Path(__file__).parent.parent / "scenarios"


def practice(**offer_changes: object) -> Scenario:
    """40 h × 45 weeks = 1,800 h; 3 h a week of fixed admin = 135 h; fixed costs 5,000; COACHING.

    Net income 40,000 − 5,000 = 35,000; total hours 370 + 135 = 505.
    """
    return scenario_from_document(
        {
            "name": "Hand-worked practice",
            "practitioner": PRACTITIONER,
            "offers": [COACHING | offer_changes],
        }
    )


# --- goal seek -------------------------------------------------------------------------------


def test_goal_seek_price_by_hand():
    # Net income = 10 × price − 5,000 = 60,000  ⇒  price = 6,500.
    answer = goal_seek(practice(), Input("Coaching", "price_per_client"), "net_income", 60000)
    assert answer.reachable
    assert answer.value == pytest.approx(6500, abs=1e-6)
    assert answer.achieved == pytest.approx(60000, abs=1e-6)


def test_goal_seek_hours_by_hand():
    # Each client costs 20 + 10 + 7 = 37 h; 135 h fixed admin. 37 × clients + 135 = 1,800
    # ⇒ clients = 1,665 / 37 = 45.
    answer = goal_seek(practice(), Input("Coaching", "clients"), "total_hours", 1800)
    assert answer.value == pytest.approx(45, abs=1e-9)


def test_goal_seek_free_hours_a_week_on_a_practitioner_field():
    # Free hours a week = (h × 45 − 505) / 45 = 10  ⇒  h = (450 + 505) / 45 = 21.2222…
    answer = goal_seek(practice(), Input(None, "hours_per_week"), "free_hours_per_week", 10)
    assert answer.value == pytest.approx(955 / 45, abs=1e-9)


def test_unreachable_target_reports_the_closest_value():
    # A price can reach at most 10 × 10,000,000,000 − 5,000: a quintillion is out of reach.
    answer = goal_seek(practice(), Input("Coaching", "price_per_client"), "net_income", 1e18)
    assert not answer.reachable
    assert answer.value == pytest.approx(answer.high)
    assert answer.achieved == pytest.approx(10 * 1e10 - 5000)


def test_unreachable_below_the_range():
    # At 0 clients the practice still loses its 5,000 of fixed costs: −10,000 is out of reach.
    answer = goal_seek(practice(), Input("Coaching", "clients"), "net_income", -10000)
    assert not answer.reachable
    assert answer.value == pytest.approx(0, abs=1e-6)
    assert answer.achieved == pytest.approx(-5000, abs=1e-3)


def test_goal_seek_stays_within_cross_field_rules():
    scenario = load_scenario(SCENARIOS / "program-licensing.yaml")
    licence = next(offer for offer in scenario.offers if offer.kind == "licensing")
    where = Input(licence.name, "new_licensees_per_year")
    assert valid_range(scenario, where)[1] == licence.licensees
    answer = goal_seek(scenario, where, "net_income", 1e12)
    assert answer.value <= licence.licensees


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(min_offers=1, max_offers=3), data=st.data())
def test_goal_seek_answer_put_back_reaches_the_target(scenario, data):
    inputs = [where for where in assumptions(scenario) if where.field != "months"]
    where = data.draw(st.sampled_from(inputs))
    # A target between the figure's values at two points of the range is reachable.
    low, high = valid_range(scenario, where)
    first, second = sorted(data.draw(st.lists(st.floats(low, high), min_size=2, max_size=2)))
    from models.goal_seek import figure_at

    target = (
        float(figure_at(scenario, where, first, "net_income"))
        + float(figure_at(scenario, where, second, "net_income"))
    ) / 2
    answer = goal_seek(scenario, where, "net_income", target)
    assert answer.reachable
    assert low <= answer.value <= high
    reached = float(figure_at(scenario, where, answer.value, "net_income"))
    assert reached == pytest.approx(target, rel=1e-6, abs=1e-6)


def test_what_must_be_true_marks_capacity_and_market():
    # Coaching alone must bring 60,000: 4,000 × clients − 5,000 = 60,000 ⇒ 16.25 clients
    # (16.25 × 37 h + 135 h = 736 h, fits), or 10 × price − 5,000 ⇒ a price of 6,500 (+62.5%).
    # With the market capped at 12 clients, 16.25 clients are over the market.
    rows = {row.field: row for row in what_must_be_true(practice(max_sales_per_year=12), 60000)}
    assert rows["clients"].needed == pytest.approx(16.25)
    assert rows["clients"].over_market and not rows["clients"].over_capacity
    assert rows["price_per_client"].needed == pytest.approx(6500)
    assert not rows["price_per_client"].over_market
    assert rows["price_per_client"].change == pytest.approx(0.625)


def test_what_must_be_true_marks_over_capacity():
    # 200,000 from clients alone: (200,000 + 5,000) / 4,000 = 51.25 clients
    # × 37 h + 135 = 2,031 h > 1,800 h.
    rows = {row.field: row for row in what_must_be_true(practice(), 200000)}
    assert rows["clients"].needed == pytest.approx(51.25)
    assert rows["clients"].over_capacity


# --- sensitivity -----------------------------------------------------------------------------


def test_sensitivity_by_hand():
    # Price ±20%: 3,200 and 4,800 ⇒ net income 27,000 and 43,000, swing 16,000.
    # Clients ±20%: 8 and 12 ⇒ 27,000 and 43,000; hours 8 × 37 + 135 = 431, 12 × 37 + 135 = 579.
    result = sensitivity(practice())
    rows = {(row.offer, row.field): row for row in result.rows}
    price = rows[("Coaching", "price_per_client")]
    assert (price.low_net_income, price.high_net_income, price.swing) == (27000, 43000, 16000)
    clients = rows[("Coaching", "clients")]
    assert (clients.low_total_hours, clients.high_total_hours) == pytest.approx((431, 579))
    assert result.rows[0].swing == 16000
    assert [row.swing for row in result.rows] == sorted(
        (row.swing for row in result.rows), reverse=True
    )
    assert result.net_income == 35000


def test_sensitivity_covers_every_input_and_keeps_within_range():
    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    result = sensitivity(scenario, percent=50)
    assert len(result.rows) == len(assumptions(scenario))
    automation = next(row for row in result.rows if row.field == "automation")
    assert automation.high_value == pytest.approx(1.0)  # 0.7 × 1.5 = 1.05, kept at 1


def test_data_table_by_hand_with_capacity_marked():
    # Clients 8 … 12 across, price 3,200 … 4,800 down: net = clients × price − 5,000.
    # Hours are over 1,800 nowhere here; a table on weekly hours marks the low ones.
    table = data_table(
        practice(), Input("Coaching", "clients"), Input("Coaching", "price_per_client"), steps=3
    )
    assert len(table) == 9
    corner = table[(table["across"] == 12) & (table["down"] == 4800)].iloc[0]
    assert corner["net_income"] == pytest.approx(12 * 4800 - 5000)
    hours = data_table(
        practice(), Input("Coaching", "clients"), Input(None, "hours_per_week"), percent=90
    )
    # Clients 1 … 19 across, 4 … 76 h a week down. 19 clients × 37 h + 135 h = 838 h:
    # over 4 h × 45 = 180 h, within 22 h × 45 = 990 h and more.
    column = hours[hours["across"] == hours["across"].max()].sort_values("down")
    assert column["total_hours"].tolist() == pytest.approx([838] * 5)
    assert column["over_capacity"].tolist() == [True, False, False, False, False]


def test_data_table_needs_two_inputs():
    where = Input("Coaching", "clients")
    with pytest.raises(ValueError, match="two different"):
        data_table(practice(), where, where)


# --- uncertainty -----------------------------------------------------------------------------


def test_ranges_are_validated_with_offer_and_field_named():
    document = {
        "name": "Ranges",
        "offers": [
            COACHING
            | {
                "ranges": {
                    "clients": [12, 20],
                    "price_per_clent": [1, 2],
                    "session_hours": [2, 1],
                    "returning_share": [0, 2],
                },
            }
        ],
        "practitioner": {"ranges": {"target_net_income": [1, 2]}},
    }
    with pytest.raises(ScenarioError) as raised:
        scenario_from_document(document)
    text = str(raised.value)
    assert 'offers[0] "Coaching"' in text
    assert (
        "ranges → clients (Clients per year): the planned value 10 must lie within [12, 20]" in text
    )
    assert "Did you mean `price_per_client`?" in text
    assert "ranges → session_hours (Session length): low (2) is above high (1)" in text
    assert (
        "ranges → returning_share (Share of returning buyers): high must be at most 1 (got 2)"
        in text
    )
    assert "practitioner" in text and "ranges → target_net_income" in text


def test_a_range_must_be_two_numbers():
    with pytest.raises(ScenarioError, match="ranges"):
        scenario_from_document({"name": "x", "practitioner": {"ranges": {"hours_per_week": [30]}}})


def test_zero_width_ranges_give_the_deterministic_result():
    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    pinned = with_ranges(scenario, ranges_around(scenario, 0))
    plan = evaluate(pinned).totals
    result = simulate(pinned, samples=2000, seed=3)
    for spread, value in (
        (result.net_income, plan.net_income),
        (result.total_hours, plan.total_hours),
        (result.effective_hourly_rate, plan.effective_hourly_rate),
    ):
        assert (spread.p10, spread.p50, spread.p90, spread.mean) == pytest.approx((value,) * 4)
    assert result.probability_over_capacity == 1.0  # the portfolio is over capacity
    assert result.drivers == ()


def triangular_quantile(share: float, low: float, peak: float, high: float) -> float:
    """The analytic quantile of triangular(low, peak, high)."""
    split = (peak - low) / (high - low)
    if share < split:
        return low + math.sqrt(share * (high - low) * (peak - low))
    return high - math.sqrt((1 - share) * (high - low) * (high - peak))


def test_percentiles_match_the_analytic_triangular_quantiles():
    # Net income = price × 10 − 5,000 is linear in the price, so its percentiles are the
    # price's triangular(3,000, 4,000, 6,000) quantiles × 10 − 5,000.
    scenario = with_ranges(practice(), {Input("Coaching", "price_per_client"): [3000, 6000]})
    result = simulate(scenario, samples=200_000, seed=7)
    for share, value in (
        (0.1, result.net_income.p10),
        (0.5, result.net_income.p50),
        (0.9, result.net_income.p90),
    ):
        expected = triangular_quantile(share, 3000, 4000, 6000) * 10 - 5000
        assert value == pytest.approx(expected, rel=0.003)
    assert result.net_income.mean == pytest.approx((3000 + 4000 + 6000) / 3 * 10 - 5000, rel=0.003)
    assert result.drivers[0].field == "price_per_client"
    # Net income is a rising function of the price alone: a rank correlation of 1, up to the
    # price's rank being its population rank (its CDF) rather than its place in 2,000 samples.
    assert result.drivers[0].correlation == pytest.approx(1.0, abs=1e-3)


def test_probabilities_by_hand():
    # Target 60,000 ⇒ price ≥ 6,500 needed; price ~ triangular(4,000, 4,000, 8,000):
    # P(price ≥ 6,500) = (8,000 − 6,500)² / (4,000 × 4,000) = 0.140625.
    # Hours: clients ~ triangular(10, 10, 60); 37 × clients + 135 > 1,800 ⇔ clients > 45:
    # P = (60 − 45)² / (50 × 50) = 0.09.
    scenario = with_ranges(
        practice(),
        {
            Input("Coaching", "price_per_client"): [4000, 8000],
            Input("Coaching", "clients"): [10, 60],
        },
    )
    only_price = with_ranges(practice(), {Input("Coaching", "price_per_client"): [4000, 8000]})
    assert simulate(only_price, 100_000, seed=2).probability_reach_target == pytest.approx(
        0.140625, abs=0.005
    )
    assert simulate(scenario, 100_000, seed=2).probability_over_capacity == pytest.approx(
        0.09, abs=0.005
    )


def test_same_seed_same_result_other_seed_other_result():
    scenario = load_scenario(SCENARIOS / "coach-one-to-one.yaml")
    assert simulate(scenario, 20_000, seed=11) == simulate(scenario, 20_000, seed=11)
    assert simulate(scenario, 20_000, seed=11) != simulate(scenario, 20_000, seed=12)


def test_samples_keep_the_rules_that_tie_two_fields():
    scenario = load_scenario(SCENARIOS / "program-licensing.yaml")
    licence = next(offer for offer in scenario.offers if offer.kind == "licensing")
    drawn = licence.model_copy(
        update={"licensees": np.array([1.0, 5.0]), "new_licensees_per_year": np.array([3.0, 3.0])}
    )
    assert consistent(drawn).new_licensees_per_year.tolist() == [1.0, 3.0]


def test_triangular_cdf_by_hand():
    values = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
    assert triangular_cdf(values, 0.0, 0.5, 1.0) == pytest.approx([0, 0.125, 0.5, 0.875, 1])
    assert triangular_cdf(values, 0.0, 0.0, 1.0) == pytest.approx([0, 0.4375, 0.75, 0.9375, 1])


# --- best mix --------------------------------------------------------------------------------


def two_offers() -> Scenario:
    """Coaching: 37 h and 4,000 a client, at most 12 clients (the market). A group program
    in person: 12 sessions × 2 h + 1 h prep each = 36 h, + 12 h travel, + 8 participants × 2 h
    BD = 16 h: 64 h and 8 × 900 = 7,200 a group. Capacity 20 h × 45 weeks = 900 h, fixed
    admin 3 h × 45 = 135 h: 765 h for offers."""
    return scenario_from_document(
        {
            "name": "Small mix",
            "practitioner": {"hours_per_week": 20, "weeks_per_year": 45, "admin_hours_per_week": 3},
            "offers": [
                {
                    "kind": "one_to_one",
                    "name": "Coaching",
                    "clients": 4,
                    "sessions_per_client": 20,
                    "session_hours": 1,
                    "price_per_client": 4000,
                    "prep_hours_per_session": 0.5,
                    "bd_hours_per_sale": 7,
                    "max_sales_per_year": 12,
                },
                {
                    "kind": "group_program",
                    "name": "Group",
                    "groups": 2,
                    "participants_per_group": 8,
                    "price_per_participant": 900,
                    "sessions_per_group": 12,
                    "session_hours": 2,
                    "prep_hours_per_session": 1,
                    "bd_hours_per_sale": 2,
                    "delivery": "in_person",
                    "travel_hours_per_session": 1,
                },
            ],
        }
    )


def brute_force(scenario: Scenario, limits: Limits) -> float:
    """The best net income over every whole mix within the default count ranges."""
    best = -math.inf
    for clients, groups in itertools.product(range(13), range(7)):
        result = evaluate(recommended(scenario, {"Coaching": clients, "Group": groups})).totals
        reserve = limits.reserve_hours_per_week * 45
        fits = result.total_hours <= result.capacity_hours - reserve + 1e-9
        if limits.max_bd_share is not None:
            fits &= (
                result.hours.business_development <= limits.max_bd_share * result.total_hours + 1e-9
            )
        if limits.max_travel_hours is not None:
            fits &= result.hours.travel <= limits.max_travel_hours + 1e-9
        if limits.min_one_to_one_hours is not None:
            fits &= clients * 20 >= limits.min_one_to_one_hours - 1e-9
        if fits:
            best = max(best, result.net_income)
    return best


@pytest.mark.parametrize(
    "limits",
    [
        Limits(),
        Limits(reserve_hours_per_week=5),
        Limits(max_bd_share=0.1),
        Limits(max_travel_hours=30),
        Limits(min_one_to_one_hours=200, max_travel_hours=60),
    ],
)
def test_optimizer_equals_brute_force(limits):
    scenario = two_offers()
    # Group travel: 12 sessions × 1 h = 12 h a group. Default ranges: clients 0-12 (market),
    # groups 0-6 (three times today's 2).
    optimum = optimize(scenario, limits)
    assert optimum.status == "optimal"
    assert optimum.totals is not None
    assert optimum.totals.net_income == pytest.approx(brute_force(scenario, limits))
    assert optimum.totals.free_hours >= limits.reserve_hours_per_week * 45 - 1e-6
    assert all(float(count).is_integer() for count in optimum.counts.values())


def test_optimizer_by_hand():
    # 765 h. 6 groups (384 h) leave 381 h for 10 clients (370 h): 43,200 + 40,000 = 83,200.
    # 12 clients (444 h) leave 321 h for 5 groups (320 h): 48,000 + 36,000 = 84,000: the best.
    optimum = optimize(two_offers())
    assert optimum.counts == {"Coaching": 12.0, "Group": 5.0}
    assert optimum.totals is not None and optimum.totals.net_income == 84000


def test_offers_with_fixed_hours_are_switched_off_when_they_do_not_pay():
    scenario = load_scenario(SCENARIOS / "course-creator.yaml")
    optimum = optimize(scenario, Limits(reserve_hours_per_week=0))
    assert optimum.status == "optimal"
    best = recommended(scenario, optimum.counts)
    assert optimum.totals == evaluate(best).totals
    for offer in scenario.enabled_offers:
        assert best.offers[scenario.offers.index(offer)].enabled == (optimum.counts[offer.name] > 0)


def test_infeasible_limits_are_named():
    optimum = optimize(two_offers(), Limits(min_one_to_one_hours=500))
    # 500 h of 1:1 needs 25 clients; the market gives 12.
    assert optimum.status == "infeasible"
    assert "at least 500 hours a year of 1:1 time" in optimum.message
    reserve = optimize(two_offers(), Limits(reserve_hours_per_week=19))
    assert "your hours" in reserve.message


def test_optimizer_never_exceeds_capacity_on_every_example():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path)
        optimum = optimize(scenario, Limits(max_bd_share=0.3))
        if optimum.totals is None:
            continue
        assert optimum.totals.free_hours >= -1e-6, path.name
        bd = optimum.totals.hours.business_development
        assert bd <= 0.3 * optimum.totals.total_hours + 1e-6, path.name


def test_an_input_that_does_not_move_the_figure_keeps_the_plan():
    # Net income does not depend on the hours a week: nothing to seek.
    answer = goal_seek(practice(), Input(None, "hours_per_week"), "net_income", 90000)
    assert not answer.reachable and not answer.moves_figure
    assert answer.value == 40


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenario=scenarios(min_offers=1, max_offers=4),
    reserve=st.floats(0, 20),
    share=st.none() | st.floats(0.05, 1),
    travel=st.none() | st.floats(0, 500),
)
def test_the_best_mix_never_exceeds_capacity_or_a_limit(scenario, reserve, share, travel):
    limits = Limits(reserve_hours_per_week=reserve, max_bd_share=share, max_travel_hours=travel)
    optimum = optimize(scenario, limits)
    if optimum.status != "optimal":
        assert optimum.totals is None and optimum.message
        return
    totals = optimum.totals
    assert totals is not None
    scale = max(1.0, totals.capacity_hours)
    assert totals.free_hours >= reserve * scenario.practitioner.weeks_per_year - 1e-6 * scale
    if share is not None:
        assert totals.hours.business_development <= share * totals.total_hours + 1e-6 * scale
    if travel is not None:
        assert totals.hours.travel <= travel + 1e-6 * scale
