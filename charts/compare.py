"""Charts of the Compare page: grouped bars, one bar per scenario in each group.

Each compared scenario keeps one colour on the whole page (the headline table and
every chart): :func:`colour_slots` gives each scenario one of
:data:`SCENARIO_COLOURS` when it is picked and keeps it while it stays picked, so
removing a scenario from the middle of the comparison leaves the others' colours
as they were. The charts list the scenarios in the order they were picked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt

from charts.axes import amount_axis

#: One colour per compared scenario (at most five), dark enough to read as text on white.
SCENARIO_COLOURS: tuple[str, ...] = ("#1f5fa8", "#b35400", "#2a7d3e", "#7b3fa0", "#8c3b3b")


def colour_slots(kept: Mapping[str, int], picked: Sequence[str]) -> dict[str, int]:
    """Each picked scenario's colour: the one it had (``kept``), else the first one free.

    Parameters
    ----------
    kept : mapping
        Scenario → position in :data:`SCENARIO_COLOURS` from the page's last run.
    picked : sequence
        The scenarios compared now, in the order picked (at most five).

    Notes
    -----
    Picking "Coach", "Copy", "Retreat" gives them colours 0, 1, 2; removing "Copy"
    keeps "Coach" at 0 and "Retreat" at 2, and the next scenario picked takes 1.
    """
    slots = {name: kept[name] for name in picked if name in kept}
    for name in picked:
        if name not in slots:
            slots[name] = min(set(range(len(SCENARIO_COLOURS))) - set(slots.values()))
    return slots


def grouped_bars(
    group_field: str,
    group_title: str,
    value_field: str,
    value_title: str,
    scenarios: tuple[str, ...],
    colours: tuple[str, ...],
) -> alt.Chart:
    """Horizontal bars of ``value_field`` for each ``group_field``, one bar per scenario.

    Draws long-form rows with columns scenario, ``group_field`` and ``value_field``.
    ``scenarios`` (labels, in the order picked) and ``colours`` (one each) fix the
    bars' order and colours, so every chart of the page colours a scenario alike.
    The groups' name (``group_title``) is the chart's heading on the page.
    The plot grows with the number of scenarios (a fixed height per bar), so five
    stay as readable as two; the group names sit on the left, where long ones fit.
    """
    chart: alt.Chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{group_field}:N",
                title=None,
                sort=None,  # the groups in the order of the rows: hour categories as everywhere
                axis=alt.Axis(labelLimit=180),
            ),
            yOffset=alt.YOffset("scenario:N", sort=list(scenarios)),
            x=alt.X(f"{value_field}:Q", title=value_title, axis=amount_axis()),
            color=alt.Color(
                "scenario:N",
                title="Scenario",
                sort=list(scenarios),
                scale=alt.Scale(domain=list(scenarios), range=list(colours)),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("scenario:N", title="Scenario"),
                alt.Tooltip(f"{group_field}:N", title=group_title),
                alt.Tooltip(f"{value_field}:Q", title=value_title, format=",.0f"),
            ],
        )
        .properties(height=alt.Step(11, **{"for": "offset"}))
    )
    return chart
