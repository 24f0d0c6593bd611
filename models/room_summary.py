"""A workshop room's plans in figures: the fields a room may open, and the room's summary.

A room starts from one scenario; the facilitator lets participants change some of its
fields (:func:`field_choices`, named by field paths) and each participant submits a plan.
:func:`summarise_room` evaluates the starting plan and every submitted plan once
(:func:`models.evaluation.evaluate`) and lines up, for the facilitator's room view, each
plan's figures (the Compare page's headline figures, :data:`models.compare.HEADLINE_METRICS`),
what it changed from the start (:func:`models.compare.differences`) and how the room's
net income, hours used and leverage are spread. Figures are per year in steady state.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from models.compare import HEADLINE_METRICS, Change, differences, distinct_names
from models.evaluation import evaluate
from models.inputs import Input, label, unit
from models.results import ScenarioResult
from models.rooms import RoomField
from models.schema import Practitioner, Scenario, assumption_fields

#: The figures whose spread the room view draws: totals field → plain label and unit.
SPREAD_METRICS: dict[str, tuple[str, str]] = {
    metric: HEADLINE_METRICS[metric] for metric in ("net_income", "utilization", "leverage")
}

#: What a plan submitted without a name is called, numbered in the order they came in.
ANONYMOUS = "Anonymous"


@dataclass(frozen=True)
class FieldChoice:
    """A field participants may be allowed to change.

    Attributes
    ----------
    path : str
        ``practitioner.<field>`` or ``offers[<index>].<field>`` (see :func:`field_choices`).
    label : str
        ``Private coaching → Price per client``, ``You → Working hours per week``.
    unit : str
        The field's unit, money in the scenario's currency (``USD/client``, ``h/week``, ``0-1``).
    """

    path: str
    label: str
    unit: str


def field_choices(scenario: Scenario) -> tuple[FieldChoice, ...]:
    """Every field of ``scenario`` a room may let participants change, in the schema's order:
    the working year's (the practitioner's) first, then each enabled offer's.

    A field is named by its **field path** (:class:`models.rooms.RoomField`), the form
    :mod:`store.rooms` keeps in a room's ``allowed_fields`` (a tuple of these strings):

    - ``practitioner.<field>`` for the working year: ``practitioner.hours_per_week``;
    - ``offers[<index>].<field>`` for an offer, ``<index>`` its position (from 0) in
      ``scenario.offers``, disabled offers counted: ``offers[0].price_per_client``.

    ``<field>`` is the schema's field name. Only the numeric assumptions are offered
    (:func:`models.schema.assumption_fields`), those with a value in the scenario.

    Notes
    -----
    A coach with one offer "Private coaching" gets ``practitioner.hours_per_week``
    ("You → Working hours per week", h/week) … then ``offers[0].price_per_client``
    ("Private coaching → Price per client", USD/client) ….
    """
    found = [
        _field_choice(scenario, RoomField(None, name).path, Input(None, name))
        for name in assumption_fields(Practitioner)
        if getattr(scenario.practitioner, name) is not None
    ]
    for index, offer in enumerate(scenario.offers):
        if offer.enabled:
            found += [
                _field_choice(scenario, RoomField(index, name).path, Input(offer.name, name))
                for name in assumption_fields(type(offer))
                if getattr(offer, name) is not None
            ]
    return tuple(found)


def _field_choice(scenario: Scenario, path: str, where: Input) -> FieldChoice:
    return FieldChoice(path, label(scenario, where), unit(scenario, where))


@dataclass(frozen=True)
class RoomPlan:
    """One participant's plan, evaluated.

    ``label`` is their display name, or "Anonymous 1", "Anonymous 2" … in the order the
    plans came in, made unique with " (2)" where two people chose one name; ``changes``
    is what differs from the room's starting plan.
    """

    label: str
    scenario: Scenario
    result: ScenarioResult
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Spread:
    """How one figure is spread over the room's plans.

    Attributes
    ----------
    metric, label, unit : str
        The totals field, its plain label and unit (``net_income``, "Net income",
        ``currency/year``), as on the Compare page.
    values : tuple[float | None, ...]
        Each plan's figure, in the order of :attr:`RoomSummary.plans`; None where it is
        undefined (no leverage without hours).
    lowest, median, highest : float | None
        Over the defined values; None when no plan has one.
    start : float | None
        The starting plan's figure.
    """

    metric: str
    label: str
    unit: str
    values: tuple[float | None, ...]
    lowest: float | None
    median: float | None
    highest: float | None
    start: float | None


@dataclass(frozen=True)
class RoomSummary:
    """The room's plans in figures: the start, each plan, and the spread of the key figures."""

    start: ScenarioResult
    plans: tuple[RoomPlan, ...]
    spreads: tuple[Spread, ...]


