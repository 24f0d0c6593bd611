"""A stranger's file and a busy server, in real Chromium: Markdown stays text, downloads never
stop the server, and sessions opening and editing all at once each keep what their user typed."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from app.fields import field_label
from models import evaluate, load_scenario
from models.examples import DEFAULT_EXAMPLE, load_example
from models.files import dump_scenario
from models.schema import OneToOne
from presentation.formatting import format_money_short
from tests.browser.app_server import streamlit_server, wait_for_app_run
from tests.browser.conftest import ROOT
from tests.browser.test_plan_browser import close_dialog, open_file

LINK = "[Click to verify your account](https://evil.example/login)"
PIXEL = "![x](http://evil.example/pixel.png?who=victim)"
BARE = "www.evil.example and https://evil.example/bare and victim@evil.example"
#: The invisible joiner ``app.plain_text`` puts into autolink starts.
JOINER = "\u2060"
#: Generous: on a shared 2-core machine 20 sessions start in turn. [ms]
SLOW = 180_000
SCENARIOS = ROOT / "scenarios"
CLIENTS = field_label(OneToOne.model_fields["clients"], "USD")
PRICE = field_label(OneToOne.model_fields["price_per_client"], "USD")


def metric_value(page: Page, label: str):
    exact_label = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=exact_label).get_by_test_id("stMetricValue")


def net_income_text(scenario) -> str:
    return format_money_short(evaluate(scenario).totals.net_income, scenario.currency)


def hostile_file(folder: Path) -> Path:
    """The default example with a link and a tracking image in its name, story and an offer."""
    document = yaml.safe_load(dump_scenario(load_example(DEFAULT_EXAMPLE)))
    document["name"] = LINK
    document["description"] = f"First paragraph {LINK}\nsecond line {PIXEL}\n\n{BARE}"
    document["offers"][0]["name"] = PIXEL
    path = folder / "[open me](https:evil.example).yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_links_and_images_in_a_strangers_file_are_shown_as_text(page: Page, app_url: str, tmp_path):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(app_url)
    wait_for_app_run(page)
    open_file(page, hostile_file(tmp_path))
    title = page.get_by_role("heading").filter(has_text="Click to verify")
    expect(title).to_be_visible(timeout=SLOW)
    assert title.inner_text().replace(JOINER, "") == LINK
    notice = page.get_by_test_id("stAlert").filter(has_text="open me")
    assert "[open me](https:evil.example).yaml" in notice.inner_text().replace(JOINER, "")
    page.get_by_role("button", name="The story behind this scenario").click()
    story = page.get_by_role("dialog").get_by_test_id("stMarkdown").get_by_role("paragraph")
    # Two paragraphs; the first keeps its line break, and every character shows as written.
    expect(story).to_have_count(2)
    texts = [text.replace(JOINER, "") for text in story.all_inner_texts()]
    assert texts == [f"First paragraph {LINK}\nsecond line {PIXEL}", BARE]
    close_dialog(page)
    # An unknown key echoed in an error message.
    document = yaml.safe_load(dump_scenario(load_example(DEFAULT_EXAMPLE)))
    document[LINK] = 1
    odd = tmp_path / "odd.yaml"
    odd.write_text(yaml.safe_dump(document), encoding="utf-8")
    open_file(page, odd)
    expect(page.get_by_test_id("stAlert").filter(has_text="Click to verify")).to_be_visible(
        timeout=SLOW
    )
    wait_for_app_run(page)
    links = page.locator("a[href*='evil.example']")
    assert links.count() == 0, links.evaluate_all(
        "(nodes) => nodes.map((n) => [n.outerHTML, n.closest('[data-testid^=st]')?.getAttribute('data-testid'), n.closest('[data-testid^=st]')?.parentElement?.closest('[data-testid^=st]')?.getAttribute('data-testid')])"
    )
    assert page.locator("img[src*='evil.example']").count() == 0
    assert not [url for url in asked if "evil.example" in url]


def _save(download, folder: Path) -> bytes:
    path = folder / download.suggested_filename
    download.save_as(path)
    return path.read_bytes()


def test_every_download_while_a_second_session_keeps_working(
    page: Page, browser: Browser, app_url: str, tmp_path
) -> None:
    """One person takes every file while another edits: both are served, the server stays up."""
    page.goto(app_url)
    wait_for_app_run(page)
    page.get_by_role("button", name="Every offer in figures").click()  # the table's CSV is in it
    expect(page.get_by_role("button", name="Download the table (CSV)")).to_be_visible()
    other = browser.new_context().new_page()
    other.set_default_timeout(SLOW)
    other.goto(app_url)
    wait_for_app_run(other)
    example = load_example(DEFAULT_EXAMPLE)
    buttons = {  # the table's CSV first, in its dialog, which is then closed
        "Download the table (CSV)": b"Offer",
        "Download scenario (YAML)": b"schema_version",
        "Report (HTML, prints to PDF)": b"<svg",
        "Workbook (Excel)": b"PK",
    }
    png_buttons = page.get_by_test_id("stDownloadButton").filter(has_text="PNG")
    expect(png_buttons).to_have_count(2)
    clicks = [(name, page.get_by_role("button", name=name)) for name in buttons]
    clicks += [(f"PNG {n}", png_buttons.nth(n)) for n in range(2)]
    for turn, (name, button) in enumerate(clicks):
        with page.expect_download(timeout=SLOW) as download:
            button.click()
            clients = other.get_by_label(CLIENTS, exact=True)
            clients.fill(str(20 + turn))
            clients.press("Enter")
        content = _save(download.value, tmp_path)
        if turn == 0:
            close_dialog(page)
        expected_start = buttons.get(name, b"\x89PNG")
        assert expected_start in content, name
        assert b"could not be drawn" not in content, name
        edited = example.model_copy(
            update={
                "offers": [
                    example.offers[0].model_copy(update={"clients": 20 + turn}),
                    *example.offers[1:],
                ]
            }
        )
        expect(metric_value(other, "Net income a year")).to_have_text(
            net_income_text(edited), timeout=SLOW
        )
    expect(page.get_by_test_id("stDownloadButtonError")).to_have_count(0)
    other.context.close()


def _open_many(browser: Browser, count: int) -> list[tuple[BrowserContext, Page]]:
    sessions = []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(SLOW)
        sessions.append((context, tab))
    return sessions


def _edited(clients: float, price: float):
    example = load_example(DEFAULT_EXAMPLE)
    first = example.offers[0].model_copy(update={"clients": clients, "price_per_client": price})
    return example.model_copy(update={"offers": [first, *example.offers[1:]]})


def _type(tab: Page, label: str, value: float) -> None:
    box = tab.get_by_label(label, exact=True)
    box.fill(f"{value:g}")
    box.press("Enter")


def run_sessions_at_once(browser: Browser, url: str, count: int, tmp_path: Path) -> None:
    """``count`` sessions open at once; each edits (or uploads) the moment it can.

    Even sessions type two numbers into the first offer; odd ones open their own file
    and then type. Every scenario must end as its user made it, none as another's.
    """
    tmp_path.mkdir(parents=True, exist_ok=True)
    sessions = _open_many(browser, count)
    for _, tab in sessions:
        tab.goto(url, wait_until="commit")
    expected = {}
    for index, (_, tab) in enumerate(sessions):
        if index % 2:
            course = load_example("course-creator")
            own = course.model_copy(update={"name": f"Course of session {index}"})
            path = tmp_path / f"session-{index}.yaml"
            path.write_text(dump_scenario(own), encoding="utf-8")
            open_file(tab, path)
            expected[index] = load_scenario(path)
        else:
            # Typed as soon as the box exists: often while the first run still draws.
            _type(tab, CLIENTS, 10 + index)
            expected[index] = _edited(
                10 + index, load_example(DEFAULT_EXAMPLE).offers[0].price_per_client
            )
    for index, (_, tab) in enumerate(sessions):
        if index % 2 == 0:
            _type(tab, PRICE, 5000 + 10 * index)
            expected[index] = _edited(10 + index, 5000 + 10 * index)
    for index, (_, tab) in enumerate(sessions):
        scenario = expected[index]
        expect(tab.get_by_role("heading", name=scenario.name)).to_be_visible(timeout=SLOW)
        expect(metric_value(tab, "Net income a year")).to_have_text(
            net_income_text(scenario), timeout=SLOW
        )
        wait_for_app_run(tab)
        hours = evaluate(scenario).totals
        expect(metric_value(tab, "Hours used")).to_have_text(
            re.compile(rf"^{hours.total_hours:,.0f} h of {hours.capacity_hours:,.0f} h$")
        )
    for context, _ in sessions:
        context.close()


def test_ten_sessions_opening_and_editing_at_once_each_keep_what_their_user_typed(
    browser: Browser, app_url: str, tmp_path
) -> None:
    run_sessions_at_once(browser, app_url, 10, tmp_path)


#: How much the server may keep after 20 sessions have come and gone. [bytes]
MEMORY_ALLOWANCE = 20 * 1024 * 1024


def test_twenty_sessions_at_once_keep_their_own_scenarios_and_the_server_its_memory(
    browser: Browser, tmp_path
) -> None:
    """The issue's 'done when': 20 sessions upload or edit at once; each scenario is its user's,
    and the server's resident memory after they close is within 20 MB of before.

    A first round warms the server up (imports, caches, the allocator's pools), so the
    second round measures what sessions leave behind, not what a first visit loads.
    """
    with streamlit_server(ROOT / "streamlit_app.py") as app:
        run_sessions_at_once(browser, app.url, 20, tmp_path / "warm-up")
        before = app.resident_memory_bytes()
        run_sessions_at_once(browser, app.url, 20, tmp_path / "measured")
        after = app.resident_memory_bytes()
        assert app.process.poll() is None  # the server is still up
    print(f"\nserver RSS before {before / 2**20:.1f} MiB, after {after / 2**20:.1f} MiB")
    assert after - before < MEMORY_ALLOWANCE
