"""What can go wrong with the store, in words a person can act on.

Every error carries a :attr:`StoreError.message` fit to show as it is: what happened and
what to do. The app shows it and keeps everything the person has open; nothing else
escapes the store's methods (database errors become :class:`StoreUnavailable`).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


class StoreError(Exception):
    """Something the store could not do; ``message`` says what, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def message_in(self, zone: tzinfo | None) -> str:  # noqa: ARG002 (no date: any zone)
        """The message with any date in the reader's time ``zone`` (None: UTC)."""
        return self.message


class StoreNotFound(StoreError):
    """A link or key that leads nowhere: mistyped, cut short, or deleted."""


class StoreExpired(StoreError):
    """A workshop room past its closing time: ``closed_at`` [UTC]."""

    def __init__(self, room_name: str, closed_at: datetime) -> None:
        self.room_name = room_name
        self.closed_at = closed_at
        super().__init__(self.message_in(None))

    def message_in(self, zone: tzinfo | None) -> str:
        """ "The room “Circle” closed on 24 December 2026", the date in ``zone``."""
        closed = self.closed_at.astimezone(zone or UTC)
        return (
            f"The room “{self.room_name}” closed on {closed:%d %B %Y}. "
            "Ask the facilitator for a new link."
        )


class StoreRefused(StoreError):
    """A request the store's limits refuse: too large, too many, a name already taken."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or did not answer."""


#: What a person is told when the database is down: nothing open is lost.
UNAVAILABLE_MESSAGE = (
    "The planner's database cannot be reached just now, so nothing was saved, sent or "
    "opened. Everything you have open is still here: try again in a minute, or download "
    "the scenario file to keep it."
)