def plan_labels(display_names: Sequence[str]) -> tuple[str, ...]:
    """Each plan's label: its display name, or "Anonymous 1", "Anonymous 2" … for the empty
    ones in order; two plans with one name become "Ana" and "Ana (2)"."""
    labels, anonymous = [], 0
    for name in display_names:
        if not name.strip():
            anonymous += 1
            name = f"{ANONYMOUS} {anonymous}"
        labels.append(name.strip())
    return distinct_names(labels)


def summarise_room(
    start: Scenario, display_names: Sequence[str], scenarios: Sequence[Scenario]
) -> RoomSummary:
    """The room view's figures: every plan evaluated once, against the room's starting plan.

    ``display_names`` and ``scenarios`` are the submissions' (one each, oldest first; an
    empty name is an anonymous plan).

    Notes
    -----
    median = the middle value of the sorted figures (the mean of the two middle ones for
    an even count). Three plans earning 60,000, 90,000 and 150,000 a year: lowest 60,000,
    median 90,000, highest 150,000.
    """
    if len(display_names) != len(scenarios):
        raise ValueError(f"{len(display_names)} names for {len(scenarios)} plans")
    start_result = evaluate(start)
    plans = tuple(
        RoomPlan(name, scenario, evaluate(scenario), differences(start, scenario))
        for name, scenario in zip(plan_labels(display_names), scenarios, strict=True)
    )
    spreads = tuple(
        _spread(metric, name, metric_unit, plans, start_result)
        for metric, (name, metric_unit) in SPREAD_METRICS.items()
    )
    return RoomSummary(start_result, plans, spreads)


def _spread(
    metric: str, name: str, metric_unit: str, plans: Sequence[RoomPlan], start: ScenarioResult
) -> Spread:
    values = tuple(getattr(plan.result.totals, metric) for plan in plans)
    defined = [value for value in values if value is not None]
    return Spread(
        metric,
        name,
        metric_unit,
        values,
        min(defined, default=None),
        statistics.median(defined) if defined else None,
        max(defined, default=None),
        getattr(start.totals, metric),
    )


def plans_table(summary: RoomSummary) -> pd.DataFrame:
    """One row per plan (the room's CSV): ``plan``, every headline figure by its totals field
    (:data:`models.compare.HEADLINE_METRICS`, units there), and ``changes``, what the plan
    changed from the start in words, one change a line."""
    rows: list[dict[str, Any]] = [
        {
            "plan": plan.label,
            **{metric: getattr(plan.result.totals, metric) for metric in HEADLINE_METRICS},
            "changes": "\n".join(map(str, plan.changes)),
        }
        for plan in summary.plans
    ]
    return pd.DataFrame(rows, columns=["plan", *HEADLINE_METRICS, "changes"])


def spread_data(summary: RoomSummary, spread: Spread) -> pd.DataFrame:
    """Long form for one spread's chart: ``plan`` and ``value`` (the figure; a share [0-1]
    as it is), the plans without the figure left out."""
    rows = [
        (plan.label, value)
        for plan, value in zip(summary.plans, spread.values, strict=True)
        if value is not None
    ]
    return pd.DataFrame(rows, columns=["plan", "value"])
