"""The Plan page's first paint (app/first_paint.py), through Streamlit's AppTest."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import first_paint
from models.examples import DEFAULT_EXAMPLE, load_example
from tests.test_app import APP, offer_key
from tests.widgets import set_field


class _Waits:
    """Stands in for app.first_paint's ``time``: records every wait and waits none."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> _Waits:
    recorded = _Waits()
    monkeypatch.setattr(first_paint, "time", recorded)
    return recorded


def _first_paint() -> None:
    from app.first_paint import paint_headline_first
    from app.state import init_state

    init_state()
    paint_headline_first()


def test_the_first_paint_is_the_title_and_the_eight_cards_alone() -> None:
    app = AppTest.from_function(_first_paint, default_timeout=60)
    app.run()
    assert not app.exception
    assert [title.value for title in app.title] == [load_example(DEFAULT_EXAMPLE).name]
    assert len(app.metric) == 8
    # nothing whose code the browser would fetch first: no widget, chart or sidebar
    assert not app.sidebar.children
    assert not (app.button or app.selectbox or app.number_input or app.text_input)


def test_without_a_browser_the_first_run_draws_the_whole_app() -> None:
    """AppTest sends no request headers: no one to paint for, so no timer waits."""
    app = AppTest.from_file("../streamlit_app.py", default_timeout=60)
    app.run()
    assert not app.exception
    assert len(app.metric) == 8
    assert app.number_input and app.selectbox


def test_a_plan_page_run_in_a_browser_waits_once_after_its_headline(
    monkeypatch: pytest.MonkeyPatch, waits: _Waits
) -> None:
    """The first paint sends the headline alone and needs no wait; every later Plan page
    run, the whole app's or an edit's (the page's fragment), waits once."""
    monkeypatch.setattr(first_paint, "in_a_browser", lambda: True)
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()  # the first paint: the title and the eight cards
    assert len(app.metric) == 8 and not app.number_input
    assert waits.seconds == []
    app.run()  # the whole app, as the first paint's timer asks for it
    assert not app.exception and app.number_input
    assert waits.seconds == [first_paint.HEADLINE_ALONE_SECONDS]
    set_field(app, offer_key(app, 0, "clients"), 23)
    assert waits.seconds == [first_paint.HEADLINE_ALONE_SECONDS] * 2


def test_without_a_browser_no_run_waits(waits: _Waits) -> None:
    """AppTest (and so every AppTest of the suite) runs the Plan page with no wait."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    set_field(app, offer_key(app, 0, "clients"), 23)
    assert not app.exception and len(app.metric) == 8
    assert waits.seconds == []


class _StopAtTheWait:
    """Stands in for app.first_paint's ``time``: the run stops where it would wait, so the
    app shows what the browser has been sent by then."""

    @staticmethod
    def sleep(_seconds: float) -> None:
        st.stop()


def test_the_wait_comes_after_the_headline_and_before_the_editor_and_charts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(first_paint, "in_a_browser", lambda: True)
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()  # the first paint
    monkeypatch.setattr(first_paint, "time", _StopAtTheWait)
    app.run()  # the whole app's run, stopped at its wait
    assert not app.exception
    assert len(app.metric) == 8
    assert not (app.number_input or app.selectbox or app.get("vega_lite_chart"))
