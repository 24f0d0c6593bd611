"""Small pure formulas of the leverage model (DESIGN.md §2).

Each function takes plain numbers and returns plain numbers, so that it reads
like the table in DESIGN.md and works unchanged on numpy arrays. The
orchestrator in :mod:`models.evaluation` feeds them the fields of an offer.

Conventions: all figures are per year in steady state; hours in [h], money in
the scenario's currency [currency], shares in [0-1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Delivery:
    """What a kind of offer delivers and earns in a year, before the shared overheads.

    Attributes
    ----------
    buyers : float
        Sales of the year: clients, participants, members, attendees, students,
        contracts or new licensees. [buyers/year]
    sessions : float
        Live meetings of the year; 0 for kinds without sessions. [sessions/year]
    delivery_hours : float
        Your hours with clients (billable delivery). [h/year]
    revenue : float
        Money earned. [currency/year]
    client_hours : float
        Hours of service clients receive, summed over every client. [h/year]
    """

    buyers: float
    sessions: float
    delivery_hours: float
    revenue: float
    client_hours: float


def one_to_one_delivery(
    clients: float, sessions_per_client: float, session_hours: float, price_per_client: float
) -> Delivery:
    """Private 1:1 clients.

    Notes
    -----
    sessions = clients × sessions_per_client; delivery = sessions × session_hours;
    revenue = clients × price_per_client; client hours = delivery.
    8 clients × 24 sessions × 1 h = 192 h of delivery.
    """
    sessions = clients * sessions_per_client
    delivery_hours = sessions * session_hours
    return Delivery(
        buyers=clients,
        sessions=sessions,
        delivery_hours=delivery_hours,
        revenue=clients * price_per_client,
        client_hours=delivery_hours,
    )


def contract_delivery(
    contracts: float, hours_per_contract: float, hourly_rate: float, session_hours: float
) -> Delivery:
    """Contract work billed by the hour.

    Notes
    -----
    delivery = contracts × hours_per_contract; sessions = delivery / session_hours;
    revenue = delivery × hourly_rate. 2 contracts × 300 h at 175 = 105,000 a year
    over 600 h / 8 h = 75 days on site.
    """
    delivery_hours = contracts * hours_per_contract
    return Delivery(
        buyers=contracts,
        sessions=delivery_hours / session_hours,
        delivery_hours=delivery_hours,
        revenue=delivery_hours * hourly_rate,
        client_hours=delivery_hours,
    )


def group_program_delivery(
    groups: float,
    participants_per_group: float,
    price_per_participant: float,
    sessions_per_group: float,
    session_hours: float,
) -> Delivery:
    """A group program: one delivery hour serves every participant of the group.

    Notes
    -----
    buyers = groups × participants; sessions = groups × sessions_per_group;
    delivery = sessions × session_hours; revenue = buyers × price;
    client hours = delivery × participants. 2 groups × 10 sessions × 1.5 h = 30 h
    of delivery that give 8 participants 240 client hours.
    """
    sessions = groups * sessions_per_group
    delivery_hours = sessions * session_hours
    buyers = groups * participants_per_group
    return Delivery(
        buyers=buyers,
        sessions=sessions,
        delivery_hours=delivery_hours,
        revenue=buyers * price_per_participant,
        client_hours=delivery_hours * participants_per_group,
    )


def mastermind_delivery(
    cohorts: float,
    members_per_cohort: float,
    fee_per_member_per_month: float,
    months: float,
    meetings_per_month: float,
    meeting_hours: float,
) -> Delivery:
    """A mastermind: members pay monthly for the months their cohort runs.

    Notes
    -----
    buyers = cohorts × members; sessions = cohorts × months × meetings_per_month;
    delivery = sessions × meeting_hours; revenue = buyers × fee × months;
    client hours = delivery × members. One cohort of 8 at 800 a month for 12
    months earns 76,800 from 24 meetings of 2 h = 48 h.
    """
    sessions = cohorts * months * meetings_per_month
    delivery_hours = sessions * meeting_hours
    buyers = cohorts * members_per_cohort
    return Delivery(
        buyers=buyers,
        sessions=sessions,
        delivery_hours=delivery_hours,
        revenue=buyers * fee_per_member_per_month * months,
        client_hours=delivery_hours * members_per_cohort,
    )


def retreat_delivery(
    retreats: float, attendees_per_retreat: float, price_per_attendee: float, retreat_hours: float
) -> Delivery:
    """Retreats: hours you lead, packaged with a venue.

    Notes
    -----
    buyers = retreats × attendees; delivery = retreats × retreat_hours;
    revenue = buyers × price; client hours = delivery × attendees. A retreat has
    no sessions in the model's sense. 1 retreat × 12 attendees × 4,500 = 54,000.
    """
    delivery_hours = retreats * retreat_hours
    buyers = retreats * attendees_per_retreat
    return Delivery(
        buyers=buyers,
        sessions=0.0,
        delivery_hours=delivery_hours,
        revenue=buyers * price_per_attendee,
        client_hours=delivery_hours * attendees_per_retreat,
    )


def online_program_price(
    price_high_touch: float, price_automated: float, automation: float
) -> float:
    """Price of an online program at a level of automation. [currency/student]

    Notes
    -----
    price = price_high_touch − automation × (price_high_touch − price_automated).
    At 1,997 with full support, 497 automated and automation 0.8: 797.
    """
    return price_high_touch - automation * (price_high_touch - price_automated)


def online_program_delivery(
    students: float,
    price_high_touch: float,
    price_automated: float,
    automation: float,
    support_hours_per_student: float,
    content_hours: float,
) -> Delivery:
    """An online program: recorded content plus your support where not automated.

    Notes
    -----
    delivery = students × (1 − automation) × support_hours_per_student;
    revenue = students × price; client hours = students × content_hours + delivery.
    300 students × (1 − 0.8) × 3 h = 180 h of support.
    """
    delivery_hours = students * (1.0 - automation) * support_hours_per_student
    price = online_program_price(price_high_touch, price_automated, automation)
    return Delivery(
        buyers=students,
        sessions=0.0,
        delivery_hours=delivery_hours,
        revenue=students * price,
        client_hours=students * content_hours + delivery_hours,
    )


def licensing_delivery(
    licensees: float,
    new_licensees_per_year: float,
    upfront_fee: float,
    royalty_rate: float,
    licensee_revenue_per_year: float,
    onboarding_hours_per_new_licensee: float,
    support_hours_per_licensee: float,
) -> Delivery:
    """Licensing: licensees run your program; you onboard and support them.

    Notes
    -----
    buyers = new licensees; delivery = new × onboarding + licensees × support;
    revenue = new × upfront_fee + licensees × royalty_rate × licensee_revenue.
    12 licensees × 7% × 80,000 = 67,200 of royalties.
    """
    delivery_hours = (
        new_licensees_per_year * onboarding_hours_per_new_licensee
        + licensees * support_hours_per_licensee
    )
    revenue = (
        new_licensees_per_year * upfront_fee + licensees * royalty_rate * licensee_revenue_per_year
    )
    return Delivery(
        buyers=new_licensees_per_year,
        sessions=0.0,
        delivery_hours=delivery_hours,
        revenue=revenue,
        client_hours=delivery_hours,
    )


def business_development_hours(
    buyers: float,
    returning_share: float,
    bd_hours_per_sale: float,
    bd_hours_per_returning_sale: float,
) -> float:
    """Hours to win new buyers and keep returning ones. [h/year]

    Notes
    -----
    returning = buyers × returning_share; new = buyers − returning;
    BD = new × bd_hours_per_sale + returning × bd_hours_per_returning_sale.
    20 clients, half returning, 14 h to win and 2 h to keep: 10 × 14 + 10 × 2 = 160 h.
    """
    returning = buyers * returning_share
    new = buyers - returning
    return new * bd_hours_per_sale + returning * bd_hours_per_returning_sale


def creation_hours_per_year(
    creation_hours: float, amortization_years: float, upkeep_hours_per_year: float
) -> float:
    """Creation time charged to one year. [h/year]

    Notes
    -----
    creation = creation_hours / amortization_years + upkeep_hours_per_year.
    474 h of creation over 3 years plus 40 h of upkeep = 198 h a year.
    """
    return creation_hours / amortization_years + upkeep_hours_per_year


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None where it is undefined.

    Undefined means a zero denominator, or one so close to zero that the quotient
    is not a finite number (1 h of delivery over 5e-324 h of BD): never infinite.
    """
    if denominator == 0:
        return None
    quotient = numerator / denominator
    return quotient if math.isfinite(quotient) else None
