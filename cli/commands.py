"""The command line: ``leverage …`` (installed script) and ``python -m models …``.

Every command calls the same functions as the app. Exit codes: 0 success,
1 an invalid scenario file or a failed write, 2 wrong usage. Messages go to
stderr in plain words; no traceback reaches the user. Everything printed passes
through :func:`models.text.terminal_safe`, so that no text from a file or an
argument can send escape sequences to the terminal or reorder a line.

The command line starts fast: this module imports at its top only what reading a
scenario file needs. Each command imports its analysis (and pandas, scipy, the
charts) inside its own functions, and only the command being run has its
arguments set up, so ``leverage validate FILE`` loads no analysis at all
(docs/performance.md has the figures; tests/test_cli.py keeps it so).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cli.pydantic_plugins import skip_pydantic_plugins
from models.errors import ScenarioError
from models.files import load_scenario, write_atomically
from models.schema import suggestion
from models.text import terminal_safe
from presentation.file_names import download_name

if TYPE_CHECKING:
    from models.compare import Comparison
    from models.goal_seek import GoalSeek
    from models.journey import Journey
    from models.optimizer import Optimum
    from models.results import ScenarioResult
    from models.scale import ScaleResult
    from models.schema import Scenario
    from models.sensitivity import Sensitivity
    from models.timeline import TimelineReport
    from models.uncertainty import Simulation, Spread

REPORT_FORMATS = ("html", "xlsx", "png")
#: Said before the first chart of a process: vl-convert's engine takes about a second to start.
CHART_ENGINE_STARTING = "Starting the chart engine (about a second)…"

EXIT_OK = 0
EXIT_INVALID_FILE = 1
EXIT_WRITE_FAILED = 1
EXIT_USAGE = 2


def _finite_number(text: str) -> float:
    """An argument that must be a finite number (not nan, inf or -inf)."""
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return number


def _seed(text: str) -> int:
    """A random seed: a whole number, 0 or more."""
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if seed < 0:
        raise argparse.ArgumentTypeError(f"the seed must be 0 or more (got {seed})")
    return seed


class _TerminalSafe:
    """A text stream that neutralises escape sequences and direction characters on write."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _file_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", type=Path, help="scenario file (YAML or JSON)")


def _json_argument(command: argparse.ArgumentParser, help_text: str) -> None:
    command.add_argument("--json", action="store_true", help=help_text)


def _evaluate_arguments(command: argparse.ArgumentParser) -> None:
    _file_argument(command)
    _json_argument(command, "print the results as JSON instead of a table")


def _scale_arguments(command: argparse.ArgumentParser) -> None:
    _file_argument(command)
    command.add_argument("--offer", metavar="NAME", help="only the offer with this name")
    _json_argument(command, "print the results as JSON instead of a table")


def _compare_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _json_argument(command, "print the comparison as JSON instead of a table")


def _timeline_arguments(command: argparse.ArgumentParser) -> None:
    _file_argument(command)
    _json_argument(command, "print the months as JSON instead of a table")


def _goal_seek_arguments(command: argparse.ArgumentParser) -> None:
    from models.inputs import METRICS

    _file_argument(command)
    command.add_argument("--field", required=True, metavar="NAME", help="the input to vary")
    command.add_argument(
        "--offer", metavar="OFFER", help="the offer the field belongs to (none: your own fields)"
    )
    command.add_argument(
        "--target",
        required=True,
        metavar="FIGURE=VALUE",
        help=f"the figure and its target; figures: {', '.join(METRICS)}",
    )
    _json_argument(command, "print the answer as JSON")


def _sensitivity_arguments(command: argparse.ArgumentParser) -> None:
    from models.sensitivity import DEFAULT_PERCENT

    _file_argument(command)
    command.add_argument(
        "--percent",
        type=_finite_number,
        default=DEFAULT_PERCENT,
        help="how far to move each input (20)",
    )
    _json_argument(command, "print rows as JSON")


def _simulate_arguments(command: argparse.ArgumentParser) -> None:
    from models.uncertainty import DEFAULT_SAMPLES, DEFAULT_SEED

    _file_argument(command)
    command.add_argument(
        "--samples", type=int, default=DEFAULT_SAMPLES, help=f"plans to draw ({DEFAULT_SAMPLES})"
    )
    command.add_argument(
        "--seed", type=_seed, default=DEFAULT_SEED, help=f"random seed ({DEFAULT_SEED})"
    )
    _json_argument(command, "print results as JSON")


