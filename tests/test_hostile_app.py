"""The app against a stranger's file and careless timing, through AppTest: no crash, no live
Markdown, nothing kept that is not needed, and no edit lost or switched off."""

import re

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from app.editors import SCENARIO_PART
from app.plain_text import bullet_list, plain, plain_paragraphs
from models.examples import DEFAULT_EXAMPLE, load_example
from models.files import dump_scenario
from tests.shown_text import shown
from tests.test_app import (
    APP,
    SCENARIOS,
    current,
    decide,
    key,
    offer_key,
    show_part,
    sidebar_uploader,
)

LINK = "[Click to verify your account](https://evil.example/login)"
PIXEL = "![x](http://evil.example/pixel.png?who=victim)"
#: Every ASCII punctuation character, which Markdown may read as syntax.
PUNCTUATION = r"[!-/:-@\[-`{-~]"


@pytest.fixture
def app():
    """A fresh app session on its first screen."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def hostile_scenario_yaml() -> str:
    """The default example with a link and a tracking image in every text a file carries."""
    document = yaml.safe_load(dump_scenario(load_example(DEFAULT_EXAMPLE)))
    document["name"] = f"{LINK} {PIXEL}"[:100]
    document["description"] = f"First paragraph {LINK}\nsecond line {PIXEL}\n\nNew paragraph."
    document["offers"][0]["name"] = PIXEL
    return yaml.safe_dump(document, allow_unicode=True)


def unescaped_punctuation(markdown: str) -> list[str]:
    """The punctuation characters of ``markdown`` not escaped by a backslash."""
    return re.findall(PUNCTUATION, re.sub(r"\\" + PUNCTUATION, "", markdown))


@given(st.text())
def test_plain_text_escapes_every_markdown_character_and_shows_the_text_as_written(text):
    markdown = plain(text)
    assert unescaped_punctuation(markdown) == []
    # One line: line ends become spaces; leading spaces become no-break spaces (no code block).
    one_line = re.sub(r"\r\n|\r|\n", " ", text).replace("\u2060", "")
    indent = len(one_line) - len(one_line.lstrip(" \t"))
    assert shown(markdown) == "\u00a0" * indent + one_line[indent:]


@given(st.text())
def test_a_description_keeps_its_paragraphs_and_line_breaks_and_nothing_else(text):
    markdown = plain_paragraphs(text)
    # "  \n" is the hard line break and "\n\n" the paragraph break: the only Markdown left.
    assert unescaped_punctuation(markdown) == []
    lines = [
        line for line in re.split(r"\r\n|\r|\n", text.replace("\u2060", "").strip()) if line.strip()
    ]
    assert [line.strip(" \t\u00a0") for line in shown(markdown).split("\n") if line.strip()] == [
        line.strip(" \t") for line in lines
    ]


def test_a_problem_list_is_one_bullet_a_problem_each_shown_as_written():
    # Two problems → two bullets; the brackets and the colon are escaped, the dashes are Markdown.
    assert bullet_list(["offers[0] name: [x](y)", "plain"]) == (
        "- offers\\[0\\] name\\: \\[x\\]\\(y\\)\n- plain"
    )


def test_a_file_with_links_and_images_in_its_texts_shows_them_as_text(app):
    """The user opens a stranger's file whose name, story and offer name hold Markdown."""
    sidebar_uploader(app).upload("[a](https://evil.example).yaml", hostile_scenario_yaml().encode())
    app.run()
    assert not app.exception
    title = app.title[0].value
    assert unescaped_punctuation(title) == []
    assert shown(title) == f"{LINK} {PIXEL}"[:100]
    notice = app.success[0].value
    assert unescaped_punctuation(notice) == []
    assert "[a](https://evil.example).yaml" in shown(notice)
    app.button(key="open_story").click().run()
    story = next(item.value for item in app.markdown if "First paragraph" in shown(item.value))
    assert unescaped_punctuation(story.replace("  \n", "").replace("\n\n", "")) == []
    undo_label = app.button(key="undo").label
    assert unescaped_punctuation(undo_label) == []


