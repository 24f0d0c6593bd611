"""Personal libraries: named scenarios, each save a new version, reached by a key.

A library has no account behind it: whoever holds its key (kept in the person's browser
and in their bookmarkable library link) can use it. A save of a name the library has
already adds a version; the oldest versions beyond :data:`MAX_VERSIONS` are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.schema import Scenario
from store.database import Database, in_utc, now
from store.documents import document_of, scenario_of
from store.errors import StoreNotFound, StoreRefused
from store.keys import digest, is_key, new_key
from store.tables import NOTE_CHARACTERS, Library, StoredScenario, Version

#: The most scenarios one library holds.
MAX_SCENARIOS = 200

#: The most versions kept of one scenario; a save beyond drops the oldest.
MAX_VERSIONS = 50

_NO_LIBRARY = (
    "No library has this link. Check that it was copied whole, or start a new library by "
    "saving a scenario."
)


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """A scenario in a library, as the library's list shows it.

    Attributes
    ----------
    name : str
    saved_at : datetime
        Its latest save. [UTC]
    versions : int
        How many versions are kept.
    """

    name: str
    saved_at: datetime
    versions: int


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One save of a scenario.

    Attributes
    ----------
    number : int
        Counted from 1, the first save; numbers are never reused.
    saved_at : datetime
        [UTC]
    note : str
        What the person wrote about the save; may be empty.
    """

    number: int
    saved_at: datetime
    note: str


def _version_entry(version: Version) -> VersionEntry:
    return VersionEntry(version.number, in_utc(version.saved_at), version.note)


class ScenarioLibraries:
    """Every library in one database: create one, then work in it by its key."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def create(self) -> str:
        """A new, empty library; returns its key (the only time the key is seen)."""
        key = new_key()
        with self._database.transaction() as session:
            session.add(Library(key_digest=digest(key), created_at=now()))
        return key

    def exists(self, key: str) -> bool:
        """Whether ``key`` opens a library."""
        if not is_key(key):
            return False
        with self._database.transaction() as session:
            return _find_library(session, key) is not None

    def entries(self, key: str) -> list[LibraryEntry]:
        """The library's scenarios, the latest saved first."""
        with self._database.transaction() as session:
            library_id = _library_id(session, key)
            rows = session.execute(
                select(StoredScenario.name, StoredScenario.updated_at, func.count(Version.id))
                .join(Version)
                .where(StoredScenario.library_id == library_id)
                .group_by(StoredScenario.id)
                .order_by(StoredScenario.updated_at.desc(), StoredScenario.name)
            ).all()
        return [LibraryEntry(name, in_utc(saved_at), count) for name, saved_at, count in rows]

    def save(self, key: str, scenario: Scenario, note: str = "") -> VersionEntry:
        """Save ``scenario`` under its name: a new scenario, or a new version of it.

        Raises :class:`~store.errors.StoreRefused` for a note over
        :data:`~store.tables.NOTE_CHARACTERS` characters, a file too large, or a full library.
        """
        note, document = _checked_note(note), document_of(scenario)
        with self._database.transaction() as session:
            return _save_in(session, _library_id(session, key), scenario, note, document)

    def create_with(self, scenario: Scenario, note: str = "") -> tuple[str, VersionEntry]:
        """A new library holding ``scenario``, made only if the save is made: a refused first
        save leaves no empty library behind. Returns the new key and the first version.

        Raises :class:`~store.errors.StoreRefused` as :meth:`save` does.
        """
        note, document = _checked_note(note), document_of(scenario)
        key = new_key()
        with self._database.transaction() as session:
            library = Library(key_digest=digest(key), created_at=now())
            session.add(library)
            session.flush()
            return key, _save_in(session, library.id, scenario, note, document)

    def versions(self, key: str, name: str) -> list[VersionEntry]:
        """The versions kept of ``name``, the latest first."""
        with self._database.transaction() as session:
            stored = _stored(session, _library_id(session, key), name)
            rows = session.scalars(
                select(Version)
                .where(Version.scenario_id == stored.id)
                .order_by(Version.number.desc())
            ).all()
            return [_version_entry(version) for version in rows]

    def load(self, key: str, name: str, number: int | None = None) -> Scenario:
        """Version ``number`` of ``name`` (the latest when ``None``).

        Raises :class:`~store.errors.StoreNotFound` for a name or version not kept.
        """
        with self._database.transaction() as session:
            stored = _stored(session, _library_id(session, key), name)
            query = select(Version).where(Version.scenario_id == stored.id)
            if number is None:
                query = query.order_by(Version.number.desc()).limit(1)
            else:
                query = query.where(Version.number == number)
            version = session.scalars(query).first()
            if version is None:
                raise StoreNotFound(
                    f"Version {number} of “{name}” is no longer kept (the library keeps the "
                    f"latest {MAX_VERSIONS})."
                )
            document = version.document
        what = f"Version {number} of “{name}”" if number is not None else f"“{name}”"
        return scenario_of(document, what)

    def rename(self, key: str, old: str, renamed: Scenario) -> VersionEntry:
        """Give ``old`` the name of ``renamed`` (``old``'s scenario under its new name, checked
        by the schema); the renamed scenario is saved as a new version, in the same
        transaction: either both happen or neither.

        Raises :class:`~store.errors.StoreRefused` when the library has that name already.
        """
        document = document_of(renamed)
        with self._database.transaction() as session:
            library_id = _library_id(session, key)
            stored = _stored(session, library_id, old)
            if _find_stored(session, library_id, renamed.name) is not None:
                raise StoreRefused(
                    f"The library has a scenario called “{renamed.name}” already; pick another name."
                )
            stored.name = renamed.name
            session.flush()
            return _save_in(session, library_id, renamed, f"Renamed from “{old}”", document)

    def delete(self, key: str, name: str) -> None:
        """Delete ``name`` and every version of it."""
        with self._database.transaction() as session:
            session.delete(_stored(session, _library_id(session, key), name))


