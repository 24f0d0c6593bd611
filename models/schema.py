"""The scenario schema, version 2 (docs/model.md), as pydantic v2 models.

One model per offer kind, joined in a discriminated union on ``kind``. Every
model derives from :class:`StrictModel`, so none of them accepts an unknown key,
a number given as text or as ``true``, or an infinite or NaN number.

Conventions
-----------
- Every figure is per year in steady state unless its name says otherwise.
- Hours are in [h], money in the scenario's currency [currency], shares and
  rates in [0-1].
- Counts (clients, groups, students …) are floats: a plan may average 2.5
  retreats a year.
- Where the model (docs/model.md) asks for "more than 0" (hours a week, weeks a year, years of
  amortisation, a contract's session length) the floor is a practical one
  (1 h, 1 week, 1 year, half an hour), so that no figure divides by a vanishing
  number.
- Each field carries a plain-words ``title`` (its label), a ``description``
  (what it means and how to estimate it) and a ``unit`` in its JSON-schema
  extra. The field tables of docs/scenario-format.md, the app's labels and the
  error messages all read them from here.
"""

import functools
import typing
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal, Self

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator, model_validator

from models import formulas
from models.currencies import CURRENCY_CODES
from models.text import EXCERPT_CHARACTERS, excerpt, name_key, text_problem

#: The schema version this code writes and reads natively.
SCHEMA_VERSION = 2

#: Upper bounds that keep every product of fields finite and every figure sane.
MAX_COUNT = 1_000_000.0
MAX_HOURS = 10_000.0
MAX_MONEY = 10_000_000_000.0
MAX_OFFERS = 30

OfferKind = Literal[
    "one_to_one",
    "contract",
    "group_program",
    "mastermind",
    "retreat",
    "online_program",
    "licensing",
]


def _number(
    default: Any,
    *,
    title: str,
    unit: str,
    description: str,
    ge: float = 0.0,
    le: float,
    gt: float | None = None,
    whole: bool = False,
) -> Any:
    """A numeric field with its label, unit and help text; ``...`` as default means required."""
    extra: dict[str, JsonValue] = {"unit": unit, "whole": True} if whole else {"unit": unit}
    return Field(
        default,
        title=title,
        description=description,
        ge=None if gt is not None else ge,
        gt=gt,
        le=le,
        json_schema_extra=extra,
    )


def count(
    default: Any = ...,
    *,
    title: str,
    description: str,
    unit: str = "per year",
    whole: bool = False,
) -> Any:
    """A number of things (clients, groups, sessions …), 0 to a million.

    ``whole`` marks a count of people, groups, cohorts, retreats, contracts or licensees:
    the analyses answer it in whole numbers (:func:`is_whole_count`). A file may still hold
    a fraction (an average), so the schema does not refuse one.
    """
    return _number(
        default, title=title, unit=unit, description=description, le=MAX_COUNT, whole=whole
    )


def hours(default: Any = ..., *, title: str, description: str, unit: str = "h") -> Any:
    """A number of hours, 0 to 10,000."""
    return _number(default, title=title, unit=unit, description=description, le=MAX_HOURS)


def money(default: Any = ..., *, title: str, description: str, unit: str = "currency") -> Any:
    """An amount of money in the scenario's currency, 0 to ten billion."""
    return _number(default, title=title, unit=unit, description=description, le=MAX_MONEY)


def share(default: Any = ..., *, title: str, description: str) -> Any:
    """A share or rate between 0 and 1."""
    return _number(default, title=title, unit="0-1", description=description, le=1.0)


class StrictModel(BaseModel):
    """Base of every schema model: unknown keys, coercion and non-finite numbers are errors.

    A model's validator is built the first time it validates (``defer_build``), not when its
    class is defined: the bases that never validate on their own (``OfferBase``, ``LiveOffer``
    …) never build one, and a command that reads no scenario builds none. Pydantic 2.14 and
    later build it under a lock, so the app's sessions may validate from many threads at once
    (``pyproject.toml`` requires it; a test reads the examples from 16 threads together).
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        validate_default=False,
        defer_build=True,
    )


#: Numeric fields that are goals or limits rather than assumptions: they take no range and are
#: not varied by sensitivity or goal seek.
NOT_ASSUMPTIONS = frozenset(
    {
        "target_net_income",
        "hourly_value",
        "max_sales_per_year",
        "max_group_size",
        "max_delivery_hours_per_week",
    }
)


def is_whole_count(model: type[BaseModel], name: str) -> bool:
    """Whether field ``name`` of ``model`` counts whole people or things (``count(whole=True)``)."""
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("whole") is True


def suggestion(word: str, choices: Iterable[str]) -> str:
    """' Did you mean `x`?' for the closest valid choice, or ''."""
    if len(word) > 2 * EXCERPT_CHARACTERS:
        return ""  # no field name is that long; comparing would only cost time
    import difflib  # only a misspelt key needs it: not imported at every start

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean `{matches[0]}`?" if matches else ""


def is_numeric(info: Any) -> bool:
    """Whether a field holds a number (``float``, ``int``, or either or nothing)."""
    annotation = info.annotation
    return annotation in (float, int) or (
        type(None) in typing.get_args(annotation)
        and any(argument in (float, int) for argument in typing.get_args(annotation))
    )


def field_bounds(model: type[BaseModel], name: str) -> tuple[float | None, float | None]:
    """The lowest and highest value the schema accepts for a numeric field (None: no bound)."""
    low: Any = None
    high: Any = None
    for item in model.model_fields[name].metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low = item.gt
        elif isinstance(item, annotated_types.Le):
            high = item.le
    return low, high


@functools.cache
def assumption_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The numeric fields of a model that are assumptions of the plan, in the schema's order:
    the ones that may carry a range, and that sensitivity and goal seek vary."""
    return tuple(
        name
        for name in field_order(model)
        if is_numeric(model.model_fields[name]) and name not in NOT_ASSUMPTIONS
    )


Range = Annotated[list[float], Field(min_length=2, max_length=2)]


