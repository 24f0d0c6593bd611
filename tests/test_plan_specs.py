"""The Plan page's stored Vega-Lite specs (charts/plan_specs.json) against Altair's."""

from charts.plan import hours_chart, money_chart, vega_lite_spec
from charts.plan_specs import plan_spec, with_rows


def test_the_stored_specs_are_what_altair_builds():
    """A changed builder fails here until ``make docs`` stores its spec again."""
    assert plan_spec("hours") == vega_lite_spec(hours_chart)
    assert plan_spec("money", "EUR") == vega_lite_spec(money_chart, "EUR")


def test_a_stored_spec_is_a_fresh_copy_with_its_rows_inline():
    """Drawing one chart never changes the spec the next one starts from; the rows sit in a
    layer of one view, where Streamlit leaves them in the spec (no Arrow table, no pandas)."""
    rows = [{"offer": "Mastermind", "measure": "Revenue", "amount": 48_000.0, "offer_order": 0}]
    drawn = with_rows(plan_spec("money", "USD"), rows)
    (view,) = drawn["layer"]
    view["encoding"]["x"]["title"] = "changed"
    assert "data" not in drawn
    assert view["data"] == {"values": rows}
    assert drawn["config"] == plan_spec("money", "USD")["config"]
    assert plan_spec("money", "USD")["encoding"]["x"]["title"] == "USD a year"
