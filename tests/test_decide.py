"""Decide: goal seek, what must be true, sensitivity, Monte Carlo and the best mix."""

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.evaluation import evaluate
from models.files import load_scenario, scenario_from_document
from models.fitting import check_fit
from models.goal_seek import figure_at, goal_seek, what_must_be_true
from models.inputs import (
    Input,
    assumptions,
    consistent,
    figure_of,
    is_whole,
    valid_range,
    value_of,
    with_values,
)
from models.optimizer import Limits, default_count_range, optimize, recommended
from models.schema import Licensing, Scenario, is_whole_count
from models.sensitivity import data_table, sensitivity, whole_steps
from models.uncertainty import (
    ranges_around,
    simulate,
    triangular_cdf,
    with_every_range,
    with_ranges,
)
from tests.factories import COACHING, FUNNEL_COACHING, MASTERMIND_COACH, PRACTITIONER
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
    target = (
        float(figure_at(scenario, where, first, "net_income"))
        + float(figure_at(scenario, where, second, "net_income"))
    ) / 2
    answer = goal_seek(scenario, where, "net_income", target)
    assert low <= answer.value <= high
    reached = float(figure_at(scenario, where, answer.value, "net_income"))
    if not is_whole(scenario, where):
        assert answer.reachable
        assert reached == pytest.approx(target, rel=1e-6, abs=1e-6)
        return
    # A count answers in whole numbers (unless nothing moves the figure: then the plan's own
    # value, which a file may give as an average, stays), and a whole answer said to reach
    # the target reaches it.
    assert answer.value == int(answer.value) or not answer.moves_figure
    event(f"whole answer reaches: {answer.reachable}")
    if answer.reachable:
        assert reached >= target - 1e-6 * max(1.0, abs(target))


# --- Decide never recommends a plan that does not fit ----------------------------------------


def maya() -> Scenario:
    """scenarios/coach-one-to-one.yaml. Each client: 40 sessions × 1 h = 40 h delivery, + 20 h
    prep, + BD ½ × 12 h new + ½ × 12/7 h returning = 6 6/7 h, + 3 h admin: 69 6/7 h a client;
    fixed admin 4 × 46 = 184 h; capacity 40 × 46 = 1,840 h. Net income per client 8,000 − 150
    = 7,850, less 8,000 fixed costs; the market buys at most 30 clients."""
    return load_scenario(SCENARIOS / "coach-one-to-one.yaml")


HOURS_PER_CLIENT = 69 + 6 / 7


def test_goal_seek_says_the_answer_does_not_fit_and_gives_the_best_that_does():
    # 180,000 = 7,850 × clients − 8,000 ⇒ clients = 188,000 / 7,850 = 23.949: whole clients,
    # so 24 (23 give 172,550), net income 7,850 × 24 − 8,000 = 180,400;
    # hours 69 6/7 × 24 + 184 = 1,860.57 h, 20.57 h over the 1,840 h of capacity.
    # The most that fits: 69 6/7 × clients + 184 = 1,840 ⇒ clients = 1,656 / (69 6/7)
    # = 11,592 / 489 = 23.7055, so 23 whole clients, net income 7,850 × 23 − 8,000 = 172,550.
    answer = goal_seek(maya(), Input("Executive coaching", "clients"), "net_income", 180000)
    assert answer.reachable and answer.whole and answer.value == 24
    assert answer.achieved == pytest.approx(180400)
    assert answer.fits is False
    assert answer.over_by_hours == pytest.approx(HOURS_PER_CLIENT * 24 + 184 - 1840)
    assert answer.over_by_hours == pytest.approx(20.5714, abs=1e-4)
    assert answer.over_market == ()
    assert answer.best_fitting is not None
    assert answer.best_fitting.value == 23
    assert check_fit(
        with_values(maya(), {Input("Executive coaching", "clients"): answer.best_fitting.value})
    ).fits
    assert answer.best_fitting.figure == pytest.approx(172550, rel=1e-9)


def test_goal_seek_answer_that_fits_has_no_best_fitting():
    # 170,000 ⇒ 178,000 / 7,850 = 22.675 clients: 69 6/7 × 22.675 + 184 = 1,768 h ≤ 1,840 h.
    answer = goal_seek(maya(), Input("Executive coaching", "clients"), "net_income", 170000)
    assert answer.fits is True
    assert answer.over_by_hours == 0
    assert answer.best_fitting is None


def test_goal_seek_over_the_market_but_within_the_hours():
    # At 80 h a week, capacity 3,680 h. 240,000 ⇒ 248,000 / 7,850 = 31.59, so 32 whole clients:
    # 69 6/7 × 32 + 184 = 2,419 h fits, but the market buys at most 30. The best that fits:
    # 30 clients, 7,850 × 30 − 8,000 = 227,500.
    scenario = with_values(maya(), {Input(None, "hours_per_week"): 80})
    answer = goal_seek(scenario, Input("Executive coaching", "clients"), "net_income", 240000)
    assert answer.value == 32
    assert (answer.fits, answer.over_by_hours) == (False, 0)
    assert answer.over_market == ("Executive coaching",)
    assert answer.best_fitting is not None
    assert answer.best_fitting.value == pytest.approx(30, rel=1e-9)
    assert answer.best_fitting.figure == pytest.approx(227500, rel=1e-9)


