"""A scenario and what the model says about it, each analysis computed once.

A report or a chart file needs the plan's figures (:func:`models.evaluation.evaluate`),
each lever's length (:func:`models.scale.scale`) and the month-by-month timeline
(:func:`models.timeline.build_timeline`), often several of them for one file. An
:class:`Analysis` computes each the first time it is asked for and hands the same
result to everyone after, so results travel down instead of being computed again
from the scenario.
"""

from __future__ import annotations

from functools import cached_property

from models.evaluation import evaluate
from models.results import ScenarioResult
from models.scale import ScaleResult, scale
from models.schema import Scenario
from models.timeline import TimelineReport, build_timeline


class Analysis:
    """One scenario's evaluation, levers and timeline, each computed at most once."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        result: ScenarioResult | None = None,
        levers: ScaleResult | None = None,
        timeline: TimelineReport | None = None,
    ) -> None:
        """``result``, ``levers`` and ``timeline``, when the caller has them, are used as they are."""
        self.scenario = scenario
        # A cached property reads the instance's own value first.
        if result is not None:
            self.__dict__["result"] = result
        if levers is not None:
            self.__dict__["levers"] = levers
        if timeline is not None:
            self.__dict__["timeline"] = timeline

    @cached_property
    def result(self) -> ScenarioResult:
        """The plan's figures per year (:func:`models.evaluation.evaluate`)."""
        return evaluate(self.scenario)

    @cached_property
    def levers(self) -> ScaleResult:
        """How far each enabled offer grows (:func:`models.scale.scale`)."""
        return scale(self.scenario)

    @cached_property
    def timeline(self) -> TimelineReport:
        """The first three years month by month (:func:`models.timeline.build_timeline`)."""
        return build_timeline(self.scenario)


def analysis_of(source: Scenario | Analysis) -> Analysis:
    """``source`` itself when it is an analysis, else a new analysis of the scenario."""
    return source if isinstance(source, Analysis) else Analysis(source)
