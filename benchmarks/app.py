"""The app in a real Chromium against the floor app, alternating round by round (issue 17).

A is the floor (``benchmarks/floor_app.py``: one number input, one metric), B the Plan
page. Every figure of B is read against A measured in the same round, A first in even
rounds and B first in odd ones, so a slow moment of this shared machine weighs on both:

- **Edits**, on a warm server for each app: from the Enter keydown to the moment a
  MutationObserver sees the metric show the value the model computed (timed inside
  the page; no sleeps). Each edit also counts the websocket frames the browser
  receives, from the end of the previous rerun to the end of this one (the page's
  script state back to ``notRunning``).
- **First loads**, each round on a fresh server for each app: the server's first-ever
  load (its first script run imports what the page needs), then ``LATER_LOADS`` more,
  each in a fresh browser context: navigation to the first metric on screen. The
  servers of a few rounds start together before the first of them is measured. A
  fresh-browser load also counts the frames and bytes it receives and the time until
  the whole app is drawn (the Plan page draws its headline first: app/first_paint.py).
- **Server memory**: resident size (VmRSS) of a fresh server with 1, 10 and 20
  sessions open at once, the sessions added for each count opened together.
- **Other pages' reruns**: the Scale page's offer pick and the Workshop page's number
  called out, each read against the Plan page's edit on the same warm server, the three
  pages in their own sessions taking turns round by round (budget: 1.5× the edit).

Ratios are paired: the median over rounds of B_i / A_i. ``python -m benchmarks.app
--parts loads`` measures only the named parts (``--help``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, WebSocket, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks.timing import Measurement, load_average, median, paired_ratio
from models import evaluate
from models.examples import DEFAULT_EXAMPLE, load_example
from models.inputs import label
from models.journey import edited, load_journey
from models.scale import scale
from models.schema import OFFER_MODELS
from presentation.formatting import format_money_short
from tests.browser.app_server import (
    RunningApp,
    launch_chromium,
    streamlit_server,
    streamlit_servers,
    wait_for_app_run,
)

ROOT = Path(__file__).resolve().parent.parent
#: Rounds of one edit of each app (about 45 s). A paired median moves by about ±0.07× between
#: runs minutes apart on this machine, of 24 rounds or of 72: a change is judged on several
#: runs (docs/performance.md, "How many rounds an edit's ratio needs").
EDIT_ROUNDS = 72
#: Values each app types in turn, again from the first after the last.
EDIT_VALUES = 24
#: Rounds of a fresh server for each app.
LOAD_ROUNDS = 20
#: Loads in a fresh browser context after the server's first, in each round.
LATER_LOADS = 1
#: Rounds whose servers start together (2 servers a round, about 60-210 MiB each).
ROUNDS_PER_START = 5
#: Sessions open at once when the server's memory is read.
SESSION_COUNTS = (1, 10, 20)
#: Rounds of the Scale and Workshop pages' reruns, each with a Plan page edit.
PAGE_RERUNS = 30
#: The parts of the benchmark, in the order they run.
PARTS = ("edits", "loads", "memory", "pages")
#: The goals of issue 17: B's median over A's, paired.
EDIT_GOAL = 1.2
LOAD_GOAL = 1.2
SERVER_FIRST_LOAD_GOAL = 1.3

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

_ELAPSED = """() => Promise.race([
  window.__shown.then(shown => shown - window.__keydown),
  new Promise((_, reject) => setTimeout(() => reject(new Error('never shown')), 10000)),
])"""

#: Milliseconds since the keydown that ``_WATCH`` recorded.
_SINCE_KEYDOWN = "() => performance.now() - window.__keydown"

_FIRST_METRIC = """() => new Promise(resolve => {
  const found = () => document.querySelector('[data-testid=stMetricValue]');
  if (found()) { resolve(performance.now()); return; }
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); resolve(performance.now()); }
  });
  observer.observe(document, {subtree: true, childList: true});
})"""


@dataclass(frozen=True)
class BenchedApp:
    """An app as the benchmark drives it: the number box it edits and the metric it watches."""

    name: str
    script: Path
    input_label: str
    metric_label: str
    #: The values typed, one an edit, in turn; consecutive ones (and the last and the first)
    #: must show different figures.
    values: tuple[float, ...]
    #: The metric's text once ``value`` is entered, as the model computes it.
    expected: Callable[[float], str]

    def value(self, round_index: int) -> float:
        """The value typed in round ``round_index``: the values in turn, again and again."""
        return self.values[round_index % len(self.values)]


def _floor_result(value: float) -> str:
    return f"{value * 2:,.0f}"


def _planner_net_income(clients: float) -> str:
    scenario = load_example(DEFAULT_EXAMPLE)
    offers = list(scenario.offers)
    offers[0] = offers[0].model_copy(update={"clients": clients})
    result = evaluate(scenario.model_copy(update={"offers": offers}))
    return format_money_short(result.totals.net_income, result.currency)


FLOOR = BenchedApp(
    "floor app",
    ROOT / "benchmarks" / "floor_app.py",
    "Value",
    "Result",
    tuple(float(11 + index) for index in range(EDIT_VALUES)),
    _floor_result,
)
PLAN = BenchedApp(
    "Plan page",
    ROOT / "streamlit_app.py",
    "Clients per year",
    "Net income a year",
    tuple(float(17 + index) for index in range(EDIT_VALUES)),
    _planner_net_income,
)


def _progress(stage: str) -> None:
    print(f"  {time.strftime('%H:%M:%S')} measuring {stage}…", file=sys.stderr, flush=True)


def _in_round_order(round_index: int) -> tuple[BenchedApp, BenchedApp]:
    """The floor first in even rounds, the Plan page first in odd ones."""
    return (FLOOR, PLAN) if round_index % 2 == 0 else (PLAN, FLOOR)


def _elapsed(page: Page, what: str) -> float:
    """Seconds from the keydown to the watched metric's value; fails after 10 s, never hangs."""
    try:
        return float(page.evaluate(_ELAPSED)) / 1000
    except PlaywrightError as error:
        raise RuntimeError(f"the page never showed {what}") from error


