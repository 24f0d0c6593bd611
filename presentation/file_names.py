"""One rule for the names of the files the planner writes: every download in the app and the
command line's default outputs.

The scenario's name is kept as the person wrote it ("Coach 10 clients + mastermind.yaml"),
with only what some operating system cannot take removed: the characters ``/ \\ : * ? " < > |``,
control and direction characters; runs of spaces become one, leading dots and dashes go (no
hidden file, nothing a command line reads as an option), trailing dots and spaces go (Windows
drops them), the name is capped at :data:`MAX_NAME_CHARACTERS`, a Windows device name
(``CON``, ``NUL`` …) gets "Scenario-" before it, and an empty name becomes "Scenario".
"""

from __future__ import annotations

import unicodedata

#: Characters no file name may hold on one system or another (Windows' list; ``/`` everywhere).
FORBIDDEN_CHARACTERS = frozenset('/\\:*?"<>|')

#: The longest name kept before the detail and the extension. [characters]
MAX_NAME_CHARACTERS = 80

#: The name used when nothing of the scenario's name is left.
DEFAULT_NAME = "Scenario"

#: Names Windows keeps for devices, whatever the extension: ``CON.yaml`` cannot be saved.
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)]
)


def _kept(character: str) -> bool:
    """Whether a character may stay in a file name: not forbidden, not a control, format
    (direction marks), surrogate or unassigned character."""
    return character not in FORBIDDEN_CHARACTERS and unicodedata.category(character)[0] != "C"


def safe_name(text: str, limit: int = MAX_NAME_CHARACTERS) -> str:
    """The part of ``text`` every operating system takes as a file name, or "" when nothing is
    left. Notes: ``"../../etc/passwd"`` → ``"etc passwd"``; ``"Coach: plan?"`` → ``"Coach plan"``."""
    kept = "".join(character if _kept(character) else " " for character in text)
    words = " ".join(kept.split())
    return words.lstrip(" .-")[:limit].rstrip(" .")


def download_name(scenario_name: str, extension: str, detail: str = "") -> str:
    """The file name of a download: the scenario's name made safe, `` - detail`` when the file
    is one part of it (``offers``, ``hours``), and the extension (``yaml`` or ``.yaml``).

    Notes
    -----
    ``download_name("Coach 10 clients + mastermind", "yaml")`` →
    ``"Coach 10 clients + mastermind.yaml"``; ``download_name("Coach", "png", "hours")`` →
    ``"Coach - hours.png"``; ``download_name("", "csv")`` → ``"Scenario.csv"``.
    """
    stem = safe_name(scenario_name) or DEFAULT_NAME
    if stem.split(".")[0].strip().upper() in _DEVICE_NAMES:
        stem = f"{DEFAULT_NAME}-{stem}"
    part = safe_name(detail)
    if part:
        stem = f"{stem} - {part}"
    suffix = safe_name(extension.lstrip("."), 10)
    return f"{stem}.{suffix}" if suffix else stem
