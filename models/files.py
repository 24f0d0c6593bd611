"""Reading and writing scenario files (YAML, or JSON with the same structure).

:func:`load_scenario` is the one entry for every source: a path (``pathlib.Path``),
uploaded ``bytes``, or document text (``str``). It either returns a valid
:class:`~models.schema.Scenario` or raises one :class:`~models.errors.ScenarioError`
that lists every problem; nothing else escapes, whatever the input.

Safety: a document over :data:`MAX_DOCUMENT_BYTES` is refused before it is read
or parsed, and a path that is not a regular file (a pipe, a device) before it is
read; YAML is parsed with PyYAML's safe constructor (no tags that build
objects) over libyaml's parser, refusing aliases (``*name``: the "billion laughs" bomb), keys given
twice, and nesting deeper than :data:`MAX_NESTING`. Before the schema sees the
data, its size is checked cheaply (:func:`check_size`): at most :data:`MAX_VALUES`
values in all, :data:`MAX_KEYS` keys in a section, :data:`MAX_ITEMS` items in a list
and :data:`MAX_TEXT_CHARACTERS` characters in a text, so that a small upload costs little.

Numbers are read the YAML 1.2 way (its core schema): ``1:30``, ``017``-as-octal,
``0x10`` and ``1_000`` are not numbers (``017`` is 17), and ``1e5`` is. Booleans keep
YAML 1.1's words (``yes``/``no``/``on``/``off``), as files written so far may use them.

:func:`dump_scenario` writes readable YAML in the schema's field order, leaving
out fields at their defaults (loading restores them exactly), so that
``load_scenario(dump_scenario(s)) == s``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel, ValidationError
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from models.errors import (
    MAX_LISTED_PROBLEMS,
    Problem,
    ScenarioError,
    problems_from_validation,
)
from models.migrations import document_version, migrate
from models.schema import (
    MAX_OFFERS,
    SCHEMA_VERSION,
    Scenario,
    duplicate_names,
    duplicate_names_message,
    field_order,
)
from models.text import character_words, excerpt

#: The largest document accepted. [bytes]
MAX_DOCUMENT_BYTES = 1024 * 1024

#: The deepest nesting of lists and mappings accepted; a scenario needs 5.
MAX_NESTING = 32

#: The most values (numbers, texts, lists and sections) a document may hold. The largest
#: valid scenario holds about 2,800: 30 offers of up to 23 fields, each with a range.
MAX_VALUES = 5_000

#: The most keys one section may have: the largest offer kind has 23 fields.
MAX_KEYS = 64

#: The most items one list may have: 30 offers, 12 start months, 2 ends of a range.
MAX_ITEMS = 64

#: The longest text anywhere in a document: a description's limit. [characters]
MAX_TEXT_CHARACTERS = 2000

_TOO_DEEP = f"the document is nested more than {MAX_NESTING} levels deep"
#: libyaml's own limit (PyYAML 6.0.4 on): its scanner reads a line of brackets ahead of the
#: composer, so ``[[[[…`` can reach it before :data:`MAX_NESTING` is checked.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
_TOO_MANY_VALUES = (
    f"the document holds more than {MAX_VALUES:,} values; a scenario holds at most a few thousand"
)


def _too_long_text(length: int) -> str:
    return (
        f"a text of {length:,} characters; no text in a scenario is longer than "
        f"{MAX_TEXT_CHARACTERS:,} characters"
    )


class _Yaml12Resolver(BaseResolver):
    """YAML 1.2 core schema numbers: decimal integers, decimal and exponent floats, .inf and
    .nan; no base 60 (``1:30``), octal (``017``), hex or underscores. No timestamps and no
    merge keys. YAML 1.1's yes/no/on/off booleans and its nulls are kept."""