def edit_latencies(
    page: Page,
    input_label: str,
    metric_label: str,
    values: list[float],
    expected: Callable[[float], str],
) -> list[float]:
    """Seconds from Enter to the metric showing ``expected(value)``, for each value."""
    number_box = page.get_by_label(input_label, exact=True)
    timings = []
    for value in values:
        number_box.fill(f"{value:g}")
        page.evaluate(_WATCH, [metric_label, expected(value)])
        number_box.press("Enter")
        timings.append(_elapsed(page, f"{metric_label} = {expected(value)}"))
    return timings


@dataclass
class EditedPage:
    """One app's page on its warm server, counting the websocket frames it receives."""

    app: BenchedApp
    context: BrowserContext
    page: Page
    frames: int = 0
    frame_bytes: int = 0
    _frames_counted: int = field(default=0, repr=False)
    _bytes_counted: int = field(default=0, repr=False)

    @classmethod
    def opened(cls, browser: Browser, app: BenchedApp, url: str) -> EditedPage:
        """A fresh browser context on ``url``, once the page's first run has finished."""
        context = browser.new_context()
        edited_page = cls(app, context, context.new_page())
        edited_page.page.on("websocket", edited_page._watch)
        edited_page.page.goto(url)
        wait_for_app_run(edited_page.page)
        edited_page.page.get_by_test_id("stMetric").first.wait_for()
        edited_page._frames_counted = edited_page.frames
        edited_page._bytes_counted = edited_page.frame_bytes
        return edited_page

    def _watch(self, websocket: WebSocket) -> None:
        websocket.on("framereceived", self._count)

    def _count(self, payload: str | bytes) -> None:
        self.frames += 1
        self.frame_bytes += len(payload)

    def edit(self, value: float) -> Edit:
        """Enter ``value``: when the metric shows its figure and when the run has ended on the
        page, then the frames and bytes received since the previous rerun ended."""
        (figure,) = edit_latencies(
            self.page, self.app.input_label, self.app.metric_label, [value], self.app.expected
        )
        wait_for_app_run(self.page)
        run_ended = float(self.page.evaluate(_SINCE_KEYDOWN)) / 1000
        frames = self.frames - self._frames_counted
        frame_bytes = self.frame_bytes - self._bytes_counted
        self._frames_counted, self._bytes_counted = self.frames, self.frame_bytes
        return Edit(figure, run_ended, frames, frame_bytes)


@dataclass(frozen=True)
class Edit:
    """One edit as the browser saw it: seconds from Enter to the watched figure and to the
    run's end on the page (every element it sent drawn), and the websocket frames and bytes
    it received."""

    figure: float
    run_ended: float
    frames: int
    frame_bytes: int


