"""The facilitator's room view in a real Chromium at a projector's 1920 × 1080: three plans
stored, then a fourth submitted while the page is open appears without a reload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from models.examples import load_example
from store import Store
from tests.browser.app_server import wait_for_app_run
from tests.browser.conftest import PATIENCE_MS
from tests.browser.test_plan_browser import metric_value
from tests.browser.test_rooms_browser import open_room_on_workshop_page
from tests.factories import first_offer_with

ARTIFACTS = Path(__file__).parent.parent / "artifacts"
PRICE = "offers[0].price_per_client"


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    """A page the size of a 1920 × 1080 projector."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    yield page
    context.close()


def test_a_plan_submitted_while_the_view_is_open_appears_without_a_reload(
    projector: Page, app_url: str
) -> None:
    coach = load_example("coach-one-to-one")
    store = Store()
    keys = store.rooms.open("Tuesday workshop: raise your price", coach, (PRICE,))
    # Within the example's ranges (7,000 to 8,500 a client, 18 to 25 clients), which stay.
    plans = [("Ana", 8_500, 23), ("", 7_500, 25), ("Ben", 8_200, 20), ("Dee", 8_400, 18)]
    seats = [store.rooms.join(keys.participant) for _ in plans]
    for seat, (name, price, clients) in zip(seats[:3], plans[:3], strict=True):
        store.rooms.submit(
            keys.participant,
            seat,
            first_offer_with(coach, price_per_client=price, clients=clients),
            name,
        )

    projector.goto(f"{app_url}/?facilitate={keys.facilitator}", timeout=120_000)
    wait_for_app_run(projector)
    expect(metric_value(projector, "Plans submitted")).to_have_text("3")
    expect(metric_value(projector, "Joined")).to_have_text("4")
    expect(projector.get_by_test_id("stSidebar")).to_have_count(0)  # the view alone
    expect(projector.get_by_test_id("stImage")).to_be_visible()  # the QR code

    name, price, clients = plans[3]
    store.rooms.submit(
        keys.participant,
        seats[3],
        first_offer_with(coach, price_per_client=price, clients=clients),
        name,
    )
    # The fragment reads the room again every few seconds: no reload, no click.
    expect(metric_value(projector, "Plans submitted")).to_have_text("4", timeout=60_000)
    expect(projector.get_by_test_id("stTable").get_by_text("Dee", exact=True)).to_be_visible()
    expect(projector.get_by_test_id("stVegaLiteChart")).to_have_count(3)
    ARTIFACTS.mkdir(exist_ok=True)
    projector.screenshot(path=ARTIFACTS / "room-view.png")
    projector.get_by_role("heading", name="One plan, large").scroll_into_view_if_needed()
    # The plan shown large stays the one on screen when another arrives (Ben, then the latest).
    expect(metric_value(projector, "Net income")).to_have_text("$153,000")
    projector.get_by_label("Show the plan of").click()
    projector.get_by_role("option", name="Dee").click()
    expect(metric_value(projector, "Net income")).to_have_text("$140,500")
    projector.get_by_role("heading", name="One plan, large").scroll_into_view_if_needed()
    projector.screenshot(path=ARTIFACTS / "room-view-plan.png")
    store.close()


def test_a_room_opened_on_the_workshop_page_opens_the_room_view(
    projector: Page, app_url: str
) -> None:
    _, address = open_room_on_workshop_page(projector, app_url, "Thursday room")
    expect(projector.get_by_test_id("stImage")).to_be_visible()  # the QR code
    # The links are the app's own address, not the Workshop page's.
    assert address.startswith(f"{app_url}/?facilitate=")
    ARTIFACTS.mkdir(exist_ok=True)
    projector.get_by_role("link", name="Open the room view").scroll_into_view_if_needed()
    projector.screenshot(path=ARTIFACTS / "workshop-room-opened.png")

    projector.goto(address)
    wait_for_app_run(projector)
    expect(projector.get_by_role("heading", name="Thursday room")).to_be_visible()
    expect(metric_value(projector, "Plans submitted")).to_have_text("0")
