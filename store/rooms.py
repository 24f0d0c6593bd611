"""Workshop rooms: a starting scenario, the fields participants may change, and their plans.

A room is reached by two links, each a key of its own (:mod:`store.keys`): the
participant link, shown on the projector, and the facilitator's, which alone shows the
room's plans and closes the room. Neither can be worked out from the other. A participant
takes a seat when they open the link (their own key, kept in their browser) and may
submit as often as they like: the latest plan counts. Rooms close after their lifetime
(:data:`DEFAULT_LIFETIME`) or when the facilitator closes them; closing deletes every plan,
and so does the closing time (the room itself goes :data:`EXPIRED_ROOMS_KEPT` later).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.schema import Scenario
from store.database import Database, in_utc, now
from store.documents import document_of, scenario_of
from store.errors import StoreExpired, StoreNotFound, StoreRefused
from store.keys import digest, is_key, new_key
from store.tables import NAME_CHARACTERS, Participant, Room

#: How long a room stays open unless its facilitator says otherwise.
DEFAULT_LIFETIME = timedelta(days=30)

#: The longest a room may stay open.
MAX_LIFETIME = timedelta(days=365)

#: How long a closed room is kept, without its plans, so that its links can say when it
#: closed rather than that they lead nowhere.
EXPIRED_ROOMS_KEPT = timedelta(days=30)

#: The most seats one room has.
MAX_PARTICIPANTS = 500

#: The longest display name. [characters]
MAX_DISPLAY_NAME_CHARACTERS = 60

_NO_ROOM = (
    "This room link leads nowhere: the room may have been closed by its facilitator, or the "
    "link was cut short. Ask the facilitator for the link again."
)


@dataclass(frozen=True, slots=True)
class RoomKeys:
    """The two links' keys of a new room (the facilitator's is seen only this once)."""

    participant: str
    facilitator: str


@dataclass(frozen=True, slots=True)
class RoomSetup:
    """What a room starts from.

    Attributes
    ----------
    name : str
    scenario : Scenario
        The starting plan every participant begins with.
    allowed_fields : tuple[str, ...]
        The fields participants may change, as field paths.
    participant_key : str
        The participant link's key (the facilitator shows it on the projector).
    expires_at : datetime
        When the room closes. [UTC]
    """

    name: str
    scenario: Scenario
    allowed_fields: tuple[str, ...]
    participant_key: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Submission:
    """A participant's latest plan.

    Attributes
    ----------
    seat : str
        The participant's key: the same person resubmitting keeps it.
    display_name : str
        Empty when they submitted anonymously.
    scenario : Scenario
    submitted_at : datetime
        [UTC]
    times : int
        How many times they submitted.
    """

    seat: str
    display_name: str
    scenario: Scenario
    submitted_at: datetime
    times: int


@dataclass(frozen=True, slots=True)
class RoomStatus:
    """The room as the facilitator sees it: who joined, and the plans submitted, in the order
    of each seat's first send (a plan sent again keeps its place)."""

    joined: int
    submissions: tuple[Submission, ...]


