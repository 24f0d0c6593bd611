"""The Plan page's chart rows as plain records: no pandas, so the page's first run needs none.

:mod:`models.tables` builds its DataFrames of the same rows for the reports, the CSV
downloads and the other pages. Every figure comes from :func:`models.evaluation.evaluate`;
these functions only reshape.
"""

from __future__ import annotations

from typing import Any

from models.results import HOUR_CATEGORIES, HOUR_CATEGORY_LABELS, ScenarioResult

FIXED_ADMIN_LABEL = "Fixed admin"
WHOLE_PLAN_LABEL = "Whole plan"


def hours_rows(result: ScenarioResult, *, whole_plan: bool = False) -> list[dict[str, Any]]:
    """Long form: offer, category, hours [h/year]; categories with no hours are left out.

    The practitioner's fixed admin (what the assistant leaves of it) is a row of its own
    (offer "Fixed admin"); with ``whole_plan`` the scenario's totals come first as offer
    "Whole plan".
    """
    fixed_admin = result.totals.hours.admin - sum(offer.hours.admin for offer in result.offers)
    sources = [(offer.name, offer.hours) for offer in result.offers]
    if whole_plan:
        sources.insert(0, (WHOLE_PLAN_LABEL, result.totals.hours))
    rows = [
        {"offer": name, "category": HOUR_CATEGORY_LABELS[category], "hours": hours}
        for name, breakdown in sources
        for category in HOUR_CATEGORIES
        if (hours := getattr(breakdown, category)) > 0
    ]
    if fixed_admin > 0:
        rows.append(
            {
                "offer": FIXED_ADMIN_LABEL,
                "category": HOUR_CATEGORY_LABELS["admin"],
                "hours": fixed_admin,
            }
        )
    return rows


def money_rows(result: ScenarioResult) -> list[dict[str, Any]]:
    """Long form: offer, measure (Revenue or Contribution), amount. [currency/year]"""
    return [
        {"offer": offer.name, "measure": measure, "amount": amount}
        for offer in result.offers
        for measure, amount in (("Revenue", offer.revenue), ("Contribution", offer.contribution))
    ]
