"""Reading and writing scenario files (YAML, or JSON with the same structure).

:func:`load_scenario` is the one entry for every source: a path (``pathlib.Path``),
uploaded ``bytes``, or document text (``str``). It either returns a valid
:class:`~models.schema.Scenario` or raises one :class:`~models.errors.ScenarioError`
that lists every problem; nothing else escapes, whatever the input.

Safety: a document over :data:`MAX_DOCUMENT_BYTES` is refused before it is read
or parsed; YAML is parsed with PyYAML's safe constructor (no tags that build
objects) over libyaml's parser, refusing aliases (``*name``: the "billion laughs" bomb), keys given
twice, and nesting deeper than :data:`MAX_NESTING`.

:func:`dump_scenario` writes readable YAML in the schema's field order, leaving
out fields at their defaults (loading restores them exactly), so that
``load_scenario(dump_scenario(s)) == s``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from models.errors import Problem, ScenarioError, problems_from_validation
from models.migrations import migrate
from models.schema import (
    SCHEMA_VERSION,
    Scenario,
    duplicate_names,
    duplicate_names_message,
    field_order,
)

#: The largest document accepted. [bytes]
MAX_DOCUMENT_BYTES = 1024 * 1024

#: The deepest nesting of lists and mappings accepted; a scenario needs 4.
MAX_NESTING = 32

_TOO_DEEP = f"the document is nested more than {MAX_NESTING} levels deep"


class _DocumentProblem(Exception):
    """Raised inside the YAML loader; turned into a Problem with its line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _ScenarioYamlLoader(Composer, CParser, SafeConstructor, Resolver):
    """PyYAML's safe loader, refusing aliases, duplicate keys and deep nesting.

    libyaml's C parser produces the events (ten times faster than PyYAML's pure
    Python parser); PyYAML's own composer, guarded below, builds the nodes, and
    its safe constructor turns them into plain data.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _DocumentProblem(
                "aliases (*name) are not supported in scenario files; write the values out",
                self._next_event_line(),
            )
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _DocumentProblem(_TOO_DEEP, self._next_event_line())
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _next_event_line(self) -> int | None:
        """The 1-based line where the next event starts."""
        event = self.peek_event()
        mark = getattr(event, "start_mark", None)
        return mark.line + 1 if mark is not None else None

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                repeated = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: the safe loader reports it below
            if repeated:
                raise _DocumentProblem(
                    f"the key `{key}` appears twice in the same section",
                    key_node.start_mark.line + 1,
                )
        return super().construct_mapping(node, deep=deep)


def _reject_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise _DocumentProblem(f"the key `{key}` appears twice in the same section", None)
        mapping[key] = value
    return mapping


def _refuse_json_constant(name: str) -> Any:
    raise _DocumentProblem(f"{name} is not a number a scenario can hold", None)


def _check_nesting(data: Any) -> None:
    """Refuse data nested deeper than MAX_NESTING (walked without recursion)."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_NESTING:
            raise _DocumentProblem(_TOO_DEEP, None)
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            pending.extend((child, depth + 1) for child in children)


