"""The leverage strategies as codes (docs/model.md, the levers): each offer kind is a lever, and so is
moving live offers online.

Their plain words (what a lever does, where it stops) are :data:`presentation.levers.LEVERS`.
"""

from __future__ import annotations

#: The lever of moving live offers online: a modifier of an offer, not an offer of its own.
ONLINE = "online"
