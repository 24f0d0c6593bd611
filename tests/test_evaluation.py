"""The orchestrator: whole offers and scenarios against numbers worked by hand."""

import pytest

from models import Practitioner, Scenario, evaluate, evaluate_offer
from models.evaluation import EVENTS_BUSINESS_WARNING
from models.schema import (
    Contract,
    GroupProgram,
    Licensing,
    Mastermind,
    OnlineProgram,
    Retreat,
)
from tests.factories import coaching


def test_one_to_one_every_hour_category():
    offer = coaching(
        clients=20,
        prep_hours_per_session=0.5,
        bd_hours_per_sale=14,
        returning_share=0.5,
        admin_hours_per_sale=2,
        cost_per_sale=100,
    )
    result = evaluate_offer(offer)
    # sessions 20 × 24 = 480; delivery 480 h; prep 480 × 0.5 = 240 h
    assert result.hours.delivery == pytest.approx(480)
    assert result.hours.prep == pytest.approx(240)
    # online: no travel
    assert result.hours.travel == 0
    # BD: 10 new × 14 + 10 returning × 14/7 = 140 + 20 = 160 h
    assert result.hours.business_development == pytest.approx(160)
    # admin 20 × 2 = 40 h
    assert result.hours.admin == pytest.approx(40)
    assert result.hours.creation == 0
    # total 480 + 240 + 160 + 40 = 920 h
    assert result.total_hours == pytest.approx(920)
    # revenue 100,000; costs 20 × 100 = 2,000; contribution 98,000
    assert result.revenue == pytest.approx(100_000)
    assert result.direct_costs == pytest.approx(2000)
    assert result.contribution == pytest.approx(98_000)
    # leverage 480 / 920; billable-to-BD 480 / 160 = 3; revenue per BD hour 100,000 / 160 = 625
    assert result.leverage == pytest.approx(480 / 920)
    assert result.billable_to_bd_ratio == pytest.approx(3)
    assert result.revenue_per_bd_hour == pytest.approx(625)
    # contribution per hour 98,000 / 920
    assert result.contribution_per_hour == pytest.approx(98_000 / 920)


def test_returning_buyers_use_the_explicit_bd_hours_when_given():
    offer = coaching(
        clients=20, bd_hours_per_sale=14, returning_share=0.5, bd_hours_per_returning_sale=4
    )
    # 10 × 14 + 10 × 4 = 180 h
    assert evaluate_offer(offer).hours.business_development == pytest.approx(180)


def test_in_person_sessions_add_travel_hours_and_costs_online_ones_do_not():
    fields = dict(
        kind="contract",
        name="Hospital",
        contracts=2,
        hours_per_contract=300,
        hourly_rate=175,
        prep_hours_per_session=1,
        travel_hours_per_session=2,
        travel_cost_per_session=120,
        venue_cost_per_session=30,
    )
    in_person = evaluate_offer(Contract(**fields, delivery="in_person"))
    # 600 h / 8 = 75 days: travel 75 × 2 = 150 h; costs 75 × (120 + 30) = 11,250
    assert in_person.sessions == pytest.approx(75)
    assert in_person.hours.travel == pytest.approx(150)
    assert in_person.hours.prep == pytest.approx(75)
    assert in_person.direct_costs == pytest.approx(11_250)
    online = evaluate_offer(Contract(**fields))
    assert online.hours.travel == 0
    assert online.direct_costs == 0
    # preparation counts either way
    assert online.hours.prep == pytest.approx(75)


