"""Chart builders, read through to_dict(), and the data each one draws."""

import itertools
import math

import pytest

from charts.compare import grouped_bars
from charts.plan import (
    CATEGORY_NAMES,
    hours_chart,
    hours_chart_data,
    money_chart,
    money_chart_data,
    vega_lite_spec,
)
from charts.scale import (
    frontier_chart,
    frontier_data,
    growth_chart,
    growth_data,
    lever_chart,
    lever_data,
)
from models import evaluate
from models.compare import hours_by_scenario
from models.examples import DEFAULT_EXAMPLE, load_example
from models.scale import automation_frontier, scale
from models.tables import hours_by_category, money_by_offer

RESULT = evaluate(load_example(DEFAULT_EXAMPLE))


def fields(layer):
    """Channel → field of a layer's encoding (tooltips, which are lists, left out)."""
    return {
        channel: spec.get("field")
        for channel, spec in layer["encoding"].items()
        if isinstance(spec, dict)
    }


def test_hours_chart_stacks_categories_per_offer_against_a_capacity_rule():
    spec = hours_chart().to_dict()
    bars, rule, label = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert fields(bars)["y"] == "offer" and fields(bars)["color"] == "category"
    assert bars["encoding"]["x"]["aggregate"] == "sum"
    assert bars["encoding"]["x"]["title"] == "Hours a year"
    assert bars["encoding"]["color"]["scale"]["domain"] == CATEGORY_NAMES
    assert rule["mark"]["type"] == "rule" and fields(rule)["x"] == "capacity"
    assert fields(label)["text"] == "label"


def test_hours_chart_data_puts_the_whole_plan_first_with_the_capacity():
    data = hours_chart_data(hours_by_category(RESULT, whole_plan=True), 1840)
    assert data["offer"].iloc[0] == "Whole plan"
    assert data.groupby("offer")["offer_order"].first()["Whole plan"] == 0
    assert set(data["capacity"]) == {1840}
    whole = data[data["offer"] == "Whole plan"]["hours"].sum()
    # the whole plan's bar is the model's total: 1,206 h for the default example
    assert whole == pytest.approx(RESULT.totals.total_hours)
    rest = data[data["offer"] != "Whole plan"]["hours"].sum()
    assert rest == pytest.approx(RESULT.totals.total_hours)  # offers + fixed admin


def test_money_chart_sets_revenue_beside_contribution_in_the_currency():
    spec = money_chart("EUR").to_dict()
    assert spec["encoding"]["x"]["title"] == "EUR a year"
    assert fields(spec)["yOffset"] == "measure"
    data = money_chart_data(money_by_offer(RESULT))
    assert list(data.columns) == ["offer", "measure", "amount", "offer_order"]
    assert len(data) == 2 * len(RESULT.offers)


def test_specs_carry_no_data_and_are_built_once():
    spec = vega_lite_spec(hours_chart)
    assert "datasets" not in spec and "data" not in spec
    assert all("data" not in layer for layer in spec["layer"])
    assert vega_lite_spec(hours_chart) is spec