def test_goal_seek_when_no_value_of_the_input_fits():
    # 30 clients need 69 6/7 × 30 + 184 = 2,279.7 h of 1,840 h; the price moves no hour,
    # so no price fits. 180,000 ⇒ price = (188,000 + 30 × 150) / 30 = 6,416.67.
    scenario = with_values(maya(), {Input("Executive coaching", "clients"): 30})
    answer = goal_seek(
        scenario, Input("Executive coaching", "price_per_client"), "net_income", 180000
    )
    assert answer.value == pytest.approx(192500 / 30)
    assert answer.fits is False
    assert answer.over_by_hours == pytest.approx(HOURS_PER_CLIENT * 30 + 184 - 1840)
    assert answer.best_fitting is None


def test_what_must_be_true_puts_the_rows_that_fit_first():
    # Maya's 180,000: clients alone need 23.95 (over her hours, see above); the price alone
    # (188,000 + 23 × 150) / 23 = 8,323.91 with the hours unchanged (1,790.7 h: fits).
    rows = what_must_be_true(maya(), 180000)
    assert [row.field for row in rows] == ["price_per_client", "clients"]
    assert rows[0].fits and rows[0].needed == pytest.approx(191450 / 23)
    assert not rows[1].fits and rows[1].over_capacity and not rows[1].over_market


def test_what_must_be_true_marks_capacity_and_market():
    # Coaching alone must bring 60,000: 4,000 × clients − 5,000 = 60,000 ⇒ 16.25, so 17 whole
    # clients (17 × 37 h + 135 h = 764 h, fits), or 10 × price − 5,000 ⇒ a price of 6,500
    # (+62.5%). With the market capped at 12 clients, 17 clients are over the market.
    rows = {row.field: row for row in what_must_be_true(practice(max_sales_per_year=12), 60000)}
    assert rows["clients"].needed == 17
    assert rows["clients"].over_market and not rows["clients"].over_capacity
    assert rows["price_per_client"].needed == pytest.approx(6500)
    assert not rows["price_per_client"].over_market
    assert rows["price_per_client"].change == pytest.approx(0.625)


def test_what_must_be_true_marks_over_capacity():
    # 200,000 from clients alone: (200,000 + 5,000) / 4,000 = 51.25, so 52 whole clients
    # × 37 h + 135 = 2,059 h > 1,800 h.
    rows = {row.field: row for row in what_must_be_true(practice(), 200000)}
    assert rows["clients"].needed == 52
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
    # Clients 8 … 12 across (whole clients: 8, 9, 10, 11, 12), price 3,200, 4,000, 4,800 down:
    # 5 × 3 = 15 cells, net = clients × price − 5,000.
    # Hours are over 1,800 nowhere here; a table on weekly hours marks the low ones.
    table = data_table(
        practice(), Input("Coaching", "clients"), Input("Coaching", "price_per_client"), steps=3
    )
    assert len(table) == 15
    assert sorted(set(table["across"])) == [8, 9, 10, 11, 12]
    corner = table[(table["across"] == 12) & (table["down"] == 4800)].iloc[0]
    assert corner["net_income"] == pytest.approx(12 * 4800 - 5000)
    hours = data_table(
        practice(), Input("Coaching", "clients"), Input(None, "hours_per_week"), percent=90
    )
    # Clients 1 … 19 across (1, 6, 10, 15, 19: five whole steps), 4 … 76 h a week down.
    # 19 clients × 37 h + 135 h = 838 h:
    # over 4 h × 45 = 180 h, within 22 h × 45 = 990 h and more.
    column = hours[hours["across"] == hours["across"].max()].sort_values("down")
    assert column["total_hours"].tolist() == pytest.approx([838] * 5)
    assert column["over_capacity"].tolist() == [True, False, False, False, False]


def test_sensitivity_marks_every_end_over_capacity():
    # Maya ±20%: 27.6 clients are 28 whole clients, who need 69 6/7 × 28 + 184 = 2,140 h of
    # 1,840 h (over); 18.4 are 18, who need 1,441.43 h (fits). 36.8 weeks give 40 × 36.8 = 1,472 h of capacity while the
    # plan needs 1,790.71 − 4 × 9.2 = 1,753.91 h (over); 55.2 weeks are capped at 52.
    rows = {row.field: row for row in sensitivity(maya()).rows}
    clients = rows["clients"]
    assert (clients.low_value, clients.high_value) == (18, 28)
    assert clients.high_total_hours == pytest.approx(HOURS_PER_CLIENT * 28 + 184)
    assert (clients.low_over_capacity, clients.high_over_capacity) == (False, True)
    weeks = rows["weeks_per_year"]
    assert weeks.low_total_hours == pytest.approx(1753.914, abs=1e-3)
    assert (weeks.low_over_capacity, weeks.high_over_capacity) == (True, False)
    assert not rows["price_per_client"].low_over_capacity
    assert not rows["price_per_client"].high_over_capacity


