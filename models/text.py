"""Text a person typed, made safe to keep, echo, compare and export.

A scenario's free text (its name, description and offer names) travels: into
charts drawn by a JavaScript engine, terminals, spreadsheets, file names and error
messages. This module holds the one set of rules for it:

- :func:`unsafe_character` finds what a text field refuses: control characters
  (C0, DEL, C1), Unicode direction overrides and isolates (the "Trojan Source"
  characters U+202A-U+202E and U+2066-U+2069), unpaired surrogates, Unicode's
  noncharacters (U+FFFE, U+FFFF …: the chart engine aborts on them), and in a
  one-line field the line and paragraph separators U+2028/U+2029. A description
  may keep line breaks and tabs.
- :func:`excerpt` is how any value a person typed is echoed: cut to a short
  excerpt, with every such character shown as a visible escape (``\\u001b``).
- :func:`terminal_safe` is the same neutralisation for whole lines the command
  line prints (line breaks and tabs kept).
- :func:`name_key` folds an offer name for duplicate detection: Unicode NFKC,
  case folding, invisible format characters and repeated spaces dropped, and the
  common Cyrillic and Greek letters that look like Latin ones mapped to them.
- :func:`neutralise_formula` keeps a spreadsheet from reading a text cell as a
  formula (OWASP's "CSV injection" advice: prefix a single quote).
"""

from __future__ import annotations

import re
import unicodedata

#: Longest excerpt of a value echoed in a message. [characters]
EXCERPT_CHARACTERS = 40

#: The names people know the C0 control characters by (and DEL).
_CONTROL_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]

#: Direction embeddings, overrides and isolates: they reorder how text is shown.
DIRECTION_CHARACTERS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Unicode's 66 noncharacters: U+FDD0-U+FDEF and the last two code points of every plane
#: (U+FFFE, U+FFFF …). XML, and so the charts' SVG, cannot hold U+FFFE or U+FFFF: the chart
#: engine aborts the whole process on them.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)

#: Characters a one-line text refuses, as a character class: C0 and C1 controls, DEL,
#: direction characters, line and paragraph separators, surrogates and noncharacters.
_UNSAFE = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff{_NONCHARACTERS}]"
)

#: The same, keeping line breaks and tabs (a description's paragraphs).
_UNSAFE_IN_PARAGRAPHS = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff{_NONCHARACTERS}]"
)

#: Cells a spreadsheet reads as a formula or command when they begin with one of these.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def character_words(character: str) -> str:
    """Plain words for a refused character: ``a control character (ESC)``,
    ``a direction override (U+202E)``."""
    code = ord(character)
    if code < 0x20:
        return f"a control character ({_CONTROL_NAMES[code]})"
    if code == 0x7F:
        return "a control character (DEL)"
    if 0x80 <= code <= 0x9F:
        return f"a control character (U+{code:04X})"
    if character in DIRECTION_CHARACTERS:
        return f"a direction override (U+{code:04X})"
    if character in "\u2028\u2029":
        return f"a line separator (U+{code:04X})"
    if 0xD800 <= code <= 0xDFFF:
        return f"an unpaired surrogate (U+{code:04X})"
    return f"a noncharacter (U+{code:04X})"


def unsafe_character(text: str, *, paragraphs: bool = False) -> str | None:
    """The first character ``text`` may not hold, or None when it is clean.

    ``paragraphs`` allows line breaks (LF) and tabs, as a description has.
    """
    match = (_UNSAFE_IN_PARAGRAPHS if paragraphs else _UNSAFE).search(text)
    return match.group() if match else None


def text_problem(text: str, *, paragraphs: bool = False) -> str | None:
    """The problem of a text field in plain words, or None: ``contains a control character
    (ESC); remove it``."""
    character = unsafe_character(text, paragraphs=paragraphs)
    if character is None:
        return None
    return f"contains {character_words(character)}; remove it"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str, *, paragraphs: bool = False) -> str:
    """``text`` with every refused character written as an escape (``\\u001b``), so that
    printing it neither moves a terminal's cursor nor reorders the line."""
    return (_UNSAFE_IN_PARAGRAPHS if paragraphs else _UNSAFE).sub(_visible, text)


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """A short, harmless echo of a value a person typed: at most ``limit`` characters of it
    (then ``…``), with refused characters visible as escapes."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return visible(cut)


def terminal_safe(text: str) -> str:
    """A line (or lines) for a terminal: escapes and direction characters made visible,
    line breaks and tabs kept."""
    return visible(text, paragraphs=True)


#: Cyrillic and Greek letters (lower case, after case folding) that look like Latin ones.
#: Capitals fold to these first, so ``Р`` (Cyrillic) and ``P`` both become ``p``.
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "һ": "h",
        "н": "h",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "о": "o",
        "р": "p",
        "с": "c",
        "ѕ": "s",
        "т": "t",
        "у": "y",
        "х": "x",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "ζ": "z",
        "η": "h",
        "ι": "i",
        "κ": "k",
        "μ": "m",
        "ν": "n",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "y",
        "χ": "x",
    }
)


def name_key(name: str) -> str:
    """What two offer names must differ in to count as different names.

    Notes
    -----
    NFKC (fullwidth ``Ｃｏａｃｈ`` is ``Coach``), then case folding (``COACHING`` is
    ``coaching``), then invisible format characters (zero-width space, soft hyphen …)
    dropped and runs of spaces made one, then the look-alike letters above mapped to Latin
    (Cyrillic ``Соасhing`` is ``coaching``). The fold is for comparison only: a name is kept
    as typed.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    visible_only = "".join(
        character for character in folded if unicodedata.category(character) != "Cf"
    )
    return " ".join(visible_only.split()).translate(_LOOK_ALIKES)


def neutralise_formula(text: str) -> str:
    """Text for a spreadsheet cell that no spreadsheet runs as a formula.

    Notes
    -----
    OWASP's advice on CSV injection: a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return gets a leading single quote, so ``=1+1`` is written ``'=1+1``
    and shown as text. Other text is returned unchanged.
    """
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
