"""A leverage journey: a practice changing one lever at a time, for a workshop room.

A journey is a series of ordinary scenario files, one per step, taken in the order
of their file names (``01-one-to-one.yaml``, ``02-contract-work.yaml`` …): a folder
a facilitator can copy, edit and share. Every step is validated like any scenario.

Nothing else needs writing down: each step's lever is read from what changed since
the step before, and its main input (the number a room calls out) follows from it:

- the first step: the lever of its first enabled offer;
- an offer added: that offer's kind (a group program, a mastermind …);
- a live offer moved from in person to online: working online, with that offer's count;
- otherwise the first number that changed, under the lever of its offer's kind.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.compare import HEADLINE_METRICS, Change, compare, differences
from models.errors import ScenarioError
from models.evaluation import evaluate, evaluate_offer
from models.examples import EXAMPLES_DIRECTORY
from models.files import load_scenario, scenario_from_document
from models.inputs import Input, assumptions
from models.levers import ONLINE
from models.scale import scale_offer, with_quantity
from models.schema import LiveOffer, OfferBase, Scenario

#: The journey the workshop opens on: from a 1:1 practice to licensing.
JOURNEY_DIRECTORY = EXAMPLES_DIRECTORY / "journey"

#: Files a journey folder is made of.
STEP_SUFFIXES = (".yaml", ".yml", ".json")

#: Most steps in one journey.
MAX_STEPS = 20

#: The figures a step shows moving since the step before (totals fields, in order).
MOVING_FIGURES = ("net_income", "total_hours", "leverage")

#: Changes a step does not count as its change: its own name and story.
_STORY_FIELDS = ("name", "description")


@dataclass(frozen=True)
class Step:
    """One step of a journey.

    ``lever`` is an offer kind or :data:`models.levers.ONLINE` (its words are
    :data:`presentation.levers.LEVERS`); ``main_input`` the input to edit
    live; ``changes`` what differs from the step before (empty for the first).
    """

    source: str
    scenario: Scenario
    lever: str
    main_input: Input
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Journey:
    """The steps of a journey, in order."""

    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Move:
    """One figure of a step: its value and the change since the step before (None for the
    first step, or where either value is undefined)."""

    metric: str
    label: str
    unit: str
    value: float | None
    change: float | None


class JourneyError(ValueError):
    """A journey that cannot be used, with every problem of every step."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        heading = f"This journey cannot be used ({count} problem{'s' if count != 1 else ''}):"
        super().__init__("\n".join([heading, *(f"  - {problem}" for problem in self.problems)]))


def _offers(scenario: Scenario) -> dict[str, OfferBase]:
    return {offer.name: offer for offer in scenario.enabled_offers}


def _first_number(scenario: Scenario, changes: Sequence[Change]) -> Input | None:
    """The first changed input of the scenario that has a number to vary."""
    numeric = set(assumptions(scenario))
    for change in changes:
        owner = None if change.where == "practitioner" else change.where[len('offer "') : -1]
        candidate = Input(owner, change.field)
        if candidate in numeric:
            return candidate
    return None


def _lever(previous: Scenario | None, scenario: Scenario) -> tuple[str, Input]:
    """The step's lever and main input, read from what changed since ``previous``."""
    offers = _offers(scenario)
    if not offers:
        raise ValueError("has no enabled offer: a step shows a practice with at least one offer")
    first = next(iter(offers.values()))
    if previous is None:
        return first.kind, Input(first.name, first.main_field)
    before = _offers(previous)
    added = [offer for name, offer in offers.items() if name not in before]
    if added:
        return added[0].kind, Input(added[0].name, added[0].main_field)
    for name, offer in offers.items():
        old = before[name]
        if (
            isinstance(offer, LiveOffer)
            and isinstance(old, LiveOffer)
            and old.in_person
            and not offer.in_person
        ):
            return ONLINE, Input(name, offer.count_field)
    changed = _first_number(scenario, differences(previous, scenario))
    if changed is not None and changed.offer is not None:
        return offers[changed.offer].kind, changed
    return first.kind, changed or Input(first.name, first.main_field)


@dataclass(frozen=True)
class DemandStop:
    """A step whose lever demand stops before your hours do: the offer's marketing brings
    fewer buyers than your hours could serve.

    Attributes
    ----------
    offer : str
        The offer whose lever it is.
    leads_per_year : float
        Leads its marketing reaches. [leads/year]
    conversion_rate : float
        Share of them who buy. [0-1]
    demand_limit : float
        Buyers a year the funnel brings, returning buyers included. [buyers/year]
    buyers_your_hours_allow : float | None
        Buyers at the most your hours allow; None when hours never stop the lever
        (within the market, or the largest quantity a plan may have). [buyers/year]
    """

    offer: str
    leads_per_year: float
    conversion_rate: float
    demand_limit: float
    buyers_your_hours_allow: float | None