def _optimize_arguments(command: argparse.ArgumentParser) -> None:
    _file_argument(command)
    command.add_argument(
        "--reserve-hours-per-week",
        type=_finite_number,
        default=0.0,
        metavar="H",
        help="hours kept free",
    )
    command.add_argument(
        "--max-bd-share",
        type=_finite_number,
        metavar="S",
        help="business development at most S (0-1)",
    )
    command.add_argument(
        "--min-one-to-one-hours",
        type=_finite_number,
        metavar="H",
        help="at least H hours a year 1:1",
    )
    command.add_argument(
        "--max-travel-hours",
        type=_finite_number,
        metavar="H",
        help="at most H hours a year of travel",
    )
    command.add_argument(
        "--whole-students",
        action="store_true",
        help="accepted for older scripts: students, like every count of people, are whole",
    )
    _json_argument(command, "print results as JSON")


def _report_arguments(command: argparse.ArgumentParser) -> None:
    from reports.chart_files import CHARTS

    _file_argument(command)
    command.add_argument(
        "--format", choices=REPORT_FORMATS, default="html", help="what to write (html)"
    )
    command.add_argument(
        "--chart",
        default="hours",
        metavar="NAME",
        help="with --format png, the chart: " + ", ".join(CHARTS) + " (hours)",
    )
    command.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="where to write it (default: the scenario file's name with the format's "
        "extension, in the current folder)",
    )


def _journey_arguments(command: argparse.ArgumentParser) -> None:
    from models.journey import JOURNEY_DIRECTORY

    command.add_argument(
        "folder",
        type=Path,
        nargs="?",
        default=JOURNEY_DIRECTORY,
        help="folder of step files, taken in order of their names (the shipped journey)",
    )
    _json_argument(command, "print the steps as JSON")


def _validate_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", type=Path, nargs="+", metavar="FILE")


