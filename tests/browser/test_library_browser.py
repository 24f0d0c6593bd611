"""The library that lasts, in a real Chromium: a save reached again from its link in another
browser, the link kept across page switches and a reload, and a short link."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import ARTIFACTS, PATIENCE_MS
from tests.browser.test_plan_browser import open_app, type_into

#: The example the app opens with.
SCENARIO = "Coach adds a mastermind and a retreat"
LIBRARY_LINK = re.compile(r"[?&]library=[A-Za-z0-9_-]{22}")


def new_page(browser: Browser) -> Page:
    """A page in a new browser context: another person, or the same one on another day."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    return page


def tall_screenshot(page: Page, name: str) -> None:
    """The whole library on one picture: the page's main area scrolls inside the window, so the
    window is made tall enough (1440 px wide, as a laptop shows it)."""
    page.set_viewport_size({"width": 1440, "height": 2400})
    wait_for_app_run(page)
    page.screenshot(path=ARTIFACTS / name)
    page.set_viewport_size({"width": 1440, "height": 1000})


def open_library(page: Page) -> None:
    """Go to the Compare page and open its library."""
    page.get_by_role("link", name="Compare").click()
    wait_for_app_run(page)
    page.get_by_text("Your scenario library").click()
    wait_for_app_run(page)


def save(page: Page, area: Locator, note: str) -> None:
    """Type a note and click Save in ``area`` (the sidebar or the page)."""
    area.get_by_role("textbox", name="Note for this save (optional)").fill(note)
    area.get_by_role("button", name="Save", exact=True).click()
    wait_for_app_run(page)


def sidebar_dialog(page: Page, app_url: str, title: str) -> Locator:
    """Open the app and the sidebar's dialog ``title``; returns the dialog."""
    open_app(page, app_url)
    page.get_by_test_id("stSidebar").get_by_role("button", name=title).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text(title, exact=True)).to_be_visible()
    wait_for_app_run(page)
    return dialog


def test_a_library_link_opens_the_saves_in_a_new_browser(
    page: Page, app_url: str, browser: Browser
):
    """Save twice, then a new browser opens the library link and sees both versions."""
    dialog = sidebar_dialog(page, app_url, "Your library")
    save(page, dialog, "First plan")
    expect(dialog.get_by_text("Bookmark this link")).to_be_visible()
    expect(page).to_have_url(LIBRARY_LINK)
    link = page.url
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "library-dialog.png")
    dialog.get_by_role("button", name="Saves and versions").click()  # closes it: Compare
    expect(page.get_by_role("dialog")).to_have_count(0)
    wait_for_app_run(page)
    page.get_by_text("Your scenario library").click()
    wait_for_app_run(page)
    expect(page).to_have_url(LIBRARY_LINK)  # kept across the page switch
    page.reload()
    wait_for_app_run(page)
    expect(page).to_have_url(LIBRARY_LINK)  # and a reload
    page.get_by_role("link", name="Plan").click()
    type_into(page, "Price per client (USD/client)", "12,000")
    open_library(page)
    save(page, page.get_by_test_id("stMain"), "After the price review")
    expect(page.get_by_text("version 2", exact=False).first).to_be_visible()
    tall_screenshot(page, "library-compare.png")

    other = new_page(browser)
    try:
        other.goto(link, timeout=120_000)
        wait_for_app_run(other)
        open_library(other)
        expect(other).to_have_url(LIBRARY_LINK)
        main = other.get_by_test_id("stMain")
        expect(main.get_by_text(f"Versions of “{SCENARIO}”")).to_be_visible()
        expect(main.get_by_text("What changed from")).to_be_visible()
        expect(main.get_by_text(re.compile("Price per client: .* → 12,000"))).to_be_visible()
        versions = main.get_by_test_id("stDataFrame").nth(1)
        expect(versions).to_be_visible()
        tall_screenshot(other, "library-new-browser.png")
    finally:
        other.context.close()


def test_a_short_link_opens_the_scenario_in_another_browser(
    page: Page, app_url: str, browser: Browser
):
    """Make a short link; another browser opens it and edits that scenario."""
    dialog = sidebar_dialog(page, app_url, "Share a link")
    dialog.get_by_role("button", name="Make a short link").click()
    wait_for_app_run(page)
    short = dialog.get_by_test_id("stText").filter(has_text="?copy=")
    expect(short).to_be_visible()
    link = short.inner_text().strip()
    page.screenshot(path=ARTIFACTS / "library-share.png")

    other = new_page(browser)
    try:
        other.goto(link, timeout=120_000)
        wait_for_app_run(other)
        expect(other.get_by_text(f"Opened “{SCENARIO}” from the short link.")).to_be_visible()
        expect(other).not_to_have_url(re.compile("copy="))
    finally:
        other.context.close()
