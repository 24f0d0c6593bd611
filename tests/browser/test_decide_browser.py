"""The Decide page in a real Chromium: what it takes (goal seek), what matters most (the
tornado), how sure (a simulation) and the best mix."""

from __future__ import annotations

import math
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from models.evaluation import evaluate
from models.examples import DEFAULT_EXAMPLE, load_example
from models.files import scenario_from_document
from models.optimizer import Limits, optimize
from models.sharing import LINK_PARAMETER, encode_scenario
from models.uncertainty import simulate, with_every_range
from presentation.formatting import format_money, format_share
from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import choose, metric_value, open_app
from tests.factories import MASTERMIND_COACH

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
    wait_for_app_run(page)
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    for name in ("What it takes", "What matters most", "How sure", "Best mix"):
        expect(page.get_by_role("radio", name=name, exact=True)).to_be_visible()
    expect(metric_value(page, "Clients per year needed")).to_be_visible()
    expect(page.get_by_text("What must be true")).to_be_visible()

    section(page, "What matters most")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)  # tornado, two-input table
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-sensitivity.png", full_page=True)
    # The caption counts the bars drawn; a count moves, and steps on the grid, in whole numbers.
    expect(page.get_by_text("The 11 inputs that move it")).to_be_visible()
    expect(page.get_by_text("Counts of people and things move in whole numbers")).to_be_visible()
    grid = page.get_by_test_id("stVegaLiteChart").nth(1)
    grid.scroll_into_view_if_needed()
    grid.screenshot(path=ARTIFACTS / "decide-two-inputs.png")

    how_sure(page)  # the example has no ranges: test_how_sure_… below goes on from here
    expect(page.get_by_text("Give some figures a range first.")).to_be_visible()

    section(page, "Best mix")
    # By default the mix keeps free the hours a week the plan leaves free today.
    free = evaluate(scenario).totals.free_hours / scenario.practitioner.weeks_per_year
    reserve = math.floor(free * 10) / 10
    expect(
        page.get_by_text(f"Keeps {reserve:g} h a week free, as your plan does today")
    ).to_be_visible()
    keep_free = page.get_by_role("spinbutton", name="Keep free (h a week)")
    keep_free.fill("0")
    keep_free.press("Enter")
    wait_for_app_run(page)
    best = optimize(scenario, Limits(reserve_hours_per_week=0))
    assert best.totals is not None
    expect(metric_value(page, "Net income")).to_have_text(
        format_money(best.totals.net_income, "USD")
    )
    wait_for_app_run(page)
    page.get_by_role("button", name="Add the best mix to the library").click()
    expect(page.get_by_text("(best mix)” in the library")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "decide-best-mix.png", full_page=True)
    wait_for_app_run(page)
    page.get_by_role("button", name="Use this mix").click()
    wait_for_app_run(page)
    expect(page.get_by_text("The plan now has the best mix.")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "decide-best-mix-used.png", full_page=True)
    page.get_by_role("button", name=re.compile(r"^Undo")).click()
    wait_for_app_run(page)
    expect(page.get_by_text("The plan now has the best mix.")).to_have_count(0)


def test_goal_seek_on_members_answers_a_whole_number(page: Page, app_url: str) -> None:
    """A mastermind coach asks how many members per cohort bring 107,000 home: 112,000 /
    9,600 = 11.67, so 12 members, which give 9,600 × 12 − 5,000 = 110,200."""
    coach = scenario_from_document(MASTERMIND_COACH)
    open_app(page, f"{app_url}?{LINK_PARAMETER}={encode_scenario(coach)}")
    page.get_by_role("link", name="Decide").click()
    wait_for_app_run(page)
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    choose(page, "Input to change", "Mastermind → Members per cohort")
    expect(metric_value(page, "Members per cohort needed")).to_have_text("12")
    expect(
        page.get_by_text("12 members per cohort gives take-home income of $110,200")
    ).to_be_visible()
    expect(metric_value(page, "Take-home income there")).to_have_text("$110,200")
    expect(page.get_by_text("Counted in whole numbers")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-what-it-takes.png", full_page=True)


def test_decide_says_what_does_not_fit_where_a_person_reads_it(page: Page, app_url: str) -> None:
    """Maya's clients for 180,000: goal seek, the tornado and the simulation all say the plan
    needs more hours than she has (the numbers are worked in tests/test_decide.py)."""
    maya = load_example("coach-one-to-one")
    open_app(page, f"{app_url}?{LINK_PARAMETER}={encode_scenario(maya)}")
    page.get_by_role("link", name="Decide").click()
    wait_for_app_run(page)
    expect(page.get_by_role("heading", name="Decide", exact=True)).to_be_visible()
    wait_for_app_run(page)
    choose(page, "Input to change", "Executive coaching → Clients per year")
    expect(page.get_by_text("This plan does not fit")).to_be_visible()
    expect(page.get_by_text("The most that fits is 23 clients per year")).to_be_visible()
    expect(page.get_by_role("button", name="Apply the value that fits")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "decide-goal-seek-does-not-fit.png", full_page=True)

    section(page, "What matters most")
    expect(page.get_by_text("gives a plan over your hours")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "decide-sensitivity-over-hours.png", full_page=True)

    section(page, "How sure")
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
