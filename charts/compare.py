"""Charts of the Compare page: grouped bars, one bar per scenario in each group."""

from __future__ import annotations

import altair as alt

from charts.axes import amount_axis


def grouped_bars(
    group_field: str, group_title: str, value_field: str, value_title: str
) -> alt.Chart:
    """Bars of ``value_field`` for each ``group_field``, side by side per scenario.

    Draws long-form rows with columns scenario, ``group_field`` and ``value_field``.
    """
    chart: alt.Chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X(
                f"{group_field}:N",
                title=group_title,
                axis=alt.Axis(labelAngle=-30, labelLimit=160, labelOverlap=False),
            ),
            xOffset=alt.XOffset("scenario:N"),
            y=alt.Y(f"{value_field}:Q", title=value_title, axis=amount_axis()),
            color=alt.Color(
                "scenario:N", title="Scenario", legend=alt.Legend(orient="bottom", columns=1)
            ),
            tooltip=[
                alt.Tooltip("scenario:N", title="Scenario"),
                alt.Tooltip(f"{group_field}:N", title=group_title),
                alt.Tooltip(f"{value_field}:Q", title=value_title, format=",.0f"),
            ],
        )
        .properties(height=300)
    )
    return chart