#: Each command: its line in ``leverage --help``, and what adds its arguments (importing
#: what their defaults need, so only for the command being run).
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "evaluate": ("income, hours and leverage of a scenario file", _evaluate_arguments),
    "scale": (
        "how far each offer can grow: ceiling, what binds it, the next buyer",
        _scale_arguments,
    ),
    "compare": (
        "2 to 5 scenarios side by side, against the first as baseline",
        _compare_arguments,
    ),
    "timeline": (
        "the first 36 months: hours against capacity, cash, break-even, payback",
        _timeline_arguments,
    ),
    "goal-seek": (
        "the value of one input that reaches a target (net income, hours …)",
        _goal_seek_arguments,
    ),
    "sensitivity": (
        "every input moved down and up: which one moves net income most",
        _sensitivity_arguments,
    ),
    "simulate": (
        "Monte Carlo over the file's ranges: P10/P50/P90 and chances",
        _simulate_arguments,
    ),
    "optimize": (
        "the mix of offers with the most net income in the hours you have",
        _optimize_arguments,
    ),
    "report": (
        "a report to send: HTML (prints to PDF), an Excel workbook, or a chart as PNG",
        _report_arguments,
    ),
    "journey": (
        "check a workshop journey (a folder of scenario files) and show each step's figures",
        _journey_arguments,
    ),
    "validate": ("check scenario files and list every problem", _validate_arguments),
}


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of every command; only the command named in ``argv`` gets its arguments
    (the others need them only for their own run, and setting them up imports analyses)."""
    parser = argparse.ArgumentParser(
        prog="leverage",
        description="Leverage Planner: model the hours and income of a practice's offers.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = next((argument for argument in argv if not argument.startswith("-")), None)
    for name, (help_text, add_arguments) in _COMMANDS.items():
        command = commands.add_parser(name, help=help_text)
        if name == chosen:
            add_arguments(command)
    return parser


def _print(arguments: argparse.Namespace, result: Any, table: Callable[[], str]) -> int:
    """Print ``result`` as JSON with ``--json``, else the readable ``table()``."""
    from models.results import result_to_dict

    if arguments.json:
        print(json.dumps(result_to_dict(result), indent=2, ensure_ascii=False))
    else:
        print(table())
    return EXIT_OK


def _notes(notes: Sequence[str], heading: str = "Notes") -> list[str]:
    """The lines that end a readable report: its notes (or warnings), if any."""
    return ["", f"{heading}:", *(f"  - {note}" for note in notes)] if notes else []


def evaluation_table(scenario: Scenario, result: ScenarioResult) -> str:
    """The readable report of ``leverage evaluate``: headline figures, then one row per offer."""
    import pandas as pd

    from models.evaluation import per_week
    from models.results import HOUR_CATEGORIES
    from presentation.formatting import format_hours, format_money, format_ratio, format_share

    totals = result.totals
    currency = result.currency
    practitioner = scenario.practitioner

    def money(amount: float) -> str:
        return format_money(amount, currency)

    free_per_week = per_week(totals.free_hours, practitioner)
    free_words = "free" if totals.free_hours >= 0 else "over capacity"
    rate = totals.effective_hourly_rate
    lines = [
        f"{result.scenario} ({currency})",
        "",
        f"Net income            {money(totals.net_income)}",
    ]
    if practitioner.tax_rate:
        lines.append(
            f"Tax                   {money(totals.tax)} "
            f"({format_share(practitioner.tax_rate)} of net income)"
        )
    lines.append(f"Take-home             {money(totals.take_home)}")
    target = practitioner.target_net_income
    if target is not None:
        gap = totals.take_home - target
        lines.append(
            f"  against target      {money(target)} ({'+' if gap >= 0 else ''}{money(gap)})"
        )
    lines += [
        f"Revenue               {money(totals.revenue)}",
        f"Direct costs          {money(totals.direct_costs)}",
        f"Fixed costs           {money(totals.fixed_costs)}",
        f"Hours used            {format_hours(totals.total_hours)} of {format_hours(totals.capacity_hours)}"
        f" ({format_share(totals.utilization)}), {format_hours(abs(totals.free_hours))} {free_words}"
        f" ({abs(free_per_week):.1f} h a week)",
    ]
    if totals.delivery_capacity_hours is not None:
        lines.append(
            f"Client-facing hours   {format_hours(totals.hours.delivery)} of "
            f"{format_hours(totals.delivery_capacity_hours)} you can give"
        )
    lines += [
        f"Effective hourly rate {money(rate) + '/h' if rate is not None else '—'}",
        f"Billable utilisation  {format_share(totals.billable_utilization)} of capacity in delivery",
        f"Billable share        {format_share(totals.billable_share)}",
        f"Billable-to-BD ratio  {format_ratio(totals.billable_to_bd_ratio)}",
        f"Leverage              {format_ratio(totals.leverage)} client hours per own hour",
    ]
    if totals.associate_hours:
        lines.append(
            f"Associates' hours     {format_hours(totals.associate_hours)} "
            f"({format_ratio(totals.team_leverage)} your delivery hours)"
        )
    if totals.assistant_hours:
        lines.append(f"Assistant's hours     {format_hours(totals.assistant_hours)}")
    if totals.reach_through_others:
        lines.append(
            f"Reach through others  {totals.reach_through_others:,.0f} clients a year "
            "served by your licensees"
        )
    demand = any(offer.leads_needed is not None for offer in result.offers)
    team = any(offer.associate_hours for offer in result.offers)
    if result.offers:
        rows = [
            {
                "offer": offer.name,
                "kind": offer.kind,
                "revenue": money(offer.revenue),
                "contribution": money(offer.contribution),
                "hours": f"{offer.total_hours:,.0f}",
                **{
                    category: f"{getattr(offer.hours, category):,.0f}"
                    for category in HOUR_CATEGORIES
                },
                "buyers": f"{offer.buyers:,.4g}",
                "leverage": format_ratio(offer.leverage),
                **(
                    {
                        "leads needed": (
                            f"{offer.leads_needed:,.0f}" if offer.leads_needed is not None else "—"
                        )
                    }
                    if demand
                    else {}
                ),
                **({"associates h": f"{offer.associate_hours:,.0f}"} if team else {}),
            }
            for offer in result.offers
        ]
        table = pd.DataFrame(rows).rename(columns={"business_development": "bd"})
        lines += ["", table.to_string(index=False)]
    return "\n".join(lines + _notes(result.warnings, heading="Warnings"))


def _evaluate(arguments: argparse.Namespace) -> int:
    from models.evaluation import evaluate

    scenario = load_scenario(arguments.file)
    result = evaluate(scenario)
    return _print(arguments, result, lambda: evaluation_table(scenario, result))


def scale_table(scenario: Scenario, result: ScaleResult) -> str:
    """The readable report of ``leverage scale``: one row per offer, then notes."""
    import pandas as pd

    from models.scale import scale_warnings
    from presentation.formatting import format_money
    from presentation.levers import BOUND_WORDS

    currency = scenario.currency
    rows = [
        {
            "offer": lever.name,
            "grows in": lever.quantity_field,
            "plan": f"{lever.quantity:,.4g}",
            "ceiling": f"{lever.ceiling.quantity:,.0f}",
            "bound by": BOUND_WORDS[lever.bound],
            "contribution at ceiling": format_money(lever.ceiling.contribution, currency),
            "next buyer h": f"{lever.marginal.hours_per_unit:,.1f}",
            "next buyer per h": (
                format_money(lever.marginal.hourly_rate, currency)
                if lever.marginal.hourly_rate is not None
                else "—"
            ),
        }
        for lever in result.offers
    ]
    lines = [f"{scenario.name}: how far each offer can grow", ""]
    lines.append(pd.DataFrame(rows).to_string(index=False) if rows else "No enabled offers.")
    return "\n".join(lines + _notes(scale_warnings(result)))


def _scale(arguments: argparse.Namespace) -> int:
    from models.scale import ScaleResult, scale

    scenario = load_scenario(arguments.file)
    names = [offer.name for offer in scenario.enabled_offers]
    if arguments.offer is not None and arguments.offer not in names:
        known = ", ".join(f'"{name}"' for name in names) or "none"
        print(
            f'leverage scale: no enabled offer is called "{arguments.offer}"; the offers are {known}',
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = scale(scenario)
    if arguments.offer is not None:
        result = ScaleResult(offers=tuple(o for o in result.offers if o.name == arguments.offer))
    return _print(arguments, result, lambda: scale_table(scenario, result))


def compare_table(comparison: Comparison) -> str:
    """The readable report of ``leverage compare``: scenarios lettered A, B … (A the baseline),
    the figures with each one's change against A, then what changed."""
    from models.compare import metrics_table

    letters = {label: chr(ord("A") + index) for index, label in enumerate(comparison.scenarios)}
    legend = [f"  {letters[label]} = {label}" for label in comparison.scenarios]
    legend[0] += " (baseline)"
    table = metrics_table(comparison).set_index("figure").drop(columns="unit")
    renamed = {}
    for label, letter in letters.items():
        renamed[label] = letter
        renamed[f"{label}: change"] = f"{letter} − A"
        renamed[f"{label}: change %"] = f"{letter} − A %"
    table = table.rename(columns=renamed)
    lines = ["Scenarios:", *legend, "", table.to_string(float_format=_figure, na_rep="—")]
    for label, changes in comparison.changes.items():
        lines += ["", f"What changed from A to {letters[label]}:"]
        lines += [f"  - {change}" for change in changes] or ["  (nothing)"]
    return "\n".join(lines)


