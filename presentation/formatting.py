"""Numbers as people read them: money in the scenario's currency, hours, shares.

Money goes through babel (Unicode CLDR), so symbols, separators and decimals
follow the currency: ``$12,500``, ``€12,500``, ``¥1,250,000`` (no decimals),
``IDR 15,000,000``. The command line, the app and the reports all format here.
"""

from __future__ import annotations

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


def format_count(count: float, words: str = "", locale: str = DEFAULT_LOCALE) -> str:
    """A count of people or things, with its words: ``12 members per cohort``, ``1,200
    students per year``; an average a file holds keeps up to two decimals (``11.67``)."""
    number = format_decimal(round(count, 2) + 0.0, locale=locale, format="#,##0.##")  # no "-0"
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


def format_change(
    value: float | None, unit: str, currency: str, locale: str = DEFAULT_LOCALE
) -> str:
    """A difference with its sign: ``+$7,760``, ``-272 h``, ``+0.4×``; shares in points."""
    if value is None:
        return "—"
    sign = "+" if value >= 0 else "-"
    if unit == "0-1":
        return f"{sign}{abs(value) * 100:,.1f} points"
    return sign + format_figure(abs(value), unit, currency, locale)