def test_lever_chart_draws_curves_markers_and_the_hours_available_with_a_legend_for_each():
    from presentation.levers import BOUND_WORDS

    result = scale(load_example(DEFAULT_EXAMPLE))
    spec = lever_chart("USD").to_dict()
    lines, ceilings, today, right, left, off_chart, rule = spec["layer"]
    assert fields(lines)["x"] == "offer_hours" and fields(lines)["y"] == "contribution"
    assert all(layer["mark"]["clip"] for layer in (lines, ceilings, today))
    # Offers in a scheme of distinct hues, never Streamlit's pairs of near-identical blues.
    assert lines["encoding"]["color"]["scale"] == {"scheme": "tableau10"}
    # The legend names both markers and the rule, not only a caption.
    for marker, shape in ((ceilings, "diamond"), (today, "circle")):
        assert marker["mark"]["type"] == "point"
        assert marker["encoding"]["shape"]["field"] == "point", shape
        assert marker["encoding"]["shape"]["scale"] == {
            "domain": ["today", "ceiling"], "range": ["circle", "diamond"],
        }  # fmt: skip
        assert marker["encoding"]["shape"]["title"] == "Markers"
    assert rule["encoding"]["strokeDash"]["title"] == "Your capacity"
    assert rule["transform"][-1]["calculate"] == "'hours you have for offers'"
    assert fields(right)["text"] == fields(left)["text"] == "label"
    assert (right["mark"]["align"], left["mark"]["align"]) == ("left", "right")
    assert fields(off_chart)["text"] == "label"
    assert fields(rule)["x"] == "available"
    data = lever_data(result, 1656)
    ceiling_rows = data[data["point"] == "ceiling"]
    # Each ceiling names what stops it in words, never as a code.
    assert list(ceiling_rows["bound"]) == [BOUND_WORDS[lever.bound] for lever in result.offers]
    assert list(ceiling_rows["offer"]) == [lever.name for lever in result.offers]
    assert list(ceiling_rows["contribution"]) == [
        lever.ceiling.contribution for lever in result.offers
    ]
    today_rows = data[data["point"] == "today"].set_index("offer")
    for lever in result.offers:
        (planned,) = [point for point in lever.points if point.quantity == lever.quantity]
        assert today_rows.loc[lever.name, "contribution"] == planned.contribution


def test_every_offer_of_seven_gets_its_own_colour():
    """The portfolio's seven offers each take one of tableau10's ten distinct hues."""
    result = scale(load_example("portfolio-every-lever"))
    assert len(result.offers) == 7
    scheme = lever_chart("USD").to_dict()["layer"][0]["encoding"]["color"]["scale"]["scheme"]
    assert scheme == "tableau10"  # ten distinct hues: blue, orange, red, teal, green …
    data = lever_data(result, 1840)
    assert data["offer"].nunique() == 7


def _lever(points, quantity, ceiling):
    from models.scale import Ceiling, Marginal, OfferScale, ScalePoint

    curve = tuple(ScalePoint(q, 0.0, c, h, h) for q, h, c in points)
    at = next(point for point in curve if point.quantity == ceiling)
    return OfferScale(
        name="Circle",
        kind="group_program",
        quantity_field="participants",
        quantity=quantity,
        bound="time",
        ceiling=Ceiling(ceiling, 0.0, at.contribution, at.offer_hours, at.offer_hours),
        marginal=Marginal(1.0, 1.0, 1.0),
        points=curve,
    )


def test_a_line_far_above_every_marker_is_clipped_and_labelled_with_its_highest_value():
    from models.scale import ScaleResult

    # Quantity, hours, contribution: today and the ceiling are both at 10 (100 h, 10,000).
    lever = _lever([(0, 0, 0), (10, 100, 10_000), (20, 200, 100_000)], 10, 10)
    data = lever_data(ScaleResult(offers=(lever,)), 1000)
    # The plot reaches 1.5 × 10,000 = 15,000. The line crosses it between (100 h, 10,000) and
    # (200 h, 100,000): 5,000 / 90,000 of the way, at 100 + 100 × 5/90 = 105.56 h.
    curve = data[data["point"] == "curve"]
    assert curve["contribution"].max() == pytest.approx(15_000)
    assert curve["offer_hours"].tolist() == pytest.approx([0, 100, 105.5556], abs=1e-3)
    (exit_row,) = data[data["point"] == "off the chart"].itertuples()
    assert (exit_row.offer_hours, exit_row.contribution) == (
        pytest.approx(105.5556, abs=1e-3),
        pytest.approx(15_000),
    )
    assert exit_row.highest == 100_000  # labelled "↑ 100k"
    # Every value drawn is in the plot.
    assert data["contribution"].max() <= 15_000


