"""Shared test settings: one hypothesis profile for every property test, a call counter, and a
data folder of the test run's own (the app's embedded database never lands in the repository)."""

import pytest
from hypothesis import settings

from store.database import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE

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


@pytest.fixture(scope="session", autouse=True)
def data_folder(tmp_path_factory):
    """The embedded database of every app the tests run (AppTest, servers) in a temporary
    folder; a database URL set outside does not reach the tests."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("data")
        patch.setenv(DATA_DIR_VARIABLE, str(folder))
        patch.delenv(DATABASE_URL_VARIABLE, raising=False)
        yield folder
