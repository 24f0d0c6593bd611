"""The Plan page's two Vega-Lite specs, stored as data, and the rows they draw: no Altair.

``plan_specs.json`` holds the specs :func:`charts.plan.vega_lite_spec` builds from
:func:`charts.plan.hours_chart` and :func:`charts.plan.money_chart` (the money chart's
currency as :data:`CURRENCY_PLACEHOLDER`). ``make docs`` writes it again
(:func:`charts.plan.write_plan_specs`); a test checks that it equals what Altair builds.
A server that draws the Plan page reads the file once and never imports Altair (26 MiB
and a second of a first load).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pandas as pd

#: The stored specs: ``{"hours": spec, "money": spec}``.
PLAN_SPECS_FILE = Path(__file__).with_name("plan_specs.json")
#: Stands for the currency code in the stored money chart (its axis and tooltip titles).
CURRENCY_PLACEHOLDER = "CURRENCY_CODE"


@functools.cache
def _stored_text() -> str:
    return PLAN_SPECS_FILE.read_text(encoding="utf-8")


def plan_spec(name: str, currency: str = "") -> dict[str, Any]:
    """A fresh copy of stored spec ``name`` ("hours" or "money"), amounts in ``currency``."""
    text = _stored_text().replace(CURRENCY_PLACEHOLDER, currency)
    spec: dict[str, Any] = json.loads(text)[name]
    return spec


def with_rows(spec: dict[str, Any], rows: list[dict[Any, Any]]) -> dict[str, Any]:
    """``spec`` drawing ``rows`` given inline: Streamlit sends them as JSON, no Arrow table."""
    return {**spec, "data": {"values": rows}}


def in_plan_order(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with ``offer_order``: each offer's position by first appearance, to sort by."""
    order = {name: position for position, name in enumerate(dict.fromkeys(frame["offer"]))}
    return frame.assign(offer_order=frame["offer"].map(order))


def hours_chart_data(hours: pd.DataFrame, capacity_hours: float) -> pd.DataFrame:
    """Rows of :func:`hours_chart`: the offers' hours in the order to draw them, with the capacity.

    Parameters
    ----------
    hours : DataFrame
        Long form: offer, category, hours [h/year], the whole plan first
        (``models.tables.hours_by_category(result, whole_plan=True)``).
    capacity_hours : float
        The practitioner's hours in a year. [h/year]

    Returns
    -------
    DataFrame
        offer, category, hours [h/year], offer_order, capacity [h/year].
    """
    return in_plan_order(hours).assign(capacity=capacity_hours)


def money_chart_data(money: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`money_chart`: offer, measure, amount [currency/year], offer_order."""
    return in_plan_order(money)
