"""Version 2 on the Plan page in a real Chromium: an offer's Demand section and the warning a
person sees when the plan needs more leads than the marketing reaches."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import metric_value, open_app, type_into

SCREENSHOT = "/tmp/plan-v2-demand.png"
FIELDS_SCREENSHOT = "/tmp/plan-v2-demand-fields.png"


def test_too_few_leads_show_the_demand_warning(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    page.get_by_role("radio", name="Demand", exact=True).click()
    wait_for_app_run(page)
    type_into(page, "Conversion rate (%)", "20")
    type_into(page, "Leads per year", "30")
    # Private coaching: 16 clients, half returning, 8 new a year; at 1 in 5 calls that is
    # 8 / 0.2 = 40 leads needed, 10 more than the 30 the marketing reaches.
    warning = page.get_by_test_id("stAlertContentWarning").filter(
        has_text="needs 40 leads a year; your marketing reaches 30"
    )
    expect(warning).to_be_visible()
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    expect(metric_value(page, "Take-home a year")).to_have_text("$186,500")
    page.screenshot(path=SCREENSHOT, full_page=True)
    # The Demand section as the person filled it in, and the offer table beside it.
    page.get_by_label("Leads per year", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=FIELDS_SCREENSHOT)
