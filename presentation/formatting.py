"""Numbers as people read them: money in the scenario's currency, hours, shares.

Money goes through babel (Unicode CLDR), so symbols, separators and decimals
follow the currency: ``$12,500``, ``€12,500``, ``¥1,250,000`` (no decimals),
``IDR 15,000,000``. The command line, the app and the reports all format here.
"""

from __future__ import annotations

import re

from babel.core import get_global
from babel.numbers import (
    format_compact_currency,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

DEFAULT_LOCALE = "en_US"

#: From this amount on, :func:`format_money_short` abbreviates (1.2M). [currency]
COMPACT_FROM = 1_000_000


def decimals_in_use(currency: str) -> int:
    """Decimals people write for the currency: CLDR's cash digits (IDR and HUF 0, JPY 0, USD 2)."""
    fractions = get_global("currency_fractions")
    digits = fractions.get(currency) or fractions["DEFAULT"]
    return int(digits[2])


def _spaced(text: str, currency: str, locale: str) -> str:
    """``IDR 15,000`` rather than ``IDR15,000`` where the symbol is a code made of letters."""
    symbol = get_currency_symbol(currency, locale=locale)
    if symbol.isalpha() and len(symbol) > 1:
        return text.replace(symbol, symbol + "\u00a0", 1)
    return text


def format_money(
    amount: float, currency: str, locale: str = DEFAULT_LOCALE, *, cents: bool = False
) -> str:
    """An amount with its currency symbol: whole units, or with ``cents`` the decimals in use."""
    decimals = decimals_in_use(currency) if cents else 0
    pattern = "¤#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_currency(
        round(amount, decimals), currency, locale=locale, format=pattern, currency_digits=False
    )
    return _spaced(text, currency, locale)


