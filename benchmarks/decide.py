"""Speed of the Decide analyses: Monte Carlo, the best mix, sensitivity (issue 6's budgets),
and the simulation against its numpy floor (issue 17).

The floor is what any simulation of these ranges must do, written here in plain numpy: draw
every ranged field from its triangular distribution (one generator, all samples at once),
let each drawn field enter net income and hours by one multiply-add (the model's formulas
use each field at least once), and take the percentiles of both. The model's time over the
floor's is its overhead: the scenario's objects, validation, the thread pool, the drivers.
"""

from __future__ import annotations

import functools
import statistics
import time
from pathlib import Path

import numpy as np

from benchmarks.timing import Measurement, measure
from models import load_scenario
from models.inputs import Input, value_of
from models.optimizer import optimize
from models.schema import Scenario
from models.sensitivity import sensitivity
from models.uncertainty import (
    drawn_ranges,
    ranged_inputs,
    ranges_around,
    simulate,
    with_ranges,
)

SEVEN_OFFERS = Path(__file__).parent.parent / "scenarios" / "portfolio-every-lever.yaml"
#: Rounds of the model-against-floor comparison at each sample count, the two alternating.
FLOOR_ROUNDS = {10_000: 30, 1_000_000: 5}


def ten_offers(scenario: Scenario) -> Scenario:
    """The 7-offer portfolio with a second 1:1 offer, group program and mastermind: 10 offers."""
    copies = [
        offer.model_copy(update={"name": f"{offer.name} (second)"})
        for offer in scenario.offers
        if offer.kind in ("one_to_one", "group_program", "mastermind")
    ]
    return scenario.model_copy(update={"offers": [*scenario.offers, *copies]})


def ranged_portfolio() -> Scenario:
    """The 7-offer portfolio with a ±20% range on every figure planned above 0."""
    scenario = load_scenario(SEVEN_OFFERS.read_text(encoding="utf-8"))
    return with_ranges(scenario, ranges_around(scenario, 20))


def numpy_floor(bounds: list[tuple[float, float, float]], samples: int, seed: int = 1) -> object:
    """The floor of a simulation (module docstring): ``bounds`` are each ranged field's
    (low, planned, high); the P10, P50 and P90 of net income and of hours."""
    generator = np.random.default_rng(seed)
    net_income = np.zeros(samples)
    hours = np.zeros(samples)
    for weight, (low, peak, high) in enumerate(bounds, start=1):
        drawn = generator.triangular(low, peak, high, samples)
        net_income += weight * drawn
        hours += drawn / weight
    return np.percentile(net_income, [10, 50, 90]), np.percentile(hours, [10, 50, 90])


def against_floor() -> tuple[list[Measurement], list[str]]:
    """simulate() and the numpy floor alternating, at 10,000 and 1,000,000 samples: the
    measurements and one line a sample count with the medians and their ratio."""
    ranged = ranged_portfolio()
    ranges = drawn_ranges(ranged)
    plans = {where: value for where, value in _planned(ranged).items() if where in ranges}
    bounds = [(low, plans[where], high) for where, (low, high) in ranges.items()]
    measurements: list[Measurement] = []
    lines = []
    for samples, rounds in FLOOR_ROUNDS.items():
        model: list[float] = []
        floor: list[float] = []
        simulate(ranged, samples)
        numpy_floor(bounds, samples)
        for _ in range(rounds):
            for operation, times in (
                (functools.partial(simulate, ranged, samples), model),
                (functools.partial(numpy_floor, bounds, samples), floor),
            ):
                started = time.perf_counter()
                operation()
                times.append(time.perf_counter() - started)
        measurements += [
            Measurement(f"simulate {samples:,} plans", float("inf"), tuple(model)),
            Measurement(f"numpy floor, {samples:,} plans", float("inf"), tuple(floor)),
        ]
        ratio = statistics.median(model) / statistics.median(floor)
        paired = statistics.median(m / f for m, f in zip(model, floor, strict=True))
        lines.append(
            f"simulate {samples:,} plans, {len(ranges)} ranged fields: medians of {rounds} "
            f"alternating rounds {statistics.median(model) * 1e3:,.1f} ms against the floor's "
            f"{statistics.median(floor) * 1e3:,.1f} ms: {ratio:.2f}× (paired {paired:.2f}×)"
        )
    return measurements, lines


def _planned(scenario: Scenario) -> dict[Input, float]:
    """Every ranged input's planned value: the peak of its triangle."""
    return {where: float(value_of(scenario, where)) for where in ranged_inputs(scenario)}


def run() -> list[Measurement]:
    """Medians against the budgets: 10,000 samples ≤ 20 ms, 1,000,000 ≤ 2 s, the best mix of
    10 offers ≤ 100 ms, sensitivity over every field ≤ 50 ms."""
    scenario = load_scenario(SEVEN_OFFERS.read_text(encoding="utf-8"))
    ranged = ranged_portfolio()
    drawn = len(drawn_ranges(ranged))
    many = ten_offers(scenario)
    assert len(many.offers) == 10
    return [
        measure(
            f"simulate 10,000 plans, 7 offers, {drawn} ranged fields",
            lambda: simulate(ranged, 10_000),
            runs=30,
            budget_seconds=20e-3,
        ),
        measure(
            f"simulate 1,000,000 plans, {drawn} ranged fields",
            lambda: simulate(ranged, 1_000_000),
            runs=5,
            budget_seconds=2.0,
        ),
        measure("best mix of 10 offers", lambda: optimize(many), runs=30, budget_seconds=0.1),
        measure(
            "sensitivity, every field of 7 offers",
            lambda: sensitivity(scenario),
            runs=50,
            budget_seconds=50e-3,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.timing import table

    floor_measurements, floor_lines = against_floor()
    print(table(floor_measurements))
    print("\n".join(floor_lines))
