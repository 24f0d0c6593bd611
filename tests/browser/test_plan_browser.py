"""The Plan page in a real Chromium: what a person sees and does."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from models import evaluate, load_scenario
from models.examples import DEFAULT_EXAMPLE, load_example
from presentation.formatting import format_money_short
from tests.browser.app_server import wait_for_app_run

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def open_app(page: Page, url: str) -> None:
    """Open the app and wait for its first run to end (a busy machine may take a while)."""
    page.goto(url, timeout=120_000)
    wait_for_app_run(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=30_000)


def metric_value(page: Page, label: str):
    """The value of the metric whose label is exactly ``label``."""
    exact_label = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=exact_label).get_by_test_id("stMetricValue")


def type_into(page: Page, label: str, text: str) -> None:
    """Type ``text`` into the box labelled ``label`` and press Enter, as a person does, once
    the app's run has ended; return when the run it starts has ended too."""
    wait_for_app_run(page)
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")
    wait_for_app_run(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of a selectbox by its label, as a person would, once the app's run has
    ended (during a run the old and the new widget can both be on the page)."""
    wait_for_app_run(page)
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app_run(page)


def net_income_text(scenario) -> str:
    return format_money_short(evaluate(scenario).totals.net_income, scenario.currency)


def close_dialog(page: Page) -> None:
    """Close the dialog on screen with its × and wait until it is gone."""
    page.get_by_role("dialog").get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    wait_for_app_run(page)


def share_link(page: Page) -> str:
    """The long link of the dialog "Share a link", which is then closed."""
    wait_for_app_run(page)
    page.get_by_test_id("stSidebar").get_by_role("button", name="Share a link").click()
    text = page.get_by_role("dialog").get_by_test_id("stText").filter(has_text="?scenario=")
    expect(text).to_be_visible()
    link = text.inner_text().strip()
    close_dialog(page)
    return link


def open_file(page: Page, path: Path) -> None:
    """Open a scenario file through the sidebar's dialog "Open a scenario file" (reading the
    file closes it)."""
    wait_for_app_run(page)
    page.get_by_test_id("stSidebar").get_by_role("button", name="Open a scenario file").click()
    page.get_by_role("dialog").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        str(path)
    )


def test_first_load_shows_the_metrics_and_the_charts(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    example = load_example(DEFAULT_EXAMPLE)
    expect(page.get_by_role("heading", name=example.name)).to_be_visible()
    expect(metric_value(page, "Net income a year")).to_have_text(net_income_text(example))
    expect(metric_value(page, "Hours used")).to_have_text("1,206 h of 1,840 h")
    # 456 h of delivery over 1,840 h (tests/test_app.py works it by hand)
    expect(metric_value(page, "Billable utilisation")).to_have_text("25%")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
    expect(page.get_by_text("Capacity 1,840 h").first).to_be_attached()
    page.get_by_role("button", name="Every offer in figures").click()  # built when opened
    expect(page.get_by_role("dialog").get_by_test_id("stDataFrame")).to_be_visible()


def test_typing_a_number_and_pressing_enter_updates_net_income(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    clients = page.get_by_label("Clients per year", exact=True)
    clients.fill("20")
    clients.press("Enter")
    # 4 more private clients × 6,000 = 24,000 more than 186,500
    expect(metric_value(page, "Net income a year")).to_have_text("$210,500")


def test_upload_then_download_round_trip(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url)
    source = SCENARIOS / "program-licensing.yaml"
    open_file(page, source)
    expect(page.get_by_role("heading", name="Program owner licenses the method")).to_be_visible()
    expect(metric_value(page, "Net income a year")).to_have_text("€199,520")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download scenario (YAML)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "Program owner licenses the method.yaml"
    assert load_scenario(saved) == load_scenario(source)


def test_opening_a_share_link_restores_the_scenario(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    choose(page, "Start from", "Course creator")
    expect(page.get_by_role("heading", name="Course creator")).to_be_visible()
    link = share_link(page)
    fresh = page.context.browser.new_context().new_page()  # type: ignore[union-attr]
    open_app(fresh, link)
    expect(fresh.get_by_role("heading", name="Course creator")).to_be_visible()
    expect(metric_value(fresh, "Net income a year")).to_have_text(
        net_income_text(load_example("course-creator"))
    )
    fresh.context.close()


def test_a_damaged_link_explains_and_shows_the_default(page: Page, app_url: str) -> None:
    open_app(page, f"{app_url}/?scenario=this-is-not-a-scenario")
    expect(page.get_by_text("The shared link could not be opened")).to_be_visible()
    expect(page.get_by_role("heading", name=load_example(DEFAULT_EXAMPLE).name)).to_be_visible()


def test_a_new_user_builds_three_offers_downloads_reloads_and_shares(
    page: Page, app_url: str, browser: Browser, tmp_path: Path
) -> None:
    """The issue's 'done when': from scratch to a link opened in a fresh browser."""
    open_app(page, app_url)
    choose(page, "Start from", "Blank scenario")
    page.get_by_role("textbox", name="Name of the new scenario").fill("New scenario")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("heading", name="New scenario")).to_be_visible()
    for kind in ("Private 1:1 clients", "Group program", "Online program"):
        choose(page, "Kind of offer to add", kind)
        page.get_by_role("button", name="Add offer").click()
        editing = page.get_by_role("combobox", name="Offer to edit", exact=True)
        expect(editing).to_have_value(f"{kind} · {kind}")
        wait_for_app_run(page)
    before = metric_value(page, "Net income a year").inner_text()
    students = page.get_by_label("Students per year", exact=True)
    students.fill("150")
    students.press("Enter")
    expect(metric_value(page, "Net income a year")).not_to_have_text(before)
    wait_for_app_run(page)
    net_income = metric_value(page, "Net income a year").inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download scenario (YAML)").click()
    saved = tmp_path / "built.yaml"
    download.value.save_as(saved)
    built = load_scenario(saved)
    assert [offer.kind for offer in built.offers] == [
        "one_to_one",
        "group_program",
        "online_program",
    ]
    assert built.offers[2].students == 150
    assert net_income == net_income_text(built)

    reloaded = browser.new_context().new_page()
    open_app(reloaded, app_url)
    open_file(reloaded, saved)
    expect(reloaded.get_by_role("heading", name="New scenario")).to_be_visible()
    expect(metric_value(reloaded, "Net income a year")).to_have_text(net_income)
    link = share_link(reloaded)
    reloaded.context.close()

    fresh = browser.new_context().new_page()
    open_app(fresh, link)
    expect(fresh.get_by_role("heading", name="New scenario")).to_be_visible()
    expect(metric_value(fresh, "Net income a year")).to_have_text(net_income)
    expect(metric_value(fresh, "Hours used")).to_have_text(
        metric_value(page, "Hours used").inner_text()
    )
    fresh.context.close()


def test_a_renamed_offer_shows_its_new_name_in_the_picker(page: Page, app_url: str) -> None:
    """Renaming the offer being edited changes "Offer to edit" at once, and switching it off
    says "(off)" there: the browser kept the old words until the page was drawn again."""
    open_app(page, app_url)
    name = load_example(DEFAULT_EXAMPLE).offers[0].name
    editing = page.get_by_role("combobox", name="Offer to edit", exact=True)
    expect(editing).to_have_value(f"{name} · Private 1:1 clients")
    type_into(page, "Offer name", "Executive coaching")
    expect(editing).to_have_value("Executive coaching · Private 1:1 clients")
    page.get_by_test_id("stCheckbox").filter(has_text="Enabled").click()
    wait_for_app_run(page)
    expect(editing).to_have_value("Executive coaching · Private 1:1 clients (off)")
