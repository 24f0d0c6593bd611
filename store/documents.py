"""Scenarios in and out of the store, as the text of their file.

What is stored is what :func:`models.files.dump_scenario` writes, schema version
included: a stored scenario is exactly a file, and reads back through
:func:`models.files.read_scenario` like one, upgrading an older format on the way.
"""

from __future__ import annotations

from models.errors import ScenarioError
from models.files import MAX_DOCUMENT_BYTES, dump_scenario, load_scenario
from models.schema import Scenario
from store.errors import StoreError, StoreRefused


def document_of(scenario: Scenario) -> str:
    """The scenario's file text, checked as a file is when it is opened: what is stored
    always opens again.

    Raises :class:`~store.errors.StoreRefused` when it is larger than
    :data:`~models.files.MAX_DOCUMENT_BYTES`, or when the scenario breaks a rule of the
    schema (built without checks, as ``model_copy`` does), naming every problem.
    """
    document = dump_scenario(scenario)
    size = len(document.encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        raise StoreRefused(
            f"“{scenario.name}” is too large to store ({size:,} bytes, at most "
            f"{MAX_DOCUMENT_BYTES:,}); download the file instead"
        )
    try:
        load_scenario(document)
    except ScenarioError as error:
        raise StoreRefused(
            f"“{scenario.name}” was not stored: {'; '.join(map(str, error.problems))}"
        ) from error
    return document


def scenario_of(document: str, what: str) -> Scenario:
    """The scenario a stored document holds.

    Raises :class:`~store.errors.StoreError` naming ``what`` (“the saved copy of
    “Coach””) if the stored text no longer reads as a scenario (damaged in the database).
    """
    try:
        return load_scenario(document)
    except ScenarioError as error:
        raise StoreError(
            f"{what} is damaged and cannot be opened ({error.problems[0]}); "
            "open an earlier version or a downloaded file"
        ) from error