def test_data_table_marks_pairs_the_rules_refuse():
    # Licensing with 11 active and 9 new licensees a year, ±20%, in whole licensees: active
    # 8.8 … 13.2 is 9 … 13 (no lower than the 9 new), new 7.2 … 10.8 is 7 … 11 (no higher than
    # the 11 active). 9 active with 10 new breaks "new licensees ≤ active": not a valid plan,
    # and no figure is shown for it.
    scenario = load_scenario(SCENARIOS / "program-licensing.yaml")
    licence = next(offer for offer in scenario.offers if offer.kind == "licensing")
    active, new = Input(licence.name, "licensees"), Input(licence.name, "new_licensees_per_year")
    scenario = with_values(scenario, {active: 11, new: 9})
    table = data_table(scenario, active, new)
    assert sorted(set(table["across"])) == [9, 10, 11, 12, 13]
    assert sorted(set(table["down"])) == [7, 8, 9, 10, 11]
    invalid = table[~table["valid"]]
    assert (invalid["down"] > invalid["across"]).all()
    assert len(invalid) == 3  # (9, 10), (9, 11), (10, 11)
    assert invalid["net_income"].isna().all() and not invalid["over_capacity"].any()
    cell = table[np.isclose(table["across"], 11) & np.isclose(table["down"], 10)].iloc[0]
    planned = evaluate(with_values(scenario, {active: 11, new: 10})).totals
    assert cell["valid"] and cell["net_income"] == pytest.approx(planned.net_income)


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
    assert "Offer 1, “Coaching”: " in text
    assert (
        "the range of clients per year, 12 to 20, must hold the planned value 10 (ranges.clients)"
        in text
    )
    assert "Did you mean `price_per_client`?" in text
    assert "the range of session length runs from 2 down to 1: give the low end first" in text
    assert (
        "the range of share of returning buyers must end at 1 or less, not 2 "
        "(ranges.returning_share)" in text
    )
    assert "Your working year: " in text and "(ranges.target_net_income)" in text


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


def test_chance_of_reaching_the_target_and_fitting_by_hand():
    # Clients ~ triangular(10, 10, 60), F(c) = 1 − (60 − c)² / 2,500 from 10.
    # Target 60,000 ⇔ 4,000 × c − 5,000 ≥ 60,000 ⇔ c ≥ 16.25: P = 43.75² / 2,500 = 0.765625.
    # Fits ⇔ 37 × c + 135 ≤ 1,800 ⇔ c ≤ 45: P(over) = 15² / 2,500 = 0.09, so
    # P(reach and fit) = 0.765625 − 0.09 = 0.675625.
    # Plans that fit: c | c ≤ 45. Their median m has F(m) = 0.5 × 0.91 = 0.455:
    # (60 − m)² = 1,362.5 ⇒ m = 23.0878, net income 4,000 m − 5,000 = 87,351; P10: F = 0.091,
    # (60 − m)² = 2,272.5 ⇒ m = 12.3291, 44,316; P90: F = 0.819, (60 − m)² = 452.5 ⇒
    # m = 38.7278, 149,911.
    scenario = with_ranges(practice(), {Input("Coaching", "clients"): [10, 60]})
    result = simulate(scenario, 200_000, seed=5)
    assert result.probability_reach_target == pytest.approx(0.765625, abs=0.004)
    assert result.p_reach_and_fit == pytest.approx(0.675625, abs=0.004)
    fitting = result.net_income_fitting
    assert fitting is not None
    for value, clients in (
        (fitting.p10, 60 - math.sqrt(2272.5)),
        (fitting.p50, 60 - math.sqrt(1362.5)),
        (fitting.p90, 60 - math.sqrt(452.5)),
    ):
        assert value == pytest.approx(4000 * clients - 5000, rel=0.01)
    assert result.net_income.p90 > fitting.p90  # every plan drawn reaches higher


def test_no_plan_that_fits_gives_no_fitting_spread():
    # 20 h a week × 45 = 900 h; 10 clients already need 505 h, 30 … 40 clients 1,245 … 1,615 h.
    scenario = with_ranges(practice(clients=35), {Input("Coaching", "clients"): [30, 40]})
    scenario = with_values(scenario, {Input(None, "hours_per_week"): 20})
    result = simulate(scenario, 2000, seed=1)
    assert result.net_income_fitting is None
    assert result.p_reach_and_fit == 0.0
    assert result.probability_over_capacity == 1.0


#: The examples, real plans that mostly fit, beside generated ones that mostly do not.
EXAMPLES = [load_scenario(path) for path in sorted(SCENARIOS.glob("*.yaml"))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenario=st.one_of(st.sampled_from(EXAMPLES), scenarios(min_offers=1, max_offers=3)),
    data=st.data(),
)
def test_goal_seek_always_says_whether_its_answer_fits(scenario, data):
    """Decide never reports a plan as reaching the target without saying whether it fits."""
    where = data.draw(st.sampled_from(assumptions(scenario)))
    low, high = valid_range(scenario, where)
    current = float(value_of(scenario, where))
    # A target some value near today's reaches (up to three times it), or anywhere in range.
    aim = data.draw(
        st.one_of(st.floats(0, 3).map(lambda share: share * current), st.floats(low, high))
    )
    aim = min(max(aim, low), high)
    target = float(figure_at(scenario, where, aim, "net_income"))
    answer = goal_seek(scenario, where, "net_income", target)
    at_answer = check_fit(with_values(scenario, {where: answer.value}))
    assert answer.fits == bool(at_answer.fits)
    assert answer.over_by_hours == pytest.approx(float(at_answer.over_by_hours))
    event(f"fits={answer.fits} best={answer.best_fitting is not None}")
    if answer.fits:
        assert answer.best_fitting is None
        return
    probe = data.draw(st.floats(low, high))
    if is_whole(scenario, where):
        probe = float(math.floor(probe))
    if answer.best_fitting is None:
        # Nothing in the range fits: neither does any value drawn from it.
        assert not check_fit(with_values(scenario, {where: probe})).fits
        return
    best = answer.best_fitting
    assert low <= best.value <= high
    assert check_fit(with_values(scenario, {where: best.value})).fits
    figure = float(figure_at(scenario, where, best.value, "net_income"))
    assert best.figure == pytest.approx(figure)
    # Another value, near the best one or anywhere in range.
    probe = data.draw(
        st.one_of(st.floats(0, 2).map(lambda share: share * best.value), st.just(probe))
    )
    probe = min(max(probe, low), high)
    if is_whole(scenario, where):
        probe = float(math.floor(probe))
    fitting_probe = bool(check_fit(with_values(scenario, {where: probe})).fits)
    event(f"another value that fits: {fitting_probe}")
    if fitting_probe:
        # No value that fits comes closer to the target than the best one.
        probe_gap = abs(float(figure_at(scenario, where, probe, "net_income")) - target)
        assert abs(figure - target) <= probe_gap + 1e-6 * max(1.0, abs(target))


