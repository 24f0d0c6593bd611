"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def median(samples: Sequence[float]) -> float:
    """The middle sample (the mean of the two middle ones for an even count)."""
    return statistics.median(samples)


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile: the sample at rank round(0.95 × (n - 1)) in increasing order.

    Notes: of 20 samples, the 19th smallest (rank 18, counting from 0).
    """
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def paired_ratio(floor: Sequence[float], measured: Sequence[float]) -> float:
    """The median over rounds of ``measured[i] / floor[i]``.

    Notes: each round measures both side by side, so a slow moment of a shared machine
    weighs on both figures of its round and cancels in their ratio; e.g. rounds of
    (60 ms, 120 ms), (100 ms, 150 ms), (70 ms, 70 ms) give ratios 2.0, 1.5, 1.0: 1.5×.
    """
    if len(floor) != len(measured):
        raise ValueError(f"{len(floor)} floor samples against {len(measured)} measured")
    return statistics.median(item / base for item, base in zip(measured, floor, strict=True))


@dataclass(frozen=True)
class Measurement:
    """Repeated timings of one operation. [s]"""

    name: str
    budget_seconds: float
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def p95(self) -> float:
        return p95(self.samples)

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


def _within(item: Measurement) -> str:
    if item.budget_seconds == float("inf"):
        return ""
    return "yes" if item.within_budget else "NO"


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as ``uptime`` prints it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


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
            f"{_within(item)} |"
        )
    return "\n".join(rows)
