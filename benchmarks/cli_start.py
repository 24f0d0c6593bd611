"""The command line's start: ``leverage validate FILE`` (issue 14) and ``leverage evaluate
--json FILE`` (issue 17) as whole processes.

Measured side by side with the floor, a bare ``python -c "import numpy, pydantic, yaml"``
(the libraries any load of a scenario needs): the three alternate, 20 rounds each, so that a
busy moment of a shared machine slows all alike. Goals: validate's median within 2× the
floor's, evaluate's within 1.5×.
Wall time is what a user waits; CPU time (user + system, of the child) is steadier on a
shared machine, so both are given.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import Measurement

ROUNDS = 20
#: The file of the figure in docs/performance.md.
SCENARIO = Path(__file__).parent.parent / "scenarios" / "coach-one-to-one.yaml"
LEVERAGE = Path(sys.executable).parent / "leverage"
FLOOR = (sys.executable, "-c", "import numpy, pydantic, yaml")
VALIDATE = (str(LEVERAGE), "validate", str(SCENARIO))
EVALUATE = (str(LEVERAGE), "evaluate", "--json", str(SCENARIO))
#: How many times the floor's median each command may take.
GOAL_RATIOS = {"validate": 2.0, "evaluate --json": 1.5}


@dataclass(frozen=True)
class ProcessTime:
    """One run of a whole process: wall time and the CPU time it used. [s]"""

    wall: float
    cpu: float


def run_process(command: tuple[str, ...]) -> ProcessTime:
    """Run ``command`` to its end, its output thrown away; fails if it does not exit 0."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ProcessTime(wall, cpu)


def run(rounds: int = ROUNDS) -> tuple[list[Measurement], list[str]]:
    """The floor, ``leverage validate`` and ``leverage evaluate --json`` alternated ``rounds``
    times after one warm-up each; the measurements (wall time) and one line a command and
    kind of time (wall and CPU medians, and their ratio to the floor's)."""
    commands = {"floor": FLOOR, "validate": VALIDATE, "evaluate --json": EVALUATE}
    for command in commands.values():
        run_process(command)
    times: dict[str, list[ProcessTime]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_process(command))
    floor_wall = Measurement(
        'python -c "import numpy, pydantic, yaml" (the floor)',
        float("inf"),
        tuple(item.wall for item in times["floor"]),
    )
    measurements = [floor_wall]
    lines = []
    for name, goal in GOAL_RATIOS.items():
        measurements.append(
            Measurement(
                f"leverage {name} {SCENARIO.name}, whole process",
                goal * floor_wall.median,
                tuple(item.wall for item in times[name]),
            )
        )
        for what in ("wall", "cpu"):
            floor_median = statistics.median(getattr(item, what) for item in times["floor"])
            median = statistics.median(getattr(item, what) for item in times[name])
            ratio = median / floor_median
            lines.append(
                f"{what.replace('cpu', 'CPU')} time, medians of {rounds}: {name} {median * 1e3:,.0f} ms, "
                f"floor {floor_median * 1e3:,.0f} ms: {ratio:.2f}× "
                f"({'within' if ratio <= goal else 'NOT within'} {goal:g}×)"
            )
    return measurements, lines


if __name__ == "__main__":
    from benchmarks.timing import table

    measurements, ratios = run()
    print(table(measurements))
    print("\n".join(ratios))
