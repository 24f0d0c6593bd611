"""The person's saved library in the store: save, list, versions, open, rename, delete.

Each function works in the library of the session's key (:mod:`app.library_link`) and
returns what it got, or the :class:`~store.errors.StoreError` that stopped it, for the page
to show (:func:`app.storage.show_problem`); the scenario being edited is never touched here.
The first save creates the library. Imported only by the pages and callbacks that use the
store, never by the Plan page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.library import renamed
from app.library_link import library_key, use_library
from app.local_time import browser_zone
from app.storage import attempt
from models.errors import ScenarioError
from models.schema import Scenario
from store import Store
from store.errors import StoreError, StoreRefused
from store.library import LibraryEntry, VersionEntry


def entries() -> list[LibraryEntry] | StoreError:
    """The saved scenarios, the latest saved first; none before the first save."""
    key = library_key()
    if key is None:
        return []
    return attempt(lambda store: store.libraries.entries(key))


def save(scenario: Scenario, note: str = "") -> VersionEntry | StoreError:
    """Save ``scenario`` under its name: a new saved scenario, or its next version.

    The first save creates the library and puts its key in the session and the address.
    """
    key = library_key()

    def save_in(store: Store) -> VersionEntry:
        if key is not None:
            return store.libraries.save(key, scenario, note)
        created, version = store.libraries.create_with(scenario, note)
        use_library(created)
        return version

    return attempt(save_in)


def versions(name: str) -> list[VersionEntry] | StoreError:
    """The versions kept of the saved scenario ``name``, the latest first."""
    return attempt(lambda store: store.libraries.versions(_key(), name))


def load(name: str, number: int | None = None) -> Scenario | StoreError:
    """Version ``number`` of the saved scenario ``name`` (the latest when None)."""
    return attempt(lambda store: store.libraries.load(_key(), name, number))


def rename(old: str, new: str) -> VersionEntry | StoreError:
    """Give the saved scenario ``old`` the name ``new``, checked by the schema like any name;
    the renamed scenario is kept as a new version."""

    def rename_in(store: Store) -> VersionEntry:
        latest = store.libraries.load(_key(), old)
        try:
            checked = renamed(latest, new)
        except ScenarioError as error:
            raise StoreRefused("; ".join(map(str, error.problems))) from error
        return store.libraries.rename(_key(), old, checked)

    return attempt(rename_in)


def delete(name: str) -> StoreError | None:
    """Delete the saved scenario ``name`` and all its versions."""
    return attempt(lambda store: store.libraries.delete(_key(), name))


def _key() -> str:
    """The session's library key, for a saved scenario the page listed (so there is one)."""
    key = library_key()
    if key is None:
        raise StoreRefused("Nothing is saved yet: save a scenario first.")
    return key


def saved_time(moment: datetime) -> str:
    """When something was saved, in the person's own time zone as the browser gives it
    ("24 Nov 2026, 14:05"); in UTC when the browser does not say."""
    return moment.astimezone(browser_zone() or UTC).strftime("%d %b %Y, %H:%M")


def version_label(version: VersionEntry) -> str:
    """A version as a list shows it: "Version 3 · 24 Nov 2026, 14:05 · before the price rise"."""
    parts = [f"Version {version.number}", saved_time(version.saved_at)]
    if version.note:
        parts.append(version.note)
    return " · ".join(parts)
