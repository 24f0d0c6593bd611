"""Errors a person can act on.

An invalid scenario document raises one :class:`ScenarioError` that lists every
problem found, each located in words a coach understands::

    offers[2] "Spring group" → participants_per_group: must be at least 0 (got -3)

Offers are numbered from 0 as in the file's list, and named. A misspelt key gets
a "did you mean" suggestion; a YAML syntax error gets its line number.
"""

from __future__ import annotations

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

_INPUT_PREVIEW_CHARS = 40


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document.

    Attributes
    ----------
    location : str
        Where, in words: ``offers[2] "Spring group" → participants_per_group``;
        empty for the document as a whole.
    message : str
        What is wrong and, where it helps, what to do.
    line : int | None
        Line of the file, where known (syntax errors). [1-based]
    """

    location: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        if self.location:
            return f"{where}{self.location}: {self.message}"
        return f"{where}{self.message}"


class ScenarioError(ValueError):
    """A scenario document that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.summary())

    def summary(self) -> str:
        """A one-screen message: a heading and a line per problem."""
        subject = (
            f"{self.source} is not a valid scenario" if self.source else "Not a valid scenario"
        )
        count = len(self.problems)
        heading = f"{subject} ({count} problem{'s' if count != 1 else ''}):"
        return "\n".join([heading, *(f"  - {problem}" for problem in self.problems)])

    def __str__(self) -> str:
        return self.summary()


def describe_value(value: Any) -> str:
    """A short, readable rendering of a value a user typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value)}"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        text = value if len(value) <= _INPUT_PREVIEW_CHARS else value[:_INPUT_PREVIEW_CHARS] + "…"
        return f'"{text}"'
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _offer_label(document: Any, index: int) -> str:
    """``offers[2] "Spring group"``, or ``offers[2]`` when the offer has no usable name."""
    label = f"offers[{index}]"
    offers = document.get("offers") if isinstance(document, dict) else None
    if isinstance(offers, list) and 0 <= index < len(offers):
        offer = offers[index]
        name = offer.get("name") if isinstance(offer, dict) else None
        if isinstance(name, str) and name:
            label += f' "{describe_value(name)[1:-1]}"'
    return label


def _locate(loc: tuple[int | str, ...], document: Any) -> tuple[str, type[BaseModel] | None, str]:
    """Turn a pydantic location into (words, the model holding the field, the field name).

    The discriminator tag pydantic puts after an offer's index is dropped.
    """
    parts: list[str] = []
    model: type[BaseModel] | None = Scenario
    field = ""
    items = list(loc)
    position = 0
    while position < len(items):
        item = items[position]
        if item == "offers" and position + 1 < len(items) and isinstance(items[position + 1], int):
            index = int(items[position + 1])
            parts.append(_offer_label(document, index))
            position += 2
            if position < len(items) and items[position] in OFFER_MODELS:
                model = OFFER_MODELS[str(items[position])]
                position += 1
            else:
                model = None
            continue
        field = str(item)
        parts.append(field)
        position += 1
        if position < len(items):
            model = _nested_model(model, field)
    return " → ".join(parts), model, field


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
    got = f" (got {describe_value(value)})"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        fields = model.model_fields if model is not None else {}
        hint = suggestion(field, fields) or _owners_hint(field)
        return f"is not a field of {_model_noun(model)}.{hint}"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        if isinstance(value, bool):
            return f"must be a number, not {describe_value(value)}"
        whole = "a whole number" if kind.startswith("int") else "a number"
        return f"must be {whole}{got}"
    if kind == "finite_number":
        return f"must be a finite number{got}"
    if kind in _BOUNDS:
        words, limit = _BOUNDS[kind]
        return f"must be {words} {describe_value(ctx.get(limit))}{got}"
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, int | float) else ""
        return f"must be text{got}{hint}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters (got {len(str(value))})"
    if kind == "too_long":
        return f"holds at most {ctx.get('max_length')} items (got {ctx.get('actual_length')})"
    if kind == "bool_type":
        return f"must be true or false{got}"
    if kind == "literal_error":
        hint = suggestion(str(value), _literal_choices(ctx))
        return f"must be one of {ctx.get('expected')}{got}.{hint}".rstrip(".")
    if kind == "union_tag_invalid":
        kinds = ", ".join(OFFER_MODELS)
        return (
            f"kind {describe_value(ctx.get('tag'))} is not a kind of offer; use one of {kinds}."
            f"{suggestion(str(ctx.get('tag')), OFFER_MODELS)}"
        ).rstrip(".")
    if kind == "union_tag_not_found":
        return f"needs a kind: one of {', '.join(OFFER_MODELS)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a set of `field: value` lines{got}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list{got}"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    return str(error.get("msg", "is not valid")).lower()


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


def problems_from_validation(error: ValidationError, document: Any) -> list[Problem]:
    """Every problem of a pydantic ValidationError, located and in plain words."""
    problems = []
    for item in error.errors():
        location, model, field = _locate(tuple(item["loc"]), document)
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            location = f"{location} → kind" if location else "kind"
        problems.append(Problem(location=location, message=_message(item, model, field)))
    return problems
