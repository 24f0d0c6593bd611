"""Charts: pure builders of Altair specs, and the tidy data each one draws.

A builder (``hours_chart``, ``money_chart``) takes no data: everything that
varies with the scenario (offers, their order, the capacity) is a column of the
frame its ``*_data`` function prepares. So a chart's Vega-Lite spec is built
and validated by Altair once per process (:func:`vega_lite_spec`), and each
rerun only sends new data: Altair's schema validation costs tens of
milliseconds a chart, which a rerun on every keystroke cannot afford.

Pages draw with ``st.vega_lite_chart(data, spec)``; tests read ``to_dict()``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd

from charts import plan_specs
from charts.axes import amount_axis, hours_axis
from charts.plan_specs import CURRENCY_PLACEHOLDER, PLAN_SPECS_FILE
from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS


def in_plan_order(frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`charts.plan_specs.in_plan_order` of a frame's rows, as a frame."""
    rows = plan_specs.in_plan_order(frame.to_dict("records"))
    return pd.DataFrame(rows, columns=[*frame.columns, "offer_order"])


def hours_chart_data(hours: pd.DataFrame, capacity_hours: float) -> pd.DataFrame:
    """:func:`charts.plan_specs.hours_chart_data` of a frame's rows, as a frame: offer,
    category, hours [h/year], offer_order, capacity [h/year]."""
    rows = plan_specs.hours_chart_data(hours.to_dict("records"), capacity_hours)
    return pd.DataFrame(rows, columns=[*hours.columns, "offer_order", "capacity"])


def money_chart_data(money: pd.DataFrame) -> pd.DataFrame:
    """:func:`charts.plan_specs.money_chart_data` of a frame's rows, as a frame: offer,
    measure, amount [currency/year], offer_order."""
    return in_plan_order(money)


CATEGORY_NAMES = [HOUR_CATEGORY_LABELS[category] for category in HOUR_CATEGORIES]

#: Category → colour, the same in every chart.
CATEGORY_COLOURS: dict[str, str] = {
    HOUR_CATEGORY_LABELS["delivery"]: "#2f6f4f",
    HOUR_CATEGORY_LABELS["prep"]: "#7fb08f",
    HOUR_CATEGORY_LABELS["travel"]: "#c9a227",
    HOUR_CATEGORY_LABELS["business_development"]: "#c8553d",
    HOUR_CATEGORY_LABELS["admin"]: "#8a8a8a",
    HOUR_CATEGORY_LABELS["creation"]: "#5b7db1",
    HOUR_CATEGORY_LABELS["oversight"]: "#8e5ea2",
}
#: Width of one column of the categories' legend, its longest name included. [px]
LEGEND_COLUMN_PIXELS = 180
#: Vega expression: the legend's columns, 1 to 4, as many as the plot's width holds (the
#: legend starts under the plot's left edge; it is never wider than the plot, so the plot's
#: width does not depend on it).
LEGEND_COLUMNS = f"max(1, min(4, floor(width / {LEGEND_COLUMN_PIXELS})))"
#: The colour channel of every chart stacked by hour category, in the categories' order.
CATEGORY_COLOR = alt.Color(
    "category:N",
    title="Hours spent on",
    scale=alt.Scale(domain=CATEGORY_NAMES, range=[CATEGORY_COLOURS[c] for c in CATEGORY_NAMES]),
    # As many columns as the plot's width holds (one on a phone), so no name is cut off.
    legend=alt.Legend(orient="bottom", columns=alt.ExprRef(LEGEND_COLUMNS), labelLimit=220),
)
#: The Vega expression of a category's position, to stack in the categories' order.
CATEGORY_ORDER = f"indexof({CATEGORY_NAMES!r}, datum.category)"
MEASURES = ["Revenue", "Contribution"]


def hours_chart() -> alt.LayerChart:
    """Hours a year by category: a stacked bar per offer and one for the whole plan, against capacity.

    Draws the frame of :func:`hours_chart_data`; the dashed rule is the capacity.
    """
    y = alt.Y(
        "offer:N",
        title=None,
        sort=alt.EncodingSortField("offer_order", op="min"),
        axis=alt.Axis(labelLimit=220),
    )
    bars = (
        alt.Chart()
        .mark_bar()
        .transform_calculate(category_order=CATEGORY_ORDER)
        .encode(
            x=alt.X("sum(hours):Q", title="Hours a year", stack="zero", axis=hours_axis()),
            y=y,
            color=CATEGORY_COLOR,
            order=alt.Order("category_order:Q"),
            tooltip=[
                alt.Tooltip("offer:N", title="Offer"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("sum(hours):Q", title="Hours a year", format=",.0f"),
            ],
        )
    )
    capacity = (
        alt.Chart()
        .transform_aggregate(capacity="max(capacity)")
        .transform_calculate(label="'Capacity ' + format(datum.capacity, ',.0f') + ' h'")
    )
    rule = capacity.mark_rule(color="#222", strokeDash=[6, 3], size=2).encode(
        x="capacity:Q", tooltip=[alt.Tooltip("label:N", title="Your year")]
    )
    label = capacity.mark_text(align="left", dx=4, dy=-6, fontWeight="bold").encode(
        x="capacity:Q", text="label:N", y=alt.value(0)
    )
    return alt.LayerChart(layer=[bars, rule, label], height=alt.Step(28))


def money_chart(currency: str) -> alt.Chart:
    """Revenue and contribution a year per offer, side by side; amounts in ``currency``.

    Draws the frame of :func:`money_chart_data`.
    """
    chart: alt.Chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("amount:Q", title=f"{currency} a year", axis=amount_axis()),
            y=alt.Y(
                "offer:N",
                title=None,
                sort=alt.EncodingSortField("offer_order", op="min"),
                axis=alt.Axis(labelLimit=220),
            ),
            yOffset=alt.YOffset("measure:N", sort=MEASURES),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=MEASURES, range=["#2f6f4f", "#9cc5a1"]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("offer:N", title="Offer"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("amount:Q", title=f"{currency} a year", format=",.0f"),
            ],
        )
        .properties(height=alt.Step(16))
    )
    return chart


@functools.cache
def vega_lite_spec(builder: Callable[..., alt.TopLevelMixin], *arguments: Any) -> dict[str, Any]:
    """The Vega-Lite spec of a data-free chart, built and validated once per process.

    Altair names an empty placeholder dataset for a chart without data; it is
    dropped, so that the data given to ``st.vega_lite_chart`` is what is drawn.
    """
    spec: dict[str, Any] = builder(*arguments).to_dict()
    spec.pop("datasets", None)
    for view in [spec, *spec.get("layer", []), *spec.get("vconcat", [])]:
        view.pop("data", None)
    return spec


def write_plan_specs() -> None:
    """Store the Plan page's two specs as data (:mod:`charts.plan_specs`), as Altair builds them."""
    specs = {
        "hours": vega_lite_spec(hours_chart),
        "money": vega_lite_spec(money_chart, CURRENCY_PLACEHOLDER),
    }
    PLAN_SPECS_FILE.write_text(json.dumps(specs, indent=1, sort_keys=True) + "\n", encoding="utf-8")
