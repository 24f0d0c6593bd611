"""The words of the trade, explained once in a coach's words: the Glossary page, the help
texts of the headline cards and of the fields that use them all read from here.

:data:`GLOSSARY` maps a term, as the app shows it, to its explanation. :data:`FIELD_TERMS`
says which glossary term a field of the scenario uses (its help text ends with the term's
explanation). Other pages (Decide, the uncertainty view) link to a term with
:func:`glossary_help`.
"""

from __future__ import annotations

#: The words that label the hours spent finding and winning buyers, everywhere in the app.
SELLING = "Selling (BD)"

#: Term as the app shows it → what it means, in plain words. In the order the Glossary page
#: lists them: the hours first, then the money, then the ratios, demand, team and ranges.
GLOSSARY: dict[str, str] = {
    SELLING: (
        "Business development: the hours you spend finding and winning buyers — "
        "conversations, discovery calls, proposals, follow-up, webinars and launches. "
        "It is work you are not paid for directly, so the planner counts it apart from "
        "delivery."
    ),
    "Hours used": (
        "Every hour the plan takes — delivery, preparation, travel, selling (BD), admin, "
        "creating material, overseeing associates and your fixed admin — against the hours "
        "you have: hours a week × working weeks a year. Over 100% means the plan does not "
        "fit your year."
    ),
    "Net income": (
        "What the practice earns in a year before tax: revenue less direct costs (materials, "
        "venues, associates, fees) and fixed costs."
    ),
    "Take-home": (
        "Net income less tax: what you keep after income tax and social contributions "
        "(your tax rate × a positive net income). Your target income is compared with it."
    ),
    "Contribution": (
        "What one offer adds to your income: its revenue less its own direct costs, before "
        "the fixed costs of the practice. Adding up every offer's contribution and taking "
        "away the fixed costs gives net income."
    ),
    "Effective hourly rate": (
        "Net income divided by every hour worked, selling (BD) and admin included — not only "
        "the hours clients pay for. It says what an hour of your year really earns."
    ),
    "Billable utilisation": (
        "Your own delivery hours (the hours clients pay for) as a share of the hours you "
        "have. Professional services call this utilisation; the best firms reach about 75% "
        "(SPI Research). Hours that associates lead are theirs, not yours."
    ),
    "Billable share": (
        "Delivery hours as a share of every hour you work: how much of your working time is "
        "spent with clients rather than on selling (BD), preparation, travel and admin."
    ),
    "Billable-to-BD ratio": (
        "Delivery hours for each hour of selling (BD). A higher ratio means each hour spent "
        "winning work buys more paid work: a long contract or a renewing mastermind does "
        "that."
    ),
    "Leverage": (
        "Client hours delivered for each hour of yours. One-to-one coaching is about 1: an "
        "hour of yours serves one person for an hour. A group of 8 is about 8; an online "
        "course or a licence can serve many people with few hours of yours."
    ),
    "Team leverage": (
        "The part of delivery that associates lead for you: their hours serve clients while "
        "yours go to overseeing them. It raises what the practice delivers without raising "
        "your own hours as much."
    ),
    "Demand": (
        "How many buyers the market gives you: leads a year × the conversion rate. An offer "
        "cannot sell more than its demand, however much time you have."
    ),
    "Leads": (
        "People who show interest — an enquiry, a discovery call, a sign-up — before they "
        "decide to buy."
    ),
    "Conversion rate": (
        "The share of leads who buy. 20% means one lead in five becomes a client; the hours "
        "you spend on the other four are part of what a sale costs."
    ),
    "Market limit": (
        "The most buyers an offer can find in a year, whatever you do: the smaller of the "
        "most you can sell (a list size, a niche) and the demand your leads bring. Scaling "
        "stops there even with free hours."
    ),
    "Delivery cap": (
        "The most hours a week you want to spend with clients (“Most client-facing hours per "
        "week”). Plans that need more delivery than that are marked, even when your total "
        "hours still fit."
    ),
    "P10, P50, P90": (
        "A cautious, middle and hopeful outcome. When figures are given a range, the planner "
        "tries thousands of combinations: P10 is the result only 10% of them fall below "
        "(cautious), P50 the middle one, P90 the result only 10% of them beat (hopeful)."
    ),
}

#: Field of the scenario → the glossary term its help text explains.
FIELD_TERMS: dict[str, str] = {
    "bd_hours_per_sale": SELLING,
    "bd_hours_per_returning_sale": SELLING,
    "bd_hours_per_lead": SELLING,
    "bd_hours_per_launch": SELLING,
    "leads_per_year": "Leads",
    "conversion_rate": "Conversion rate",
    "max_sales_per_year": "Market limit",
    "max_delivery_hours_per_week": "Delivery cap",
    "associate_share": "Team leverage",
}

#: Headline card (its key in :mod:`presentation.headline`) → the glossary term it shows.
HEADLINE_TERMS: dict[str, str] = {
    "net_income": "Net income",
    "take_home": "Take-home",
    "hours": "Hours used",
    "effective_hourly_rate": "Effective hourly rate",
    "billable_utilization": "Billable utilisation",
    "billable_share": "Billable share",
    "billable_to_bd_ratio": "Billable-to-BD ratio",
    "leverage": "Leverage",
}


def glossary_help(term: str) -> str:
    """The explanation of a glossary term, for a ``help=`` text (KeyError for an unknown one)."""
    return GLOSSARY[term]


def field_help(field: str, description: str | None) -> str | None:
    """A field's help text: its description from the schema, then the explanation of the
    glossary term it uses, if any."""
    term = FIELD_TERMS.get(field)
    if term is None:
        return description
    explained = f"**{term}**: {GLOSSARY[term]}"
    return f"{description}\n\n{explained}" if description else explained


def glossary_anchor(term: str) -> str:
    """The Glossary page's anchor of a term (``p10-p50-p90``), for a link to it."""
    words = "".join(character if character.isalnum() else " " for character in term.lower())
    return "-".join(words.split())
