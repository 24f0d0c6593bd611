"""Scenarios side by side: every headline figure against a baseline, and what changed.

Every figure comes from :func:`models.evaluation.evaluate`; this module only
lines results up and takes differences. A delta is a scenario's value minus the
baseline's; a percentage is that delta over the baseline's value, undefined
(None) where the baseline's value is zero or undefined.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

import pandas as pd

from models.evaluation import evaluate
from models.formulas import ratio
from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS, ScenarioResult
from models.schema import KIND_LABELS, OFFER_MODELS, Practitioner, Scenario, Schedule

#: Totals field → plain label and unit, in the order a comparison lists them.
HEADLINE_METRICS: dict[str, tuple[str, str]] = {
    "net_income": ("Net income", "currency/year"),
    "tax": ("Tax", "currency/year"),
    "take_home": ("Take-home", "currency/year"),
    "revenue": ("Revenue", "currency/year"),
    "direct_costs": ("Direct costs", "currency/year"),
    "fixed_costs": ("Fixed costs", "currency/year"),
    "total_hours": ("Hours worked", "h/year"),
    "capacity_hours": ("Hours available", "h/year"),
    "free_hours": ("Free hours", "h/year"),
    "utilization": ("Hours used", "0-1"),
    "billable_utilization": ("Billable utilisation", "0-1"),
    "effective_hourly_rate": ("Effective hourly rate", "currency/h"),
    "billable_share": ("Billable share", "0-1"),
    "billable_to_bd_ratio": ("Billable-to-BD ratio", "-"),
    "leverage": ("Leverage (client hours per own hour)", "-"),
    "client_hours": ("Client hours", "h/year"),
    "buyers": ("Buyers", "per year"),
    "associate_hours": ("Associate hours", "h/year"),
    "reach_through_others": ("Clients reached through licensees", "per year"),
}

MAX_SCENARIOS = 5


@dataclass(frozen=True)
class MetricRow:
    """One headline figure across the compared scenarios.

    ``values``, ``deltas`` and ``percents`` follow the order of
    :attr:`Comparison.scenarios`; the baseline's delta is 0.
    """

    metric: str
    label: str
    unit: str
    values: tuple[float | None, ...]
    deltas: tuple[float | None, ...]
    percents: tuple[float | None, ...]


@dataclass(frozen=True)
class Change:
    """One input that differs between two scenarios, by key: ``where`` (``scenario``,
    ``practitioner`` or ``offer "Name"``), ``field`` (``schedule.start_month``,
    ``ranges.clients`` …), old and new value.

    ``field`` is empty for an offer added or removed as a whole; ``old`` or ``new`` is then
    its kind. ``label`` and ``unit`` are the field's title and unit from the schema, for the
    words (:meth:`__str__`): ``“Mastermind”: Members per cohort: 10 → 12``.
    """

    where: str
    field: str
    old: Any
    new: Any
    label: str = dataclasses.field(default="", compare=False)
    unit: str = dataclasses.field(default="", compare=False)

    def __str__(self) -> str:
        """The change in a coach's words: ``Fixed costs per year: 10,000 → 8,000``,
        ``“Mastermind”: Members per cohort: 10 → 12``, ``Added “Circle” (mastermind)``."""
        offer = _offer_name(self.where)
        if not self.field:
            kind = KIND_LABELS.get(str(self.old or self.new), str(self.old or self.new))
            verb = "Added" if self.old is None else "Removed"
            return f"{verb} “{offer}” ({kind.lower()})"
        words = (
            f"{self.label or self.field}: "
            f"{_show(self.old, self.unit)} → {_show(self.new, self.unit)}"
        )
        return f"“{offer}”: {words}" if offer is not None else words


@dataclass(frozen=True)
class Comparison:
    """Scenarios side by side (the JSON of ``leverage compare``).

    ``changes`` lists, for each scenario after the baseline, what differs from the baseline.
    """

    scenarios: tuple[str, ...]
    baseline: str
    metrics: tuple[MetricRow, ...]
    changes: dict[str, tuple[Change, ...]]


#: Text longer than this is abbreviated in a change's words. [characters]
_TEXT_PREVIEW = 60


#: ``offer "Name"``, the ``where`` of an offer's change.
_OFFER_PREFIX = 'offer "'


def _offer_name(where: str) -> str | None:
    """The offer's name in a change's ``where``, or None for the scenario and practitioner."""
    return where[len(_OFFER_PREFIX) : -1] if where.startswith(_OFFER_PREFIX) else None


def _show(value: Any, unit: str = "") -> str:
    """A value as a coach reads it, by its unit: money with separators (``10,000``,
    ``97.50``), shares as percentages (``50%``), hours with ``h``, a range as ``8 to 12``,
    yes or no, text in quotes, nothing as "none"."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) > _TEXT_PREVIEW:
        return f'"{value[: _TEXT_PREVIEW - 1].replace(chr(10), " ")}…"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list) and unit.startswith(RANGE_UNIT) and len(value) == 2:
        inner = unit.removeprefix(RANGE_UNIT)
        return f"{_show(value[0], inner)} to {_show(value[1], inner)}"
    if isinstance(value, list):
        return ", ".join(_show(item, unit) for item in value)
    if not isinstance(value, int | float):
        return str(value)
    if unit == "0-1":
        return f"{100 * value:,.4g}%"
    if unit.startswith("currency"):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"
    return f"{number} h" if unit == "h" else number


