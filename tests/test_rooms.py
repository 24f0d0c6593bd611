"""Workshop rooms in the model: field paths, the fields a room opens, and a participant's plan
checked against them."""

from models.rooms import RoomField, check_submission, parse_field_path, room_fields
from models.schema import Mastermind, Practitioner, Scenario
from tests.factories import MASTERMIND_COACH, coaching

#: Two offers: coaching (10 clients at 5,000) first, a mastermind (8 members at 800 a month)
#: second.
CIRCLE = Mastermind.model_validate(MASTERMIND_COACH["offers"][0] | {"name": "Circle"})
START = Scenario(
    name="Tuesday start",
    practitioner=Practitioner(hours_per_week=40),
    offers=[coaching(), CIRCLE],
)
#: The room opens the coaching price, the mastermind's members and the working week.
OPENED = (
    "offers[0].price_per_client",
    "offers[1].members_per_cohort",
    "practitioner.hours_per_week",
)


def changed(offer: int | None = None, **fields: object) -> Scenario:
    """START with ``fields`` changed in the offer at ``offer``, or in the practitioner."""
    if offer is None:
        practitioner = START.practitioner.model_copy(update=fields)
        return START.model_copy(update={"practitioner": practitioner})
    offers = list(START.offers)
    offers[offer] = offers[offer].model_copy(update=fields)
    return START.model_copy(update={"offers": offers})


def test_a_field_path_names_an_offer_by_its_place_or_the_practitioner():
    assert parse_field_path("offers[1].members_per_cohort") == RoomField(1, "members_per_cohort")
    assert parse_field_path("practitioner.hours_per_week") == RoomField(None, "hours_per_week")
    assert RoomField(0, "price_per_client").path == "offers[0].price_per_client"
    assert RoomField(None, "tax_rate").path == "practitioner.tax_rate"
    for damaged in ("offers[a].clients", "offers[0]", "practitioner", "clients", "offers[0].x.y"):
        assert parse_field_path(damaged) is None


def test_the_room_keeps_only_fields_its_scenario_has_practitioner_first():
    fields = room_fields(
        START,
        (
            "offers[1].members_per_cohort",
            "offers[0].price_per_client",
            "practitioner.hours_per_week",
            "offers[0].price_per_client",  # twice
            "offers[2].clients",  # no third offer
            "offers[1].clients",  # a mastermind has no clients field
            "offers[0].name",  # never opened: offers are matched by name
            "offers[0].kind",
            "the price",  # not a path
        ),
    )
    assert fields == (
        RoomField(None, "hours_per_week"),
        RoomField(0, "price_per_client"),
        RoomField(1, "members_per_cohort"),
    )


def test_a_change_to_an_opened_field_is_accepted_and_listed():
    check = check_submission(START, changed(0, price_per_client=6000), OPENED)
    assert check.accepted
    [change] = check.changes
    assert (change.where, change.field, change.old, change.new) == (
        'offer "Coaching"',
        "price_per_client",
        5000,
        6000,
    )
    assert check.refusals() == ()


def test_an_unchanged_plan_is_accepted_with_no_changes():
    check = check_submission(START, START, OPENED)
    assert check.accepted
    assert check.changes == ()


def test_a_change_outside_the_opened_fields_is_refused_naming_the_offer_and_the_field():
    # the price (opened) and the clients (not) of the coaching: 10 → 12 is refused
    plan = changed(0, price_per_client=6000, clients=12)
    check = check_submission(START, plan, OPENED)
    assert not check.accepted
    assert len(check.changes) == 2
    assert check.refusals() == (
        "Not open to change in this room: “Coaching”: Clients per year: 10 → 12",
    )


def test_an_opened_field_of_another_offer_does_not_open_the_same_field_here():
    # members per cohort is opened on the mastermind (offers[1]) only: price_per_client of
    # offers[0] is opened, but the mastermind's fee is not
    check = check_submission(START, changed(1, fee_per_member_per_month=900), OPENED)
    assert check.refusals() == (
        "Not open to change in this room: “Circle”: Fee per member per month: 800 → 900",
    )
    assert check_submission(START, changed(1, members_per_cohort=10), OPENED).accepted


def test_the_practitioner_opened_field_is_accepted_and_the_others_refused():
    assert check_submission(START, changed(None, hours_per_week=30), OPENED).accepted
    refused = check_submission(START, changed(None, fixed_costs_per_year=9000), OPENED)
    assert [change.field for change in refused.refused] == ["fixed_costs_per_year"]


def test_the_scenario_name_and_a_renamed_or_removed_offer_are_refused():
    renamed = check_submission(START, START.model_copy(update={"name": "Mine"}), OPENED)
    assert renamed.refusals() == (
        'Not open to change in this room: Scenario name: "Tuesday start" → "Mine"',
    )
    # renaming the mastermind reads as one offer removed and another added: both refused
    other_name = changed(1, name="My circle")
    assert len(check_submission(START, other_name, OPENED).refused) == 2
    removed = START.model_copy(update={"offers": [START.offers[0]]})
    assert check_submission(START, removed, OPENED).refusals() == (
        "Not open to change in this room: Removed “Circle” (mastermind)",
    )


def test_a_room_that_opens_nothing_refuses_every_change():
    assert not check_submission(START, changed(0, price_per_client=6000), ()).accepted
