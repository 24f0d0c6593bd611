"""The timeline: hand-worked months, consistency with the annual model, and its invariants."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from models import Practitioner, Scenario, evaluate
from models.examples import example_names, load_example
from models.results import HOUR_CATEGORIES
from models.schema import GroupProgram, Mastermind, OnlineProgram, Schedule
from models.timeline import (
    build_timeline,
    default_start_months,
    notes,
    offer_months,
    ramp_factor,
    timeline,
)
from tests.factories import coaching
from tests.strategies import scenarios

# No fixed admin or costs: every figure below is the offer's own.
QUIET = Practitioner(admin_hours_per_week=0)


def month_of(array, month):
    return float(array[month - 1])


def test_a_group_launch_sells_the_month_before_and_runs_two_months():
    group = GroupProgram(
        kind="group_program",
        name="Circle",
        groups=2,
        participants_per_group=8,
        price_per_participant=1000,
        sessions_per_group=8,
        session_hours=2,
        prep_hours_per_session=1,
        bd_hours_per_sale=4,
        admin_hours_per_sale=1,
        cost_per_sale=50,
        schedule=Schedule(start_months=[3, 9]),
    )
    placed = offer_months(group)
    bd, admin, delivery, prep = (placed.hours[HOUR_CATEGORIES.index(c)] for c in (
        "business_development", "admin", "delivery", "prep"))  # fmt: skip
    # one group a start: BD 8 × 4 h = 32 h in the month before (2, 8, 14 …)
    assert month_of(bd, 2) == pytest.approx(32) and month_of(bd, 8) == pytest.approx(32)
    assert month_of(bd, 3) == 0
    # admin 8 × 1 h, revenue 8 × 1,000 and costs 8 × 50 at the start
    assert month_of(admin, 3) == pytest.approx(8)
    assert month_of(placed.revenue, 3) == pytest.approx(8000)
    assert month_of(placed.revenue, 4) == 0
    assert month_of(placed.direct_costs, 3) == pytest.approx(400)
    # 8 weekly sessions last ⌈8 / 4.33⌉ = 2 months: 16 h of delivery, 8 h a month; prep 4 h
    assert month_of(delivery, 3) == pytest.approx(8) and month_of(delivery, 4) == pytest.approx(8)
    assert month_of(delivery, 5) == 0
    assert month_of(prep, 4) == pytest.approx(4)


def test_a_mastermind_cohort_is_paid_monthly_while_it_meets():
    mastermind = Mastermind(
        kind="mastermind",
        name="Cohort",
        cohorts=1,
        members_per_cohort=6,
        fee_per_member_per_month=500,
        months=6,
        meetings_per_month=2,
        meeting_hours=2,
        bd_hours_per_sale=6,
        schedule=Schedule(start_months=[4]),
    )
    placed = offer_months(mastermind)
    delivery = placed.hours[HOUR_CATEGORIES.index("delivery")]
    bd = placed.hours[HOUR_CATEGORIES.index("business_development")]
    # 6 members × 500 = 3,000 a month in months 4-9, again from month 16
    assert [month_of(placed.revenue, m) for m in (3, 4, 9, 10, 16)] == [0, 3000, 3000, 0, 3000]
    # 6 months × 2 meetings × 2 h = 24 h: 4 h a month
    assert month_of(delivery, 6) == pytest.approx(4)
    # 6 members × 6 h of BD in month 3
    assert month_of(bd, 3) == pytest.approx(36)


def test_an_online_program_is_created_before_it_launches_then_ramps_up():
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=120,
        price_high_touch=500,
        price_automated=500,
        automation=0,
        support_hours_per_student=1,
        creation_hours=400,
        upkeep_hours_per_year=24,
        schedule=Schedule(start_month=5, creation_months=4, ramp_months=3),
    )
    placed = offer_months(course)
    creation = placed.hours[HOUR_CATEGORIES.index("creation")]
    delivery = placed.hours[HOUR_CATEGORIES.index("delivery")]
    # 400 h over months 1-4: 100 h each; from month 5, upkeep 24 / 12 = 2 h
    assert [month_of(creation, m) for m in (1, 4, 5, 20)] == [100, 100, 2, 2]
    # a full month: 120 × 500 / 12 = 5,000 and 120 h / 12 = 10 h; the ramp: 1/4, 2/4, 3/4
    assert [month_of(placed.revenue, m) for m in (4, 5, 6, 7, 8)] == [0, 1250, 2500, 3750, 5000]
    assert month_of(delivery, 6) == pytest.approx(5)
    assert [phase for phase, _, _ in placed.phases] == ["creating", "ramping up", "running"]


def test_a_schedule_that_cannot_fit_its_creation_starts_later_and_says_so():
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=10,
        price_high_touch=100,
        price_automated=100,
        automation=1,
        creation_hours=300,
        schedule=Schedule(start_month=2, creation_months=3),
    )
    placed = offer_months(course)
    assert placed.start_month == 4
    assert placed.notes == (
        '"Course": 3 months of creation do not fit before month 2, so it starts in month 4.',
    )
    report = build_timeline(Scenario(name="Late", practitioner=QUIET, offers=[course]))
    assert notes(report)[0] == placed.notes[0]


def test_ramp_and_default_start_months():
    assert [ramp_factor(m, 4, 3) for m in (3, 4, 5, 6, 7)] == [0, 0.25, 0.5, 0.75, 1]
    assert default_start_months(3) == [1, 5, 9]
    assert default_start_months(2.5) == [1, 5, 9]
    assert default_start_months(1) == [1]
    # 30 groups a year: one start a month, each holding 30 / 12 = 2.5 groups
    assert default_start_months(30) == list(range(1, 13))


def test_months_add_up_fixed_costs_capacity_cumulative_and_break_even():
    # 10 clients × 5,000 = 50,000 a year: 4,166.67 a month; fixed costs 60,000: 5,000 a month
    practitioner = Practitioner(admin_hours_per_week=0, fixed_costs_per_year=60_000)
    late = coaching(schedule=Schedule(start_month=2))
    plan = timeline(Scenario(name="Losing", practitioner=practitioner, offers=[late]))
    first = plan.months[0]
    assert first.revenue == 0 and first.net_income == pytest.approx(-5000)
    # capacity 40 h × 46 weeks / 12 = 153.3 h a month
    assert first.capacity_hours == pytest.approx(40 * 46 / 12)
    assert plan.months[1].net_income == pytest.approx(50_000 / 12 - 5000)
    assert plan.months[-1].cumulative_net_income == pytest.approx(
        sum(m.net_income for m in plan.months)
    )
    assert plan.break_even_month is None  # it loses money every month
    paying = coaching(price_per_client=8000, schedule=Schedule(start_month=2))
    plan = timeline(Scenario(name="Paying", practitioner=practitioner, offers=[paying]))
    # −5,000 in month 1, then +1,666.67 a month: back to 0 after 3 more months, in month 4
    assert plan.break_even_month == 4


def test_payback_values_creation_hours_at_the_practitioners_hourly_value():
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=120,
        price_high_touch=100,
        price_automated=100,
        automation=1,
        creation_hours=100,
        schedule=Schedule(start_month=4, creation_months=3),
    )
    practitioner = Practitioner(admin_hours_per_week=0, hourly_value=50)
    plan = timeline(Scenario(name="Course", practitioner=practitioner, offers=[course]))
    # 100 h × 50 = 5,000 to pay back at 120 × 100 / 12 = 1,000 a month from month 4: month 8
    assert plan.payback == {"Course": 8}


@pytest.mark.parametrize("name", example_names())
def test_a_steady_year_adds_up_to_the_annual_model_on_every_example(name):
    assert_year_three_matches(load_example(name))


def assert_year_three_matches(scenario):
    annual = evaluate(scenario).totals
    year = timeline(scenario).months[24:]
    # Every monthly figure is a sum of non-negative parts, so a relative tolerance fits
    # whatever the scale; the months add the same terms in a different order.
    close = {"rel": 1e-9, "abs": 1e-9}
    assert sum(m.revenue for m in year) == pytest.approx(annual.revenue, **close)
    assert sum(m.direct_costs for m in year) == pytest.approx(annual.direct_costs, **close)
    for category in HOUR_CATEGORIES[:-1]:  # creation is upkeep only by then
        total = sum(getattr(m.hours, category) for m in year)
        assert total == pytest.approx(getattr(annual.hours, category), **close), category


def _steady_by_year_three(scenario):
    for offer in scenario.enabled_offers:
        schedule = offer.schedule or Schedule()
        creation = getattr(offer, "creation_hours", 0)
        start = max(schedule.start_month, schedule.creation_months + 1 if creation else 1)
        if start + schedule.ramp_months > 13:
            return False
        if isinstance(offer, Mastermind) and offer.months > 24:
            return False
        if isinstance(offer, GroupProgram) and (schedule.duration_months or 0) > 24:
            return False
        if isinstance(offer, GroupProgram) and offer.sessions_per_group > 104:
            return False  # sessions at one a week past 24 months
    return True


@given(scenarios(max_offers=4))
def test_a_steady_year_adds_up_on_generated_scenarios(scenario):
    assume(_steady_by_year_three(scenario))
    assert_year_three_matches(scenario)


@given(scenarios(min_offers=1, max_offers=3), st.data())
def test_starting_a_paying_offer_later_never_raises_cash_at_month_36(scenario, data):
    candidates = [
        offer for offer in scenario.enabled_offers if not getattr(offer, "creation_hours", 0)
    ]
    assume(candidates)
    offer = data.draw(st.sampled_from(candidates))
    placed = offer_months(offer)
    contribution = placed.revenue - placed.direct_costs
    running = placed.total_hours + placed.revenue + placed.direct_costs > 0
    assume((contribution[running] > 0).all())
    schedule = offer.schedule or Schedule()
    later = min(36, schedule.start_month + data.draw(st.integers(1, 12)))
    moved = offer.model_copy(
        update={"schedule": schedule.model_copy(update={"start_month": later})}
    )
    offers = [moved if o.name == offer.name else o for o in scenario.offers]
    before = timeline(scenario).months[-1].cumulative_net_income
    after = (
        timeline(scenario.model_copy(update={"offers": offers})).months[-1].cumulative_net_income
    )
    assert after <= before + 1e-9 * max(1.0, abs(before))
