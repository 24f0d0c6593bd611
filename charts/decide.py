"""Charts of the Decide page: data-free Altair builders, drawn with the data of models' analyses.

Like charts.plan, each builder describes a chart without its data, so its spec is
built once per process (``charts.plan.vega_lite_spec``).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from charts.axes import AMOUNT_LABELS, amount_axis
from models.sensitivity import Sensitivity
from models.uncertainty import Draws, Driver, histogram

#: Bars of the tornado.
TORNADO_BARS = 12


#: How a tornado bar and a data-table cell say whether the plan there fits your hours.
FITS_YOUR_HOURS = "fits your hours"
OVER_YOUR_HOURS = "over your hours"
NOT_A_VALID_PLAN = "not a valid plan"


def tornado_data(result: Sensitivity) -> pd.DataFrame:
    """Rows of :func:`tornado_chart`: the inputs that move net income most, two bars each.

    Columns: input, rank, end ("down" or "up"), value (the input there), change (net
    income there minus as planned) [currency/year], net_income [currency/year], fits
    ("fits your hours" or "over your hours") and mark (a label on the bars that do not fit).
    """
    rows = []
    moving = [row for row in result.rows if row.swing > 0][:TORNADO_BARS]
    for rank, row in enumerate(moving):
        for end, value, net, over in (
            ("down", row.low_value, row.low_net_income, row.low_over_capacity),
            ("up", row.high_value, row.high_net_income, row.high_over_capacity),
        ):
            fits = OVER_YOUR_HOURS if over else FITS_YOUR_HOURS
            rows.append((row.label, rank, end, value, net - result.net_income, net, fits))
    bars = pd.DataFrame(
        rows, columns=["input", "rank", "end", "value", "change", "net_income", "fits"]
    )
    return bars.assign(mark=bars["fits"].where(bars["fits"] == OVER_YOUR_HOURS, ""))


def _ranked_rows(field: str) -> alt.Y:
    """One row per value of ``field``, the first in ``rank`` on top, names up to 320 px wide."""
    return alt.Y(
        f"{field}:N",
        title=None,
        sort=alt.EncodingSortField("rank", op="min"),
        axis=alt.Axis(labelLimit=320),
    )


def tornado_chart(currency: str) -> alt.LayerChart:
    """Net income's change with each input moved down and up, the largest swing on top; a bar
    whose plan needs more hours than you have is pale with a red outline and labelled."""
    base = alt.Chart().encode(
        y=_ranked_rows("input"),
        x=alt.X(
            "change:Q",
            title=f"Change in net income, {currency} a year",
            axis=amount_axis(),
        ),
    )
    bars = base.mark_bar(strokeWidth=2).encode(
        color=alt.Color(
            "end:N",
            title="Input moved",
            scale=alt.Scale(domain=["down", "up"], range=["#c9a227", "#2f6f4f"]),
            legend=alt.Legend(orient="bottom"),
        ),
        opacity=alt.Opacity(
            "fits:N",
            title="The plan there",
            scale=alt.Scale(domain=[FITS_YOUR_HOURS, OVER_YOUR_HOURS], range=[1.0, 0.35]),
            legend=alt.Legend(orient="bottom"),
        ),
        stroke=alt.condition(
            f"datum.fits == '{OVER_YOUR_HOURS}'", alt.value("#b00020"), alt.value(None)
        ),
        strokeDash=alt.value([4, 2]),
        tooltip=[
            alt.Tooltip("input:N", title="Input"),
            alt.Tooltip("end:N", title="Moved"),
            alt.Tooltip("value:Q", title="Value", format=",.4~g"),
            alt.Tooltip("net_income:Q", title=f"Net income, {currency}", format=",.0f"),
            alt.Tooltip("change:Q", title="Change", format="+,.0f"),
            alt.Tooltip("fits:N", title="The plan there"),
        ],
    )
    labels = base.mark_text(
        align=alt.expr("datum.change < 0 ? 'right' : 'left'"),
        dx=alt.expr("datum.change < 0 ? -4 : 4"),
        color="#b00020",
        fontSize=11,
    ).encode(text="mark:N")
    return alt.LayerChart(layer=[bars, labels])


#: The height of one row of the two-input table. [px]
DATA_TABLE_ROW = 34


def data_table_chart(currency: str, across: str, down: str) -> alt.LayerChart:
    """Net income for each pair of values, as a heat map; cells over capacity are crossed out.

    Each axis names its input in full: the row input's name sits above its values, level,
    so a long name ("Leaders mastermind → Members per cohort") is never cut by a short table;
    rows are :data:`DATA_TABLE_ROW` high whatever their number (a whole count may give 11).
    """
    base = alt.Chart().encode(
        x=alt.X("across:O", title=across, axis=alt.Axis(format=",.4~g", labelAngle=0)),
        y=alt.Y(
            "down:O",
            title=down,
            sort="descending",
            axis=alt.Axis(
                format=",.4~g",
                titleAngle=0,
                titleAlign="left",
                titleAnchor="end",
                titleBaseline="bottom",
                titleX=0,
                titleY=-8,
            ),
        ),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "net_income:Q",
            title=f"Net income, {currency}",
            scale=alt.Scale(scheme="greens"),
            legend=alt.Legend(orient="bottom", labelExpr=AMOUNT_LABELS),
        ),
        tooltip=[
            alt.Tooltip("across:Q", title=across, format=",.4~g"),
            alt.Tooltip("down:Q", title=down, format=",.4~g"),
            alt.Tooltip("net_income:Q", title=f"Net income, {currency}", format=",.0f"),
            alt.Tooltip("total_hours:Q", title="Hours a year", format=",.0f"),
            alt.Tooltip("fits:N", title="The plan there"),
        ],
    )
    labels = base.mark_text(fontSize=12).encode(
        text=alt.Text("label:N"),
        color=alt.condition("datum.over_capacity", alt.value("#b00020"), alt.value("black")),
    )
    return alt.LayerChart(layer=[cells, labels]).properties(height=alt.Step(DATA_TABLE_ROW))


def data_table_data(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`data_table_chart`: the table with a short label, "over" and "not valid"
    marked."""
    short = table["net_income"].map(lambda value: f"{value / 1000:,.0f}k")
    label = short.where(~table["over_capacity"], short + " ✕")
    fits = table["over_capacity"].map({True: OVER_YOUR_HOURS, False: FITS_YOUR_HOURS})
    return table.assign(
        label=label.where(table["valid"], "✕ " + NOT_A_VALID_PLAN),
        fits=fits.where(table["valid"], NOT_A_VALID_PLAN),
    )


