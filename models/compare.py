"""Scenarios side by side: every headline figure against a baseline, and what changed.

Every figure comes from :func:`models.evaluation.evaluate`; this module only
lines results up and takes differences. A delta is a scenario's value minus the
baseline's; a percentage is that delta over the baseline's value, undefined
(None) where the baseline's value is zero or undefined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from models.evaluation import evaluate
from models.formulas import ratio
from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS, ScenarioResult
from models.schema import KIND_LABELS, Scenario, Schedule

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
    """One input that differs between two scenarios: ``where`` → ``field``: old → new.

    ``field`` is empty for an offer added or removed as a whole.
    """

    where: str
    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        if not self.field:
            return f"{self.where}: {'added' if self.old is None else 'removed'}"
        return f"{self.where} → {self.field}: {_show(self.old)} → {_show(self.new)}"


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


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, str) and len(value) > _TEXT_PREVIEW:
        return f'"{value[: _TEXT_PREVIEW - 1].replace(chr(10), " ")}…"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, float):
        return f"{value:,.4g}"
    if isinstance(value, list):
        return f"[{', '.join(_show(item) for item in value)}]"
    return str(value)


def distinct_labels(scenarios: Sequence[Scenario]) -> tuple[str, ...]:
    """The scenarios' names, made unique with " (2)", " (3)" … where two share one."""
    labels: list[str] = []
    for scenario in scenarios:
        label, number = scenario.name, 2
        while label in labels:
            label, number = f"{scenario.name} ({number})", number + 1
        labels.append(label)
    return tuple(labels)


def _delta(value: float | None, base: float | None) -> float | None:
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
        deltas = tuple(_delta(value, base) for value in values)
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


def _field_changes(where: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return [
        Change(where, name, old.get(name), new.get(name))
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
    found = _field_changes("scenario", before, after)
    found += _field_changes(
        "practitioner", _flattened(before["practitioner"]), _flattened(after["practitioner"])
    )
    old_offers = {offer["name"]: _flattened(offer) for offer in before["offers"]}
    new_offers = {offer["name"]: _flattened(offer) for offer in after["offers"]}
    for name, offer in old_offers.items():
        if name not in new_offers:
            found.append(Change(f'offer "{name}"', "", offer["kind"], None))
        else:
            found += _field_changes(f'offer "{name}"', offer, new_offers[name])
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
