"""Small pure formulas of the leverage model (docs/model.md).

Each function takes plain numbers and returns plain numbers, so that it reads
like the table in docs/model.md and works unchanged on numpy arrays. The
orchestrator in :mod:`models.evaluation` feeds them the fields of an offer.
Each docstring gives its formula under Notes and a consultant's example under
Examples, which runs as a doctest in ``make test``.

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
    """Private 1:1 clients: the sessions, hours and revenue of a year.

    Parameters
    ----------
    clients : float
        Private clients served in a year. [clients/year]
    sessions_per_client : float
        Sessions one client has in a year. [sessions/client]
    session_hours : float
        Length of one session. [h]
    price_per_client : float
        What one client pays in a year. [currency/client]

    Returns
    -------
    Delivery
        The year's buyers (the clients), sessions, delivery hours, revenue and
        client hours.

    Notes
    -----
    sessions = clients × sessions_per_client; delivery = sessions × session_hours;
    revenue = clients × price_per_client; client hours = delivery.

    Examples
    --------
    8 clients × 24 sessions × 1 h = 192 h of delivery, and 8 × 6,000 = 48,000:

    >>> year = one_to_one_delivery(8, 24, 1.0, 6000.0)
    >>> year.sessions, year.delivery_hours, year.revenue
    (192, 192.0, 48000.0)
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
    contracts: float,
    hours_per_contract: float,
    hourly_rate: float | None,
    session_hours: float,
    fee_per_contract: float | None = None,
) -> Delivery:
    """Contract work billed by the hour or for a fixed fee: the days on site, hours and revenue
    of a year.

    Parameters
    ----------
    contracts : float
        Contracts won and delivered in a year. [contracts/year]
    hours_per_contract : float
        Hours billed on one contract. [h/contract]
    hourly_rate : float or None
        What the organisation pays per hour; None for a fixed fee. [currency/h]
    session_hours : float
        Length of one working session; 8 is a day on site. [h]
    fee_per_contract : float or None
        A fixed fee for one contract, instead of an hourly rate: the hours are then the
        effort, and more of them lower your rate instead of raising your income. [currency/contract]

    Returns
    -------
    Delivery
        The year's buyers (the contracts), sessions, delivery hours, revenue and
        client hours.

    Notes
    -----
    delivery = contracts × hours_per_contract; sessions = delivery / session_hours;
    revenue = delivery × hourly_rate, or contracts × fee_per_contract for a fixed fee;
    client hours = delivery.

    Examples
    --------
    2 contracts × 300 h at 175 an hour = 105,000 a year, over 600 h / 8 h = 75
    days on site:

    >>> year = contract_delivery(2, 300.0, 175.0, 8.0)
    >>> year.delivery_hours, year.revenue, year.sessions
    (600.0, 105000.0, 75.0)

    The same two contracts at a fixed 45,000 each earn 90,000 whatever the hours:

    >>> contract_delivery(2, 300.0, None, 8.0, fee_per_contract=45000.0).revenue
    90000.0
    """
    delivery_hours = contracts * hours_per_contract
    if fee_per_contract is not None:
        revenue = contracts * fee_per_contract
    elif hourly_rate is not None:
        revenue = delivery_hours * hourly_rate
    else:
        raise ValueError("a contract needs an hourly rate or a fee per contract")
    return Delivery(
        buyers=contracts,
        sessions=delivery_hours / session_hours,
        delivery_hours=delivery_hours,
        revenue=revenue,
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

    Parameters
    ----------
    groups : float
        Groups run in a year. [groups/year]
    participants_per_group : float
        People in one group. [people/group]
    price_per_participant : float
        What one participant pays for the program. [currency/participant]
    sessions_per_group : float
        Live sessions in one run of the program. [sessions/group]
    session_hours : float
        Length of one group session. [h]

    Returns
    -------
    Delivery
        The year's buyers (the participants), sessions, delivery hours, revenue
        and client hours.

    Notes
    -----
    buyers = groups × participants; sessions = groups × sessions_per_group;
    delivery = sessions × session_hours; revenue = buyers × price;
    client hours = delivery × participants.

    Examples
    --------
    2 groups × 10 sessions × 1.5 h = 30 h of delivery give 8 participants each
    240 client hours; 16 participants at 2,500 pay 40,000:

    >>> year = group_program_delivery(2, 8, 2500.0, 10, 1.5)
    >>> year.delivery_hours, year.client_hours, year.revenue
    (30.0, 240.0, 40000.0)
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

    Parameters
    ----------
    cohorts : float
        Mastermind cohorts started in a year. [cohorts/year]
    members_per_cohort : float
        Members in one cohort. [people/cohort]
    fee_per_member_per_month : float
        What one member pays a month. [currency/month]
    months : float
        How long one cohort meets. [months]
    meetings_per_month : float
        Group meetings in a month. [meetings/month]
    meeting_hours : float
        Length of one group meeting. [h]

    Returns
    -------
    Delivery
        The year's buyers (the members), sessions (the meetings), delivery
        hours, revenue and client hours.

    Notes
    -----
    buyers = cohorts × members; sessions = cohorts × months × meetings_per_month;
    delivery = sessions × meeting_hours; revenue = buyers × fee × months;
    client hours = delivery × members.

    Examples
    --------
    One cohort of 8 at 800 a month for 12 months earns 76,800 from 24 meetings
    of 2 h = 48 h:

    >>> year = mastermind_delivery(1, 8, 800.0, 12, 2, 2.0)
    >>> year.sessions, year.delivery_hours, year.revenue
    (24, 48.0, 76800.0)
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

    Parameters
    ----------
    retreats : float
        Retreats held in a year. [retreats/year]
    attendees_per_retreat : float
        People on one retreat. [people/retreat]
    price_per_attendee : float
        What one attendee pays for the retreat. [currency/attendee]
    retreat_hours : float
        Hours you run sessions on one retreat. [h/retreat]

    Returns
    -------
    Delivery
        The year's buyers (the attendees), delivery hours, revenue and client
        hours; a retreat has no sessions in the model's sense (0).

    Notes
    -----
    buyers = retreats × attendees; delivery = retreats × retreat_hours;
    revenue = buyers × price; client hours = delivery × attendees.

    Examples
    --------
    1 retreat of 12 attendees at 4,500 earns 54,000 for 22 h you lead:

    >>> year = retreat_delivery(1, 12, 4500.0, 22.0)
    >>> year.revenue, year.delivery_hours, year.client_hours
    (54000.0, 22.0, 264.0)
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

    Parameters
    ----------
    price_high_touch : float
        Price when every student gets your personal support. [currency/student]
    price_automated : float
        Price when the program runs with no personal support. [currency/student]
    automation : float
        0: you support every student; 1: the program runs itself. [0-1]

    Returns
    -------
    float
        The price one student pays. [currency/student]

    Notes
    -----
    price = price_high_touch − automation × (price_high_touch − price_automated).

    Examples
    --------
    At 1,997 with full support, 497 automated and automation 0.8: 797.

    >>> online_program_price(1997.0, 497.0, 0.8)
    797.0
    """
    return price_high_touch - automation * (price_high_touch - price_automated)


def online_program_delivery(
    students: float,
    price_high_touch: float,
    price_automated: float,
    automation: float,
    support_hours_per_student: float,
    content_hours: float,
    completion_rate: float = 1.0,
) -> Delivery:
    """An online program: recorded content plus your support where not automated.

    Parameters
    ----------
    students : float
        Students enrolled in a year. [students/year]
    price_high_touch : float
        Price with full support (automation 0). [currency/student]
    price_automated : float
        Price fully automated (automation 1). [currency/student]
    automation : float
        Share of the program that runs without you. [0-1]
    support_hours_per_student : float
        Calls, feedback and Q&A for one student when nothing is automated. [h/student]
    content_hours : float
        Hours of recorded learning in the program. [h/student]
    completion_rate : float
        Share of the content the average student goes through: 15-30% for paid
        self-paced programs, 75-96% cohort-based. [0-1]

    Returns
    -------
    Delivery
        The year's buyers (the students), delivery hours (your support),
        revenue and client hours; no sessions (0).

    Notes
    -----
    delivery = students × (1 − automation) × support_hours_per_student;
    revenue = students × price (:func:`online_program_price`);
    client hours = students × content_hours × completion_rate + delivery.

    Examples
    --------
    300 students × (1 − 0.8) × 3 h = 180 h of support, at 797 each; all of the
    6 h of content watched: 300 × 6 + 180 = 1,980 client hours:

    >>> year = online_program_delivery(300, 1997.0, 497.0, 0.8, 3.0, 6.0)
    >>> round(year.delivery_hours, 6), round(year.revenue, 6), round(year.client_hours, 6)
    (180.0, 239100.0, 1980.0)

    With a quarter completing: 300 × 6 × 0.25 + 180 = 630 client hours.

    >>> round(online_program_delivery(300, 1997.0, 497.0, 0.8, 3.0, 6.0, 0.25).client_hours, 6)
    630.0
    """
    delivery_hours = students * (1.0 - automation) * support_hours_per_student
    price = online_program_price(price_high_touch, price_automated, automation)
    return Delivery(
        buyers=students,
        sessions=0.0,
        delivery_hours=delivery_hours,
        revenue=students * price,
        client_hours=students * content_hours * completion_rate + delivery_hours,
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

    Parameters
    ----------
    licensees : float
        Active licensees running your program. [licensees]
    new_licensees_per_year : float
        Licensees signed in a year. [licensees/year]
    upfront_fee : float
        Fee a new licensee pays at signing. [currency/licensee]
    royalty_rate : float
        Share of a licensee's revenue paid to you. [0-1]
    licensee_revenue_per_year : float
        What one licensee earns from your program in a year. [currency/licensee/year]
    onboarding_hours_per_new_licensee : float
        Training and certifying one new licensee. [h/licensee]
    support_hours_per_licensee : float
        Hours a year supporting one active licensee. [h/licensee/year]

    Returns
    -------
    Delivery
        The year's buyers (the new licensees), delivery hours (onboarding and
        support), revenue and client hours; no sessions (0).

    Notes
    -----
    buyers = new licensees; delivery = new × onboarding + licensees × support;
    revenue = new × upfront_fee + licensees × royalty_rate × licensee_revenue;
    client hours = delivery.

    Examples
    --------
    12 licensees × 7% × 80,000 = 67,200 of royalties, plus 4 new at 20,000;
    4 × 40 h of onboarding + 12 × 10 h of support = 280 h:

    >>> year = licensing_delivery(12, 4, 20000.0, 0.07, 80000.0, 40.0, 10.0)
    >>> round(year.revenue, 6), year.delivery_hours
    (147200.0, 280.0)
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

    Parameters
    ----------
    buyers : float
        Buyers of the year: clients, participants, members, attendees,
        students, contracts or new licensees. [buyers/year]
    returning_share : float
        Of the year's buyers, the share who return or renew. [0-1]
    bd_hours_per_sale : float
        Business development hours to win one new buyer. [h/buyer]
    bd_hours_per_returning_sale : float
        Business development hours to keep or renew one buyer. [h/buyer]

    Returns
    -------
    float
        Business development hours of the year. [h/year]

    Notes
    -----
    returning = buyers × returning_share; new = buyers − returning;
    BD = new × bd_hours_per_sale + returning × bd_hours_per_returning_sale.

    Examples
    --------
    20 clients, half returning, 14 h to win and 2 h to keep: 10 × 14 + 10 × 2 = 160 h.

    >>> business_development_hours(20, 0.5, 14.0, 2.0)
    160.0
    """
    returning = buyers * returning_share
    new = buyers - returning
    return new * bd_hours_per_sale + returning * bd_hours_per_returning_sale


def creation_hours_per_year(
    creation_hours: float, amortization_years: float, upkeep_hours_per_year: float
) -> float:
    """Creation time charged to one year. [h/year]

    Parameters
    ----------
    creation_hours : float
        Hours to build the material once. [h]
    amortization_years : float
        Years the material lasts; creation is spread evenly over them. [years]
    upkeep_hours_per_year : float
        Hours a year to keep the material current. [h/year]

    Returns
    -------
    float
        Creation and upkeep hours of the year. [h/year]

    Notes
    -----
    creation = creation_hours / amortization_years + upkeep_hours_per_year.

    Examples
    --------
    474 h of creation over 3 years plus 40 h of upkeep = 198 h a year.

    >>> creation_hours_per_year(474.0, 3.0, 40.0)
    198.0
    """
    return creation_hours / amortization_years + upkeep_hours_per_year


def new_buyers(buyers: float, returning_share: float) -> float:
    """The year's buyers who are new, not returning or renewing. [buyers/year]

    Notes
    -----
    new = buyers × (1 − returning_share).

    Examples
    --------
    20 clients of whom half return: 10 new.

    >>> new_buyers(20, 0.5)
    10.0
    """
    return buyers * (1.0 - returning_share)


def bd_hours_per_new_buyer(bd_hours_per_lead: float, conversion_rate: float) -> float:
    """Business development hours to win one new buyer through a funnel. [h/buyer]

    Parameters
    ----------
    bd_hours_per_lead : float
        Hours spent per lead: a discovery call, a proposal, a follow-up. [h/lead]
    conversion_rate : float
        Share of leads who buy. [0-1]

    Notes
    -----
    BD per new buyer = bd_hours_per_lead / conversion_rate.

    Examples
    --------
    A 1-hour discovery call that converts one in five: 5 h per new client.

    >>> bd_hours_per_new_buyer(1.0, 0.2)
    5.0
    """
    return bd_hours_per_lead / conversion_rate


def leads_needed(new_buyers: float, conversion_rate: float) -> float:
    """Leads the year's new buyers take. [leads/year]

    Notes
    -----
    leads needed = new buyers / conversion_rate.

    Examples
    --------
    20 new clients at one in five: 100 discovery calls.

    >>> leads_needed(20, 0.2)
    100.0
    """
    return new_buyers / conversion_rate


def demand_limit(
    leads_per_year: float, conversion_rate: float, returning_share: float
) -> float | None:
    """The most buyers a year the offer's marketing can bring. [buyers/year]

    Parameters
    ----------
    leads_per_year : float
        Prospects the offer's marketing reaches in a year. [leads/year]
    conversion_rate : float
        Share of leads who buy. [0-1]
    returning_share : float
        Share of the year's buyers who return or renew, needing no lead. [0-1]

    Returns
    -------
    float or None
        The limit on all of the year's buyers; None when every buyer returns (no
        lead is needed, so marketing sets no limit).

    Notes
    -----
    limit on new buyers = leads_per_year × conversion_rate;
    limit on all buyers = that / (1 − returning_share).

    Examples
    --------
    80 discovery calls a year converting one in five: 16 new clients; with half
    of the clients returning, 32 clients in all.

    >>> demand_limit(80, 0.2, 0.5)
    32.0
    >>> demand_limit(80, 0.2, 1.0) is None
    True
    """
    return ratio(leads_per_year * conversion_rate, 1.0 - returning_share)


def associate_hours(
    associate_share: float, delivery_hours: float, prep_hours: float, travel_hours: float
) -> float:
    """Hours associates work on an offer: their share of its sessions, with the preparation
    and travel that go with them. [h/year]

    Notes
    -----
    associate hours = associate_share × (delivery + prep + travel); your own delivery, prep
    and travel are (1 − associate_share) of the offer's.

    Examples
    --------
    An associate leads half of 192 h of sessions with 96 h of preparation: 144 h.

    >>> associate_hours(0.5, 192.0, 96.0, 0.0)
    144.0
    """
    return associate_share * (delivery_hours + prep_hours + travel_hours)


def positive_part(amount: float) -> float:
    """max(0, amount), of a number or of each sample in an array. [the amount's unit]

    Notes
    -----
    A number is compared in plain Python, so that evaluating one scenario needs no numpy
    and ``leverage evaluate`` starts without loading it (docs/performance.md); an array
    (the samples of a simulation, the cells of a data table, the months of a timeline) is
    clipped at zero sample by sample.

    Examples
    --------
    >>> positive_part(-5000.0), positive_part(136.0)
    (0.0, 136.0)
    """
    if isinstance(amount, int | float):
        return max(0.0, amount)
    clipped: float = amount.clip(min=0.0)
    return clipped


def income_tax(net_income: float, tax_rate: float) -> float:
    """Income tax and social contributions on a year's net income. [currency/year]

    Notes
    -----
    tax = max(0, net income) × tax_rate; a loss pays none. Arrays in, arrays out.

    Examples
    --------
    100,000 of net income at an effective 30%: 30,000; a loss of 5,000: none.

    >>> float(income_tax(100000.0, 0.3)), float(income_tax(-5000.0, 0.3))
    (30000.0, 0.0)
    """
    return positive_part(net_income) * tax_rate


def admin_after_assistant(admin_hours: float, assistant_hours: float) -> float:
    """Your admin hours once an assistant takes what they can. [h/year]

    Notes
    -----
    admin = max(0, admin − assistant hours). Arrays in, arrays out.

    Examples
    --------
    320 h of admin and an assistant 4 h a week for 46 weeks (184 h): 136 h left to you.

    >>> float(admin_after_assistant(320.0, 184.0))
    136.0
    """
    return positive_part(admin_hours - assistant_hours)


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None where it is undefined.

    Parameters
    ----------
    numerator : float
        What is divided: client hours, net income, delivery hours … [any unit]
    denominator : float
        What it is divided by: total hours, business development hours … [any unit]

    Returns
    -------
    float or None
        The quotient [numerator's unit / denominator's unit], or None where it
        is undefined.

    Notes
    -----
    Undefined means a zero denominator, or one so close to zero that the quotient
    is not a finite number (1 h of delivery over 5e-324 h of BD): never infinite.

    Examples
    --------
    1,200 h of delivery over 300 h of business development: a billable-to-BD
    ratio of 4; with no business development at all, none.

    >>> ratio(1200.0, 300.0)
    4.0
    >>> ratio(1200.0, 0.0) is None
    True
    """
    if denominator == 0:
        return None
    quotient = numerator / denominator
    return quotient if math.isfinite(quotient) else None
