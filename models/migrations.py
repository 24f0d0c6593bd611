"""Upgrading saved scenario documents to the current schema version.

Scenario files are users' data: a file saved by any earlier version must keep
loading. Each schema change adds one step to :data:`MIGRATIONS`, a function
that turns a version-N document (a plain dict) into a version-N+1 one; loading
runs the chain from the file's version up to :data:`~models.schema.SCHEMA_VERSION`.

Version 2 added the demand side, the team, the delivery cap and take-home
(docs/model.md), every field optional with a default that reproduces version 1,
so its step only raises the version number. A document without
``schema_version`` is taken as version 1, the first format; a document from a
newer version is refused with a message that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from models.errors import Problem, ScenarioError, describe_value
from models.schema import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def version_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document as version 2: the same document, since every field version 2
    adds is optional and its default gives version 1's figures (the caller sets the
    version number)."""
    return dict(document)


#: Version N → the step that turns a version-N document into a version-N+1 one.
MIGRATIONS: Mapping[int, Migration] = {1: version_1_to_2}

FIRST_SCHEMA_VERSION = 1

#: The version field's label, said before its problem.
_VERSION_LABEL = "Schema version"


def document_version(document: dict[str, Any]) -> int:
    """The schema version a document declares; 1 when it declares none."""
    version = document.get("schema_version", FIRST_SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError(
            [
                Problem(
                    "schema_version",
                    f"must be a whole number such as 1, not {describe_value(version)}",
                    label=_VERSION_LABEL,
                    key="schema_version",
                )
            ]
        )
    return version


def migrate(
    document: dict[str, Any],
    *,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current_version: int = SCHEMA_VERSION,
) -> dict[str, Any]:
    """The document upgraded to ``current_version``, step by step; the input is not changed.

    Raises
    ------
    ScenarioError
        When the version is not a whole number, older than the first format, or
        newer than this program reads.
    """
    version = document_version(document)
    if version > current_version:
        raise ScenarioError(
            [
                Problem(
                    "schema_version",
                    f"this file was made by a newer version of Leverage Planner (schema version "
                    f"{version}); this version reads files up to schema version {current_version}. "
                    "Update Leverage Planner to open it.",
                )
            ]
        )
    if version < FIRST_SCHEMA_VERSION:
        raise ScenarioError(
            [
                Problem(
                    "schema_version",
                    f"must be at least {FIRST_SCHEMA_VERSION}, not {version}",
                    label=_VERSION_LABEL,
                    key="schema_version",
                )
            ]
        )
    upgraded = dict(document)
    while version < current_version:
        upgraded = migrations[version](upgraded)
        version += 1
        upgraded["schema_version"] = version
    return upgraded