def test_no_line_is_clipped_in_the_examples_and_every_value_is_inside_the_plot():
    from charts.scale import HEADROOM

    for example in ("portfolio-every-lever", "course-creator", "coach-mastermind-retreat"):
        result = scale(load_example(example))
        data = lever_data(result, 1840)
        markers = data[data["point"].isin(["today", "ceiling"])]
        assert data["contribution"].max() <= HEADROOM * markers["contribution"].max()
        drawn = data[data["point"] == "curve"]
        assert len(drawn) == sum(len(lever.points) for lever in result.offers), example


def test_the_lever_charts_ceiling_marker_sits_on_its_offers_curve():
    result = scale(load_example("course-creator"))
    data = lever_data(result, 1656)
    program = data[data["offer"] == "Career change program"]
    (marker,) = program[program["point"] == "ceiling"].itertuples()
    # The ceiling is the market's: a list of 15,000 at 2% gives 300 students. The program's
    # own hours there are its 318 fixed hours (474 / 3 creation + 40 upkeep + 2 × 60 launch
    # BD) + 300 × 0.95 h = 603 h, and its contribution 300 × 797 × 0.95 − 300 × 40 = 215,145.
    # (Taking the fixed hours off, as the marker once did, put it 318 h left of its line.)
    assert "market" in marker.bound
    assert (marker.offer_hours, marker.contribution) == (
        pytest.approx(603.0),
        pytest.approx(215_145.0),
    )
    curve = program[program["point"] == "curve"]
    on_curve = curve[
        (curve["offer_hours"] - marker.offer_hours).abs().lt(1e-9)
        & (curve["contribution"] - marker.contribution).abs().lt(1e-6)
    ]
    assert len(on_curve) == 1
    # and so for every offer of every example: each marker is a vertex of its own line
    for example in ("portfolio-every-lever", "coach-mastermind-retreat", "program-licensing"):
        rows = lever_data(scale(load_example(example)), 0)
        for offer, drawn in rows.groupby("offer"):
            line = drawn[drawn["point"] == "curve"]
            vertices = set(zip(line["offer_hours"], line["contribution"], strict=True))
            (ceiling,) = drawn[drawn["point"] == "ceiling"].itertuples()
            assert (ceiling.offer_hours, ceiling.contribution) in vertices, (example, offer)


def test_growth_and_frontier_charts():
    scenario = load_example("course-creator")
    result = scale(scenario)
    hours = growth_chart("Scenario hours", "Hours a year", "students").to_dict()
    assert len(hours["layer"]) == 4  # the line, plan, ceiling and capacity
    contribution = growth_chart("Contribution", "USD a year", "students").to_dict()
    assert len(contribution["layer"]) == 3
    data = growth_data(result, "Career change program", 1840)
    assert set(data["measure"]) == {"Contribution", "Scenario hours"}
    frontier = frontier_data(automation_frontier(scenario, "Career change program"))
    assert frontier["price"].iloc[0] == 1997 and frontier["price"].iloc[-1] == 497
    assert frontier_chart("USD").to_dict()["resolve"] == {"scale": {"y": "independent"}}


def test_grouped_bars_put_one_bar_per_scenario_in_each_group():
    colours = ("#1f5fa8", "#b35400")
    spec = grouped_bars("category", "Category", "hours", "Hours a year", ("B", "A"), colours)
    spec = spec.to_dict()
    assert fields(spec)["yOffset"] == "scenario" and fields(spec)["color"] == "scenario"
    # the order picked (B before A), each scenario its own colour, on every chart alike
    assert spec["encoding"]["yOffset"]["sort"] == ["B", "A"]
    assert spec["encoding"]["color"]["scale"] == {"domain": ["B", "A"], "range": list(colours)}
    # five scenarios stay readable: the plot grows by a fixed height per bar
    assert spec["height"] == {"step": 11, "for": "offset"}
    data = hours_by_scenario([RESULT, RESULT], ["A", "B"])
    assert len(data) == 2 * len(CATEGORY_NAMES)


