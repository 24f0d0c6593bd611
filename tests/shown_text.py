"""What a person reads in an element whose Markdown the app escaped (``app.plain_text``).

AppTest gives an element's Markdown source; ``shown`` removes the backslash escapes and
the hard line breaks, as Streamlit's renderer does, so a test can look for a message.
"""

from __future__ import annotations

import re


def shown(markdown: str) -> str:
    """The text of escaped Markdown: ``a\\.b  \\nc`` → ``a.b\\nc``, word joiners left out."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("  \n", "\n")
    return text.replace("\u2060", "")
