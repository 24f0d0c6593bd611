"""Offline: a workshop venue without internet works. Every request the browser makes, on
every page of the app and every Decide section, goes to the app's own server (or stays in
the page: data: and blob: addresses)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from playwright.sync_api import Page, Request, expect

from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_plan_browser import open_app

#: The pages of the navigation, in order.
PAGES = ("Plan", "Timeline", "Scale", "Compare", "Decide", "Workshop", "Glossary")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_local(url: str) -> bool:
    """Whether a request stays on this machine."""
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


def test_is_local_tells_the_apps_server_from_the_internet() -> None:
    assert is_local("http://127.0.0.1:8501/_stcore/health")
    assert is_local("data:image/png;base64,AAAA") and is_local("blob:http://localhost/x")
    assert not is_local("https://fonts.gstatic.com/s/i/short-term/release/balance.svg")
    assert not is_local("https://webhooks.fivetran.com/webhooks/x")


def open_page(page: Page, name: str) -> None:
    """Open a page from the navigation and wait until it is there and its run has ended (the
    address changes first: waiting on the run alone could see the last page's run ended)."""
    page.get_by_role("link", name=name, exact=True).click()
    path = "" if name == "Plan" else name.lower()  # each page's address is its file's name
    page.wait_for_url(re.compile(rf"/{path}(\?.*)?$"))
    wait_for_app_run(page)
    expect(page.get_by_test_id("stMain")).to_be_visible()


def test_nothing_is_fetched_from_outside_the_machine(page: Page, app_url: str) -> None:
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    page.on("request", record)
    open_app(page, app_url)
    for name in PAGES:
        open_page(page, name)
        if name == "Decide":  # each question of the Decide page draws its own charts
            questions = page.get_by_test_id("stMain").get_by_role("radio")
            expect(questions.nth(3)).to_be_attached()  # the page's four questions are drawn
            for index in range(questions.count()):
                questions.nth(index).click()
                wait_for_app_run(page)
        if name == "Glossary":
            expect(page.get_by_role("heading", name="Words used here")).to_be_visible()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "glossary.png"), full_page=True)
    page.wait_for_load_state("networkidle")
    assert len(requested) > 10  # the recording saw the app's own traffic
    outside = sorted({url for url in requested if not is_local(url)})
    assert outside == [], outside
