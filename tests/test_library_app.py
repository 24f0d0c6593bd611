"""The library that lasts, through Streamlit's AppTest: saving, versions, restoring, renaming,
deleting, the library link, short links, and a database that is down."""

import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app.sidebar_dialogs import LIBRARY, SHARE
from app.state import COPY_PARAMETER, LIBRARY_KEY, LIBRARY_PARAMETER
from models.examples import DEFAULT_EXAMPLE, load_example
from store import Store
from store.database import DATABASE_URL_VARIABLE
from tests.browser.app_server import free_port
from tests.shown_text import shown
from tests.test_app import current, offer_key, open_dialog

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
DEFAULT_NAME = load_example(DEFAULT_EXAMPLE).name


def fresh_app(**query_params: str) -> AppTest:
    """A new session (a new browser), its address carrying ``query_params``, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query_params)
    return at.run()


@pytest.fixture
def app():
    at = fresh_app()
    assert not at.exception
    return at.switch_page("app/pages/compare.py").run()


def save(at: AppTest, note: str = "") -> AppTest:
    """The user types a note and clicks Save on the Compare page."""
    at.text_input(key="library_note:page").set_value(note)
    return at.button(key="library_save:page").click().run()


def texts(elements) -> list[str]:
    return [shown(element.value) for element in elements]


def library_table(at: AppTest):
    return next(frame.value for frame in at.dataframe if "Versions" in frame.value.columns)


def test_a_save_is_listed_and_the_link_appears(app):
    """The user saves the scenario they edit: it is listed with one version; the link shows."""
    assert app.session_state[LIBRARY_KEY] is None  # no library before the first save
    save(app)
    assert not app.exception
    key = app.session_state[LIBRARY_KEY]
    assert key and app.query_params[LIBRARY_PARAMETER] == key
    rows = library_table(app)
    row = rows[rows["Scenario"] == f"{DEFAULT_NAME} (saved)"].iloc[0]
    assert row["Versions"] == "1" and row["From"] == "your library"
    assert any(f"?{LIBRARY_PARAMETER}={key}" in block.value for block in app.code)
    assert any("Bookmark this link" in text for text in texts(app.caption))
    assert Store().libraries.entries(key)[0].name == DEFAULT_NAME


def test_saving_again_adds_a_version_and_what_changed_names_the_field(app):
    """The user saves, raises the clients, saves with a note: two versions; the diff says what."""
    save(app)
    app.switch_page("app/pages/plan.py").run()
    app.number_input(key=offer_key(app, 0, "clients")).set_value(20.0).run()
    app.switch_page("app/pages/compare.py").run()
    save(app, "Twenty clients")
    assert not app.exception
    assert "2" in list(library_table(app)["Versions"])
    assert any("Saved “" in text and "version 2" in text for text in texts(app.success))
    app.selectbox(key="library_entry").set_value(f"{DEFAULT_NAME} (saved)").run()
    versions = next(frame.value for frame in app.dataframe if "Note" in frame.value.columns)
    assert list(versions["Version"]) == [2, 1] and versions["Note"][0] == "Twenty clients"
    changes = "\n".join(texts(app.markdown))
    assert "“Private coaching”: Clients per year: 16 → 20" in changes


def test_restoring_a_version_can_be_undone(app):
    """The user restores version 1 into the editor; Undo brings back the edited scenario."""
    save(app)
    app.switch_page("app/pages/plan.py").run()
    app.number_input(key=offer_key(app, 0, "clients")).set_value(20.0).run()
    app.switch_page("app/pages/compare.py").run()
    save(app)
    app.selectbox(key="library_entry").set_value(f"{DEFAULT_NAME} (saved)").run()
    app.selectbox(key=f"version_restore:{DEFAULT_NAME}").set_value(1).run()
    app.button(key="version_restore_button").click().run()
    assert not app.exception
    assert current(app).offers[0].clients == 16
    app.button(key="undo").click().run()
    assert not app.exception
    assert current(app).offers[0].clients == 20


def test_a_copy_is_opened_renamed_then_deleted(app):
    """The user saves a copy, opens it, renames it, is refused a taken name, then deletes it."""
    app.text_input(key="save_as_name").set_value("Before the retreat")
    app.button(key="save_copy").click().run()
    app.selectbox(key="library_entry").set_value("Before the retreat").run()
    app.button(key="library_open").click().run()
    assert current(app).name == "Before the retreat"
    app.button(key="undo").click().run()
    assert current(app).name == DEFAULT_NAME
    save(app)  # the scenario itself, under its own name
    app.selectbox(key="library_entry").set_value("Before the retreat").run()
    app.text_input(key="library_new_name").set_value("Before the spring retreat")
    app.button(key="library_rename").click().run()
    assert not app.exception
    key = app.session_state[LIBRARY_KEY]
    names = {entry.name for entry in Store().libraries.entries(key)}
    assert names == {"Before the spring retreat", DEFAULT_NAME}

    for refused, problem in ((DEFAULT_NAME, "already"), ("   ", "name")):
        app.text_input(key="library_new_name").set_value(refused)
        app.button(key="library_rename").click().run()
        assert not app.exception
        assert any(text.startswith("Not renamed") and problem in text for text in texts(app.error))
        assert {entry.name for entry in Store().libraries.entries(key)} == names

    app.button(key="library_delete").click().run()
    app.button(key="confirm_library_delete").click().run()
    assert not app.exception
    assert [entry.name for entry in Store().libraries.entries(key)] == [DEFAULT_NAME]


@pytest.mark.parametrize(
    ("name", "note", "problem"),
    [("   ", "", "name"), ("x" * 101, "", "name"), ("A fine name", "n" * 1001, "note")],
)
def test_a_refused_save_says_why_and_changes_nothing(app, name, note, problem):
    """The user saves a copy under a name or with a note the library refuses."""
    before = current(app)
    app.text_input(key="library_note:page").set_value(note)
    app.text_input(key="save_as_name").set_value(name)
    app.button(key="save_copy").click().run()
    assert not app.exception
    assert any(text.startswith("Not saved") and problem in text for text in texts(app.error))
    assert current(app) == before


def test_the_library_link_opens_the_library_in_a_new_session(app):
    """The user saves, then opens their library link in another browser: it is there."""
    save(app, "First try")
    key = app.session_state[LIBRARY_KEY]
    other = fresh_app(**{LIBRARY_PARAMETER: key})
    assert not other.exception
    assert other.session_state[LIBRARY_KEY] == key
    other.switch_page("app/pages/compare.py").run()
    assert f"{DEFAULT_NAME} (saved)" in list(library_table(other)["Scenario"])


def test_a_wrong_library_link_is_said_and_nothing_is_lost():
    """The user opens a library link with a key that opens nothing."""
    at = fresh_app(**{LIBRARY_PARAMETER: "not-a-real-key-at-all!"})
    assert not at.exception
    assert at.session_state[LIBRARY_KEY] is None
    assert LIBRARY_PARAMETER not in at.query_params
    assert any("opens no library" in text for text in texts(at.error))
    assert current(at).name == DEFAULT_NAME


def test_a_short_link_round_trip(app):
    """The user makes a short link; another browser opens it and edits that scenario."""
    app.switch_page("app/pages/plan.py").run()
    app.number_input(key=offer_key(app, 0, "clients")).set_value(20.0).run()
    open_dialog(app, SHARE)
    app.button(key="make_short_link").click().run()
    assert not app.exception
    link = next(text.value for text in app.text if f"?{COPY_PARAMETER}=" in text.value)
    copy_id = link.split(f"?{COPY_PARAMETER}=", 1)[1]
    other = fresh_app(**{COPY_PARAMETER: copy_id})
    assert not other.exception
    assert current(other).offers[0].clients == 20
    assert COPY_PARAMETER not in other.query_params
    assert any("from the short link" in text for text in texts(other.success))


def test_a_damaged_short_link_shows_the_default_example():
    """The user opens a short link cut short."""
    at = fresh_app(**{COPY_PARAMETER: "abc"})
    assert not at.exception
    assert current(at).name == DEFAULT_NAME
    assert any("short link leads to no scenario" in text for text in texts(at.error))


def test_a_database_that_is_down_is_said_and_nothing_is_lost(monkeypatch):
    """The database cannot be reached: saving, the library, short links say so; the plan stays."""
    monkeypatch.setenv(
        DATABASE_URL_VARIABLE, f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none"
    )
    at = fresh_app()
    at.switch_page("app/pages/plan.py").run()
    at.number_input(key=offer_key(at, 0, "clients")).set_value(20.0).run()
    edited = current(at)
    open_dialog(at, LIBRARY)
    at.button(key="library_save:sidebar").click().run()
    assert not at.exception
    assert any("cannot be reached" in text for text in texts(at.error))
    assert current(at) == edited and at.session_state[LIBRARY_KEY] is None
    open_dialog(at, SHARE)
    at.button(key="make_short_link").click().run()
    assert not at.exception
    assert any("cannot be reached" in text for text in texts(at.error))
    assert current(at) == edited

    down = fresh_app(**{COPY_PARAMETER: "A" * 22})
    assert not down.exception
    assert current(down).name == DEFAULT_NAME
    assert any("cannot be reached" in text for text in texts(down.error))

    library = fresh_app(**{LIBRARY_PARAMETER: "B" * 22})
    assert not library.exception
    assert library.session_state[LIBRARY_KEY] == "B" * 22  # kept for when it is back
    assert any("cannot be reached" in text for text in texts(library.warning))
    library.switch_page("app/pages/compare.py").run()
    assert not library.exception
    assert any("cannot be reached" in text for text in texts(library.error))


def test_the_plan_page_does_not_load_the_store():
    """A person opens the app without a library or short link: the store is not even imported."""
    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({APP!r}, default_timeout=60).run()\n"
        "assert not at.exception\n"
        "print(sorted(name for name in ('store', 'sqlalchemy') if name in sys.modules))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert finished.stdout.strip().splitlines()[-1] == "[]"
