"""Errors a person can act on.

An invalid scenario document raises one :class:`ScenarioError` that lists every
problem found, each said in words a coach understands, the field's key in brackets after
them for whoever edits the file::

    Offer 3, “Spring group”: participants per group must be at least 0, not -3
    (participants_per_group)

Offers are counted from 1, as a person counts them, and named. A misspelt key gets a
"did you mean" suggestion; a YAML syntax error gets its line number.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from models.schema import (
    KIND_LABELS,
    OFFER_MODELS,
    Practitioner,
    Scenario,
    Schedule,
    suggestion,
)
from models.text import EXCERPT_CHARACTERS, character_words, excerpt, unsafe_character

#: The most problems a message lists; the rest are counted ("… and 89,980 more").
MAX_LISTED_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document.

    Attributes
    ----------
    location : str
        Where, by key: ``offers[2] "Spring group" → participants_per_group`` (the app finds
        the field to show the problem next to with it); empty for the document as a whole.
    message : str
        What is wrong and, where it helps, what to do, after the field's words
        (``must be at least 0, not -3``).
    line : int | None
        Line of the file, where known (syntax errors). [1-based]
    label : str
        The field's label (``Participants per group``); empty when the location is not a
        known field (an offer as a whole, a misspelt key).
    section : str
        The part of the scenario in words: ``Offer 3, “Spring group”``, ``Your working year``;
        empty for the scenario's own fields and for a problem located by key only.
    key : str
        The field's key within its section (``participants_per_group``,
        ``schedule.start_month``), shown in brackets after the words; empty for a section as
        a whole.
    """

    location: str
    message: str
    line: int | None = None
    label: str = ""
    section: str = ""
    key: str = ""

    def __str__(self) -> str:
        """``Offer 1, “Coaching”: sessions per client is missing (sessions_per_client)``."""
        where = f"line {self.line}: " if self.line is not None else ""
        if not (self.section or self.key):  # located by key only, or the whole document
            return (
                f"{where}{self.location}: {self.message}" if self.location else where + self.message
            )
        if self.label:  # "Scenario name must …", "Offer 1: session length must …"
            subject = f"{self.label} {self.message} ({self.key})"
            if self.section:
                return f"{where}{self.section}: {_lowered(subject)}"
            return f"{where}{subject}"
        subject = f"{self.key} {self.message}" if self.key else self.message  # a key as typed
        return f"{where}{self.section}: {subject}" if self.section else f"{where}{subject}"


def _lowered(label: str) -> str:
    """A label inside a sentence: ``Sessions per client`` → ``sessions per client``; a label
    that starts with an abbreviation (``NPS …``) keeps its capitals."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


class ScenarioError(ValueError):
    """A scenario document that cannot be used, with the problems found in it.

    At most :data:`MAX_LISTED_PROBLEMS` problems are kept; ``total`` counts them all.
    """

    def __init__(
        self, problems: Sequence[Problem], source: str | None = None, total: int | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems[:MAX_LISTED_PROBLEMS])
        self.total = max(total or 0, len(problems))
        self.source = source
        super().__init__(self.summary())

    def summary(self) -> str:
        """A one-screen message: a heading, a line per problem, and how many more there are."""
        subject = (
            f"{excerpt(self.source, 200)} is not a valid scenario"
            if self.source
            else "Not a valid scenario"
        )
        count = self.total
        heading = f"{subject} ({count:,} problem{'s' if count != 1 else ''}):"
        lines = [heading, *(f"  - {problem}" for problem in self.problems)]
        if count > len(self.problems):
            lines.append(f"  … and {count - len(self.problems):,} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def describe_value(value: Any) -> str:
    """A short, readable, harmless rendering of a value a user typed (text cut to an excerpt,
    control characters shown as escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value)}"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"{float(value):g}"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return f'"{excerpt(value)}"'
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


#: The practitioner's section in words.
PRACTITIONER_WORDS = "Your working year"


def _offer_name(document: Any, index: int) -> str | None:
    """The name of the offer at ``index`` of the document's list, when it has a usable one."""
    offers = document.get("offers") if isinstance(document, dict) else None
    if isinstance(offers, list) and 0 <= index < len(offers):
        offer = offers[index]
        name = offer.get("name") if isinstance(offer, dict) else None
        if isinstance(name, str) and name:
            return name
    return None


