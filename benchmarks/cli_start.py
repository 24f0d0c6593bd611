"""The command line's start: ``leverage validate FILE`` (issue 14) and ``leverage evaluate
--json FILE`` (issue 17) as whole processes.

Measured side by side with the floor, a bare ``python -c "import numpy, pydantic, yaml"``
(the issue's floor; neither command loads numpy, since one scenario's year is plain Python
arithmetic): the processes alternate, 20 rounds each, so that a busy moment of a shared
machine slows all alike. Goals: validate's median within 2× the floor's, evaluate's within
1.5×.
A fourth process is timed alongside for reference, with no goal: the floor's libraries and one
one-field pydantic model validated. It is what any program that validates pays before its own
code (pydantic's models, fields and types, and its plugin loader, which imports
``importlib.metadata``), none of which the floor's lazy ``import pydantic`` loads. The command
line pays all but the plugin loader, which it does without (``cli/pydantic_plugins.py``).
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
ONE_MODEL = (
    sys.executable,
    "-c",
    "import numpy, yaml\n"
    "from pydantic import BaseModel\n"
    "class Figure(BaseModel):\n"
    "    value: float\n"
    "Figure.model_validate({'value': 1.0})",
)
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


def _ratio_lines(
    times: dict[str, list[ProcessTime]], name: str, goal: float | None, rounds: int
) -> list[str]:
    """One line a kind of time (wall, CPU): the medians of ``name`` and the floor, their ratio
    and whether it is within ``goal`` (none for the reference)."""
    lines = []
    for what in ("wall", "cpu"):
        floor_median = statistics.median(getattr(item, what) for item in times["floor"])
        median = statistics.median(getattr(item, what) for item in times[name])
        ratio = median / floor_median
        verdict = f" ({'within' if ratio <= goal else 'NOT within'} {goal:g}×)" if goal else ""
        lines.append(
            f"{what.replace('cpu', 'CPU')} time, medians of {rounds}: {name} {median * 1e3:,.0f} ms, "
            f"floor {floor_median * 1e3:,.0f} ms: {ratio:.2f}×{verdict}"
        )
    return lines


def run(rounds: int = ROUNDS) -> tuple[list[Measurement], list[str]]:
    """The floor, one pydantic model, ``leverage validate`` and ``leverage evaluate --json``
    alternated ``rounds`` times after one warm-up each; the measurements (wall time) and one
    line a command and kind of time (wall and CPU medians, and their ratio to the floor's)."""
    commands = {
        "floor": FLOOR,
        "one pydantic model": ONE_MODEL,
        "validate": VALIDATE,
        "evaluate --json": EVALUATE,
    }
    for command in commands.values():
        run_process(command)
    times: dict[str, list[ProcessTime]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run_process(command))

    def walls(name: str) -> tuple[float, ...]:
        return tuple(item.wall for item in times[name])

    floor_wall = Measurement(
        'python -c "import numpy, pydantic, yaml" (the floor)', float("inf"), walls("floor")
    )
    measurements = [
        floor_wall,
        Measurement(
            "the floor's libraries and one pydantic model validated (reference, no goal)",
            float("inf"),
            walls("one pydantic model"),
        ),
    ]
    lines = _ratio_lines(times, "one pydantic model", None, rounds)
    for name, goal in GOAL_RATIOS.items():
        measurements.append(
            Measurement(
                f"leverage {name} {SCENARIO.name}, whole process",
                goal * floor_wall.median,
                walls(name),
            )
        )
        lines += _ratio_lines(times, name, goal, rounds)
    return measurements, lines


if __name__ == "__main__":
    from benchmarks.timing import table

    measurements, ratios = run()
    print(table(measurements))
    print("\n".join(ratios))
