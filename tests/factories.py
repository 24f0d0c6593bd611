"""Small valid offers for hand-worked tests, shared so no test file writes its own."""

from typing import Any

from models.examples import load_example
from models.schema import OneToOne, Scenario

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


#: A coach whose discovery calls, not her hours, stop her 1:1 practice (schema version 2).
#: 40 h × 46 weeks = 1,840 h, no fixed admin. Coaching: 24 sessions × 1 h a client at 5,000;
#: 100 calls a year converting at 1 in 5 bring 20 new clients, and a fifth of the year's
#: clients return: at most 20 / (1 − 0.2) = 25 clients a year. Her hours would hold
#: ⌊1,840 / 24⌋ = 76 alone, so the market binds at 25. Group: 2 groups of 8, 12 sessions
#: × 2 h, 900 each, no market limit given: bound by her hours.
#: Coaching through discovery calls: 24 × 1 h sessions a client at 5,000; 100 calls a year
#: converting at 1 in 5: 20 new clients a year at most.
FUNNEL_COACHING = {
    "kind": "one_to_one",
    "name": "Coaching",
    "clients": 10,
    "sessions_per_client": 24,
    "session_hours": 1,
    "price_per_client": 5000,
    "leads_per_year": 100,
    "conversion_rate": 0.2,
}

FUNNEL_COACH = {
    "schema_version": 2,
    "name": "Discovery-call coach",
    "practitioner": {"hours_per_week": 40, "weeks_per_year": 46, "admin_hours_per_week": 0},
    "offers": [
        FUNNEL_COACHING | {"returning_share": 0.2},
        {
            "kind": "group_program",
            "name": "Group",
            "groups": 2,
            "participants_per_group": 8,
            "price_per_participant": 900,
            "sessions_per_group": 12,
            "session_hours": 2,
        },
    ],
}


#: A mastermind coach for whole-count answers, with PRACTITIONER's 5,000 of fixed costs and a
#: target of 107,000: 1 cohort × 8 members × 800 a month × 12 months = 76,800 of revenue, net
#: income 71,800; 2 meetings a month × 2 h × 12 = 48 h + 135 h of fixed admin = 183 h.
#: Each member brings 800 × 12 = 9,600 a year.
MASTERMIND_COACH = {
    "schema_version": 2,
    "name": "Mastermind coach",
    "practitioner": PRACTITIONER | {"target_net_income": 107000},
    "offers": [
        {
            "kind": "mastermind",
            "name": "Mastermind",
            "cohorts": 1,
            "members_per_cohort": 8,
            "fee_per_member_per_month": 800,
            "months": 12,
            "meetings_per_month": 2,
            "meeting_hours": 2,
        }
    ],
}


def first_offer_with(scenario: Scenario, **changes: Any) -> Scenario:
    """``scenario`` with its first offer's fields changed (``price_per_client=8000``), checked
    by the schema as a file would be."""
    document = scenario.model_dump()
    document["offers"][0].update(changes)
    return Scenario.model_validate(document)


def coach_without_ranges() -> Scenario:
    """The 1:1 coach example without ranges, so that any price is a plan the schema accepts."""
    document = load_example("coach-one-to-one").model_dump()
    document["offers"][0]["ranges"] = None
    return Scenario.model_validate(document)
