"""The command line's start: ``leverage validate FILE`` as a whole process (issue 14).

Measured side by side with the floor, a bare ``python -c "import numpy, pydantic, yaml"``
(the libraries any load of a scenario needs): the two alternate, 20 rounds each, so that a
busy moment of a shared machine slows both alike. Goal: the median within 2× the floor's.
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
#: ``leverage validate`` may take this many times the floor's median.
GOAL_RATIO = 2.0


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
    """The floor and ``leverage validate`` alternated ``rounds`` times after one warm-up each;
    the measurements (wall time) and one line a ratio (wall and CPU medians)."""
    run_process(FLOOR)
    run_process(VALIDATE)
    floor: list[ProcessTime] = []
    validate: list[ProcessTime] = []
    for _ in range(rounds):
        floor.append(run_process(FLOOR))
        validate.append(run_process(VALIDATE))
    floor_wall = Measurement(
        'python -c "import numpy, pydantic, yaml" (the floor)',
        float("inf"),
        tuple(item.wall for item in floor),
    )
    validate_wall = Measurement(
        f"leverage validate {SCENARIO.name}, whole process",
        GOAL_RATIO * floor_wall.median,
        tuple(item.wall for item in validate),
    )
    lines = []
    for what, floor_times, validate_times in (
        ("wall", floor_wall.samples, validate_wall.samples),
        ("CPU", [item.cpu for item in floor], [item.cpu for item in validate]),
    ):
        floor_median = statistics.median(floor_times)
        validate_median = statistics.median(validate_times)
        ratio = validate_median / floor_median
        lines.append(
            f"{what} time, medians of {rounds}: validate {validate_median * 1e3:,.0f} ms, "
            f"floor {floor_median * 1e3:,.0f} ms: {ratio:.2f}× "
            f"({'within' if ratio <= GOAL_RATIO else 'NOT within'} {GOAL_RATIO:g}×)"
        )
    return [floor_wall, validate_wall], lines


if __name__ == "__main__":
    from benchmarks.timing import table

    measurements, ratios = run()
    print(table(measurements))
    print("\n".join(ratios))
