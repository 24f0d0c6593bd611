"""The store on both of its databases: SQLite (the embedded default) and a real PostgreSQL
started for the tests (tests/database_server.py). Nothing is mocked."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from sqlalchemy import inspect, select, text

from models.examples import load_example
from models.files import dump_scenario
from store import Store, library, rooms
from store.database import (
    DATA_DIR_VARIABLE,
    DATABASE_URL_VARIABLE,
    database_url,
    migration_config,
    with_driver,
)
from store.errors import StoreExpired, StoreNotFound, StoreRefused, StoreUnavailable
from store.keys import digest, is_key, new_key
from store.tables import Base, Participant
from tests.database_server import postgresql_server
from tests.factories import first_offer_with
from tests.strategies import scenarios

VERSION_1_FILE = Path(__file__).parent / "fixtures" / "version-1" / "coach-one-to-one.yaml"


@pytest.fixture(scope="module")
def postgresql_url():
    with postgresql_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A fresh store on each database: a new SQLite file, or an emptied PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("postgresql_url")
        _empty(url)
    opened = Store(url)
    yield opened
    opened.close()


def _empty(url: str) -> None:
    """Drop every table (and Alembic's record), so the next store starts from nothing."""
    opened = Store(url)
    with opened.database.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    opened.close()


@pytest.fixture
def coach():
    return load_example("coach-one-to-one")


# --- migrations -------------------------------------------------------------------------


def test_migrations_build_exactly_the_tables_of_the_models(store):
    with store.database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrations_go_down_to_nothing_and_up_again(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    config = migration_config(store.database.engine)
    command.downgrade(config, "base")
    assert set(inspect(store.database.engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(config, "head")
    assert {"libraries", "scenarios", "versions", "shared_copies", "rooms", "participants"} <= set(
        inspect(store.database.engine).get_table_names()
    )


def test_plans_sent_before_the_first_send_was_kept_take_their_latest_send(store, coach):
    """A room stored by the first release (revision 0001) keeps its plans on upgrading, each
    placed by its latest send, the only time that release kept; a plan sent again after the
    upgrade keeps that place."""
    config = migration_config(store.database.engine)
    command.downgrade(config, "0001_first")
    participant_key, facilitator_key = new_key(), new_key()
    seats = {name: new_key() for name in ("later", "earlier", "joined only")}
    sent = {"later": datetime(2026, 11, 20, 10, 5), "earlier": datetime(2026, 11, 20, 10, 1)}
    with store.database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO rooms (id, participant_key, facilitator_digest, name, document,"
                " allowed_fields, created_at, expires_at) VALUES (1, :key, :digest, 'Room',"
                " :document, :fields, :created, :expires)"
            ),
            {
                "key": participant_key,
                "digest": digest(facilitator_key),
                "document": dump_scenario(coach),
                "fields": '["offers[0].price_per_client"]',
                "created": datetime(2026, 11, 20, 9, 0),
                "expires": datetime.now(UTC).replace(tzinfo=None) + timedelta(days=30),
            },
        )
        for id_, name in enumerate(("later", "earlier", "joined only"), start=1):
            connection.execute(
                text(
                    "INSERT INTO participants (id, room_id, seat, joined_at, display_name,"
                    " document, submitted_at, submissions) VALUES (:id, 1, :seat, :joined,"
                    " :name, :document, :sent, :times)"
                ),
                {
                    "id": id_,
                    "seat": seats[name],
                    "name": name,
                    "joined": datetime(2026, 11, 20, 9, 30),
                    "document": dump_scenario(coach) if name in sent else None,
                    "sent": sent.get(name),
                    "times": int(name in sent),
                },
            )
    command.upgrade(config, "head")
    with store.database.engine.connect() as connection:
        firsts = dict(
            connection.execute(
                select(Participant.display_name, Participant.first_submitted_at)
            ).all()
        )
    assert firsts == {**sent, "joined only": None}
    status = store.rooms.status(facilitator_key)
    assert [entry.display_name for entry in status.submissions] == ["earlier", "later"]
    store.rooms.submit(participant_key, seats["earlier"], coach, "earlier")
    status = store.rooms.status(facilitator_key)
    assert [(entry.display_name, entry.times) for entry in status.submissions] == [
        ("earlier", 2),
        ("later", 1),
    ]


def test_opening_twice_upgrades_once_and_keeps_the_data(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    again = Store(store.database.url)
    assert [entry.name for entry in again.libraries.entries(key)] == [coach.name]
    again.close()


# --- libraries --------------------------------------------------------------------------


def test_every_save_is_a_version_and_the_latest_is_listed_first(store, coach):
    key = store.libraries.create()
    first = store.libraries.save(key, coach, note="  Before the price rise ")
    raised = first_offer_with(coach, price_per_client=8000)
    second = store.libraries.save(key, raised)
    assert (first.number, first.note, second.number, second.note) == (
        1,
        "Before the price rise",
        2,
        "",
    )
    assert [version.number for version in store.libraries.versions(key, coach.name)] == [2, 1]
    assert store.libraries.load(key, coach.name) == raised
    assert store.libraries.load(key, coach.name, 1) == coach
    [entry] = store.libraries.entries(key)
    assert (entry.name, entry.versions) == (coach.name, 2)
    assert entry.saved_at.tzinfo is UTC


def test_a_stored_version_is_exactly_the_file(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    with store.database.engine.connect() as connection:
        [document] = connection.execute(text("SELECT document FROM versions")).scalars()
    assert document == dump_scenario(coach)
    assert "schema_version: 2" in document


def test_a_version_saved_in_the_first_format_opens_upgraded(store, coach):
    """A row holding a schema-version-1 file (as an older app would have saved it) reads
    back through the file migrations, like the file itself."""
    key = store.libraries.create()
    old_text = VERSION_1_FILE.read_text(encoding="utf-8")
    assert "schema_version: 1" in old_text
    store.libraries.save(key, coach)
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE versions SET document = :text"), {"text": old_text})
    opened = store.libraries.load(key, coach.name)
    assert opened.schema_version == 2


def test_the_latest_versions_are_kept_and_the_oldest_dropped(store, coach, monkeypatch):
    monkeypatch.setattr(library, "MAX_VERSIONS", 3)
    key = store.libraries.create()
    for _ in range(5):
        store.libraries.save(key, coach)
    assert [version.number for version in store.libraries.versions(key, coach.name)] == [5, 4, 3]
    with pytest.raises(StoreNotFound, match=r"Version 1 of .* is no longer kept"):
        store.libraries.load(key, coach.name, 1)


def test_rename_keeps_the_versions_and_saves_one_under_the_new_name(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    renamed = coach.model_copy(update={"name": "Coach, renamed"})
    version = store.libraries.rename(key, coach.name, renamed)
    assert (version.number, version.note) == (2, f"Renamed from “{coach.name}”")
    assert [entry.name for entry in store.libraries.entries(key)] == ["Coach, renamed"]
    assert store.libraries.load(key, "Coach, renamed").name == "Coach, renamed"
    with pytest.raises(StoreNotFound, match="no scenario called"):
        store.libraries.load(key, coach.name)


def test_rename_onto_a_name_taken_is_refused_and_changes_nothing(store, coach):
    key = store.libraries.create()
    other = coach.model_copy(update={"name": "Other"})
    store.libraries.save(key, coach)
    store.libraries.save(key, other)
    with pytest.raises(StoreRefused, match="called “Other” already"):
        store.libraries.rename(key, coach.name, other)
    assert sorted(entry.name for entry in store.libraries.entries(key)) == sorted(
        [coach.name, "Other"]
    )


def test_delete_removes_every_version(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    store.libraries.save(key, coach)
    store.libraries.delete(key, coach.name)
    assert store.libraries.entries(key) == []
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM versions")).scalar_one() == 0


def test_libraries_are_apart_and_a_wrong_key_opens_none(store, coach):
    mine, theirs = store.libraries.create(), store.libraries.create()
    store.libraries.save(mine, coach)
    assert store.libraries.entries(theirs) == []
    for wrong in (new_key(), mine[:-1], mine + "x", "'; DROP TABLE versions; --", ""):
        assert not store.libraries.exists(wrong)
        with pytest.raises(StoreNotFound, match="No library has this link"):
            store.libraries.entries(wrong)


def test_a_plan_that_breaks_the_schema_is_refused_and_nothing_is_stored(store, coach):
    """A scenario built without checks (``model_copy``) is checked as a file is."""
    key = store.libraries.create()
    broken = coach.model_copy(
        update={"offers": [coach.offers[0].model_copy(update={"price_per_client": -5.0})]}
    )
    with pytest.raises(StoreRefused, match=r"was not stored: Offer 1, .*price per client"):
        store.libraries.save(key, broken)
    assert store.libraries.entries(key) == []


def test_a_first_save_makes_the_library_and_a_refused_one_leaves_none(store, coach):
    key, version = store.libraries.create_with(coach, note="First")
    assert (version.number, version.note) == (1, "First")
    assert [entry.name for entry in store.libraries.entries(key)] == [coach.name]
    with pytest.raises(StoreRefused, match="keep it within 200"):
        store.libraries.create_with(coach, note="x" * 201)
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM libraries")).scalar_one() == 1


def test_a_long_note_is_refused(store, coach):
    key = store.libraries.create()
    with pytest.raises(StoreRefused, match="keep it within 200"):
        store.libraries.save(key, coach, note="x" * 201)
    assert store.libraries.entries(key) == []


def test_the_key_itself_is_never_stored(store):
    key = store.libraries.create()
    with store.database.engine.connect() as connection:
        [stored] = connection.execute(text("SELECT key_digest FROM libraries")).scalars()
    assert stored == digest(key) and key not in stored


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=scenarios(max_offers=4))
def test_any_scenario_comes_back_as_it_was_saved(tmp_path_factory, scenario):
    opened = Store(f"sqlite:///{tmp_path_factory.mktemp('db') / 'store.sqlite3'}")
    key = opened.libraries.create()
    opened.libraries.save(key, scenario)
    assert opened.libraries.load(key, scenario.name) == scenario
    copy_id = opened.shared.share(scenario)
    assert opened.shared.open(copy_id) == scenario
    opened.close()


# --- short links ------------------------------------------------------------------------


def test_a_short_link_opens_the_copy_as_it_was_shared(store, coach):
    copy_id = store.shared.share(coach)
    assert is_key(copy_id)
    assert store.shared.open(copy_id) == coach


@pytest.mark.parametrize("damaged", ["", "short", "x" * 22, "a" * 21 + "!", "../../etc/passwd"])
def test_a_damaged_short_link_says_so(store, coach, damaged):
    store.shared.share(coach)
    with pytest.raises(StoreNotFound, match="copied whole"):
        store.shared.open(damaged)


# --- rooms ------------------------------------------------------------------------------

ALLOWED = ("offers[0].price_per_client",)


def test_a_room_has_two_different_unguessable_links(store, coach):
    keys = store.rooms.open("Tuesday workshop", coach, ALLOWED)
    assert is_key(keys.participant) and is_key(keys.facilitator)
    assert keys.participant != keys.facilitator
    setup = store.rooms.for_participant(keys.participant)
    assert (setup.name, setup.scenario, setup.allowed_fields) == (
        "Tuesday workshop",
        coach,
        ALLOWED,
    )
    assert store.rooms.for_facilitator(keys.facilitator).participant_key == keys.participant
    assert setup.expires_at - datetime.now(UTC) > timedelta(days=29)


def test_a_participant_link_never_reaches_the_facilitator_view(store, coach):
    keys = store.rooms.open("Room", coach, ALLOWED)
    with pytest.raises(StoreNotFound):
        store.rooms.status(keys.participant)
    with pytest.raises(StoreNotFound):
        store.rooms.close(keys.participant)
    with pytest.raises(StoreNotFound):
        store.rooms.for_participant(keys.facilitator)


def test_submissions_count_the_latest_plan_of_each_seat(store, coach):
    keys = store.rooms.open("Room", coach, ALLOWED)
    ana, ben, _watcher = (store.rooms.join(keys.participant) for _ in range(3))
    higher = first_offer_with(coach, price_per_client=8000)
    store.rooms.submit(keys.participant, ana, coach, "  Ana   B. ")
    store.rooms.submit(keys.participant, ben, coach)
    again = store.rooms.submit(keys.participant, ana, higher, "Ana B.")
    assert again.times == 2
    status = store.rooms.status(keys.facilitator)
    assert status.joined == 3
    # Ana sent first, so her plan stays first after she sends again (her latest counts).
    assert [(entry.display_name, entry.scenario, entry.times) for entry in status.submissions] == [
        ("Ana B.", higher, 2),
        ("", coach, 1),
    ]


def test_a_seat_carries_on_from_its_latest_plan(store, coach):
    keys = store.rooms.open("Room", coach, ALLOWED)
    seat = store.rooms.join(keys.participant)
    assert store.rooms.latest_plan(keys.participant, seat) is None
    store.rooms.submit(
        keys.participant, seat, first_offer_with(coach, price_per_client=8000), "Ana"
    )
    latest = store.rooms.latest_plan(keys.participant, seat)
    assert latest is not None
    assert (latest.display_name, latest.times) == ("Ana", 1)
    assert latest.scenario == first_offer_with(coach, price_per_client=8000)
    other = store.rooms.open("Other", coach, ALLOWED)
    with pytest.raises(StoreNotFound):
        store.rooms.latest_plan(other.participant, seat)


def test_a_seat_of_another_room_cannot_submit(store, coach):
    first = store.rooms.open("First", coach, ALLOWED)
    second = store.rooms.open("Second", coach, ALLOWED)
    seat = store.rooms.join(first.participant)
    with pytest.raises(StoreNotFound, match="open the room link again"):
        store.rooms.submit(second.participant, seat, coach)
    assert store.rooms.status(second.facilitator).submissions == ()


def test_a_long_display_name_is_refused_and_nothing_is_stored(store, coach):
    keys = store.rooms.open("Room", coach, ALLOWED)
    seat = store.rooms.join(keys.participant)
    with pytest.raises(StoreRefused, match="keep it within 60"):
        store.rooms.submit(keys.participant, seat, coach, "x" * 61)
    assert store.rooms.status(keys.facilitator).submissions == ()


def test_an_expired_room_says_when_it_closed(store, coach):
    keys = store.rooms.open("Old room", coach, ALLOWED, lifetime=timedelta(microseconds=1))
    with pytest.raises(StoreExpired, match=r"The room “Old room” closed on .* new link"):
        store.rooms.for_participant(keys.participant)
    with pytest.raises(StoreExpired):
        store.rooms.join(keys.participant)
    store.rooms.close(keys.facilitator)  # a facilitator may still delete it


def test_a_closed_room_says_its_date_in_the_readers_time_zone():
    """A room closed at 23:30 UTC on 24 December closed on the 25th in Auckland (UTC+13 in
    summer), and on the 24th in New York and wherever the browser gives no zone."""
    closed = StoreExpired("Circle", datetime(2026, 12, 24, 23, 30, tzinfo=UTC))
    assert closed.message == (
        "The room “Circle” closed on 24 December 2026. Ask the facilitator for a new link."
    )
    assert "closed on 25 December 2026" in closed.message_in(ZoneInfo("Pacific/Auckland"))
    assert "closed on 24 December 2026" in closed.message_in(ZoneInfo("America/New_York"))
    assert closed.message_in(None) == closed.message


def test_the_plans_of_an_expired_room_are_deleted_and_the_room_later(store, coach, monkeypatch):
    """At its closing time a room's plans go; the room itself (its starting plan, for the
    link's "closed on" message) goes EXPIRED_ROOMS_KEPT later."""
    old = store.rooms.open("Old", coach, ALLOWED, lifetime=timedelta(seconds=1))
    store.rooms.submit(old.participant, store.rooms.join(old.participant), coach)
    with store.database.engine.begin() as connection:  # as if its time had come
        connection.execute(text("UPDATE rooms SET expires_at = created_at"))
    store.rooms.open("New", coach, ALLOWED)
    with pytest.raises(StoreExpired):
        store.rooms.for_participant(old.participant)
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM participants")).scalar_one() == 0
    monkeypatch.setattr(rooms, "EXPIRED_ROOMS_KEPT", timedelta(0))
    store.rooms.open("Newer", coach, ALLOWED)
    with pytest.raises(StoreNotFound):
        store.rooms.for_participant(old.participant)


def test_rename_is_one_step_and_a_refused_one_changes_nothing(store, coach):
    key = store.libraries.create()
    store.libraries.save(key, coach)
    too_long_name = coach.model_copy(update={"name": "x" * 101})  # built without checks
    with pytest.raises(StoreRefused):
        store.libraries.rename(key, coach.name, too_long_name)
    assert [entry.name for entry in store.libraries.entries(key)] == [coach.name]
    assert [version.number for version in store.libraries.versions(key, coach.name)] == [1]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://nobody@127.0.0.1/x", "not set up right"),  # a driver not installed
        ("not a url", "not set up right"),
        ("postgres://nobody@127.0.0.1:1/x", "cannot be reached"),  # read as PostgreSQL, down
    ],
)
def test_a_database_setting_that_cannot_be_used_says_so(url, words):
    with pytest.raises(StoreUnavailable, match=rf"{words}.*still here"):
        Store(url)


def test_hosts_postgresql_addresses_get_the_installed_driver():
    assert with_driver("postgres://u@db/leverage") == "postgresql+psycopg://u@db/leverage"
    assert with_driver("postgresql://u@db/leverage") == "postgresql+psycopg://u@db/leverage"
    assert with_driver("sqlite:///data/x.sqlite3") == "sqlite:///data/x.sqlite3"


def test_closing_a_room_deletes_it_and_its_plans(store, coach):
    keys = store.rooms.open("Room", coach, ALLOWED)
    seat = store.rooms.join(keys.participant)
    store.rooms.submit(keys.participant, seat, coach)
    store.rooms.close(keys.facilitator)
    with pytest.raises(StoreNotFound, match="closed by its facilitator"):
        store.rooms.for_participant(keys.participant)
    with store.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM participants")).scalar_one() == 0


@pytest.mark.parametrize(
    ("name", "lifetime"),
    [("", timedelta(days=1)), ("x" * 101, timedelta(days=1)), ("Room", timedelta(days=366))],
)
def test_a_room_out_of_limits_is_refused(store, coach, name, lifetime):
    with pytest.raises(StoreRefused):
        store.rooms.open(name, coach, ALLOWED, lifetime=lifetime)


def test_thirty_participants_submitting_at_once_are_each_stored_once(store, coach):
    keys = store.rooms.open("Busy room", coach, ALLOWED)
    seats = [store.rooms.join(keys.participant) for _ in range(30)]
    start = threading.Barrier(len(seats))
    failures: list[BaseException] = []

    def submit(index: int, seat: str) -> None:
        plan = first_offer_with(coach, price_per_client=7000.0 + index)
        start.wait()
        try:
            store.rooms.submit(keys.participant, seat, plan, f"Participant {index}")
        except BaseException as error:  # noqa: BLE001 -- collected and asserted below
            failures.append(error)

    threads = [threading.Thread(target=submit, args=pair) for pair in enumerate(seats)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    status = store.rooms.status(keys.facilitator)
    assert status.joined == 30
    prices = sorted(entry.scenario.offers[0].price_per_client for entry in status.submissions)
    assert prices == [7000.0 + index for index in range(30)]
    assert all(entry.times == 1 for entry in status.submissions)


def test_room_limits_hold(store, coach, monkeypatch):
    monkeypatch.setattr(rooms, "MAX_PARTICIPANTS", 2)
    keys = store.rooms.open("Small room", coach, ALLOWED)
    store.rooms.join(keys.participant)
    store.rooms.join(keys.participant)
    with pytest.raises(StoreRefused, match="full"):
        store.rooms.join(keys.participant)


# --- a database that is down ------------------------------------------------------------


def test_a_database_that_is_down_says_so_in_plain_words(coach):
    with postgresql_server() as url:
        opened = Store(url)
        key = opened.libraries.create()
        opened.libraries.save(key, coach)
    # the server has stopped: every kind of call says so, and nothing else escapes
    for call in (
        lambda: opened.libraries.entries(key),
        lambda: opened.libraries.save(key, coach),
        lambda: opened.shared.share(coach),
        lambda: opened.rooms.open("Room", coach, ALLOWED),
    ):
        with pytest.raises(StoreUnavailable, match=r"cannot be reached just now.*still here"):
            call()
    opened.close()


def test_a_server_that_never_answers_is_unavailable_at_once():
    from tests.browser.app_server import free_port

    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        Store(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/postgres")


# --- where the database is ---------------------------------------------------------------


def test_the_embedded_database_is_a_file_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    assert database_url() == f"sqlite:///{tmp_path / 'data' / 'leverage.sqlite3'}"
    assert (tmp_path / "data").is_dir()


def test_a_database_url_names_the_server(monkeypatch):
    monkeypatch.setenv(DATABASE_URL_VARIABLE, " postgresql+psycopg://db.example/leverage ")
    assert database_url() == "postgresql+psycopg://db.example/leverage"
