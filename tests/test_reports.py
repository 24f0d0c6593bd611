"""Reports: the HTML report, the Excel workbook and PNG charts, checked against the model."""

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from models.compare import HEADLINE_METRICS
from models.evaluation import evaluate
from models.files import load_scenario, scenario_from_document
from models.tables import DEMAND_AND_TEAM_COLUMNS, OFFER_COLUMNS, offers_table
from models.timeline import timeline
from presentation.headline import headlines
from reports.chart_files import CHARTS, PNG_SCALE, chart_png, chart_spec, chart_svg
from reports.html_report import html_report
from reports.workbook import SHEETS, TOTALS_FIGURES, money_format, workbook
from tests.cli_run import leverage
from tests.factories import COACHING, PRACTITIONER

SCENARIOS = Path(__file__).parent.parent / "scenarios"

#: A small practice in euros. By hand:
#: Coaching: 10 clients × 4,000 = 40,000 revenue, no direct costs.
#: Circle: 1 cohort × 6 members × 500 a month × 6 months = 18,000 revenue;
#:         6 sales × 50 = 300 direct costs.
#: Net income = 40,000 + 18,000 − 300 − 5,000 fixed costs = 52,700 → "€52,700".
EURO_PRACTICE = {
    "schema_version": 1,
    "name": "Cabinet <Dupont> & fils",
    "description": "A coach in Lyon.\n\nShe adds a mastermind circle this year.",
    "currency": "EUR",
    "practitioner": PRACTITIONER,
    "offers": [
        COACHING,
        {
            "kind": "mastermind",
            "name": "Circle",
            "cohorts": 1,
            "members_per_cohort": 6,
            "fee_per_member_per_month": 500,
            "months": 6,
            "meetings_per_month": 2,
            "meeting_hours": 2,
            "bd_hours_per_sale": 3,
            "cost_per_sale": 50,
        },
    ],
}


@pytest.fixture(scope="module")
def euro_practice():
    return scenario_from_document(EURO_PRACTICE)


@pytest.fixture(scope="module")
def euro_report(euro_practice):
    return html_report(euro_practice, prepared=date(2026, 11, 22))


