"""Charts of the Decide page: data-free Altair builders, drawn with the data of models' analyses.

Like ui.charts, each builder describes a chart without its data, so its spec is
built once per process (``ui.charts.vega_lite_spec``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.sensitivity import Sensitivity
from models.uncertainty import Draws, histogram

#: Bars of the tornado.
TORNADO_BARS = 12


def tornado_data(result: Sensitivity) -> pd.DataFrame:
    """Rows of :func:`tornado_chart`: the inputs that move net income most, two bars each.

    Columns: input, rank, end ("down" or "up"), value (the input there), change (net
    income there minus as planned) [currency/year], net_income [currency/year].
    """
    rows = []
    moving = [row for row in result.rows if row.swing > 0][:TORNADO_BARS]
    for rank, row in enumerate(moving):
        for end, value, net in (
            ("down", row.low_value, row.low_net_income),
            ("up", row.high_value, row.high_net_income),
        ):
            rows.append((row.label, rank, end, value, net - result.net_income, net))
    return pd.DataFrame(rows, columns=["input", "rank", "end", "value", "change", "net_income"])


def tornado_chart(currency: str) -> alt.Chart:
    """Net income's change with each input moved down and up, the largest swing on top."""
    return (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                "input:N",
                title=None,
                sort=alt.EncodingSortField("rank", op="min"),
                axis=alt.Axis(labelLimit=320),
            ),
            x=alt.X(
                "change:Q",
                title=f"Change in net income, {currency} a year",
                axis=alt.Axis(format="~s"),
            ),
            color=alt.Color(
                "end:N",
                title="Input moved",
                scale=alt.Scale(domain=["down", "up"], range=["#c9a227", "#2f6f4f"]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("input:N", title="Input"),
                alt.Tooltip("end:N", title="Moved"),
                alt.Tooltip("value:Q", title="Value", format=",.4~g"),
                alt.Tooltip("net_income:Q", title=f"Net income, {currency}", format=",.0f"),
                alt.Tooltip("change:Q", title="Change", format="+,.0f"),
            ],
        )
    )


def data_table_chart(currency: str, across: str, down: str) -> alt.LayerChart:
    """Net income for each pair of values, as a heat map; cells over capacity are crossed out."""
    base = alt.Chart().encode(
        x=alt.X("across:O", title=across, axis=alt.Axis(format=",.4~g", labelAngle=0)),
        y=alt.Y("down:O", title=down, sort="descending", axis=alt.Axis(format=",.4~g")),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "net_income:Q",
            title=f"Net income, {currency}",
            scale=alt.Scale(scheme="greens"),
            legend=alt.Legend(orient="bottom", format="~s"),
        ),
        tooltip=[
            alt.Tooltip("across:Q", title=across, format=",.4~g"),
            alt.Tooltip("down:Q", title=down, format=",.4~g"),
            alt.Tooltip("net_income:Q", title=f"Net income, {currency}", format=",.0f"),
            alt.Tooltip("total_hours:Q", title="Hours a year", format=",.0f"),
            alt.Tooltip("fits:N", title="Within capacity"),
        ],
    )
    labels = base.mark_text(fontSize=12).encode(
        text=alt.Text("label:N"),
        color=alt.condition("datum.over_capacity", alt.value("#b00020"), alt.value("black")),
    )
    return alt.layer(cells, labels)


def data_table_data(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`data_table_chart`: the table with a short label, "over" marked."""
    short = table["net_income"].map(lambda value: f"{value / 1000:,.0f}k")
    return table.assign(
        label=short.where(~table["over_capacity"], short + " ✕"),
        fits=table["over_capacity"].map({True: "no: over capacity", False: "yes"}),
    )


def histogram_data(draws: Draws, target: float | None) -> pd.DataFrame:
    """Rows of :func:`histogram_chart`: the bins of net income, and whether they reach the target."""
    bins = histogram(draws.net_income)
    if target is None:
        return bins.assign(reaches="plans")
    reaches = (bins["start"] >= target).map({True: "reaches the target", False: "below the target"})
    return bins.assign(reaches=reaches)


def histogram_chart(currency: str) -> alt.Chart:
    """How the simulated plans' net income spreads."""
    return (
        alt.Chart()
        .mark_bar(binSpacing=0)
        .encode(
            x=alt.X(
                "start:Q",
                bin="binned",
                title=f"Net income, {currency} a year",
                axis=alt.Axis(format="~s"),
            ),
            x2="end:Q",
            y=alt.Y("share:Q", title="Share of plans", axis=alt.Axis(format="%")),
            color=alt.Color(
                "reaches:N",
                title=None,
                scale=alt.Scale(
                    domain=["below the target", "reaches the target", "plans"],
                    range=["#c9a227", "#2f6f4f", "#5b7db1"],
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("start:Q", title="From", format=",.0f"),
                alt.Tooltip("end:Q", title="To", format=",.0f"),
                alt.Tooltip("share:Q", title="Share of plans", format=".1%"),
            ],
        )
    )
