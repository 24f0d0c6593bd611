"""Uncertainty: a Monte Carlo simulation over the scenario's ``ranges``.

Every field with a range ``[low, high]`` is drawn from a triangular distribution
with its peak at the planned value, independently, all samples at once (numpy
arrays in the fields, one evaluation for every sample: no loop per sample).
A zero-width range is the planned value. Samples keep the rules that tie two
fields together (new licensees at most the active ones, the automated price at
most the full-support one). The same seed gives the same result.

Which fields drive the spread is measured by the share of net income's spread each
explains: its squared rank (Spearman) correlation with net income, on the first
:data:`DRIVER_SAMPLES` samples (enough to rank them: a correlation's standard error is
about 0.03, and it keeps a million samples fast), scaled down together where the
squares add up to more than 1. A field that cannot move net income (held at its plan
in :data:`HELD_SAMPLES` drawn plans, net income does not change) is left out.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from models.evaluation import YearSums
from models.fitting import check_fit, hours_over
from models.inputs import (
    Input,
    assumptions,
    consistent,
    figure_of,
    label,
    metric,
    value_of,
    with_values,
)
from models.schema import Practitioner, Scenario
from models.sensitivity import moved_in_steps

DEFAULT_SAMPLES = 10_000
DEFAULT_SEED = 1
MAX_SAMPLES = 1_000_000
DRIVER_SAMPLES = 1_000
#: Drawn plans in which each ranged field is held at its plan to see whether it can move net
#: income at all: all fields at once, one evaluation of fields × HELD_SAMPLES plans (a few ms).
HELD_SAMPLES = 32

FloatArray = npt.NDArray[np.float64]


@functools.cache
def _pool() -> ThreadPoolExecutor:
    """One worker a core, made when the first simulation runs and kept for the process: the
    blocks of samples run on every core at once. Importing this module starts nothing."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="simulate")


@dataclass(frozen=True)
class Spread:
    """Percentiles and mean of a figure over the samples (None: undefined in every sample)."""

    p10: float | None
    p50: float | None
    p90: float | None
    mean: float | None


@dataclass(frozen=True)
class Driver:
    """How much of net income's spread one ranged field explains, and in which direction.

    Attributes
    ----------
    correlation : float
        Rank (Spearman) correlation of the field with net income: above 0, more of the
        field gives more net income. [−1 to 1]
    share_of_spread : float
        The share of net income's variance the field explains: the correlation squared,
        scaled down with the others where the squares add up to more than 1. [0-1]
    """

    offer: str | None
    field: str
    label: str
    correlation: float
    share_of_spread: float


@dataclass(frozen=True)
class Simulation:
    """The simulation's summary (the JSON of ``leverage simulate``).

    Attributes
    ----------
    samples, seed : int
        How many plans were drawn, and from which seed.
    net_income, total_hours, effective_hourly_rate : Spread
        [currency/year], [h/year], [currency/h].
    probability_over_capacity : float
        Share of samples whose hours exceed capacity. [0-1]
    probability_reach_target : float | None
        Share of samples whose take-home income (net income after tax) is at or above
        the target; None without a target. [0-1]
    p_reach_and_fit : float | None
        Share of samples at or above the target whose plan also fits: hours within the
        capacity, client work within the delivery capacity and every offer within its
        market. The chance of a plan that reaches the target and can be lived. None
        without a target. [0-1]
    net_income_fitting : Spread | None
        Net income of the samples that fit (as above); None when no sample fits.
        [currency/year]
    target : float | None
        The target take-home income used. [currency/year]
    drivers : tuple[Driver, ...]
        Every ranged field that can move net income, the largest share of its spread first.
    take_home : Spread
        Take-home income: net income after tax. [currency/year]
    take_home_fitting : Spread | None
        Take-home income of the samples that fit; None when no sample fits. [currency/year]
    probability_over_delivery_cap : float
        Share of samples whose own delivery hours exceed the delivery capacity. [0-1]
    probability_over_market : float
        Share of samples in which some offer sells more than its market will buy. [0-1]
    """

    samples: int
    seed: int
    net_income: Spread
    total_hours: Spread
    effective_hourly_rate: Spread
    probability_over_capacity: float
    probability_reach_target: float | None
    p_reach_and_fit: float | None
    net_income_fitting: Spread | None
    target: float | None
    drivers: tuple[Driver, ...]
    take_home: Spread
    take_home_fitting: Spread | None
    probability_over_delivery_cap: float
    probability_over_market: float


