"""Workshop rooms in the model: the fields a facilitator opens to participants, and what a
participant's plan changed.

A room keeps the fields participants may change as *field paths*: ``practitioner.<field>``
or ``offers[<index>].<field>``, the index counted from 0 in the order of the room's
scenario, the field a name of :mod:`models.schema` (``offers[0].price_per_client``,
``practitioner.hours_per_week``). :func:`check_submission` compares a participant's plan
with the room's starting plan (:func:`models.compare.differences`) and refuses every change
outside those fields, naming the offer and the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.compare import Change, differences
from models.schema import Practitioner, Scenario

#: ``offers[2].clients`` or ``practitioner.hours_per_week``.
_PATH = re.compile(r"offers\[(?P<offer>\d+)\]\.(?P<offer_field>\w+)|practitioner\.(?P<field>\w+)")

#: Fields a room never opens: an offer's kind and name (its name is how a plan's offers are
#: matched with the room's), and the schedule and ranges blocks (not one figure each).
NEVER_OPEN = frozenset({"kind", "name", "schedule", "ranges"})


@dataclass(frozen=True, order=True)
class RoomField:
    """One field a room opens: ``field`` of the offer at position ``offer`` (from 0), or of the
    practitioner (``offer`` None)."""

    offer: int | None
    field: str

    @property
    def path(self) -> str:
        """The field's path as the room keeps it: ``offers[0].price_per_client``."""
        return (
            f"practitioner.{self.field}"
            if self.offer is None
            else f"offers[{self.offer}].{self.field}"
        )


def parse_field_path(path: str) -> RoomField | None:
    """The field a path names, or None when it is not a field path.

    Notes: ``offers[1].members_per_cohort`` is the second offer's members per cohort.
    """
    match = _PATH.fullmatch(path)
    if match is None:
        return None
    if match["field"] is not None:
        return RoomField(None, match["field"])
    return RoomField(int(match["offer"]), match["offer_field"])


def room_fields(scenario: Scenario, allowed_fields: Sequence[str]) -> tuple[RoomField, ...]:
    """The allowed fields the scenario has: the practitioner's, then each offer's in the
    scenario's order, each section's fields in the order given. A path that names no offer
    of the scenario, or a field its offer's kind (or the practitioner) does not have, is
    left out, and so is a path given twice or a field in :data:`NEVER_OPEN`."""
    found: list[RoomField] = []
    for path in allowed_fields:
        room_field = parse_field_path(path)
        if room_field is None or room_field in found:
            continue
        if room_field.offer is None:
            model_fields = Practitioner.model_fields
        elif room_field.offer < len(scenario.offers):
            model_fields = type(scenario.offers[room_field.offer]).model_fields
        else:
            continue
        if room_field.field in model_fields and room_field.field not in NEVER_OPEN:
            found.append(room_field)
    return tuple(
        sorted(found, key=lambda room_field: -1 if room_field.offer is None else room_field.offer)
    )


@dataclass(frozen=True)
class SubmissionCheck:
    """A participant's plan against the room's starting plan.

    ``changes`` is every input that differs (:func:`models.compare.differences`),
    ``refused`` those the room does not open; the plan may be sent when none is refused.
    """

    changes: tuple[Change, ...]
    refused: tuple[Change, ...]

    @property
    def accepted(self) -> bool:
        """Whether every change is to a field the room opens."""
        return not self.refused

    def refusals(self) -> tuple[str, ...]:
        """Each refused change in words: ``Not open to change in this room: “Mastermind”:
        Members per cohort: 10 → 12``."""
        return tuple(f"Not open to change in this room: {change}" for change in self.refused)


def check_submission(
    start: Scenario, submitted: Scenario, allowed_fields: Sequence[str]
) -> SubmissionCheck:
    """Which inputs ``submitted`` changed from ``start``, and which of those the room refuses.

    A change is allowed when its field's path (``offers[<index>].<field>`` by the offer's
    place in ``start``, or ``practitioner.<field>``) is one of ``allowed_fields``. The
    scenario's own fields (name, currency, story), an offer added, removed or renamed, and
    any other field are refused.

    Notes: a room opening ``offers[0].price_per_client`` accepts 250 → 300 for the first
    offer's price, and refuses a change of its clients, 20 → 25.
    """
    opened = {room_field.path for room_field in room_fields(start, allowed_fields)}
    places = {f'offer "{offer.name}"': index for index, offer in enumerate(start.offers)}
    changes = differences(start, submitted)

    def allowed(change: Change) -> bool:
        if not change.field:  # an offer added or removed as a whole
            return False
        if change.where == "practitioner":
            return RoomField(None, change.field).path in opened
        index = places.get(change.where)
        return index is not None and RoomField(index, change.field).path in opened

    return SubmissionCheck(changes, tuple(change for change in changes if not allowed(change)))