class _Links(HTMLParser):
    """Every URL an HTML document would fetch or link to: src, href and xlink:href values,
    plus url(...) in inline styles, and the tags that are there."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.tags = set()
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "srcset", "action", "poster") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(([^)]*)\)", value)

    def handle_data(self, data):
        self.text.append(data)


def _parsed(document):
    links = _Links()
    links.feed(document)
    return links


def _figures(document):
    """Headline figure key → the texts of its label, value and detail, as the report shows them."""
    headline = document.split('<section class="first" id="headline">')[1].split("</section>")[0]
    return {
        chunk.split('"')[0]: re.findall(
            r'<div class="(?:label|value|detail)[^"]*">(.*?)</div>', chunk
        )
        for chunk in headline.split('data-figure="')[1:]
    }


def test_html_report_fetches_nothing(euro_report):
    links = _parsed(euro_report)
    external = [url for url in links.urls if not url.startswith("#")]
    assert external == []
    assert "link" not in links.tags and "img" not in links.tags and "iframe" not in links.tags
    assert "script" not in links.tags
    assert not re.search(r"url\(|@import|https?://", euro_report.split("<body")[0])


def test_html_report_holds_the_headline_in_the_scenario_currency(euro_practice, euro_report):
    assert "€52,700" in euro_report  # worked by hand above
    result = evaluate(euro_practice)
    assert result.totals.net_income == pytest.approx(52_700)
    for figure in headlines(euro_practice, result):
        assert f'data-figure="{figure.key}"' in euro_report
        assert figure.value in euro_report
    # The target line: 52,700 − 60,000 = −7,300.
    assert "-€7,300 against the €60,000 target" in euro_report
    # Hours used: coaching 370 h + circle 24 h meetings + 6 × 3 h BD + 3 × 45 = 135 h fixed
    # admin = 547 h of 40 × 45 = 1,800 h, 30.4%; billable utilisation: the 200 h of coaching
    # sessions and 24 h of circle meetings over 1,800 h = 12.4%.
    figures = _figures(euro_report)
    assert figures["hours"][:2] == ["Hours used", "547 h of 1,800 h"]
    assert figures["hours"][2].startswith("30% used")
    assert figures["billable_utilization"] == ["Billable utilisation", "12%"]


def test_html_report_tells_the_story_with_every_section(euro_report):
    text = " ".join(_parsed(euro_report).text)
    assert "Cabinet <Dupont> & fils" in text  # shown as written …
    assert "<Dupont>" not in euro_report  # … and escaped in the markup
    assert "A coach in Lyon." in text and "She adds a mastermind circle this year." in text
    assert "Prepared November 22, 2026" in text
    for section in ("headline", "charts", "offers", "levers", "timeline", "inputs"):
        assert f'<section class="first" id="{section}"' in euro_report or (
            f'<section id="{section}"' in euro_report
        )
    for chart in ("hours", "money", "cash"):
        assert f'id="chart-{chart}"' in euro_report
    assert euro_report.count("<svg") >= 3
    # Each offer's revenue, in euros, in the money table.
    assert "€40,000" in euro_report and "€18,000" in euro_report
    assert "Break-even: month" in text
    assert "Price per client" in text and "4,000" in text


def test_html_report_prints_one_section_a_page(euro_report):
    css = euro_report.split("</style>")[0]
    assert "@media print" in css and "break-before: page" in css and "@page" in css


def test_html_report_of_a_plan_without_offers():
    scenario = scenario_from_document({**EURO_PRACTICE, "offers": []})
    report = html_report(scenario)
    assert "<svg" not in report and 'id="offers"' not in report
    assert "The plan in eight figures" in report and 'id="inputs"' in report


def test_html_report_shows_the_warnings():
    crowded = {
        **EURO_PRACTICE,
        "practitioner": {**EURO_PRACTICE["practitioner"], "hours_per_week": 5},
    }
    scenario = scenario_from_document(crowded)
    report = html_report(scenario)
    assert "Worth a look" in report
    for warning in evaluate(scenario).warnings:
        assert warning in report


def test_workbook_reopens_with_its_sheets_and_the_model_totals(euro_practice):
    book = openpyxl.load_workbook(io.BytesIO(workbook(euro_practice)))
    assert tuple(book.sheetnames) == SHEETS
    totals = evaluate(euro_practice).totals
    rows = list(book["Totals"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [label for label, _ in TOTALS_FIGURES.values()]
    assert set(HEADLINE_METRICS) <= set(TOTALS_FIGURES)
    for (figure, value, unit), key in zip(rows, TOTALS_FIGURES, strict=True):
        expected = getattr(totals, key)
        assert value == (pytest.approx(expected) if expected is not None else None), figure
        assert "currency" not in unit
    assert rows[0][1] == pytest.approx(52_700)
    # hours used 547 / 1,800; billable utilisation 224 h of delivery / 1,800 h (worked above)
    by_label = {figure: value for figure, value, _ in rows}
    assert by_label["Hours used"] == pytest.approx(547 / 1800)
    assert by_label["Billable utilisation"] == pytest.approx(224 / 1800)
    net_income = book["Totals"]["B2"]
    assert net_income.number_format == money_format("EUR") == '"€"#,##0'


def test_workbook_offers_sheet_equals_the_per_offer_table(euro_practice):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook(euro_practice)))["Offers"]
    table = offers_table(evaluate(euro_practice))
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "Offer" and header[2] == "Revenue (EUR/year)"
    # the per-offer table, then its demand and team (the offer column once, and the three
    # columns the two share, leads, leads needed and associate hours, once)
    assert len(header) == len(OFFER_COLUMNS) + len(DEMAND_AND_TEAM_COLUMNS) - 1 - 3
    for row, expected in zip(
        sheet.iter_rows(min_row=2, values_only=True), table.to_dict("records"), strict=True
    ):
        assert row[0] == expected["offer"]
        assert row[2] == pytest.approx(expected["revenue"])
        assert row[5] == pytest.approx(expected["total_hours"])


def test_workbook_is_laid_out_for_reading(euro_practice):
    book = openpyxl.load_workbook(io.BytesIO(workbook(euro_practice)))
    for sheet in book:
        assert sheet.freeze_panes == "B2", sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value), sheet.title
    offers = book["Offers"]
    assert offers.column_dimensions["A"].width > len("Coaching")
    assert offers["C2"].number_format == '"€"#,##0'
    inputs = book["Inputs"]
    prep = next(
        row[2]
        for row in inputs.iter_rows(min_row=2)
        if (row[0].value, row[1].value) == ("Coaching", "Preparation hours per session")
    )
    assert prep.value == 0.5 and prep.number_format == "General"  # an input is shown as set
    timeline = book["Timeline"]
    assert timeline.max_row == 37  # a header and months 1-36


def test_workbook_formats_currencies_without_cents_or_with_a_code():
    assert money_format("USD") == '"$"#,##0'
    assert money_format("JPY") == '"¥"#,##0'
    assert money_format("IDR") == '"IDR "#,##0'
    assert money_format("USD", cents=True) == '"$"#,##0.00'


def _svg_size(svg):
    width, height = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return float(width), float(height)


@pytest.mark.parametrize("name", CHARTS)
def test_png_of_every_chart_is_a_valid_image_of_the_expected_size(name):
    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    png = chart_png(scenario, name)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.verify()
    width, height = _svg_size(chart_svg(scenario, name))
    assert image.format == "PNG"
    assert image.size == (round(width * PNG_SCALE), round(height * PNG_SCALE))
    assert width > 640  # the plotting area is CHART_WIDTH; axes and legends add to it


def test_command_line_lists_every_chart(tmp_path):
    """The charts of ``leverage report`` are the reports' own list, named in its help and errors."""
    wrong = leverage("report", str(tmp_path / "x.yaml"), "--format", "png", "--chart", "nope")
    assert wrong.returncode == 2
    assert f"The charts are {', '.join(CHARTS)}" in wrong.stderr
    help_text = leverage("report", "--help")
    assert help_text.returncode == 0
    assert "the chart: " + ", ".join(CHARTS) in " ".join(help_text.stdout.split())


