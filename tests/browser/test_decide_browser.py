"""The Decide page in a real Chromium: goal seek, the tornado, a simulation and the best mix."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from models.examples import DEFAULT_EXAMPLE, load_example
from models.optimizer import optimize
from models.sharing import LINK_PARAMETER, encode_scenario
from models.uncertainty import simulate, with_every_range
from presentation.formatting import format_money, format_share
from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import choose, metric_value, open_app

ARTIFACTS = Path(__file__).parent.parent / "artifacts"


def section(page: Page, name: str) -> None:
    wait_for_app_run(page)
    page.get_by_role("radio", name=name, exact=True).click()
    wait_for_app_run(page)


def how_sure(page: Page) -> None:
    """Open the Decide section on how sure the plan is, whichever name it goes by."""
    wait_for_app_run(page)
    page.get_by_role("radio", name=re.compile(r"^(How sure|Uncertainty)$")).click()
    wait_for_app_run(page)


def test_decide_answers_each_question_with_the_models_numbers(page: Page, app_url: str) -> None:
    scenario = load_example(DEFAULT_EXAMPLE)
    open_app(page, app_url)
    page.get_by_role("link", name="Decide").click()
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    expect(metric_value(page, "Value needed")).to_be_visible()
    expect(page.get_by_text("What must be true")).to_be_visible()

    section(page, "Sensitivity")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)  # tornado, two-input table
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-sensitivity.png", full_page=True)

    how_sure(page)  # the example has no ranges: test_how_sure_… below goes on from here
    expect(page.get_by_text("Give some figures a range first.")).to_be_visible()

    section(page, "Best mix")
    best = optimize(scenario)
    assert best.totals is not None
    expect(metric_value(page, "Net income")).to_have_text(
        format_money(best.totals.net_income, "USD")
    )
    page.get_by_role("button", name="Add the best mix to the library").click()
    expect(page.get_by_text("(best mix)” in the library")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "decide-best-mix.png", full_page=True)


def test_decide_says_what_does_not_fit_where_a_person_reads_it(page: Page, app_url: str) -> None:
    """Maya's clients for 180,000: goal seek, the tornado and the simulation all say the plan
    needs more hours than she has (the numbers are worked in tests/test_decide.py)."""
    maya = load_example("coach-one-to-one")
    open_app(page, f"{app_url}?{LINK_PARAMETER}={encode_scenario(maya)}")
    page.get_by_role("link", name="Decide").click()
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    wait_for_app_run(page)
    choose(page, "Input to change", "Executive coaching → Clients per year")
    expect(page.get_by_text("This plan does not fit")).to_be_visible()
    expect(page.get_by_text("The most that fits is 23.71")).to_be_visible()
    expect(page.get_by_role("button", name="Apply the value that fits")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-goal-seek-does-not-fit.png", full_page=True)

    section(page, "Sensitivity")
    expect(page.get_by_text("gives a plan over your hours")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "decide-sensitivity-over-hours.png", full_page=True)

    section(page, "Uncertainty")
    result = simulate(maya)
    expect(metric_value(page, "… and fitting")).to_have_text(format_share(result.p_reach_and_fit))
    page.screenshot(path=ARTIFACTS / "decide-uncertainty-fitting.png", full_page=True)
    histogram = page.get_by_test_id("stVegaLiteChart").first
    histogram.scroll_into_view_if_needed()
    expect(histogram.get_by_text("reaches the target and fits", exact=True)).to_be_visible()
    histogram.screenshot(path=ARTIFACTS / "decide-uncertainty-histogram.png")


def test_how_sure_says_to_give_ranges_first_then_shows_what_drives_the_spread(
    page: Page, app_url: str
) -> None:
    """Without ranges a person reads how to give some, no chart; one click on "±20% on every
    figure" ranges the whole plan and the drivers appear as shares of the spread in words."""
    scenario = load_example(DEFAULT_EXAMPLE)
    open_app(page, app_url)
    page.get_by_role("link", name="Decide").click()
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    how_sure(page)
    expect(page.get_by_text("Give some figures a range first.")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-how-sure-empty.png", full_page=True)

    page.get_by_role("button", name="±20% on every figure", exact=True).click()
    page.mouse.move(0, 0)  # no tooltip left over the editor in the screenshots
    wait_for_app_run(page)
    expected = simulate(with_every_range(scenario, 20))
    expect(metric_value(page, "Cautious (P10)")).to_have_text(
        format_money(expected.net_income.p10, "USD")
    )
    expect(metric_value(page, "Hopeful (P90)")).to_have_text(
        format_money(expected.net_income.p90, "USD")
    )
    drivers = page.get_by_test_id("stVegaLiteChart").nth(1)
    drivers.scroll_into_view_if_needed()
    top = expected.drivers[0]
    direction = "higher" if top.correlation > 0 else "lower"
    expect(
        drivers.get_by_text(
            f"explains {top.share_of_spread:.0%} of the spread · more → {direction} net income",
            exact=True,
        ).first
    ).to_be_visible()
    expect(drivers.get_by_text(top.label, exact=True)).to_be_visible()
    drivers.screenshot(path=ARTIFACTS / "decide-how-sure-drivers.png")
    # Tall enough for the outcomes, the histogram and the drivers in one picture.
    page.set_viewport_size({"width": 1440, "height": 2400})
    wait_for_app_run(page)
    page.get_by_test_id("stMetric").first.scroll_into_view_if_needed()
    expect(drivers).to_be_in_viewport()
    page.screenshot(path=ARTIFACTS / "decide-how-sure.png", full_page=True)
