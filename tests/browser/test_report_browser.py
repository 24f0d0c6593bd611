"""The HTML report in a real Chromium: it renders with no network and prints a page a section."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from models.evaluation import evaluate
from models.examples import load_example
from presentation.headline import headlines
from reports.html_report import html_report

ARTIFACTS = Path(__file__).parent.parent / "artifacts"


def test_the_report_renders_offline_and_prints(browser: Browser, tmp_path: Path) -> None:
    scenario = load_example("portfolio-every-lever")
    path = tmp_path / "report.html"
    path.write_text(html_report(scenario), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(path.as_uri())
    expect(page.get_by_role("heading", name=scenario.name)).to_be_visible()
    for figure in headlines(scenario, evaluate(scenario)):
        expect(page.locator(f'[data-figure="{figure.key}"] .value')).to_have_text(figure.value)
    for chart in ("hours", "money", "cash"):
        svg = page.locator(f"#chart-{chart} svg")
        expect(svg).to_be_visible()
        assert svg.bounding_box()["width"] > 400  # drawn at a readable size
    assert fetched == [path.as_uri()]  # the file itself, nothing else
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "report.png", full_page=True)

    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Six sections, each starting a page; the long tables may run over.
    assert pages >= 6
    (ARTIFACTS / "report.pdf").write_bytes(pdf)
    context.close()
