"""The app in a real Chromium against the floor app, measured the same way (issue 3's budgets).

Edit latency is timed inside the page: from the Enter keydown to the moment the
metric shows the value the model computed, seen by a MutationObserver.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks.timing import Measurement
from models import evaluate
from models.examples import DEFAULT_EXAMPLE, load_example
from models.inputs import label
from models.journey import edited, load_journey
from models.scale import scale
from models.schema import OFFER_MODELS
from presentation.formatting import format_money_short
from tests.browser.app_server import RunningApp, launch_chromium, streamlit_server, wait_for_app_run

ROOT = Path(__file__).resolve().parent.parent
EDITS = 30
COLD_LOADS = 10
SESSIONS = 10

_WATCH = """([label, expected]) => {
  const shows = () => {
    const card = [...document.querySelectorAll('[data-testid=stMetric]')].find(element =>
      element.querySelector('[data-testid=stMetricLabel]')?.innerText.trim() === label);
    const value = card && card.querySelector('[data-testid=stMetricValue]');
    return value !== null && value !== undefined && value.innerText.trim() === expected;
  };
  window.__keydown = null;
  document.addEventListener('keydown', () => { window.__keydown ??= performance.now(); },
                            {capture: true, once: true});
  window.__shown = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (window.__keydown !== null && shows()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  });
}"""

_FIRST_METRIC = """() => new Promise(resolve => {
  const found = () => document.querySelector('[data-testid=stMetricValue]');
  if (found()) { resolve(performance.now()); return; }
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); resolve(performance.now()); }
  });
  observer.observe(document, {subtree: true, childList: true});
})"""


def _progress(stage: str) -> None:
    print(f"  measuring {stage}…", file=sys.stderr, flush=True)


def edit_latencies(
    page: Page,
    input_label: str,
    metric_label: str,
    values: list[float],
    expected: Callable[[float], str],
) -> list[float]:
    """Seconds from Enter to the metric showing ``expected(value)``, for each value."""
    field = page.get_by_label(input_label, exact=True)
    timings = []
    for value in values:
        field.fill(f"{value:g}")
        page.evaluate(_WATCH, [metric_label, expected(value)])
        field.press("Enter")
        timings.append(_elapsed(page, f"{metric_label} = {expected}"))
    return timings


_ELAPSED = """() => Promise.race([
  window.__shown.then(shown => shown - window.__keydown),
  new Promise((_, reject) => setTimeout(() => reject(new Error('never shown')), 10000)),
])"""


def _elapsed(page: Page, what: str) -> float:
    """Seconds from the keydown to the watched metric's value; fails after 10 s, never hangs."""
    try:
        return float(page.evaluate(_ELAPSED)) / 1000
    except PlaywrightError as error:
        raise RuntimeError(f"the page never showed {what}") from error


def selection_latencies(
    page: Page, select_label: str, picks: list[tuple[str, str, str]]
) -> list[float]:
    """Seconds from Enter on a typed option to a metric showing its value, for each
    (option, metric label, expected value) in ``picks``."""
    combobox = page.get_by_role("combobox", name=select_label, exact=True)
    timings = []
    for option, metric_label, expected in picks:
        combobox.click()
        page.keyboard.type(option)
        page.get_by_role("option", name=option, exact=True).wait_for()
        page.evaluate(_WATCH, [metric_label, expected])
        page.keyboard.press("Enter")
        timings.append(_elapsed(page, f"{metric_label} = {expected}"))
    return timings


def cold_loads(browser: Browser, url: str) -> list[float]:
    """Seconds from navigation to the first metric on screen, each in a fresh browser context."""
    timings = []
    for _ in range(COLD_LOADS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="commit")
        timings.append(page.evaluate(_FIRST_METRIC) / 1000)
        context.close()
    return timings


def memory_with_sessions(browser: Browser, app: RunningApp, metric_label: str) -> int:
    """Server memory with SESSIONS pages open at once. [bytes]"""
    contexts = [browser.new_context() for _ in range(SESSIONS)]
    for context in contexts:
        page = context.new_page()
        page.goto(app.url)
        page.get_by_test_id("stMetric").filter(has_text=metric_label).wait_for()
    memory = app.resident_memory_bytes()
    for context in contexts:
        context.close()
    return memory


def _planner_net_income(clients: float) -> str:
    scenario = load_example(DEFAULT_EXAMPLE)
    offers = list(scenario.offers)
    offers[0] = offers[0].model_copy(update={"clients": clients})
    result = evaluate(scenario.model_copy(update={"offers": offers}))
    return format_money_short(result.totals.net_income, result.currency)


