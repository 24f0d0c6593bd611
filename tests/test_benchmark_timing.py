"""The benchmarks' statistics, worked by hand (no timing is asserted anywhere)."""

import itertools

import pytest

from benchmarks.app import EDIT_ROUNDS, FLOOR, PLAN
from benchmarks.timing import Measurement, median, p95, paired_ratio


def test_median_of_an_odd_count_is_the_middle_sample_and_of_an_even_count_the_mean_of_two():
    assert median([0.3, 0.1, 0.2]) == pytest.approx(0.2)
    # (0.2 + 0.3) / 2
    assert median([0.4, 0.1, 0.3, 0.2]) == pytest.approx(0.25)


def test_p95_of_twenty_samples_is_the_nineteenth_smallest():
    samples = [float(value) for value in range(20, 0, -1)]  # 20, 19, …, 1
    # rank round(0.95 × 19) = round(18.05) = 18 from 0: the 19th smallest, 19
    assert p95(samples) == 19.0
    assert Measurement("twenty", 1.0, tuple(samples)).p95 == 19.0


def test_p95_of_one_sample_is_that_sample():
    assert p95([0.07]) == 0.07


def test_paired_ratio_is_the_median_of_each_rounds_ratio_not_the_ratio_of_medians():
    floor = [0.060, 0.100, 0.070]
    measured = [0.120, 0.150, 0.070]
    # rounds: 120/60 = 2.0, 150/100 = 1.5, 70/70 = 1.0 → median 1.5
    assert paired_ratio(floor, measured) == pytest.approx(1.5)
    # the ratio of medians would be 120/70 ≈ 1.71: a different figure
    assert median(measured) / median(floor) == pytest.approx(120 / 70)


def test_paired_ratio_refuses_rounds_of_different_counts():
    with pytest.raises(ValueError, match="2 floor samples against 3"):
        paired_ratio([1.0, 2.0], [1.0, 2.0, 3.0])


@pytest.mark.parametrize("app", [FLOOR, PLAN], ids=lambda app: app.name)
def test_every_edit_of_the_benchmark_changes_the_watched_figure(app):
    """The values come round again after the last; an edit that showed the same figure as the
    one before would leave the benchmark waiting for a change that never comes."""
    shown = [app.expected(app.value(round_index)) for round_index in range(EDIT_ROUNDS + 1)]
    assert all(before != after for before, after in itertools.pairwise(shown))
    # the 25th round types the first value again (the floor: 11 after 34, "22" after "68")
    assert app.value(len(app.values)) == app.values[0]
