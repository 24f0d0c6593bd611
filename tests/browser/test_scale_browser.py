"""The Scale page in a real Chromium: the numbers a user reads."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from models.examples import DEFAULT_EXAMPLE, load_example
from models.scale import scale
from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import metric_value, open_app


def test_scale_page_shows_each_offers_ceiling_and_the_lever_chart(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    page.get_by_role("link", name="Scale").click()
    expect(page.get_by_role("heading", name="How far each lever goes")).to_be_visible()
    expected = scale(load_example(DEFAULT_EXAMPLE))
    first = expected.offers[0]
    expect(metric_value(page, "Ceiling")).to_have_text(f"{first.ceiling.quantity:,.0f}")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)

    page.get_by_label("Offer", exact=True).click()
    page.get_by_role("option", name="Leaders mastermind", exact=True).click()
    wait_for_app_run(page)
    mastermind = expected.offers[1]
    expect(metric_value(page, "Your plan (members)")).to_have_text("8")
    expect(metric_value(page, "Ceiling")).to_have_text(f"{mastermind.ceiling.quantity:,.0f}")
    expect(page.get_by_text("becomes an events or training business")).to_be_visible()