def test_leverage_report_writes_each_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default file names land in the current folder
    source = SCENARIOS / "coach-one-to-one.yaml"
    html = leverage("report", str(source))
    assert html.returncode == 0, html.stderr
    assert (tmp_path / "coach-one-to-one.html").read_text().startswith("<!DOCTYPE html>")
    assert "Wrote the report of" in html.stdout
    assert "Starting the chart engine (about a second)…" in html.stderr  # said before the wait
    out = tmp_path / "plan.xlsx"
    xlsx = leverage("report", str(source), "--format", "xlsx", "--out", str(out))
    assert xlsx.returncode == 0, xlsx.stderr
    assert openpyxl.load_workbook(out).sheetnames == list(SHEETS)
    assert "chart engine" not in xlsx.stderr  # the workbook draws no chart
    png = leverage("report", str(source), "--format", "png", "--chart", "money")
    assert png.returncode == 0, png.stderr
    assert Image.open(tmp_path / "coach-one-to-one - money.png").format == "PNG"


def test_leverage_report_explains_what_went_wrong(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = SCENARIOS / "coach-one-to-one.yaml"
    chart = leverage("report", str(source), "--format", "png", "--chart", "cahs")
    assert chart.returncode == 2
    assert "no chart called 'cahs'" in chart.stderr and "Did you mean `cash`?" in chart.stderr
    nowhere = leverage("report", str(source), "--out", "/no/such/folder/r.html")
    assert nowhere.returncode == 1  # a failed write; 2 is for wrong usage
    assert "cannot write /no/such/folder/r.html" in nowhere.stderr
    assert "Traceback" not in chart.stderr + nowhere.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n")
    invalid = leverage("report", str(broken))
    assert invalid.returncode == 1 and "Traceback" not in invalid.stderr
    assert list(tmp_path.glob("*.html")) == []


@pytest.mark.parametrize("make", [html_report, workbook], ids=["html", "workbook"])
def test_a_report_evaluates_once_and_builds_the_timeline_once(make, count_calls):
    """One file, one evaluation, one set of levers, one timeline: its charts reuse them."""
    import models.analysis
    import models.scale

    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    evaluations = count_calls(models.analysis, "evaluate")
    timelines = count_calls(models.analysis, "build_timeline")
    levers = count_calls(models.analysis, "scale")
    offer_years = count_calls(models.scale, "offer_years")
    make(scenario)
    assert (len(evaluations), len(timelines), len(levers)) == (1, 1, 1)
    assert len(offer_years) == 1  # every lever reuses the offers' planned years


def test_a_chart_of_an_analysis_reuses_its_results(count_calls):
    """A chart drawn from an analysis that holds the plan's figures evaluates nothing again."""
    import models.analysis

    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    analysis = models.analysis.Analysis(scenario, result=evaluate(scenario))
    evaluations = count_calls(models.analysis, "evaluate")
    assert chart_spec(analysis, "hours") == chart_spec(scenario, "hours")
    assert len(evaluations) == 1  # the scenario's own chart, not the analysis's


#: The euro practice with version 2's team, demand, assistant and tax. By hand:
#: Coaching: half its 200 h of sessions and 100 h of preparation led by associates: 150 h
#:   at 50 = 7,500, your oversight 0.1 × 150 = 15 h; 10 new clients at one in four = 40
#:   leads needed of the 100 reached, × 20 = 800 of marketing.
#: Assistant: 2 h × 45 weeks = 90 h at 30 = 2,700 of fixed costs.
#: Net income = 58,000 − (300 + 7,500 + 800) − (5,000 + 2,700) = 41,700; tax at 30% =
#:   12,510; take-home 29,190.
TEAM_PRACTICE = {
    **EURO_PRACTICE,
    "schema_version": 2,
    "practitioner": {
        **PRACTITIONER,
        "tax_rate": 0.3,
        "assistant_hours_per_week": 2,
        "assistant_cost_per_hour": 30,
    },
    "offers": [
        {
            **COACHING,
            "associate_share": 0.5,
            "associate_cost_per_hour": 50,
            "leads_per_year": 100,
            "conversion_rate": 0.25,
            "marketing_cost_per_lead": 20,
        },
        EURO_PRACTICE["offers"][1],
    ],
}


@pytest.fixture(scope="module")
def team_practice():
    return scenario_from_document(TEAM_PRACTICE)


def test_the_model_agrees_with_the_team_practice_worked_by_hand(team_practice):
    totals = evaluate(team_practice).totals
    coaching = evaluate(team_practice).offer("Coaching")
    assert (coaching.associate_hours, coaching.associate_costs) == pytest.approx((150, 7500))
    assert (coaching.leads_needed, coaching.marketing_costs) == pytest.approx((40, 800))
    assert coaching.hours.oversight == pytest.approx(15)
    assert totals.net_income == pytest.approx(41_700)
    assert (totals.tax, totals.take_home) == pytest.approx((12_510, 29_190))


def test_html_report_shows_take_home_the_team_and_demand(team_practice):
    report = html_report(team_practice, prepared=date(2026, 11, 22))
    take_home = report.split('id="take-home"')[1].split("</table>")[0]
    for label, value in (
        ("Take-home income", "€29,190"),
        ("Tax", "€12,510"),
        ("Associates&#39; hours", "150 h"),
        ("Assistant&#39;s hours", "90 h"),
        ("Hours used", None),
        ("Billable utilisation", None),
        ("Team leverage", None),
        ("Reach through others", None),
    ):
        assert label in take_home, label
        if value:
            assert re.search(rf"{label}[^<]*</td><td[^>]*>{re.escape(value)}<", take_home), label
    offers = report.split('id="offers"')[1].split("</section>")[0]
    assert "Oversight of associates h" in offers
    assert "Demand and team" in offers and "Leads needed" in offers
    demand = offers.split("Demand and team")[1]
    # Coaching: 100 leads reached, 40 needed, 10 new buyers, a demand limit of 25, €800 of
    # marketing, 150 associate hours costing €7,500
    row = re.findall(r"<td[^>]*>([^<]*)</td>", demand.split("<tr>")[2])
    assert row == ["Coaching", "100", "40", "10", "25", "25", "€800", "150 h", "€7,500", "0"]
    years = report.split('id="years"')[1].split("</table>")[0]
    plan = timeline(team_practice)
    for year in plan.years:
        assert f"€{year.take_home:,.0f}" in years


def test_workbook_holds_take_home_the_team_and_the_years(team_practice):
    book = openpyxl.load_workbook(io.BytesIO(workbook(team_practice)))
    totals = {row[0]: row[1] for row in book["Totals"].iter_rows(min_row=2, values_only=True)}
    assert totals["Take-home"] == pytest.approx(29_190)
    assert totals["Tax"] == pytest.approx(12_510)
    assert totals["Associate hours"] == pytest.approx(150)
    offers = book["Offers"]
    header = [cell.value for cell in offers[1]]
    coaching = dict(zip(header, next(offers.iter_rows(min_row=2, values_only=True)), strict=True))
    assert coaching["Oversight of associates h"] == pytest.approx(15)
    assert coaching["Leads needed (per year)"] == pytest.approx(40)
    assert coaching["Leads reached (per year)"] == 100
    assert coaching["Associates' costs (EUR/year)"] == pytest.approx(7500)
    assert coaching["Marketing costs (EUR/year)"] == pytest.approx(800)
    months = book["Timeline"]
    month_header = [cell.value for cell in months[1]]
    assert "Oversight of associates h" in month_header and "Associates h" in month_header
    years = list(book["Years"].iter_rows(min_row=2, values_only=True))
    plan = timeline(team_practice)
    year_header = [cell.value for cell in book["Years"][1]]
    take_home = year_header.index("Take-home (EUR/year)")
    assert [row[take_home] for row in years] == pytest.approx([y.take_home for y in plan.years])
    assert all(isinstance(row[take_home], float | int) for row in years)  # numbers, not text


def test_workbook_never_turns_an_offer_name_into_a_formula(team_practice):
    named = team_practice.model_copy(
        update={
            "offers": [
                team_practice.offers[0].model_copy(update={"name": "=1+1"}),
                team_practice.offers[1],
            ]
        }
    )
    offers = openpyxl.load_workbook(io.BytesIO(workbook(named)))["Offers"]
    assert offers["A2"].value == "'=1+1" and offers["A2"].data_type == "s"