def test_timeline_charts_draw_the_months_against_capacity_the_cash_and_the_lanes():
    from charts.plan import in_plan_order
    from charts.timeline import (
        cash_chart,
        cash_data,
        lanes_chart,
        monthly_hours_chart,
        monthly_hours_data,
    )
    from models.tables import hours_by_month, months_table, offer_phases
    from models.timeline import build_timeline

    report = build_timeline(load_example("course-creator"))
    bars, rule, delivery_cap = monthly_hours_chart().to_dict()["layer"]
    assert fields(bars) | {"y": "hours"} == {
        "x": "month", "y": "hours", "color": "category", "order": "category_order",
    }  # fmt: skip
    assert fields(rule) == {"y": "capacity"}
    assert fields(delivery_cap) == {"y": "delivery_capacity"}
    hours = monthly_hours_data(hours_by_month(report.timeline), report.capacity_hours)
    assert hours["delivery_capacity"].isna().all()  # no cap: no line
    capped = monthly_hours_data(hours_by_month(report.timeline), report.capacity_hours, 60.0)
    assert set(capped["delivery_capacity"]) == {60.0}
    # 474 creation hours over months 1-6: 79 h a month, and none once it sells
    creation = hours[hours["category"] == "Creation"].set_index("month")["hours"]
    assert creation.loc[1:6].tolist() == pytest.approx([79] * 6)
    assert creation.loc[7] == pytest.approx(40 / 12)  # upkeep only
    assert set(hours["capacity"]) == {report.capacity_hours}

    monthly, so_far = cash_chart("USD").to_dict()["vconcat"]
    # Two panels over the same months, each with its own axis and title.
    assert fields(monthly)["y"] == "net_income" and fields(so_far)["y"] == "cumulative_net_income"
    assert monthly["encoding"]["y"]["title"] == "USD a month"
    assert so_far["encoding"]["y"]["title"] == "USD so far"
    assert fields(monthly)["x"] == fields(so_far)["x"] == "month"
    # One legend names the bars (a loss in red) and the line.
    for panel in (monthly, so_far):
        assert panel["encoding"]["color"]["scale"]["domain"] == [
            "net income that month", "a month at a loss", "net income so far",
        ]  # fmt: skip
    assert list(cash_data(months_table(report.timeline)).columns) == [
        "month", "net_income", "cumulative_net_income",
    ]  # fmt: skip

    lanes = in_plan_order(offer_phases(report))
    course = lanes[lanes["offer"] == "Career change program"]
    assert course[["phase", "first_month", "last_month"]].values.tolist() == [
        ["creating", 1, 6], ["ramping up", 7, 9], ["running", 10, 36],
    ]  # fmt: skip
    assert set(course["offer_order"]) == {1}
    assert fields(lanes_chart().to_dict())["x2"] == "end"


