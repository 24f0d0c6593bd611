"""The Compare page in a real Chromium: the figures a user reads side by side."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_plan_browser import open_app


def test_compare_page_shows_the_change_in_net_income_and_what_changed(
    page: Page, app_url: str
) -> None:
    open_app(page, app_url)
    page.get_by_role("link", name="Compare").click()
    expect(page.get_by_role("heading", name="Every headline figure")).to_be_visible()
    table = page.get_by_test_id("stTable")
    expect(table).to_be_visible()
    # One column per scenario, the change under the figure. Net income and, with no tax
    # rate, take-home both fall by 6,190.
    expect(table.get_by_text("-$6,190 (-3.3%)")).to_have_count(2)
    net_income_row = table.locator("tr").filter(has_text="Net income")
    expect(net_income_row.get_by_text("-$6,190 (-3.3%)")).to_be_attached()
    expect(page.get_by_text("Added “Leadership circle” (group program)")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
