"""A busy workshop room: 30 participants submitting within a minute, and the room view's update.

On each database (the embedded SQLite, and a real PostgreSQL on 127.0.0.1 when Debian's
package is installed), 30 participants join one room, then each sends a plan at a moment
drawn within :data:`WINDOW_SECONDS` (a fixed seed), from 30 threads, through
``store.rooms.submit``: the call the participant's page makes. Meanwhile the facilitator's
room view updates every :data:`VIEW_EVERY_SECONDS`, as its fragment does. The loop is
bounded: every thread sends once, then stops.

Checked, not only timed: every plan stored once, the latest of each seat, nothing lost.
Then the room view's update with 30 plans (``store.rooms.status`` and
``models.rooms.summarise_room``: what the fragment does each time) alternates round by
round with its floor, reading the 30 plans' rows from the database and nothing else.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import text

from benchmarks.timing import Measurement, load_average, median, paired_ratio, table
from models.examples import load_example
from models.room_summary import summarise_room
from models.schema import Scenario
from store import Store
from tests.database_server import postgresql_programs, postgresql_server

PARTICIPANTS = 30
#: The field the room opens, and each participant changes: the 1:1 offer's price.
OPENED_FIELD = "offers[0].price_per_client"
#: Every participant sends within this long of the first. [s]
WINDOW_SECONDS = 30.0
#: How often the room view updates while plans come in (its fragment's period). [s]
VIEW_EVERY_SECONDS = 2.0
#: The longest a submit or a room view update may take: well within the view's period. [s]
BUDGET_SECONDS = 1.0
#: Rounds of the room view against its floor, alternating.
VIEW_ROUNDS = 20


def _plan(start: Scenario, index: int) -> Scenario:
    """Participant ``index``'s plan: the first offer's price raised by ``index`` (a valid
    scenario, each one different)."""
    document = start.model_dump()
    document["offers"][0]["price_per_client"] += index
    return Scenario.model_validate(document)


def _price(scenario: Scenario) -> float:
    """The first offer's price per client. [currency/client]"""
    return float(scenario.offers[0].model_dump()["price_per_client"])


def _room_view(store: Store, facilitator_key: str, start: Scenario) -> int:
    """What the room view's fragment does once; returns how many plans it shows."""
    status = store.rooms.status(facilitator_key)
    summary = summarise_room(
        start,
        [submission.display_name for submission in status.submissions],
        [submission.scenario for submission in status.submissions],
    )
    return len(summary.plans)


def _floor(store: Store) -> int:
    """Only the database's part: the room's plan rows read back, nothing parsed."""
    with store.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT display_name, document FROM participants WHERE document IS NOT NULL")
        ).all()
    return len(rows)


def _busy_room(store: Store, name: str) -> tuple[list[Measurement], list[str]]:
    start = load_example("coach-one-to-one")
    keys = store.rooms.open("Benchmark room", start, (OPENED_FIELD,))
    seats = [store.rooms.join(keys.participant) for _ in range(PARTICIPANTS)]
    draws = random.Random(17)
    moments = [draws.uniform(0, WINDOW_SECONDS) for _ in seats]
    submit_seconds: list[float] = []
    failures: list[str] = []
    began = time.perf_counter()

    def participant(index: int, seat: str) -> None:
        time.sleep(max(0.0, began + moments[index] - time.perf_counter()))
        before = time.perf_counter()
        try:
            store.rooms.submit(keys.participant, seat, _plan(start, index), f"P{index + 1}")
        except Exception as error:  # noqa: BLE001 -- counted and reported, the loop goes on
            failures.append(f"participant {index + 1}: {error}")
        submit_seconds.append(time.perf_counter() - before)

    threads = [threading.Thread(target=participant, args=pair) for pair in enumerate(seats)]
    for thread in threads:
        thread.start()
    view_seconds: list[float] = []
    seen: list[int] = []
    while any(thread.is_alive() for thread in threads):
        before = time.perf_counter()
        seen.append(_room_view(store, keys.facilitator, start))
        view_seconds.append(time.perf_counter() - before)
        time.sleep(VIEW_EVERY_SECONDS)
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began

    status = store.rooms.status(keys.facilitator)
    prices = sorted(_price(entry.scenario) for entry in status.submissions)
    base = _price(start)
    complete = prices == [base + index for index in range(PARTICIPANTS)]
    once = all(entry.times == 1 for entry in status.submissions)

    floor_seconds, full_seconds = [], []
    for _ in range(VIEW_ROUNDS):
        before = time.perf_counter()
        _floor(store)
        floor_seconds.append(time.perf_counter() - before)
        before = time.perf_counter()
        _room_view(store, keys.facilitator, start)
        full_seconds.append(time.perf_counter() - before)

    measurements = [
        Measurement(f"{name}: one participant's submit", BUDGET_SECONDS, tuple(submit_seconds)),
        Measurement(
            f"{name}: room view update while plans arrive", BUDGET_SECONDS, tuple(view_seconds)
        ),
        Measurement(
            f"{name}: floor, the 30 plans' rows read", BUDGET_SECONDS, tuple(floor_seconds)
        ),
        Measurement(f"{name}: room view update with 30 plans", BUDGET_SECONDS, tuple(full_seconds)),
    ]
    lines = [
        f"{name}: {len(status.submissions)} of {PARTICIPANTS} plans stored in {took:.1f} s "
        f"({'every one' if complete else 'NOT every one'} as sent, "
        f"{'each once' if once else 'SOME TWICE'}; {len(failures)} failed); the room view "
        f"showed {', '.join(map(str, seen))} as they came in",
        f"{name}: room view update {median(full_seconds) * 1000:.1f} ms, "
        f"{paired_ratio(floor_seconds, full_seconds):.1f}× its floor "
        f"({median(floor_seconds) * 1000:.1f} ms), {VIEW_ROUNDS} alternating rounds",
        *failures,
    ]
    return measurements, lines


def _databases() -> Iterator[tuple[str, str]]:
    """(name, URL) of a fresh SQLite file, then of a fresh PostgreSQL when installed."""
    with TemporaryDirectory() as folder:
        yield "SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
    if postgresql_programs() is not None:
        with postgresql_server() as url:
            yield "PostgreSQL", url


def run() -> tuple[list[Measurement], list[str]]:
    """The busy room on each database: the timings, and the lines that say what was stored."""
    measurements: list[Measurement] = []
    lines = [f"Load average at the start: {load_average()}"]
    for name, url in _databases():
        store = Store(url)
        try:
            found, said = _busy_room(store, name)
        finally:
            store.close()
        measurements += found
        lines += said
    return measurements, lines


if __name__ == "__main__":
    found_measurements, found_lines = run()
    print(table(found_measurements))
    print("\n".join(found_lines))
    sys.exit(0)