def _offer_label(document: Any, index: int) -> str:
    """``offers[2] "Spring group"``, or ``offers[2]`` when the offer has no usable name."""
    name = _offer_name(document, index)
    return f"offers[{index}] {describe_value(name)}" if name else f"offers[{index}]"


def offer_words(index: int, name: str | None) -> str:
    """``Offer 3, “Spring group”`` for the offer at ``index`` (counted from 0 in the file,
    from 1 in words), or ``Offer 3`` when it has no name."""
    return f"Offer {index + 1}, “{excerpt(name)}”" if name else f"Offer {index + 1}"


@dataclass(frozen=True, slots=True)
class _Located:
    """A pydantic location read: by key, in words, the model holding the field and its name."""

    location: str
    section: str
    key: str
    model: type[BaseModel] | None
    field: str


def _locate(loc: tuple[int | str, ...], document: Any) -> _Located:
    """Turn a pydantic location into its key path, its words, the model holding the field
    and the field name.

    The discriminator tag pydantic puts after an offer's index is dropped; keys a person
    typed are echoed as harmless excerpts.
    """
    parts: list[str] = []
    section = ""
    keys: list[str] = []
    model: type[BaseModel] | None = Scenario
    field = ""
    items = list(loc)
    position = 0
    while position < len(items):
        item = items[position]
        if item == "offers" and position + 1 < len(items) and isinstance(items[position + 1], int):
            index = int(items[position + 1])
            parts.append(_offer_label(document, index))
            section, keys = offer_words(index, _offer_name(document, index)), []
            position += 2
            if position < len(items) and items[position] in OFFER_MODELS:
                model = OFFER_MODELS[str(items[position])]
                position += 1
            else:
                model = None
            continue
        field = str(item)
        parts.append(excerpt(field))
        position += 1
        if field == "practitioner" and model is Scenario and position < len(items):
            section = PRACTITIONER_WORDS
        else:
            keys.append(excerpt(field))
        if position < len(items):
            model = _nested_model(model, field)
    return _Located(" → ".join(parts), section, ".".join(keys), model, field)


def _nested_model(model: type[BaseModel] | None, field: str) -> type[BaseModel] | None:
    """The model a field holds (``practitioner`` → Practitioner, ``schedule`` → Schedule), if any."""
    info = model.model_fields.get(field) if model is not None else None
    if info is None:
        return None
    candidates = [info.annotation, *typing.get_args(info.annotation)]
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)


def _model_noun(model: type[BaseModel] | None) -> str:
    if model is Scenario:
        return "a scenario"
    if model is Practitioner:
        return "the practitioner"
    if model is Schedule:
        return "a schedule"
    for kind, offer_model in OFFER_MODELS.items():
        if model is offer_model:
            return f"a {KIND_LABELS[kind].lower()} offer (kind {kind})"
    return "this section"


#: pydantic's bound errors → (the words, the context key holding the bound).
_BOUNDS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}


