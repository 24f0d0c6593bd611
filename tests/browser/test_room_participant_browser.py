"""A workshop room's participant on a phone (390 × 844) in a real Chromium: open the link,
change an opened figure, send, reload (the address keeps the seat) and send again; then the
same page on a laptop, and a link that leads nowhere."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, expect

from models.evaluation import evaluate
from models.examples import load_example
from presentation.headline import headlines
from store import Store
from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import PATIENCE_MS
from tests.browser.test_plan_browser import metric_value
from tests.browser.test_screens_browser import page_overflow, whole_page

PHONE = {"width": 390, "height": 844}
#: Coaching first, a mastermind (8 members at 800 a month) second.
START = load_example("coach-mastermind-retreat")
OPENED = ("offers[1].members_per_cohort", "offers[0].price_per_client")


def net_income(members: int) -> str:
    offers = list(START.offers)
    offers[1] = offers[1].model_copy(update={"members_per_cohort": members})
    scenario = START.model_copy(update={"offers": offers})
    return next(
        figure.value
        for figure in headlines(scenario, evaluate(scenario))
        if figure.key == "net_income"
    )


def seat_in_address(page: Page) -> str:
    return parse_qs(urlparse(page.url).query)["seat"][0]


def send_as(page: Page, name: str) -> None:
    """Type the display name and press Send, as a person on a phone does."""
    wait_for_app_run(page)
    page.locator(".st-key-room_display_name input").fill(name)
    page.locator(".st-key-room_submit button").click()
    wait_for_app_run(page)
    expect(page.get_by_text("You can change your numbers and send again.")).to_be_visible()


def test_a_participant_on_a_phone_sends_and_a_reload_keeps_the_seat(
    browser: Browser, app_url: str
) -> None:
    store = Store()
    keys = store.rooms.open("Tuesday workshop", START, OPENED)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    try:
        page.goto(f"{app_url}/?room={keys.participant}", timeout=120_000)
        wait_for_app_run(page)
        expect(page.get_by_role("heading", name="Tuesday workshop")).to_be_visible()
        expect(page.get_by_test_id("stSidebar")).to_have_count(0)  # the room's page alone
        expect(page).to_have_url(re.compile(r"[?&]seat=[\w-]{22}"))
        seat = seat_in_address(page)
        expect(metric_value(page, "Net income a year")).to_have_text(net_income(8))
        assert page_overflow(page)["across"] == 0  # nothing cut off at the phone's edge
        whole_page(page, "room-participant-opened.png")

        members = page.locator(".st-key-room_field_offer_1_members_per_cohort input")
        members.fill("10")
        members.press("Enter")
        wait_for_app_run(page)
        expect(metric_value(page, "Net income a year")).to_have_text(net_income(10))
        send_as(page, "Ana")
        whole_page(page, "room-participant-sent.png")
        [plan] = store.rooms.status(keys.facilitator).submissions
        assert (plan.seat, plan.display_name, plan.times) == (seat, "Ana", 1)

        page.reload()
        wait_for_app_run(page)
        expect(page.get_by_role("heading", name="Tuesday workshop")).to_be_visible()
        assert seat_in_address(page) == seat
        send_as(page, "Ana")
        status = store.rooms.status(keys.facilitator)
        assert status.joined == 1
        assert [(plan.seat, plan.times) for plan in status.submissions] == [(seat, 2)]

        page.set_viewport_size({"width": 1440, "height": 900})  # the same page on a laptop
        wait_for_app_run(page)
        assert page_overflow(page)["across"] == 0
        whole_page(page, "room-participant-laptop.png")

        page.goto(f"{app_url}/?room=cut-short", timeout=120_000)
        wait_for_app_run(page)
        expect(page.get_by_text("This room link leads nowhere", exact=False)).to_be_visible()
        whole_page(page, "room-participant-bad-link.png")
    finally:
        context.close()
        store.close()
