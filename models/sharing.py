"""A scenario carried whole in a link: compressed, URL-safe, checked on the way back.

The token is the scenario's saved document as compact JSON, compressed with
zlib and written in URL-safe base64 without padding. Decoding refuses a token
longer than :data:`MAX_TOKEN_CHARACTERS` (the longest the app ever makes) before
decoding it, and a document that would inflate past :data:`MAX_LINK_DOCUMENT_BYTES`
(the largest valid scenario; a zip bomb stops there), then validates like any
scenario file.

The limits, worked out: the largest valid scenario (30 offers of the kind with most
fields, every figure a 23-character float with a range, every text at its limit in
4-byte characters) is 107,996 bytes of compact JSON; ``tests/hostile`` rebuilds that
bound from the schema. Even compressed, its token would be far over 16,000 characters,
so :func:`encode_scenario` refuses it (share the file instead), and no link the app makes
is longer than :data:`MAX_TOKEN_CHARACTERS`.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib

from models.errors import Problem, ScenarioError
from models.files import LoadedScenario, read_scenario, scenario_to_document
from models.schema import Scenario

#: Query parameter that carries the scenario.
LINK_PARAMETER = "scenario"

#: Longest token accepted. Streamlit's server refuses query strings past about
#: 64 KB, and browsers and chat apps cut long links well before that. [characters]
MAX_TOKEN_CHARACTERS = 16_000

#: The largest document a link may inflate to: above the largest valid scenario's compact
#: JSON (107,996 bytes, see the module's docstring). [bytes]
MAX_LINK_DOCUMENT_BYTES = 120 * 1024

_DAMAGED = "the link is damaged or incomplete; ask for it again, or for the scenario file"


def encode_scenario(scenario: Scenario) -> str:
    """The scenario as a URL-safe token.

    Raises
    ------
    ValueError
        When the token would be longer than MAX_TOKEN_CHARACTERS: share the file instead.
    """
    document = json.dumps(scenario_to_document(scenario), separators=(",", ":"), ensure_ascii=False)
    compressed = zlib.compress(document.encode("utf-8"), level=9)
    token = base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")
    if len(token) > MAX_TOKEN_CHARACTERS:
        raise ValueError(
            f"this scenario is too large to share as a link ({len(token):,} characters, "
            f"at most {MAX_TOKEN_CHARACTERS:,}); download the file and send that instead"
        )
    return token


def decode_scenario(token: str) -> Scenario:
    """The scenario a token carries (:func:`read_link` without the version it was saved in).

    Raises
    ------
    ScenarioError
        When the link is too long, damaged, or carries an invalid scenario.
    """
    return read_link(token).scenario


def read_link(token: str) -> LoadedScenario:
    """The scenario a token carries, with the schema version it was made with: a link made
    by an earlier version is upgraded like a file.

    Raises
    ------
    ScenarioError
        When the link is too long, damaged, or carries an invalid scenario.
    """
    if len(token) > MAX_TOKEN_CHARACTERS:
        message = (
            f"the link is {len(token):,} characters long, longer than any link Leverage Planner "
            f"makes ({MAX_TOKEN_CHARACTERS:,}); ask for the scenario file instead"
        )
        raise ScenarioError([Problem("", message)], "The link")
    try:
        compressed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        document = inflater.decompress(compressed, MAX_LINK_DOCUMENT_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise ScenarioError([Problem("", _DAMAGED)], "The link") from None
    if len(document) > MAX_LINK_DOCUMENT_BYTES or inflater.unconsumed_tail:
        message = (
            f"the link's scenario is larger than any valid scenario "
            f"({MAX_LINK_DOCUMENT_BYTES // 1024} KiB); ask for the scenario file instead"
        )
        raise ScenarioError([Problem("", message)], "The link")
    if not inflater.eof:
        raise ScenarioError([Problem("", _DAMAGED)], "The link")
    return read_scenario(document, source_name="The link")
