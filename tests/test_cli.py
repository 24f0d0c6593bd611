"""The command line: `leverage` and `python -m models`, as a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.commands import main
from cli.pydantic_plugins import PYDANTIC_PLUGIN_LOADER, skip_pydantic_plugins
from tests.cli_run import leverage as run

BIN = Path(sys.executable).parent
SCENARIOS = Path(__file__).parent.parent / "scenarios"

HAND_WORKED = """\
schema_version: 1
name: Hand-worked practice
currency: USD
practitioner:
  hours_per_week: 40
  weeks_per_year: 45
  admin_hours_per_week: 3
  fixed_costs_per_year: 5000
offers:
  - kind: one_to_one
    name: Coaching
    clients: 10
    sessions_per_client: 20
    session_hours: 1
    price_per_client: 4000
    prep_hours_per_session: 0.5
    bd_hours_per_sale: 7
    returning_share: 0.4
  - kind: mastermind
    name: Circle
    cohorts: 1
    members_per_cohort: 6
    fee_per_member_per_month: 500
    months: 6
    meetings_per_month: 2
    meeting_hours: 2
    bd_hours_per_sale: 3
    cost_per_sale: 50
  - kind: online_program
    name: Course
    enabled: false
    students: 100
    price_high_touch: 500
    price_automated: 100
    automation: 1
