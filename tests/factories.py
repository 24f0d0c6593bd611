"""Small valid offers for hand-worked tests, shared so no test file writes its own."""

from models.schema import OneToOne


def coaching(**changes: object) -> OneToOne:
    """A 1:1 offer: 10 clients × 24 sessions × 1 h at 5,000 a client, with ``changes``."""
    fields: dict[str, object] = dict(
        kind="one_to_one",
        name="Coaching",
        clients=10,
        sessions_per_client=24,
        session_hours=1,
        price_per_client=5000,
    )
    return OneToOne.model_validate(fields | changes)