class Uncertain(StrictModel):
    """A section whose assumptions may carry a range ``[low, high]`` (the uncertainty analysis)."""

    ranges: dict[str, Range] | None = Field(
        None,
        title="Ranges",
        description=(
            "How sure you are: `field: [low, high]` for any figure of this section, with low ≤ "
            "the planned value ≤ high. The Monte Carlo simulation draws each from a triangular "
            "distribution peaking at the planned value. Empty: every figure is certain."
        ),
        json_schema_extra={"unit": "[low, high]"},
    )

    @model_validator(mode="after")
    def _ranges_fit_their_fields(self) -> Self:
        problems = [
            problem
            for name, (low, high) in (self.ranges or {}).items()
            if (problem := self._range_problem(name, low, high))
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _range_problem(self, name: str, low: float, high: float) -> str | None:
        model = type(self)
        fields = assumption_fields(model)
        key = f"(ranges.{excerpt(name)})"
        if name not in fields:
            return (
                f"{excerpt(name)} is not a figure of this section that can have a range {key}."
                f"{suggestion(name, fields)}"
            )
        title = model.model_fields[name].title or name
        where = f"the range of {title[:1].lower()}{title[1:]}"
        value = getattr(self, name)
        if value is None:
            return f"{where} needs a planned value first; a range spreads around it {key}"
        if low > high:
            return f"{where} runs from {low:g} down to {high:g}: give the low end first {key}"
        if not low <= value <= high:
            return f"{where}, {low:g} to {high:g}, must hold the planned value {value:g} {key}"
        lowest, highest = field_bounds(model, name)
        if lowest is not None and low < lowest:
            return f"{where} must start at {lowest:g} or more, not {low:g} {key}"
        if highest is not None and high > highest:
            return f"{where} must end at {highest:g} or less, not {high:g} {key}"
        return None


class Practitioner(Uncertain):
    """The professional's working year."""

    hours_per_week: float = _number(
        40.0,
        title="Working hours per week",
        unit="h/week",
        description="Hours you are willing to work in a normal week, all activities included.",
        ge=1.0,
        le=100.0,
    )
    weeks_per_year: float = _number(
        46.0,
        title="Working weeks per year",
        unit="weeks",
        description="52 weeks less holidays, sick days and training: 46 is typical.",
        ge=1.0,
        le=52.0,
    )
    admin_hours_per_week: float = hours(
        4.0,
        title="Fixed admin hours per week",
        unit="h/week",
        description="Bookkeeping, email and planning that happen whatever the number of clients.",
    )
    fixed_costs_per_year: float = money(
        0.0,
        title="Fixed costs per year",
        description="Office, software, insurance, professional fees: costs that do not depend on sales.",
    )
    target_net_income: float | None = money(
        None,
        title="Target income per year",
        description=(
            "The income you aim to take home in a year (after tax, when you give a tax rate); "
            "leave empty for no target."
        ),
    )
    max_delivery_hours_per_week: float | None = _number(
        None,
        title="Most client-facing hours per week",
        unit="h/week",
        description=(
            "The most hours a week you can spend with clients (sessions, meetings, retreat days, "
            "support) and stay good at it. Coaches average about 12 a week (ICF/PwC 2025); "
            "leave empty for no limit beyond your working hours."
        ),
        gt=0.0,
        le=100.0,
    )
    assistant_hours_per_week: float = _number(
        0.0,
        title="Assistant hours per week",
        unit="h/week",
        description=(
            "Hours a week an assistant works for you: they take admin off you (never more than "
            "there is) and are paid for every hour."
        ),
        le=100.0,
    )
    assistant_cost_per_hour: float = money(
        0.0,
        title="Assistant cost per hour",
        unit="currency/h",
        description="What one hour of your assistant costs you.",
    )
    tax_rate: float = _number(
        0.0,
        title="Tax rate on net income",
        unit="0-1",
        description=(
            "The effective share of a positive net income you pay in income tax and social "
            "contributions; your target is compared with what you take home after it."
        ),
        le=0.9,
    )
    hourly_value: float | None = money(
        None,
        title="What an hour of yours is worth",
        unit="currency/h",
        description=(
            "Used to value creation time in the timeline's payback. Empty: the plan's effective "
            "hourly rate without the offer being paid back, or the whole plan's when the other "
            "offers earn nothing."
        ),
    )


MONTHS_PLANNED = 36


def _month(default: Any, *, title: str, description: str, low: int = 1) -> Any:
    return Field(
        default,
        title=title,
        description=description,
        ge=low,
        le=MONTHS_PLANNED,
        json_schema_extra={"unit": "month"},
    )


class Schedule(StrictModel):
    """When an offer starts, ramps up and runs, month by month (the timeline).

    Every field is optional; an offer without a schedule runs all year from month 1.
    """

    start_month: int = _month(
        1, title="First month", description="The first month it sells and delivers (1 to 36)."
    )
    ramp_months: int = _month(
        0,
        title="Ramp-up months",
        description=(
            "Buyers rise in equal steps to the full rate over these months (not on licensing, "
            "whose ramp-up is the signing of licensees)."
        ),
        low=0,
    )
    creation_months: int = _month(
        3,
        title="Creation months",
        description="Creation hours are spent evenly over these months just before the first month.",
    )
    start_months: list[int] | None = Field(
        None,
        title="Months of the year groups start",
        description=(
            "Group programs, masterminds and retreats: the months (1-12) their groups, cohorts or "
            "retreats start, every year. Empty: spread evenly through the year, the first in "
            "the first month."
        ),
        min_length=1,
        max_length=12,
        json_schema_extra={"unit": "months 1-12"},
    )
    duration_months: int | None = Field(
        None,
        title="Months a group runs",
        description="Group programs: how long one run lasts. Empty: its sessions at one a week.",
        ge=1,
        le=MONTHS_PLANNED,
        json_schema_extra={"unit": "months"},
    )

    launch_months: list[int] | None = Field(
        None,
        title="Months of the year it launches",
        description=(
            "Online programs with one launch a year or more: the months (1-12) its launches open, "
            "every year; each launch sells an equal share of the year's students. Empty: spread "
            "evenly through the year from the first month."
        ),
        min_length=1,
        max_length=12,
        json_schema_extra={"unit": "months 1-12"},
    )
    licensees_at_start: float = count(
        0.0,
        title="Active licensees at the start",
        unit="licensees",
        description=(
            "Licensing: licensees already running your program in the first month; the rest are "
            "signed at the new licensees per year until the active licensees are reached."
        ),
        whole=True,
    )

    @field_validator("start_months", "launch_months")
    @classmethod
    def _months_of_a_year(cls, months: list[int] | None) -> list[int] | None:
        if months is None:
            return None
        wrong = [month for month in months if not 1 <= month <= 12]
        if wrong:
            raise ValueError(f"must be months from 1 to 12, not {wrong[0]}")
        if len(set(months)) != len(months):
            raise ValueError("must name each month once")
        return sorted(months)


class OfferBase(Uncertain):
    """Fields every offer has: its identity and what selling to one buyer costs.

    Each kind's model also carries the kind's facts as class attributes, so that every
    analysis reads them from the kind (docs/adding-a-kind.md):

    - ``label``, ``label_plural``: the plain name a professional uses for the kind, and
      its offers in the plural within a sentence ("group programs").
    - ``count_field``: the count the best mix chooses and the timeline schedules
      (clients, groups, students, active licensees …).
    - ``quantity_field``, ``quantity_words``: the quantity Scale grows (participants
      for a group program: groups × participants) by its name in the results and in
      plain words.
    - ``drivers``: the fields that drive its income most (the rows of "what must be true").
    - ``main_field``: the input a workshop room is asked to call out when its lever is pulled.
    - ``starting_fields``: the figures a new offer of the kind starts with (besides kind and
      name), from the public figures cited beside each default.
    - ``schedule_fields``: the schedule fields (besides ``start_month``) the kind takes.
    - ``is_group`` (groups, cohorts or retreats: :class:`GroupSize`), ``has_creation``
      (creation hours: :class:`Creation`) and ``has_team`` (associates: :class:`Team`), set by
      the mixins.

    and the kind's formula as :meth:`kind_delivery`.
    """

    label: ClassVar[str]
    label_plural: ClassVar[str]
    count_field: ClassVar[str]
    quantity_field: ClassVar[str]
    quantity_words: ClassVar[str]
    drivers: ClassVar[tuple[str, ...]]
    main_field: ClassVar[str]
    starting_fields: ClassVar[dict[str, Any]]
    schedule_fields: ClassVar[tuple[str, ...]] = ("ramp_months",)
    is_group: ClassVar[bool] = False
    has_creation: ClassVar[bool] = False
    has_team: ClassVar[bool] = False

    kind: OfferKind = Field(
        ...,
        title="Kind of offer",
        description="one_to_one, contract, group_program, mastermind, retreat, online_program or licensing.",
    )
    name: str = Field(
        ...,
        title="Offer name",
        description="A name unique within the scenario.",
        min_length=1,
        max_length=100,
    )
    enabled: bool = Field(
        True,
        title="Enabled",
        description="A disabled offer is kept in the file but counts nothing.",
    )
    bd_hours_per_sale: float = hours(
        0.0,
        title="Selling (BD) hours per new buyer",
        unit="h/buyer",
        description=(
            "Prospecting, calls, proposals and follow-up to win one new buyer "
            "(client, participant, member, attendee, student, contract or licensee)."
        ),
    )
    admin_hours_per_sale: float = hours(
        0.0,
        title="Admin hours per buyer",
        unit="h/buyer",
        description="Invoicing, scheduling and onboarding paperwork for one buyer.",
    )
    cost_per_sale: float = money(
        0.0,
        title="Direct cost per buyer",
        unit="currency/buyer",
        description="Money spent per buyer: materials, lodging, ads, per-head platform fees.",
    )
    max_sales_per_year: float | None = count(
        None,
        title="Market limit (buyers per year)",
        description="The most buyers the market will give you in a year; leave empty for no limit.",
        whole=True,
    )
    leads_per_year: float | None = count(
        None,
        title="Leads per year",
        unit="leads/year",
        description=(
            "Prospects this offer's marketing reaches in a year: an engaged list, referrals, "
            "inquiries, discovery calls, proposals sent; for licensing, prospective licensees. "
            "Empty: demand sets no limit."
        ),
        whole=True,
    )
    conversion_rate: float | None = _number(
        None,
        title="Conversion rate",
        unit="0-1",
        description=(
            "Share of leads who buy: about 1 in 5 discovery calls, 1-3% of an email list at a "
            "launch. Needed with leads or hours per lead. At least 0.0001 (one in ten thousand)."
        ),
        ge=0.0001,
        le=1.0,
    )
    bd_hours_per_lead: float | None = hours(
        None,
        title="Selling (BD) hours per lead",
        unit="h/lead",
        description=(
            "Hours spent on one lead (a call, a proposal, a follow-up). When given, the hours to "
            "win a new buyer are these hours ÷ the conversion rate, instead of business "
            "development hours per new buyer."
        ),
    )
    marketing_cost_per_lead: float = money(
        0.0,
        title="Marketing cost per lead",
        unit="currency/lead",
        description="Money spent to reach one lead: ads, events, lists. Needs a conversion rate.",
    )
    schedule: Schedule | None = Field(
        None,
        title="Schedule",
        description="When the offer starts, ramps up and runs (the timeline); empty: all year from month 1.",
    )

    @field_validator("name")
    @classmethod
    def _one_clean_line(cls, name: str) -> str:
        return _clean_text(name)

    @model_validator(mode="after")
    def _funnel_is_complete(self) -> Self:
        if self.conversion_rate is None:
            needing = [
                name
                for name, given in (
                    ("leads_per_year", self.leads_per_year is not None),
                    ("bd_hours_per_lead", self.bd_hours_per_lead is not None),
                    ("marketing_cost_per_lead", self.marketing_cost_per_lead != 0),
                )
                if given
            ]
            if needing:
                title = type(self).model_fields[needing[0]].title or needing[0]
                raise ValueError(
                    f"{title.lower()} needs a conversion rate: give the share of leads who buy "
                    f"({needing[0]}, conversion_rate)"
                )
        if self.bd_hours_per_lead is not None and self.bd_hours_per_sale != 0:
            raise ValueError(
                f"selling (BD) hours per lead ({self.bd_hours_per_lead:g}) and per new buyer "
                f"({self.bd_hours_per_sale:g}) are two ways of giving the same hours: give one; "
                "hours per lead work out the hours per new buyer from the conversion rate "
                "(bd_hours_per_lead, bd_hours_per_sale)"
            )
        return self

    @model_validator(mode="after")
    def _schedule_fits_the_kind(self) -> Self:
        if self.schedule is None:
            return self
        for name, what in _KIND_SCHEDULE_FIELDS.items():
            if getattr(self.schedule, name) and name not in self.schedule_fields:
                takers = [model for model in OFFER_MODELS.values() if name in model.schedule_fields]
                raise ValueError(
                    f"{what[:1].upper()}{what[1:]} applies to {_plural(takers)} only "
                    f"(schedule.{name})"
                )
        return self

    @property
    def quantity(self) -> float:
        """The offer's quantity in the plan (``quantity_field``): its count, or for groups,
        cohorts and retreats the count × the people in one. [buyers]"""
        count: float = getattr(self, self.count_field)
        return count

    def with_count(self, count: float) -> Self:
        """The offer with ``count`` of its ``count_field``, every other field as planned."""
        return self.model_copy(update={self.count_field: count})

    def new_buyers(self, buyers: Any) -> Any:
        """Of the year's buyers, those who are new (every one, but for kinds whose buyers
        return: :class:`RenewableOffer`). [buyers/year]"""
        return buyers

    @property
    def returning_share_of_buyers(self) -> float:
        """The share of the year's buyers who return or renew: 0 unless the kind has
        returning buyers. [0-1]"""
        return 0.0

    @property
    def effective_bd_hours_per_sale(self) -> float:
        """Hours to win one new buyer: ``bd_hours_per_lead / conversion_rate`` through a
        funnel, else ``bd_hours_per_sale``. [h/buyer]"""
        if self.bd_hours_per_lead is not None and self.conversion_rate is not None:
            return formulas.bd_hours_per_new_buyer(self.bd_hours_per_lead, self.conversion_rate)
        return self.bd_hours_per_sale

    @property
    def demand_limit(self) -> float | None:
        """The most buyers a year the offer's marketing brings
        (:func:`models.formulas.demand_limit`); None without leads. [buyers/year]"""
        if self.leads_per_year is None or self.conversion_rate is None:
            return None
        return formulas.demand_limit(
            self.leads_per_year, self.conversion_rate, self.returning_share_of_buyers
        )

    @property
    def market_limit(self) -> float | None:
        """What the market will buy: the smaller of ``max_sales_per_year`` and the demand
        limit, where given; None when neither is. [buyers/year]"""
        limits = [
            limit for limit in (self.max_sales_per_year, self.demand_limit) if limit is not None
        ]
        return min(limits) if limits else None

    def kind_delivery(self) -> formulas.Delivery:
        """Buyers, sessions, delivery hours, revenue and client hours of the offer: the kind's
        formula in :mod:`models.formulas` fed with its fields."""
        raise NotImplementedError(f"{type(self).__name__} has no formula")


#: Schedule fields only some kinds take → what they are, in words (for the error message).
_KIND_SCHEDULE_FIELDS = {
    "start_months": "months of the year groups start",
    "duration_months": "months a group runs",
    "launch_months": "months of the year launches happen",
    "licensees_at_start": "licensees at the start",
}


def _plural(models: list[type[OfferBase]]) -> str:
    """ "group programs, masterminds and retreats": the kinds' labels in the plural."""
    words = [model.label_plural for model in models]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


class RenewableOffer(OfferBase):
    """An offer whose buyers can come back or renew (every kind but licensing)."""

    returning_share: float = share(
        0.0,
        title="Share of returning buyers",
        description="Of the year's buyers, the share who return or renew rather than being new.",
    )
    bd_hours_per_returning_sale: float | None = hours(
        None,
        title="Selling (BD) hours per returning buyer",
        unit="h/buyer",
        description=(
            "Hours to keep or renew one buyer. Empty means a seventh of the hours to win a new "
            "one: a new customer is commonly said to cost about 7 times as much as keeping one."
        ),
    )

    @property
    def effective_bd_hours_per_returning_sale(self) -> float:
        """Hours to keep one buyer, with the default applied: a seventh of the hours to win
        a new one. [h/buyer]"""
        if self.bd_hours_per_returning_sale is None:
            return self.effective_bd_hours_per_sale / 7.0
        return self.bd_hours_per_returning_sale

    def new_buyers(self, buyers: Any) -> Any:
        """buyers × (1 − returning_share) (:func:`models.formulas.new_buyers`). [buyers/year]"""
        return formulas.new_buyers(buyers, self.returning_share)

    @property
    def returning_share_of_buyers(self) -> float:
        """``returning_share``. [0-1]"""
        return self.returning_share


class Team(StrictModel):
    """Associates who lead some of an offer's sessions (live offers and retreats).

    With an associate share a, associates work a × (delivery + prep + travel) of the offer's
    hours, yours fall to (1 − a) of them, and you spend ``oversight_hours_per_associate_hour``
    of your own on each of their hours. The client gets the same service: sessions, revenue
    and client hours do not change.
    """

    has_team: ClassVar[bool] = True

    associate_share: float = share(
        0.0,
        title="Share led by associates",
        description="Share of this offer's sessions that associates lead instead of you.",
    )
    associate_cost_per_hour: float = money(
        0.0,
        title="Associate cost per hour",
        unit="currency/h",
        description=(
            "What one associate hour (their delivery, preparation and travel) costs you: "
            "associates are commonly paid 40-60% of the fee."
        ),
    )
    oversight_hours_per_associate_hour: float = _number(
        0.1,
        title="Your oversight per associate hour",
        unit="h/h",
        description=(
            "Your hours supervising, reviewing and checking quality for each hour an associate "
            "works: 0.1 is six minutes an hour."
        ),
        le=10.0,
    )


class LiveOffer(Team, RenewableOffer):
    """An offer delivered in live sessions, online or in person, by you or by associates."""

    delivery: Literal["online", "in_person"] = Field(
        "online",
        title="Delivery",
        description="Online sessions need no travel and no venue; in person they do.",
    )
    prep_hours_per_session: float = hours(
        0.0,
        title="Preparation hours per session",
        unit="h/session",
        description="Preparation and follow-up notes for one session.",
    )
    travel_hours_per_session: float = hours(
        0.0,
        title="Travel hours per session",
        unit="h/session",
        description="Door-to-door travel time for one in-person session.",
    )
    travel_cost_per_session: float = money(
        0.0,
        title="Travel cost per session",
        unit="currency/session",
        description="Fares, mileage and meals for one in-person session.",
    )
    venue_cost_per_session: float = money(
        0.0,
        title="Venue cost per session",
        unit="currency/session",
        description="Room hire for one in-person session.",
    )

    @property
    def in_person(self) -> bool:
        """Whether travel and venue count."""
        return self.delivery == "in_person"


class GroupSize(StrictModel):
    """The size past which a group stops being a group (docs/model.md, the levers).

    A kind with this mixin sells groups, cohorts or retreats: its ``count_field`` counts
    them (``groups_word`` in a sentence) and ``group_size_field`` holds the people in one.
    """

    is_group: ClassVar[bool] = True
    count_field: ClassVar[str]
    group_size_field: ClassVar[str]
    groups_word: ClassVar[str]

    max_group_size: float = count(
        12.0,
        title="Largest real group",
        unit="people",
        description=(
            "Past this size there is no individual interaction left and the offer becomes an "
            "events or training business."
        ),
        whole=True,
    )

    @property
    def group_size(self) -> float:
        """People in one group, cohort or retreat. [people]"""
        size: float = getattr(self, self.group_size_field)
        return size

    @property
    def quantity(self) -> float:
        """Buyers in the plan: groups × the people in one. [people]"""
        count: float = getattr(self, self.count_field)
        return count * self.group_size


class OneToOne(LiveOffer):
    """Private 1:1 clients: the baseline with no leverage."""

    label = "Private 1:1 clients"
    label_plural = "private 1:1 clients"
    count_field = quantity_field = quantity_words = "clients"
    drivers = ("clients", "price_per_client")
    main_field = "price_per_client"
    # ICF/PwC 2025: ~234 an hour; fortnightly sessions over a year. About 1 in 5 discovery
    # calls becomes a client (issue 15): 2 h a call with its follow-up is 10 h per new client,
    # and 40 calls a year leave room over the 5 new clients planned. Associates are commonly
    # paid 40-60% of the fee: half of ~234 an hour.
    starting_fields = {
        "clients": 10,
        "sessions_per_client": 24,
        "session_hours": 1.0,
        "price_per_client": 5600.0,
        "prep_hours_per_session": 0.5,
        "returning_share": 0.5,
        "admin_hours_per_sale": 2.0,
        "leads_per_year": 40,
        "conversion_rate": 0.2,
        "bd_hours_per_lead": 2.0,
        "associate_cost_per_hour": 115.0,
    }

    kind: Literal["one_to_one"]
    clients: float = count(
        title="Clients per year", description="Private clients served in a year.", whole=True
    )
    sessions_per_client: float = count(
        title="Sessions per client",
        unit="sessions/client",
        description="Sessions one client has in a year: 24 for fortnightly, 40 for most weeks.",
    )
    session_hours: float = hours(
        title="Session length", unit="h", description="Length of one session."
    )
    price_per_client: float = money(
        title="Price per client",
        unit="currency/client",
        description="What one client pays in a year.",
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.one_to_one_delivery`)."""
        return formulas.one_to_one_delivery(
            self.clients, self.sessions_per_client, self.session_hours, self.price_per_client
        )


class Contract(LiveOffer):
    """Contract work with a larger organisation, billed by the hour or for a fixed fee."""

    label = "Contract work"
    label_plural = "contracts"
    count_field = quantity_field = quantity_words = "contracts"
    drivers = ("contracts", "hours_per_contract", "hourly_rate")
    main_field = "hourly_rate"
    # Freelance rate guides: 150-250 an hour; a contract of a few weeks on site. About 1 in 5
    # sales conversations is won (issue 15): 12 proposals a year at 8 h each, 40 h per contract
    # won. Associates are commonly paid 40-60% of the fee: half of 175 an hour.
    starting_fields = {
        "contracts": 2,
        "hours_per_contract": 200.0,
        "hourly_rate": 175.0,
        "session_hours": 8.0,
        "admin_hours_per_sale": 10.0,
        "leads_per_year": 12,
        "conversion_rate": 0.2,
        "bd_hours_per_lead": 8.0,
        "associate_cost_per_hour": 88.0,
    }

    kind: Literal["contract"]
    contracts: float = count(
        title="Contracts per year", description="Contracts won and delivered in a year.", whole=True
    )
    hours_per_contract: float = hours(
        title="Billable hours per contract",
        unit="h/contract",
        description="Hours billed on one contract.",
    )
    hourly_rate: float | None = money(
        None,
        title="Hourly rate",
        unit="currency/h",
        description="What the organisation pays per hour; leave empty for a fixed fee per contract.",
    )
    fee_per_contract: float | None = money(
        None,
        title="Fixed fee per contract",
        unit="currency/contract",
        description=(
            "A fixed price for one contract, instead of an hourly rate: the hours are then your "
            "effort, and more of them lower your rate instead of raising your income."
        ),
    )
    session_hours: float = _number(
        8.0,
        title="Hours per working session",
        unit="h",
        description="Length of one working session; 8 is a day on site.",
        ge=0.5,
        le=24.0,
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.contract_delivery`)."""
        return formulas.contract_delivery(
            self.contracts,
            self.hours_per_contract,
            self.hourly_rate,
            self.session_hours,
            self.fee_per_contract,
        )

    @model_validator(mode="after")
    def _one_way_of_pricing(self) -> Self:
        if self.hourly_rate is not None and self.fee_per_contract is not None:
            raise ValueError(
                f"the hourly rate ({self.hourly_rate:g}) and the fixed fee per contract "
                f"({self.fee_per_contract:g}) are two prices for the same work: give one "
                "(hourly_rate, fee_per_contract)"
            )
        if self.hourly_rate is None and self.fee_per_contract is None:
            raise ValueError(
                "give an hourly rate or a fixed fee per contract: what the contract pays "
                "(hourly_rate, fee_per_contract)"
            )
        return self


class GroupProgram(GroupSize, LiveOffer):
    """A program that serves a group of participants in each session."""

    label = "Group program"
    label_plural = "group programs"
    count_field = "groups"
    groups_word = "groups"
    group_size_field = "participants_per_group"
    quantity_field = quantity_words = "participants"
    drivers = ("groups", "participants_per_group", "price_per_participant")
    main_field = "participants_per_group"
    schedule_fields = ("ramp_months", "duration_months", "start_months")
    # calcstack.net: 10 clients × 400 a month; 8 decide together (mariatodd.com). About 1 in 5
    # enrolment calls joins (issue 15): 1 h a call is 5 h per participant, and 100 calls a year
    # cover the 16 places. Associates are commonly paid 40-60% of the fee: 40% of a group's
    # 19,200 over its 30 h of sessions and preparation is about 250 an hour.
    starting_fields = {
        "groups": 2,
        "participants_per_group": 8,
        "price_per_participant": 2400.0,
        "sessions_per_group": 12,
        "session_hours": 1.5,
        "prep_hours_per_session": 1.0,
        "admin_hours_per_sale": 1.0,
        "leads_per_year": 100,
        "conversion_rate": 0.2,
        "bd_hours_per_lead": 1.0,
        "associate_cost_per_hour": 250.0,
    }

    kind: Literal["group_program"]
    groups: float = count(title="Groups per year", description="Groups run in a year.", whole=True)
    participants_per_group: float = count(
        title="Participants per group",
        unit="people/group",
        description="People in one group: 8 to decide together, up to 12-15 to learn together.",
        whole=True,
    )
    price_per_participant: float = money(
        title="Price per participant",
        unit="currency/participant",
        description="What one participant pays for the program.",
    )
    sessions_per_group: float = count(
        title="Sessions per group",
        unit="sessions/group",
        description="Live sessions in one run of the program.",
    )
    session_hours: float = hours(
        title="Session length", unit="h", description="Length of one group session."
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.group_program_delivery`)."""
        return formulas.group_program_delivery(
            self.groups,
            self.participants_per_group,
            self.price_per_participant,
            self.sessions_per_group,
            self.session_hours,
        )


class Mastermind(GroupSize, LiveOffer):
    """A facilitated peer group that meets for months; one sale earns for months."""

    label = "Mastermind"
    label_plural = "masterminds"
    count_field = groups_word = "cohorts"
    group_size_field = "members_per_cohort"
    quantity_field = quantity_words = "members"
    drivers = ("cohorts", "members_per_cohort", "fee_per_member_per_month")
    main_field = "members_per_cohort"
    schedule_fields = ("ramp_months", "start_months")
    # becomebetterself.com: facilitated masterminds 497-1,497 a month; most run 6+ months.
    # About 1 in 5 application calls joins (issue 15): 1.6 h a call is 8 h per new member, and
    # 40 calls a year cover the 4 new members planned.
    starting_fields = {
        "cohorts": 1,
        "members_per_cohort": 8,
        "fee_per_member_per_month": 800.0,
        "months": 12,
        "meetings_per_month": 2,
        "meeting_hours": 2.0,
        "prep_hours_per_session": 1.0,
        "returning_share": 0.5,
        "admin_hours_per_sale": 2.0,
        "leads_per_year": 40,
        "conversion_rate": 0.2,
        "bd_hours_per_lead": 1.6,
    }

    kind: Literal["mastermind"]
    cohorts: float = count(
        title="Cohorts started per year",
        description="Mastermind groups started in a year.",
        whole=True,
    )
    members_per_cohort: float = count(
        title="Members per cohort",
        unit="people/cohort",
        description="Members in one cohort.",
        whole=True,
    )
    fee_per_member_per_month: float = money(
        title="Fee per member per month",
        unit="currency/month",
        description="Facilitated masterminds typically charge 500-1,500 a month.",
    )
    months: int = Field(
        12,
        title="Months a cohort runs",
        description="How long one cohort meets: most run 6 to 12 months.",
        ge=1,
        le=36,
        json_schema_extra={"unit": "months"},
    )
    meetings_per_month: float = count(
        title="Meetings per month", unit="meetings/month", description="Group meetings in a month."
    )
    meeting_hours: float = hours(
        title="Meeting length", unit="h", description="Length of one group meeting."
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.mastermind_delivery`)."""
        return formulas.mastermind_delivery(
            self.cohorts,
            self.members_per_cohort,
            self.fee_per_member_per_month,
            self.months,
            self.meetings_per_month,
            self.meeting_hours,
        )


class Retreat(GroupSize, Team, RenewableOffer):
    """A retreat: client hours packaged with a venue and activities."""

    label = "Retreat"
    label_plural = "retreats"
    count_field = groups_word = "retreats"
    group_size_field = "attendees_per_retreat"
    quantity_field = quantity_words = "attendees"
    drivers = ("retreats", "attendees_per_retreat", "price_per_attendee")
    main_field = "attendees_per_retreat"
    schedule_fields = ("ramp_months", "start_months")
    # adventureretreatleader.com / retreatboss.com: price on the minimum headcount. About 1 in
    # 5 calls with interested people books (issue 15): 1 h a call is 5 h per attendee, and 100
    # a year cover the 12 places. Associates are commonly paid 40-60% of the fee: 40% of a
    # retreat's 42,000 over its 62 h is about 250 an hour.
    starting_fields = {
        "retreats": 1,
        "attendees_per_retreat": 12,
        "price_per_attendee": 3500.0,
        "retreat_hours": 20.0,
        "prep_hours_per_retreat": 30.0,
        "travel_hours_per_retreat": 12.0,
        "travel_cost_per_retreat": 1000.0,
        "venue_cost_per_retreat": 12000.0,
        "admin_hours_per_sale": 2.0,
        "cost_per_sale": 800.0,
        "leads_per_year": 100,
        "conversion_rate": 0.2,
        "bd_hours_per_lead": 1.0,
        "associate_cost_per_hour": 250.0,
    }

    kind: Literal["retreat"]
    retreats: float = count(
        title="Retreats per year", description="Retreats held in a year.", whole=True
    )
    attendees_per_retreat: float = count(
        title="Attendees per retreat",
        unit="people/retreat",
        description="People on one retreat.",
        whole=True,
    )
    price_per_attendee: float = money(
        title="Price per attendee",
        unit="currency/attendee",
        description="What one attendee pays for the retreat.",
    )
    retreat_hours: float = hours(
        title="Hours you lead per retreat",
        unit="h/retreat",
        description="Hours you run sessions on one retreat: a 3-day retreat is about 20-24 h.",
    )
    prep_hours_per_retreat: float = hours(
        0.0,
        title="Preparation hours per retreat",
        unit="h/retreat",
        description="Planning, venue visits and program design for one retreat.",
    )
    travel_hours_per_retreat: float = hours(
        0.0,
        title="Travel hours per retreat",
        unit="h/retreat",
        description="Your travel to and from one retreat.",
    )
    travel_cost_per_retreat: float = money(
        0.0,
        title="Travel cost per retreat",
        unit="currency/retreat",
        description="Your own fares and lodging for one retreat.",
    )
    venue_cost_per_retreat: float = money(
        0.0,
        title="Venue cost per retreat",
        unit="currency/retreat",
        description="Venue hire and activities for one retreat (per-attendee lodging goes in cost per buyer).",
    )
    max_group_size: float = count(
        20.0,
        title="Largest real group",
        unit="people",
        description=(
            "Past this size there is no individual interaction left and the retreat becomes an "
            "events business."
        ),
        whole=True,
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.retreat_delivery`)."""
        return formulas.retreat_delivery(
            self.retreats, self.attendees_per_retreat, self.price_per_attendee, self.retreat_hours
        )


class Creation(StrictModel):
    """Up-front creation time, spread over the years the material lasts."""

    has_creation: ClassVar[bool] = True

    creation_hours: float = hours(
        0.0,
        title="Creation hours",
        description=(
            "Hours to build the material once. Around 79 h per finished hour of basic e-learning "
            "(Chapman Alliance)."
        ),
    )
    amortization_years: float = _number(
        3.0,
        title="Years the material lasts",
        unit="years",
        description="Creation hours are spread evenly over these years.",
        ge=1.0,
        le=50.0,
    )
    upkeep_hours_per_year: float = hours(
        0.0,
        title="Upkeep hours per year",
        unit="h/year",
        description="Hours a year to keep the material current.",
    )


class OnlineProgram(Creation, RenewableOffer):
    """A recorded program; the more automated, the more it scales and the less it earns per head."""

    label = "Online program"
    label_plural = "online programs"
    count_field = quantity_field = quantity_words = "students"
    drivers = ("students", "price_high_touch", "price_automated")
    main_field = "students"
    schedule_fields = ("ramp_months", "creation_months", "launch_months")
    # calkulon.com price ladder; Chapman Alliance: 79 h per finished hour of e-learning. Launch
    # conversion 1-3% of an email list (nikkinash.co): 2% of a 6,000-name list is 120 students
    # a year; paid self-paced programs are 15-30% completed (EdSurge and course platforms).
    starting_fields = {
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
        "leads_per_year": 6000,
        "conversion_rate": 0.02,
        "completion_rate": 0.3,
    }

    kind: Literal["online_program"]
    students: float = count(
        title="Students per year", description="Students enrolled in a year.", whole=True
    )
    price_high_touch: float = money(
        title="Price with full support",
        unit="currency/student",
        description="Price when every student gets your personal support (automation 0).",
    )
    price_automated: float = money(
        title="Price fully automated",
        unit="currency/student",
        description="Price when the program runs with no personal support (automation 1).",
    )
    automation: float = share(
        title="Automation",
        description="0 means you support every student personally, 1 that the program runs itself.",
    )
    support_hours_per_student: float = hours(
        0.0,
        title="Support hours per student (no automation)",
        unit="h/student",
        description="Calls, feedback and Q&A for one student when nothing is automated.",
    )
    content_hours: float = hours(
        0.0,
        title="Hours of content",
        unit="h/student",
        description="Hours of recorded learning in the program.",
    )
    completion_rate: float = share(
        1.0,
        title="Completion rate",
        description=(
            "Share of the content the average student goes through: 15-30% for paid self-paced "
            "programs, 75-96% cohort-based. Client hours count what is completed."
        ),
    )
    launches_per_year: float = count(
        0.0, title="Launches per year", description="Launch campaigns run in a year.", whole=True
    )
    bd_hours_per_launch: float = hours(
        0.0,
        title="Selling (BD) hours per launch",
        unit="h/launch",
        description="Webinars, emails and promotion for one launch.",
    )
    platform_fee_rate: float = share(
        0.0,
        title="Platform fee rate",
        description="Share of revenue the course platform and payment provider keep.",
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.online_program_delivery`)."""
        return formulas.online_program_delivery(
            self.students,
            self.price_high_touch,
            self.price_automated,
            self.automation,
            self.support_hours_per_student,
            self.content_hours,
            self.completion_rate,
        )

    @model_validator(mode="after")
    def _automated_price_not_above_high_touch(self) -> Self:
        if self.price_automated > self.price_high_touch:
            raise ValueError(
                f"the price fully automated ({self.price_automated:g}) must not be above the "
                f"price with full support ({self.price_high_touch:g}) "
                "(price_automated, price_high_touch)"
            )
        return self


class Licensing(Creation, OfferBase):
    """Others run your program in their markets; you find licensees instead of clients."""

    label = "Licensing"
    label_plural = "licensing"
    count_field = quantity_field = "licensees"
    quantity_words = "active licensees"
    drivers = ("licensees", "royalty_rate", "licensee_revenue_per_year", "upfront_fee")
    main_field = "licensees"
    # licensing's ramp-up is the signing of licensees: it takes the licensees at the start instead
    schedule_fields = ("licensees_at_start", "creation_months")
    # IFA: royalties average 6.7%; a coaching licence at 9,950 (1to1coachingschool.com). A
    # licensee is a coach with ICF/PwC 2025's ~12 active clients; about 1 in 5 prospective
    # licensees signs (issue 15), so 15 a year cover the 2 new licensees planned.
    starting_fields = {
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
        "clients_per_licensee_per_year": 12,
        "leads_per_year": 15,
        "conversion_rate": 0.2,
    }

    kind: Literal["licensing"]
    licensees: float = count(
        title="Active licensees",
        unit="licensees",
        description="Licensees running your program.",
        whole=True,
    )
    new_licensees_per_year: float = count(
        title="New licensees per year",
        description="Licensees signed in a year (at most the active ones).",
        whole=True,
    )
    upfront_fee: float = money(
        0.0,
        title="Upfront licence fee",
        unit="currency/licensee",
        description="Fee a new licensee pays at signing: franchise fees run 20-50k.",
    )
    royalty_rate: float = share(
        title="Royalty rate",
        description="Share of a licensee's revenue paid to you: franchise royalties average 6.7%.",
    )
    licensee_revenue_per_year: float = money(
        title="Revenue of one licensee",
        unit="currency/licensee/year",
        description="What one licensee earns from your program in a year.",
    )
    onboarding_hours_per_new_licensee: float = hours(
        0.0,
        title="Onboarding hours per new licensee",
        unit="h/licensee",
        description="Training and certifying one new licensee.",
    )
    support_hours_per_licensee: float = hours(
        0.0,
        title="Support hours per licensee",
        unit="h/licensee/year",
        description="Hours a year supporting one active licensee.",
    )
    clients_per_licensee_per_year: float = count(
        0.0,
        title="Clients per licensee per year",
        unit="clients/licensee/year",
        description=(
            "Clients one licensee serves with your program in a year: your reach through others, "
            "counted apart from your own client hours."
        ),
        whole=True,
    )
    legal_costs_per_year: float = money(
        0.0,
        title="Legal costs per year",
        unit="currency/year",
        description="Contracts, trademarks and specialist advice: a licence can legally become a franchise.",
    )

    def kind_delivery(self) -> formulas.Delivery:
        """The kind's formula (:func:`models.formulas.licensing_delivery`)."""
        return formulas.licensing_delivery(
            self.licensees,
            self.new_licensees_per_year,
            self.upfront_fee,
            self.royalty_rate,
            self.licensee_revenue_per_year,
            self.onboarding_hours_per_new_licensee,
            self.support_hours_per_licensee,
        )

    def with_count(self, count: float) -> Self:
        """The offer with ``count`` active licensees; new licensees a year keep the plan's
        proportion to the active ones."""
        share_new = self.new_licensees_per_year / self.licensees if self.licensees else 0.0
        return self.model_copy(
            update={"licensees": count, "new_licensees_per_year": count * share_new}
        )

    @model_validator(mode="after")
    def _new_licensees_within_active(self) -> Self:
        if self.new_licensees_per_year > self.licensees:
            raise ValueError(
                f"new licensees per year ({self.new_licensees_per_year:g}) cannot be more than "
                f"the active licensees ({self.licensees:g}) (new_licensees_per_year, licensees)"
            )
        at_start = self.schedule.licensees_at_start if self.schedule else 0.0
        if at_start > self.licensees:
            raise ValueError(
                f"active licensees at the start ({at_start:g}) cannot be more than the planned "
                f"active licensees ({self.licensees:g}) (schedule.licensees_at_start, licensees)"
            )
        return self


#: The fields schema version 2 added (docs/model.md): every one optional, with a default that
#: gives version 1's figures (``hourly_rate`` became optional with ``fee_per_contract``).
ADDED_IN_VERSION_2 = frozenset(
    {
        "max_delivery_hours_per_week",
        "assistant_hours_per_week",
        "assistant_cost_per_hour",
        "tax_rate",
        "leads_per_year",
        "conversion_rate",
        "bd_hours_per_lead",
        "marketing_cost_per_lead",
        "associate_share",
        "associate_cost_per_hour",
        "oversight_hours_per_associate_hour",
        "fee_per_contract",
        "completion_rate",
        "clients_per_licensee_per_year",
    }
)

#: Every kind's model, in the order the kinds are listed everywhere. A new kind is added here.
Offer = Annotated[
    OneToOne | Contract | GroupProgram | Mastermind | Retreat | OnlineProgram | Licensing,
    Field(discriminator="kind"),
]

#: Kind → its model class (read from :data:`Offer`).
OFFER_MODELS: dict[str, type[OfferBase]] = {
    typing.get_args(model.model_fields["kind"].annotation)[0]: model
    for model in typing.get_args(typing.get_args(Offer)[0])
}

#: Kind → the plain name a professional uses for it (each model's ``label``).
KIND_LABELS: dict[str, str] = {kind: model.label for kind, model in OFFER_MODELS.items()}

#: The kinds sold as groups, cohorts or retreats (each model's ``is_group``).
GROUP_KINDS = tuple(kind for kind, model in OFFER_MODELS.items() if model.is_group)


class Scenario(StrictModel):
    """A whole plan: the practitioner and their offers."""

    schema_version: Literal[2] = Field(
        2,
        title="Schema version",
        description="The version of this file format; files are upgraded when it changes.",
    )
    name: str = Field(
        ..., title="Scenario name", description="Shown in the app.", min_length=1, max_length=100
    )
    description: str = Field(
        "",
        title="Description",
        description="The story of the scenario and where its figures come from.",
        max_length=2000,
    )
    currency: str = Field(
        "USD",
        title="Currency",
        description="ISO 4217 code of the currency all money is in, such as USD, EUR or JPY.",
    )
    practitioner: Practitioner = Field(
        default_factory=Practitioner,
        title="Practitioner",
        description="Your working year.",
    )
    offers: list[Offer] = Field(
        default_factory=list,
        title="Offers",
        description="What you sell.",
        max_length=MAX_OFFERS,
    )

    @field_validator("name")
    @classmethod
    def _one_clean_line(cls, name: str) -> str:
        return _clean_text(name)

    @field_validator("description")
    @classmethod
    def _clean_paragraphs(cls, description: str) -> str:
        return _clean_text(description, paragraphs=True)

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, code: str) -> str:
        if code not in CURRENCY_CODES:
            raise ValueError(
                f'must be an ISO 4217 currency code such as USD, EUR or GBP, not "{excerpt(code, 12)}"'
            )
        return code

    @field_validator("offers")
    @classmethod
    def _unique_offer_names(cls, offers: list[OfferBase]) -> list[OfferBase]:
        duplicates = duplicate_names(offer.name for offer in offers)
        if duplicates:
            raise ValueError(duplicate_names_message(duplicates))
        return offers

    @property
    def enabled_offers(self) -> tuple[OfferBase, ...]:
        """The offers that count."""
        return tuple(offer for offer in self.offers if offer.enabled)


