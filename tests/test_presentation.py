"""Presentation at the edge: the model's tables keep numbers and codes, the words come after."""

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import Practitioner, Scenario, evaluate
from models.scale import scale
from models.tables import levers_table
from models.templates import new_offer
from presentation.formatting import (
    AmountError,
    format_amount,
    format_change,
    format_change_with_percent,
    format_plain_number,
    format_signed_number,
    parse_amount,
    percent_of_share,
    share_of_percent,
)
from presentation.headline import headlines
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


#: Currencies with cents, with none (yen, rupiah) and with a letter code as symbol.
CURRENCIES = ["USD", "EUR", "JPY", "IDR", "GBP", "CHF", "INR"]


# Figures as people read and type them (presentation.formatting).


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (-0.04, "-", "±0.0×"),  # leverage 1.50 → 1.46 shows 1.5× → 1.5×: no change, not -0.0×
        (0.3, "-", "+0.3×"),
        (-0.4, "currency", "±$0"),  # forty cents, shown in whole dollars
        (-272.0, "h/year", "-272 h"),
        (7760.0, "currency/year", "+$7,760"),
        (-0.0004, "0-1", "±0.0 points"),  # 0.04 points rounds to 0.0
        (0.012, "0-1", "+1.2 points"),
    ],
)
def test_a_change_has_a_sign_unless_it_rounds_to_nothing(value, unit, expected):
    assert format_change(value, unit, "USD") == expected


def test_a_change_that_shows_as_none_leaves_its_percentage_out():
    # Leverage 1.50 → 1.49: -0.01× shows as ±0.0×, so "-0.7%" would contradict it.
    assert format_change_with_percent(-0.01, -0.007, "-", "USD") == "±0.0×"
    # Net income 186,500 → 180,310: -6,190, and -6,190 / 186,500 = -3.3%.
    assert format_change_with_percent(-6190, -6190 / 186_500, "currency/year", "USD") == (
        "-$6,190 (-3.3%)"
    )
    assert format_signed_number(-0.02, 1, " h") == "±0.0 h"
    assert format_signed_number(1240, suffix=" h") == "+1,240 h"


@pytest.mark.parametrize(
    ("share", "percent"), [(0.5, 50), (0.35, 35), (0.58, 58), (0.075, 7.5), (0.0, 0), (1.0, 100)]
)
def test_a_share_is_typed_as_a_percentage_and_comes_back_exactly(share, percent):
    # 0.58 × 100 is 57.99999999999999 in floating point: the box must show 58.
    assert percent_of_share(share) == percent
    assert share_of_percent(percent) == share


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (12000.0, "USD", "12,000"),  # whole dollars: no ".00"
        (12000.5, "USD", "12,000.50"),  # cents shown when there are some
        (12000.5, "EUR", "12,000.50"),
        (15_000_000.0, "IDR", "15,000,000"),  # rupiah: CLDR's cash digits are 0
        (1_250_000.4, "JPY", "1,250,000"),  # yen have no decimals
    ],
)
def test_a_money_box_shows_the_currency_grouping_and_its_own_decimals(amount, currency, shown):
    assert format_amount(amount, currency) == shown


@pytest.mark.parametrize(
    ("typed", "currency", "amount"),
    [
        ("12,000", "USD", 12000.0),
        ("12000", "USD", 12000.0),
        ("12 000", "USD", 12000.0),
        ("$12,000", "USD", 12000.0),
        ("USD 12,000", "USD", 12000.0),
        ("12000.50", "USD", 12000.5),
        ("€12,000.5", "EUR", 12000.5),
        ("IDR 15,000,000", "IDR", 15_000_000.0),
        ("¥1,250,000", "JPY", 1_250_000.0),
        ("1250000.00", "JPY", 1_250_000.0),  # zeros after the point say nothing
    ],
)
def test_an_amount_is_read_as_a_person_types_it(typed, currency, amount):
    assert parse_amount(typed, currency) == amount


@pytest.mark.parametrize(
    ("typed", "currency", "words"),
    [
        ("twelve", "USD", "“twelve” is not an amount: type it in figures, such as 12,000."),
        ("-5", "USD", "“-5” is below zero"),
        ("12,00", "EUR", "is not an amount"),  # a comma must group three digits
        ("12000.505", "USD", "USD amounts have at most 2 decimals"),
        ("1250000.5", "JPY", "JPY amounts have no decimals"),
        ("$500", "EUR", "is not an amount"),  # another currency's symbol
        ("", "USD", "the box is empty: type an amount, such as 12,000."),
    ],
)
def test_text_that_is_not_an_amount_says_why(typed, currency, words):
    with pytest.raises(AmountError, match=re.escape(words)):
        parse_amount(typed, currency)


@given(amount=st.integers(min_value=0, max_value=10**10), currency=st.sampled_from(CURRENCIES))
@settings(max_examples=50)
def test_what_a_money_box_shows_reads_back_as_the_same_amount(amount, currency):
    """Whatever the box shows for a whole amount, typed back, is that amount."""
    assert parse_amount(format_amount(float(amount), currency), currency) == amount


def test_plain_numbers_show_decimals_only_when_needed():
    assert [format_plain_number(value) for value in (60, 1.5, 0.75, 1250.0)] == [
        "60",
        "1.5",
        "0.75",
        "1,250",
    ]


def test_a_take_home_exactly_on_target_is_neither_good_nor_bad():
    """Take-home equal to the target says "On the … target", without a sign or a colour;
    one dollar short is a fall; above is good news."""
    # Net income 40,000 − 5,000 fixed costs = 35,000 with no tax: the target is met exactly.
    practitioner = Practitioner(
        hours_per_week=40, weeks_per_year=45, fixed_costs_per_year=5000, target_net_income=35000
    )
    scenario = Scenario(name="Exactly", practitioner=practitioner, offers=[coaching(clients=8)])
    take_home = {item.key: item for item in headlines(scenario, evaluate(scenario))}["take_home"]
    assert take_home.detail == "On the $35,000 target"
    assert (take_home.good, take_home.signed) == (None, False)
    short = scenario.model_copy(
        update={"practitioner": practitioner.model_copy(update={"target_net_income": 35001})}
    )
    take_home = {item.key: item for item in headlines(short, evaluate(short))}["take_home"]
    assert take_home.detail == "-$1 against the $35,001 target"
    assert (take_home.good, take_home.signed) == (False, True)


def test_money_headings_say_the_currency_and_other_headings_stay():
    """Every table the app shows names its money: Revenue (USD), Contribution per hour (USD/h)."""
    from models.tables import OFFER_COLUMNS, OFFER_UNITS, with_currency

    headings = with_currency(OFFER_COLUMNS, OFFER_UNITS, "EUR")
    assert headings["revenue"] == "Revenue (EUR)"
    assert headings["contribution_per_hour"] == "Contribution per hour (EUR/h)"
    assert headings["total_hours"] == "Hours"
    money = [column for column, unit in OFFER_UNITS.items() if unit.startswith("currency")]
    assert all("(EUR" in headings[column] for column in money)


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
