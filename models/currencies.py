"""ISO 4217 currency codes, taken from the Unicode CLDR data that babel ships."""

from babel.numbers import list_currencies

#: Every ISO 4217 code CLDR knows, including those without minor units (JPY, IDR …).
CURRENCY_CODES: frozenset[str] = frozenset(list_currencies())