def _checked_note(note: str) -> str:
    """The note without its outer spaces.

    Raises :class:`~store.errors.StoreRefused` when it is over
    :data:`~store.tables.NOTE_CHARACTERS` characters.
    """
    note = note.strip()
    if len(note) > NOTE_CHARACTERS:
        raise StoreRefused(
            f"The note is {len(note):,} characters long; keep it within {NOTE_CHARACTERS}."
        )
    return note


def _save_in(
    session: Session, library_id: int, scenario: Scenario, note: str, document: str
) -> VersionEntry:
    """Add ``document`` as the next version of ``scenario``'s name in the library (the
    scenario itself when the name is new).

    Raises :class:`~store.errors.StoreRefused` when a new name would overfill the library.
    """
    stored = _find_stored(session, library_id, scenario.name)
    moment = now()
    if stored is None:
        count = session.scalar(
            select(func.count(StoredScenario.id)).where(StoredScenario.library_id == library_id)
        )
        if (count or 0) >= MAX_SCENARIOS:
            raise StoreRefused(
                f"This library holds {MAX_SCENARIOS} scenarios already; delete one "
                "you no longer need, then save again."
            )
        stored = StoredScenario(
            library_id=library_id, name=scenario.name, created_at=moment, updated_at=moment
        )
        session.add(stored)
        session.flush()
    latest = session.scalar(
        select(func.max(Version.number)).where(Version.scenario_id == stored.id)
    )
    version = Version(
        scenario_id=stored.id,
        number=(latest or 0) + 1,
        saved_at=moment,
        note=note,
        document=document,
    )
    session.add(version)
    stored.updated_at = moment
    session.flush()
    _drop_oldest(session, stored.id)
    return _version_entry(version)


def _find_library(session: Session, key: str) -> int | None:
    """The id of the library ``key`` opens, if any."""
    if not is_key(key):
        return None
    return session.scalar(select(Library.id).where(Library.key_digest == digest(key)))


def _library_id(session: Session, key: str) -> int:
    """The id of the library ``key`` opens.

    Raises :class:`~store.errors.StoreNotFound` when there is none.
    """
    found = _find_library(session, key)
    if found is None:
        raise StoreNotFound(_NO_LIBRARY)
    return found


def _find_stored(session: Session, library_id: int, name: str) -> StoredScenario | None:
    return session.scalars(
        select(StoredScenario).where(
            StoredScenario.library_id == library_id, StoredScenario.name == name
        )
    ).first()


def _stored(session: Session, library_id: int, name: str) -> StoredScenario:
    """The library's scenario called ``name``.

    Raises :class:`~store.errors.StoreNotFound` when there is none.
    """
    found = _find_stored(session, library_id, name)
    if found is None:
        raise StoreNotFound(f"The library has no scenario called “{name}” (deleted, or renamed).")
    return found


def _drop_oldest(session: Session, scenario_id: int) -> None:
    """Keep the latest :data:`MAX_VERSIONS` versions of a scenario."""
    versions = session.scalars(
        select(Version).where(Version.scenario_id == scenario_id).order_by(Version.number.desc())
    ).all()
    for version in versions[MAX_VERSIONS:]:
        session.delete(version)
