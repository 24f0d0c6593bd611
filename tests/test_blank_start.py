"""Starting blank asks for the scenario's name first; the downloads are named after it."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from models.examples import DEFAULT_EXAMPLE, load_example
from tests.shown_text import shown

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
START = "FormSubmitter:blank_scenario_form-Start"
CANCEL = "FormSubmitter:blank_scenario_form-Cancel"


@pytest.fixture
def file_names(monkeypatch):
    """The file names the app gives its download buttons, as Streamlit registers them."""
    names: list[str] = []
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def recorded(original):
        def wrapper(self, data, mimetype, coordinates, file_name=None, **options):
            names.append(file_name)
            return original(self, data, mimetype, coordinates, file_name, **options)

        return wrapper

    monkeypatch.setattr(MediaFileManager, "add", recorded(add))
    monkeypatch.setattr(MediaFileManager, "add_deferred", recorded(add_deferred))
    return names


@pytest.fixture
def app():
    """A fresh app session on its first screen, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def test_a_blank_start_asks_for_the_name_and_refuses_an_empty_one(app, file_names):
    """The user picks "Blank scenario", tries to start without a name, then names it."""
    example = load_example(DEFAULT_EXAMPLE).name
    app.selectbox(key="scenario_picker").set_value("blank").run()
    assert not app.exception
    assert app.text_input(key="blank_name").label == "Name of the new scenario"
    assert shown(app.title[0].value) == example  # nothing replaced yet

    app.text_input(key="blank_name").set_value("   ")
    app.button(key=START).click().run()
    errors = [shown(error.value) for error in app.sidebar.error]
    assert any(error.startswith("Give the new scenario a name first") for error in errors)
    assert shown(app.title[0].value) == example

    app.text_input(key="blank_name").set_value("Coach 10 clients + mastermind")
    app.button(key=START).click().run()
    assert not app.exception
    assert shown(app.title[0].value) == "Coach 10 clients + mastermind"
    assert not [item for item in app.text_input if item.key == "blank_name"]  # form gone
    # every download of the sidebar and the page is named by the one rule
    assert "Coach 10 clients + mastermind.yaml" in file_names
    assert "Coach 10 clients + mastermind.html" in file_names
    assert "Coach 10 clients + mastermind.xlsx" in file_names


def test_cancelling_keeps_the_scenario_on_screen(app):
    example = load_example(DEFAULT_EXAMPLE).name
    app.selectbox(key="scenario_picker").set_value("blank").run()
    app.button(key=CANCEL).click().run()
    assert not app.exception
    assert shown(app.title[0].value) == example
    assert not [item for item in app.text_input if item.key == "blank_name"]
    assert app.selectbox(key="scenario_picker").value == DEFAULT_EXAMPLE