#: The outcomes a simulated plan falls in, as the histogram's legend says them. A plan
#: "fits" when its hours fit your working year, its client work your delivery capacity and
#: every offer its market (:attr:`models.uncertainty.Draws.fits`).
REACHES_AND_FITS = "reaches the target and fits"
REACHES_OVER_HOURS = "reaches the target, does not fit"
BELOW_TARGET = "below the target"
PLAN_FITS = "fits your hours, energy and market"
PLAN_DOES_NOT_FIT = "does not fit"
#: Outcome → its colour: with a target the first three, without one the last two.
OUTCOME_COLOURS = {
    BELOW_TARGET: "#c9a227",
    REACHES_OVER_HOURS: "#e07b39",
    REACHES_AND_FITS: "#2f6f4f",
    PLAN_FITS: "#5b7db1",
    PLAN_DOES_NOT_FIT: "#b00020",
}


def histogram_data(draws: Draws, target: float | None) -> pd.DataFrame:
    """Rows of :func:`histogram_chart`: the bins of take-home income (net income after tax,
    what the target is compared with), each split by outcome (whether the plan reaches the
    target, and whether it fits)."""
    fits = draws.fits
    if target is None:
        groups = {PLAN_FITS: fits, PLAN_DOES_NOT_FIT: ~fits}
    else:
        reaches = draws.take_home >= target
        groups = {
            REACHES_AND_FITS: reaches & fits,
            REACHES_OVER_HOURS: reaches & ~fits,
            BELOW_TARGET: ~reaches,
        }
    bins = histogram(draws.take_home, groups=groups)
    return bins[bins["samples"] > 0].rename(columns={"group": "outcome"})


