"""Workshop rooms, the facilitator's side, through Streamlit's AppTest: opening a room from the
Workshop page, the room view (``?facilitate=<key>``) with plans submitted through the store,
its files, closing the room, and the links that must not open it."""

import csv
import io
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.results import change_style
from app.room_view import plan_files
from models.files import load_scenario
from models.journey import load_journey
from models.room_summary import plans_table, summarise_room
from models.tables import csv_bytes
from presentation.formatting import format_change
from store import Store
from store.errors import StoreNotFound
from store.keys import is_key
from tests.factories import coach_without_ranges, first_offer_with
from tests.shown_text import shown

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
WORKSHOP = "app/pages/workshop.py"
PRICE = "offers[0].price_per_client"


@pytest.fixture
def store():
    """The store of the test run's data folder: the one the app opens."""
    opened = Store()
    yield opened
    opened.close()


@pytest.fixture
def coach():
    return coach_without_ranges()


def room_view(key: str) -> AppTest:
    """The app opened with a facilitator link's key."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["facilitate"] = key
    return at.run()


def all_text(at: AppTest) -> str:
    """Every message, caption and Markdown text of the page, as a person reads it."""
    elements = [*at.error, *at.success, *at.info, *at.warning, *at.caption, *at.markdown]
    return "\n".join(shown(element.value) for element in elements)


def test_opening_a_room_shows_both_links_and_the_qr_code(store):
    """The facilitator names a room on the journey's first step, lets the room change the
    price, opens it, and reads the participant link, its QR code and their own link."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(WORKSHOP).run()
    at.text_input(key="room_name").set_value("Tuesday workshop")
    at.multiselect(key="room_fields_False").set_value([PRICE])
    at.number_input(key="room_days").set_value(2)
    at.button(key="room_open").click().run()
    assert not at.exception
    links = [code.value for code in at.code]
    participant = next(link for link in links if "?room=" in link)
    facilitator = next(link for link in links if "?facilitate=" in link)
    participant_key = participant.split("?room=")[1]
    facilitator_key = facilitator.split("?facilitate=")[1]
    assert is_key(participant_key) and is_key(facilitator_key)
    assert len(at.get("image")) == 1  # the QR code
    setup = store.rooms.for_facilitator(facilitator_key)
    assert setup.name == "Tuesday workshop"
    assert setup.participant_key == participant_key
    assert setup.allowed_fields == (PRICE,)
    assert setup.scenario == load_journey().steps[0].scenario
    assert timedelta(days=1) < setup.expires_at - datetime.now(UTC) <= timedelta(days=2)


def test_a_room_needs_a_field_participants_may_change():
    """The facilitator presses Open without picking a field: told what is missing."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(WORKSHOP).run()
    at.button(key="room_open").click().run()
    assert not at.exception
    assert "Pick at least one field" in shown(at.error[0].value)
    assert not [code for code in at.code if "?facilitate=" in code.value]


def test_the_room_view_counts_the_room_and_shows_each_plans_figures(store, coach):
    """Three join, two submit (Ana at 9,000 a client, one anonymously at 10,000): the view
    counts them and shows Ana's plan large with its hand-worked figures."""
    keys = store.rooms.open("Tuesday workshop", coach, (PRICE,))
    seats = [store.rooms.join(keys.participant) for _ in range(3)]
    store.rooms.submit(keys.participant, seats[0], first_offer_with(coach, price_per_client=10_000))
    store.rooms.submit(
        keys.participant, seats[1], first_offer_with(coach, price_per_client=9_000), "Ana"
    )
    at = room_view(keys.facilitator)
    assert not at.exception
    assert shown(at.title[0].value) == "Tuesday workshop"
    metrics = {metric.label: metric for metric in at.metric}
    assert metrics["Joined"].value == "3"
    assert metrics["Plans submitted"].value == "2"
    # Ana, the latest plan, shown large: 23 clients × 9,000 − 23 × 150 − 8,000 = 195,550,
    # 23,000 more than the start's 172,550; 1,790.7 h of 1,840 (97%); leverage 920 / 1,790.7.
    assert at.selectbox(key="room_plan").value == "Ana"
    assert metrics["Net income"].value == "$195,550"
    assert metrics["Net income"].delta == "+$23,000"
    assert metrics["Hours used"].value == "97%"
    assert metrics["Leverage"].value == "0.5×"  # 0.514, as the app rounds a ratio
    table = at.table[0].value
    assert [shown(name) for name in table["Plan"]] == ["Anonymous 1", "Ana"]
    assert shown(table["Net income"][0]) == "$218,550"  # 23 × 10,000 − 3,450 − 8,000
    assert len(at.get("vega_lite_chart")) == 3  # net income, hours used, leverage
    assert len(at.get("image")) == 1  # the participant link's QR code
    at.selectbox(key="room_plan").set_value("Anonymous 1").run()
    assert {metric.label: metric.value for metric in at.metric}["Net income"] == "$218,550"
    assert [button.key for button in at.download_button] == ["room_csv", "room_zip"]