def test_an_unknown_key_echoed_in_an_error_is_shown_as_text(app):
    """The user opens a file with a Markdown link as an unknown key."""
    document = yaml.safe_load(dump_scenario(load_example(DEFAULT_EXAMPLE)))
    document[LINK] = 1
    sidebar_uploader(app).upload("odd.yaml", yaml.safe_dump(document).encode()).run()
    assert not app.exception
    messages = [item.value for item in app.error]
    assert messages
    for message in messages:
        assert "](" not in message.replace("\\](", "").replace("\\]\\(", "")
    assert any("Click to verify your account" in shown(message) for message in messages)


def test_undo_after_an_invalid_draft_brings_the_draft_back(app):
    """The user clears the name, opens a valid file, then clicks Undo."""
    name_key = key(app, "scenario", "name")
    clients_key = offer_key(app, 0, "clients")
    app.number_input(key=clients_key).set_value(20).run()
    show_part(app, SCENARIO_PART)
    app.text_input(key=name_key).set_value("").run()
    assert not app.exception
    assert app.session_state["draft"]["name"] == ""
    sidebar_uploader(app).upload(
        "course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()
    ).run()
    assert not app.exception
    assert shown(app.title[0].value) == "Course creator"
    app.button(key="undo").click().run()
    assert not app.exception
    # The invalid draft is back as it was, edits and all; the page shows its last valid plan.
    assert app.session_state["draft"]["name"] == ""
    assert app.session_state["draft"]["offers"][0]["clients"] == 20
    assert shown(app.title[0].value) == load_example(DEFAULT_EXAMPLE).name
    assert app.text_input(key=key(app, "scenario", "name")).value == ""
    assert any("name" in shown(item.value) for item in app.error)


def test_a_notice_is_shown_once(app):
    """The user opens a file, reads the notice, then edits a number."""
    sidebar_uploader(app).upload(
        "course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()
    ).run()
    assert any("Loaded" in shown(item.value) for item in app.success)
    show_part(app, SCENARIO_PART)
    app.number_input(key=key(app, "practitioner", "weeks_per_year")).set_value(40).run()
    assert not app.exception
    assert not any("Loaded" in shown(item.value) for item in app.success)


def test_an_upload_is_let_go_once_read(app):
    """The user opens a file: the session keeps the scenario, not the file."""
    uploader = sidebar_uploader(app)
    uploader.upload("course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()).run()
    assert not app.exception
    assert current(app).name == "Course creator"
    fresh = sidebar_uploader(app)
    assert fresh.key != uploader.key  # a new, empty uploader
    assert fresh.value is None
    assert uploader.key not in app.session_state


def test_applying_a_goal_seek_value_keeps_the_unsaved_edits_question(app):
    """The user applies a goal-seek value, then picks another example."""
    decide(app, "What it takes")
    app.button(key="goal_apply").click().run()
    assert not app.exception
    assert any("Undo is in the sidebar" in shown(item.value) for item in app.success)
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    assert not app.exception
    assert app.session_state["pending_choice"] == "course-creator"
    assert any("unsaved edits" in shown(item.value) for item in app.warning)
    assert current(app).name == load_example(DEFAULT_EXAMPLE).name  # not replaced yet


def test_undo_brings_back_the_unsaved_edits_question_too(app):
    """The user edits, opens an example (confirming), undoes, then picks another example."""
    clients_key = offer_key(app, 0, "clients")
    app.number_input(key=clients_key).set_value(20).run()
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    app.button(key="confirm_replace").click().run()
    app.button(key="undo").click().run()
    assert not app.exception
    assert current(app).offers[0].clients == 20
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    assert app.session_state["pending_choice"] == "course-creator"


@pytest.mark.parametrize(
    ("name", "problem"),
    [("   ", "name"), ("x" * 101, "name"), ("bell\x07", "name")],
)
def test_save_a_copy_checks_the_name_like_every_other_path(app, name, problem):
    """The user saves a copy under an empty, too long or control-character name."""
    from models.schema import Scenario

    before = dict(app.session_state["library"])
    try:
        Scenario.model_validate({**current(app).model_dump(), "name": name.strip()})
    except ValueError:
        pass
    else:
        pytest.skip("the schema accepts this name")
    app.switch_page("app/pages/compare.py").run()
    app.text_input(key="save_as_name").set_value(name)
    app.button(key="save_copy").click().run()
    assert not app.exception
    assert dict(app.session_state["library"]) == before
    messages = [shown(item.value) for item in app.error]
    assert any(message.startswith("Not saved:") and problem in message for message in messages)