def _parse_yaml(text: str) -> Any:
    loader = _ScenarioYamlLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_document(text: str) -> Any:
    """The data of a YAML or JSON document.

    A document starting with ``{`` is read as JSON first (JSON numbers such as
    ``1e5`` differ in YAML 1.1); if it is not JSON it is read as YAML.

    Raises
    ------
    ScenarioError
        On a syntax error (with its line), an alias, a duplicate key or deep nesting.
    """
    try:
        if text.lstrip().startswith("{"):
            try:
                data = json.loads(
                    text,
                    object_pairs_hook=_reject_duplicate_json_keys,
                    parse_constant=_refuse_json_constant,
                )
            except json.JSONDecodeError:
                pass  # YAML flow style also starts with "{"
            else:
                _check_nesting(data)
                return data
        return _parse_yaml(text)
    except RecursionError:
        raise ScenarioError([Problem("", _TOO_DEEP)]) from None
    except _DocumentProblem as problem:
        raise ScenarioError([Problem("", problem.message, problem.line)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        what = error.problem or error.context or "unreadable YAML"
        raise ScenarioError([Problem("", f"this is not valid YAML: {what}", line)]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        raise ScenarioError([Problem("", f"this is not valid YAML or JSON: {error}")]) from None


def _read_text(source: str | bytes | os.PathLike[str]) -> str:
    """The document's text, refusing what is too large or not UTF-8 before parsing."""
    limit = f"{MAX_DOCUMENT_BYTES // 1024} KiB"
    if isinstance(source, str):
        too_long = len(source) > MAX_DOCUMENT_BYTES
        if too_long or len(source.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
            raise ScenarioError([Problem("", f"the document is larger than {limit}")])
        return source
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                raise ScenarioError([Problem("", f"the file is larger than {limit}")], str(path))
            with path.open("rb") as stream:
                data = stream.read(MAX_DOCUMENT_BYTES + 1)
        except FileNotFoundError:
            raise ScenarioError([Problem("", "there is no such file")], str(path)) from None
        except IsADirectoryError:
            raise ScenarioError([Problem("", "this is a folder, not a file")], str(path)) from None
        except OSError as error:
            raise ScenarioError(
                [Problem("", f"the file cannot be read: {error.strerror}")], str(path)
            ) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ScenarioError([Problem("", f"the document is larger than {limit}")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = (
            "this is not a text file (it is not UTF-8 text); save the scenario as YAML or JSON"
        )
        raise ScenarioError([Problem("", message, line)]) from None


def scenario_from_document(document: Any) -> Scenario:
    """A validated scenario from parsed data, upgraded from older schema versions first.

    Raises
    ------
    ScenarioError
        Listing every problem of the document.
    """
    if document is None:
        raise ScenarioError([Problem("", "the document is empty")])
    if not isinstance(document, dict):
        raise ScenarioError(
            [
                Problem(
                    "",
                    "a scenario file holds `name:`, `practitioner:` and `offers:` sections, "
                    f"not {_noun(document)}",
                )
            ]
        )
    upgraded = migrate(document)
    try:
        return Scenario.model_validate(upgraded)
    except ValidationError as error:
        problems = problems_from_validation(error, upgraded)
    problems.extend(_duplicate_name_problems(upgraded, problems))
    raise ScenarioError(problems)


def _noun(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a single line of text"
    return f"a single {type(value).__name__} value"


def _duplicate_name_problems(document: dict[str, Any], found: list[Problem]) -> list[Problem]:
    """Duplicate offer names, which pydantic reports only once every offer is valid."""
    offers = document.get("offers")
    if not isinstance(offers, list):
        return []
    names = [
        offer["name"]
        for offer in offers
        if isinstance(offer, dict) and isinstance(offer.get("name"), str)
    ]
    duplicates = duplicate_names(names)
    message = duplicate_names_message(duplicates)
    if not duplicates or any(problem.message == message for problem in found):
        return []
    return [Problem("offers", message)]


def load_scenario(
    source: str | bytes | os.PathLike[str], *, source_name: str | None = None
) -> Scenario:
    """Load and validate a scenario from a path, uploaded bytes, or document text.

    Parameters
    ----------
    source
        ``pathlib.Path`` (or any path-like): a file; ``bytes``: an upload;
        ``str``: the text of a document (YAML or JSON), never a file name.
    source_name
        What to call the source in messages, such as an uploaded file's name.

    Raises
    ------
    ScenarioError
        With every problem of the document; no other exception escapes.
    """
    name = source_name or (str(source) if isinstance(source, os.PathLike) else None)
    try:
        return scenario_from_document(parse_document(_read_text(source)))
    except ScenarioError as error:
        if error.source is None and name is not None:
            raise ScenarioError(error.problems, name) from None
        raise


def _readable_number(value: Any) -> Any:
    """Whole floats written as integers (``20`` rather than ``20.0``); loading gives the same float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _ordered(model: BaseModel, data: dict[str, Any]) -> dict[str, Any]:
    """The dumped fields of one model in the schema's order, nested models included."""
    ordered: dict[str, Any] = {}
    for name in field_order(type(model)):
        if name not in data:
            continue
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            ordered[name] = _ordered(value, data[name])
        elif isinstance(value, list) and all(isinstance(item, BaseModel) for item in value):
            ordered[name] = [
                _ordered(item, dumped) for item, dumped in zip(value, data[name], strict=True)
            ]
        elif isinstance(value, list):
            ordered[name] = _Numbers(_readable_number(item) for item in data[name])
        elif isinstance(value, dict):  # ranges: field → [low, high]
            ordered[name] = {
                key: _Numbers(_readable_number(item) for item in pair)
                for key, pair in data[name].items()
            }
        else:
            ordered[name] = _readable_number(data[name])
    return ordered


def scenario_to_document(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data in the schema's field order, defaults left out.

    ``schema_version``, ``name`` and each offer's ``kind`` and ``name`` are always written.
    """
    dumped = scenario.model_dump(mode="json", exclude_defaults=True)
    dumped["schema_version"] = SCHEMA_VERSION
    if "practitioner" in dumped and not dumped["practitioner"]:
        del dumped["practitioner"]
    return _ordered(scenario, dumped)


class _ReadableDumper(yaml.CSafeDumper):
    """Safe YAML dumper (libyaml's emitter) that writes multi-line text as a literal block."""


def _represent_text(dumper: _ReadableDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ReadableDumper.add_representer(str, _represent_text)


class _Numbers(list[Any]):
    """A short list of numbers, written on one line: ``[2, 9]``, ``[18, 25]``."""


def _represent_numbers(dumper: _ReadableDumper, numbers: _Numbers) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", numbers, flow_style=True)


_ReadableDumper.add_representer(_Numbers, _represent_numbers)


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as readable YAML text, ready to save or download."""
    return yaml.dump(
        scenario_to_document(scenario),
        Dumper=_ReadableDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write the scenario to a YAML file."""
    Path(path).write_text(dump_scenario(scenario), encoding="utf-8")


def file_name(scenario: Scenario, suffix: str = ".yaml") -> str:
    """A safe file name from the scenario's name: ``Coach adds a mastermind.yaml``, or with
    another ``suffix`` (``" - hours.png"``)."""
    stem = re.sub(r"[^\w\- .]+", "", scenario.name).strip(" .") or "scenario"
    return f"{stem[:80]}{suffix}"