def format_money_short(amount: float, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """Money for a headline: full below a million, abbreviated above (``$1.2M``)."""
    if abs(amount) >= COMPACT_FROM:
        text = format_compact_currency(amount, currency, locale=locale, fraction_digits=1)
        return _spaced(text, currency, locale)
    return format_money(amount, currency, locale)


def format_hours(hours: float, locale: str = DEFAULT_LOCALE) -> str:
    """Hours rounded to whole hours with separators: ``1,840 h``."""
    return f"{format_decimal(round(hours), locale=locale)} h"


def format_plain_number(value: float, locale: str = DEFAULT_LOCALE) -> str:
    """A number as a person writes it, up to two decimals and none when whole: ``60``,
    ``1.5``, ``0.75``, ``1,250``."""
    return format_decimal(value, locale=locale, format="#,##0.##")


def format_count(count: float, words: str = "", locale: str = DEFAULT_LOCALE) -> str:
    """A count of people or things, with its words: ``12 members per cohort``, ``1,200
    students per year``; an average a file holds keeps up to two decimals (``11.67``)."""
    number = format_plain_number(round(count, 2) + 0.0, locale)  # + 0.0: no "-0"
    return f"{number} {words}" if words else number


def format_share(share: float | None, locale: str = DEFAULT_LOCALE) -> str:
    """A share as a percentage, or an em dash when undefined."""
    if share is None:
        return "—"
    return format_percent(share, locale=locale, format="#,##0%")


def format_ratio(value: float | None, locale: str = DEFAULT_LOCALE) -> str:
    """A ratio with one decimal (``3.2×``), or an em dash when undefined."""
    if value is None:
        return "—"
    return f"{format_decimal(value, locale=locale, format='#,##0.0')}×"


def format_figure(
    value: float | None, unit: str, currency: str, locale: str = DEFAULT_LOCALE
) -> str:
    """A figure by its unit: money (``currency/…``), hours (``h/…``), a share (``0-1``),
    a ratio (``-``) or a count; an em dash when undefined."""
    if value is None:
        return "—"
    if unit.startswith("currency"):
        suffix = "/h" if unit.endswith("/h") else ""
        return format_money(value, currency, locale) + suffix
    if unit.startswith("h"):
        return format_hours(value, locale)
    if unit == "0-1":
        return format_share(value, locale)
    if unit == "-":
        return format_ratio(value, locale)
    return format_decimal(round(value, 1), locale=locale)


def _shows_zero(text: str) -> bool:
    """Whether a formatted figure reads as nought (``$0``, ``0.0×``, ``0 h``)."""
    return not any(character in "123456789" for character in text)


def format_change(
    value: float | None, unit: str, currency: str, locale: str = DEFAULT_LOCALE
) -> str:
    """A difference with its sign: ``+$7,760``, ``-272 h``, ``+0.4×``; shares in points.

    A difference that rounds to nothing at the figure's precision is no change and says
    so with ``±`` (``±0.0×``, ``±$0``), never a signed zero such as ``-0.0×``.
    """
    if value is None:
        return "—"
    if unit == "0-1":
        magnitude = f"{format_decimal(abs(value) * 100, locale=locale, format='#,##0.0')} points"
    else:
        magnitude = format_figure(abs(value), unit, currency, locale)
    return with_sign(value, magnitude)


#: The sign of a change that rounds to nothing at the figure's precision.
NO_CHANGE_SIGN = "±"


def with_sign(value: float, magnitude: str) -> str:
    """``magnitude`` (the formatted size of ``value``) with the sign of ``value``: ``+``,
    ``-`` (ASCII, which ``st.metric`` reads as a fall), or ``±`` when it reads as nought.

    The one rule for every change the app, reports and command line show.

    Notes: ``with_sign(-0.04, "0.0×")`` is ``±0.0×``; ``with_sign(-272, "272 h")`` is ``-272 h``.
    """
    if _shows_zero(magnitude):
        return f"{NO_CHANGE_SIGN}{magnitude}"
    return ("+" if value > 0 else "-") + magnitude


def reads_as_no_change(change: str) -> bool:
    """Whether a change worded by :func:`with_sign` reads as nought (``±0.0×``, ``±$0``)."""
    return change.startswith(NO_CHANGE_SIGN)


def format_signed_number(
    value: float, decimals: int = 0, suffix: str = "", locale: str = DEFAULT_LOCALE
) -> str:
    """A change in plain numbers with its sign (:func:`with_sign`): ``+1,240 h``, ``±0.0 h``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return with_sign(value, format_decimal(abs(value), locale=locale, format=pattern) + suffix)


def format_change_with_percent(
    value: float | None,
    percent: float | None,
    unit: str,
    currency: str,
    locale: str = DEFAULT_LOCALE,
) -> str:
    """A difference and, when it shows as one, its relative size: ``-0.1× (-7.0%)``.

    ``percent`` is the change as a fraction of the baseline [0-1 scale, may exceed 1]. A
    difference that shows as no change (``±0.0×``) leaves the percentage out, so the two
    never disagree.
    """
    change = format_change(value, unit, currency, locale)
    if percent is None or change.startswith("±"):
        return change
    size = format_decimal(abs(percent) * 100, locale=locale, format="#,##0.0")
    return f"{change} ({with_sign(percent, size + '%')})"


# Typing figures in: shares as percentages, money with the currency's grouping.


def percent_of_share(share: float) -> float:
    """A share [0-1] as the percentage a person types [%]: 0.35 → 35 (not 35.00000000000001)."""
    return round(share * 100, 9)


def share_of_percent(percent: float) -> float:
    """A typed percentage [%] as the share stored in the scenario [0-1]: 35 → 0.35."""
    return round(percent / 100, 11)


def format_amount(amount: float, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """An amount as a money box shows it: the currency's grouping, no symbol, and decimals only
    when it has some the currency uses (``12,000``, ``12,000.50``; yen and rupiah never).

    Notes: ``format_amount(12000.5, "USD")`` is ``12,000.50``; ``(12000.0, "USD")`` ``12,000``.
    """
    decimals = decimals_in_use(currency)
    rounded = round(amount, decimals)
    shown_decimals = decimals if rounded != round(rounded) else 0
    pattern = "#,##0" + ("." + "0" * shown_decimals if shown_decimals else "")
    return format_decimal(rounded, locale=locale, format=pattern)


class AmountError(ValueError):
    """Typed text that is not an amount of money; the message says why in plain words."""


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_PLAIN = re.compile(r"\d+(\.\d+)?|\.\d+")


def parse_amount(text: str, currency: str, locale: str = DEFAULT_LOCALE) -> float:
    """The amount a person typed: ``12,000``, ``12000``, ``12 000``, ``$12,000``, ``USD 12,000``
    or ``12000.50`` (where the currency has cents). [currency]

    Raises :class:`AmountError` saying what is wrong (not a number, below zero, decimals the
    currency does not have).
    """
    typed = text.strip()
    if not typed:
        raise AmountError(
            f"the box is empty: type an amount, such as {format_amount(12000, currency, locale)}."
        )
    cleaned = typed
    for mark in (get_currency_symbol(currency, locale=locale), currency, currency.lower()):
        cleaned = cleaned.replace(mark, "")
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", cleaned)
    if cleaned.startswith(("-", "−")) and (
        _PLAIN.fullmatch(cleaned[1:]) or _GROUPED.fullmatch(cleaned[1:])
    ):
        raise AmountError(f"“{typed}” is below zero; an amount here is 0 or more.")
    if not (_PLAIN.fullmatch(cleaned) or _GROUPED.fullmatch(cleaned)):
        raise AmountError(
            f"“{typed}” is not an amount: type it in figures, such as "
            f"{format_amount(12000, currency, locale)}."
        )
    whole, _, fraction = cleaned.replace(",", "").partition(".")
    decimals = decimals_in_use(currency)
    if len(fraction.rstrip("0")) > decimals:
        allowed = "no decimals" if decimals == 0 else f"at most {decimals} decimals"
        raise AmountError(
            f"“{typed}” has more decimals than it can: {currency} amounts have {allowed}."
        )
    return float(f"{whole or 0}.{fraction or 0}")