@dataclass(frozen=True)
class Draws:
    """Every sample: the figures per sample and the fields drawn. Arrays of ``samples`` values.

    ``over_delivery_cap`` and ``over_market`` say per sample whether own delivery exceeds
    the delivery capacity and whether some offer sells past its market
    (:func:`models.fitting.check_fit`).
    """

    net_income: FloatArray
    total_hours: FloatArray
    effective_hourly_rate: FloatArray
    capacity_hours: FloatArray
    fields: dict[Input, FloatArray]
    take_home: FloatArray
    over_delivery_cap: npt.NDArray[np.bool_]
    over_market: npt.NDArray[np.bool_]

    @property
    def within_hours(self) -> npt.NDArray[np.bool_]:
        """Per sample: its hours fit the capacity (:func:`models.fitting.hours_over` is 0)."""
        within: npt.NDArray[np.bool_] = hours_over(self.total_hours, self.capacity_hours) == 0
        return within

    @property
    def fits(self) -> npt.NDArray[np.bool_]:
        """Per sample: its hours fit the capacity, its client work the delivery capacity, and
        every offer its market."""
        fits: npt.NDArray[np.bool_] = (
            self.within_hours & ~self.over_delivery_cap & ~self.over_market
        )
        return fits


def ranged_inputs(scenario: Scenario) -> dict[Input, tuple[float, float]]:
    """Every range of the practitioner and the enabled offers, by input."""
    found = {
        Input(None, name): (low, high)
        for name, (low, high) in (scenario.practitioner.ranges or {}).items()
    }
    for offer in scenario.enabled_offers:
        found |= {
            Input(offer.name, name): (low, high)
            for name, (low, high) in (offer.ranges or {}).items()
        }
    return found


def drawn_ranges(scenario: Scenario) -> dict[Input, tuple[float, float]]:
    """The ranges the simulation draws from: those wider than one value (a range [v, v] is
    the planned value, certain)."""
    return {
        where: bounds for where, bounds in ranged_inputs(scenario).items() if bounds[1] > bounds[0]
    }


def _block_sizes(samples: int) -> list[int]:
    """How the samples are split into blocks: a function of the count alone, never of the
    machine, so that a seed gives the same result everywhere."""
    size = 5_000 if samples <= 100_000 else 50_000
    return [min(size, samples - start) for start in range(0, samples, size)]


def _drawn(scenario: Scenario, fields: Mapping[Input, Any]) -> Scenario:
    """The scenario with drawn fields (arrays), kept within the rules that tie two fields."""
    drawn = with_values(scenario, fields)
    return drawn.model_copy(update={"offers": [consistent(offer) for offer in drawn.offers]})


def _draw_block(
    scenario: Scenario, ranges: dict[Input, tuple[float, float]], samples: int, seed: Any
) -> tuple[YearSums, Practitioner, dict[Input, FloatArray], Any, Any]:
    """One block of samples: its fields drawn and the scenario evaluated for all of them,
    with whether each sample's client work is past the delivery capacity and whether some
    offer is past its market."""
    generator = np.random.default_rng(seed)
    fields = {
        where: generator.triangular(low, float(value_of(scenario, where)), high, samples)
        for where, (low, high) in ranges.items()
    }
    drawn = _drawn(scenario, fields)
    check = check_fit(drawn)
    over_market: Any = np.zeros(samples, dtype=bool)
    for over in check.over_market.values():
        over_market = over_market | np.broadcast_to(over, samples)
    over_cap = np.broadcast_to(check.over_delivery_cap_by_hours > 0, samples)
    return check.sums, drawn.practitioner, fields, over_cap, over_market


