"""The Plan page's first paint (app/first_paint.py), through Streamlit's AppTest."""

from streamlit.testing.v1 import AppTest

from models.examples import DEFAULT_EXAMPLE, load_example


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