def test_decide_charts_draw_the_models_swings_cells_and_bins():
    import numpy as np

    from charts.decide import (
        TORNADO_BARS,
        data_table_chart,
        data_table_data,
        histogram_chart,
        histogram_data,
        outcomes_drawn,
        tornado_chart,
        tornado_data,
    )
    from models.inputs import Input
    from models.sensitivity import data_table, sensitivity
    from models.uncertainty import draw, ranges_around, with_ranges

    scenario = load_example(DEFAULT_EXAMPLE)
    result = sensitivity(scenario)
    bars = tornado_data(result)
    bars_layer, marks_layer = tornado_chart("USD").to_dict()["layer"]
    assert {"x": "change", "y": "input", "color": "end", "opacity": "fits"}.items() <= fields(
        bars_layer
    ).items()
    assert fields(marks_layer)["text"] == "mark"
    # At most TORNADO_BARS bars, of the inputs that move net income at all (a single retreat
    # ±20% rounds back to 1 retreat, so it is not one of them).
    moving = [row for row in result.rows if row.swing > 0]
    assert bars["input"].nunique() == min(TORNADO_BARS, len(moving)) == 11
    # An end is marked exactly when the model says the plan there is over capacity: Maya's
    # 1:1 practice at 27.6, so 28 whole clients, needs 2,140 h of 1,840 h.
    maya = sensitivity(load_example("coach-one-to-one"))
    marked = tornado_data(maya)
    for row in maya.rows:
        ends = marked[marked["input"] == row.label].set_index("end")["mark"]
        if len(ends):
            assert (ends["down"] == "over your hours") == row.low_over_capacity
            assert (ends["up"] == "over your hours") == row.high_over_capacity
    clients = marked[marked["input"] == "Executive coaching → Clients per year"]
    assert clients.set_index("end")["mark"].to_dict() == {"down": "", "up": "over your hours"}
    top = result.rows[0]
    # Each bar is net income at the input's end minus net income as planned.
    assert bars[bars["input"] == top.label]["change"].tolist() == pytest.approx(
        [top.low_net_income - result.net_income, top.high_net_income - result.net_income]
    )
    table = data_table(scenario, Input(None, "hours_per_week"), Input(top.offer, top.field), 60)
    cells = data_table_data(table)
    assert cells["label"].str.endswith(" ✕").tolist() == table["over_capacity"].tolist()
    assert table["over_capacity"].any() and not table["over_capacity"].all()
    cells_layer, labels_layer = data_table_chart("USD", "a", "b").to_dict()["layer"]
    assert fields(cells_layer)["color"] == "net_income"
    assert fields(labels_layer)["text"] == "label"

    draws = draw(with_ranges(scenario, ranges_around(scenario, 20)), 5000)
    target = float(np.median(draws.take_home))
    bins = histogram_data(draws, target=target)
    assert bins["samples"].sum() == 5000
    # Each outcome holds exactly its plans: take-home reaching the target, and fitting (hours,
    # client work and markets) or not.
    reaches, fits = draws.take_home >= target, draws.fits
    by_outcome = bins.groupby("outcome")["samples"].sum()
    assert by_outcome.get("reaches the target and fits", 0) == (reaches & fits).sum()
    assert by_outcome.get("reaches the target, does not fit", 0) == (reaches & ~fits).sum()
    assert by_outcome["below the target"] == (~reaches).sum()
    assert bins["share"].sum() == pytest.approx(1)
    spec = histogram_chart("USD", outcomes_drawn(bins)).to_dict()
    assert fields(spec)["y"] == "share"
    # The legend names exactly the outcomes drawn, in its fixed order.
    order = ["below the target", "reaches the target, does not fit", "reaches the target and fits"]
    drawn = set(bins["outcome"])
    assert spec["encoding"]["color"]["scale"]["domain"] == [o for o in order if o in drawn]
    # Only plans that fit: the legend has no entry for plans that do not.
    fitting = histogram_data(draws, target=None)
    fitting = fitting[fitting["outcome"] == "fits your hours, energy and market"]
    legend = histogram_chart("USD", outcomes_drawn(fitting)).to_dict()["encoding"]["color"]
    assert legend["scale"]["domain"] == ["fits your hours, energy and market"]


def _label_texts(svg):
    """(left, right, text) of every text an SVG drawn by vl-convert shows, its extent
    estimated at 0.6 em a character (a digit of a sans-serif font is about 0.56 em); the
    texts Vega hides as overlapping (opacity 0) left out."""
    import re

    shown = []
    for attributes, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
        if 'opacity="0"' in attributes:
            continue
        x = float(re.search(r"translate\(([-\d.]+),", attributes).group(1))
        width = 0.6 * float(re.search(r'font-size="([\d.]+)px"', attributes).group(1)) * len(text)
        anchor = re.search(r'text-anchor="(\w+)"', attributes)
        left = {"start": x, "end": x - width}.get(anchor.group(1) if anchor else "", x - width / 2)
        shown.append((left, left + width, text))
    return shown


