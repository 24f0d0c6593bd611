"""User text shown as text: what a person typed, or a stranger's file holds, never becomes Markdown.

Streamlit renders Markdown in nearly everything it draws: ``st.title``, ``st.error``
and the other alerts, ``st.caption``, ``st.metric`` labels, expander and tab labels,
widget labels, button labels and ``help`` tooltips. A scenario's name, description or
offer names, a file's name, and an error message that echoes them come from
whoever wrote the file, so ``[Verify your account](https://…)`` would become a live
link and ``![x](http://…/pixel.png)`` a remote image that tells a stranger the file
was opened. Streamlit has no plain-text mode for these, so every such text goes
through :func:`plain` (or :func:`plain_paragraphs`), which escapes every ASCII
punctuation character: CommonMark lets any of them be backslash-escaped and then
shows it as written, so no link, image, emphasis, heading, list, table, code, maths
(``$``) or colour directive (``:red[…]``) can form. GitHub's autolinks are made after
the escapes are read (a bare ``https://…``, ``www.…`` or ``name@host``), so a WORD
JOINER (U+2060, invisible, no width) goes after ``http``/``https``/``www`` and after
``@``: the text reads the same and no link forms. Text the app writes itself needs
none of this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Every ASCII punctuation character, each of which Markdown may read as syntax.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
#: Spaces and tabs at the start of a line, which Markdown reads as a code block.
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
#: Where GitHub-flavoured Markdown would start an autolink: a scheme, ``www.`` or an e-mail's ``@``.
_AUTOLINK_START = re.compile(r"(?i)(https?(?=:)|www(?=\.)|@)")
#: Invisible and without width: it splits an autolink's start without changing the text read.
WORD_JOINER = "\u2060"
#: Line ends in any of their forms.
_LINE_END = re.compile(r"\r\n|\r|\n")


def _escaped(text: str) -> str:
    unlinked = _AUTOLINK_START.sub(lambda match: match.group() + WORD_JOINER, text)
    escaped = _PUNCTUATION.sub(r"\\\1", unlinked)
    return _INDENT.sub(lambda match: "\u00a0" * len(match.group()), escaped)


def plain(text: object) -> str:
    """``text`` as Markdown that Streamlit shows exactly as written, on one line.

    Line ends become spaces: a name or a message in a label or an alert stays one line.
    """
    return _escaped(" ".join(_LINE_END.split(str(text))))


def plain_paragraphs(text: object) -> str:
    """``text`` as Markdown that keeps its paragraphs (blank lines) and line breaks, nothing else.

    For a description and for messages that list problems one a line.
    """
    paragraphs = re.split(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*", str(text).strip())
    return "\n\n".join(
        "  \n".join(_escaped(line) for line in _LINE_END.split(paragraph))
        for paragraph in paragraphs
    )


def bullet_list(items: Iterable[object]) -> str:
    """Markdown bullets, one an item, each item shown as written."""
    return "\n".join(f"- {plain(item)}" for item in items)


#: The icon of a warning or a problem: a Material icon, drawn by the browser from Streamlit's
#: own font. An emoji icon ("⚠️") makes the server import Streamlit's table of every emoji
#: (one huge regular expression) at its first warning: hundreds of milliseconds of a first load.
WARNING_ICON = ":material/warning:"