#: Before the field's unit, the unit of a range's change: two numbers, low and high.
RANGE_UNIT = "range of "


def _label_and_unit(model: Any, name: str) -> tuple[str, str]:
    """The title and unit of ``name`` (``schedule.start_month``, ``ranges.clients`` …) in the
    schema model ``model``; the key itself and no unit when the model does not have it."""
    section, _, inner = name.partition(".")
    if section == "schedule" and inner:
        model, name = Schedule, inner
    info = model.model_fields.get(inner if section == "ranges" and inner else name)
    if info is None:
        return name, ""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    title, unit = str(info.title or name), str(extra.get("unit", ""))
    if section == "ranges" and inner:
        return f"Range of {title[:1].lower()}{title[1:]}", RANGE_UNIT + unit
    return title, unit


def distinct_names(names: Sequence[str]) -> tuple[str, ...]:
    """The names, made unique with " (2)", " (3)" … where two are the same."""
    labels: list[str] = []
    for name in names:
        label, number = name, 2
        while label in labels:
            label, number = f"{name} ({number})", number + 1
        labels.append(label)
    return tuple(labels)


def distinct_labels(scenarios: Sequence[Scenario]) -> tuple[str, ...]:
    """The scenarios' names, made unique with " (2)", " (3)" … where two share one."""
    return distinct_names([scenario.name for scenario in scenarios])


@overload
def change_of(value: float, base: float) -> float: ...
@overload
def change_of(value: float | None, base: float | None) -> float | None: ...
def change_of(value: float | None, base: float | None) -> float | None:
    """``value`` less ``base``, in their unit; None when either is undefined (no leverage
    without hours)."""
    return None if value is None or base is None else value - base


def compare(
    scenarios: Sequence[Scenario],
    baseline: int = 0,
    results: Sequence[ScenarioResult] | None = None,
) -> Comparison:
    """Every headline figure of 2 to 5 scenarios, with deltas against ``scenarios[baseline]``.

    ``results`` are the scenarios' evaluations, in the same order, when the caller has
    them already (so each scenario is evaluated once); without them they are computed.

    Notes
    -----
    delta = value − baseline value; percent = delta / |baseline value|.
    A coach earning 172,550 against a baseline of 150,000: +22,550, +15.0%.
    """
    if not 2 <= len(scenarios) <= MAX_SCENARIOS:
        raise ValueError(f"compare 2 to {MAX_SCENARIOS} scenarios (got {len(scenarios)})")
    labels = distinct_labels(scenarios)
    if results is None:
        results = [evaluate(scenario) for scenario in scenarios]
    elif len(results) != len(scenarios):
        raise ValueError(f"{len(results)} results for {len(scenarios)} scenarios")
    rows = []
    for metric, (label, unit) in HEADLINE_METRICS.items():
        values = tuple(getattr(result.totals, metric) for result in results)
        base = values[baseline]
        deltas = tuple(change_of(value, base) for value in values)
        percents = tuple(
            None if delta is None or base is None else ratio(delta, abs(base)) for delta in deltas
        )
        rows.append(MetricRow(metric, label, unit, values, deltas, percents))
    changes = {
        labels[index]: differences(scenarios[baseline], scenario)
        for index, scenario in enumerate(scenarios)
        if index != baseline
    }
    return Comparison(labels, labels[baseline], tuple(rows), changes)


def _field_changes(
    where: str, old: dict[str, Any], new: dict[str, Any], model: Any
) -> list[Change]:
    return [
        Change(where, name, old.get(name), new.get(name), *_label_and_unit(model, name))
        for name in dict.fromkeys([*old, *new])
        if old.get(name) != new.get(name) and name not in ("offers", "practitioner")
    ]