class Rooms:
    """Every workshop room in one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def open(
        self,
        name: str,
        scenario: Scenario,
        allowed_fields: tuple[str, ...],
        lifetime: timedelta = DEFAULT_LIFETIME,
    ) -> RoomKeys:
        """Open a room; returns its two keys. Rooms past their time are deleted on the way.

        Raises :class:`~store.errors.StoreRefused` for an empty or long name, a lifetime out
        of range, or a scenario too large to store.
        """
        name = name.strip()
        if not name or len(name) > NAME_CHARACTERS:
            raise StoreRefused(f"Give the room a name of 1 to {NAME_CHARACTERS} characters.")
        if not timedelta(0) < lifetime <= MAX_LIFETIME:
            raise StoreRefused(f"A room stays open for 1 to {MAX_LIFETIME.days} days.")
        keys = RoomKeys(participant=new_key(), facilitator=new_key())
        document = document_of(scenario)
        moment = now()
        self._remove_expired()
        with self._database.transaction() as session:
            session.add(
                Room(
                    participant_key=keys.participant,
                    facilitator_digest=digest(keys.facilitator),
                    name=name,
                    document=document,
                    allowed_fields=json.dumps(list(allowed_fields)),
                    created_at=moment,
                    expires_at=moment + lifetime,
                )
            )
        return keys

    def for_participant(self, participant_key: str) -> RoomSetup:
        """The room a participant link opens.

        Raises :class:`~store.errors.StoreNotFound` or :class:`~store.errors.StoreExpired`.
        """
        with self._database.transaction() as session:
            return _setup(_participant_room(session, participant_key))

    def for_facilitator(self, facilitator_key: str) -> RoomSetup:
        """The room a facilitator link opens.

        Raises :class:`~store.errors.StoreNotFound` or :class:`~store.errors.StoreExpired`.
        """
        with self._database.transaction() as session:
            return _setup(_facilitator_room(session, facilitator_key))

    def join(self, participant_key: str) -> str:
        """Give a new participant a seat; returns the seat's key (kept in their browser).

        Raises :class:`~store.errors.StoreRefused` when the room is full.
        """
        seat = new_key()
        self._remove_expired()
        with self._database.transaction() as session:
            room = _participant_room(session, participant_key)
            seated = session.scalar(
                select(func.count(Participant.id)).where(Participant.room_id == room.id)
            )
            if (seated or 0) >= MAX_PARTICIPANTS:
                raise StoreRefused(
                    f"This room is full ({MAX_PARTICIPANTS} people); ask the facilitator."
                )
            session.add(Participant(room_id=room.id, seat=seat, joined_at=now()))
        return seat

    def submit(
        self, participant_key: str, seat: str, scenario: Scenario, display_name: str = ""
    ) -> Submission:
        """Keep ``scenario`` as the seat's plan (replacing an earlier one).

        Raises :class:`~store.errors.StoreNotFound` for a seat not in this room,
        :class:`~store.errors.StoreRefused` for a long display name or a file too large.
        """
        display_name = " ".join(display_name.split())
        if len(display_name) > MAX_DISPLAY_NAME_CHARACTERS:
            raise StoreRefused(
                f"Your name is {len(display_name)} characters long; keep it within "
                f"{MAX_DISPLAY_NAME_CHARACTERS}."
            )
        document = document_of(scenario)
        with self._database.transaction() as session:
            participant = _seated(session, _participant_room(session, participant_key), seat)
            participant.document = document
            participant.display_name = display_name
            participant.submitted_at = now()
            if participant.first_submitted_at is None:
                participant.first_submitted_at = participant.submitted_at
            participant.submissions += 1
            times = participant.submissions
            submitted_at = participant.submitted_at
        return Submission(seat, display_name, scenario, in_utc(submitted_at), times)

    def latest_plan(self, participant_key: str, seat: str) -> Submission | None:
        """The seat's latest plan, to carry on from after a reload; None before its first send.

        Raises :class:`~store.errors.StoreNotFound` for a seat not in this room.
        """
        with self._database.transaction() as session:
            participant = _seated(session, _participant_room(session, participant_key), seat)
            if participant.document is None or participant.submitted_at is None:
                return None
            found = (
                participant.display_name,
                participant.document,
                participant.submitted_at,
                participant.submissions,
            )
        name, document, submitted_at, times = found
        return Submission(
            seat, name, scenario_of(document, "Your plan"), in_utc(submitted_at), times
        )

    def status(self, facilitator_key: str) -> RoomStatus:
        """Who joined the room and the latest plan of each who submitted, in the order of
        their first send."""
        self._remove_expired()
        with self._database.transaction() as session:
            room = _facilitator_room(session, facilitator_key)
            joined = session.scalar(
                select(func.count(Participant.id)).where(Participant.room_id == room.id)
            )
            rows = session.execute(
                select(
                    Participant.seat,
                    Participant.display_name,
                    Participant.document,
                    Participant.submitted_at,
                    Participant.submissions,
                )
                .where(Participant.room_id == room.id, Participant.submitted_at.is_not(None))
                .order_by(Participant.first_submitted_at, Participant.id)
            ).all()
        submissions = tuple(
            Submission(
                seat,
                name,
                scenario_of(document, f"The plan of {name or 'an anonymous participant'}"),
                in_utc(submitted_at),
                times,
            )
            for seat, name, document, submitted_at, times in rows
            if document is not None and submitted_at is not None  # as the query asks
        )
        return RoomStatus(joined or 0, submissions)

    def _remove_expired(self) -> None:
        """Delete the plans of every room past its closing time at once, and the rooms
        themselves :data:`EXPIRED_ROOMS_KEPT` later (until then their links say when they
        closed). Run whenever a room opens, a participant joins or a room view reads its
        room, in a transaction of its own, so that plans never outlive their room for long."""
        moment = now()
        with self._database.transaction() as session:
            expired = select(Room.id).where(Room.expires_at <= moment)
            session.execute(delete(Participant).where(Participant.room_id.in_(expired)))
            session.execute(delete(Room).where(Room.expires_at <= moment - EXPIRED_ROOMS_KEPT))

    def close(self, facilitator_key: str) -> None:
        """Close the room at once: it and every plan in it are deleted."""
        with self._database.transaction() as session:
            session.delete(_facilitator_room(session, facilitator_key, expired_ok=True))


def _checked(room: Room | None, *, expired_ok: bool = False) -> Room:
    if room is None:
        raise StoreNotFound(_NO_ROOM)
    if not expired_ok and room.expires_at <= now():
        raise StoreExpired(room.name, in_utc(room.expires_at))
    return room


def _seated(session: Session, room: Room, seat: str) -> Participant:
    """The room's participant in ``seat``.

    Raises :class:`~store.errors.StoreNotFound` for a seat not in the room.
    """
    participant = (
        session.scalars(
            select(Participant).where(Participant.room_id == room.id, Participant.seat == seat)
        ).first()
        if is_key(seat)
        else None
    )
    if participant is None:
        raise StoreNotFound(
            "Your place in this room was not found; open the room link again to rejoin."
        )
    return participant


def _participant_room(session: Session, key: str) -> Room:
    room = (
        session.scalars(select(Room).where(Room.participant_key == key)).first()
        if is_key(key)
        else None
    )
    return _checked(room)


def _facilitator_room(session: Session, key: str, *, expired_ok: bool = False) -> Room:
    room = (
        session.scalars(select(Room).where(Room.facilitator_digest == digest(key))).first()
        if is_key(key)
        else None
    )
    return _checked(room, expired_ok=expired_ok)


def _setup(room: Room) -> RoomSetup:
    return RoomSetup(
        name=room.name,
        scenario=scenario_of(room.document, f"The starting plan of “{room.name}”"),
        allowed_fields=tuple(json.loads(room.allowed_fields)),
        participant_key=room.participant_key,
        expires_at=in_utc(room.expires_at),
    )
