"""The orchestrator: whole offers and scenarios against numbers worked by hand."""

import json

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
from tests.cli_run import leverage
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


# Version 2 (docs/model.md, "Version 2"): every formula through the orchestrator, by kind.


def practice(*offers, **practitioner):
    """A 40 h × 46 week practitioner (4 h a week of fixed admin) with ``offers``."""
    return Scenario(
        name="Version 2", practitioner=Practitioner(**practitioner), offers=list(offers)
    )


def test_a_discovery_call_funnel_sets_bd_marketing_and_the_demand_limit():
    offer = coaching(
        clients=20,
        leads_per_year=60,
        conversion_rate=0.2,
        bd_hours_per_lead=2,
        marketing_cost_per_lead=15,
        returning_share=0.5,
    )
    result = evaluate_offer(offer)
    # new clients 20 × (1 − 0.5) = 10; calls needed 10 / 0.2 = 50
    assert result.new_buyers == pytest.approx(10)
    assert result.leads_needed == pytest.approx(50)
    # BD per new client 2 / 0.2 = 10 h; a returning one 10 / 7 h:
    # 10 × 10 + 10 × 10/7 = 100 + 14.29 = 114.29 h
    assert result.hours.business_development == pytest.approx(100 + 100 / 7)
    # marketing 50 calls × 15 = 750, in the direct costs
    assert result.marketing_costs == pytest.approx(750)
    assert result.direct_costs == pytest.approx(750)
    # demand: 60 × 0.2 = 12 new a year; with half returning 12 / 0.5 = 24 clients in all
    assert result.demand_limit == pytest.approx(24)
    assert result.market_limit == pytest.approx(24)
    assert result.warnings == ()


def test_a_plan_past_its_funnel_is_warned_with_both_numbers():
    # 30 clients, 40% returning: 18 new need 18 / 0.15 = 120 leads; the marketing reaches 80.
    offer = coaching(clients=30, returning_share=0.4, leads_per_year=80, conversion_rate=0.15)
    result = evaluate(practice(offer))
    assert result.offers[0].leads_needed == pytest.approx(120)
    assert '"Coaching": needs 120 leads a year; your marketing reaches 80.' in result.warnings
    # the market limit is the smaller of max sales and the funnel: 80 × 0.15 / 0.6 = 20
    capped = evaluate_offer(offer.model_copy(update={"max_sales_per_year": 18}))
    assert capped.demand_limit == pytest.approx(20)
    assert capped.market_limit == pytest.approx(18)


def test_online_and_licensing_funnels_count_every_buyer_as_new():
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=40,
        price_high_touch=1000,
        price_automated=500,
        automation=0.8,
        support_hours_per_student=2,
        content_hours=5,
        leads_per_year=2000,
        conversion_rate=0.02,
        marketing_cost_per_lead=0.5,
    )
    result = evaluate_offer(course)
    # "your list of 2,000 at 2% gives 40 students": 2,000 × 0.02 = 40, all new
    assert result.demand_limit == pytest.approx(40)
    assert result.leads_needed == pytest.approx(2000)
    # marketing 2,000 × 0.5 = 1,000
    assert result.marketing_costs == pytest.approx(1000)
    licence = Licensing(
        kind="licensing",
        name="Licence",
        licensees=6,
        new_licensees_per_year=2,
        upfront_fee=5000,
        royalty_rate=0.05,
        licensee_revenue_per_year=40000,
        leads_per_year=10,
        conversion_rate=0.25,
        bd_hours_per_lead=5,
    )
    signed = evaluate_offer(licence)
    # 2 new licensees a year from 2 / 0.25 = 8 prospects, 5 / 0.25 = 20 h each: 40 h of BD
    assert signed.leads_needed == pytest.approx(8)
    assert signed.hours.business_development == pytest.approx(40)
    # 10 prospects × 0.25 = 2.5 licensees a year at most
    assert signed.demand_limit == pytest.approx(2.5)