#: The fields about selling that every offer shares, in the order they are shown.
SALES_FIELDS: tuple[str, ...] = (
    "bd_hours_per_sale",
    "returning_share",
    "bd_hours_per_returning_sale",
    "admin_hours_per_sale",
    "cost_per_sale",
    "max_sales_per_year",
    "leads_per_year",
    "conversion_rate",
    "bd_hours_per_lead",
    "marketing_cost_per_lead",
    "schedule",
    "ranges",
)


def field_order(model: type[BaseModel]) -> list[str]:
    """The schema's field order for a model: version, kind, name and enabled first, then its own
    fields, then those it inherits, nearest class first, and the selling fields every offer
    shares last. Saved files and forms follow it."""
    leading = [
        name for name in ("schema_version", "kind", "name", "enabled") if name in model.model_fields
    ]
    trailing = [name for name in SALES_FIELDS if name in model.model_fields]
    ordered = list(leading)
    for cls in model.__mro__:
        for name in vars(cls).get("__annotations__", {}):
            if name in model.model_fields and name not in ordered and name not in trailing:
                ordered.append(name)
    return ordered + trailing


def _clean_text(text: str, *, paragraphs: bool = False) -> str:
    """``text`` unchanged, or a ValueError naming the control or direction character it holds."""
    problem = text_problem(text, paragraphs=paragraphs)
    if problem is not None:
        raise ValueError(problem)
    return text


def duplicate_names(names: Iterable[str]) -> list[list[str]]:
    """Offer names that count as the same name (:func:`models.text.name_key`: case, width and
    look-alike letters aside), each group as typed in first-seen order, groups in the order
    their first name appears."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name_key(name), []).append(name)
    return [group for group in groups.values() if len(group) > 1]


def duplicate_names_message(duplicates: list[list[str]]) -> str:
    """The plain-words problem for offer names used twice: ``used more than once: "Coaching"``,
    or for names that differ only in case or look-alike letters ``"Coaching" and "COACHING"
    count as the same name``."""
    parts = []
    for group in duplicates:
        spellings = list(dict.fromkeys(group))
        quoted = " and ".join(f'"{excerpt(name)}"' for name in spellings)
        parts.append(quoted if len(spellings) == 1 else f"{quoted} (the same name)")
    return f"must each have their own name; used more than once: {', '.join(parts)}"
