"""Two versions of the app's Plan page against each other and the floor app, alternating
(issue 17): ``python -m benchmarks.app_versions A/streamlit_app.py B/streamlit_app.py``.

For a change to the page: A is the app before it (a worktree of main, say), B after it.
Each round edits the floor app, A and B once each, in an order that turns with the round,
as :mod:`benchmarks.app` edits the floor and the Plan page; it prints each one's median to
the figure and to the run's end on the page, their frames per edit, each paired ratio to the
floor and B's paired ratios to A. Both versions must draw the Plan page's "Clients per year"
box and "Net income a year" metric as the model computes them (the default example's first
offer).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.app import EDIT_ROUNDS, FLOOR, PLAN, EditedPage
from benchmarks.timing import load_average, median, paired_ratio
from tests.browser.app_server import launch_chromium, streamlit_servers

#: Rounds of one edit of each app, as many as ``make bench`` takes.
ROUNDS = EDIT_ROUNDS


def run(before: Path, after: Path, rounds: int = ROUNDS) -> list[str]:
    """Edits of the floor, ``before`` and ``after`` alternating: one line each, then B / A."""
    apps = (FLOOR, replace(PLAN, name="A", script=before), replace(PLAN, name="B", script=after))
    seconds: dict[str, list[float]] = {app.name: [] for app in apps}
    run_ended: dict[str, list[float]] = {app.name: [] for app in apps}
    frames: dict[str, list[float]] = {app.name: [] for app in apps}
    lines = [f"Machine: {load_average()} at the start"]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        with streamlit_servers(*(app.script for app in apps)) as servers:
            pages = [
                EditedPage.opened(browser, app, server.url)
                for app, server in zip(apps, servers, strict=True)
            ]
            for round_index in range(rounds):
                turn = round_index % len(pages)
                for page in pages[turn:] + pages[:turn]:
                    edit = page.edit(page.app.value(round_index))
                    seconds[page.app.name].append(edit.figure)
                    run_ended[page.app.name].append(edit.run_ended)
                    frames[page.app.name].append(edit.frames)
            for page in pages:
                page.context.close()
        browser.close()
    floor = seconds[FLOOR.name]
    for app in apps:
        ratio = "" if app is FLOOR else f", {paired_ratio(floor, seconds[app.name]):.2f}× floor"
        lines.append(
            f"{app.name}: median {median(seconds[app.name]) * 1e3:,.1f} ms, "
            f"{median(frames[app.name]):.0f} frames an edit{ratio}; the run's end on the page "
            f"{median(run_ended[app.name]) * 1e3:,.1f} ms"
        )
    lines.append(
        f"B / A, paired: {paired_ratio(seconds['A'], seconds['B']):.2f}× to the figure, "
        f"{paired_ratio(run_ended['A'], run_ended['B']):.2f}× to the run's end on the page"
    )
    lines.append(f"Machine: {load_average()} at the end")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the app's entry file before the change (A)")
    parser.add_argument("after", type=Path, help="the app's entry file after the change (B)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"rounds ({ROUNDS})")
    arguments = parser.parse_args()
    print("\n".join(run(arguments.before.resolve(), arguments.after.resolve(), arguments.rounds)))


if __name__ == "__main__":
    main()
