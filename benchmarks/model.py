"""The model core: evaluating and loading a 7-offer scenario (issue 2's budgets)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Measurement, measure
from models import Scenario, evaluate, load_scenario
from models.scale import scale
from models.timeline import timeline

SEVEN_OFFERS = Path(__file__).parent.parent / "scenarios" / "portfolio-every-lever.yaml"


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