def demand_stop(scenario: Scenario, where: Input) -> DemandStop | None:
    """Whether demand, not hours, stops the lever of ``where``'s offer, or None.

    Notes
    -----
    Demand stops the lever when the offer has a funnel (:attr:`OfferBase.demand_limit`) and
    the buyers at its hours ceiling (:func:`models.scale.scale_offer` of the plan without
    the offer's market limits) are more than the funnel brings, or hours never stop it. E.g. a list of 7,500 at a 2% launch conversion:
    150 students, where the hours would take over 300.
    """
    offer = _offers(scenario).get(where.offer or "")
    if offer is None or offer.demand_limit is None:
        return None
    assert offer.leads_per_year is not None and offer.conversion_rate is not None
    # Where the hours alone stop the lever: the same plan with no market limit on the offer.
    unlimited = offer.model_copy(update={"leads_per_year": None, "max_sales_per_year": None})
    without_market = scenario.model_copy(
        update={"offers": [unlimited if o is offer else o for o in scenario.offers]}
    )
    lever = scale_offer(without_market, offer.name)
    hours_allow = (
        evaluate_offer(with_quantity(unlimited, lever.ceiling.quantity)).buyers
        if lever.bound == "time"
        else None
    )
    if hours_allow is not None and hours_allow <= offer.demand_limit:
        return None
    return DemandStop(
        offer=offer.name,
        leads_per_year=offer.leads_per_year,
        conversion_rate=offer.conversion_rate,
        demand_limit=offer.demand_limit,
        buyers_your_hours_allow=hours_allow,
    )


def edited(scenario: Scenario, where: Input, value: float) -> Scenario:
    """The scenario with one input set to ``value``, validated like a file.

    Raises
    ------
    ScenarioError
        When the value breaks a rule (out of range, more new licensees than active ones).
    """
    document = scenario.model_dump(mode="python")
    section = (
        document["practitioner"]
        if where.offer is None
        else next(offer for offer in document["offers"] if offer["name"] == where.offer)
    )
    section[where.field] = value
    return scenario_from_document(document)


def moves(previous: Scenario | None, scenario: Scenario) -> tuple[Move, ...]:
    """Net income [currency/year], total hours [h/year] and leverage of the step, each with
    its change since ``previous`` (the same deltas as Compare's)."""
    if previous is None:
        totals = evaluate(scenario).totals
        return tuple(
            Move(metric, *HEADLINE_METRICS[metric], getattr(totals, metric), None)
            for metric in MOVING_FIGURES
        )
    rows = {row.metric: row for row in compare([previous, scenario]).metrics}
    return tuple(
        Move(
            metric,
            rows[metric].label,
            rows[metric].unit,
            rows[metric].values[1],
            rows[metric].deltas[1],
        )
        for metric in MOVING_FIGURES
    )


def journey_from_scenarios(named: Sequence[tuple[str, Scenario]]) -> Journey:
    """The journey of valid scenarios, in the order given, each with the name of its file.

    Raises
    ------
    JourneyError
        When there are no steps, too many, or a step has no enabled offer.
    """
    if not named:
        raise JourneyError(["a journey needs at least one scenario file"])
    if len(named) > MAX_STEPS:
        raise JourneyError([f"a journey has at most {MAX_STEPS} steps (got {len(named)})"])
    steps: list[Step] = []
    problems: list[str] = []
    previous: Scenario | None = None
    for number, (source, scenario) in enumerate(named, start=1):
        try:
            lever, main_input = _lever(previous, scenario)
        except ValueError as error:
            problems.append(f"step {number} ({source}) {error}")
        else:
            changes = (
                ()
                if previous is None
                else tuple(
                    change
                    for change in differences(previous, scenario)
                    if not (change.where == "scenario" and change.field in _STORY_FIELDS)
                )
            )
            steps.append(Step(source, scenario, lever, main_input, changes))
        previous = scenario
    if problems:
        raise JourneyError(problems)
    return Journey(tuple(steps))


def journey_from_files(files: Sequence[tuple[str, bytes | str | os.PathLike[str]]]) -> Journey:
    """The journey of scenario files (name, content or path), taken in order of their names.

    Every file is validated; all problems of all steps are reported together.

    Raises
    ------
    JourneyError
        Naming each step's file and each of its problems.
    """
    named: list[tuple[str, Scenario]] = []
    problems: list[str] = []
    ordered = sorted(files, key=lambda item: item[0])
    for number, (name, source) in enumerate(ordered, start=1):
        try:
            named.append((name, load_scenario(source, source_name=name)))
        except ScenarioError as error:
            problems += [f"step {number} ({name}): {problem}" for problem in error.problems]
    if problems:
        raise JourneyError(problems)
    return journey_from_scenarios(named)


def load_journey(directory: Path = JOURNEY_DIRECTORY) -> Journey:
    """The journey in a folder: its scenario files in order of their names.

    Raises
    ------
    JourneyError
        When the folder is missing or holds no scenario file, or a step is invalid.
    """
    if not directory.is_dir():
        raise JourneyError([f"{directory} is not a folder"])
    paths = [path for path in directory.iterdir() if path.suffix.lower() in STEP_SUFFIXES]
    if not paths:
        raise JourneyError([f"{directory} holds no scenario file (.yaml, .yml or .json)"])
    return journey_from_files([(path.name, path) for path in paths])