def test_own_delivery_past_the_delivery_cap_is_a_warning():
    # 30 clients × 24 one-hour sessions = 720 h of delivery; a cap of 15 h a week × 46 weeks
    # = 690 h: 720 / 46 = 15.7 h a week, 30 h a year too many.
    scenario = practice(coaching(clients=30), max_delivery_hours_per_week=15)
    result = evaluate(scenario)
    assert result.totals.delivery_capacity_hours == pytest.approx(690)
    assert (
        "Client-facing hours of 15.7 a week are past the 15 a week you can give "
        "(30 hours a year too many)."
    ) in result.warnings
    # 28 clients: 672 h, within the 690 h
    assert not any(
        "Client-facing" in w
        for w in evaluate(practice(coaching(clients=28), max_delivery_hours_per_week=15)).warnings
    )
    # no cap: no delivery capacity
    assert evaluate(practice(coaching(clients=30))).totals.delivery_capacity_hours is None


def test_an_associate_on_a_contract_takes_delivery_prep_and_travel_not_revenue():
    offer = Contract(
        kind="contract",
        name="Review",
        contracts=2,
        hours_per_contract=300,
        hourly_rate=175,
        session_hours=8,
        delivery="in_person",
        prep_hours_per_session=1,
        travel_hours_per_session=2,
        travel_cost_per_session=120,
        associate_share=0.5,
        associate_cost_per_hour=70,
    )
    alone = evaluate_offer(offer.model_copy(update={"associate_share": 0.0}))
    result = evaluate_offer(offer)
    # 600 h on site in 75 days: prep 75 h, travel 150 h; the associate runs half:
    # 0.5 × (600 + 75 + 150) = 412.5 h of theirs; yours 300 + 37.5 + 75
    assert result.associate_hours == pytest.approx(412.5)
    assert (result.hours.delivery, result.hours.prep, result.hours.travel) == pytest.approx(
        (300, 37.5, 75)
    )
    # oversight 0.1 × 412.5 = 41.25 h (the default rate)
    assert result.hours.oversight == pytest.approx(41.25)
    # associate costs 412.5 × 70 = 28,875 on top of 75 days × 120 of travel = 9,000
    assert result.associate_costs == pytest.approx(28875)
    assert result.direct_costs == pytest.approx(9000 + 28875)
    # revenue 600 × 175 = 105,000, sessions and client hours as without the associate
    assert result.revenue == alone.revenue == pytest.approx(105000)
    assert (result.sessions, result.client_hours) == (alone.sessions, alone.client_hours)
    # your hours: 600 + 75 + 150 = 825 alone; 825 − 412.5 + 41.25 = 453.75 with the associate
    assert alone.total_hours == pytest.approx(825)
    assert result.total_hours == pytest.approx(453.75)


def test_an_associate_on_a_retreat_and_on_a_group():
    retreat = Retreat(
        kind="retreat",
        name="Autumn",
        retreats=1,
        attendees_per_retreat=12,
        price_per_attendee=4500,
        retreat_hours=24,
        prep_hours_per_retreat=40,
        travel_hours_per_retreat=16,
        venue_cost_per_retreat=18000,
        associate_share=0.25,
        associate_cost_per_hour=100,
        oversight_hours_per_associate_hour=0.2,
    )
    result = evaluate_offer(retreat)
    # 0.25 × (24 + 40 + 16) = 20 h of the co-facilitator's; yours 18, 30 and 12
    assert result.associate_hours == pytest.approx(20)
    assert (result.hours.delivery, result.hours.prep, result.hours.travel) == pytest.approx(
        (18, 30, 12)
    )
    # oversight 0.2 × 20 = 4 h; costs 18,000 venue + 20 × 100 = 20,000
    assert result.hours.oversight == pytest.approx(4)
    assert result.direct_costs == pytest.approx(20000)
    assert result.revenue == pytest.approx(54000)
    group = GroupProgram(
        kind="group_program",
        name="Circle",
        groups=2,
        participants_per_group=8,
        price_per_participant=3000,
        sessions_per_group=20,
        session_hours=1.5,
        prep_hours_per_session=1,
        associate_share=0.5,
        associate_cost_per_hour=90,
    )
    circle = evaluate_offer(group)
    # 40 sessions: 60 h of delivery and 40 of prep; an associate runs the second group:
    # 0.5 × 100 = 50 h of theirs, 5 h of your oversight, 50 × 90 = 4,500
    assert circle.associate_hours == pytest.approx(50)
    assert circle.hours.oversight == pytest.approx(5)
    assert circle.associate_costs == pytest.approx(4500)
    # client hours stay 60 h × 8 participants = 480
    assert circle.client_hours == pytest.approx(480)


