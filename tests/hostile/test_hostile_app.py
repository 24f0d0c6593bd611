"""The hostile files and links through the app's wiring (Streamlit's AppTest): what a person
who opens them sees, and what they download."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from models.examples import DEFAULT_EXAMPLE, load_example
from models.sharing import LINK_PARAMETER
from tests.shown_text import shown
from tests.test_app import (  # noqa: F401 - the fixtures
    APP,
    app,
    downloads,
    sidebar_uploader,
)

HERE = Path(__file__).parent


def test_a_link_with_an_escape_in_an_offer_name_shows_the_problem_and_the_default():
    """The user opens a shared link whose offer name holds ESC (which crashed the charts)."""
    st.cache_data.clear()
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params[LINK_PARAMETER] = (
        (HERE / "links" / "escape-in-offer-name.link").read_text().strip()
    )
    linked.run()
    assert not linked.exception
    assert linked.title[0].value == load_example(DEFAULT_EXAMPLE).name
    messages = "\n".join(shown(error.value) for error in linked.error)
    assert "contains a control character (ESC); remove it" in messages
    assert "\x1b" not in messages


def test_an_offer_named_like_a_formula_downloads_as_text(app, downloads):  # noqa: F811
    """The user opens a file whose offers are named =1+1 and @SUM(A1:A2), then downloads the
    offer table as CSV."""
    content = (HERE / "files" / "formula-offer-names.yaml").read_bytes()
    sidebar_uploader(app).upload("formulas.yaml", content).run()
    assert not app.exception
    app.button(key="open_offer_table").click().run()
    table = downloads(app, "download_offer_table").decode("utf-8")
    names = [row[0] for row in list(csv.reader(io.StringIO(table)))[1:]]
    assert names == ["'=1+1", "'@SUM(A1:A2)", "'+cmd|' /C calc'!A0", "'-2+3"]