def draw(scenario: Scenario, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED) -> Draws:
    """Draw ``samples`` plans from the ranges and evaluate them, vectorised over each block of
    samples, the blocks on every core at once; ``fields`` keeps the first
    :data:`DRIVER_SAMPLES` draws of each field."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise ValueError(f"samples must be between 1 and {MAX_SAMPLES:,} (got {samples:,})")
    ranges = drawn_ranges(scenario)
    sizes = _block_sizes(samples)
    seeds = np.random.SeedSequence(seed).spawn(len(sizes))
    blocks = list(
        _pool().map(lambda job: _draw_block(scenario, ranges, *job), zip(sizes, seeds, strict=True))
    )

    def joined(figure: str) -> FloatArray:
        return np.concatenate(
            [
                np.broadcast_to(np.asarray(metric(sums, practitioner, figure), dtype=float), size)
                for (sums, practitioner, *_), size in zip(blocks, sizes, strict=True)
            ]
        )

    kept = [block[2] for block in blocks[: -(-DRIVER_SAMPLES // sizes[0])]]
    return Draws(
        net_income=joined("net_income"),
        total_hours=joined("total_hours"),
        effective_hourly_rate=joined("effective_hourly_rate"),
        capacity_hours=joined("capacity_hours"),
        take_home=joined("take_home"),
        over_delivery_cap=np.concatenate([block[3] for block in blocks]),
        over_market=np.concatenate([block[4] for block in blocks]),
        fields={  # each block cut to the kept samples before joining: no copy of the rest
            where: np.concatenate([fields[where][:DRIVER_SAMPLES] for fields in kept])[
                :DRIVER_SAMPLES
            ]
            for where in ranges
        },
    )


def spread(values: FloatArray) -> Spread:
    """P10, P50, P90 and mean, ignoring undefined (NaN) samples."""
    defined = values[~np.isnan(values)]
    if not len(defined):
        return Spread(None, None, None, None)
    p10, p50, p90 = np.percentile(defined, [10, 50, 90])
    return Spread(float(p10), float(p50), float(p90), float(defined.mean()))


def triangular_cdf(values: FloatArray, low: Any, peak: Any, high: Any) -> FloatArray:
    """P(X ≤ value) for X triangular(low, peak, high), low < high; arrays broadcast. [0-1]

    Notes
    -----
    (x − low)² / ((high − low)(peak − low)) up to the peak, then
    1 − (high − x)² / ((high − low)(high − peak)). For (0, 0.5, 1) at 0.25: 0.125.
    """
    width = high - low
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        rising = (values - low) ** 2 / (width * (peak - low))
        falling = 1 - (high - values) ** 2 / (width * (high - peak))
    return np.where(values <= peak, np.where(peak > low, rising, 0.0), falling)


def moving_inputs(scenario: Scenario, draws: Draws) -> list[Input]:
    """The drawn fields that can move net income: held at its plan in each of the first
    :data:`HELD_SAMPLES` drawn plans (the other fields as drawn), a field that leaves net
    income unchanged in every one cannot move it (a session length moves hours, not income).

    All fields are held at once in one evaluation of fields × plans (row ``i`` holds field
    ``i``), no loop per field or sample.
    """
    inputs = list(draws.fields)  # drawn: each range is wider than one value
    count = min(len(draws.net_income), HELD_SAMPLES)
    if not inputs:
        return []
    rows = np.arange(len(inputs))
    # stacked[i, j] holds field i's first draws in row j, its planned value in row i
    stacked = np.repeat(
        np.vstack([draws.fields[where][:count] for where in inputs])[:, None, :], len(inputs), 1
    )
    stacked[rows, rows] = [[float(value_of(scenario, where))] for where in inputs]
    held = dict(zip(inputs, stacked, strict=True))
    incomes = np.broadcast_to(
        np.asarray(figure_of(_drawn(scenario, held), "net_income"), dtype=float),
        (len(inputs), count),
    )
    planned = draws.net_income[:count]
    unchanged = np.isclose(incomes, planned, rtol=1e-9, atol=1e-6).all(axis=1)
    return [where for where, same in zip(inputs, unchanged, strict=True) if not same]


def drivers(scenario: Scenario, draws: Draws) -> tuple[Driver, ...]:
    """The drawn fields that can move net income, by the share of its spread each explains.

    Notes
    -----
    share_i = ρ_i² / max(1, Σ_j ρ_j²), with ρ_i the rank (Spearman) correlation of field i
    with net income. For independent fields and a net income linear in them, ρ_i² is the
    share of net income's variance that field i's term carries, and the squares add up to 1;
    what they leave below 1 is the part no single field explains (fields acting together).
    A field's rank is its place in its own distribution (its triangular CDF: the population
    rank, no sorting needed); net income's is its rank among the samples. Net income =
    10 clients × price − fixed costs, the price 3,000 … 5,000 and fixed costs 0 … 10,000
    (each peaking in the middle: variance width² / 6): 10² × 1,000² / 6 against
    5,000² / 6, so the price explains 80% of the spread and the fixed costs 20%.
    """
    inputs = moving_inputs(scenario, draws)
    if not inputs:
        return ()
    ranges = ranged_inputs(scenario)
    count = min(len(draws.net_income), DRIVER_SAMPLES)
    income_ranks = np.empty(count)
    income_ranks[np.argsort(draws.net_income[:count], kind="stable")] = np.arange(count)
    income_ranks -= income_ranks.mean()
    low, high = (np.array([[ranges[where][end]] for where in inputs]) for end in (0, 1))
    peak = np.array([[float(value_of(scenario, where))] for where in inputs])
    ranks = triangular_cdf(
        np.vstack([draws.fields[where][:count] for where in inputs]), low, peak, high
    )
    ranks -= ranks.mean(axis=1, keepdims=True)
    denominators = np.sqrt((ranks**2).sum(axis=1) * (income_ranks @ income_ranks))
    with np.errstate(divide="ignore", invalid="ignore"):
        correlations = np.where(denominators > 0, ranks @ income_ranks / denominators, 0.0)
    shares = correlations**2 / max(1.0, float((correlations**2).sum()))
    found = [
        Driver(where.offer, where.field, label(scenario, where), float(rho), float(share))
        for where, rho, share in zip(inputs, correlations, shares, strict=True)
    ]
    return tuple(sorted(found, key=lambda driver: -driver.share_of_spread))


def summarise(
    scenario: Scenario, draws: Draws, seed: int, target: float | None = None
) -> Simulation:
    """The simulation's percentiles, probabilities and drivers; the target (take-home income)
    defaults to the practitioner's ``target_net_income``."""
    goal = target if target is not None else scenario.practitioner.target_net_income
    fits = draws.fits
    reaches = None if goal is None else draws.take_home >= goal
    return Simulation(
        samples=len(draws.net_income),
        seed=seed,
        net_income=spread(draws.net_income),
        total_hours=spread(draws.total_hours),
        effective_hourly_rate=spread(draws.effective_hourly_rate),
        probability_over_capacity=float(np.mean(~draws.within_hours)),
        probability_reach_target=None if reaches is None else float(np.mean(reaches)),
        p_reach_and_fit=None if reaches is None else float(np.mean(reaches & fits)),
        net_income_fitting=spread(draws.net_income[fits]) if fits.any() else None,
        target=goal,
        drivers=drivers(scenario, draws),
        take_home=spread(draws.take_home),
        take_home_fitting=spread(draws.take_home[fits]) if fits.any() else None,
        probability_over_delivery_cap=float(np.mean(draws.over_delivery_cap)),
        probability_over_market=float(np.mean(draws.over_market)),
    )