def test_team_leverage_and_billable_utilization():
    offer = coaching(clients=20, associate_share=0.25, associate_cost_per_hour=60)
    totals = evaluate(practice(offer)).totals
    # 480 h of sessions: associates 0.25 × 480 = 120 h, yours 360 h
    assert totals.associate_hours == pytest.approx(120)
    assert totals.hours.delivery == pytest.approx(360)
    # team leverage 120 / 360 = 1/3; billable utilisation 360 / 1,840
    assert totals.team_leverage == pytest.approx(1 / 3)
    assert totals.billable_utilization == pytest.approx(360 / 1840)
    # oversight 12 h counts in your own hours: 360 + 12 + 184 fixed admin = 556
    assert totals.hours.oversight == pytest.approx(12)
    assert totals.total_hours == pytest.approx(556)


def test_an_assistant_lowers_admin_never_below_zero_and_is_paid_in_full():
    offer = coaching(clients=20, admin_hours_per_sale=2)
    helped = evaluate(
        practice(offer, assistant_hours_per_week=2, assistant_cost_per_hour=30)
    ).totals
    # admin 4 × 46 = 184 fixed + 20 × 2 = 40: 224 h; the assistant 2 × 46 = 92 h: 132 h yours
    assert helped.assistant_hours == pytest.approx(92)
    assert helped.hours.admin == pytest.approx(132)
    # their pay 92 × 30 = 2,760 is a fixed cost
    assert helped.fixed_costs == pytest.approx(2760)
    # an assistant for 10 h a week (460 h) leaves 0 h of admin, and is paid 460 × 30 = 13,800
    idle = evaluate(practice(offer, assistant_hours_per_week=10, assistant_cost_per_hour=30)).totals
    assert idle.hours.admin == 0
    assert idle.fixed_costs == pytest.approx(13800)


def test_tax_and_take_home_and_a_loss_pays_no_tax():
    # 20 clients × 5,000 = 100,000, fixed costs 10,000: net 90,000; at 30%: tax 27,000,
    # take-home 63,000
    totals = evaluate(
        practice(coaching(clients=20), fixed_costs_per_year=10000, tax_rate=0.3)
    ).totals
    assert totals.net_income == pytest.approx(90000)
    assert totals.tax == pytest.approx(27000)
    assert totals.take_home == pytest.approx(63000)
    # 1 client, fixed costs 10,000: net −5,000, no tax, take-home −5,000
    loss = evaluate(practice(coaching(clients=1), fixed_costs_per_year=10000, tax_rate=0.3)).totals
    assert (loss.net_income, loss.tax, loss.take_home) == pytest.approx((-5000, 0, -5000))


def test_a_fixed_fee_contract_and_a_course_completed_in_part():
    contract = Contract(
        kind="contract",
        name="Fixed fee",
        contracts=2,
        hours_per_contract=100,
        fee_per_contract=20000,
        session_hours=8,
    )
    result = evaluate_offer(contract)
    # 2 × 20,000 = 40,000 for 200 h: 200 an hour; 25 days of 8 h
    assert result.revenue == pytest.approx(40000)
    assert result.hours.delivery == pytest.approx(200)
    assert result.sessions == pytest.approx(25)
    course = OnlineProgram(
        kind="online_program",
        name="Course",
        students=300,
        price_high_touch=1997,
        price_automated=497,
        automation=0.8,
        support_hours_per_student=3,
        content_hours=6,
        completion_rate=0.2,
    )
    # 300 × 6 h × 20% = 360 h of content gone through + 300 × 0.2 × 3 = 180 h of support
    assert evaluate_offer(course).client_hours == pytest.approx(540)


