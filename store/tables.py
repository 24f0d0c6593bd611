"""The database's tables, as SQLAlchemy models. Alembic's migrations create and change them.

A stored scenario is exactly a scenario file: :attr:`Version.document` holds the text
:func:`models.files.dump_scenario` writes, schema version included, and is read back
through :func:`models.files.load_scenario` like any file (older versions upgrade on the
way). Times are kept as UTC without a zone (SQLite keeps none); the store adds it back.

Changing a table means a new migration in ``store/migrations/versions`` (see
docs/architecture.md): ``tests/test_store.py`` checks that the migrations build exactly
these tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Room for a key's digest (SHA-256 in hex). [characters]
DIGEST_CHARACTERS = 64

#: Room for a key (22 today; kept wider for a longer key later). [characters]
KEY_CHARACTERS = 43

#: Room for a scenario's name (the schema allows 100). [characters]
NAME_CHARACTERS = 100

#: Room for a version's note and a participant's display name. [characters]
NOTE_CHARACTERS = 200


class Base(DeclarativeBase):
    """The store's tables."""


class Library(Base):
    """A person's library, reached by the key kept in their browser (only its digest here)."""

    __tablename__ = "libraries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_digest: Mapped[str] = mapped_column(String(DIGEST_CHARACTERS), unique=True)
    created_at: Mapped[datetime]
    scenarios: Mapped[list[StoredScenario]] = relationship(
        back_populates="library", cascade="all, delete-orphan", passive_deletes=True
    )


class StoredScenario(Base):
    """A named scenario in a library; its content is in its versions."""

    __tablename__ = "scenarios"
    __table_args__ = (UniqueConstraint("library_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(NAME_CHARACTERS))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    library: Mapped[Library] = relationship(back_populates="scenarios")
    versions: Mapped[list[Version]] = relationship(
        back_populates="scenario",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Version.number",
    )


class Version(Base):
    """One save of a scenario: the whole file as it was then, numbered from 1."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("scenario_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    number: Mapped[int]
    saved_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(NOTE_CHARACTERS), default="")
    document: Mapped[str] = mapped_column(Text)
    scenario: Mapped[StoredScenario] = relationship(back_populates="versions")


class SharedCopy(Base):
    """A read-only copy behind a short link; its id is the link's key."""

    __tablename__ = "shared_copies"

    id: Mapped[str] = mapped_column(String(KEY_CHARACTERS), primary_key=True)
    created_at: Mapped[datetime]
    document: Mapped[str] = mapped_column(Text)


class Room(Base):
    """A workshop room: its starting scenario, what participants may change, and its links.

    The participant key is kept as it is (it goes on the projector); the facilitator's
    only as its digest.
    """

    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_key: Mapped[str] = mapped_column(String(KEY_CHARACTERS), unique=True)
    facilitator_digest: Mapped[str] = mapped_column(String(DIGEST_CHARACTERS), unique=True)
    name: Mapped[str] = mapped_column(String(NAME_CHARACTERS))
    document: Mapped[str] = mapped_column(Text)
    #: The fields participants may change, as JSON: a list of field paths.
    allowed_fields: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    participants: Mapped[list[Participant]] = relationship(
        back_populates="room", cascade="all, delete-orphan", passive_deletes=True
    )


class Participant(Base):
    """One browser in a room: joined, and, once they submit, their latest plan."""

    __tablename__ = "participants"
    __table_args__ = (
        UniqueConstraint("room_id", "seat"),
        Index("participants_by_room_first_submitted", "room_id", "first_submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    #: The participant's own random key, kept in their browser session.
    seat: Mapped[str] = mapped_column(String(KEY_CHARACTERS))
    joined_at: Mapped[datetime]
    display_name: Mapped[str] = mapped_column(String(NOTE_CHARACTERS), default="")
    document: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    #: When they first submitted: the room view lists plans in this order, so a plan sent
    #: again keeps its place (and its "Anonymous 2") in every view of the room.
    first_submitted_at: Mapped[datetime | None]
    #: How many times they submitted; the latest plan is the one kept.
    submissions: Mapped[int] = mapped_column(default=0)
    room: Mapped[Room] = relationship(back_populates="participants")
