"""Charts of the Timeline page: data-free Altair builders, drawn with the frames of models.tables.

Like charts.plan, each builder describes a chart without its data, so its spec is
built once per process (``charts.plan.vega_lite_spec``).
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from charts.axes import amount_axis, hours_axis
from charts.plan import CATEGORY_COLOR, CATEGORY_ORDER

PHASES = ["creating", "ramping up", "running"]
_PHASE_COLOURS = ["#5b7db1", "#9cc5a1", "#2f6f4f"]
_MONTH_AXIS = alt.Axis(values=list(range(1, 37, 3)), format="d")


def _month_x(field: str = "month", title: str | None = "Month") -> alt.X:
    return alt.X(
        f"{field}:Q", title=title, scale=alt.Scale(domain=[0.5, 36.5], nice=False), axis=_MONTH_AXIS
    )


def monthly_hours_data(
    hours: pd.DataFrame, capacity_hours: float, delivery_capacity_hours: float | None = None
) -> pd.DataFrame:
    """Rows of :func:`monthly_hours_chart`: month, category, hours [h/month], capacity and the
    delivery cap [h/month] (empty without a cap)."""
    cap = math.nan if delivery_capacity_hours is None else delivery_capacity_hours
    return hours.assign(capacity=capacity_hours, delivery_capacity=cap)


def monthly_hours_chart() -> alt.LayerChart:
    """Hours a month stacked by category, with the month's capacity as a dashed line and, when
    there is one, the most client-facing hours you can give in a month as a dotted one (to
    read against the delivery bars)."""
    bars = (
        alt.Chart()
        .mark_bar(width={"band": 0.85})
        .transform_calculate(category_order=CATEGORY_ORDER)
        .encode(
            x=alt.X(
                "month:O", title="Month", axis=alt.Axis(labelAngle=0, values=list(range(1, 37, 3)))
            ),
            y=alt.Y("sum(hours):Q", title="Hours a month", stack="zero", axis=hours_axis()),
            color=CATEGORY_COLOR,
            order=alt.Order("category_order:Q"),
            tooltip=[
                alt.Tooltip("month:O", title="Month"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("sum(hours):Q", title="Hours", format=",.0f"),
            ],
        )
    )
    capacity = alt.Chart().transform_aggregate(capacity="max(capacity)")
    rule = capacity.mark_rule(color="#222", strokeDash=[6, 3], size=2).encode(
        y="capacity:Q",
        tooltip=[alt.Tooltip("capacity:Q", title="Capacity a month", format=",.0f")],
    )
    delivery_cap = (
        alt.Chart()
        .transform_filter("isValid(datum.delivery_capacity) && isFinite(datum.delivery_capacity)")
        .transform_aggregate(delivery_capacity="max(delivery_capacity)")
        .mark_rule(color="#c8553d", strokeDash=[2, 3], size=2)
        .encode(
            y="delivery_capacity:Q",
            tooltip=[
                alt.Tooltip(
                    "delivery_capacity:Q", title="Client-facing hours you can give", format=",.0f"
                )
            ],
        )
    )
    return alt.LayerChart(layer=[bars, rule, delivery_cap], height=380)


def cash_data(months: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`cash_chart`: month, net_income and cumulative_net_income [currency]."""
    return months[["month", "net_income", "cumulative_net_income"]]


#: The series of the cash chart, in the legend's words, and their colours.
CASH_SERIES = {
    "net income that month": "#9cc5a1",
    "a month at a loss": "#c8553d",
    "net income so far": "#2f6f4f",
}

_CASH_COLOR = alt.Color(
    "series:N",
    title=None,
    scale=alt.Scale(domain=list(CASH_SERIES), range=list(CASH_SERIES.values())),
    legend=alt.Legend(orient="bottom"),
)

#: A y axis of money whose zero line is drawn darker, to read gains against losses.
_ZERO_GRID = {
    "gridColor": {"condition": {"test": "datum.value === 0", "value": "#222"}, "value": "#ddd"}
}


def cash_chart(currency: str) -> alt.VConcatChart:
    """Two panels over the same months: net income each month as bars (red below zero), and
    net income so far as a line; each has its own axis, and one legend names all three."""
    tooltip = [
        alt.Tooltip("month:Q", title="Month"),
        alt.Tooltip("net_income:Q", title=f"Net income that month ({currency})", format=",.0f"),
        alt.Tooltip(
            "cumulative_net_income:Q", title=f"Net income so far ({currency})", format=",.0f"
        ),
    ]
    monthly = (
        alt.Chart()
        .mark_bar(width={"band": 0.7})
        .transform_calculate(
            series="datum.net_income < 0 ? 'a month at a loss' : 'net income that month'"
        )
        .encode(
            x=_month_x(title=None),
            y=alt.Y(
                "net_income:Q",
                title=f"{currency} a month",
                axis=amount_axis(tickCount=4, **_ZERO_GRID),
            ),
            color=_CASH_COLOR,
            tooltip=tooltip,
        )
        .properties(height=160)
    )
    so_far = (
        alt.Chart()
        .mark_line(point=True, strokeWidth=2)
        .transform_calculate(series="'net income so far'")
        .encode(
            x=_month_x(),
            y=alt.Y(
                "cumulative_net_income:Q",
                title=f"{currency} so far",
                axis=amount_axis(tickCount=4, **_ZERO_GRID),
            ),
            color=_CASH_COLOR,
            tooltip=tooltip,
        )
        .properties(height=160)
    )
    chart: alt.VConcatChart = alt.vconcat(monthly, so_far, spacing=12).resolve_scale(
        x="shared", color="shared"
    )
    return chart


def lanes_chart() -> alt.Chart:
    """A lane per offer: the months it is created, ramps up and runs.

    Draws :func:`models.tables.offer_phases` through ``charts.plan.in_plan_order``.
    """
    chart: alt.Chart = (
        alt.Chart()
        .mark_bar(height={"band": 0.6}, cornerRadius=3)
        .transform_calculate(start="datum.first_month - 0.5", end="datum.last_month + 0.5")
        .encode(
            x=_month_x("start"),
            x2="end:Q",
            y=alt.Y(
                "offer:N",
                title=None,
                sort=alt.EncodingSortField("offer_order", op="min"),
                axis=alt.Axis(labelLimit=220),
            ),
            color=alt.Color(
                "phase:N",
                title=None,
                scale=alt.Scale(domain=PHASES, range=_PHASE_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("offer:N", title="Offer"),
                alt.Tooltip("phase:N", title="Phase"),
                alt.Tooltip("first_month:Q", title="From month"),
                alt.Tooltip("last_month:Q", title="To month"),
            ],
        )
        .properties(height=alt.Step(30))
    )
    return chart
