"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    """Repeated timings of one operation. [s]"""

    name: str
    budget_seconds: float
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def within_budget(self) -> bool:
        return self.median <= self.budget_seconds


def measure(
    name: str, operation: Callable[[], object], *, runs: int, budget_seconds: float
) -> Measurement:
    """Time ``operation`` ``runs`` times after a few warm-up calls."""
    for _ in range(min(runs, 20)):
        operation()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        operation()
        samples.append(time.perf_counter() - started)
    return Measurement(name, budget_seconds, tuple(samples))


def _seconds(value: float) -> str:
    if value == float("inf"):
        return "—"
    if value < 1e-3:
        return f"{value * 1e6:,.0f} µs"
    if value < 1:
        return f"{value * 1e3:,.2f} ms"
    return f"{value:,.2f} s"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """One line about the machine the figures come from."""
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(measurements: list[Measurement]) -> str:
    """A Markdown table: operation, runs, median, p95, budget, within budget."""
    rows = [
        "| operation | runs | median | p95 | budget | within |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for item in measurements:
        rows.append(
            f"| {item.name} | {len(item.samples)} | {_seconds(item.median)} | "
            f"{_seconds(item.p95)} | {_seconds(item.budget_seconds)} | "
            f"{'yes' if item.within_budget else 'NO'} |"
        )
    return "\n".join(rows)