def test_reach_through_licensees_is_counted_apart_from_client_hours():
    licence = Licensing(
        kind="licensing",
        name="Licence",
        licensees=12,
        new_licensees_per_year=4,
        upfront_fee=9950,
        royalty_rate=0.07,
        licensee_revenue_per_year=80000,
        onboarding_hours_per_new_licensee=40,
        support_hours_per_licensee=30,
        clients_per_licensee_per_year=22,
    )
    result = evaluate(practice(licence))
    # 12 licensees × 22 participants = 264 reached through others
    assert result.offers[0].reach_through_others == pytest.approx(264)
    assert result.totals.reach_through_others == pytest.approx(264)
    # client hours are yours only: 4 × 40 + 12 × 30 = 520 h of onboarding and support
    assert result.totals.client_hours == pytest.approx(520)


WHOLE_VERSION_2 = """\
schema_version: 2
name: Every version-2 field, worked by hand
practitioner:
  hours_per_week: 40
  weeks_per_year: 46
  admin_hours_per_week: 4
  fixed_costs_per_year: 10000
  target_net_income: 100000
  max_delivery_hours_per_week: 15
  assistant_hours_per_week: 2
  assistant_cost_per_hour: 30
  tax_rate: 0.3
offers:
- kind: one_to_one
  name: Coaching
  clients: 20
  sessions_per_client: 20
  session_hours: 1
  price_per_client: 4000
  prep_hours_per_session: 0.5
  leads_per_year: 50
  conversion_rate: 0.2
  bd_hours_per_lead: 2
  marketing_cost_per_lead: 10
  returning_share: 0.5
  admin_hours_per_sale: 2
  associate_share: 0.25
  associate_cost_per_hour: 60
- kind: contract
  name: Fixed-fee review
  contracts: 2
  hours_per_contract: 100
  fee_per_contract: 20000
  session_hours: 8
  delivery: in_person
  travel_hours_per_session: 1
  travel_cost_per_session: 50
  bd_hours_per_sale: 20
  admin_hours_per_sale: 5
- kind: online_program
  name: Course
  students: 100
  price_high_touch: 1000
  price_automated: 500
  automation: 0.8
  support_hours_per_student: 2
  content_hours: 5
  completion_rate: 0.2
  launches_per_year: 1
  bd_hours_per_launch: 10
  platform_fee_rate: 0.05
  creation_hours: 300
  amortization_years: 3
  leads_per_year: 5000
  conversion_rate: 0.02
  bd_hours_per_sale: 0
- kind: licensing
  name: Licence
  licensees: 4
  new_licensees_per_year: 1
  upfront_fee: 5000
  royalty_rate: 0.05
  licensee_revenue_per_year: 40000
  onboarding_hours_per_new_licensee: 20
  support_hours_per_licensee: 10
  legal_costs_per_year: 2000
  clients_per_licensee_per_year: 15
  bd_hours_per_sale: 30
"""


