"""Shared test settings: one hypothesis profile for every property test, and a call counter."""

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=150, deadline=None)
settings.load_profile("default")


@pytest.fixture
def count_calls(monkeypatch):
    """Wrap ``module.name`` so that every call is recorded; returns the list of calls' arguments.

    ``count_calls(models.scale, "evaluate")`` counts the evaluations made through that
    module's own name for the function (what ``from models.evaluation import evaluate``
    bound there).
    """

    def wrap(module, name):
        calls = []
        original = getattr(module, name)

        def counted(*arguments, **keywords):
            calls.append(arguments)
            return original(*arguments, **keywords)

        monkeypatch.setattr(module, name, counted)
        return calls

    return wrap
