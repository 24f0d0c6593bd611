"""Figures typed as a person types them, in a real Chromium: a price with a thousands
separator and a tax rate in percent change the headline figures."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_plan_browser import metric_value, open_app, type_into

SCREENSHOT = ARTIFACTS / "plan-fields.png"
PRICE_SCREENSHOT = ARTIFACTS / "plan-fields-price.png"


def test_a_price_with_separators_and_a_share_in_percent_change_the_figures(
    page: Page, app_url: str
):
    page.set_viewport_size({"width": 1440, "height": 900})
    open_app(page, app_url)
    price = page.get_by_label("Price per client (USD/client)", exact=True)
    expect(price).to_have_value("6,000")  # whole dollars, grouped, no ".00"
    type_into(page, "Price per client (USD/client)", "12,000")
    # 16 private clients at 12,000 instead of 6,000: 186,500 + 16 × 6,000 = 282,500.
    expect(metric_value(page, "Net income a year")).to_have_text("$282,500")
    expect(price).to_have_value("12,000")
    type_into(page, "Price per client (USD/client)", "twelve")
    expect(
        page.get_by_test_id("stAlertContentError").filter(
            has_text="Price per client: “twelve” is not an amount"
        )
    ).to_be_visible()
    expect(metric_value(page, "Net income a year")).to_have_text("$282,500")  # kept
    type_into(page, "Price per client (USD/client)", "$12000")
    expect(price).to_have_value("12,000")
    page.get_by_role("radio", name="Your practice", exact=True).click()
    type_into(page, "Tax rate on net income (%)", "50")
    # Take-home: 282,500 less 50% tax = 141,250.
    expect(metric_value(page, "Take-home a year")).to_have_text("$141,250")
    expect(page.get_by_label("Tax rate on net income (%)", exact=True)).to_have_value("50")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # The headline figures and the tax rate in percent, from the top of the page.
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT))
    # The price as typed, grouped, among the offer's fields (the editor's offers again).
    page.get_by_role("radio", name="Offers", exact=True).click()
    wait_for_app_run(page)
    expect(price).to_have_value("12,000")
    price.scroll_into_view_if_needed()
    page.screenshot(path=str(PRICE_SCREENSHOT))
