"""The store: personal libraries, short links and workshop rooms on one database.

SQLite in the local data folder by default (nothing to install), PostgreSQL when
``LEVERAGE_DATABASE_URL`` names one (:mod:`store.database`); the tables change only
through Alembic's migrations. The model knows nothing of the store: the store keeps
scenarios as the text of their files and reads them back through :mod:`models.files`.

Usage::

    store = Store()                      # or Store("postgresql+psycopg://…")
    key = store.libraries.create()
    store.libraries.save(key, scenario, note="Before the price rise")
    short_id = store.shared.share(scenario)
    keys = store.rooms.open("Tuesday workshop", scenario, ("offers[0].price_per_client",))

Every method raises only :class:`~store.errors.StoreError`, whose message is fit to show.
"""

from __future__ import annotations

from store.database import Database
from store.library import ScenarioLibraries
from store.rooms import Rooms
from store.shared import SharedCopies


class Store:
    """The one interface to stored data: ``libraries``, ``shared`` (short links), ``rooms``.

    Raises :class:`~store.errors.StoreUnavailable` when the database cannot be reached.
    """

    def __init__(self, url: str | None = None) -> None:
        self.database = Database(url)
        self.libraries = ScenarioLibraries(self.database)
        self.shared = SharedCopies(self.database)
        self.rooms = Rooms(self.database)

    def close(self) -> None:
        """Close the database's connections."""
        self.database.close()
