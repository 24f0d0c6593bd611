"""Charts of the Scale page: data-free Altair builders, drawn with the data of models.scale.

Like charts.plan, each builder describes a chart without its data, so its spec is
built once per process (``charts.plan.vega_lite_spec``).

The lever chart keeps linear axes (a line's slope is what an hour earns) and clips the few
lines that run far above every marker: a line is cut where it leaves the plot and labelled
there with the highest contribution it reaches (:func:`lever_data`).
"""

from __future__ import annotations

import math
from typing import Literal

import altair as alt
import pandas as pd

from charts.axes import AMOUNT_LABELS, amount_axis, hours_axis
from models.scale import FrontierPoint, OfferScale, ScalePoint, ScaleResult
from presentation.levers import BOUND_WORDS

_OFFER_ORDER = alt.EncodingSortField("offer_order", op="min")

#: The markers of the lever chart, in the legend's words and shapes.
MARKERS = {"today": "circle", "ceiling": "diamond"}

#: How far above the highest marker (today or a ceiling) the lever chart reaches; a line
#: running higher is clipped there and labelled with its highest value. [× the marker]
HEADROOM = 1.5

#: A ceiling label sits left of its marker when the marker is past this share of the x axis,
#: so that it stays inside the plot. [0-1]
RIGHT_LABELS_FROM = 0.6

_LEVER_COLUMNS = [
    "offer", "offer_order", "offer_hours", "contribution", "point", "bound", "segment",
]  # fmt: skip


def _curve_rows(
    lever: OfferScale, order: int, top: float
) -> list[tuple[str, int, float, float, str, str, int]]:
    """One offer's curve, cut at ``top`` [currency/year]: the parts inside the plot as
    numbered segments, and an "off the chart" row where each part leaves it."""
    bound = BOUND_WORDS[lever.bound]
    rows: list[tuple[str, int, float, float, str, str, int]] = []
    segment = 0
    previous: tuple[float, float] | None = None
    for point in lever.points:
        here = (point.offer_hours, point.contribution)
        inside = here[1] <= top
        if previous is not None and (previous[1] <= top) != inside:
            # where the line crosses the top: linear between the two sampled points
            share = (top - previous[1]) / (here[1] - previous[1])
            crossing = previous[0] + share * (here[0] - previous[0])
            if inside:
                segment += 1
            rows.append((lever.name, order, crossing, top, "curve", bound, segment))
            if not inside:
                rows.append((lever.name, order, crossing, top, "off the chart", bound, segment))
        if inside:
            rows.append((lever.name, order, *here, "curve", bound, segment))
        previous = here
    return rows


def lever_data(result: ScaleResult, hours_for_offers: float) -> pd.DataFrame:
    """Rows of :func:`lever_chart`: every offer's curve, where it is today and its ceiling.

    Columns: offer, offer_order, offer_hours [h/year], contribution [currency/year],
    point ("curve", "today", "ceiling" or "off the chart": where a clipped line leaves the
    plot), bound (what stops the lever, in words: "what the market will buy";
    :data:`presentation.levers.BOUND_WORDS`), segment (the part of a clipped line), highest
    [currency/year]: the most the offer's line reaches, grows (whether its ceiling is above
    zero: a ceiling of 0 is not labelled, the page's warning says it has no room), label_side
    ("left" or "right" of the marker, to stay in the plot), available [h/year]: the hours left
    for offers after fixed admin.

    The plot reaches :data:`HEADROOM` × the highest marker; lines above it are cut there.
    """
    markers = [
        (lever, order, point, at.offer_hours, at.contribution)
        for order, lever in enumerate(result.offers)
        for point, at in (("today", _today(lever)), ("ceiling", lever.ceiling))
    ]
    highest_marker = max((row[4] for row in markers), default=0.0)
    top = HEADROOM * highest_marker if highest_marker > 0 else math.inf
    rows = [
        row for order, lever in enumerate(result.offers) for row in _curve_rows(lever, order, top)
    ]
    rows += [
        (lever.name, order, hours, contribution, point, BOUND_WORDS[lever.bound], 0)
        for lever, order, point, hours, contribution in markers
    ]
    data = pd.DataFrame(rows, columns=_LEVER_COLUMNS)
    highest = {lever.name: max(p.contribution for p in lever.points) for lever in result.offers}
    grows = {lever.name: lever.ceiling.quantity > 0 for lever in result.offers}
    widest = max([hours_for_offers, *data["offer_hours"]])
    side = (data["offer_hours"] > RIGHT_LABELS_FROM * widest).map({True: "left", False: "right"})
    return data.assign(
        highest=data["offer"].map(highest),
        grows=data["offer"].map(grows).astype(bool),
        label_side=side,
        available=hours_for_offers,
    )