def _message(error: Any, model: type[BaseModel] | None, field: str) -> str:
    """Plain words for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    got = f", not {describe_value(value)}"
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        fields = model.model_fields if model is not None else {}
        hint = suggestion(field, fields) or _owners_hint(field)
        return f"is not a field of {_model_noun(model)}.{hint}"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        if isinstance(value, bool):
            return f"must be a number, not {describe_value(value)}"
        whole = "a whole number" if kind.startswith("int") else "a number"
        hint = number_hint(value, _unit(model, field)) if isinstance(value, str) else ""
        return f"must be {whole}{got}{hint}"
    if kind == "finite_number":
        return f"must be a finite number{got}"
    if kind in _BOUNDS:
        words, limit = _BOUNDS[kind]
        return f"must be {words} {describe_value(ctx.get(limit))}{got}"
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, int | float) else ""  # bools too
        return f"must be text{got}{hint}"
    if kind == "string_unicode":  # pydantic refuses unpaired surrogates itself
        character = unsafe_character(value) if isinstance(value, str) else None
        if character is not None:
            return f"contains {character_words(character)}; remove it"
        return "must be text (it holds something that is not a character)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long, not {len(str(value))}"
    if kind == "too_long":
        return f"must hold at most {ctx.get('max_length')} items, not {ctx.get('actual_length')}"
    if kind == "bool_type":
        return f"must be true or false{got}"
    if kind == "literal_error":
        hint = suggestion(str(value), _literal_choices(ctx))
        return f"must be one of {ctx.get('expected')}{got}.{hint}".rstrip(".")
    if kind == "union_tag_invalid":
        kinds = ", ".join(OFFER_MODELS)
        return (
            f"is {describe_value(ctx.get('tag'))}, which is not a kind of offer; use one of "
            f"{kinds}.{suggestion(str(ctx.get('tag')), OFFER_MODELS)}"
        ).rstrip(".")
    if kind == "union_tag_not_found":
        return f"is missing: one of {', '.join(OFFER_MODELS)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a set of `field: value` lines{got}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list{got}"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    return str(error.get("msg", "is not valid")).lower()


def _unit(model: type[BaseModel] | None, field: str) -> str:
    """The unit of a schema field (``h``, ``currency/client`` …), or ""."""
    info = model.model_fields.get(field) if model is not None else None
    extra = info.json_schema_extra if info is not None else None
    return str(extra.get("unit", "")) if isinstance(extra, dict) else ""


def label_of(model: type[BaseModel] | None, field: str) -> str:
    """The label of a field (``Participants per group``), or "" when the field is unknown."""
    info = model.model_fields.get(field) if model is not None else None
    return info.title if info is not None and info.title else ""


_HOURS_AND_MINUTES = re.compile(r"\s*(\d{1,4}):([0-5]\d)\s*")
_OTHER_BASE = re.compile(r"\s*[-+]?0[xXoObB][0-9a-fA-F_]+\s*")
_THOUSANDS = re.compile(r"\s*[-+]?\d{1,3}([,_ ]\d{3})+(\.\d+)?\s*")
_PERCENT = re.compile(r"\s*(\d+(\.\d+)?)\s*%\s*")
_PLAIN_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def number_hint(text: str, unit: str) -> str:
    """What to write instead of text that a person meant as a number, or "".

    Notes
    -----
    Scenario files read numbers the YAML 1.2 way, so ``1:30`` (YAML 1.1's base 60),
    ``0x10`` and ``1,000`` stay text: ``1:30`` for hours is an hour and a half, so the
    hint is ``; for 1 h 30 min write 1.5``.
    """
    if len(text) > EXCERPT_CHARACTERS:  # no number is written that long
        return ""
    if match := _HOURS_AND_MINUTES.fullmatch(text):
        whole, minutes = int(match.group(1)), int(match.group(2))
        decimal = f"{whole + minutes / 60:.4g}"
        if unit.startswith("h"):
            return f"; for {whole} h {minutes} min write {decimal}"
        return f"; write a plain number such as {decimal}"
    if _OTHER_BASE.fullmatch(text):
        try:
            return f"; write it as a plain decimal number: {int(text.replace('_', ''), 0)}"
        except ValueError:
            return "; write it as a plain decimal number"
    if _THOUSANDS.fullmatch(text):
        plain = re.sub(r"[,_ ]", "", text.strip())
        return f"; write it without separators: {plain}"
    if match := _PERCENT.fullmatch(text):
        share = float(match.group(1)) / 100
        return f"; write a share as a fraction: {share:g}" if unit == "0-1" else ""
    if _PLAIN_NUMBER.fullmatch(text):
        return "; remove the quotes"
    return ""


def _owners_hint(field: str) -> str:
    """' Only X and Y offers have it.' when other kinds of offer own the field."""
    owners = [kind for kind, model in OFFER_MODELS.items() if field in model.model_fields]
    if not owners:
        return ""
    return f" Only {', '.join(owners)} offers have it."


def _literal_choices(ctx: dict[str, Any]) -> list[str]:
    return [
        choice.strip(" '")
        for choice in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
    ]


def problems_from_validation(
    error: ValidationError, document: Any, limit: int | None = None
) -> list[Problem]:
    """The problems of a pydantic ValidationError, located and in plain words: every one, or
    the first ``limit`` (the rest are counted by ``error.error_count()``, and cost nothing to
    word)."""
    problems = []
    items = error.errors(include_url=False, include_context=True, include_input=True)
    for item in items[:limit]:
        found = _locate(tuple(item["loc"]), document)
        location, key, model, field = found.location, found.key, found.model, found.field
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            location = f"{location} → kind" if location else "kind"
            model, field, key = OFFER_MODELS["one_to_one"], "kind", "kind"
        label = label_of(model, field) if item["type"] != "extra_forbidden" else ""
        section = found.section
        if item["type"] == "value_error" and key == "practitioner":  # a rule of the section
            section, key, label = PRACTITIONER_WORDS, "", ""
        message = _message(item, model, field)
        problems.append(Problem(location, message, None, label, section, key))
    return problems
