"""The Scale page in a real Chromium: the numbers a user reads."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from models.examples import DEFAULT_EXAMPLE, load_example
from models.scale import scale
from tests.browser.app_server import wait_for_app_run
from tests.browser.test_plan_browser import choose, metric_value, open_app

#: In the lever chart's SVG: how far [px] the named offer's ceiling marker is from its line.
MARKER_TO_LINE_JS = """
(chart, offer) => {
  const named = (role) => [...chart.querySelectorAll(`path[aria-roledescription="${role}"]`)]
    .find((path) => (path.getAttribute("aria-label") || "").includes(`Offer: ${offer};`));
  const line = named("line mark");
  const marker = [...chart.querySelectorAll('path[aria-roledescription="point"]')]
    .find((path) => {
      const label = path.getAttribute("aria-label") || "";
      return label.includes(`Offer: ${offer};`) && label.includes("Marker: ceiling");
    });
  const box = marker.getBBox();
  const centre = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2)
    .matrixTransform(marker.getScreenCTM())
    .matrixTransform(line.getScreenCTM().inverse());
  const length = line.getTotalLength();
  let nearest = Infinity;
  for (let along = 0; along <= length; along += 0.25) {
    const point = line.getPointAtLength(along);
    nearest = Math.min(nearest, Math.hypot(point.x - centre.x, point.y - centre.y));
  }
  return {distance: nearest, label: marker.getAttribute("aria-label")};
}
"""


def test_scale_page_shows_each_offers_ceiling_and_the_lever_chart(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    page.get_by_role("link", name="Scale").click()
    expect(page.get_by_role("heading", name="How far each lever goes")).to_be_visible()
    expected = scale(load_example(DEFAULT_EXAMPLE))
    first = expected.offers[0]
    expect(metric_value(page, "Ceiling")).to_have_text(f"{first.ceiling.quantity:,.0f}")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)

    # Below the fold: a click that has to scroll first focuses the select without opening it.
    page.get_by_label("Offer", exact=True).scroll_into_view_if_needed()
    wait_for_app_run(page)
    choose(page, "Offer", "Leaders mastermind")
    wait_for_app_run(page)
    mastermind = expected.offers[1]
    expect(metric_value(page, "Your plan (members)")).to_have_text("8")
    expect(metric_value(page, "Ceiling")).to_have_text(f"{mastermind.ceiling.quantity:,.0f}")
    expect(page.get_by_text("becomes an events or training business")).to_be_visible()


def test_the_ceiling_marker_sits_on_its_line_in_the_lever_chart(page: Page, app_url: str) -> None:
    """The user opens the course creator's levers and sees each ceiling on its own line."""
    open_app(page, app_url)
    choose(page, "Start from", "Course creator")
    expect(page.get_by_role("heading", name="Course creator")).to_be_visible()
    wait_for_app_run(page)
    page.get_by_role("link", name="Scale").click()
    expect(page.get_by_role("heading", name="How far each lever goes")).to_be_visible()
    wait_for_app_run(page)
    chart = page.get_by_test_id("stVegaLiteChart").first
    # Drawn once Vega has laid out both lines and their markers (today and the ceiling).
    expect(chart.locator('path[aria-roledescription="point"]')).to_have_count(4, timeout=30_000)
    # The program's ceiling is its market: a list of 15,000 at 2% = 300 students, its own
    # hours 318 fixed + 300 × 0.95 = 603 h and a contribution of 215,145 (tests/test_scale.py
    # works them by hand). The marker once sat 318 h (fixed hours) left of its line.
    program = chart.element_handle().evaluate(MARKER_TO_LINE_JS, "Career change program")
    assert "Hours a year: 603" in program["label"] and "215,145" in program["label"]
    assert "what the market will buy" in program["label"]
    assert program["distance"] < 1.5, program
    coaching = chart.element_handle().evaluate(MARKER_TO_LINE_JS, "Career coaching")
    assert coaching["distance"] < 1.5, coaching


def test_a_market_bound_ceiling_as_a_user_sees_it(page: Page, app_url: str, tmp_path) -> None:
    """A coach whose discovery calls bring 25 clients a year (tests/factories.py FUNNEL_COACH)
    opens Scale and reads, in words, that the market stops her 1:1 lever at 25."""
    from models.files import scenario_from_document
    from models.sharing import LINK_PARAMETER, encode_scenario
    from tests.factories import FUNNEL_COACH

    scenario = scenario_from_document(FUNNEL_COACH)
    open_app(page, f"{app_url}?{LINK_PARAMETER}={encode_scenario(scenario)}")
    page.get_by_role("link", name="Scale").click()
    expect(page.get_by_role("heading", name="How far each lever goes")).to_be_visible()
    wait_for_app_run(page)
    ceiling = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("Ceiling", exact=True)
    )
    expect(ceiling.get_by_test_id("stMetricValue")).to_have_text("25")
    expect(ceiling.get_by_test_id("stMetricDelta")).to_have_text(
        "bound by what the market will buy"
    )
    # The lever chart labels the ceiling in the same words.
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.get_by_text("stopped by what the market will buy")).to_be_visible()
    page.screenshot(path=tmp_path / "scale-market-bound.png", full_page=True)


def test_the_lever_chart_fits_and_explains_its_markers(browser, app_url: str) -> None:
    """A coach with every kind of offer opens Scale at 1440×900 and sees each lever inside the
    plot, each offer in its own colour and the markers named in the legend."""
    from tests.browser.conftest import ARTIFACTS

    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    open_app(page, app_url)
    choose(page, "Start from", "Portfolio practice using every lever")
    page.get_by_role("link", name="Scale").click()
    expect(page.get_by_role("heading", name="How far each lever goes")).to_be_visible()
    wait_for_app_run(page)
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.locator('path[aria-roledescription="line mark"]')).to_have_count(7)
    for words in ("today", "ceiling", "hours you have for offers"):
        expect(chart.locator("svg").get_by_text(words, exact=False).first).to_be_visible()
    chart.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "scale-levers.png")
    context.close()
