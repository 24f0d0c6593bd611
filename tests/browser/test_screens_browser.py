"""Screens that fit, in a real Chromium: Compare with five scenarios, the Plan page on a
laptop and on a phone, and the workshop's presenter view on a projector.

Each test saves the screenshot a person would look at (tests/artifacts/) and asserts
what must hold on it: nothing to scroll where the page must fit, nothing cut off.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from models.evaluation import evaluate
from models.examples import DEFAULT_EXAMPLE, load_example
from models.journey import load_journey
from presentation.levers import LEVERS
from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_plan_browser import metric_value, open_app

#: The page's own scrolling box in Streamlit 1.67 (the document itself does not scroll).
MAIN = "[data-testid='stMain']"


def overflow(page: Page, selector: str) -> dict[str, int]:
    """How far the element's content reaches past its box, across and down. [px]"""
    return page.locator(selector).first.evaluate(
        "e => ({across: e.scrollWidth - e.clientWidth, down: e.scrollHeight - e.clientHeight})"
    )


def page_overflow(page: Page) -> dict[str, int]:
    """How far the page reaches past the window, whichever element scrolls it. [px]"""
    return page.evaluate(
        """() => {
            const boxes = [document.scrollingElement, document.querySelector("[data-testid='stMain']")];
            return {
                across: Math.max(...boxes.map(e => e.scrollWidth - e.clientWidth)),
                down: Math.max(...boxes.map(e => e.scrollHeight - e.clientHeight)),
            };
        }"""
    )


def whole_page(page: Page, file_name: str) -> None:
    """Screenshot the whole page: the window made as tall as the page (its own box scrolls,
    so a full-page screenshot of the document alone would stop at the window)."""
    size = page.viewport_size
    assert size is not None
    height = page.locator(MAIN).evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    wait_for_app_run(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / file_name)
    page.set_viewport_size(size)


def pick(page: Page, label: str, option: str) -> None:
    """Add an option to a multiselect, as a person would."""
    wait_for_app_run(page)
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app_run(page)
    page.keyboard.press("Escape")


def test_compare_with_five_scenarios_fits_the_page_with_one_colour_each(
    browser: Browser, app_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    open_app(page, app_url)
    page.get_by_role("link", name="Compare").click()
    wait_for_app_run(page)
    label = "Scenarios to compare (2 to 5)"
    for name in (
        load_example(DEFAULT_EXAMPLE).name,  # the same name as the scenario being edited
        "1:1 coach at full capacity",
        "Course creator",
    ):
        pick(page, label, name)
    table = page.get_by_test_id("stTable")
    # Two scenarios called alike are told apart in the table's headings.
    same = load_example(DEFAULT_EXAMPLE).name
    expect(table.get_by_role("columnheader", name=f"{same} (2)", exact=True)).to_be_visible()
    assert overflow(page, "[data-testid='stTable']")["across"] <= 0
    assert page_overflow(page)["across"] <= 0
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
    # Every offer of the five, every column in view (no associates: no associate hours).
    offers = page.get_by_test_id("stDataFrame").locator(".dvn-scroller")
    expect(offers).to_be_visible()
    assert overflow(page, "[data-testid='stDataFrame'] .dvn-scroller")["across"] <= 0
    whole_page(page, "compare-5.png")
    context.close()


def test_the_presenter_view_fits_a_projector_and_moves_with_the_keyboard(
    browser: Browser, app_url: str
) -> None:
    journey = load_journey()
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    open_app(page, app_url)
    page.get_by_role("link", name="Workshop").click()
    wait_for_app_run(page)
    page.get_by_text("Presenter view").click()
    wait_for_app_run(page)
    # The switch lets go of the keyboard, or Streamlit would ignore the keys below.
    expect(page.locator(".st-key-presenter input")).not_to_be_focused()
    keys = ["PageDown", "ArrowRight"]
    for number, step in enumerate(journey.steps, start=1):
        expect(page.get_by_role("heading", name=step.scenario.name)).to_be_visible()
        wait_for_app_run(page)  # the step's run has begun: its end clears the last step's
        expect(page.get_by_text(LEVERS[step.lever].stops)).to_be_visible()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"presenter-step-{number}.png")
        # Nothing to scroll on a 1920 × 1080 projector, the warnings included.
        assert page_overflow(page) == {"across": 0, "down": 0}, f"step {number}"
        expect(page.get_by_role("button", name="Next →")).to_be_in_viewport(ratio=1)
        for warning in evaluate(step.scenario).warnings:
            shown = page.get_by_test_id("stAlert").filter(has_text=warning)
            expect(shown).to_be_in_viewport(ratio=1)
            size = shown.locator("p").first.evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)"
            )
            assert size >= 32  # large type: read from the back of the room
        if number < len(journey.steps):
            # A clicker sends Page Down, a keyboard →: both move one step on.
            page.keyboard.press(keys[number % 2])
            wait_for_app_run(page)
    # ← and a clicker's Page Up go back, one step each.
    for key, number in (("ArrowLeft", 7), ("PageUp", 6)):
        page.keyboard.press(key)
        wait_for_app_run(page)
        expect(
            page.get_by_role("heading", name=journey.steps[number - 1].scenario.name)
        ).to_be_visible()
    context.close()


def test_the_plan_page_on_a_laptop_and_on_a_phone(browser: Browser, app_url: str) -> None:
    """A laptop keeps editor | charts side by side; a phone shows the headline figures and
    the hours chart before the editor. Neither scrolls sideways."""
    for width, height in ((1440, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        open_app(page, app_url)
        hours_chart = page.get_by_test_id("stVegaLiteChart").first
        expect(hours_chart).to_be_visible(timeout=30_000)
        chart = hours_chart.bounding_box()
        editor = page.get_by_label("Clients per year", exact=True).bounding_box()
        income = metric_value(page, "Net income a year").bounding_box()
        assert chart is not None and editor is not None and income is not None
        assert page_overflow(page)["across"] <= 0
        assert income["y"] < chart["y"]
        if width < 640:  # Streamlit stacks the columns below 640 px
            assert chart["y"] + chart["height"] < editor["y"]
        else:
            assert editor["x"] + editor["width"] < chart["x"]
            assert chart["y"] < height  # in the first screen, beside the editor
        whole_page(page, f"plan-{width}.png")
        context.close()