"""


#: The analyses behind the commands; ``leverage validate`` imports none of them.
ANALYSES = (
    "compare", "goal_seek", "inputs", "journey", "optimizer", "scale", "sensitivity",
    "timeline", "uncertainty",
)  # fmt: skip


def process(*command, environment=None):
    """A real process: only the smoke test of the two entry points starts one."""
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(environment or {})},
    )


def test_evaluate_json_matches_the_hand_worked_scenario(tmp_path):
    path = tmp_path / "hand.yaml"
    path.write_text(HAND_WORKED)
    completed = run("evaluate", str(path), "--json")
    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    coaching, circle = output["offers"]
    # Coaching: 10 × 20 = 200 sessions × 1 h = 200 h delivery; prep 200 × 0.5 = 100 h;
    # BD 6 new × 7 + 4 returning × 7/7 = 42 + 4 = 46 h; total 346 h; revenue 40,000
    assert coaching["hours"]["delivery"] == pytest.approx(200, abs=1e-6)
    assert coaching["hours"]["prep"] == pytest.approx(100, abs=1e-6)
    assert coaching["hours"]["business_development"] == pytest.approx(46, abs=1e-6)
    assert coaching["total_hours"] == pytest.approx(346, abs=1e-6)
    assert coaching["revenue"] == pytest.approx(40_000, abs=1e-6)
    assert coaching["revenue_per_bd_hour"] == pytest.approx(40_000 / 46, abs=1e-6)
    # Circle: 1 × 6 months × 2 = 12 sessions × 2 h = 24 h; revenue 6 × 500 × 6 = 18,000;
    # BD 6 × 3 = 18 h; costs 6 × 50 = 300; client hours 24 × 6 = 144
    assert circle["sessions"] == pytest.approx(12, abs=1e-6)
    assert circle["hours"]["delivery"] == pytest.approx(24, abs=1e-6)
    assert circle["revenue"] == pytest.approx(18_000, abs=1e-6)
    assert circle["contribution"] == pytest.approx(17_700, abs=1e-6)
    assert circle["client_hours"] == pytest.approx(144, abs=1e-6)
    assert circle["leverage"] == pytest.approx(144 / 42, abs=1e-6)
    totals = output["totals"]
    # capacity 40 × 45 = 1,800; fixed admin 3 × 45 = 135; total 346 + 42 + 135 = 523
    assert totals["capacity_hours"] == pytest.approx(1800, abs=1e-6)
    assert totals["total_hours"] == pytest.approx(523, abs=1e-6)
    assert totals["free_hours"] == pytest.approx(1277, abs=1e-6)
    # net income 40,000 + 18,000 − 300 − 5,000 = 52,700; per hour 52,700 / 523
    assert totals["net_income"] == pytest.approx(52_700, abs=1e-6)
    assert totals["effective_hourly_rate"] == pytest.approx(52_700 / 523, abs=1e-6)
    # billable 224 h; BD 64 h: share 224 / 523, ratio 3.5; leverage (200 + 144) / 523
    assert totals["billable_share"] == pytest.approx(224 / 523, abs=1e-6)
    assert totals["billable_to_bd_ratio"] == pytest.approx(3.5, abs=1e-6)
    assert totals["leverage"] == pytest.approx(344 / 523, abs=1e-6)
    # hours used 523 / 1,800; billable utilisation: 224 h of delivery / 1,800 h = 12.4%
    assert totals["utilization"] == pytest.approx(523 / 1800, abs=1e-9)
    assert totals["billable_utilization"] == pytest.approx(224 / 1800, abs=1e-9)
    assert output["warnings"] == []


def test_evaluate_json_has_exactly_the_documented_keys():
    completed = run("evaluate", str(SCENARIOS / "coach-mastermind-retreat.yaml"), "--json")
    output = json.loads(completed.stdout)
    hours = {
        "delivery", "prep", "travel", "business_development", "admin", "creation", "oversight",
    }  # fmt: skip
    assert set(output) == {"scenario", "currency", "totals", "offers", "warnings"}
    assert set(output["totals"]) == {
        "revenue", "direct_costs", "fixed_costs", "net_income", "tax", "take_home",
        "capacity_hours", "delivery_capacity_hours", "total_hours", "free_hours", "utilization",
        "billable_utilization", "hours", "buyers", "client_hours", "leverage",
        "effective_hourly_rate", "billable_share", "billable_to_bd_ratio", "associate_hours",
        "team_leverage", "assistant_hours", "reach_through_others",
    }  # fmt: skip
    assert set(output["totals"]["hours"]) == hours
    for offer in output["offers"]:
        assert set(offer) == {
            "name", "kind", "revenue", "direct_costs", "contribution", "total_hours", "hours",
            "buyers", "sessions", "client_hours", "leverage", "billable_to_bd_ratio",
            "revenue_per_bd_hour", "new_buyers", "leads_needed", "demand_limit", "market_limit",
            "marketing_costs", "associate_hours", "associate_costs", "reach_through_others",
            "warnings",
        }  # fmt: skip
        assert set(offer["hours"]) == hours


def test_undefined_ratios_are_null(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("name: Nothing yet\npractitioner:\n  admin_hours_per_week: 0\n")
    output = json.loads(run("evaluate", str(path), "--json").stdout)
    assert output["totals"]["effective_hourly_rate"] is None
    assert output["totals"]["leverage"] is None
    assert output["offers"] == []


def test_evaluate_prints_a_readable_table():
    completed = run("evaluate", str(SCENARIOS / "program-licensing.yaml"))
    assert completed.returncode == 0
    assert "Net income            €199,520" in completed.stdout
    assert "Licensed program" in completed.stdout


def test_evaluate_text_shows_take_home_against_the_target_and_the_team(tmp_path):
    from models.files import save_scenario, scenario_from_document
    from tests.test_reports import TEAM_PRACTICE

    path = tmp_path / "team.yaml"
    save_scenario(scenario_from_document(TEAM_PRACTICE), path)
    completed = run("evaluate", str(path))
    assert completed.returncode == 0, completed.stderr
    # worked in tests/test_reports.py: net income 41,700, tax 30% 12,510, take-home 29,190,
    # against the 60,000 target: −30,810; 150 associate hours, 90 of the assistant's
    lines = completed.stdout.splitlines()
    assert "Net income            €41,700" in lines
    assert "Tax                   €12,510 (30% of net income)" in lines
    assert "Take-home             €29,190" in lines
    assert "  against target      €60,000 (-€30,810)" in lines
    assert any(line.startswith("Associates' hours     150 h") for line in lines)
    assert "Assistant's hours     90 h" in lines
    header = next(line for line in lines if line.lstrip().startswith("offer"))
    assert "oversight" in header and "leads needed" in header and "associates h" in header


def test_evaluate_names_hours_used_and_billable_utilisation_apart():
    completed = run("evaluate", str(SCENARIOS / "coach-one-to-one.yaml"))
    assert completed.returncode == 0, completed.stderr
    # Maya: 23 clients × 40 h sessions = 920 h of delivery; with prep, BD, admin and 184 h
    # of fixed admin 1,790.7 h of 40 × 46 = 1,840 h: 97% used, but only 920 / 1,840 = 50%
    # of her hours are billable, the figure professional services call utilisation.
    assert "Hours used            1,791 h of 1,840 h (97%)" in completed.stdout
    assert "Billable utilisation  50% of capacity in delivery" in completed.stdout
    assert "Utilization" not in completed.stdout


def imported_modules(completed):
    """The modules a process run with ``PYTHONPROFILEIMPORTTIME=1`` imported (its stderr)."""
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_both_entry_points_run_as_processes_and_validate_starts_light():
    """The one smoke test per entry point (``python -m models``, ``leverage``) as processes.

    ``leverage validate`` imports no analysis, numpy, pandas, scipy or chart, nor Babel (the
    currency codes are stored as data): it starts fast.
    """
    path = str(SCENARIOS / "course-creator.yaml")
    by_module = process(sys.executable, "-m", "models", "evaluate", path, "--json")
    assert by_module.returncode == 0, by_module.stderr
    assert by_module.stdout == run("evaluate", path, "--json").stdout
    assert json.loads(by_module.stdout)["scenario"] == "Course creator"
    validate = process(
        str(BIN / "leverage"), "validate", path, environment={"PYTHONPROFILEIMPORTTIME": "1"}
    )
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout == run("validate", path).stdout
    imported = imported_modules(validate)
    assert {"models.files", "cli.commands"} <= imported  # the profile is there to read
    heavy = {"numpy", "pandas", "scipy", "altair", "vl_convert", "charts", "reports", "babel"}
    analyses = {f"models.{name}" for name in ANALYSES}
    assert not (heavy | analyses) & imported


def test_validate_passes_valid_files_and_lists_every_error_of_invalid_ones(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        HAND_WORKED.replace("clients: 10", "clients: -10").replace("months: 6", "mnths: 6")
    )
    completed = run("validate", str(SCENARIOS / "coach-one-to-one.yaml"), str(bad))
    assert completed.returncode == 1
    assert "coach-one-to-one.yaml: valid" in completed.stdout
    assert (
        "Offer 1, “Coaching”: clients per year must be at least 0, not -10 (clients)"
        in completed.stderr
    )
    assert "Offer 2, “Circle”: mnths is not a field" in completed.stderr
    assert "Did you mean `months`?" in completed.stderr
    assert "Traceback" not in completed.stderr
    good = run("validate", *map(str, sorted(SCENARIOS.glob("*.yaml"))))
    assert good.returncode == 0


@pytest.mark.parametrize(
    "arguments", [(), ("evaluate",), ("frobnicate", "x.yaml"), ("evaluate", "a", "--bogus")]
)
def test_wrong_usage_exits_2_with_a_message_and_no_traceback(arguments, capsys):
    with pytest.raises(SystemExit) as caught:
        main(list(arguments))
    assert caught.value.code == 2
    error = capsys.readouterr().err
    assert "usage: leverage" in error and "Traceback" not in error


def test_invalid_file_exits_1_with_the_message_on_stderr(tmp_path, capsys):
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"\x00\xff\xfe junk")
    assert main(["evaluate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a text file" in captured.err
    assert main(["evaluate", str(tmp_path / "missing.yaml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_scale_json_has_the_documented_shape_and_the_engines_numbers():
    completed = run("scale", str(SCENARIOS / "coach-one-to-one.yaml"), "--json")
    assert completed.returncode == 0, completed.stderr
    (lever,) = json.loads(completed.stdout)["offers"]
    assert set(lever) == {
        "name", "kind", "quantity_field", "quantity", "bound", "ceiling", "marginal", "points",
    }  # fmt: skip
    assert set(lever["ceiling"]) == {
        "quantity", "revenue", "contribution", "offer_hours", "total_hours",
    }  # fmt: skip
    assert set(lever["marginal"]) == {"hours_per_unit", "contribution_per_unit", "hourly_rate"}
    assert set(lever["points"][0]) == {
        "quantity", "revenue", "contribution", "offer_hours", "scenario_hours",
    }  # fmt: skip
    # Maya's clients: 40 sessions + 20 h prep + 12/2 + (12/7)/2 BD + 3 admin = 69.857 h each;
    # 184 h of fixed admin leave 1,656 h: ⌊1,656 / 69.857⌋ = 23, her plan exactly
    assert (lever["quantity_field"], lever["quantity"], lever["bound"]) == ("clients", 23, "time")
    assert lever["ceiling"]["quantity"] == 23
    # at the ceiling her coaching is 23 × 69.857 = 1,606.7 h; with the 184 h of fixed admin
    # the scenario's 1,790.7 h
    assert lever["ceiling"]["offer_hours"] == pytest.approx(23 * (69 + 6 / 7))
    assert lever["ceiling"]["total_hours"] == pytest.approx(23 * (69 + 6 / 7) + 184)
    assert 23 in [point["quantity"] for point in lever["points"]]
    assert lever["marginal"]["hours_per_unit"] == pytest.approx(40 + 20 + 6 + 6 / 7 + 3)


def test_scale_of_one_offer_and_a_wrong_offer_name():
    path = str(SCENARIOS / "course-creator.yaml")
    one = json.loads(run("scale", path, "--offer", "Career coaching", "--json").stdout)
    assert [lever["name"] for lever in one["offers"]] == ["Career coaching"]
    wrong = run("scale", path, "--offer", "Nope")
    assert wrong.returncode == 2
    assert 'no enabled offer is called "Nope"' in wrong.stderr
    table = run("scale", path)
    assert "Career change program" in table.stdout and "your hours" in table.stdout


def test_compare_json_lines_up_figures_against_the_first_file():
    completed = run(
        "compare",
        str(SCENARIOS / "coach-one-to-one.yaml"),
        str(SCENARIOS / "coach-group-program.yaml"),
        "--json",
    )
    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert output["baseline"] == "1:1 coach at full capacity"
    net = next(row for row in output["metrics"] if row["metric"] == "net_income")
    # 180,310 − 172,550 = +7,760
    assert net["deltas"] == [0, pytest.approx(7760)]
    (changes,) = output["changes"].values()
    assert {
        "where": 'offer "Executive coaching"',
        "field": "clients",
        "old": 23.0,
        "new": 15.0,
        "label": "Clients per year",  # the field's title and unit, for the words
        "unit": "per year",
    } in changes


def test_compare_needs_two_to_five_files():
    one = run("compare", str(SCENARIOS / "coach-one-to-one.yaml"))
    assert one.returncode == 2 and "2 to 5" in one.stderr
    table = run("compare", *[str(SCENARIOS / "coach-one-to-one.yaml")] * 2)
    assert "A = 1:1 coach at full capacity (baseline)" in table.stdout
    assert "B = 1:1 coach at full capacity (2)" in table.stdout


def test_timeline_json_has_36_months_of_the_documented_keys():
    completed = run("timeline", str(SCENARIOS / "course-creator.yaml"), "--json")
    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert set(output) == {
        "months", "peak_month", "over_capacity_months", "break_even_month", "payback",
        "payback_hourly_value", "schedules", "over_delivery_cap_months", "years",
    }  # fmt: skip
    assert [month["month"] for month in output["months"]] == list(range(1, 37))
    assert set(output["months"][0]) == {
        "month", "hours", "capacity_hours", "utilization", "revenue", "direct_costs",
        "fixed_costs", "net_income", "cumulative_net_income", "delivery_capacity_hours",
        "associate_hours", "associate_costs", "marketing_costs", "new_buyers", "leads_needed",
        "assistant_hours", "admin_taken_by_assistant",
    }  # fmt: skip
    assert set(output["months"][0]["hours"]) == {
        "delivery", "prep", "travel", "business_development", "admin", "creation", "oversight",
    }  # fmt: skip
    assert [year["year"] for year in output["years"]] == [1, 2, 3]
    assert set(output["years"][0]) == {
        "year", "revenue", "direct_costs", "fixed_costs", "net_income", "tax", "take_home",
        "associate_hours", "associate_costs", "marketing_costs", "new_buyers", "leads_needed",
    }  # fmt: skip
    # 474 h of creation over the 6 months before the launch in month 7: 79 h a month
    assert output["months"][0]["hours"]["creation"] == pytest.approx(79)
    # The first launch, month 7, at 1/4 of the rate (a ramp of 3): 300 / 2 launches × 1/4 =
    # 37.5 students × 797 = 29,887.50, less 5% fees and 40 a student: 26,893.13. The hours are
    # valued at the coaching's rate: (8 × 2,400 − 9,000 fixed) / (96 + 24 prep + 6 × 8 + 2 × 8/7
    # BD + 16 admin + 4 × 46 fixed admin) = 10,200 / 370.29 h = 27.55 an hour; 474 h × 27.55 =
    # 13,057 is covered in month 7 (the old timeline spread the launch over months: month 8).
    assert output["payback"] == {"Career change program": 7}
    assert output["payback_hourly_value"]["Career change program"] == {
        "value": pytest.approx(10_200 / (96 + 24 + 48 + 16 / 7 + 16 + 184)),
        "source": "other_offers",
    }
    # two launches a year from month 7: months 7 and 1 of each year
    assert output["schedules"]["Career change program"]["launch_months"] == [1, 7]
    assert output["schedules"]["Career coaching"]["launch_months"] is None
    table = run("timeline", str(SCENARIOS / "course-creator.yaml"))
    assert "the first 36 months" in table.stdout
    assert (
        'Creation time of "Career change program" paid back: month 7 (an hour valued at $27.55, '
        "the effective hourly rate of your other offers)"
    ) in table.stdout


COACH = str(SCENARIOS / "coach-one-to-one.yaml")


def json_of(*arguments):
    """Run a command in-process and read its JSON (each subprocess start costs a second)."""
    import contextlib
    import io

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        assert main([*arguments, "--json"]) == 0
    return json.loads(output.getvalue())


def test_goal_seek_json_and_table():
    # Maya: 23 clients; net income = 23 × price − 23 × 150 − 8,000 = 180,000
    # ⇒ price = (180,000 + 3,450 + 8,000) / 23 = 8,323.91…
    output = json_of(
        "goal-seek", COACH, "--field", "price_per_client", "--offer", "Executive coaching",
        "--target", "net_income=180000",
    )  # fmt: skip
    assert {"field", "offer", "value", "reachable", "achieved"} <= set(output)
    assert output["value"] == pytest.approx(191450 / 23)
    assert output["reachable"] is True
    assert output["achieved"] == pytest.approx(180000)
    # The price moves no hour: Maya's 1,790.7 h fit her 1,840 h.
    assert (output["fits"], output["over_by_hours"], output["best_fitting"]) == (True, 0, None)
    table = run(
        "goal-seek", COACH, "--field", "hours_per_week", "--target", "free_hours_per_week=5"
    )
    assert table.returncode == 0 and "You → Working hours per week" in table.stdout


def test_goal_seek_json_says_when_the_answer_does_not_fit(capsys):
    # Clients for 180,000: 188,000 / 7,850 = 23.95, so 24 whole clients, who need
    # 69 6/7 × 24 + 184 − 1,840 = 20.57 h more than Maya's 1,840 h; 11,592 / 489 = 23.71
    # clients fit, so 23 whole ones, for 7,850 × 23 − 8,000 = 172,550.
    arguments = ["goal-seek", COACH, "--field", "clients", "--offer", "Executive coaching"]
    output = json_of(*arguments, "--target", "net_income=180000")
    assert output["fits"] is False and output["whole"] is True and output["value"] == 24
    assert output["over_by_hours"] == pytest.approx(20.5714, abs=1e-4)
    assert output["best_fitting"] == {"value": 23, "figure": pytest.approx(172550)}
    assert main([*arguments, "--target", "net_income=180000"]) == 0
    text = capsys.readouterr().out
    assert "does not fit: 21 h a year over your capacity" in text
    assert "the best value that fits: 23 per year" in text


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (("--field", "price_per_clint", "--offer", "Executive coaching", "--target", "net_income=1"), "Did you mean"),
        (("--field", "clients", "--offer", "Nobody", "--target", "net_income=1"), 'no enabled offer is called "Nobody"'),
        (("--field", "clients", "--offer", "Executive coaching", "--target", "income=1"), "FIGURE=VALUE"),
        (("--field", "clients", "--offer", "Executive coaching", "--target", "net_income=lots"), "must be a number"),
    ],
)  # fmt: skip
def test_goal_seek_usage_errors_name_the_problem(arguments, words, capsys):
    assert main(["goal-seek", COACH, *arguments]) == 2
    assert words in capsys.readouterr().err


def test_sensitivity_json_rows_by_swing():
    output = json_of("sensitivity", COACH, "--percent", "10")
    first = output["rows"][0]
    assert {"offer", "field", "low_net_income", "high_net_income", "swing"} <= set(first)
    # Price ±10%: 23 × 800 = 18,400 each way, a swing of 36,800, the largest.
    assert (first["field"], first["swing"]) == ("price_per_client", pytest.approx(36800))
    swings = [row["swing"] for row in output["rows"]]
    assert swings == sorted(swings, reverse=True)
    # Clients +10%: 25.3 × 69 6/7 h + 184 h = 1,951.4 h, over Maya's 1,840 h.
    clients = next(row for row in output["rows"] if row["field"] == "clients")
    assert (clients["low_over_capacity"], clients["high_over_capacity"]) == (False, True)


def test_simulate_json_has_the_documented_keys_and_is_seeded():
    output = json_of("simulate", COACH, "--samples", "5000", "--seed", "4")
    assert {
        "samples", "net_income", "total_hours", "effective_hourly_rate",
        "probability_over_capacity", "probability_reach_target", "p_reach_and_fit",
        "net_income_fitting",
    } <= set(output)  # fmt: skip
    assert set(output["net_income"]) == {"p10", "p50", "p90", "mean"}
    assert set(output["net_income_fitting"]) == {"p10", "p50", "p90", "mean"}
    assert output["p_reach_and_fit"] <= output["probability_reach_target"]
    assert output["samples"] == 5000
    assert output["net_income"]["p10"] < output["net_income"]["p50"] < output["net_income"]["p90"]
    assert output == json_of("simulate", COACH, "--samples", "5000", "--seed", "4")
    text = run("simulate", COACH, "--samples", "2000")
    assert "What drives the spread" in text.stdout


def test_optimize_json_counts_and_totals():
    output = json_of(
        "optimize", str(SCENARIOS / "portfolio-every-lever.yaml"), "--reserve-hours-per-week",
        "2", "--max-bd-share", "0.2",
    )  # fmt: skip
    assert output["status"] == "optimal"
    assert len(output["counts"]) == 7
    totals = output["totals"]
    assert totals["free_hours"] >= 2 * 46 - 1e-6
    assert totals["hours"]["business_development"] <= 0.2 * totals["total_hours"] + 1e-6
    infeasible = json_of("optimize", COACH, "--reserve-hours-per-week", "39")
    assert infeasible["status"] == "infeasible" and "your hours" in infeasible["message"]
    assert main(["optimize", COACH, "--max-bd-share", "2"]) == 2


def test_evaluate_imports_no_numpy_pandas_scipy_or_chart():
    """``leverage evaluate --json`` needs the schema and the evaluation only: it starts light.

    One scenario's year is plain Python arithmetic (``formulas.positive_part`` compares a number
    without numpy), so the command loads no numpy either: about 80 ms of its start.
    """
    path = str(SCENARIOS / "portfolio-every-lever.yaml")
    evaluate = process(
        str(BIN / "leverage"), "evaluate", "--json", path,
        environment={"PYTHONPROFILEIMPORTTIME": "1"},
    )  # fmt: skip
    assert evaluate.returncode == 0, evaluate.stderr
    imported = imported_modules(evaluate)
    assert {"models.evaluation", "cli.commands"} <= imported
    assert not {"numpy", "pandas", "scipy", "altair", "vl_convert", "charts", "reports"} & imported
    # No pydantic plugin loader either (cli/pydantic_plugins.py): the stand-in answered pydantic,
    # so neither importlib.metadata nor the email package it brings was imported (about 30 ms).
    assert {"cli.pydantic_plugins", "pydantic.plugin._schema_validator"} <= imported
    assert not {"importlib.metadata", "email"} & imported


def test_the_plugin_stand_in_leaves_a_loaded_loader_in_place():
    """In a process that has built a validator already, pydantic's own loader stays."""
    import pydantic.plugin._loader as loader

    skip_pydantic_plugins()
    assert sys.modules[PYDANTIC_PLUGIN_LOADER] is loader