def outcomes_drawn(bins: pd.DataFrame) -> tuple[str, ...]:
    """The outcomes :func:`histogram_data` has plans in, in the legend's order: the legend of
    :func:`histogram_chart` names these and no other."""
    present = set(bins["outcome"])
    return tuple(outcome for outcome in OUTCOME_COLOURS if outcome in present)


def histogram_chart(currency: str, outcomes: tuple[str, ...]) -> alt.Chart:
    """How the simulated plans' take-home income spreads, coloured by outcome; the legend lists
    ``outcomes``, the ones drawn (:func:`outcomes_drawn`), so no entry names an empty series."""
    chart: alt.Chart = (
        alt.Chart()
        .mark_bar(binSpacing=0)
        .encode(
            x=alt.X(
                "start:Q",
                bin="binned",
                title=f"Take-home income (after tax), {currency} a year",
                axis=amount_axis(),
            ),
            x2="end:Q",
            y=alt.Y("share:Q", title="Share of plans", axis=alt.Axis(format="%")),
            color=alt.Color(
                "outcome:N",
                title=None,
                scale=alt.Scale(
                    domain=list(outcomes),
                    range=[OUTCOME_COLOURS[outcome] for outcome in outcomes],
                ),
                sort=list(outcomes),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=320),
            ),
            tooltip=[
                alt.Tooltip("outcome:N", title="Plans that"),
                alt.Tooltip("start:Q", title="From", format=",.0f"),
                alt.Tooltip("end:Q", title="To", format=",.0f"),
                alt.Tooltip("share:Q", title="Share of all plans", format=".1%"),
            ],
        )
    )
    return chart


#: How a driver's direction reads: more of the figure gives more, or less, net income.
MORE_GIVES_MORE = "more → higher net income"
MORE_GIVES_LESS = "more → lower net income"


def drivers_data(drivers: Sequence[Driver]) -> pd.DataFrame:
    """Rows of :func:`drivers_chart`, largest share first: figure, rank, share [0-1] of net
    income's spread it explains, direction in words and the bar's label ("explains 46% of the
    spread · more → higher net income")."""
    rows = [
        (
            driver.label,
            rank,
            driver.share_of_spread,
            MORE_GIVES_MORE if driver.correlation > 0 else MORE_GIVES_LESS,
        )
        for rank, driver in enumerate(drivers)
    ]
    bars = pd.DataFrame(rows, columns=["figure", "rank", "share", "direction"])
    explains = bars["share"].map(lambda share: "under 1%" if share < 0.005 else f"{share:.0%}")
    return bars.assign(label="explains " + explains + " of the spread · " + bars["direction"])


def drivers_chart() -> alt.LayerChart:
    """What drives the spread: each figure's share of net income's spread as a 0-100% bar,
    the largest on top, labelled with the share and the direction in words."""
    base = alt.Chart().encode(
        y=_ranked_rows("figure"),
        x=alt.X(
            "share:Q",
            title="Share of the spread in net income it explains",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%"),
        ),
        tooltip=[
            alt.Tooltip("figure:N", title="Figure"),
            alt.Tooltip("share:Q", title="Explains", format=".0%"),
            alt.Tooltip("direction:N", title="Direction"),
        ],
    )
    bars = base.mark_bar(color="#2f6f4f")
    # A label past the middle goes inside its bar, in white; any other right of it.
    labels = base.mark_text(
        align=alt.expr("datum.share > 0.5 ? 'right' : 'left'"),
        dx=alt.expr("datum.share > 0.5 ? -6 : 6"),
        color=alt.expr("datum.share > 0.5 ? 'white' : '#1f1f1f'"),
        fontSize=12,
    ).encode(text="label:N")
    return alt.LayerChart(layer=[bars, labels]).properties(height=alt.Step(30))
