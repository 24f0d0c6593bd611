"""Short links: a read-only copy of a scenario kept under a random id.

The copy never changes: opening the link gives the scenario as it was when shared, and
whoever opens it edits their own copy. Copies are kept until the database is cleared;
the self-contained link (:mod:`models.sharing`) still works without any database.
"""

from __future__ import annotations

from models.schema import Scenario
from store.database import Database, now
from store.documents import document_of, scenario_of
from store.errors import StoreNotFound
from store.keys import is_key, new_key
from store.tables import SharedCopy

_NO_COPY = (
    "This short link leads to no scenario: check that it was copied whole, or ask for the "
    "link again (or for the scenario file)."
)


class SharedCopies:
    """The read-only copies behind short links."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def share(self, scenario: Scenario) -> str:
        """Keep a copy of ``scenario``; returns the id its short link carries."""
        document = document_of(scenario)
        copy_id = new_key()
        with self._database.transaction() as session:
            session.add(SharedCopy(id=copy_id, created_at=now(), document=document))
        return copy_id

    def open(self, copy_id: str) -> Scenario:
        """The scenario behind a short link.

        Raises :class:`~store.errors.StoreNotFound` for an id that leads nowhere.
        """
        if not is_key(copy_id):
            raise StoreNotFound(_NO_COPY)
        with self._database.transaction() as session:
            copy = session.get(SharedCopy, copy_id)
            if copy is None:
                raise StoreNotFound(_NO_COPY)
            document = copy.document
        return scenario_of(document, "The shared scenario")