@pytest.mark.parametrize("scenario", EXAMPLES, ids=lambda scenario: scenario.name)
def test_the_best_value_that_fits_beats_every_value_that_fits_on_a_dense_scan(scenario):
    """Each example's drivers asked for three times today's net income: when the answer does
    not fit, no fitting value on a scan of 4,001 points from 0 to 4× today's comes closer."""
    target = 3 * abs(float(figure_of(scenario, "net_income")))
    checked = 0
    for offer in scenario.enabled_offers:
        for field in offer.drivers:
            where = Input(offer.name, field)
            answer = goal_seek(scenario, where, "net_income", target)
            if answer.fits or answer.best_fitting is None or answer.best_fitting.figure is None:
                continue
            low, high = valid_range(scenario, where)
            scan = np.clip(np.linspace(0, 4 * answer.current, 4001), low, high)
            if answer.whole:
                scan = np.unique(np.clip(np.round(scan), math.ceil(low), math.floor(high)))
            fits = np.broadcast_to(check_fit(with_values(scenario, {where: scan})).fits, scan.shape)
            figures = np.broadcast_to(figure_at(scenario, where, scan, "net_income"), scan.shape)
            closest = np.abs(figures[fits] - target).min() if fits.any() else math.inf
            assert abs(answer.best_fitting.figure - target) <= closest + 1e-6 * target
            checked += 1
    assert checked or not scenario.enabled_offers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(min_offers=1, max_offers=3), target=st.floats(-1e5, 1e6))
def test_the_simulation_never_counts_a_plan_that_does_not_fit_as_one_that_does(scenario, target):
    ranged = with_ranges(scenario, ranges_around(scenario, 30))
    result = simulate(ranged, 500, seed=3, target=target)
    assert result.p_reach_and_fit is not None and result.probability_reach_target is not None
    assert result.p_reach_and_fit <= result.probability_reach_target
    assert result.p_reach_and_fit <= 1 - result.probability_over_capacity + 1e-12
    # A plan fits within its hours, its delivery cap and every market: when one of them is
    # broken in every sample no plan fits, and when none is broken in any, every plan fits.
    broken = (
        result.probability_over_capacity,
        result.probability_over_delivery_cap,
        result.probability_over_market,
    )
    if max(broken) == 1.0:
        assert result.net_income_fitting is None
    if sum(broken) == 0.0:
        assert result.net_income_fitting is not None
    assert (result.net_income_fitting is None) == (result.take_home_fitting is None)


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


def test_the_one_ranged_input_explains_all_the_spread():
    # Clients stay at 10 (no range); only the price moves net income = 10 × price − 5,000,
    # a rising straight line: rank correlation 1, so the price explains all of the spread.
    scenario = with_ranges(practice(), {Input("Coaching", "price_per_client"): [3000, 5000]})
    (price,) = simulate(scenario, 5000, seed=4).drivers
    assert price.field == "price_per_client"
    assert price.share_of_spread == pytest.approx(1.0, abs=0.005)
    assert price.correlation > 0  # more → higher net income


def test_two_inputs_explain_the_spread_as_their_terms_variances_by_hand():
    # Net income = 10 × price − fixed costs − 0. Both triangular and peaking in the middle of
    # their range, so each has variance width² / 6 (width: half the range):
    # price 3,000 … 5,000: 1,000² / 6; its term 10 × price: 10² × 1,000² / 6 = 1e8 / 6.
    # fixed costs 0 … 10,000: 5,000² / 6 = 0.25e8 / 6.
    # Shares of the total 1.25e8 / 6: the price 1 / 1.25 = 80%, the fixed costs 20%.
    scenario = with_ranges(
        practice(),
        {
            Input("Coaching", "price_per_client"): [3000, 5000],
            Input(None, "fixed_costs_per_year"): [0, 10000],
        },
    )
    price, costs = simulate(scenario, 10_000, seed=8).drivers
    assert (price.field, costs.field) == ("price_per_client", "fixed_costs_per_year")
    assert price.share_of_spread == pytest.approx(0.8, abs=0.03)
    assert costs.share_of_spread == pytest.approx(0.2, abs=0.03)
    assert price.correlation > 0 > costs.correlation  # more costs → lower net income


