"""The leverage strategies in plain words (docs/model.md, the levers): what each lever does for an hour of
yours, where it stops scaling, and what bound its ceiling. The workshop reads them out, one
lever a step; the Scale page, the reports and the command line say what binds a ceiling.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from models.levers import ONLINE


@dataclass(frozen=True)
class Lever:
    """A leverage strategy: its name, what it does, and where it stops scaling."""

    title: str
    does: str
    stops: str


#: Offer kind (or :data:`ONLINE`) → the lever it pulls.
LEVERS: dict[str, Lever] = {
    "one_to_one": Lever(
        "Private 1:1 clients",
        "Every hour you sell is an hour you deliver, so this is the baseline every lever is "
        "measured against.",
        "It stops at your hours: the only ways up are a higher price or longer weeks.",
    ),
    "contract": Lever(
        "Contract work with larger organisations",
        "One sale to an organisation fills weeks of billable time, so each hour of business "
        "development buys far more delivery and less admin per billable hour.",
        "It still stops at your hours, and a contract big enough starts to feel like a job.",
    ),
    "group_program": Lever(
        "Group programs",
        "One delivery hour serves the whole group: each person pays less than a private "
        "client, but more people pay for the same hour.",
        "It stops at group size: past about 12 to 15 people nobody gets individual attention "
        "and it becomes an events or training business.",
    ),
    ONLINE: Lever(
        "Working online",
        "Sessions online take no travel hours and no travel or venue costs, and your clients "
        "can be anywhere.",
        "It is a modifier, not an offer: it frees the hours travel took and then stops.",
    ),
    "mastermind": Lever(
        "Masterminds",
        "Several members share each hour you facilitate, and a membership runs 6 to 12 "
        "months, so one hour of selling earns for months.",
        "It stops at the number of members a group can hold while each still gets the floor.",
    ),
    "retreat": Lever(
        "Retreats",
        "Client hours are packaged with a venue and activities, so each attendee pays far more "
        "than for the same hours of sessions.",
        "It stops at the size of the venue and the number of retreats you can hold in a year.",
    ),
    "online_program": Lever(
        "Online programs",
        "You create the program once, then mostly market it: delivery is partly or fully "
        "automated, so students are added with little of your time.",
        "It barely stops, but the more automated it is, the less each student pays.",
    ),
    "licensing": Lever(
        "Franchising and licensing",
        "Others run your program in their markets and pay you fees and royalties: you find "
        "licensees instead of clients.",
        "It stops at the number of licensees you can train and support.",
    ),
}


#: What stops a lever (:data:`models.scale.Bound`), in words: "bound by your hours".
BOUND_WORDS: dict[str, str] = {
    "time": "your hours",
    "energy": "your energy for client work",
    "market": "what the market will buy",
    "none": "nothing within the range looked at",
}


#: What stops an offer of the best mix growing (:data:`models.optimizer.BindingLimit`), in
#: words: the bounds of a ceiling, the count range, and None when more would not pay.
BINDING_WORDS: dict[str | None, str] = {
    "time": BOUND_WORDS["time"],
    "energy": BOUND_WORDS["energy"],
    "market": BOUND_WORDS["market"],
    "count range": "the most you allowed (the count range)",
    None: "more would not add net income",
}


def levers_in_words(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of :func:`models.tables.levers_table` with what binds each ceiling in words
    (``time`` becomes ``your hours``); its numbers stay numbers."""
    return table.assign(bound_by=table["bound_by"].map(BOUND_WORDS))