@dataclass(frozen=True)
class Paired:
    """The same figure of the floor (A) and the Plan page (B), one sample of each a round."""

    what: str
    floor: tuple[float, ...]
    plan: tuple[float, ...]

    @property
    def ratio(self) -> float:
        """The median over rounds of the Plan page's figure over the floor's."""
        return paired_ratio(self.floor, self.plan)

    def measurements(self) -> list[Measurement]:
        return [
            Measurement(f"{FLOOR.name}: {self.what}", float("inf"), self.floor),
            Measurement(f"{PLAN.name}: {self.what}", float("inf"), self.plan),
        ]

    def against(self, goal: float) -> str:
        """One line: the paired ratio against its goal."""
        verdict = "within" if self.ratio <= goal else "NOT within"
        return (
            f"{self.what}: Plan page / floor, paired median of {len(self.plan)} rounds: "
            f"{self.ratio:.2f}× ({verdict} the goal of {goal:g}×)"
        )


@dataclass(frozen=True)
class Edits:
    """Both apps' edits, one of each a round: each figure of :class:`Edit` paired."""

    figure: Paired
    run_ended: Paired
    frames: Paired
    frame_bytes: Paired


def edits_and_messages(browser: Browser) -> Edits:
    """Both apps on warm servers, one edit of each a round."""
    samples: dict[str, list[Edit]] = {FLOOR.name: [], PLAN.name: []}
    with streamlit_servers(FLOOR.script, PLAN.script) as (floor_server, plan_server):
        pages = {
            FLOOR.name: EditedPage.opened(browser, FLOOR, floor_server.url),
            PLAN.name: EditedPage.opened(browser, PLAN, plan_server.url),
        }
        for round_index in range(EDIT_ROUNDS):
            for app in _in_round_order(round_index):
                samples[app.name].append(pages[app.name].edit(app.value(round_index)))
        for edited_page in pages.values():
            edited_page.context.close()

    def paired(what: str, figure: Callable[[Edit], float]) -> Paired:
        return Paired(
            what,
            tuple(map(figure, samples[FLOOR.name])),
            tuple(map(figure, samples[PLAN.name])),
        )

    return Edits(
        paired("Enter to the changed figure, warm server", lambda edit: edit.figure),
        paired("Enter to the run's end on the page, warm server", lambda edit: edit.run_ended),
        paired("websocket frames received per edit", lambda edit: edit.frames),
        paired("websocket bytes received per edit", lambda edit: edit.frame_bytes),
    )


@dataclass(frozen=True)
class Load:
    """One load in a fresh browser context: seconds from navigation to the first metric on
    screen and to the whole app drawn (its last run ended and drawn), and the websocket
    frames and bytes received until then."""

    first_metric: float
    whole_app: float
    frames: int
    frame_bytes: int


def _load(browser: Browser, url: str) -> Load:
    """Load ``url`` in a fresh browser context, counting what it receives."""
    context = browser.new_context()
    page = context.new_page()
    received: list[int] = []
    page.on(
        "websocket",
        lambda websocket: websocket.on(
            "framereceived", lambda payload: received.append(len(payload))
        ),
    )
    page.goto(url, wait_until="commit")
    first_metric = float(page.evaluate(_FIRST_METRIC)) / 1000
    wait_for_app_run(page)
    whole_app = float(page.evaluate("() => performance.now()")) / 1000
    context.close()
    return Load(first_metric, whole_app, len(received), sum(received))


@dataclass(frozen=True)
class FirstLoads:
    """Both apps' first loads, one sample of each a round."""

    server_first: Paired
    later: Paired
    #: Of the fresh-browser loads: to the whole app drawn, frames and bytes received.
    later_whole_app: Paired
    later_frames: Paired
    later_bytes: Paired

    def lines(self) -> list[str]:
        """The two goals, then what a fresh-browser load receives and when it is whole."""
        whole = self.later_whole_app
        return [
            self.later.against(LOAD_GOAL),
            self.server_first.against(SERVER_FIRST_LOAD_GOAL),
            f"A fresh-browser load (medians): floor {median(self.later_frames.floor):.0f} "
            f"frames, {median(self.later_bytes.floor) / 1000:,.1f} kB, whole app drawn after "
            f"{median(whole.floor):.2f} s; Plan page {median(self.later_frames.plan):.0f} frames, "
            f"{median(self.later_bytes.plan) / 1000:,.1f} kB, whole app drawn after "
            f"{median(whole.plan):.2f} s ({whole.ratio:.2f}× paired)",
        ]