def test_inputs_that_cannot_move_net_income_are_left_out():
    """A session's length moves hours, never net income; a one-value range, or the range of a
    disabled offer, moves nothing: only the price is a driver."""
    second = COACHING | {"name": "Paused", "enabled": False, "ranges": {"clients": [5, 15]}}
    scenario = with_ranges(
        scenario_from_document(
            {"name": "Two offers", "practitioner": PRACTITIONER, "offers": [COACHING, second]}
        ),
        {
            Input("Coaching", "price_per_client"): [3000, 5000],
            Input("Coaching", "session_hours"): [0.5, 2],
            Input("Coaching", "clients"): [10, 10],
        },
    )
    result = simulate(scenario, 4000, seed=2)
    assert result.total_hours.p10 != result.total_hours.p90  # the session length does move hours
    assert [driver.field for driver in result.drivers] == ["price_per_client"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(min_offers=1, max_offers=3))
def test_the_shares_of_the_spread_are_shares(scenario):
    result = simulate(with_every_range(scenario, 30), 1000, seed=5)
    shares = [driver.share_of_spread for driver in result.drivers]
    assert all(0 <= share <= 1 for share in shares)
    assert sum(shares) <= 1 + 1e-9
    assert shares == sorted(shares, reverse=True)


def test_every_figure_gets_twenty_percent_whole_counts_to_the_nearest_whole_number():
    # 12 clients ±20% = 9.6 … 14.4 → 10 … 14 whole clients; a price of 4,000 → 3,200 … 4,800;
    # 45 weeks → 36 … 54, kept within the schema's 52; a 90% returning share → 72% … 100%;
    # the tax rate, the assistant and travel at 0 get no range.
    scenario = practice(
        clients=12, returning_share=0.9, ranges={"travel_hours_per_session": [0, 1]}
    )
    ranged = with_every_range(scenario, 20)
    offer, practitioner = ranged.offers[0], ranged.practitioner
    assert offer.ranges is not None and practitioner.ranges is not None
    assert offer.ranges["clients"] == [10, 14]
    assert offer.ranges["price_per_client"] == [3200, 4800]
    assert offer.ranges["returning_share"] == pytest.approx([0.72, 1.0])
    assert offer.ranges["prep_hours_per_session"] == [0.4, 0.6]  # not 0.4000000000000001
    assert practitioner.ranges["weeks_per_year"] == [36, 52]
    assert "travel_hours_per_session" not in offer.ranges  # planned at 0: its range goes
    assert "tax_rate" not in practitioner.ranges
    # Practitioner: hours a week, weeks, admin, fixed costs (4); Coaching: clients, sessions,
    # session length, price, prep, oversight (0.1 by default), selling hours, returning share (8).
    assert (len(practitioner.ranges), len(offer.ranges)) == (4, 8)


def test_a_count_that_twenty_percent_cannot_move_gets_no_range():
    # 1 client ±20% = 0.8 … 1.2, which rounds back to 1 both ways: no range (not 0 … 2,
    # which would make one client explain most of the spread); 3 clients: 2.4 … 3.6 → 2 … 4.
    one = with_every_range(practice(clients=1), 20).offers[0]
    three = with_every_range(practice(clients=3), 20).offers[0]
    assert one.ranges is not None and "clients" not in one.ranges
    assert three.ranges is not None and three.ranges["clients"] == [2, 4]


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


def test_a_market_that_never_binds_gives_a_finite_count_range():
    # 2.2e-308 new licensees a year for 1 active: the market of 1 new licensee a year would
    # take 1 / 2.2e-308 = 4.5e307 active ones (a hypothesis counterexample once overflowed
    # here); the count range is capped at a million like any other.
    licence = Licensing.model_validate(
        {
            "kind": "licensing",
            "name": "Licence",
            "licensees": 1,
            "new_licensees_per_year": 2.2e-308,
            "licensee_revenue_per_year": 100000,
            "royalty_rate": 0.05,
            "max_sales_per_year": 1,
        }
    )
    assert default_count_range(licence) == (0.0, 1_000_000.0)
    scenario = scenario_from_document(
        {
            "name": "Tiny signing rate",
            "offers": [licence.model_dump(mode="json", exclude_none=True)],
        }
    )
    assert optimize(scenario).status == "optimal"


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


# ---- Version 2: the best mix within demand and the delivery cap ----


def funnel_mix() -> Scenario:
    """40 h × 46 weeks = 1,840 h, no fixed admin, at most 15 client-facing hours a week
    (15 × 46 = 690 h). Coaching: 24 sessions × 1 h = 24 h and 5,000 a client, 100 discovery
    calls a year converting at 20%: at most 20 clients. Mentoring: 24 h and 3,000 a client,
    no market limit given (count range 0 to 3 × 10 = 30)."""
    return scenario_from_document(
        {
            "schema_version": 2,
            "name": "Funnel mix",
            "practitioner": {
                "hours_per_week": 40,
                "weeks_per_year": 46,
                "admin_hours_per_week": 0,
                "max_delivery_hours_per_week": 15,
            },
            "offers": [
                FUNNEL_COACHING,
                FUNNEL_COACHING
                | {"name": "Mentoring", "price_per_client": 3000}
                | {"leads_per_year": None, "conversion_rate": None},
            ],
        }
    )


def test_best_mix_binding_limits_by_hand():
    # Coaching pays more an hour: all 20 clients the calls bring (480 h of delivery), then
    # a 21st would need 105 calls: "market". That leaves 690 − 480 = 210 client-facing
    # hours: ⌊210 / 24⌋ = 8 mentoring clients (192 h; a 9th makes 696 h > 690): "energy".
    # All hours: 28 × 24 = 672 h of 1,840, far from binding. 20 × 5,000 + 8 × 3,000 = 124,000.
    optimum = optimize(funnel_mix())
    assert optimum.counts == {"Coaching": 20.0, "Mentoring": 8.0}
    assert optimum.binding_limits == {"Coaching": "market", "Mentoring": "energy"}
    assert optimum.totals is not None and optimum.totals.net_income == pytest.approx(124_000)


