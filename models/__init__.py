"""Leverage Planner's model: the scenario schema, its formulas and every analysis.

Pure Python with numpy and pandas; it never imports streamlit. Every number the
app, the command line and the reports show comes from here.
"""

from models.errors import Problem, ScenarioError
from models.evaluation import evaluate, evaluate_offer
from models.files import dump_scenario, load_scenario, save_scenario
from models.results import HourBreakdown, OfferResult, ScenarioResult, Totals
from models.schema import SCHEMA_VERSION, Practitioner, Scenario

__all__ = [
    "SCHEMA_VERSION",
    "HourBreakdown",
    "OfferResult",
    "Practitioner",
    "Problem",
    "Scenario",
    "ScenarioError",
    "ScenarioResult",
    "Totals",
    "dump_scenario",
    "evaluate",
    "evaluate_offer",
    "load_scenario",
    "save_scenario",
]
