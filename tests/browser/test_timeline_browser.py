"""The Timeline page in a real Chromium: the months a user reads, and moving a retreat."""

from __future__ import annotations

import csv

from playwright.sync_api import Page, expect

from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import choose, metric_value, open_app


def test_timeline_shows_the_crowded_month_and_follows_a_moved_retreat(
    page: Page, app_url: str
) -> None:
    open_app(page, app_url)
    page.get_by_role("link", name="Timeline").click()
    expect(
        page.get_by_role("heading", name="The first three years, month by month")
    ).to_be_visible()
    # The default example's autumn retreat, month 10 of each year: 186 h against 153 h; and
    # month 1, when the first cohort and the first year's clients are all new: 169 h
    expect(metric_value(page, "Months over capacity")).to_have_text("4 of 36")
    expect(metric_value(page, "Busiest month")).to_have_text("month 10")
    expect(page.get_by_text('Month 10: "Autumn leadership retreat" 104 h')).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)

    wait_for_app_run(page)  # the page's run has ended: nothing redraws the select under the click
    page.get_by_label("Offer", exact=True).click()
    page.get_by_role("option", name="Autumn leadership retreat · Retreat", exact=True).click()
    wait_for_app_run(page)
    months = page.get_by_role("combobox", name="Months of the year the retreats start")
    months.click()
    months.press("Backspace")  # takes month 10 away
    page.get_by_role("option", name="month 4", exact=True).click()
    months.press("Escape")
    wait_for_app_run(page)
    expect(metric_value(page, "Busiest month")).to_have_text("month 4")
    expect(page.get_by_text('Month 4: "Autumn leadership retreat" 104 h')).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the months (CSV)").click()
    with open(download.value.path(), encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert [row["Month"] for row in rows] == [str(month) for month in range(1, 37)]
    busiest = max(rows, key=lambda row: float(row["Hours"]))
    assert busiest["Month"] == "4"  # the CSV holds the months on screen


def test_launch_months_move_a_courses_crowded_months(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    choose(page, "Start from", "Course creator")
    page.get_by_role("link", name="Timeline").click()
    # Two launches a year from month 7 (months 7 and 1 of each year). A full launch: 150 students
    # × 0.25 h + 60 h = 97.5 h of selling, 15 h of admin, 15 h of support and 3 h of upkeep:
    # 131 h, with the coaching's 16 h and 15 h of fixed admin 162 h against 153 h
    expect(metric_value(page, "Busiest month")).to_have_text("month 13")
    expect(page.get_by_text('Month 13: "Career change program" 131 h')).to_be_visible()
    expect(page.get_by_text("creation time paid back in month 7")).to_be_visible()

    wait_for_app_run(page)
    choose(page, "Offer", "Career change program · Online program")
    months = page.get_by_role("combobox", name="Months of the year it launches")
    months.click()
    page.get_by_role("option", name="month 3", exact=True).click()
    page.get_by_role("option", name="month 9", exact=True).click()
    months.press("Escape")
    wait_for_app_run(page)
    # Launches in months 9, 15, 21 …: the first full one (after the 3-month ramp) is month 15
    expect(metric_value(page, "Busiest month")).to_have_text("month 15")
    expect(page.get_by_text('Month 15: "Career change program" 131 h')).to_be_visible()
    expect(page.get_by_text("creation time paid back in month 9")).to_be_visible()


def test_the_cash_chart_gives_each_series_its_own_panel_and_names_both(
    browser, app_url: str
) -> None:
    """A coach opens the Timeline at 1440×900 and reads net income each month and so far on
    panels of their own, each with its axis title, and a legend naming both."""
    from tests.browser.conftest import ARTIFACTS

    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    open_app(page, app_url)
    page.get_by_role("link", name="Timeline").click()
    expect(
        page.get_by_role("heading", name="The first three years, month by month")
    ).to_be_visible()
    wait_for_app_run(page)
    chart = page.get_by_test_id("stVegaLiteChart").nth(1)
    chart.evaluate("element => element.scrollIntoView({block: 'center'})")
    svg = chart.locator("svg")
    for words in ("USD a month", "USD so far", "net income that month", "net income so far"):
        expect(svg.get_by_text(words, exact=True)).to_be_visible()
    expect(svg.get_by_text("0k", exact=True)).to_have_count(0)
    # The whole chart, its legend included, is on the screen: centred again now that it is
    # drawn (it was scrolled to while its box may still have been growing).
    chart.evaluate("element => element.scrollIntoView({block: 'center'})")
    top, height = chart.bounding_box()["y"], chart.bounding_box()["height"]
    assert top >= 0 and top + height <= 900
    # Both panels fit the page's width: nothing drawn past the chart's own box.
    box, drawn = chart.bounding_box(), svg.bounding_box()
    assert drawn["x"] + drawn["width"] <= box["x"] + box["width"] + 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "timeline.png")
    context.close()