def test_a_whole_version_2_scenario_worked_by_hand_through_the_command_line(tmp_path):
    path = tmp_path / "whole.yaml"
    path.write_text(WHOLE_VERSION_2)
    completed = leverage("evaluate", str(path), "--json")
    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    coaching_, contract, course, licence = output["offers"]

    def close(value):
        return pytest.approx(value, rel=1e-6, abs=1e-6)

    # Coaching: 20 × 20 one-hour sessions = 400 h, prep 200 h; associates lead a quarter:
    # 0.25 × 600 = 150 h of theirs, yours 300 + 150, oversight 0.1 × 150 = 15 h.
    # BD: 10 new × (2 / 0.2 = 10 h) + 10 returning × 10/7 h = 114.285714 h; admin 20 × 2 = 40.
    # Costs: 10 / 0.2 = 50 calls × 10 = 500 + 150 h × 60 = 9,000 → 9,500. Demand 50 × 0.2 / 0.5.
    assert coaching_["hours"] == {
        "delivery": close(300), "prep": close(150), "travel": close(0),
        "business_development": close(100 + 100 / 7), "admin": close(40),
        "creation": close(0), "oversight": close(15),
    }  # fmt: skip
    assert coaching_["total_hours"] == close(300 + 150 + 100 + 100 / 7 + 40 + 15)
    assert (coaching_["revenue"], coaching_["direct_costs"]) == (close(80000), close(9500))
    assert (coaching_["new_buyers"], coaching_["leads_needed"]) == (close(10), close(50))
    assert (coaching_["demand_limit"], coaching_["market_limit"]) == (close(20), close(20))
    assert (coaching_["marketing_costs"], coaching_["associate_costs"]) == (close(500), close(9000))
    assert (coaching_["associate_hours"], coaching_["client_hours"]) == (close(150), close(400))
    # Fixed-fee review: 2 × 100 h in 25 days of 8 h; 25 h and 25 × 50 = 1,250 of travel;
    # revenue 2 × 20,000 = 40,000; BD 2 × 20 = 40 h; admin 2 × 5 = 10 h: 275 h.
    assert contract["revenue"] == close(40000)
    assert contract["direct_costs"] == close(1250)
    assert contract["total_hours"] == close(200 + 25 + 40 + 10)
    assert contract["leads_needed"] is None and contract["market_limit"] is None
    # Course: 100 × (1 − 0.8) × 2 = 40 h of support; price 1,000 − 0.8 × 500 = 600: 60,000,
    # fees 5% = 3,000; BD one launch of 10 h; creation 300 / 3 = 100 h: 150 h.
    # Client hours 100 × 5 × 0.2 + 40 = 140; leads 100 / 0.02 = 5,000, demand 5,000 × 0.02.
    assert (course["revenue"], course["direct_costs"]) == (close(60000), close(3000))
    assert course["total_hours"] == close(40 + 10 + 100)
    assert course["client_hours"] == close(140)
    assert (course["leads_needed"], course["demand_limit"]) == (close(5000), close(100))
    # Licence: 1 × 5,000 + 4 × 5% × 40,000 = 13,000; legal 2,000; 1 × 20 + 4 × 10 = 60 h of
    # delivery, BD 30 h; reach 4 × 15 = 60 clients through others.
    assert (licence["revenue"], licence["direct_costs"]) == (close(13000), close(2000))
    assert licence["total_hours"] == close(90)
    assert licence["reach_through_others"] == close(60)

    totals = output["totals"]
    # Admin: 4 × 46 = 184 fixed + 40 + 10 = 234, less the assistant's 2 × 46 = 92 h: 142 h.
    hours = {
        "delivery": 300 + 200 + 40 + 60, "prep": 150, "travel": 25,
        "business_development": 100 + 100 / 7 + 40 + 10 + 30, "admin": 234 - 92,
        "creation": 100, "oversight": 15,
    }  # fmt: skip
    total = sum(hours.values())  # 1,226.285714 h
    assert totals["hours"] == {name: close(value) for name, value in hours.items()}
    assert totals["total_hours"] == close(total)
    # Revenue 80,000 + 40,000 + 60,000 + 13,000 = 193,000; direct 9,500 + 1,250 + 3,000 +
    # 2,000 = 15,750; fixed 10,000 + 92 × 30 = 12,760; net 164,490; tax 30% = 49,347.
    assert totals["revenue"] == close(193000)
    assert totals["direct_costs"] == close(15750)
    assert totals["fixed_costs"] == close(12760)
    assert totals["net_income"] == close(164490)
    assert totals["tax"] == close(49347)
    assert totals["take_home"] == close(115143)
    # Capacity 40 × 46 = 1,840 h; delivery capacity 15 × 46 = 690 h (600 used: no warning).
    assert totals["capacity_hours"] == close(1840)
    assert totals["delivery_capacity_hours"] == close(690)
    assert totals["free_hours"] == close(1840 - total)
    assert totals["utilization"] == close(total / 1840)
    assert totals["billable_utilization"] == close(600 / 1840)
    # Client hours 400 + 200 + 140 + 60 = 800; buyers 20 + 2 + 100 + 1 = 123.
    assert totals["client_hours"] == close(800)
    assert totals["buyers"] == close(123)
    assert totals["leverage"] == close(800 / total)
    assert totals["effective_hourly_rate"] == close(164490 / total)
    assert totals["billable_share"] == close(600 / total)
    assert totals["billable_to_bd_ratio"] == close(600 / hours["business_development"])
    # Team: 150 associate hours over 600 of your own delivery; the assistant's 92 h.
    assert totals["associate_hours"] == close(150)
    assert totals["team_leverage"] == close(0.25)
    assert totals["assistant_hours"] == close(92)
    assert totals["reach_through_others"] == close(60)
    assert output["warnings"] == []
