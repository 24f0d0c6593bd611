"""Starting points: a new offer of each kind with typical figures, and a blank scenario.

The figures come from ../shared/BENCHMARKS.md, so that an offer added in the app
is a believable plan from the first moment, ready to be adjusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from models.schema import KIND_LABELS, OFFER_MODELS, OfferBase, Scenario
from models.text import name_key

#: Kind → the fields a new offer of that kind starts with (besides kind and name).
STARTING_FIELDS: dict[str, dict[str, Any]] = {
    # ICF/PwC 2025: ~234 an hour; fortnightly sessions over a year.
    "one_to_one": {
        "clients": 10,
        "sessions_per_client": 24,
        "session_hours": 1.0,
        "price_per_client": 5600.0,
        "prep_hours_per_session": 0.5,
        "bd_hours_per_sale": 10.0,
        "returning_share": 0.5,
        "admin_hours_per_sale": 2.0,
    },
    # Freelance rate guides: 150-250 an hour; a contract of a few weeks on site.
    "contract": {
        "contracts": 2,
        "hours_per_contract": 200.0,
        "hourly_rate": 175.0,
        "session_hours": 8.0,
        "bd_hours_per_sale": 40.0,
        "admin_hours_per_sale": 10.0,
    },
    # calcstack.net: 10 clients × 400 a month; 8 decide together (mariatodd.com).
    "group_program": {
        "groups": 2,
        "participants_per_group": 8,
        "price_per_participant": 2400.0,
        "sessions_per_group": 12,
        "session_hours": 1.5,
        "prep_hours_per_session": 1.0,
        "bd_hours_per_sale": 5.0,
        "admin_hours_per_sale": 1.0,
    },
    # becomebetterself.com: facilitated masterminds 497-1,497 a month; most run 6+ months.
    "mastermind": {
        "cohorts": 1,
        "members_per_cohort": 8,
        "fee_per_member_per_month": 800.0,
        "months": 12,
        "meetings_per_month": 2,
        "meeting_hours": 2.0,
        "prep_hours_per_session": 1.0,
        "bd_hours_per_sale": 8.0,
        "returning_share": 0.5,
        "admin_hours_per_sale": 2.0,
    },
    # adventureretreatleader.com / retreatboss.com: price on the minimum headcount.
    "retreat": {
        "retreats": 1,
        "attendees_per_retreat": 12,
        "price_per_attendee": 3500.0,
        "retreat_hours": 20.0,
        "prep_hours_per_retreat": 30.0,
        "travel_hours_per_retreat": 12.0,
        "travel_cost_per_retreat": 1000.0,
        "venue_cost_per_retreat": 12000.0,
        "bd_hours_per_sale": 5.0,
        "admin_hours_per_sale": 2.0,
        "cost_per_sale": 800.0,
    },
    # calkulon.com price ladder; Chapman Alliance: 79 h per finished hour of e-learning.
    "online_program": {
        "students": 100,
        "price_high_touch": 997.0,
        "price_automated": 297.0,
        "automation": 0.7,
        "support_hours_per_student": 2.0,
        "content_hours": 4.0,
        "creation_hours": 316.0,
        "upkeep_hours_per_year": 20.0,
        "launches_per_year": 2,
        "bd_hours_per_launch": 40.0,
        "platform_fee_rate": 0.05,
        "bd_hours_per_sale": 0.25,
    },
    # IFA: royalties average 6.7%; a coaching licence at 9,950 (1to1coachingschool.com).
    "licensing": {
        "licensees": 4,
        "new_licensees_per_year": 2,
        "upfront_fee": 9950.0,
        "royalty_rate": 0.07,
        "licensee_revenue_per_year": 60000.0,
        "onboarding_hours_per_new_licensee": 40.0,
        "support_hours_per_licensee": 20.0,
        "creation_hours": 300.0,
        "legal_costs_per_year": 5000.0,
        "bd_hours_per_sale": 40.0,
    },
}


def unique_name(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base 2``, ``base 3`` … whichever is not taken yet, where names that
    differ only in case or look-alike letters count as taken (:func:`models.text.name_key`,
    as the schema's duplicate check)."""
    used = {name_key(name) for name in taken}
    if name_key(base) not in used:
        return base
    number = 2
    while name_key(f"{base} {number}") in used:
        number += 1
    return f"{base} {number}"


def new_offer(kind: str, taken_names: Iterable[str] = ()) -> OfferBase:
    """A new offer of a kind with typical figures and a name not yet taken."""
    name = unique_name(KIND_LABELS[kind], taken_names)
    return OFFER_MODELS[kind].model_validate({"kind": kind, "name": name, **STARTING_FIELDS[kind]})


def blank_scenario() -> Scenario:
    """A scenario with the practitioner's defaults and no offers yet."""
    return Scenario(name="New scenario")
