"""Charts of the Scale page: data-free Altair builders, drawn with the data of models.scale.

Like charts.plan, each builder describes a chart without its data, so its spec is
built once per process (``charts.plan.vega_lite_spec``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.scale import FrontierPoint, ScaleResult
from presentation.levers import BOUND_WORDS

_OFFER_ORDER = alt.EncodingSortField("offer_order", op="min")


def lever_data(result: ScaleResult, hours_for_offers: float) -> pd.DataFrame:
    """Rows of :func:`lever_chart`: every offer's curve and its ceiling.

    Columns: offer, offer_order, offer_hours [h/year], contribution [currency/year],
    point ("curve" or "ceiling"), bound (what stops the lever, in words: "what the market will
    buy"; :data:`presentation.levers.BOUND_WORDS`), available [h/year]: the hours left for
    offers after fixed admin.
    """
    rows = [
        (
            lever.name,
            order,
            point.offer_hours,
            point.contribution,
            "curve",
            BOUND_WORDS[lever.bound],
        )
        for order, lever in enumerate(result.offers)
        for point in lever.points
    ]
    rows += [
        (
            lever.name,
            order,
            lever.ceiling.offer_hours,
            lever.ceiling.contribution,
            "ceiling",
            BOUND_WORDS[lever.bound],
        )
        for order, lever in enumerate(result.offers)
    ]
    data = pd.DataFrame(
        rows, columns=["offer", "offer_order", "offer_hours", "contribution", "point", "bound"]
    )
    return data.assign(available=hours_for_offers)


def lever_chart(currency: str) -> alt.LayerChart:
    """Contribution against your hours, one line per offer; dots at the ceilings, each labelled
    with what stops the lever there ("your hours", "what the market will buy" …), a rule at
    your hours."""
    base = alt.Chart()
    color = alt.Color(
        "offer:N", title="Offer", sort=_OFFER_ORDER, legend=alt.Legend(orient="bottom")
    )
    x = alt.X("offer_hours:Q", title="Your hours on the offer, a year")
    y = alt.Y(
        "contribution:Q", title=f"Contribution, {currency} a year", axis=alt.Axis(format="~s")
    )
    tooltip = [
        alt.Tooltip("offer:N", title="Offer"),
        alt.Tooltip("offer_hours:Q", title="Hours a year", format=",.0f"),
        alt.Tooltip("contribution:Q", title=f"{currency} a year", format=",.0f"),
        alt.Tooltip("bound:N", title="Stopped by"),
    ]
    lines = (
        base.mark_line()
        .transform_filter("datum.point == 'curve'")
        .encode(x=x, y=y, color=color, detail="offer:N", tooltip=tooltip)
    )
    ceilings = (
        base.mark_point(filled=True, size=90, shape="diamond")
        .transform_filter("datum.point == 'ceiling'")
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    stopped_by = (
        base.mark_text(align="left", dx=8, dy=-8, fontSize=11, color="#333")
        .transform_filter("datum.point == 'ceiling'")
        .transform_calculate(label="'stopped by ' + datum.bound")
        .encode(x=x, y=y, text="label:N")
    )
    available = base.transform_aggregate(available="max(available)").transform_calculate(
        label="'Hours you have for offers: ' + format(datum.available, ',.0f')"
    )
    rule = available.mark_rule(strokeDash=[6, 3], color="#222").encode(
        x="available:Q", tooltip=[alt.Tooltip("label:N", title="Capacity")]
    )
    return alt.LayerChart(layer=[lines, ceilings, stopped_by, rule], height=360)


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
    x = alt.X("quantity:Q", title=quantity_words.capitalize())
    line = base.mark_line(interpolate="step-after", color="#2f6f4f").encode(
        x=x,
        y=alt.Y("value:Q", title=title, axis=alt.Axis(format="~s")),
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
            "price:Q", title=f"Price per student ({currency})", axis=alt.Axis(titleColor="#2f6f4f")
        ),
        tooltip=[
            alt.Tooltip("automation:Q", title="Automation", format=".0%"),
            alt.Tooltip("price:Q", title="Price per student", format=",.0f"),
        ],
    )
    ceiling = base.mark_line(color="#c8553d", point=True, strokeDash=[4, 2]).encode(
        y=alt.Y("ceiling:Q", title="Most students that fit", axis=alt.Axis(titleColor="#c8553d")),
        tooltip=[
            alt.Tooltip("automation:Q", title="Automation", format=".0%"),
            alt.Tooltip("ceiling:Q", title="Most students", format=",.0f"),
        ],
    )
    return alt.LayerChart(
        layer=[price, ceiling], resolve=alt.Resolve(scale={"y": "independent"}), height=260
    )
