"""The Plan page's two Vega-Lite specs, stored as data, and the rows they draw: no Altair.

``plan_specs.json`` holds the specs :func:`charts.plan.vega_lite_spec` builds from
:func:`charts.plan.hours_chart` and :func:`charts.plan.money_chart` (the money chart's
currency as :data:`CURRENCY_PLACEHOLDER`). ``make docs`` writes it again
(:func:`charts.plan.write_plan_specs`); a test checks that it equals what Altair builds.
A server that draws the Plan page reads the file once and never imports Altair (26 MiB
and a second of a first load); the rows are plain records, so it needs no pandas either
(:mod:`charts.plan` gives the same rows as DataFrames, for Altair).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

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


#: Keys of a spec that stay at its top when its view is wrapped in a layer with its rows.
_TOP_LEVEL_KEYS = ("$schema", "config", "height", "width", "autosize")


def with_rows(spec: dict[str, Any], rows: list[dict[Any, Any]]) -> dict[str, Any]:
    """``spec`` drawing ``rows`` given inline, inside a layer of one view.

    Streamlit converts a spec's top-level data to an Arrow table, which imports pandas
    and pyarrow (about 70 MiB and half a second of a server's first page); data inside
    a layer is sent in the spec's JSON as it is, and Vega-Lite draws it the same.
    """
    top = {key: value for key, value in spec.items() if key in _TOP_LEVEL_KEYS}
    view = {key: value for key, value in spec.items() if key not in _TOP_LEVEL_KEYS}
    return {**top, "layer": [{"data": {"values": rows}, **view}]}


def in_plan_order(rows: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
    """The rows with ``offer_order``: each offer's position by first appearance, to sort by."""
    order = {
        name: position for position, name in enumerate(dict.fromkeys(r["offer"] for r in rows))
    }
    return [{**row, "offer_order": order[row["offer"]]} for row in rows]


def hours_chart_data(hours: list[dict[Any, Any]], capacity_hours: float) -> list[dict[Any, Any]]:
    """Rows of :func:`hours_chart`: the offers' hours in the order to draw them, with the capacity.

    Parameters
    ----------
    hours : list of dict
        Long form: offer, category, hours [h/year], the whole plan first
        (``models.chart_rows.hours_rows(result, whole_plan=True)``).
    capacity_hours : float
        The practitioner's hours in a year. [h/year]

    Returns
    -------
    list of dict
        offer, category, hours [h/year], offer_order, capacity [h/year].
    """
    return [{**row, "capacity": capacity_hours} for row in in_plan_order(hours)]


def money_chart_data(money: list[dict[Any, Any]]) -> list[dict[Any, Any]]:
    """Rows of :func:`money_chart`: offer, measure, amount [currency/year], offer_order."""
    return in_plan_order(money)