def test_retreat_prep_travel_and_costs_count_per_retreat():
    offer = Retreat(
        kind="retreat",
        name="Autumn",
        retreats=2,
        attendees_per_retreat=12,
        price_per_attendee=4500,
        retreat_hours=24,
        prep_hours_per_retreat=40,
        travel_hours_per_retreat=16,
        travel_cost_per_retreat=1500,
        venue_cost_per_retreat=18000,
        cost_per_sale=900,
    )
    result = evaluate_offer(offer)
    # prep 2 × 40 = 80; travel 2 × 16 = 32
    assert result.hours.prep == pytest.approx(80)
    assert result.hours.travel == pytest.approx(32)
    # costs 24 × 900 + 2 × (1,500 + 18,000) = 21,600 + 39,000 = 60,600
    assert result.direct_costs == pytest.approx(60_600)
    # revenue 24 × 4,500 = 108,000
    assert result.contribution == pytest.approx(108_000 - 60_600)


def test_online_program_launches_platform_fees_and_creation():
    offer = OnlineProgram(
        kind="online_program",
        name="Course",
        students=300,
        price_high_touch=1997,
        price_automated=497,
        automation=0.8,
        support_hours_per_student=3,
        content_hours=6,
        launches_per_year=2,
        bd_hours_per_launch=60,
        platform_fee_rate=0.05,
        creation_hours=474,
        upkeep_hours_per_year=40,
        bd_hours_per_sale=0.25,
        admin_hours_per_sale=0.1,
        cost_per_sale=40,
    )
    result = evaluate_offer(offer)
    # BD 300 × 0.25 + 2 × 60 = 75 + 120 = 195 h
    assert result.hours.business_development == pytest.approx(195)
    # creation 474 / 3 (default years) + 40 = 198 h
    assert result.hours.creation == pytest.approx(198)
    # revenue 239,100; costs 300 × 40 + 239,100 × 0.05 = 12,000 + 11,955 = 23,955
    assert result.revenue == pytest.approx(239_100)
    assert result.direct_costs == pytest.approx(23_955)
    # total hours 180 support + 195 BD + 30 admin + 198 creation = 603 h
    assert result.total_hours == pytest.approx(603)


def test_licensing_counts_new_licensees_as_buyers_and_legal_costs():
    offer = Licensing(
        kind="licensing",
        name="Licence",
        licensees=12,
        new_licensees_per_year=4,
        upfront_fee=9950,
        royalty_rate=0.07,
        licensee_revenue_per_year=80_000,
        onboarding_hours_per_new_licensee=40,
        support_hours_per_licensee=30,
        creation_hours=400,
        amortization_years=4,
        legal_costs_per_year=8000,
        bd_hours_per_sale=50,
        admin_hours_per_sale=4,
    )
    result = evaluate_offer(offer)
    # BD 4 × 50 = 200; admin 4 × 4 = 16; creation 400 / 4 = 100; delivery 4 × 40 + 12 × 30 = 520
    assert result.hours.business_development == pytest.approx(200)
    assert result.hours.admin == pytest.approx(16)
    assert result.hours.creation == pytest.approx(100)
    assert result.total_hours == pytest.approx(836)
    # revenue 107,000 − legal 8,000 = 99,000
    assert result.contribution == pytest.approx(99_000)


def test_mastermind_client_hours_per_delivery_hour_equal_members():
    offer = Mastermind(
        kind="mastermind",
        name="Leaders",
        cohorts=2,
        members_per_cohort=9,
        fee_per_member_per_month=800,
        meetings_per_month=2,
        meeting_hours=2,
    )
    result = evaluate_offer(offer)
    # months defaults to 12: 2 × 12 × 2 = 48 sessions × 2 h = 96 h; client hours 96 × 9 = 864
    assert result.sessions == pytest.approx(48)
    assert result.client_hours / result.hours.delivery == pytest.approx(9)


