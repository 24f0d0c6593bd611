"""Undo and redo as a person uses them, the quiet delete, and a notice shown once, in Chromium."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from models.examples import DEFAULT_EXAMPLE, load_example
from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_plan_browser import metric_value, open_app, open_file, type_into

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def sidebar_button(page: Page, starts_with: str):
    """The sidebar's button whose words begin with ``starts_with`` ("Undo:", "Redo:")."""
    wait_for_app_run(page)
    return page.get_by_test_id("stSidebar").get_by_role("button", name=starts_with)


def test_edit_undo_and_redo_with_the_sidebar_buttons(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    first = load_example(DEFAULT_EXAMPLE).offers[0]
    type_into(page, "Clients per year", "20")
    # 4 more private clients × 6,000 = 24,000 more than 186,500
    expect(metric_value(page, "Net income a year")).to_have_text("$210,500")
    type_into(page, "Sessions per client", "30")
    expect(sidebar_button(page, f"Undo: Sessions per client of “{first.name}”")).to_be_visible()

    sidebar_button(page, "Undo:").click()
    expect(sidebar_button(page, "Redo:")).to_be_visible()
    wait_for_app_run(page)
    expect(page.get_by_label("Sessions per client", exact=True)).to_have_value(
        f"{first.sessions_per_client:g}"
    )
    expect(metric_value(page, "Net income a year")).to_have_text("$210,500")
    expect(sidebar_button(page, f"Undo: Clients per year of “{first.name}”")).to_be_visible()
    expect(sidebar_button(page, f"Redo: Sessions per client of “{first.name}”")).to_be_visible()
    # no tooltip over the buttons in the picture (the clicked button keeps the focus)
    page.mouse.move(900, 10)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    expect(page.get_by_text("Take back this change; Redo brings it again.")).to_be_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "undo.png"))

    sidebar_button(page, "Undo:").click()
    expect(metric_value(page, "Net income a year")).to_have_text("$186,500")
    wait_for_app_run(page)  # during the run the old widget and the new one are both drawn
    expect(page.get_by_label("Clients per year", exact=True)).to_have_value("16")
    sidebar_button(page, "Redo:").click()
    expect(metric_value(page, "Net income a year")).to_have_text("$210,500")
    wait_for_app_run(page)
    expect(page.get_by_label("Clients per year", exact=True)).to_have_value("20")
    expect(sidebar_button(page, "Redo: Sessions per client")).to_be_visible()


def test_delete_asks_first_and_undo_brings_the_offer_back(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    name = load_example(DEFAULT_EXAMPLE).offers[0].name
    wait_for_app_run(page)
    page.get_by_role("button", name="Delete", exact=True).click()
    question = page.get_by_text(f"Delete “{name}”? Undo can bring it back.")
    expect(question).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "undo-delete.png"))
    wait_for_app_run(page)
    page.get_by_test_id("stMainBlockContainer").get_by_role(
        "button", name="Delete", exact=True
    ).last.click()
    editing = page.get_by_role("combobox", name="Offer to edit", exact=True)
    expect(editing).not_to_have_value(f"{name} · Private 1:1 clients")
    sidebar_button(page, f"Undo: delete “{name}”").click()
    expect(editing).to_have_value(f"{name} · Private 1:1 clients")
    expect(metric_value(page, "Net income a year")).to_have_text("$186,500")


def test_the_loaded_notice_is_gone_after_the_next_edit(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    open_file(page, SCENARIOS / "course-creator.yaml")
    loaded = page.get_by_text("Loaded “Course creator” from course-creator.yaml")
    expect(loaded).to_be_visible()
    type_into(page, "Offer name", "Renamed offer")  # Enter commits a text box too
    expect(sidebar_button(page, "Undo: renaming “Career coaching”")).to_be_visible()
    expect(loaded).to_have_count(0)


def test_a_notice_shows_on_the_page_open_and_not_later_on_another(page: Page, app_url: str) -> None:
    """Opening a file on the Timeline page says so there; the Plan page opened next does not."""
    open_app(page, app_url)
    page.get_by_role("link", name="Timeline").click()
    expect(
        page.get_by_role("heading", name="The first three years, month by month")
    ).to_be_visible()
    wait_for_app_run(page)
    open_file(page, SCENARIOS / "course-creator.yaml")
    loaded = page.get_by_text("Loaded “Course creator” from course-creator.yaml")
    expect(loaded).to_be_visible()
    wait_for_app_run(page)
    page.get_by_role("link", name="Plan").click()
    expect(page.get_by_role("heading", name="Course creator")).to_be_visible()
    wait_for_app_run(page)
    expect(loaded).to_have_count(0)


def test_a_start_the_timeline_moves_is_said_under_the_schedule_editor(
    page: Page, app_url: str
) -> None:
    """The default example's retreat runs in month 10 of each year; asked to start in month 4,
    its first retreat is still month 10, and the editor says so until Undo."""
    open_app(page, app_url)
    page.get_by_role("link", name="Timeline").click()
    expect(
        page.get_by_role("heading", name="The first three years, month by month")
    ).to_be_visible()
    wait_for_app_run(page)
    page.get_by_label("Offer", exact=True).click()
    page.get_by_role("option", name="Autumn leadership retreat · Retreat", exact=True).click()
    expect(
        page.get_by_role("combobox", name="Months of the year the retreats start")
    ).to_be_visible()
    wait_for_app_run(page)
    expect(page.get_by_label("First month", exact=True)).to_have_count(1)
    type_into(page, "First month", "4")
    note = page.get_by_text(
        "“Autumn leadership retreat” starts in month 10, not 4: its retreats start in month 10 "
        "of the year."
    )
    expect(note).to_have_count(1)  # under the editor only: the page's notes keep to capacity
    under_editor = page.get_by_test_id("stAlert").filter(has_text="starts in month 10").last
    expect(under_editor).to_be_visible()
    # the editor's inputs come before it on the page
    first_month = page.get_by_label("First month", exact=True).bounding_box()
    assert first_month is not None and under_editor.bounding_box()["y"] > first_month["y"]
    under_editor.scroll_into_view_if_needed()
    page.mouse.move(900, 10)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "schedule-note.png"))
    sidebar_button(page, "Undo: First month of “Autumn leadership retreat”").click()
    wait_for_app_run(page)
    expect(note).to_have_count(0)


def test_an_applied_value_is_said_once_and_gone_on_the_next_page(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    page.get_by_role("link", name="Decide").click()
    wait_for_app_run(page)
    page.get_by_role("button", name="Apply this value").click()
    applied = page.get_by_text(" set to ")
    expect(applied).to_be_visible()
    wait_for_app_run(page)
    page.get_by_role("link", name="Plan").click()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    wait_for_app_run(page)
    expect(applied).to_have_count(0)
