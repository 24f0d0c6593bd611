"""The formulas of docs/model.md, each against a number worked by hand."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import formulas


def test_one_to_one_sessions_hours_and_revenue():
    # 8 clients × 24 sessions = 192 sessions; × 1.5 h = 288 h; 8 × 5,000 = 40,000
    result = formulas.one_to_one_delivery(8, 24, 1.5, 5000)
    assert result.buyers == 8
    assert result.sessions == 192
    assert result.delivery_hours == pytest.approx(288)
    assert result.revenue == pytest.approx(40_000)
    assert result.client_hours == pytest.approx(288)


def test_contract_sessions_are_days_on_site_and_revenue_is_hours_times_rate():
    # 2 contracts × 300 h = 600 h; 600 / 8 = 75 days; 600 × 175 = 105,000
    result = formulas.contract_delivery(2, 300, 175, 8)
    assert result.buyers == 2
    assert result.delivery_hours == pytest.approx(600)
    assert result.sessions == pytest.approx(75)
    assert result.revenue == pytest.approx(105_000)
    assert result.client_hours == pytest.approx(600)


def test_group_program_one_delivery_hour_serves_every_participant():
    # 3 groups × 8 = 24 buyers; 3 × 20 sessions = 60; × 1.5 h = 90 h;
    # revenue 24 × 3,000 = 72,000; client hours 90 × 8 = 720
    result = formulas.group_program_delivery(3, 8, 3000, 20, 1.5)
    assert result.buyers == 24
    assert result.sessions == 60
    assert result.delivery_hours == pytest.approx(90)
    assert result.revenue == pytest.approx(72_000)
    assert result.client_hours == pytest.approx(720)


def test_mastermind_members_pay_every_month_of_the_cohort():
    # 1 cohort × 8 members; 1 × 12 months × 2 meetings = 24 sessions × 2 h = 48 h;
    # revenue 8 × 800 × 12 = 76,800; client hours 48 × 8 = 384
    result = formulas.mastermind_delivery(1, 8, 800, 12, 2, 2)
    assert result.buyers == 8
    assert result.sessions == 24
    assert result.delivery_hours == pytest.approx(48)
    assert result.revenue == pytest.approx(76_800)
    assert result.client_hours == pytest.approx(384)


def test_retreat_has_no_sessions_and_serves_every_attendee():
    # 2 retreats × 12 = 24 buyers; 2 × 24 h = 48 h; 24 × 4,500 = 108,000; 48 × 12 = 576
    result = formulas.retreat_delivery(2, 12, 4500, 24)
    assert result.buyers == 24
    assert result.sessions == 0
    assert result.delivery_hours == pytest.approx(48)
    assert result.revenue == pytest.approx(108_000)
    assert result.client_hours == pytest.approx(576)


def test_online_program_price_moves_from_high_touch_to_automated():
    # 1,997 − 0.8 × (1,997 − 497) = 1,997 − 1,200 = 797
    assert formulas.online_program_price(1997, 497, 0.8) == pytest.approx(797)
    assert formulas.online_program_price(1997, 497, 0.0) == pytest.approx(1997)
    assert formulas.online_program_price(1997, 497, 1.0) == pytest.approx(497)


def test_online_program_support_shrinks_with_automation():
    # 300 × (1 − 0.8) × 3 h = 180 h; revenue 300 × 797 = 239,100;
    # client hours 300 × 6 + 180 = 1,980
    result = formulas.online_program_delivery(300, 1997, 497, 0.8, 3, 6)
    assert result.buyers == 300
    assert result.sessions == 0
    assert result.delivery_hours == pytest.approx(180)
    assert result.revenue == pytest.approx(239_100)
    assert result.client_hours == pytest.approx(1980)


def test_licensing_earns_fees_from_new_and_royalties_from_active_licensees():
    # buyers = 4 new; delivery 4 × 40 + 12 × 30 = 520 h;
    # revenue 4 × 9,950 + 12 × 0.07 × 80,000 = 39,800 + 67,200 = 107,000
    result = formulas.licensing_delivery(12, 4, 9950, 0.07, 80_000, 40, 30)
    assert result.buyers == 4
    assert result.delivery_hours == pytest.approx(520)
    assert result.revenue == pytest.approx(107_000)
    assert result.client_hours == pytest.approx(520)


def test_business_development_splits_new_and_returning_buyers():
    # 20 buyers, half returning: 10 × 14 + 10 × 2 = 160 h
    assert formulas.business_development_hours(20, 0.5, 14, 2) == pytest.approx(160)
    # nobody returning: 20 × 14 = 280 h
    assert formulas.business_development_hours(20, 0.0, 14, 2) == pytest.approx(280)


def test_creation_hours_are_spread_over_the_years_plus_upkeep():
    # 474 / 3 + 40 = 158 + 40 = 198 h
    assert formulas.creation_hours_per_year(474, 3, 40) == pytest.approx(198)


def test_ratio_is_undefined_with_a_zero_denominator():
    assert formulas.ratio(5, 0) is None
    assert formulas.ratio(0, 0) is None
    assert formulas.ratio(6, 4) == pytest.approx(1.5)
    # 1 over the smallest positive float would be infinite: undefined instead
    assert formulas.ratio(1.0, 5e-324) is None


def test_formulas_work_on_numpy_arrays_of_samples():
    # The same formula over three samples of clients: 8, 10, 12 × 24 × 1 h
    clients = np.array([8.0, 10.0, 12.0])
    result = formulas.one_to_one_delivery(clients, 24, 1.0, 5000)
    assert result.delivery_hours == pytest.approx([192, 240, 288])
    assert result.revenue == pytest.approx([40_000, 50_000, 60_000])


# Version 2: demand, team, pricing and take-home (docs/model.md, "Version 2").


def test_a_discovery_call_funnel_gives_leads_needed_and_bd_per_new_client():
    # "100 discovery calls for 20 clients": conversion 20 / 100 = 0.2.
    # 20 clients of whom half return: 20 × (1 − 0.5) = 10 new; 10 / 0.2 = 50 calls needed.
    assert formulas.new_buyers(20, 0.5) == pytest.approx(10)
    assert formulas.leads_needed(10, 0.2) == pytest.approx(50)
    # a call with its notes takes 1.5 h: 1.5 / 0.2 = 7.5 h of BD per new client
    assert formulas.bd_hours_per_new_buyer(1.5, 0.2) == pytest.approx(7.5)


def test_the_demand_limit_counts_returning_buyers_on_top_of_the_funnel():
    # A list of 2,000 at 2%: 2,000 × 0.02 = 40 new students; none return: 40 in all.
    assert formulas.demand_limit(2000, 0.02, 0.0) == pytest.approx(40)
    # 60 calls at one in five = 12 new clients; with 40% returning they are 60% of the year's
    # clients: 12 / (1 − 0.4) = 20 clients in all.
    assert formulas.demand_limit(60, 0.2, 0.4) == pytest.approx(20)
    # Every buyer returns: no lead is needed, so marketing sets no limit.
    assert formulas.demand_limit(60, 0.2, 1.0) is None


def test_associates_take_their_share_of_delivery_prep_and_travel():
    # A contract of 600 h on site, 75 h of prep and 150 h of travel; an associate runs half:
    # 0.5 × (600 + 75 + 150) = 412.5 h of theirs.
    assert formulas.associate_hours(0.5, 600.0, 75.0, 150.0) == pytest.approx(412.5)
    assert formulas.associate_hours(0.0, 600.0, 75.0, 150.0) == 0


def test_tax_is_a_share_of_positive_net_income_and_a_loss_pays_none():
    # 115,125 at an effective 30%: 34,537.50; a loss of 2,000 pays nothing.
    assert float(formulas.income_tax(115125.0, 0.3)) == pytest.approx(34537.5)
    assert float(formulas.income_tax(-2000.0, 0.3)) == 0
    assert float(formulas.income_tax(0.0, 0.3)) == 0
    samples = formulas.income_tax(np.array([-1000.0, 0.0, 50000.0]), 0.4)
    assert samples.tolist() == pytest.approx([0.0, 0.0, 20000.0])


def test_the_assistant_takes_admin_off_you_but_never_below_zero():
    # 234 h of admin, an assistant 2 h a week × 46 weeks = 92 h: 142 h left to you.
    assert float(formulas.admin_after_assistant(234.0, 92.0)) == pytest.approx(142)
    # 50 h of admin and the same assistant: 0, not −42 (the assistant's idle hours are paid).
    assert float(formulas.admin_after_assistant(50.0, 92.0)) == 0


@given(st.lists(st.floats(min_value=-1e12, max_value=1e12), min_size=1, max_size=20))
def test_positive_part_of_a_number_and_of_an_array_agree_with_numpy(amounts):
    """A number is compared in plain Python and an array clipped: both are numpy's maximum."""
    samples = np.array(amounts)
    expected = np.maximum(0.0, samples)
    assert formulas.positive_part(samples).tolist() == expected.tolist()
    assert [formulas.positive_part(amount) for amount in amounts] == expected.tolist()
    # A number stays a plain Python number: one scenario's year is evaluated without numpy.
    assert all(type(formulas.positive_part(amount)) is float for amount in amounts)