def _today(lever: OfferScale) -> ScalePoint:
    """The point of the offer's curve at its planned quantity (the model samples it exactly)."""
    return min(lever.points, key=lambda point: abs(point.quantity - lever.quantity))


def lever_chart(currency: str) -> alt.LayerChart:
    """Contribution against your hours, one line per offer in its own colour; a ring where
    each offer is today and a diamond at its ceiling, labelled with what stops the lever
    there ("your hours", "what the market will buy" …); a dashed rule at your hours. The
    legend names the offers, both markers and the rule."""
    base = alt.Chart()
    color = alt.Color(
        "offer:N",
        title="Offer",
        sort=_OFFER_ORDER,
        scale=alt.Scale(scheme="tableau10"),
        legend=alt.Legend(orient="right", labelLimit=220),
    )
    x = alt.X("offer_hours:Q", title="Your hours on the offer, a year", axis=hours_axis())
    y = alt.Y("contribution:Q", title=f"Contribution, {currency} a year", axis=amount_axis())
    tooltip = [
        alt.Tooltip("offer:N", title="Offer"),
        alt.Tooltip("point:N", title="Marker"),
        alt.Tooltip("offer_hours:Q", title="Hours a year", format=",.0f"),
        alt.Tooltip("contribution:Q", title=f"{currency} a year", format=",.0f"),
        alt.Tooltip("bound:N", title="Stopped by"),
    ]
    lines = (
        base.mark_line(clip=True)
        .transform_filter("datum.point == 'curve'")
        .encode(
            x=x,
            y=y,
            color=color,
            detail=alt.Detail(["offer:N", "segment:O"]),
            order=alt.Order("offer_hours:Q"),
            tooltip=[tooltip[0], *tooltip[2:]],
        )
    )
    shape = alt.Shape(
        "point:N",
        title="Markers",
        scale=alt.Scale(domain=list(MARKERS), range=list(MARKERS.values())),
        legend=alt.Legend(
            orient="right",
            symbolFillColor="transparent",
            symbolStrokeColor="#444",
            symbolStrokeWidth=2,
        ),
    )
    # The ceiling is a filled diamond; today a ring drawn over it, so both show where they meet.
    ceilings = (
        base.mark_point(filled=True, size=110, opacity=1, clip=True)
        .transform_filter("datum.point == 'ceiling'")
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )
    today = (
        base.mark_point(filled=False, size=220, strokeWidth=2.5, opacity=1, clip=True)
        .transform_filter("datum.point == 'today'")
        .encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    )
    # A label right of its marker, or left of it near the plot's right edge.
    sides: tuple[tuple[str, Literal["left", "right"], int], ...] = (
        ("right", "left", 8),
        ("left", "right", -8),
    )
    labels = [
        base.mark_text(align=align, dx=dx, dy=-8, fontSize=11, color="#333")
        .transform_filter(
            f"datum.point == 'ceiling' && datum.grows && datum.label_side == '{side}'"
        )
        .transform_calculate(label="'stopped by ' + datum.bound")
        .encode(x=x, y=y, text="label:N")
        for side, align, dx in sides
    ]
    off_chart = (
        base.mark_text(dy=-6, fontSize=11, fontWeight="bold", baseline="bottom")
        .transform_filter("datum.point == 'off the chart'")
        .transform_calculate(
            label="'↑ ' + " + AMOUNT_LABELS.replace("datum.value", "datum.highest")
        )
        .encode(x=x, y=y, text="label:N", color=color)
    )
    available = base.transform_aggregate(available="max(available)").transform_calculate(
        label="'Hours you have for offers: ' + format(datum.available, ',.0f')",
        rule="'hours you have for offers'",
    )
    rule = available.mark_rule(color="#222").encode(
        x="available:Q",
        strokeDash=alt.StrokeDash(
            "rule:N",
            title="Your capacity",
            scale=alt.Scale(range=[[6, 3]]),
            legend=alt.Legend(orient="right", symbolStrokeColor="#222", labelLimit=200),
        ),
        tooltip=[alt.Tooltip("label:N", title="Capacity")],
    )
    return alt.LayerChart(layer=[lines, ceilings, today, *labels, off_chart, rule], height=400)