def first_loads(browser: Browser, rounds: int = LOAD_ROUNDS) -> FirstLoads:
    """Each round, a fresh server for each app: its first-ever load, then ``LATER_LOADS``
    fresh-browser loads (their median, for each figure).

    The servers of ``ROUNDS_PER_START`` rounds start together before any of them is
    measured, only to save time; each stays idle until its round."""
    first: dict[str, list[float]] = {FLOOR.name: [], PLAN.name: []}
    later: dict[str, list[list[float]]] = {FLOOR.name: [], PLAN.name: []}
    for first_round in range(0, rounds, ROUNDS_PER_START):
        started = range(first_round, min(first_round + ROUNDS_PER_START, rounds))
        order = [app for round_index in started for app in _in_round_order(round_index)]
        with streamlit_servers(*(app.script for app in order)) as servers:
            for app, server in zip(order, servers, strict=True):
                first[app.name].append(_load(browser, server.url).first_metric)
                loads = [_load(browser, server.url) for _ in range(LATER_LOADS)]
                later[app.name].append(
                    [
                        median([load.first_metric for load in loads]),
                        median([load.whole_app for load in loads]),
                        median([load.frames for load in loads]),
                        median([load.frame_bytes for load in loads]),
                    ]
                )

    def of_later(what: str, index: int) -> Paired:
        return Paired(
            what,
            tuple(sample[index] for sample in later[FLOOR.name]),
            tuple(sample[index] for sample in later[PLAN.name]),
        )

    return FirstLoads(
        Paired(
            "server's first-ever load to the first metric",
            tuple(first[FLOOR.name]),
            tuple(first[PLAN.name]),
        ),
        of_later("fresh-browser load to the first metric, warm server", 0),
        of_later("fresh-browser load to the whole app drawn, warm server", 1),
        of_later("websocket frames received by a fresh-browser load", 2),
        of_later("websocket bytes received by a fresh-browser load", 3),
    )


def memory_with_sessions(browser: Browser, app: BenchedApp) -> list[int]:
    """Resident memory of a fresh server with each of SESSION_COUNTS sessions open. [bytes]

    The sessions added for a count are opened together and each waited for until its first
    run has ended (opened one after another, 20 sessions took a minute or two of the bench).
    """
    memory = []
    contexts: list[BrowserContext] = []
    with streamlit_server(app.script) as server:
        for count in SESSION_COUNTS:
            opening = [_open_session(browser, server) for _ in range(count - len(contexts))]
            for context in opening:
                _wait_for_session(context.pages[0], app)
            contexts += opening
            memory.append(server.resident_memory_bytes())
        for context in contexts:
            context.close()
    return memory


def _open_session(browser: Browser, server: RunningApp) -> BrowserContext:
    """A browser context navigating to the app, not waited for."""
    context = browser.new_context()
    context.new_page().goto(server.url, wait_until="commit")
    return context


def _wait_for_session(page: Page, app: BenchedApp) -> None:
    """Wait until the page's first run has finished and shows the app's metric."""
    wait_for_app_run(page)
    page.get_by_test_id("stMetric").filter(has_text=app.metric_label).wait_for()


def run(
    parts: Collection[str] = PARTS, load_rounds: int = LOAD_ROUNDS
) -> tuple[list[Measurement], list[str]]:
    """The named ``parts`` of both apps, alternating: edits and messages, first loads (in
    ``load_rounds`` rounds), memory; then the Scale and Workshop pages' reruns, alternating
    with the Plan page's edit ("pages"). Returns the rows and the lines that compare them."""
    measurements: list[Measurement] = []
    lines = [f"Machine: {load_average()} at the start"]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        if "edits" in parts:
            _progress(f"{EDIT_ROUNDS} rounds of an edit in each app")
            edits = edits_and_messages(browser)
            frames, frame_bytes, run_ended = edits.frames, edits.frame_bytes, edits.run_ended
            measurements += [*edits.figure.measurements(), *run_ended.measurements()]
            lines += [
                edits.figure.against(EDIT_GOAL),
                f"{run_ended.what} (medians): floor {median(run_ended.floor) * 1e3:,.0f} ms, "
                f"Plan page {median(run_ended.plan) * 1e3:,.0f} ms ({run_ended.ratio:.2f}× "
                "paired)",
                f"Messages per edit (medians): floor {median(frames.floor):.0f} frames, "
                f"{median(frame_bytes.floor) / 1000:,.1f} kB; Plan page "
                f"{median(frames.plan):.0f} frames, {median(frame_bytes.plan) / 1000:,.1f} kB; "
                f"paired ratio {frames.ratio:.1f}× frames, {frame_bytes.ratio:.1f}× bytes",
            ]
        if "loads" in parts:
            _progress(
                f"{load_rounds} rounds of a fresh server for each app, {1 + LATER_LOADS} loads"
            )
            loads = first_loads(browser, load_rounds)
            measurements += [*loads.later.measurements(), *loads.server_first.measurements()]
            lines += loads.lines()
        if "memory" in parts:
            _progress(f"server memory with {', '.join(map(str, SESSION_COUNTS))} sessions")
            for app in (FLOOR, PLAN):
                sizes = memory_with_sessions(browser, app)
                lines.append(
                    f"{app.name}: server memory with "
                    + ", ".join(
                        f"{count} sessions {size / 2**20:,.0f} MiB"
                        for count, size in zip(SESSION_COUNTS, sizes, strict=True)
                    )
                )
        if "pages" in parts:
            _progress(f"{PAGE_RERUNS} rounds of the Plan, Scale and Workshop pages' reruns")
            page_measurements, page_lines = page_reruns(browser)
            measurements += page_measurements
            lines += page_lines
        browser.close()
    lines[0] += f", {load_average()} at the end"
    return measurements, lines


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


