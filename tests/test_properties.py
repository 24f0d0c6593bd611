"""Invariants of the model over generated valid scenarios (hypothesis)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import dump_scenario, evaluate, load_scenario
from models.evaluation import assistant_hours, fixed_admin_hours
from models.results import HOUR_CATEGORIES, result_to_dict
from tests.strategies import numbers_in, offers, scenarios


@given(scenarios())
def test_no_hours_are_ever_negative(scenario):
    result = evaluate(scenario)
    for offer in result.offers:
        for category in HOUR_CATEGORIES:
            assert getattr(offer.hours, category) >= 0
    for category in HOUR_CATEGORIES:
        assert getattr(result.totals.hours, category) >= 0


@given(scenarios())
def test_no_nan_or_infinity_anywhere(scenario):
    assert all(math.isfinite(number) for number in numbers_in(result_to_dict(evaluate(scenario))))


@given(scenarios())
def test_totals_equal_the_sum_of_offers_plus_fixed_admin(scenario):
    result = evaluate(scenario)
    totals = result.totals
    admin = fixed_admin_hours(scenario.practitioner)
    offer_hours = sum(offer.total_hours for offer in result.offers)
    # the assistant takes the fixed admin first, then a share of each offer's (already out
    # of the offers' hours): of the fixed admin they leave max(0, fixed − assistant hours)
    taken = min(admin, assistant_hours(scenario.practitioner))
    assert totals.total_hours == pytest.approx(offer_hours + admin - taken, rel=1e-9, abs=1e-6)
    assert totals.revenue == pytest.approx(sum(o.revenue for o in result.offers), rel=1e-9)
    assert totals.direct_costs == pytest.approx(
        sum(o.direct_costs for o in result.offers), rel=1e-9
    )
    assert totals.net_income == pytest.approx(
        totals.revenue - totals.direct_costs - totals.fixed_costs, rel=1e-9, abs=1e-6
    )
    for category in HOUR_CATEGORIES:
        summed = sum(getattr(offer.hours, category) for offer in result.offers)
        if category == "admin":
            summed += admin - taken
        assert getattr(totals.hours, category) == pytest.approx(summed, rel=1e-9, abs=1e-6)


@given(scenarios(min_offers=1), st.data())
def test_disabling_an_offer_removes_exactly_its_share(scenario, data):
    # Without an assistant: one takes admin off you up to their hours, so an offer's admin
    # is not its share of your hours once the assistant has hours to spare.
    practitioner = scenario.practitioner.model_copy(update={"assistant_hours_per_week": 0.0})
    scenario = scenario.model_copy(update={"practitioner": practitioner})
    index = data.draw(st.integers(0, len(scenario.offers) - 1))
    target = scenario.offers[index]
    before = evaluate(scenario)
    disabled = list(scenario.offers)
    disabled[index] = target.model_copy(update={"enabled": False})
    after = evaluate(scenario.model_copy(update={"offers": disabled}))
    if not target.enabled:
        assert after == before
        return
    share = before.offer(target.name)
    assert target.name not in [offer.name for offer in after.offers]
    for field in ("revenue", "direct_costs", "total_hours", "client_hours", "buyers"):
        whole, part = getattr(before.totals, field), getattr(share, field)
        # Floating-point subtraction loses precision relative to the larger term.
        tolerance = 1e-9 * max(abs(whole), abs(part), 1.0)
        assert getattr(after.totals, field) == pytest.approx(whole - part, abs=tolerance)


@given(offers(name="Group", kind="group_program"))
def test_doubling_participants_doubles_revenue_at_the_same_delivery_hours(offer):
    base = evaluate_one(offer)
    doubled = evaluate_one(
        offer.model_copy(update={"participants_per_group": 2 * offer.participants_per_group})
    )
    assert doubled.revenue == pytest.approx(2 * base.revenue, rel=1e-12)
    assert doubled.hours.delivery == base.hours.delivery


@given(offers(name="Mastermind", kind="mastermind"))
def test_mastermind_client_hours_per_delivery_hour_equal_its_members(offer):
    result = evaluate_one(offer)
    # Subnormal hours (below ~1e-308) carry too few digits for a ratio to be exact.
    if result.hours.delivery > 1e-300:
        # associates lead a share of the meetings: your own delivery is (1 − share) of it
        assert result.client_hours / result.hours.delivery == pytest.approx(
            offer.members_per_cohort / (1 - offer.associate_share), rel=1e-9
        )


@given(offers(name="Course", kind="online_program"), st.floats(0, 1), st.floats(0, 1))
def test_more_automation_never_raises_the_price(offer, first, second):
    low, high = sorted((first, second))
    at_low = evaluate_one(offer.model_copy(update={"automation": low, "students": 1.0}))
    at_high = evaluate_one(offer.model_copy(update={"automation": high, "students": 1.0}))
    assert at_high.revenue <= at_low.revenue * (1 + 1e-12) + 1e-9


@given(scenarios())
def test_saving_then_loading_gives_back_the_same_scenario(scenario):
    assert load_scenario(dump_scenario(scenario)) == scenario


def evaluate_one(offer):
    from models import evaluate_offer

    return evaluate_offer(offer)


@given(scenarios(version=2))
def test_take_home_is_never_more_than_a_positive_net_income(scenario):
    # tax = max(0, net) × rate with 0 ≤ rate ≤ 0.9: take-home = net − tax ≤ net when net ≥ 0,
    # and a loss is taken home whole (no tax).
    totals = evaluate(scenario).totals
    assert totals.tax >= 0
    if totals.net_income >= 0:
        assert totals.take_home <= totals.net_income * (1 + 1e-12) + 1e-9
        assert totals.take_home >= 0.1 * totals.net_income * (1 - 1e-9) - 1e-9
    else:
        assert totals.take_home == totals.net_income
