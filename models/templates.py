"""Starting points: a new offer of each kind with typical figures, and a blank scenario.

Each kind's starting figures are its model's ``starting_fields`` (:mod:`models.schema`), from
published benchmark figures (cited beside each), so that an offer added in the app is a believable plan from the first
moment, ready to be adjusted.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.schema import OFFER_MODELS, OfferBase, Scenario
from models.text import name_key


def unique_name(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base 2``, ``base 3`` … whichever is not taken yet, where names that
    differ only in case or look-alike letters count as taken (:func:`models.text.name_key`,
    as the schema's duplicate check)."""
    used = {name_key(name) for name in taken}
    if name_key(base) not in used:
        return base
    number = 2
    while name_key(f"{base} {number}") in used:
        number += 1
    return f"{base} {number}"


def new_offer(kind: str, taken_names: Iterable[str] = ()) -> OfferBase:
    """A new offer of a kind with typical figures and a name not yet taken."""
    model = OFFER_MODELS[kind]
    name = unique_name(model.label, taken_names)
    return model.model_validate({"kind": kind, "name": name, **model.starting_fields})


def blank_scenario(name: str = "New scenario") -> Scenario:
    """A scenario called ``name`` with the practitioner's defaults and no offers yet."""
    return Scenario(name=name)