def simulate(
    scenario: Scenario,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    target: float | None = None,
) -> Simulation:
    """Draw ``samples`` plans from the ranges and summarise them."""
    return summarise(scenario, draw(scenario, samples, seed), seed, target)


def ranges_around(scenario: Scenario, percent: float) -> dict[Input, list[float]]:
    """A range of ±``percent`` of the plan on every input with a value other than 0, within
    each field's valid range; counts of whole things moved to the nearest whole numbers.

    Notes
    -----
    [max(lowest, v × (1 − p)), min(highest, v × (1 + p))], a whole count's bounds rounded to
    the nearest whole numbers (:func:`models.sensitivity.moved_in_steps`, as the tornado moves
    them). 12 clients ±20%: 9.6 … 14.4 → 10 … 14 clients; a price of 4,000 ±20%: 3,200 …
    4,800; 0 launches a year: no range; 1 cohort ±20% (0.8 … 1.2) rounds back to 1 both ways,
    so it gets no range rather than a range of 0 to 2 that would swamp every other figure.
    """
    found = {}
    for where in assumptions(scenario):
        value, low, high = moved_in_steps(scenario, where, percent)
        if value == 0 or (percent > 0 and low == high == value):
            continue  # (±0% pins every figure to its plan: a range of one value)
        found[where] = [min(value, _tidy(low)), max(value, _tidy(high))]
    return found