def _figure(value: float) -> str:
    return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"


def _compare(arguments: argparse.Namespace) -> int:
    from models.compare import MAX_SCENARIOS, compare

    if not 2 <= len(arguments.files) <= MAX_SCENARIOS:
        print(
            f"leverage compare: give 2 to {MAX_SCENARIOS} scenario files (got {len(arguments.files)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    comparison = compare([load_scenario(path) for path in arguments.files])
    return _print(arguments, comparison, lambda: compare_table(comparison))


def timeline_table(scenario: Scenario, report: TimelineReport) -> str:
    """The readable report of ``leverage timeline``: one row a month, then what stands out."""
    import pandas as pd

    from presentation.formatting import format_money, format_share
    from presentation.timeline import milestones, year_lines
    from presentation.timeline import notes as timeline_notes

    currency = scenario.currency
    plan = report.timeline
    team = any(month.associate_hours for month in plan.months)
    marketing = any(month.marketing_costs for month in plan.months)
    rows = [
        {
            "month": month.month,
            "hours": f"{month.hours.total:,.0f}",
            "capacity": f"{month.capacity_hours:,.0f}",
            "use": format_share(month.utilization),
            **({"associates h": f"{month.associate_hours:,.0f}"} if team else {}),
            "revenue": format_money(month.revenue, currency),
            **({"marketing": format_money(month.marketing_costs, currency)} if marketing else {}),
            "net income": format_money(month.net_income, currency),
            "cumulative": format_money(month.cumulative_net_income, currency),
        }
        for month in plan.months
    ]
    lines = [f"{scenario.name}: the first 36 months", "", pd.DataFrame(rows).to_string(index=False)]
    lines += ["", *year_lines(plan, currency), "", *milestones(plan, currency)]
    return "\n".join(lines + _notes(timeline_notes(report)))


def _timeline(arguments: argparse.Namespace) -> int:
    from models.timeline import build_timeline

    scenario = load_scenario(arguments.file)
    report = build_timeline(scenario)
    return _print(arguments, report.timeline, lambda: timeline_table(scenario, report))


def _usage_error(command: str, message: str) -> int:
    print(f"leverage {command}: {message}", file=sys.stderr)
    return EXIT_USAGE


def _goal_seek(arguments: argparse.Namespace) -> int:
    from models.goal_seek import goal_seek
    from models.inputs import METRICS, Input, assumptions

    scenario = load_scenario(arguments.file)
    figure, _, text = arguments.target.partition("=")
    if figure not in METRICS:
        return _usage_error(
            "goal-seek", f"--target takes FIGURE=VALUE with FIGURE one of {', '.join(METRICS)}"
        )
    try:
        target = _finite_number(text)
    except argparse.ArgumentTypeError as error:
        kind = "a finite number" if "finite" in str(error) else "a number"
        return _usage_error("goal-seek", f"the target value must be {kind} (got {text[:40]!r})")
    offers = [offer.name for offer in scenario.enabled_offers]
    if arguments.offer is not None and arguments.offer not in offers:
        known = ", ".join(f'"{name}"' for name in offers) or "none"
        return _usage_error(
            "goal-seek", f'no enabled offer is called "{arguments.offer}"; the offers are {known}'
        )
    where = Input(arguments.offer, arguments.field)
    fields = [item.field for item in assumptions(scenario) if item.offer == arguments.offer]
    if arguments.field not in fields:
        owner = f'"{arguments.offer}"' if arguments.offer else "your own fields (no --offer)"
        return _usage_error(
            "goal-seek",
            f"{arguments.field} is not a figure of {owner} with a value to vary."
            f"{suggestion(arguments.field, fields)} The fields are {', '.join(fields)}",
        )
    answer = goal_seek(scenario, where, figure, target)
    return _print(arguments, answer, lambda: goal_seek_text(scenario, answer))


def goal_seek_text(scenario: Scenario, answer: GoalSeek) -> str:
    """The readable answer of ``leverage goal-seek``."""
    from models.inputs import METRICS, Input, unit
    from models.inputs import label as input_label

    where = Input(answer.offer, answer.field)
    name, figure_unit = METRICS[answer.metric]
    figure_unit = figure_unit.replace("currency", scenario.currency)
    field_unit = unit(scenario, where)
    achieved = "undefined" if answer.achieved is None else f"{answer.achieved:,.2f}"
    if answer.reachable:
        head = f"{input_label(scenario, where)}: {answer.value:,.4g} {field_unit} reaches {name.lower()} of {answer.target:,.2f} {figure_unit}"
    else:
        head = (
            f"{input_label(scenario, where)}: no value from {answer.low:,.4g} to {answer.high:,.4g} reaches "
            f"{name.lower()} of {answer.target:,.2f} {figure_unit}; the closest is {answer.value:,.4g} {field_unit}"
        )
    lines = [head, f"  planned {answer.current:,.4g} {field_unit}; {name.lower()} there {achieved}"]
    if answer.fits:
        lines.append(
            "  the plan there fits your hours, your energy for client work and your market"
        )
    else:
        if answer.over_by_hours > 0:
            lines.append(f"  does not fit: {answer.over_by_hours:,.0f} h a year over your capacity")
        if answer.over_delivery_cap_by_hours > 0:
            lines.append(
                f"  does not fit: {answer.over_delivery_cap_by_hours:,.0f} h a year of client "
                "work past your delivery capacity"
            )
        if answer.over_market:
            lines.append(f"  does not fit: over the market of {', '.join(answer.over_market)}")
        best = answer.best_fitting
        if best is None:
            lines.append("  no value in the range fits")
        else:
            reached = "undefined" if best.figure is None else f"{best.figure:,.2f}"
            lines.append(
                f"  the best value that fits: {best.value:,.4g} {field_unit}, "
                f"{name.lower()} there {reached}"
            )
    return "\n".join(lines)


def sensitivity_table(scenario: Scenario, result: Sensitivity) -> str:
    """The readable report of ``leverage sensitivity``: inputs by swing, largest first."""
    import pandas as pd

    from presentation.formatting import format_money

    currency = scenario.currency
    rows = [
        {
            "input": row.label,
            "low": f"{row.low_value:,.4g}",
            "high": f"{row.high_value:,.4g}",
            "net income at low": format_money(row.low_net_income, currency),
            "net income at high": format_money(row.high_net_income, currency),
            "swing": format_money(row.swing, currency),
            "hours at low": _hours_mark(row.low_total_hours, row.low_over_capacity),
            "hours at high": _hours_mark(row.high_total_hours, row.high_over_capacity),
            "past at low": _past_mark(row.low_over_delivery_cap, row.low_over_market),
            "past at high": _past_mark(row.high_over_delivery_cap, row.high_over_market),
        }
        for row in result.rows
        if row.swing or row.low_total_hours != row.high_total_hours
    ]
    lines = [
        f"{scenario.name}: each input moved ±{result.percent:g}%, the others as planned",
        f"Net income as planned {format_money(result.net_income, currency)}, "
        f"{result.total_hours:,.0f} h",
        "",
        pd.DataFrame(rows).to_string(index=False) if rows else "No input moves anything.",
        "",
        "✕: the plan there needs more hours than your capacity. Past: energy (your client "
        "work past your delivery capacity), market (an offer sells more than its market buys).",
    ]
    return "\n".join(lines)


def _past_mark(over_delivery_cap: bool, over_market: bool) -> str:
    """What the plan at one end is past, in a word or two: "energy", "market", or "—"."""
    past = [word for over, word in ((over_delivery_cap, "energy"), (over_market, "market")) if over]
    return ", ".join(past) or "—"


def _hours_mark(hours: float, over_capacity: bool) -> str:
    """Hours a year, marked ✕ when the plan there is over capacity."""
    return f"{hours:,.0f}" + (" ✕" if over_capacity else "")


def _sensitivity(arguments: argparse.Namespace) -> int:
    from models.sensitivity import sensitivity

    if not 0 < arguments.percent <= 100:
        return _usage_error(
            "sensitivity", f"--percent must be above 0 and at most 100 (got {arguments.percent:g})"
        )
    scenario = load_scenario(arguments.file)
    result = sensitivity(scenario, arguments.percent)
    return _print(arguments, result, lambda: sensitivity_table(scenario, result))


def simulation_text(scenario: Scenario, result: Simulation) -> str:
    """The readable report of ``leverage simulate``."""
    from presentation.formatting import format_money, format_share

    currency = scenario.currency

    def spread_line(name: str, spread: Spread, show: Callable[[float], str]) -> str:
        if spread.p50 is None:
            return f"{name:<22}undefined"
        values = (spread.p10, spread.p50, spread.p90, spread.mean)
        p10, p50, p90, mean = (show(value) for value in values if value is not None)
        return f"{name:<22}P10 {p10}   P50 {p50}   P90 {p90}   mean {mean}"

    lines = [
        f"{scenario.name}: {result.samples:,} plans drawn from the ranges (seed {result.seed})",
        "",
        spread_line("Net income", result.net_income, lambda v: format_money(v, currency)),
        spread_line("Total hours", result.total_hours, lambda v: f"{v:,.0f} h"),
        spread_line(
            "Effective hourly rate",
            result.effective_hourly_rate,
            lambda v: format_money(v, currency) + "/h",
        ),
        spread_line("Take-home income", result.take_home, lambda v: format_money(v, currency)),
        f"Chance of going over capacity  {format_share(result.probability_over_capacity)}",
        f"Chance of client work past your delivery capacity  {format_share(result.probability_over_delivery_cap)}",
        f"Chance of selling past a market  {format_share(result.probability_over_market)}",
    ]
    if result.probability_reach_target is not None and result.target is not None:
        lines.append(
            f"Chance of taking home {format_money(result.target, currency)}  {format_share(result.probability_reach_target)}"
        )
        lines.append(f"  … and fitting  {format_share(result.p_reach_and_fit)}")
    fitting = result.net_income_fitting
    lines.append(
        spread_line("Net income, fitting", fitting, lambda v: format_money(v, currency))
        if fitting is not None
        else "Net income, fitting  no plan drawn fits your hours, energy and markets"
    )
    if result.drivers:
        lines += ["", "What drives the spread (the share of net income's spread each explains):"]
        lines += [
            f"  {driver.share_of_spread:4.0%}  {driver.label}"
            f" (more → {'higher' if driver.correlation > 0 else 'lower'} net income)"
            for driver in result.drivers[:10]
        ]
    else:
        lines += [
            "",
            "The file has no ranges: every sample is the plan. Add `ranges:` to see a spread.",
        ]
    return "\n".join(lines)


def _simulate(arguments: argparse.Namespace) -> int:
    from models.uncertainty import MAX_SAMPLES, simulate

    if not 1 <= arguments.samples <= MAX_SAMPLES:
        return _usage_error(
            "simulate", f"--samples must be from 1 to {MAX_SAMPLES:,} (got {arguments.samples:,})"
        )
    scenario = load_scenario(arguments.file)
    result = simulate(scenario, arguments.samples, arguments.seed)
    return _print(arguments, result, lambda: simulation_text(scenario, result))


def optimum_table(scenario: Scenario, result: Optimum) -> str:
    """The readable report of ``leverage optimize``: today's counts beside the best mix."""
    import pandas as pd

    from models.evaluation import evaluate
    from presentation.formatting import format_hours, format_money
    from presentation.levers import BINDING_WORDS

    if result.totals is None:
        return result.message
    currency = scenario.currency
    today = evaluate(scenario).totals
    rows = [
        {
            "offer": offer.name,
            "count of": offer.count_field,
            "today": f"{getattr(offer, offer.count_field):,.4g}",
            "best mix": f"{result.counts[offer.name]:,.4g}",
            "stopped by": BINDING_WORDS[result.binding_limits.get(offer.name)],
        }
        for offer in scenario.enabled_offers
    ]
    lines = [
        f"{scenario.name}: the mix with the most net income",
        "",
        pd.DataFrame(rows).to_string(index=False),
        "",
        f"Net income  {format_money(today.net_income, currency)} → {format_money(result.totals.net_income, currency)}",
        f"Take-home   {format_money(today.take_home, currency)} → {format_money(result.totals.take_home, currency)}",
        f"Hours       {format_hours(today.total_hours)} → {format_hours(result.totals.total_hours)} of {format_hours(result.totals.capacity_hours)}",
    ]
    return "\n".join(lines)


def _optimize(arguments: argparse.Namespace) -> int:
    from models.optimizer import Limits, optimize

    share = arguments.max_bd_share
    if share is not None and not 0 <= share <= 1:
        return _usage_error("optimize", f"--max-bd-share is a share from 0 to 1 (got {share:g})")
    scenario = load_scenario(arguments.file)
    limits = Limits(
        reserve_hours_per_week=arguments.reserve_hours_per_week,
        max_bd_share=share,
        min_one_to_one_hours=arguments.min_one_to_one_hours,
        max_travel_hours=arguments.max_travel_hours,
    )
    result = optimize(scenario, limits)
    return _print(arguments, result, lambda: optimum_table(scenario, result))


def _report(arguments: argparse.Namespace) -> int:
    # The reports draw the app's charts: loaded only when a report is asked for.
    from reports.chart_files import CHARTS, chart_png
    from reports.html_report import html_report
    from reports.workbook import workbook

    if arguments.chart not in CHARTS:
        return _usage_error(
            "report",
            f"there is no chart called {arguments.chart!r}."
            f"{suggestion(arguments.chart, list(CHARTS))} The charts are {', '.join(CHARTS)}",
        )
    scenario = load_scenario(arguments.file)

    if arguments.format in ("html", "png"):  # the workbook has no charts
        print(CHART_ENGINE_STARTING, file=sys.stderr, flush=True)
    out = arguments.out
    if arguments.format == "png":
        out = out or Path(download_name(arguments.file.stem, "png", arguments.chart))
        content = chart_png(scenario, arguments.chart)
        what = f'the "{arguments.chart}" chart'
    elif arguments.format == "xlsx":
        out = out or Path(download_name(arguments.file.stem, "xlsx"))
        content = workbook(scenario)
        what = "the workbook"
    else:
        out = out or Path(download_name(arguments.file.stem, "html"))
        content = html_report(scenario).encode("utf-8")
        what = "the report"
    if _same_file(out, arguments.file):
        return _usage_error(
            "report", f"{out} is the scenario file itself; give another path with --out"
        )
    try:
        write_atomically(out, content)
    except OSError as error:
        print(f"leverage report: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    print(f'Wrote {what} of "{scenario.name}" to {out} ({len(content) / 1024:,.0f} KB)')
    return EXIT_OK


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (the same path, a link to it, or a hard link)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def journey_table(journey: Journey) -> str:
    """The readable report of ``leverage journey``: a row per step with its lever, main input
    and figures, each with its change since the step before."""
    import pandas as pd

    from models.inputs import label as input_label
    from models.journey import moves
    from presentation.formatting import format_change, format_figure
    from presentation.levers import LEVERS

    rows = []
    for number, step in enumerate(journey.steps, start=1):
        previous = journey.steps[number - 2].scenario if number > 1 else None
        currency = step.scenario.currency
        row = {
            "step": number,
            "scenario": step.scenario.name,
            "lever": LEVERS[step.lever].title,
            "main input": input_label(step.scenario, step.main_input),
        }
        for move in moves(previous, step.scenario):
            shown = format_figure(move.value, move.unit, currency)
            if move.change is not None:
                shown += f" ({format_change(move.change, move.unit, currency)})"
            row[move.label.split(" (")[0].lower()] = shown
        rows.append(row)
    return pd.DataFrame(rows).to_string(index=False)


def _journey(arguments: argparse.Namespace) -> int:
    from models.journey import JourneyError, load_journey, moves

    try:
        journey = load_journey(arguments.folder)
    except JourneyError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID_FILE
    if not arguments.json:
        print(journey_table(journey))
        return EXIT_OK
    steps = []
    for number, step in enumerate(journey.steps, start=1):
        previous = journey.steps[number - 2].scenario if number > 1 else None
        steps.append(
            {
                "source": step.source,
                "name": step.scenario.name,
                "lever": step.lever,
                "main_input": {"offer": step.main_input.offer, "field": step.main_input.field},
                "changes": [str(change) for change in step.changes],
                "figures": {
                    move.metric: {"value": move.value, "change": move.change}
                    for move in moves(previous, step.scenario)
                },
            }
        )
    print(json.dumps({"steps": steps}, indent=2, ensure_ascii=False))
    return EXIT_OK


def _validate(arguments: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in arguments.files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            print(error, file=sys.stderr)
            status = EXIT_INVALID_FILE
        else:
            print(f'{path}: valid ("{scenario.name}", {len(scenario.offers)} offers)')
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(streams[0]), _TerminalSafe(streams[1])
    try:
        arguments = sys.argv[1:] if argv is None else list(argv)
        return _run(_parser(arguments).parse_args(arguments))
    finally:
        sys.stdout, sys.stderr = streams


def _run(arguments: argparse.Namespace) -> int:
    """Run one parsed command, turning every problem into a message and an exit code."""
    handlers = {
        "evaluate": _evaluate,
        "scale": _scale,
        "compare": _compare,
        "timeline": _timeline,
        "goal-seek": _goal_seek,
        "sensitivity": _sensitivity,
        "simulate": _simulate,
        "optimize": _optimize,
        "report": _report,
        "journey": _journey,
        "validate": _validate,
    }
    try:
        return handlers[arguments.command](arguments)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID_FILE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last guard: no traceback reaches a user
        print(
            f"Leverage Planner hit an unexpected problem ({type(error).__name__}: {error}). "
            "Please report it with the file you used.",
            file=sys.stderr,
        )
        return EXIT_INVALID_FILE


def run() -> None:
    """Entry point of the ``leverage`` script (and of ``python -m models``): a process of its own,
    which looks for no pydantic plugins (:mod:`cli.pydantic_plugins`)."""
    skip_pydantic_plugins()
    sys.exit(main())
