"""A participant's workshop room through Streamlit's AppTest: the room link opens the room's
plan with only the opened fields, the figures follow an edit, Send keeps the plan at the
participant's seat (the latest counts), and every bad link, bad figure or database outage
is said in words with the numbers kept on the page."""

import re
import shlex
import subprocess
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from app.plain_text import plain
from app.room_participant import (
    DAMAGED_SEAT,
    NEW_SEAT,
    NOT_SENT_INVALID,
    NOT_SENT_UNAVAILABLE,
    ROOM_UNREACHABLE,
)
from app.state import (
    ROOM_DISPLAY_NAME,
    ROOM_PARAMETER,
    ROOM_PLAN,
    ROOM_SUBMIT,
    ROOM_TRY_AGAIN,
    SEAT_PARAMETER,
)
from app.storage import open_store
from models.examples import load_example
from store import Store
from store.database import DATABASE_URL_VARIABLE
from store.errors import StoreNotFound
from store.keys import is_key, new_key
from tests.database_server import _as_server_user, postgresql_programs, postgresql_server
from tests.shown_text import shown

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
#: Coaching first (16 clients at 6,000), a mastermind second (8 members at 800 a month).
START = load_example("coach-mastermind-retreat")
#: The coaching price (a money box), the mastermind's members and the working week.
OPENED = (
    "offers[0].price_per_client",
    "offers[1].members_per_cohort",
    "practitioner.hours_per_week",
)
PRICE = "room_field_offer_0_price_per_client"
MEMBERS = "room_field_offer_1_members_per_cohort"
WEEK = "room_field_practitioner_hours_per_week"


@pytest.fixture(scope="module")
def store():
    opened = Store()
    yield opened
    opened.close()


@pytest.fixture
def keys(store):
    return store.rooms.open("Tuesday workshop", START, OPENED)


def participant(room_key, seat=None):
    """A participant's browser opening the room link (with the seat of an earlier visit)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[ROOM_PARAMETER] = room_key
    if seat is not None:
        at.query_params[SEAT_PARAMETER] = seat
    return at.run()


def net_income(at):
    return next(metric.value for metric in at.metric if metric.label.startswith("Net income"))


def send(at, name=""):
    at.text_input(key=ROOM_DISPLAY_NAME).set_value(name)
    at.button(key=ROOM_SUBMIT).click().run()
    assert not at.exception


def shown_errors(at):
    return " ".join(shown(error.value) for error in at.error)


def test_the_room_link_opens_the_rooms_plan_with_only_the_opened_fields(keys):
    """A participant opens the link: the room's name, its plan, and the three opened fields."""
    at = participant(keys.participant)
    assert not at.exception
    assert [title.value for title in at.title] == ["Tuesday workshop"]
    assert {box.key for box in at.number_input} == {MEMBERS, WEEK}
    assert {box.key for box in at.text_input} == {PRICE, ROOM_DISPLAY_NAME}
    assert at.text_input(key=PRICE).value == "6,000"
    assert at.number_input(key=MEMBERS).value == 8
    # no navigation, no sidebar, no scenario picker: the room's page alone
    assert not at.sidebar.children
    assert not at.selectbox
    # 16 × 6,000 + 8 × 800 × 12 + 12 × 4,500 − costs = 186,500
    assert net_income(at) == "$186,500"


def test_changing_an_opened_field_changes_the_participants_figures(keys):
    """A participant lowers the coaching price: their net income falls by 16 × 3,000."""
    at = participant(keys.participant)
    at.text_input(key=PRICE).set_value("3,000").run()
    assert not at.exception
    # 186,500 − 16 clients × 3,000 = 138,500
    assert net_income(at) == "$138,500"
    at.number_input(key=MEMBERS).set_value(10).run()
    # + 2 members × 800 × 12 months = 19,200: 157,700
    assert net_income(at) == "$157,700"


def test_sending_keeps_one_plan_and_sending_again_counts_twice(store, keys):
    """A participant sends, changes a figure and sends again: one plan, the latest, twice."""
    at = participant(keys.participant)
    at.number_input(key=MEMBERS).set_value(10).run()
    send(at, "Ana")
    assert re.fullmatch(
        r"Sent at \d\d:\d\d( UTC)?\. You can change your numbers and send again\.",
        at.success[0].value,
    )
    [first] = store.rooms.status(keys.facilitator).submissions
    assert (first.display_name, first.times) == ("Ana", 1)
    assert first.scenario.offers[1].members_per_cohort == 10
    at.number_input(key=MEMBERS).set_value(12).run()
    send(at, "Ana")
    status = store.rooms.status(keys.facilitator)
    assert status.joined == 1
    [latest] = status.submissions
    assert (latest.seat, latest.times) == (first.seat, 2)
    assert latest.scenario.offers[1].members_per_cohort == 12


