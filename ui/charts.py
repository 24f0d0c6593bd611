"""Chart builders: pure functions from tidy DataFrames to ``alt.Chart``.

Only pages call ``st.altair_chart``; tests read ``chart.to_dict()``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS

WHOLE_PLAN = "Whole plan"

#: Category → colour, the same in every chart.
CATEGORY_COLOURS: dict[str, str] = {
    HOUR_CATEGORY_LABELS["delivery"]: "#2f6f4f",
    HOUR_CATEGORY_LABELS["prep"]: "#7fb08f",
    HOUR_CATEGORY_LABELS["travel"]: "#c9a227",
    HOUR_CATEGORY_LABELS["business_development"]: "#c8553d",
    HOUR_CATEGORY_LABELS["admin"]: "#8a8a8a",
    HOUR_CATEGORY_LABELS["creation"]: "#5b7db1",
}


def hours_chart(hours: pd.DataFrame, capacity_hours: float) -> alt.LayerChart:
    """Hours a year by category: one stacked bar per offer and one for the whole plan, against capacity.

    Parameters
    ----------
    hours : DataFrame
        Long form with columns offer, category, hours [h/year] (``models.tables.hours_by_category``).
    capacity_hours : float
        The practitioner's hours in a year, drawn as a vertical rule. [h/year]
    """
    whole = (
        hours.groupby("category", as_index=False, sort=False)["hours"]
        .sum()
        .assign(offer=WHOLE_PLAN)
    )
    data = pd.concat([whole, hours], ignore_index=True)
    order = [WHOLE_PLAN, *dict.fromkeys(hours["offer"])]
    categories = [HOUR_CATEGORY_LABELS[category] for category in HOUR_CATEGORIES]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("sum(hours):Q", title="Hours a year", stack="zero"),
            y=alt.Y("offer:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "category:N",
                title="Hours spent on",
                scale=alt.Scale(domain=categories, range=[CATEGORY_COLOURS[c] for c in categories]),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
            order=alt.Order("category_order:Q"),
            tooltip=[
                alt.Tooltip("offer:N", title="Offer"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("sum(hours):Q", title="Hours a year", format=",.0f"),
            ],
        )
        .transform_calculate(category_order=f"indexof({categories!r}, datum.category)")
    )
    capacity = pd.DataFrame(
        {"capacity": [capacity_hours], "label": [f"Capacity {capacity_hours:,.0f} h"]}
    )
    rule = (
        alt.Chart(capacity)
        .mark_rule(color="#222", strokeDash=[6, 3], size=2)
        .encode(x="capacity:Q", tooltip=[alt.Tooltip("label:N", title="Your year")])
    )
    label = (
        alt.Chart(capacity)
        .mark_text(align="left", dx=4, dy=-6, fontWeight="bold")
        .encode(x="capacity:Q", text="label:N", y=alt.value(0))
    )
    return alt.layer(bars, rule, label).properties(height=alt.Step(28))


def money_chart(money: pd.DataFrame, currency: str) -> alt.Chart:
    """Revenue and contribution a year per offer, side by side.

    Parameters
    ----------
    money : DataFrame
        Long form with columns offer, measure, amount [currency/year] (``models.tables.money_by_offer``).
    currency : str
        ISO code, shown in the axis title and tooltips.
    """
    return (
        alt.Chart(money)
        .mark_bar()
        .encode(
            x=alt.X("amount:Q", title=f"{currency} a year", axis=alt.Axis(format="~s")),
            y=alt.Y(
                "offer:N",
                title=None,
                sort=list(dict.fromkeys(money["offer"])),
                axis=alt.Axis(labelLimit=220),
            ),
            yOffset=alt.YOffset("measure:N", sort=["Revenue", "Contribution"]),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=["Revenue", "Contribution"], range=["#2f6f4f", "#9cc5a1"]),
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