def test_best_mix_without_the_delivery_cap_stops_at_the_count_range():
    # No delivery cap: Mentoring runs to its default maximum of 30 (720 h; 50 clients × 24 h
    # = 1,200 h ≤ 1,840): "count range"; Coaching still at its market of 20.
    scenario = funnel_mix()
    free = scenario.model_copy(
        update={
            "practitioner": scenario.practitioner.model_copy(
                update={"max_delivery_hours_per_week": None}
            )
        }
    )
    optimum = optimize(free)
    assert optimum.counts == {"Coaching": 20.0, "Mentoring": 30.0}
    assert optimum.binding_limits == {"Coaching": "market", "Mentoring": "count range"}


def test_given_count_ranges_still_respect_the_market():
    # A maximum of 50 clients given for Coaching: the calls still bring only 20.
    optimum = optimize(funnel_mix(), Limits(counts={"Coaching": (0, 50)}))
    assert optimum.counts["Coaching"] == 20.0
    assert optimum.binding_limits["Coaching"] == "market"


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=60)
@given(scenario=scenarios(min_offers=1, max_offers=3))
def test_the_best_mix_never_exceeds_a_demand_limit_or_the_delivery_cap(scenario):
    optimum = optimize(scenario)
    if optimum.status != "optimal":
        return
    check = check_fit(recommended(scenario, optimum.counts))
    assert check.offers_over_market() == ()
    assert check.over_delivery_cap_by_hours == 0
    assert check.over_by_hours == 0


# ---- Version 2: take-home, empty optional fields, and fitting with demand and energy ----


def taxed(**offer_changes: object) -> Scenario:
    """:func:`practice` with a 25% tax rate and a target of 60,000 to take home."""
    return scenario_from_document(
        {
            "schema_version": 2,
            "name": "Taxed practice",
            "practitioner": PRACTITIONER | {"tax_rate": 0.25},
            "offers": [COACHING | offer_changes],
        }
    )


def test_goal_seek_take_home_by_hand():
    # Take-home = (10 × price − 5,000) × (1 − 0.25) = 60,000 ⇒ net 80,000 ⇒ price 8,500.
    answer = goal_seek(taxed(), Input("Coaching", "price_per_client"), "take_home", 60000)
    assert answer.value == pytest.approx(8500, abs=1e-6)
    assert answer.achieved == pytest.approx(60000, abs=1e-6)


def test_what_must_be_true_reaches_the_target_after_tax():
    # Target 60,000 to take home (PRACTITIONER's target): price 8,500 as above, not the
    # 6,500 a pre-tax target would need; clients: 4,000 × c × 0.75 − 3,750 = 60,000 ⇒
    # c = 63,750 / 3,000 = 21.25, so 22 whole clients (22 × 37 + 135 = 949 h of 1,800: fits).
    rows = {row.field: row for row in what_must_be_true(taxed(), 60000)}
    assert rows["price_per_client"].needed == pytest.approx(8500, abs=1e-6)
    assert rows["clients"].needed == 22
    assert rows["clients"].fits and not rows["clients"].over_delivery_cap


def test_goal_seek_reports_the_delivery_cap_and_the_funnels_market():
    # 10 h a week of client work × 45 weeks = 450 h; each client is 20 h of delivery. 30
    # discovery calls at 50% bring 15 clients. Take-home 60,000 needs 21.25 clients, so 22
    # whole clients: 440 h of delivery fits the cap, but 22 > 15 is past the market.
    scenario = taxed(leads_per_year=30, conversion_rate=0.5)
    scenario = scenario.model_copy(
        update={
            "practitioner": scenario.practitioner.model_copy(
                update={"max_delivery_hours_per_week": 10}
            )
        }
    )
    answer = goal_seek(scenario, Input("Coaching", "clients"), "take_home", 60000)
    assert answer.value == 22
    assert not answer.fits
    assert answer.over_market == ("Coaching",)
    assert answer.over_delivery_cap_by_hours == 0
    # With 8 h a week (360 h): 22 × 20 = 440 h of delivery is 80 h past the cap.
    tighter = scenario.model_copy(
        update={
            "practitioner": scenario.practitioner.model_copy(
                update={"max_delivery_hours_per_week": 8}
            )
        }
    )
    answer = goal_seek(tighter, Input("Coaching", "clients"), "take_home", 60000)
    assert answer.over_delivery_cap_by_hours == pytest.approx(80)
    assert answer.best_fitting is not None and answer.best_fitting.value == pytest.approx(15)


def test_empty_optional_fields_are_skipped_never_crash():
    """A fixed-fee contract (no hourly rate) and an offer without a conversion rate: the
    analyses vary only the fields with a value, and goal seek refuses an empty one in words."""
    scenario = scenario_from_document(
        {
            "schema_version": 2,
            "name": "Fixed fee",
            "practitioner": PRACTITIONER,
            "offers": [
                COACHING,
                {
                    "kind": "contract",
                    "name": "Audit",
                    "contracts": 2,
                    "hours_per_contract": 60,
                    "fee_per_contract": 12000,
                },
            ],
        }
    )
    fields = {(where.offer, where.field) for where in assumptions(scenario)}
    assert ("Audit", "fee_per_contract") in fields
    assert ("Audit", "hourly_rate") not in fields
    assert ("Coaching", "conversion_rate") not in fields
    assert all(row.field != "hourly_rate" for row in sensitivity(scenario).rows)
    simulate(with_ranges(scenario, ranges_around(scenario, 20)), 500)
    with pytest.raises(ValueError, match="empty"):
        goal_seek(scenario, Input("Audit", "hourly_rate"), "take_home", 1)