def _drawn(chart_dict):
    from reports.chart_engine import draw_in_this_process

    return draw_in_this_process(chart_dict, "svg", 1)


@pytest.mark.parametrize("width", [640, 240])
def test_a_48k_to_50k_axis_reads_without_0k_and_its_labels_never_touch(width):
    import altair as alt
    import pandas as pd

    from charts.axes import LABEL_GAP, amount_axis

    data = pd.DataFrame({"amount": [48_000, 50_000], "offer": ["A", "B"]})
    chart = (
        alt.Chart(data)
        .mark_point()
        .encode(x=alt.X("amount:Q", scale=alt.Scale(zero=False), axis=amount_axis()), y="offer:N")
        .properties(width=width)
    )
    labels = [label for label in _label_texts(_drawn(chart.to_dict())) if label[2][:1].isdigit()]
    assert labels[0][2] == "48k" and labels[-1][2] == "50k"
    assert len(labels) >= 3
    for (_, right, text), (left, _, following) in itertools.pairwise(labels):
        assert left - right >= LABEL_GAP / 2, (text, following, left - right)


def test_amount_axes_say_0_at_zero_and_never_0k_or_0_point_2m():
    from charts.axes import AMOUNT_LABELS
    from reports.chart_files import chart_spec

    assert "format(datum.value, '~s')" in AMOUNT_LABELS
    for example, name in (
        ("coach-one-to-one", "cash"),
        ("portfolio-every-lever", "cash"),
        ("portfolio-every-lever", "money"),
        ("portfolio-every-lever", "levers"),
    ):
        texts = {
            text for _, _, text in _label_texts(_drawn(chart_spec(load_example(example), name)))
        }
        assert "0" in texts, (example, name)
        assert not {"0k", "0M", "0.0k"} & texts, (example, name)
        assert not any(text.startswith("0.") and text[-1] in "kMB" for text in texts)
    # The portfolio's 1.26M so far reads "1M", not "1.0M"; 500,000 reads "500k", not "0.5M".
    cash = _drawn(chart_spec(load_example("portfolio-every-lever"), "cash"))
    texts = {text for _, _, text in _label_texts(cash)}
    assert {"500k", "1M"} <= texts


def test_a_scenario_keeps_its_colour_while_it_stays_picked():
    from charts.compare import SCENARIO_COLOURS, colour_slots

    first = colour_slots({}, ["Coach", "Copy", "Retreat"])
    assert first == {"Coach": 0, "Copy": 1, "Retreat": 2}
    # "Copy" leaves from the middle: the others keep theirs; the next one takes the free colour
    assert colour_slots(first, ["Coach", "Retreat"]) == {"Coach": 0, "Retreat": 2}
    assert colour_slots({"Coach": 0, "Retreat": 2}, ["Coach", "Retreat", "Course"])["Course"] == 1
    five = colour_slots({}, list("ABCDE"))
    assert sorted(five.values()) == list(range(len(SCENARIO_COLOURS)))


def test_the_hour_categories_legend_takes_the_columns_the_plot_holds():
    from charts.plan import CATEGORY_COLOR, LEGEND_COLUMN_PIXELS, LEGEND_COLUMNS

    assert CATEGORY_COLOR.to_dict()["legend"]["columns"] == {"expr": LEGEND_COLUMNS}

    def columns(width: float) -> int:  # the Vega expression, in Python
        return max(1, min(4, math.floor(width / LEGEND_COLUMN_PIXELS)))

    # a phone's plot (about 190 px) one column; a projector's (1,500 px) four
    assert (columns(190), columns(400), columns(1500)) == (1, 2, 4)
    assert f"max(1, min(4, floor(width / {LEGEND_COLUMN_PIXELS})))" == LEGEND_COLUMNS