def test_a_share_is_typed_as_a_percentage_and_sent_as_a_share(store):
    """A room opens the tax rate: the participant types 25 (%), the plan holds 0.25."""
    keys = store.rooms.open("Tax talk", START, ("practitioner.tax_rate",))
    at = participant(keys.participant)
    box = at.number_input(key="room_field_practitioner_tax_rate")
    assert box.label == "Tax rate on net income (%)"
    box.set_value(25).run()
    # take-home = 186,500 × (1 − 0.25) = 139,875
    take_home = next(metric.value for metric in at.metric if metric.label.startswith("Take-home"))
    assert take_home == "$139,875"
    send(at)
    [plan] = store.rooms.status(keys.facilitator).submissions
    assert plan.scenario.practitioner.tax_rate == 0.25


def test_the_page_says_when_the_numbers_changed_since_they_were_sent(keys):
    """A participant sends, then changes a figure: the page asks them to send again."""
    at = participant(keys.participant)
    send(at)
    assert not any("changed since" in caption.value for caption in at.caption)
    at.number_input(key=MEMBERS).set_value(9).run()
    assert any(
        "Your numbers have changed since: send again" in caption.value for caption in at.caption
    )


def test_a_room_that_opens_nothing_can_still_take_the_plan_as_it_is(store):
    """The facilitator opened no field: the page says so and Send sends the room's plan."""
    keys = store.rooms.open("Listen only", START, ())
    at = participant(keys.participant)
    assert not at.number_input
    assert "has not opened any figure" in at.info[0].value
    send(at)
    assert len(store.rooms.status(keys.facilitator).submissions) == 1


def test_a_participant_may_send_anonymously(store, keys):
    """A participant leaves the name empty: the plan arrives without one."""
    send(participant(keys.participant))
    [plan] = store.rooms.status(keys.facilitator).submissions
    assert plan.display_name == ""


def test_the_seat_is_in_the_address_and_a_reload_keeps_it(store, keys):
    """A participant sends, reloads the page (the address keeps the seat) and sends again."""
    at = participant(keys.participant)
    seat = at.query_params[SEAT_PARAMETER]
    assert is_key(seat)
    send(at, "Ben")
    reloaded = participant(keys.participant, seat)
    assert not reloaded.exception
    send(reloaded, "Ben")
    status = store.rooms.status(keys.facilitator)
    assert status.joined == 1
    assert [(plan.seat, plan.times) for plan in status.submissions] == [(seat, 2)]


def test_a_reload_carries_on_from_the_plan_sent(store, keys):
    """A participant changes the members, sends, and reloads: the page shows their plan as
    sent (and their name), not the room's starting figures, so sending again keeps it."""
    at = participant(keys.participant)
    seat = at.query_params[SEAT_PARAMETER]
    at.number_input(key=MEMBERS).set_value(10).run()
    send(at, "Ana")
    reloaded = participant(keys.participant, seat)
    assert not reloaded.exception
    assert reloaded.number_input(key=MEMBERS).value == 10
    assert reloaded.text_input(key=ROOM_DISPLAY_NAME).value == "Ana"
    assert "You can change your numbers and send again" in reloaded.success[0].value
    # the link to share is the room's, never the address with the participant's own seat
    assert [text.value for text in reloaded.text if keys.participant in text.value] == [
        f"?room={keys.participant}"
    ]
    send(reloaded, "Ana")
    [plan] = store.rooms.status(keys.facilitator).submissions
    assert (plan.times, plan.scenario.offers[1].model_dump()["members_per_cohort"]) == (2, 10)


def test_a_change_outside_the_opened_fields_is_refused_and_nothing_sent(store, keys):
    """A plan changed outside the opened fields (a tampered session) is refused, in words."""
    at = participant(keys.participant)
    at.session_state[ROOM_PLAN]["offers"][0]["clients"] = 30
    send(at)
    assert "Not open to change in this room: “Private coaching”: Clients per year: 16 → 30" in (
        shown_errors(at)
    )
    assert not at.success
    assert store.rooms.status(keys.facilitator).submissions == ()


def test_a_figure_out_of_range_is_shown_at_its_field_and_nothing_sent(store, keys):
    """A participant types a price that is not an amount, then one below zero: the field says
    what is wrong each time, and Send sends nothing until it is fixed. (A number box keeps
    to its bounds by itself: Streamlit refuses 500 hours a week.)"""
    at = participant(keys.participant)
    for typed, problem in (("lots", "“lots” is not an amount"), ("-500", "“-500” is below")):
        at.text_input(key=PRICE).set_value(typed).run()
        assert f"Price per client: {problem}" in shown_errors(at)
        send(at)
        assert NOT_SENT_INVALID in shown_errors(at)
        assert not at.success
    assert store.rooms.status(keys.facilitator).submissions == ()
    at.text_input(key=PRICE).set_value("5,000").run()
    send(at)
    [plan] = store.rooms.status(keys.facilitator).submissions
    assert plan.scenario.offers[0].price_per_client == 5000