def run() -> tuple[list[Measurement], list[str]]:
    """Edit latency and cold load of both apps, and server memory; plus comparison lines."""
    measurements: list[Measurement] = []
    lines: list[str] = []
    planner_values = [float(17 + index) for index in range(EDITS)]
    floor_values = [float(11 + index) for index in range(EDITS)]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        medians = {}
        for name, script, input_label, metric_label, values, expected in (
            ("floor app", ROOT / "benchmarks" / "floor_app.py", "Value", "Result", floor_values,
             lambda value: f"{value * 2:,.0f}"),
            ("Plan page", ROOT / "streamlit_app.py", "Clients per year", "Net income a year",
             planner_values, _planner_net_income),
        ):  # fmt: skip
            with streamlit_server(script) as app:
                _progress(f"{name}: {EDITS} edits")
                page = browser.new_page()
                page.goto(app.url)
                wait_for_app_run(page)
                page.get_by_test_id("stMetric").first.wait_for()
                edits = Measurement(
                    f"{name}: Enter to updated metric", 0.5,
                    tuple(edit_latencies(page, input_label, metric_label, values, expected)),
                )  # fmt: skip
                page.close()
                _progress(f"{name}: {COLD_LOADS} cold loads, then {SESSIONS} sessions")
                loads = Measurement(
                    f"{name}: cold load to first metric", 10.0, tuple(cold_loads(browser, app.url))
                )
                memory = memory_with_sessions(browser, app, metric_label)
            measurements += [edits, loads]
            medians[name] = (edits.median, loads.median, edits.p95)
            lines.append(
                f"{name}: server memory with {SESSIONS} sessions open: {memory / 2**20:,.0f} MiB"
            )
        with streamlit_server(ROOT / "streamlit_app.py") as app:
            _progress(f"Scale page: {EDITS} offer picks")
            scale_rerun = _scale_page_reruns(browser, app.url)
            _progress(f"Workshop page: {EDITS} numbers called out")
            workshop_rerun = _workshop_reruns(browser, app.url)
        measurements += [scale_rerun, workshop_rerun]
        browser.close()
    floor_edit, floor_load, _ = medians["floor app"]
    plan_edit, plan_load, plan_p95 = medians["Plan page"]
    lines += [
        f"Plan page edit median / floor: {plan_edit / floor_edit:.2f}× (budget 1.5×)",
        f"Plan page edit p95: {plan_p95 * 1000:.0f} ms (budget 500 ms)",
        f"Plan page cold load median / floor: {plan_load / floor_load:.2f}× (budget 1.5×)",
        f"Scale page rerun median / Plan page edit median: {scale_rerun.median / plan_edit:.2f}× "
        "(budget 1.5×)",
        f"Workshop step rerun median / Plan page edit median: "
        f"{workshop_rerun.median / plan_edit:.2f}× (budget 1.5×)",
    ]
    return measurements, lines


def _scale_page_reruns(browser: Browser, url: str) -> Measurement:
    """The Scale page's rerun: picking another offer until its plan figure shows."""
    levers = scale(load_example(DEFAULT_EXAMPLE)).offers
    picks = [
        (
            lever.name,
            f"Your plan ({OFFER_MODELS[lever.kind].quantity_words})",
            f"{lever.quantity:,.4g}",
        )
        for lever in levers
    ]
    # start on the first offer, so that each pick is a change
    cycle = (picks[1:] + picks) * (EDITS // len(picks) + 1)
    page = browser.new_page()
    page.goto(f"{url}/scale")
    wait_for_app_run(page)
    page.get_by_test_id("stMetric").first.wait_for()
    timings = selection_latencies(page, "Offer", cycle[:EDITS])
    page.close()
    return Measurement("Scale page: pick an offer to its figures", 0.5, tuple(timings))


def _workshop_reruns(browser: Browser, url: str) -> Measurement:
    """A journey step's rerun: a number called out for the first step's main input, until
    the step's net income shows the model's figure."""
    step = load_journey().steps[0]
    field = f"Call out a number: {label(step.scenario, step.main_input)}"

    def expected(value: float) -> str:
        result = evaluate(edited(step.scenario, step.main_input, value))
        return format_money_short(result.totals.net_income, result.currency)

    values = [float(5000 + 100 * index) for index in range(EDITS)]
    page = browser.new_page()
    page.goto(f"{url}/workshop")
    wait_for_app_run(page)
    page.get_by_test_id("stMetric").first.wait_for()
    timings = edit_latencies(page, field, "Net income a year", values, expected)
    page.close()
    return Measurement("Workshop page: a number called out to its figures", 0.5, tuple(timings))