def test_conversion_and_leads_are_natural_ranges():
    """Leads and conversion drawn from ranges: samples whose new clients outrun 30 × the drawn
    conversion are past the market, never counted as fitting."""
    scenario = with_ranges(
        practice(leads_per_year=30, conversion_rate=0.4),
        {
            Input("Coaching", "conversion_rate"): [0.2, 0.6],
            Input("Coaching", "leads_per_year"): [20, 40],
        },
    )
    result = simulate(scenario, 4000)
    # 10 clients need leads × conversion ≥ 10: e.g. 30 × 0.4 = 12 fits, 20 × 0.3 = 6 does not.
    assert 0 < result.probability_over_market < 1
    assert result.p_reach_and_fit is not None
    assert result.p_reach_and_fit <= 1 - result.probability_over_market + 1e-12
    # They decide whether the 10 clients can be found, not what the 10 clients pay (no cost
    # per lead): they cannot move net income, so they are no drivers of its spread.
    assert result.drivers == ()


def test_sensitivity_marks_an_end_past_the_market():
    # Clients +20% = 12 against 30 calls × 0.4 = 12: within; 40% of 30 at −20% is 9.6 < 10.
    result = sensitivity(practice(leads_per_year=30, conversion_rate=0.4))
    conversion = next(row for row in result.rows if row.field == "conversion_rate")
    assert (conversion.low_over_market, conversion.high_over_market) == (True, False)
    clients = next(row for row in result.rows if row.field == "clients")
    assert (clients.low_over_market, clients.high_over_market) == (False, False)
    assert result.take_home == result.net_income  # no tax rate


# --- whole counts ----------------------------------------------------------------------------


def mastermind(**offer_changes: object) -> Scenario:
    """tests.factories.MASTERMIND_COACH: net income 9,600 × members − 5,000 (71,800 at 8)."""
    offer = MASTERMIND_COACH["offers"][0] | offer_changes
    return scenario_from_document(MASTERMIND_COACH | {"offers": [offer]})


def test_goal_seek_on_members_answers_the_smallest_whole_count_that_reaches_the_target():
    # 9,600 × members − 5,000 = 107,000 ⇒ members = 112,000 / 9,600 = 11.67. 11 members give
    # 9,600 × 11 − 5,000 = 100,600 (short); 12 give 9,600 × 12 − 5,000 = 110,200.
    answer = goal_seek(mastermind(), Input("Mastermind", "members_per_cohort"), "take_home", 107000)
    assert answer.whole and answer.reachable
    assert answer.value == 12
    assert answer.achieved == pytest.approx(110200)
    assert answer.fits


def test_goal_seek_on_a_most_answers_the_largest_whole_count_within_it():
    # Total hours at most 1,000: 37 h a client + 135 h ⇒ (1,000 − 135) / 37 = 23.38 clients;
    # 24 would need 1,023 h, 23 need 23 × 37 + 135 = 986 h.
    answer = goal_seek(practice(), Input("Coaching", "clients"), "total_hours", 1000)
    assert answer.value == 23 and answer.reachable
    assert answer.achieved == pytest.approx(986)


def test_goal_seek_says_when_no_whole_count_within_the_range_reaches_the_target():
    # A file may hold 2.5 active licensees on average: new licensees run from 0 to 2.5. A
    # target the model reaches at 2.25 new licensees needs 3 whole ones, past 2.5: not
    # reachable in whole numbers, and 2 comes closest.
    scenario = load_scenario(SCENARIOS / "program-licensing.yaml")
    licence = next(offer for offer in scenario.offers if offer.kind == "licensing")
    active, new = Input(licence.name, "licensees"), Input(licence.name, "new_licensees_per_year")
    scenario = with_values(scenario, {active: 2.5, new: 1})
    target = float(figure_at(scenario, new, 2.25, "net_income"))
    assert float(figure_at(scenario, new, 2, "net_income")) < target  # more new ones earn more
    answer = goal_seek(scenario, new, "net_income", target)
    assert (answer.whole, answer.reachable, answer.value) == (True, False, 2)


def test_what_must_be_true_rounds_a_count_up_and_gives_its_figures_there():
    # At 3,000 a client: 3,000 × clients − 5,000 = 47,000 ⇒ clients = 52,000 / 3,000 = 17.33,
    # so 18 clients (+80% on 10), who take 18 × 37 + 135 = 801 h of 1,800: fits. The price
    # alone: (47,000 + 5,000) / 10 = 5,200, a continuous figure, not rounded.
    rows = {row.field: row for row in what_must_be_true(practice(price_per_client=3000), 47000)}
    assert rows["clients"].needed == 18
    assert rows["clients"].change == pytest.approx(0.8)
    assert rows["clients"].fits
    assert rows["price_per_client"].needed == pytest.approx(5200)