for _tag, _pattern, _first in (
    (
        "tag:yaml.org,2002:bool",
        r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
        "yYnNtTfFoO",
    ),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _Yaml12Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _DocumentProblem(Exception):
    """Raised inside the YAML loader; turned into a Problem with its line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _ScenarioYamlLoader(Composer, CParser, SafeConstructor, _Yaml12Resolver):
    """PyYAML's safe loader with YAML 1.2 numbers, refusing aliases, duplicate keys, deep
    nesting, too many values and over-long texts as it goes.

    libyaml's C parser produces the events (ten times faster than PyYAML's pure
    Python parser); PyYAML's own composer, guarded below, builds the nodes, and
    its safe constructor turns them into plain data.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _Yaml12Resolver.__init__(self)
        self._depth = 0
        self._values = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _DocumentProblem(
                "aliases (*name) are not supported in scenario files; write the values out",
                self._next_event_line(),
            )
        self._values += 1
        if self._values > MAX_VALUES:
            raise _DocumentProblem(_TOO_MANY_VALUES, self._next_event_line())
        event = self.peek_event()
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_TEXT_CHARACTERS:
            raise _DocumentProblem(_too_long_text(len(event.value)), self._next_event_line())
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

    def construct_yaml_int(self, node: Any) -> int:
        """A YAML 1.2 decimal integer: ``017`` is 17 (YAML 1.1 read it as octal 15)."""
        return int(self.construct_scalar(node))

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if len(node.value) > MAX_KEYS:
            raise _DocumentProblem(_too_many_keys(len(node.value)), node.start_mark.line + 1)
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
                    f"the key `{excerpt(str(key))}` appears twice in the same section",
                    key_node.start_mark.line + 1,
                )
        return super().construct_mapping(node, deep=deep)


_ScenarioYamlLoader.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:int", _ScenarioYamlLoader.construct_yaml_int
)


def _too_many_keys(count: int) -> str:
    return f"a section has {count:,} keys; a section of a scenario has at most {MAX_KEYS}"


def _reject_duplicate_json_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise _DocumentProblem(
                f"the key `{excerpt(key)}` appears twice in the same section", None
            )
        mapping[key] = value
    return mapping


def _refuse_json_constant(name: str) -> Any:
    raise _DocumentProblem(f"{name} is not a number a scenario can hold", None)


def check_size(data: Any) -> None:
    """Refuse, before the schema sees it, data nested deeper than MAX_NESTING, holding more
    than MAX_VALUES values, a section of more than MAX_KEYS keys, a list of more than
    MAX_ITEMS items or a text (or key) longer than MAX_TEXT_CHARACTERS. Walked without
    recursion; stops at the first excess, so its cost is bounded by the limits.

    Raises
    ------
    ScenarioError
        Naming the limit that was passed.
    """
    try:
        _walk_sizes(data)
    except _DocumentProblem as problem:
        raise ScenarioError([Problem("", problem.message, problem.line)]) from None