def test_a_rooms_and_an_offers_names_are_shown_as_written_never_as_links(store):
    """A room named with a link, its offer with a tracking image: shown as text."""
    offers = list(START.offers)
    offers[0] = offers[0].model_copy(update={"name": "![x](http://example.test/pixel.png)"})
    scenario = START.model_copy(update={"offers": offers})
    keys = store.rooms.open("[Verify](http://example.test)", scenario, OPENED)
    at = participant(keys.participant)
    assert not at.exception
    assert at.title[0].value == plain("[Verify](http://example.test)")
    assert any(text.value == f"**{plain(offers[0].name)}**" for text in at.markdown)


@pytest.mark.parametrize("link", ["", "not-a-key", "x" * 22, "a" * 500])
def test_a_damaged_or_unknown_room_link_says_so(link):
    """A participant opens a cut, mistyped or made-up link: the room leads nowhere."""
    at = participant(link)
    assert not at.exception
    assert "This room link leads nowhere" in shown_errors(at)
    assert not at.number_input
    assert not at.text_input


def test_the_facilitator_link_is_no_room_link_and_the_room_link_no_facilitator_link(store, keys):
    """The facilitator's key does not open the participant page, nor the room key theirs."""
    assert "leads nowhere" in shown_errors(participant(keys.facilitator))
    with pytest.raises(StoreNotFound):
        store.rooms.for_facilitator(keys.participant)


def test_an_expired_room_says_when_it_closed(store):
    """A participant opens the link of a room past its time."""
    closed = store.rooms.open("Last year", START, OPENED, lifetime=timedelta(microseconds=1))
    at = participant(closed.participant)
    assert not at.exception
    assert "The room “Last year” closed on" in shown_errors(at)


def test_a_room_closed_while_a_participant_works_keeps_their_numbers(store, keys):
    """The facilitator closes the room before a participant sends: they are told, numbers kept."""
    at = participant(keys.participant)
    at.number_input(key=MEMBERS).set_value(11).run()
    store.rooms.close(keys.facilitator)
    send(at)
    assert "This room link leads nowhere" in shown_errors(at)
    assert at.number_input(key=MEMBERS).value == 11


def test_a_seat_the_room_does_not_know_is_replaced_and_the_plan_sent_again(store, keys):
    """A participant's address carries a seat from elsewhere: a new seat, then the plan goes."""
    stranger = new_key()
    at = participant(keys.participant, stranger)
    send(at, "Cleo")
    assert NEW_SEAT in shown_errors(at)
    seat = at.query_params[SEAT_PARAMETER]
    assert seat != stranger and is_key(seat)
    send(at, "Cleo")
    assert [plan.seat for plan in store.rooms.status(keys.facilitator).submissions] == [seat]


def test_a_damaged_seat_in_the_address_gives_a_new_seat_and_says_so(store, keys):
    """A participant's address carries a seat cut short: a new seat, said under Send."""
    at = participant(keys.participant, "cut-short")
    assert DAMAGED_SEAT in shown_errors(at)
    seat = at.query_params[SEAT_PARAMETER]
    assert is_key(seat)
    send(at)
    assert [plan.seat for plan in store.rooms.status(keys.facilitator).submissions] == [seat]


@contextmanager
def stopped(url):
    """The PostgreSQL server at ``url`` stopped for the block, then started again as it was."""
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        row = connection.execute("SHOW data_directory").fetchone()
    data = Path(row[0])
    # postgres "-D" "<data>" "-c" "listen_addresses=…" "-p" "<port>" …: the options it ran with
    options = shlex.split((data / "postmaster.opts").read_text())[3:]
    pg_ctl = str(postgresql_programs() / "pg_ctl")
    control = [pg_ctl, "-D", str(data), "-w"]
    subprocess.run(_as_server_user([*control, "-m", "fast", "stop"]), check=True)
    try:
        yield
    finally:
        start = [*control, "-o", shlex.join(options), "-l", str(data.parent / "log"), "start"]
        subprocess.run(_as_server_user(start), check=True, capture_output=True)


@pytest.fixture
def server_store(monkeypatch):
    """The app's store on a real PostgreSQL server, for as long as the test."""
    with postgresql_server() as url:
        monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
        open_store.clear()
        opened = Store(url)
        yield url, opened
        opened.close()
        open_store().close()
        open_store.clear()


def test_a_database_that_is_down_keeps_the_numbers_and_sends_when_it_is_back(server_store):
    """The database stops while a participant works: Send says so and keeps their numbers;
    once it is back, Send goes through."""
    url, store = server_store
    keys = store.rooms.open("Conference room", START, OPENED)
    at = participant(keys.participant)
    at.number_input(key=MEMBERS).set_value(11).run()
    with stopped(url):
        send(at, "Dee")
        assert NOT_SENT_UNAVAILABLE in shown_errors(at)
        assert at.number_input(key=MEMBERS).value == 11
        # a new participant's link while it is down: said, with a way to try again
        later = participant(keys.participant)
        assert ROOM_UNREACHABLE in shown_errors(later)
        assert later.button(key=ROOM_TRY_AGAIN)
    send(at, "Dee")
    assert at.success
    [plan] = store.rooms.status(keys.facilitator).submissions
    assert (plan.display_name, plan.scenario.offers[1].members_per_cohort) == ("Dee", 11)