def _flattened(section: dict[str, Any]) -> dict[str, Any]:
    """The section's fields with its schedule's and ranges' one by one: ``schedule.start_month``,
    ``ranges.clients``; no schedule means the default one."""
    fields = {name: value for name, value in section.items() if name not in ("schedule", "ranges")}
    if "schedule" in section:
        schedule = section["schedule"] or Schedule().model_dump(mode="python")
        fields |= {f"schedule.{name}": value for name, value in schedule.items()}
    ranges = section.get("ranges") or {}
    return fields | {f"ranges.{name}": value for name, value in ranges.items()}


def differences(old: Scenario, new: Scenario) -> tuple[Change, ...]:
    """Every input that differs from ``old`` to ``new``: scenario, practitioner, each offer.

    Offers are matched by name; an offer in only one of them is added or removed.
    Schedules and ranges are compared field by field (``schedule.start_month``, ``ranges.clients``).
    """
    before, after = old.model_dump(mode="python"), new.model_dump(mode="python")
    found = _field_changes("scenario", before, after, Scenario)
    found += _field_changes(
        "practitioner",
        _flattened(before["practitioner"]),
        _flattened(after["practitioner"]),
        Practitioner,
    )
    old_offers = {offer["name"]: _flattened(offer) for offer in before["offers"]}
    new_offers = {offer["name"]: _flattened(offer) for offer in after["offers"]}
    for name, offer in old_offers.items():
        if name not in new_offers:
            found.append(Change(f'offer "{name}"', "", offer["kind"], None))
        else:
            model = OFFER_MODELS.get(new_offers[name]["kind"], OFFER_MODELS[offer["kind"]])
            found += _field_changes(f'offer "{name}"', offer, new_offers[name], model)
    found += [
        Change(f'offer "{name}"', "", None, offer["kind"])
        for name, offer in new_offers.items()
        if name not in old_offers
    ]
    return tuple(found)


def metrics_table(comparison: Comparison) -> pd.DataFrame:
    """Wide form for reading and CSV: one row per figure, a value column per scenario,
    then a delta and a percentage column per scenario other than the baseline."""
    rows = []
    for row in comparison.metrics:
        record: dict[str, Any] = {"figure": row.label, "unit": row.unit}
        for label, value in zip(comparison.scenarios, row.values, strict=True):
            record[label] = value
        for label, delta, percent in zip(
            comparison.scenarios, row.deltas, row.percents, strict=True
        ):
            if label != comparison.baseline:
                record[f"{label}: change"] = delta
                record[f"{label}: change %"] = None if percent is None else 100 * percent
        rows.append(record)
    return pd.DataFrame(rows)


def hours_by_scenario(results: Sequence[ScenarioResult], labels: Sequence[str]) -> pd.DataFrame:
    """Long form: scenario, category, hours [h/year] (fixed admin in Admin)."""
    rows = [
        (label, HOUR_CATEGORY_LABELS[category], getattr(result.totals.hours, category))
        for label, result in zip(labels, results, strict=True)
        for category in HOUR_CATEGORIES
    ]
    return pd.DataFrame(rows, columns=["scenario", "category", "hours"])


def revenue_by_kind(results: Sequence[ScenarioResult], labels: Sequence[str]) -> pd.DataFrame:
    """Long form: scenario, kind (plain label), revenue [currency/year], every kind present."""
    rows = []
    for label, result in zip(labels, results, strict=True):
        by_kind = dict.fromkeys(KIND_LABELS.values(), 0.0)
        for offer in result.offers:
            by_kind[KIND_LABELS[offer.kind]] += offer.revenue
        rows += [(label, kind, revenue) for kind, revenue in by_kind.items()]
    data = pd.DataFrame(rows, columns=["scenario", "kind", "revenue"])
    used = data.groupby("kind", sort=False)["revenue"].transform("sum") != 0
    return data[used].reset_index(drop=True)


def offers_by_scenario(results: Sequence[ScenarioResult], labels: Sequence[str]) -> pd.DataFrame:
    """Every enabled offer of every scenario: scenario, offer, kind, revenue, contribution,
    hours [h/year], buyers, leverage, associate hours [h/year]."""
    rows = [
        (
            label,
            offer.name,
            KIND_LABELS[offer.kind],
            offer.revenue,
            offer.contribution,
            offer.total_hours,
            offer.buyers,
            offer.leverage,
            offer.associate_hours,
        )
        for label, result in zip(labels, results, strict=True)
        for offer in result.offers
    ]
    columns = [
        "scenario",
        "offer",
        "kind",
        "revenue",
        "contribution",
        "hours",
        "buyers",
        "leverage",
        "associate_hours",
    ]
    return pd.DataFrame(rows, columns=columns)