def test_the_two_input_grid_steps_by_whole_members():
    # 35 / 3 = 11.67 members on average in the file, ±20%: 9.33 … 14, so 9, 10, … 14 whole
    # members across; the fee (continuous) runs 640 … 960 in 5 steps down.
    scenario = mastermind(members_per_cohort=35 / 3)
    table = data_table(
        scenario,
        Input("Mastermind", "members_per_cohort"),
        Input("Mastermind", "fee_per_member_per_month"),
    )
    assert sorted(set(table["across"])) == [9, 10, 11, 12, 13, 14]
    assert sorted(set(table["down"])) == pytest.approx([640, 720, 800, 880, 960])
    # 12 members at 800: 12 × 9,600 − 5,000 = 110,200.
    cell = table[(table["across"] == 12) & np.isclose(table["down"], 800)].iloc[0]
    assert cell["net_income"] == pytest.approx(110200)


def test_whole_steps_cover_every_whole_number_or_spread_them():
    assert whole_steps(9, 14, 5).tolist() == [9, 10, 11, 12, 13, 14]
    assert whole_steps(80, 120, 5).tolist() == [80, 90, 100, 110, 120]
    assert whole_steps(3, 3, 5).tolist() == [3]


def test_the_tornado_moves_a_count_by_whole_numbers_and_shows_the_values_used():
    # 3 cohorts ±20%: 2.4 and 3.6 ⇒ 2 and 4 cohorts; ±10%: 2.7 and 3.3 both round back to 3,
    # so the row says 3 and 3 and does not move net income.
    rows = {row.field: row for row in sensitivity(mastermind(cohorts=3), 20).rows}
    assert rows["cohorts"].whole and not rows["fee_per_member_per_month"].whole
    assert (rows["cohorts"].low_value, rows["cohorts"].high_value) == (2, 4)
    # 2 cohorts × 8 × 9,600 − 5,000 = 148,600; 4 cohorts: 302,200.
    assert rows["cohorts"].low_net_income == pytest.approx(148600)
    assert rows["cohorts"].high_net_income == pytest.approx(302200)
    small = {row.field: row for row in sensitivity(mastermind(cohorts=3), 10).rows}
    assert (small["cohorts"].low_value, small["cohorts"].high_value) == (3, 3)
    assert small["cohorts"].swing == 0


def test_the_best_mix_is_whole_where_rounding_the_continuous_answer_breaks_the_hours():
    # 38 h a client (20 delivery + 10 prep + 8 BD) and 135 h of fixed admin in 1,800 h:
    # continuously (1,800 − 135) / 38 = 43.82 clients; rounded, 44 would need
    # 44 × 38 + 135 = 1,807 h (over). The mixed-integer answer is 43: 1,769 h.
    scenario = practice(bd_hours_per_sale=8)
    optimum = optimize(scenario, Limits(counts={"Coaching": (0, 100)}))
    assert optimum.counts == {"Coaching": 43.0}
    assert optimum.totals is not None
    assert optimum.totals.total_hours == pytest.approx(1769)
    assert not check_fit(with_values(scenario, {Input("Coaching", "clients"): 44})).fits


def test_the_best_mix_sells_students_whole():
    scenario = load_scenario(SCENARIOS / "course-creator.yaml")
    optimum = optimize(scenario, Limits(reserve_hours_per_week=3.3))
    assert optimum.status == "optimal"
    assert all(count == int(count) for count in optimum.counts.values())


def test_the_best_mix_keeps_new_licensees_whole():
    # 11 active licensees with 9 new a year grown to 13: 13 × 9 / 11 = 10.6 new, so 10.
    scenario = load_scenario(SCENARIOS / "program-licensing.yaml")
    licence = next(offer for offer in scenario.offers if offer.kind == "licensing")
    active, new = Input(licence.name, "licensees"), Input(licence.name, "new_licensees_per_year")
    scenario = with_values(scenario, {active: 11, new: 9})
    grown = next(
        offer
        for offer in recommended(scenario, {licence.name: 13}).offers
        if offer.kind == "licensing"
    )
    assert (grown.licensees, grown.new_licensees_per_year) == (13, 10)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=40)
@given(scenario=scenarios(min_offers=1, max_offers=3), reserve=st.floats(0, 10))
def test_the_best_mix_is_whole_where_the_count_is_and_always_fits(scenario, reserve):
    """The best mix's counts are whole for every whole count (every kind's count is one), so is
    every count it changes, and the plan it recommends never exceeds your hours, the delivery
    cap or a market."""
    optimum = optimize(scenario, Limits(reserve_hours_per_week=reserve))
    if optimum.status != "optimal":
        return
    mix = recommended(scenario, optimum.counts)
    for offer in scenario.enabled_offers:
        count = optimum.counts[offer.name]
        if is_whole_count(type(offer), offer.count_field):
            assert count == int(count)
    for planned, mixed in zip(scenario.offers, mix.offers, strict=True):
        for name in type(mixed).model_fields:
            value = getattr(mixed, name)
            if is_whole_count(type(mixed), name) and value != getattr(planned, name):
                assert value == int(value), name  # a count the mix changed is whole
    check = check_fit(mix)
    assert check.fits
    assert check.offers_over_market() == ()
    assert check.over_delivery_cap_by_hours == 0


def test_a_count_reads_whole_with_its_words():
    from presentation.formatting import format_count

    assert format_count(12.0, "members per cohort") == "12 members per cohort"
    assert format_count(1200) == "1,200"
    assert format_count(35 / 3) == "11.67"  # an average a file holds
    assert format_count(-0.0) == "0"
