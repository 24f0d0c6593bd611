"""ISO 4217 currency codes, as listed by the Unicode CLDR data that Babel ships.

They are stored as data (``currency_codes.txt``, one a line) so that reading a scenario need
not import Babel and unpickle its CLDR data, about a tenth of the command line's own start
(docs/performance.md). ``make docs`` writes them again from Babel; a test keeps the two the same.
"""

from pathlib import Path

CURRENCY_CODES_FILE = Path(__file__).with_name("currency_codes.txt")

#: Every ISO 4217 code CLDR knows, including those without minor units (JPY, IDR …).
CURRENCY_CODES: frozenset[str] = frozenset(CURRENCY_CODES_FILE.read_text(encoding="ascii").split())


def write_currency_codes() -> None:
    """Store Babel's list of currency codes in :data:`CURRENCY_CODES_FILE`, sorted, one a line."""
    from babel.numbers import list_currencies

    codes = "".join(f"{code}\n" for code in sorted(list_currencies()))
    CURRENCY_CODES_FILE.write_text(codes, encoding="ascii")