def test_a_fixed_fee_contract_earns_the_fee_whatever_the_hours():
    # 2 contracts × 20,000 = 40,000; 2 × 100 h = 200 h in days of 8 h: 25 days.
    year = formulas.contract_delivery(2, 100.0, None, 8.0, fee_per_contract=20000.0)
    assert (year.revenue, year.delivery_hours, year.sessions) == pytest.approx((40000, 200, 25))
    # More hours on the same fee: more delivery, the same revenue (your rate falls).
    longer = formulas.contract_delivery(2, 150.0, None, 8.0, fee_per_contract=20000.0)
    assert (longer.revenue, longer.delivery_hours) == pytest.approx((40000, 300))
    # The hourly contract of version 1 is unchanged: 2 × 100 h × 175 = 35,000.
    assert formulas.contract_delivery(2, 100.0, 175.0, 8.0).revenue == pytest.approx(35000)


def test_completion_counts_only_the_content_students_go_through():
    # 100 students × 5 h of content × 20% completed = 100 h, plus support
    # 100 × (1 − 0.8) × 2 h = 40 h: 140 client hours (500 + 40 = 540 at full completion).
    year = formulas.online_program_delivery(100, 1000.0, 500.0, 0.8, 2.0, 5.0, 0.2)
    assert year.client_hours == pytest.approx(140)
    assert year.delivery_hours == pytest.approx(40)
    # price 1,000 − 0.8 × (1,000 − 500) = 600: revenue 60,000, completion or not
    assert year.revenue == pytest.approx(60000)
    assert formulas.online_program_delivery(
        100, 1000.0, 500.0, 0.8, 2.0, 5.0
    ).client_hours == pytest.approx(540)
