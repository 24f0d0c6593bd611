"""Small valid offers for hand-worked tests, shared so no test file writes its own."""

from models.schema import OneToOne

#: 40 h × 45 weeks = 1,800 h; 3 h a week of fixed admin = 135 h; fixed costs 5,000.
PRACTITIONER = {
    "hours_per_week": 40,
    "weeks_per_year": 45,
    "admin_hours_per_week": 3,
    "fixed_costs_per_year": 5000,
    "target_net_income": 60000,
}

#: Coaching: 10 clients × 20 sessions × 1 h = 200 h delivery, + 0.5 h prep a session = 100 h,
#: + 7 h BD per client = 70 h: 370 h (37 h a client); revenue 10 × 4,000 = 40,000.
COACHING = {
    "kind": "one_to_one",
    "name": "Coaching",
    "clients": 10,
    "sessions_per_client": 20,
    "session_hours": 1,
    "price_per_client": 4000,
    "prep_hours_per_session": 0.5,
    "bd_hours_per_sale": 7,
}


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