def test_scenario_totals_add_fixed_admin_and_fixed_costs():
    scenario = Scenario(
        name="Two offers",
        practitioner=Practitioner(
            hours_per_week=40, weeks_per_year=46, admin_hours_per_week=4, fixed_costs_per_year=6000
        ),
        offers=[
            coaching(clients=20, bd_hours_per_sale=14, returning_share=0.5),
            GroupProgram(
                kind="group_program",
                name="Group",
                groups=2,
                participants_per_group=8,
                price_per_participant=1000,
                sessions_per_group=10,
                session_hours=1.5,
            ),
        ],
    )
    totals = evaluate(scenario).totals
    # capacity 40 × 46 = 1,840; fixed admin 4 × 46 = 184
    assert totals.capacity_hours == pytest.approx(1840)
    assert totals.hours.admin == pytest.approx(184)
    # 1:1: 480 delivery + 160 BD = 640; group: 2 × 10 × 1.5 = 30 delivery; + 184 admin = 854
    assert totals.total_hours == pytest.approx(854)
    assert totals.free_hours == pytest.approx(1840 - 854)
    assert totals.utilization == pytest.approx(854 / 1840)
    # revenue 100,000 + 16 × 1,000 = 116,000; net 116,000 − 6,000 = 110,000
    assert totals.revenue == pytest.approx(116_000)
    assert totals.net_income == pytest.approx(110_000)
    assert totals.effective_hourly_rate == pytest.approx(110_000 / 854)
    # delivery 510; billable share 510 / 854; billable-to-BD 510 / 160
    assert totals.billable_share == pytest.approx(510 / 854)
    assert totals.billable_to_bd_ratio == pytest.approx(510 / 160)
    # client hours 480 + 30 × 8 = 720; buyers 20 + 16 = 36
    assert totals.client_hours == pytest.approx(720)
    assert totals.buyers == pytest.approx(36)
    assert totals.leverage == pytest.approx(720 / 854)


def test_practitioner_defaults_and_an_empty_scenario_have_undefined_ratios():
    scenario = Scenario(name="Empty", practitioner=Practitioner(admin_hours_per_week=0))
    totals = evaluate(scenario).totals
    # defaults: 40 h × 46 weeks = 1,840 h
    assert totals.capacity_hours == pytest.approx(1840)
    assert totals.total_hours == 0
    assert totals.effective_hourly_rate is None
    assert totals.leverage is None
    assert totals.billable_share is None
    assert totals.billable_to_bd_ratio is None


def test_disabled_offers_count_nothing_and_are_left_out():
    scenario = Scenario(
        name="One off",
        offers=[coaching(clients=20), coaching(clients=20, name="Off", enabled=False)],
    )
    result = evaluate(scenario)
    assert [offer.name for offer in result.offers] == ["Coaching"]
    assert result.totals.revenue == pytest.approx(100_000)


def test_over_capacity_is_a_warning_in_hours_a_year_and_a_week():
    scenario = Scenario(
        name="Too much",
        practitioner=Practitioner(hours_per_week=10, weeks_per_year=40, admin_hours_per_week=0),
        offers=[coaching(clients=20)],
    )
    result = evaluate(scenario)
    # 480 h against 400: 80 over, 80 / 40 = 2.0 a week
    assert result.totals.free_hours == pytest.approx(-80)
    assert "Over capacity by 80 hours a year (2.0 hours a week)." in result.warnings


def test_group_past_its_largest_size_warns_it_becomes_an_events_business():
    group = GroupProgram(
        kind="group_program",
        name="Big group",
        groups=1,
        participants_per_group=16,
        price_per_participant=500,
        sessions_per_group=8,
        session_hours=2,
    )
    result = evaluate(Scenario(name="Big", offers=[group]))
    (warning,) = result.offer("Big group").warnings
    assert "16" in warning and "12" in warning and EVENTS_BUSINESS_WARNING in warning
    assert warning in result.warnings


def test_an_offer_that_earns_nothing_and_one_past_its_market_are_warned():
    free = coaching(clients=20, name="Pro bono", price_per_client=0)
    capped = coaching(clients=20, name="Capped", max_sales_per_year=10)
    result = evaluate(Scenario(name="Odd", offers=[free, capped]))
    assert result.offer("Pro bono").warnings == ('"Pro bono": this offer earns nothing.',)
    assert "market buys at most 10" in result.offer("Capped").warnings[0]
