"""Charts of a workshop room's view: how one figure is spread over the room's plans.

Each chart counts the plans in bands of the figure (a histogram: "4 plans earn between
80k and 100k a year") and marks the room's starting plan with a dashed line (its figure is
written above the chart), so a facilitator can say at a glance where the room went from
where it began. The data is the long form of :func:`models.room_summary.spread_data`
(columns ``plan``, ``value``); a share [0-1] is drawn as a percentage.
"""

from __future__ import annotations

import altair as alt

from charts.axes import amount_axis

#: Most bands of a room's histogram: readable from the back of a room with 30 plans.
MAX_BANDS = 10
#: The bars' colour, and the starting plan's dashed line's.
PLAN_COLOUR = "#1f5fa8"
START_COLOUR = "#b35400"


def _value_axis(unit: str, title: str) -> alt.Axis:
    """Percentages for a share, "48k" for money and counts, two decimals for a ratio."""
    if unit == "0-1":
        return alt.Axis(title=title, format=".0%", tickCount=6, labelOverlap=True)
    if unit.startswith("currency"):
        return amount_axis(title=title)
    return alt.Axis(title=title, format=".2~f", tickCount=6, labelOverlap=True)


#: The narrowest band of a figure, by its unit: a room whose plans all have leverage 0.51
#: shows one band from 0.50 to 0.55, not ten slivers.
SMALLEST_BAND = {"0-1": 0.05, "-": 0.05}
#: The narrowest band of money. [currency/year]
SMALLEST_MONEY_BAND = 1000.0


def spread_chart(value_title: str, unit: str, start: float | None) -> alt.LayerChart:
    """A histogram of one figure over the room's plans, with the starting plan's line.

    Parameters
    ----------
    value_title : str
        The figure's axis title with its unit ("Net income, USD a year").
    unit : str
        The figure's unit as :data:`models.compare.HEADLINE_METRICS` gives it
        (``currency/year``, ``0-1``, ``-``): it picks the axis's format and the narrowest
        band (:data:`SMALLEST_BAND`).
    start : float or None
        The starting plan's figure, drawn as a dashed line; None draws no line.

    Notes
    -----
    The bars count plans: with plans earning 60k, 90k, 95k and 150k, the band from 80k to
    100k is 2 plans high. Data-free: draw it with the rows of
    :func:`models.room_summary.spread_data` (``st.vega_lite_chart(data, spec)``).
    """
    smallest = SMALLEST_BAND.get(unit, SMALLEST_MONEY_BAND)
    bands = alt.Bin(maxbins=MAX_BANDS, minstep=smallest)
    bars = (
        alt.Chart()
        .mark_bar(color=PLAN_COLOUR, cornerRadiusEnd=2)
        .encode(
            x=alt.X("value:Q", bin=bands, axis=_value_axis(unit, value_title)),
            y=alt.Y("count():Q", title="Plans", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[
                alt.Tooltip("value:Q", bin=bands, title=value_title),
                alt.Tooltip("count():Q", title="Plans"),
            ],
        )
    )
    if start is None:
        return alt.LayerChart(layer=[bars])
    # One row (the plans counted) for the line, so it is drawn once.
    line = (
        alt.Chart()
        .transform_aggregate(plans="count()")
        .mark_rule(color=START_COLOUR, strokeWidth=3, strokeDash=[8, 4])
        .encode(x=alt.datum(start))
    )
    return alt.LayerChart(layer=[bars, line])
