"""The Decide and Scale pages' analyses, cached per scenario with ``st.cache_data``.

A widget of a page's section reruns the whole page. The analyses below depend only on
the scenario and their own inputs (a sample count, a seed, a percent, limits), so they
are computed once for each such combination and read back on every other rerun: a
selectbox that only chooses what to look at never reruns a million-sample simulation.
Streamlit keys each cache on the arguments' values (a scenario by its pickled fields),
so any edit of the scenario computes afresh.

The model is called through its modules (``uncertainty.draw``), so a test can count
the calls.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.decide import histogram_data
from models import evaluation, optimizer, scale, sensitivity, uncertainty
from models.analysis import Analysis
from models.optimizer import Limits, Optimum
from models.results import ScenarioResult
from models.scale import FrontierPoint, ScaleResult
from models.schema import Scenario
from models.sensitivity import Sensitivity
from models.uncertainty import Simulation

#: Results kept per analysis: a few recent scenarios, so memory stays bounded.
CACHED_ENTRIES = 16


@st.cache_data(show_spinner=False, max_entries=CACHED_ENTRIES)
def simulation(scenario: Scenario, samples: int, seed: int) -> tuple[Simulation, pd.DataFrame]:
    """The Monte Carlo simulation of ``samples`` plans and its histogram's rows.

    The draws themselves stay here (up to a million plans): the page needs only the
    summary and the histogram's bins.
    """
    draws = uncertainty.draw(scenario, samples, seed)
    summary = uncertainty.summarise(scenario, draws, seed)
    return summary, histogram_data(draws, summary.target)


@st.cache_data(show_spinner=False, max_entries=CACHED_ENTRIES)
def swings(scenario: Scenario, percent: float) -> Sensitivity:
    """Every input moved ±``percent`` [%] (:func:`models.sensitivity.sensitivity`)."""
    return sensitivity.sensitivity(scenario, percent)


@st.cache_data(show_spinner=False, max_entries=CACHED_ENTRIES)
def best_mix(scenario: Scenario, limits: Limits) -> Optimum:
    """The mix of counts with the most net income (:func:`models.optimizer.optimize`)."""
    return optimizer.optimize(scenario, limits)


@st.cache_data(show_spinner=False, max_entries=CACHED_ENTRIES)
def levers(scenario: Scenario) -> tuple[ScenarioResult, ScaleResult]:
    """The plan's figures and every lever's length, from one evaluation."""
    whole = evaluation.evaluate(scenario)
    return whole, scale.scale(scenario)


@st.cache_data(show_spinner=False, max_entries=CACHED_ENTRIES)
def frontier(scenario: Scenario, name: str) -> tuple[FrontierPoint, ...]:
    """The online program ``name`` as automation runs from 0 to 1."""
    return scale.automation_frontier(scenario, name)


def analysis(scenario: Scenario) -> Analysis:
    """The scenario's analysis for charts and reports, with the cached levers already in it."""
    whole, scaled = levers(scenario)
    return Analysis(scenario, result=whole, levers=scaled)