def growth_data(result: ScaleResult, name: str, capacity_hours: float) -> pd.DataFrame:
    """Rows of :func:`growth_chart` for one offer: quantity, contribution and the scenario's hours.

    Columns: quantity, measure ("Contribution" or "Scenario hours"), value, plan, ceiling, capacity.
    """
    lever = next(item for item in result.offers if item.name == name)
    rows = [
        (point.quantity, measure, value)
        for point in lever.points
        for measure, value in (
            ("Contribution", point.contribution),
            ("Scenario hours", point.scenario_hours),
        )
    ]
    data = pd.DataFrame(rows, columns=["quantity", "measure", "value"])
    return data.assign(plan=lever.quantity, ceiling=lever.ceiling.quantity, capacity=capacity_hours)


def growth_chart(measure: str, title: str, quantity_words: str) -> alt.LayerChart:
    """One offer's ``measure`` as its quantity grows; rules at the plan and the ceiling.

    For "Scenario hours" a dashed rule marks the capacity.
    """
    base = alt.Chart().transform_filter(f"datum.measure == '{measure}'")
    x = alt.X("quantity:Q", title=quantity_words.capitalize(), axis=amount_axis())
    line = base.mark_line(interpolate="step-after", color="#2f6f4f").encode(
        x=x,
        y=alt.Y("value:Q", title=title, axis=amount_axis()),
        tooltip=[
            alt.Tooltip("quantity:Q", title=quantity_words.capitalize(), format=",.0f"),
            alt.Tooltip("value:Q", title=title, format=",.0f"),
        ],
    )
    plan = (
        base.transform_aggregate(plan="max(plan)")
        .mark_rule(color="#5b7db1")
        .encode(x="plan:Q", tooltip=[alt.Tooltip("plan:Q", title="Your plan", format=",.4~g")])
    )
    ceiling = (
        base.transform_aggregate(ceiling="max(ceiling)")
        .mark_rule(color="#c8553d")
        .encode(x="ceiling:Q", tooltip=[alt.Tooltip("ceiling:Q", title="Ceiling", format=",.0f")])
    )
    layers = [line, plan, ceiling]
    if measure == "Scenario hours":
        layers.append(
            base.transform_aggregate(capacity="max(capacity)")
            .mark_rule(strokeDash=[6, 3], color="#222")
            .encode(
                y="capacity:Q", tooltip=[alt.Tooltip("capacity:Q", title="Capacity", format=",.0f")]
            )
        )
    return alt.LayerChart(layer=layers, height=240)


def frontier_data(points: tuple[FrontierPoint, ...]) -> pd.DataFrame:
    """Rows of :func:`frontier_chart`: automation [0-1], price [currency], ceiling [students]."""
    return pd.DataFrame(
        [(point.automation, point.price, point.ceiling) for point in points],
        columns=["automation", "price", "ceiling"],
    )


def frontier_chart(currency: str) -> alt.LayerChart:
    """An online program's price per student and ceiling of students as automation grows."""
    base = alt.Chart().encode(
        x=alt.X("automation:Q", title="Automation", axis=alt.Axis(format="%"))
    )
    price = base.mark_line(color="#2f6f4f", point=True).encode(
        y=alt.Y(
            "price:Q",
            title=f"Price per student ({currency})",
            axis=amount_axis(titleColor="#2f6f4f"),
        ),
        tooltip=[
            alt.Tooltip("automation:Q", title="Automation", format=".0%"),
            alt.Tooltip("price:Q", title="Price per student", format=",.0f"),
        ],
    )
    ceiling = base.mark_line(color="#c8553d", point=True, strokeDash=[4, 2]).encode(
        y=alt.Y(
            "ceiling:Q", title="Most students that fit", axis=amount_axis(titleColor="#c8553d")
        ),
        tooltip=[
            alt.Tooltip("automation:Q", title="Automation", format=".0%"),
            alt.Tooltip("ceiling:Q", title="Most students", format=",.0f"),
        ],
    )
    return alt.LayerChart(
        layer=[price, ceiling], resolve=alt.Resolve(scale={"y": "independent"}), height=260
    )
