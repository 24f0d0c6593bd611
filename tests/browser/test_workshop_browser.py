"""The workshop in a real Chromium: the whole journey in presenter view, one screenshot a step."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from models.evaluation import evaluate
from models.inputs import label
from models.journey import edited, load_journey
from presentation.headline import headlines
from presentation.levers import LEVERS
from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import (
    SCENARIOS,
    metric_value,
    open_app,
    open_file,
    type_into,
)

ARTIFACTS = Path(__file__).parent.parent / "artifacts"


def _net_income(scenario) -> str:
    return next(f.value for f in headlines(scenario, evaluate(scenario)) if f.key == "net_income")


def test_the_journey_in_presenter_view(page: Page, app_url: str) -> None:
    journey = load_journey()
    open_app(page, app_url)
    page.get_by_role("link", name="Workshop").click()
    wait_for_app_run(page)
    expect(page.get_by_role("heading", name=journey.steps[0].scenario.name)).to_be_visible()

    page.get_by_text("Presenter view").click()
    wait_for_app_run(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()  # no menus, no scenario tools
    # Not drawn at all (the switch runs the whole app), not only hidden by the presenter
    # view's style (the sidebar's empty frame may stay, hidden).
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_role("button", name="Open a scenario file")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    for number, step in enumerate(journey.steps, start=1):
        expect(page.get_by_role("heading", name=step.scenario.name)).to_be_visible()
        expect(page.get_by_text(LEVERS[step.lever].stops)).to_be_visible()
        expect(metric_value(page, "Net income a year")).to_have_text(_net_income(step.scenario))
        text = metric_value(page, "Net income a year").locator("p")
        # Large type: the figure is readable from the back of a room (60 px and up).
        assert text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 60
        page.screenshot(path=ARTIFACTS / f"workshop-step-{number}.png", full_page=True)
        if number < len(journey.steps):
            page.get_by_role("button", name="Next →").click()
            wait_for_app_run(page)

    # The room calls out 10 licensees: the facilitator types it and the figures follow.
    last = journey.steps[-1]
    field = page.get_by_label(
        f"Call out a number: {last.main_input.offer} → Active licensees", exact=True
    )
    field.fill("10")
    field.press("Enter")
    wait_for_app_run(page)
    expected = edited(last.scenario, last.main_input, 10)
    expect(metric_value(page, "Net income a year")).to_have_text(_net_income(expected))
    page.screenshot(path=ARTIFACTS / "workshop-live-edit.png", full_page=True)

    page.get_by_role("button", name="← Back").click()
    wait_for_app_run(page)
    expect(page.get_by_role("heading", name=journey.steps[-2].scenario.name)).to_be_visible()
    page.get_by_text("Presenter view").click()
    wait_for_app_run(page)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()  # the menus are back


def test_a_number_called_out_after_a_notice_takes_the_notice_away(page: Page, app_url: str) -> None:
    """A number called out reruns the Workshop page alone (a fragment), but the first one after
    a notice runs the whole app, which takes the notice away as on every other page."""
    open_app(page, app_url)
    page.get_by_role("link", name="Workshop").click()
    wait_for_app_run(page)
    open_file(page, SCENARIOS / "coach-one-to-one.yaml")
    notice = page.get_by_test_id("stAlert").filter(has_text="coach-one-to-one.yaml")
    expect(notice).to_be_visible()
    step = load_journey().steps[0]
    type_into(page, f"Call out a number: {label(step.scenario, step.main_input)}", "5100")
    # The page's own run asks for the whole app's, which takes the notice away first: wait for
    # that run's end too (until then the page's elements, one place higher without the notice,
    # are drawn twice).
    expect(notice).to_have_count(0)
    wait_for_app_run(page)
    expected = edited(step.scenario, step.main_input, 5100)
    expect(metric_value(page, "Net income a year")).to_have_text(_net_income(expected))
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
