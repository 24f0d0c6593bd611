"""The model core: evaluating and loading a 7-offer scenario (issue 2's budgets)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Measurement, measure
from models import evaluate, load_scenario
from models.scale import scale
from models.timeline import timeline

SEVEN_OFFERS = Path(__file__).parent.parent / "scenarios" / "portfolio-every-lever.yaml"


def run() -> list[Measurement]:
    """Evaluate ≤ 200 µs, load ≤ 5 ms, every lever ≤ 20 ms, 36 months ≤ 10 ms: medians."""
    text = SEVEN_OFFERS.read_text(encoding="utf-8")
    scenario = load_scenario(text)
    assert len(scenario.offers) == 7
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
