"""The model core: evaluating and loading a 7-offer scenario (issue 2's budgets), and scale
and the timeline at 7 and 30 offers (issue 17: linear in the number of offers)."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.timing import Measurement, measure
from models import Scenario, evaluate, load_scenario
from models.examples import example_names, load_example
from models.scale import scale
from models.timeline import timeline

SEVEN_OFFERS = Path(__file__).parent.parent / "scenarios" / "portfolio-every-lever.yaml"
#: Offers in the large scenario of the 7-against-30 comparison.
MANY_OFFERS = 30
#: Rounds of the 7-against-30 comparison, the two sizes alternating in each.
SIZE_ROUNDS = 40


def with_a_team(scenario: Scenario) -> Scenario:
    """The portfolio with every part of version 2 at work: its funnels and tax rate, plus an
    associate leading half of the group sessions, an assistant 3 h a week and a delivery cap
    of 20 h a week (the evaluation then takes every branch it has)."""
    offers = [
        offer.model_copy(update={"associate_share": 0.5, "associate_cost_per_hour": 90.0})
        if offer.kind == "group_program"
        else offer
        for offer in scenario.offers
    ]
    practitioner = scenario.practitioner.model_copy(
        update={
            "assistant_hours_per_week": 3.0,
            "assistant_cost_per_hour": 35.0,
            "max_delivery_hours_per_week": 20.0,
        }
    )
    return scenario.model_copy(update={"offers": offers, "practitioner": practitioner})


def many_offers(scenario: Scenario, count: int = MANY_OFFERS) -> Scenario:
    """``scenario`` with ``count`` offers: every example's enabled offers in turn, again from
    the first when they run out, each renamed "name (n)" so that no two share a name."""
    every = [offer for name in example_names() for offer in load_example(name).enabled_offers]
    offers = [
        offer.model_copy(update={"name": f"{offer.name} ({number})"})
        for number, offer in zip(range(1, count + 1), itertools.cycle(every), strict=False)
    ]
    return scenario.model_copy(update={"offers": offers})


def by_size(
    name: str, operation: Callable[[Scenario], object], seven: Scenario, many: Scenario
) -> tuple[list[Measurement], str]:
    """``operation`` on 7 and on 30 offers, alternating for :data:`SIZE_ROUNDS` rounds after a
    warm-up of each; the two measurements and a line with their medians and the 30/7 ratio
    (linear: about 30/7 = 4.3, the offers' kinds differing)."""
    samples: dict[int, list[float]] = {len(seven.offers): [], len(many.offers): []}
    for scenario in (seven, many):
        operation(scenario)
    for _ in range(SIZE_ROUNDS):
        for scenario in (seven, many):
            started = time.perf_counter()
            operation(scenario)
            samples[len(scenario.offers)].append(time.perf_counter() - started)
    small, large = (statistics.median(samples[len(s.offers)]) for s in (seven, many))
    measurements = [
        Measurement(f"{name}, {len(s.offers)} offers", float("inf"), tuple(samples[len(s.offers)]))
        for s in (seven, many)
    ]
    line = (
        f"{name}: medians of {SIZE_ROUNDS} alternating rounds, {len(seven.offers)} offers "
        f"{small * 1e3:,.2f} ms, {len(many.offers)} offers {large * 1e3:,.2f} ms: "
        f"{large / small:.2f}× (offers {len(many.offers) / len(seven.offers):.2f}×)"
    )
    return measurements, line


def sizes() -> tuple[list[Measurement], list[str]]:
    """Scale and the timeline of the team portfolio at 7 offers and at 30."""
    seven = with_a_team(load_scenario(SEVEN_OFFERS))
    many = many_offers(seven)
    measurements: list[Measurement] = []
    lines = []
    for name, operation in (
        ("scale: every lever", scale),
        ("timeline: 36 months", timeline),
    ):
        found, line = by_size(name, operation, seven, many)
        measurements += found
        lines.append(line)
    return measurements, lines


def run() -> list[Measurement]:
    """Evaluate ≤ 200 µs, load ≤ 5 ms, every lever ≤ 20 ms, 36 months ≤ 10 ms: medians."""
    text = SEVEN_OFFERS.read_text(encoding="utf-8")
    scenario = with_a_team(load_scenario(text))
    assert len(scenario.offers) == 7
    assert evaluate(scenario).totals.associate_hours > 0 and scenario.practitioner.tax_rate > 0
    return [
        measure(
            "evaluate a 7-offer scenario",
            lambda: evaluate(scenario),
            runs=5000,
            budget_seconds=200e-6,
        ),
        measure(
            "load and validate a 7-offer YAML file",
            lambda: load_scenario(SEVEN_OFFERS),
            runs=1000,
            budget_seconds=5e-3,
        ),
        measure(
            "scale: every curve and ceiling of a 7-offer scenario",
            lambda: scale(scenario),
            runs=200,
            budget_seconds=20e-3,
        ),
        measure(
            "timeline: 36 months of a 7-offer scenario",
            lambda: timeline(scenario),
            runs=500,
            budget_seconds=10e-3,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.timing import table

    size_measurements, size_lines = sizes()
    print(table(size_measurements))
    print("\n".join(size_lines))
