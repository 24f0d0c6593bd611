"""Speed of the Decide analyses: Monte Carlo, the best mix, sensitivity (issue 6's budgets)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Measurement, measure
from models import load_scenario
from models.optimizer import optimize
from models.schema import Scenario
from models.sensitivity import sensitivity
from models.uncertainty import ranged_inputs, ranges_around, simulate, with_ranges

SEVEN_OFFERS = Path(__file__).parent.parent / "scenarios" / "portfolio-every-lever.yaml"


def ten_offers(scenario: Scenario) -> Scenario:
    """The 7-offer portfolio with a second 1:1 offer, group program and mastermind: 10 offers."""
    copies = [
        offer.model_copy(update={"name": f"{offer.name} (second)"})
        for offer in scenario.offers
        if offer.kind in ("one_to_one", "group_program", "mastermind")
    ]
    return scenario.model_copy(update={"offers": [*scenario.offers, *copies]})


def run() -> list[Measurement]:
    """Medians against the budgets: 10,000 samples ≤ 20 ms, 1,000,000 ≤ 2 s, the best mix of
    10 offers ≤ 100 ms, sensitivity over every field ≤ 50 ms."""
    scenario = load_scenario(SEVEN_OFFERS.read_text(encoding="utf-8"))
    ranged = with_ranges(scenario, ranges_around(scenario, 20))
    drawn = sum(1 for low, high in ranged_inputs(ranged).values() if high > low)
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
