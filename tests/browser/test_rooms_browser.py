"""A workshop room as it is used, in real Chromium: the facilitator opens it on the Workshop page,
five participants on their phones join through the link and send different plans, and the
facilitator's room view shows all five with the right figures without a reload. Then the
same room on two app servers sharing one real PostgreSQL, as a conference runs it
(docs/deploy.md): a participant on one server, the facilitator on the other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from models.evaluation import evaluate
from models.journey import load_journey
from presentation.formatting import format_figure
from store import Store
from store.database import DATABASE_URL_VARIABLE
from tests.browser.app_server import streamlit_servers, wait_for_app_run
from tests.browser.conftest import ARTIFACTS, PATIENCE_MS, ROOT
from tests.browser.test_plan_browser import metric_value
from tests.browser.test_room_participant_browser import send_as
from tests.database_server import postgresql_server
from tests.factories import first_offer_with

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
#: The room starts from the journey's first step: a full 1:1 practice at $6,000 a client.
START = load_journey().steps[0].scenario
PRICE = "offers[0].price_per_client"
#: The field's widget on the participant's page (app/pages/room.py).
PRICE_BOX = ".st-key-room_field_offer_0_price_per_client input"
#: Five participants: a display name (one anonymous) and the price each tries. [USD/client]
PARTICIPANTS = [("Ana", 6_500), ("Ben", 7_000), ("", 7_500), ("Dee", 8_000), ("Eve", 9_000)]


def net_income_shown(price: float) -> str:
    """The room view's net income of a plan at ``price``, as the model computes and the Compare
    page words it."""
    return format_figure(
        evaluate(first_offer_with(START, price_per_client=price)).totals.net_income,
        "currency/year",
        "USD",
    )


def new_page(browser: Browser, viewport: dict[str, int]) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    return context, page


@pytest.fixture
def contexts() -> Iterator[list[BrowserContext]]:
    """The test's browser contexts, closed afterwards whatever happens."""
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def open_room_on_workshop_page(page: Page, app_url: str, name: str) -> tuple[str, str]:
    """Open a room from the Workshop page as a facilitator does, opening the first offer's
    price; return its (participant, facilitator) links as the page shows them."""
    page.goto(app_url, timeout=120_000)
    wait_for_app_run(page)
    page.get_by_role("link", name="Workshop").click()
    wait_for_app_run(page)
    page.get_by_text("Open a room: participants put in their own numbers").click()
    page.get_by_label("Room name").fill(name)
    page.get_by_label("Room name").press("Enter")
    wait_for_app_run(page)
    page.get_by_label("What participants may change").click()
    page.keyboard.type("Price per client")  # the list is long: filter it, as a person would
    page.get_by_role("option", name=f"{START.offers[0].name} → Price per client").click()
    page.keyboard.press("Escape")
    wait_for_app_run(page)
    page.get_by_role("button", name="Open the room").click()
    wait_for_app_run(page)
    expect(page.get_by_text(f"The room “{name}” is open.")).to_be_visible()
    links = page.get_by_test_id("stCode")
    participant = links.filter(has_text="?room=").inner_text().replace("\n", "").strip()
    facilitator = links.filter(has_text="?facilitate=").inner_text().replace("\n", "").strip()
    return participant, facilitator


def send_plan(page: Page, link: str, name: str, price: float) -> None:
    """A participant opens the room link, types a price and their name, and sends."""
    page.goto(link, timeout=120_000)
    wait_for_app_run(page)
    box = page.locator(PRICE_BOX)
    box.fill(f"{price:,.0f}")
    box.press("Enter")
    wait_for_app_run(page)
    send_as(page, name)


def test_five_participants_send_plans_and_the_room_view_shows_all_five(
    browser: Browser, app_url: str, contexts: list[BrowserContext]
) -> None:
    context, facilitator = new_page(browser, PROJECTOR)
    contexts.append(context)
    participant_link, facilitator_link = open_room_on_workshop_page(
        facilitator, app_url, "Friday room: raise your price"
    )
    facilitator.goto(facilitator_link)
    wait_for_app_run(facilitator)
    expect(metric_value(facilitator, "Plans submitted")).to_have_text("0")

    for name, price in PARTICIPANTS:
        context, phone = new_page(browser, PHONE)
        contexts.append(context)
        send_plan(phone, participant_link, name, price)

    # The room view was never reloaded: its fragment reads the room every few seconds.
    expect(metric_value(facilitator, "Plans submitted")).to_have_text("5", timeout=60_000)
    expect(metric_value(facilitator, "Joined")).to_have_text("5")
    table = facilitator.get_by_test_id("stTable")
    for name, price in PARTICIPANTS:
        label = name or "Anonymous 1"
        row = table.locator("tr").filter(has=facilitator.get_by_text(label, exact=True))
        expect(row).to_contain_text(net_income_shown(price))
    facilitator.screenshot(path=ARTIFACTS / "room-five-participants.png")

    store = Store()
    key = facilitator_link.rsplit("=", 1)[1]
    status = store.rooms.status(key)
    assert sorted(
        (entry.display_name, entry.scenario.offers[0].model_dump()["price_per_client"])
        for entry in status.submissions
    ) == sorted(PARTICIPANTS)
    store.close()


def test_two_servers_on_one_postgresql_share_a_room(
    browser: Browser, contexts: list[BrowserContext]
) -> None:
    with (
        postgresql_server() as database,
        streamlit_servers(
            ROOT / "streamlit_app.py",
            ROOT / "streamlit_app.py",
            environment={DATABASE_URL_VARIABLE: database},
        ) as (first, second),
    ):
        store = Store(database)
        keys = store.rooms.open("Conference room 7", START, (PRICE,))
        context, facilitator = new_page(browser, PROJECTOR)
        contexts.append(context)
        facilitator.goto(f"{first.url}/?facilitate={keys.facilitator}", timeout=120_000)
        wait_for_app_run(facilitator)
        expect(metric_value(facilitator, "Plans submitted")).to_have_text("0")

        context, phone = new_page(browser, PHONE)
        contexts.append(context)
        send_plan(phone, f"{second.url}/?room={keys.participant}", "Ana", 8_000)

        # Sent on the second server; the first server's room view shows it without a reload.
        expect(metric_value(facilitator, "Plans submitted")).to_have_text("1", timeout=60_000)
        row = facilitator.get_by_test_id("stTable").locator("tr").filter(has_text="Ana")
        expect(row).to_contain_text(net_income_shown(8_000))
        facilitator.screenshot(path=ARTIFACTS / "room-two-servers.png")
        store.close()
