"""Charts of a workshop room's view: how one figure is spread over the room's plans.

Each chart counts the plans in bands of the figure (a histogram: "4 plans earn between
80k and 100k a year") and marks the room's starting plan with a line, so a facilitator
can say at a glance where the room went from where it began. The data is the long form of
:func:`models.rooms.spread_data` (columns ``plan``, ``value``); a share [0-1] is drawn as
a percentage.
"""

from __future__ import annotations

import altair as alt

from charts.axes import amount_axis
from presentation.formatting import format_figure

#: Most bands of a room's histogram: readable from the back of a room with 30 plans.
MAX_BANDS = 10
#: The bars' colour, and the starting plan's line's.
PLAN_COLOUR = "#1f5fa8"
START_COLOUR = "#b35400"


def _value_axis(unit: str, title: str) -> alt.Axis:
    """Percentages for a share, "48k" for money and counts, two decimals for a ratio."""
    if unit == "0-1":
        return alt.Axis(title=title, format=".0%", tickCount=6, labelOverlap=True)
    if unit.startswith("currency"):
        return amount_axis(title=title)
    return alt.Axis(title=title, format=".2~f", tickCount=6, labelOverlap=True)


def spread_chart(value_title: str, unit: str, currency: str, start: float | None) -> alt.LayerChart:
    """A histogram of one figure over the room's plans, with the starting plan's line.

    Parameters
    ----------
    value_title : str
        The figure's axis title with its unit ("Net income, USD a year").
    unit : str
        The figure's unit as :data:`models.compare.HEADLINE_METRICS` gives it
        (``currency/year``, ``0-1``, ``-``): it picks the axis's format.
    currency : str
        The room's currency, for the starting plan's label.
    start : float or None
        The starting plan's figure, drawn as a line labelled "Start"; None draws no line.

    Notes
    -----
    The bars count plans: with plans earning 60k, 90k, 95k and 150k, the band from 80k to
    100k is 2 plans high. Data-free: draw it with the rows of
    :func:`models.rooms.spread_data` (``st.vega_lite_chart(data, spec)``).
    """
    bars = (
        alt.Chart()
        .mark_bar(color=PLAN_COLOUR, cornerRadiusEnd=2)
        .encode(
            x=alt.X(
                "value:Q",
                bin=alt.Bin(maxbins=MAX_BANDS),
                axis=_value_axis(unit, value_title),
            ),
            y=alt.Y("count():Q", title="Plans", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[
                alt.Tooltip("value:Q", bin=alt.Bin(maxbins=MAX_BANDS), title=value_title),
                alt.Tooltip("count():Q", title="Plans"),
            ],
        )
    )
    if start is None:
        return alt.LayerChart(layer=[bars])
    # One row (the plans counted) for the line and its label, so each is drawn once.
    once = alt.Chart().transform_aggregate(plans="count()")
    line = once.mark_rule(color=START_COLOUR, strokeWidth=3, strokeDash=[8, 4]).encode(
        x=alt.datum(start)
    )
    label = once.mark_text(color=START_COLOUR, align="left", dx=6, baseline="top", y=2).encode(
        x=alt.datum(start), text=alt.datum(f"Start: {format_figure(start, unit, currency)}")
    )
    return alt.LayerChart(layer=[bars, line, label])
