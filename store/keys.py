"""Unguessable keys: the capabilities that reach a library, a room or a shared copy.

There are no accounts. Whoever holds a key can use what it opens, so each key is 128
bits from the operating system's random source (:func:`secrets.token_urlsafe`), written
in 22 URL-safe characters. Keys that grant a right (a library, a facilitator's room) are
stored only as their SHA-256 digest, so that a copy of the database does not hand them
out; a participant's room key and a shared copy's id are shown on screens and projectors
by design, and are stored as they are.
"""

from __future__ import annotations

import hashlib
import re
import secrets

#: Randomness in every key. [bytes] (16 bytes = 128 bits)
KEY_BYTES = 16

#: What a key looks like: 22 characters of URL-safe base64.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{22}")


def new_key() -> str:
    """A fresh key: 128 random bits as 22 URL-safe characters."""
    return secrets.token_urlsafe(KEY_BYTES)


def is_key(text: str) -> bool:
    """Whether ``text`` has a key's shape (checked before any database lookup)."""
    return KEY_PATTERN.fullmatch(text) is not None


def digest(key: str) -> str:
    """The key's SHA-256 digest as 64 hex characters: what the database keeps of it."""
    return hashlib.sha256(key.encode("ascii")).hexdigest()