def _walk_sizes(data: Any) -> None:
    pending = [(data, 1)]
    values = 0
    while pending:
        value, depth = pending.pop()
        values += 1
        if values > MAX_VALUES:
            raise _DocumentProblem(_TOO_MANY_VALUES, None)
        if depth > MAX_NESTING:
            raise _DocumentProblem(_TOO_DEEP, None)
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARACTERS:
            raise _DocumentProblem(_too_long_text(len(value)), None)
        if isinstance(value, dict):
            if len(value) > MAX_KEYS:
                raise _DocumentProblem(_too_many_keys(len(value)), None)
            pending.extend((key, depth + 1) for key in value)
            pending.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                raise _DocumentProblem(
                    f"a list has {len(value):,} items; a list in a scenario has at most "
                    f"{MAX_ITEMS} (and at most {MAX_OFFERS} offers)",
                    None,
                )
            pending.extend((child, depth + 1) for child in value)


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
                _walk_sizes(data)
                return data
        data = _parse_yaml(text)
        _walk_sizes(data)
        return data
    except RecursionError:
        raise ScenarioError([Problem("", _TOO_DEEP)]) from None
    except _DocumentProblem as problem:
        raise ScenarioError([Problem("", problem.message, problem.line)]) from None
    except yaml.reader.ReaderError as error:
        where = text.count("\n", 0, error.position) + 1
        code = error.character if isinstance(error.character, int) else 0xFFFD
        control = code < 0x20 or 0x7F <= code <= 0x9F
        what = (
            character_words(chr(code))
            if control
            else f"a character YAML does not allow (U+{code:04X})"
        )
        message = f"the document contains {what}; remove it"
        raise ScenarioError([Problem("", message, where)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        if _LIBYAML_TOO_DEEP in (error.problem or ""):
            raise ScenarioError([Problem("", _TOO_DEEP, line)]) from None
        what = excerpt(error.problem or error.context or "unreadable YAML", 200)
        raise ScenarioError([Problem("", f"this is not valid YAML: {what}", line)]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        raise ScenarioError(
            [Problem("", f"this is not valid YAML or JSON: {excerpt(str(error), 200)}")]
        ) from None


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
            data = _read_regular_file(path, limit)
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


def _read_regular_file(path: Path, limit: str) -> bytes:
    """The bytes of a regular file of at most MAX_DOCUMENT_BYTES.

    Opened without blocking and checked before reading, so that a pipe (FIFO) or a device
    (``/dev/zero``, a terminal) is refused at once instead of hanging or reading forever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = "a pipe" if stat.S_ISFIFO(status.st_mode) else "a device or socket"
            message = f"this is {kind}, not a file; give the path of a scenario file"
            raise ScenarioError([Problem("", message)], str(path))
        if status.st_size > MAX_DOCUMENT_BYTES:
            raise ScenarioError([Problem("", f"the file is larger than {limit}")], str(path))
        return stream.read(MAX_DOCUMENT_BYTES + 1)


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
        problems = problems_from_validation(error, upgraded, MAX_LISTED_PROBLEMS)
        total = error.error_count()
    duplicates = _duplicate_name_problems(upgraded, problems)
    raise ScenarioError(problems + duplicates, total=total + len(duplicates))


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
        if isinstance(offer, dict) and isinstance(offer.get("name"), str) and offer["name"]
    ]
    duplicates = duplicate_names(names)
    message = duplicate_names_message(duplicates)
    if not duplicates or any(problem.message == message for problem in found):
        return []
    return [Problem("offers", message, None, "Offers", key="offers")]


class LoadedScenario(NamedTuple):
    """A scenario read from a file, with the format version the file was saved in.

    Attributes
    ----------
    scenario : Scenario
        The scenario, upgraded to the current schema version.
    saved_version : int
        The file's ``schema_version`` (1 for a file that declares none): below
        :data:`~models.schema.SCHEMA_VERSION`, the file was upgraded on loading.
    """

    scenario: Scenario
    saved_version: int

    @property
    def upgraded(self) -> bool:
        """Whether the file was saved in an older format and upgraded on loading."""
        return self.saved_version < SCHEMA_VERSION


def load_scenario(
    source: str | bytes | os.PathLike[str], *, source_name: str | None = None
) -> Scenario:
    """Load and validate a scenario from a path, uploaded bytes, or document text
    (:func:`read_scenario` without the version it was saved in)."""
    return read_scenario(source, source_name=source_name).scenario


def read_scenario(
    source: str | bytes | os.PathLike[str], *, source_name: str | None = None
) -> LoadedScenario:
    """Load and validate a scenario from a path, uploaded bytes, or document text, and say
    which format version the file was saved in.

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
        document = parse_document(_read_text(source))
        scenario = scenario_from_document(document)
        return LoadedScenario(scenario, document_version(document))
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
    """Safe YAML dumper (libyaml's emitter) that writes multi-line text as a literal block.

    Text that YAML 1.1 or YAML 1.2 would read as a number is quoted (``"1e5"``), so that
    every reader reads the saved file alike.
    """


for _character, _resolvers in _Yaml12Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        if _tag.endswith(("int", "float")):
            _ReadableDumper.add_implicit_resolver(_tag, _regexp, [_character])


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
    """Write the scenario to a YAML file (atomically: see :func:`write_atomically`)."""
    write_atomically(Path(path), dump_scenario(scenario).encode("utf-8"))


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` so that the file is either as it was or complete.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is then renamed over ``path``; on any failure it is removed and the
    ``OSError`` raised. A ``path`` that exists and is not a regular file (a folder, a
    device such as ``/dev/full``, a pipe) is refused, never replaced. A new file gets the usual permissions (0666 less the umask), a
    replaced file keeps its own.

    Raises
    ------
    OSError
        When the folder cannot be written, the disk is full, or ``path`` is a folder.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise IsADirectoryError(
                errno.EISDIR, "it is a folder, a device or a pipe, not a file", str(path)
            )
        mode = stat.S_IMODE(status.st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only a write needs it (shutil, random, hashlib): reading starts faster

    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