#: One rerun of a page in round ``round_index``: seconds from Enter to its changed figure.
Rerun = Callable[[int], float]


def _opened_page(browser: Browser, url: str) -> Page:
    """``url`` in a fresh browser context (a session of its own), its first run ended."""
    page = browser.new_context().new_page()
    page.goto(url)
    wait_for_app_run(page)
    page.get_by_test_id("stMetric").first.wait_for()
    return page


def _plan_page_edit(browser: Browser, url: str) -> Rerun:
    """The Plan page's edit, as the edits part times it."""
    edited_page = EditedPage.opened(browser, PLAN, url)
    return lambda round_index: edited_page.edit(PLAN.value(round_index)).figure


def _scale_page_pick(browser: Browser, url: str) -> Rerun:
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
    # the page opens on the first offer: round 0 picks the second, so that each pick is a change
    in_turn = picks[1:] + picks[:1]
    page = _opened_page(browser, f"{url}/scale")
    return lambda round_index: selection_latencies(
        page, "Offer", [in_turn[round_index % len(in_turn)]]
    )[0]


def _workshop_call_out(browser: Browser, url: str) -> Rerun:
    """A journey step's rerun: a number called out for the first step's main input, until
    the step's net income shows the model's figure (a new number each round)."""
    step = load_journey().steps[0]
    number_box = f"Call out a number: {label(step.scenario, step.main_input)}"

    def expected(value: float) -> str:
        result = evaluate(edited(step.scenario, step.main_input, value))
        return format_money_short(result.totals.net_income, result.currency)

    page = _opened_page(browser, f"{url}/workshop")
    return lambda round_index: edit_latencies(
        page, number_box, "Net income a year", [5000.0 + 100 * round_index], expected
    )[0]


#: The pages timed in the "pages" part, and how each is opened: the Plan page's edit first,
#: the one the others are read against.
PAGE_RERUN_KINDS: dict[str, Callable[[Browser, str], Rerun]] = {
    "Plan page: Enter to the changed figure, beside the Scale and Workshop pages": (
        _plan_page_edit
    ),
    "Scale page: pick an offer to its figures": _scale_page_pick,
    "Workshop page: a number called out to its figures": _workshop_call_out,
}


def page_reruns(browser: Browser) -> tuple[list[Measurement], list[str]]:
    """The Scale and Workshop pages' reruns and the Plan page's edit on one warm server, each
    page in its own session, one rerun of each a round in turn (the first page moves on by
    one each round). Returns the rows and a line a page: its paired ratio to the Plan page's
    edit, against the budget of 1.5×."""
    contexts_before = set(browser.contexts)
    with streamlit_server(PLAN.script) as server:
        reruns = {name: opened(browser, server.url) for name, opened in PAGE_RERUN_KINDS.items()}
        timings: dict[str, list[float]] = {name: [] for name in reruns}
        names = list(reruns)
        for round_index in range(PAGE_RERUNS):
            start = round_index % len(names)
            for name in names[start:] + names[:start]:
                timings[name].append(reruns[name](round_index))
        for context in set(browser.contexts) - contexts_before:
            context.close()
    plan_edit, *others = names
    measurements = [Measurement(name, 0.5, tuple(timings[name])) for name in names]
    lines = [
        f"{name}: paired median over the Plan page's edit in the same {PAGE_RERUNS} rounds: "
        f"{paired_ratio(timings[plan_edit], timings[name]):.2f}× (budget 1.5×)"
        for name in others
    ]
    return measurements, lines


if __name__ == "__main__":
    from benchmarks.timing import machine, table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated, of {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--load-rounds", type=int, default=LOAD_ROUNDS, help="rounds of first loads"
    )
    arguments = parser.parse_args()
    chosen = arguments.parts.split(",")
    unknown = set(chosen) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    print(f"Machine: {machine()}\n")
    app_measurements, comparisons = run(chosen, arguments.load_rounds)
    print(table(app_measurements))
    print()
    print("\n".join(comparisons))