def test_a_plan_submitted_again_keeps_its_row_and_its_name(store, coach):
    """An anonymous participant submits again after Ana: their row and name stay, the figures
    follow (the store lists the latest submission last)."""
    keys = store.rooms.open("Tuesday workshop", coach, (PRICE,))
    anonymous, ana = (store.rooms.join(keys.participant) for _ in range(2))
    store.rooms.submit(
        keys.participant, anonymous, first_offer_with(coach, price_per_client=10_000)
    )
    store.rooms.submit(
        keys.participant, ana, first_offer_with(coach, price_per_client=9_000), "Ana"
    )
    at = room_view(keys.facilitator)
    store.rooms.submit(keys.participant, anonymous, first_offer_with(coach, price_per_client=8_500))
    at.run()
    assert not at.exception
    table = at.table[0].value
    assert [shown(name) for name in table["Plan"]] == ["Anonymous 1", "Ana"]
    assert shown(table["Net income"][0]) == "$184,050"  # 23 × 8,500 − 3,450 − 8,000


def test_the_room_files_hold_a_row_and_a_scenario_file_per_plan(coach):
    """The room's CSV has one row per plan with its figures; its zip one file per plan."""
    summary = summarise_room(
        coach,
        ["Ana", ""],
        [
            first_offer_with(coach, price_per_client=9_000),
            first_offer_with(coach, price_per_client=10_000),
        ],
    )
    rows = list(csv.DictReader(io.StringIO(csv_bytes(plans_table(summary)).decode("utf-8"))))
    assert [(row["plan"], float(row["net_income"])) for row in rows] == [
        ("Ana", 195_550),
        ("Anonymous 1", 218_550),
    ]
    assert rows[0]["changes"] == "“Executive coaching”: Price per client: 8,000 → 9,000"
    with zipfile.ZipFile(io.BytesIO(plan_files(summary))) as folder:
        assert folder.namelist() == ["Ana.yaml", "Anonymous 1.yaml"]
        assert load_scenario(folder.read("Ana.yaml").decode("utf-8")) == first_offer_with(
            coach, price_per_client=9_000
        )


def test_an_empty_room_says_how_plans_arrive(store, coach):
    """Nobody has submitted yet: the counts and how plans come in, no chart."""
    keys = store.rooms.open("Quiet room", coach, (PRICE,))
    at = room_view(keys.facilitator)
    assert not at.exception
    assert {metric.label: metric.value for metric in at.metric}["Plans submitted"] == "0"
    assert "No plan yet" in all_text(at)
    assert not at.get("vega_lite_chart")


def test_closing_the_room_asks_first_then_deletes_it(store, coach):
    """The facilitator closes the room: asked to confirm, then told it is gone, and it is."""
    keys = store.rooms.open("Closing room", coach, (PRICE,))
    at = room_view(keys.facilitator)
    at.button(key="room_close").click().run()
    assert "Every plan in it is deleted" in all_text(at)
    store.rooms.for_facilitator(keys.facilitator)  # still open
    at.button(key="room_close_confirm").click().run()
    assert not at.exception
    assert "is closed" in all_text(at)
    with pytest.raises(StoreNotFound):
        store.rooms.for_facilitator(keys.facilitator)


@pytest.mark.parametrize(
    "key", ["", "not-a-key", "A" * 22, "Q6xq0GXPVm0-8bq4t4Jq1w!", "../../etc/passwd"]
)
def test_a_wrong_or_damaged_facilitator_link_says_so(key):
    """A link cut short, mistyped or made up: a plain message, no room, no traceback."""
    at = room_view(key)
    assert not at.exception
    assert "This room link leads nowhere" in shown(at.error[0].value)
    assert "facilitator link" in all_text(at)
    assert not at.metric


def test_a_participant_link_never_opens_the_room_view(store, coach):
    """The participant link's key put in the facilitator's place: told which link it is."""
    keys = store.rooms.open("Tuesday workshop", coach, (PRICE,))
    at = room_view(keys.participant)
    assert not at.exception
    assert "This is the participant link of “Tuesday workshop”" in shown(at.error[0].value)
    assert not at.metric and not at.table


def test_an_expired_room_says_when_it_closed(store, coach):
    """A room past its time: the date it closed, and nothing of its plans."""
    keys = store.rooms.open("Old room", coach, (PRICE,), lifetime=timedelta(microseconds=1))
    at = room_view(keys.facilitator)
    assert not at.exception
    assert "The room “Old room” closed on" in shown(at.error[0].value)
    assert not at.metric


def test_a_database_that_is_down_says_so(monkeypatch):
    """The database cannot be reached: the page says so in plain words."""
    monkeypatch.setenv("LEVERAGE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    from app.storage import open_store

    open_store.clear()
    try:
        at = room_view("Q6xq0GXPVm0-8bq4t4Jq1w")
        assert not at.exception
        assert "cannot be reached just now" in shown(at.error[0].value)
    finally:
        open_store.clear()


def test_the_entry_files_room_link_module_loads_neither_the_store_nor_the_qr_code():
    """The entry file reads the facilitator parameter on every first load: what it imports for
    that stays light (no SQLAlchemy, no segno) so the Plan page's first paint is not slowed."""
    check = (
        "import sys, app.room_links; "
        "assert not {'sqlalchemy', 'segno', 'store'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", check], check=True, cwd=Path(APP).parent)


def test_a_change_that_reads_as_nought_is_grey_without_an_arrow():
    """Leverage moving 0.5× → 0.5× reads "±0.0×": no green rise; a real change keeps its
    colour, red for a rise in hours."""
    assert change_style(format_change(0.004, "×", "USD"), rise_is_good=True) == ("off", "off")
    assert change_style(format_change(12_000, "currency/year", "USD"), True) == ("normal", "auto")
    assert change_style(format_change(120, "h", "USD"), rise_is_good=False) == ("inverse", "auto")