def _tidy(bound: float) -> float:
    """A bound without the float noise of its arithmetic (2.4, not 2.4000000000000004)."""
    return float(f"{bound:.12g}")


def with_ranges(scenario: Scenario, ranges: dict[Input, list[float]]) -> Scenario:
    """The scenario with these ranges added to (or replacing) its own, validated."""
    document = scenario.model_dump(mode="python")
    offers = {offer["name"]: offer for offer in document["offers"]}
    for where, bounds in ranges.items():
        section = document["practitioner"] if where.offer is None else offers[where.offer]
        section["ranges"] = (section.get("ranges") or {}) | {where.field: bounds}
    return Scenario.model_validate(document)


def with_every_range(scenario: Scenario, percent: float) -> Scenario:
    """The scenario whose practitioner and enabled offers carry exactly the ranges of
    :func:`ranges_around` (a figure planned at 0 loses any range it had); disabled offers
    keep theirs. Validated."""
    cleared = scenario.model_copy(
        update={
            "practitioner": scenario.practitioner.model_copy(update={"ranges": None}),
            "offers": [
                offer.model_copy(update={"ranges": None}) if offer.enabled else offer
                for offer in scenario.offers
            ],
        }
    )
    return with_ranges(cleared, ranges_around(scenario, percent))


def histogram(
    values: FloatArray, bins: int = 40, groups: Mapping[str, npt.NDArray[np.bool_]] | None = None
) -> pd.DataFrame:
    """Counts of the samples in ``bins`` equal bins, split by ``groups`` (name → which samples).

    Columns: start, end, group, samples, share [0-1] of all defined samples, so the
    shares of every group and bin add up to 1. Without groups every sample is in
    the group "plans". Undefined (NaN) samples are left out.
    """
    defined = ~np.isnan(values)
    if not defined.any():
        return pd.DataFrame(columns=["start", "end", "group", "samples", "share"])
    edges = np.histogram_bin_edges(values[defined], bins=bins)
    total = int(defined.sum())
    frames = []
    for name, members in (groups or {"plans": np.ones(len(values), dtype=bool)}).items():
        counts, _ = np.histogram(values[defined & members], bins=edges)
        frames.append(
            pd.DataFrame(
                {
                    "start": edges[:-1],
                    "end": edges[1:],
                    "group": name,
                    "samples": counts,
                    "share": counts / total,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)
