"""The app's wiring, through Streamlit's AppTest: what a user does, and what the model says."""

import io
import json
import math
import sys
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
import yaml
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from app.editors import EDITOR_PARTS, OFFERS_PART, PRACTICE_PART, SCENARIO_PART
from app.plain_text import WARNING_ICON
from app.sidebar_dialogs import FILES, SHARE
from app.state import (
    COMPARE_SELECTION,
    DRAFT,
    EDITOR_PART,
    OFFER_ID,
    SIDEBAR_DIALOG,
    scenario_document,
)
from models import evaluate, load_scenario
from models.examples import DEFAULT_EXAMPLE, load_example
from models.schema import KIND_LABELS, OFFER_MODELS
from models.sharing import LINK_PARAMETER, encode_scenario
from models.templates import new_offer
from models.timeline import timeline
from presentation.formatting import format_money, format_money_short
from tests.shown_text import shown
from tests.widgets import set_field

APP = str(Path(__file__).parent.parent / "streamlit_app.py")
SCENARIOS = Path(__file__).parent.parent / "scenarios"


@pytest.fixture
def app():
    """A fresh app session on its first screen, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def key(at, *parts):
    """A widget key of the scenario on screen: ``g1:offer:3:clients``."""
    return ":".join([f"g{at.session_state['generation']}", *map(str, parts)])


def offer_id(at, index):
    """The widget-key id of the draft's offer at ``index``."""
    return at.session_state[DRAFT]["offers"][index][OFFER_ID]


def offer_key(at, index, field):
    return key(at, "offer", offer_id(at, index), field)


def show_part(at, part):
    """The user picks a part of the Plan page's editor (``app.editors.EDITOR_PARTS``)."""
    return at.button_group(key=EDITOR_PART).set_value(part).run()


def open_dialog(at, name):
    """The user clicks the sidebar's button of dialog ``name`` (``app.sidebar_dialogs``)."""
    return at.button(key=f"open_{name}").click().run()


def sidebar_uploader(at):
    """The uploader of the dialog "Open a scenario file", opened (its key changes after each
    file read, which closes the dialog)."""
    uploaders = [item for item in at.file_uploader if item.key.startswith("scenario_upload")]
    if not uploaders:
        open_dialog(at, FILES)
        uploaders = [item for item in at.file_uploader if item.key.startswith("scenario_upload")]
    return uploaders[0]


def metric(at, label):
    return next(item.value for item in at.metric if item.label == label)


def current(at):
    """The scenario the session is editing, validated."""
    from models.schema import Scenario

    return Scenario.model_validate(scenario_document(at.session_state[DRAFT]))


def test_first_screen_shows_the_default_example_and_its_numbers(app):
    """The user opens the app and sees the default example's results."""
    expected = evaluate(load_example(DEFAULT_EXAMPLE))
    assert shown(app.title[0].value) == expected.scenario
    assert metric(app, "Net income a year") == format_money_short(expected.totals.net_income, "USD")
    assert metric(app, "Hours used") == "1,206 h of 1,840 h"
    assert len(app.metric) == 8  # net income, take-home, hours, rate and four ratios
    assert not app.error


def test_the_plan_names_hours_used_and_billable_utilisation_apart(app):
    """The user reads how much of the year is used and how much of it is billable."""
    assert not app.exception
    hours = next(item for item in app.metric if item.label == "Hours used")
    # 1,206 h of 40 × 46 = 1,840 h: 65.5% used, 634 h free = 13.8 h a week
    assert hours.delta == "66% used, 13.8 h a week free"
    # delivery: 16 clients × 24 × 1 h + 12 × 2 × 2 h mastermind + 24 h retreat = 456 h;
    # 456 / 1,840 = 24.8%: billable utilisation, far from the 97% an all-hours ratio suggests
    assert metric(app, "Billable utilisation") == "25%"
    assert not [item for item in app.metric if "tiliz" in item.label]


def test_changing_clients_updates_the_metrics_to_the_models_numbers(app):
    """The user types 20 clients and the net income follows the model."""
    app.number_input(key=offer_key(app, 0, "clients")).set_value(20.0).run()
    assert not app.exception
    scenario = current(app)
    assert scenario.offers[0].clients == 20
    # 4 more clients × 6,000 = 24,000 more than the example's 186,500
    assert metric(app, "Net income a year") == "$210,500"
    assert metric(app, "Net income a year") == format_money_short(
        evaluate(scenario).totals.net_income, "USD"
    )


def test_changing_the_working_week_changes_capacity(app):
    """The user works 30 hours a week instead of 40."""
    show_part(app, SCENARIO_PART)
    app.number_input(key=key(app, "practitioner", "hours_per_week")).set_value(30.0).run()
    assert not app.exception
    # 30 h × 46 weeks = 1,380 h
    assert metric(app, "Hours used") == "1,206 h of 1,380 h"


def test_the_editor_shows_one_part_at_a_time_and_marks_a_part_to_fix(app):
    """The user goes from the offers to the scenario's part, empties its name, and goes back:
    only the part picked is built, and the scenario's part is marked as needing a fix."""
    editor_part = app.button_group(key=EDITOR_PART)
    assert editor_part.value == OFFERS_PART
    assert editor_part.options == list(EDITOR_PARTS)
    assert [button.key for button in app.button if button.key == "add_offer"] == ["add_offer"]
    show_part(app, SCENARIO_PART)
    name_key = key(app, "scenario", "name")
    assert not [button for button in app.button if button.key == "add_offer"]
    app.text_input(key=name_key).set_value("").run()
    assert any("name" in shown(item.value) for item in app.error)  # under the field
    show_part(app, OFFERS_PART)
    assert not [box for box in app.text_input if box.key == name_key]
    assert app.button_group(key=EDITOR_PART).options == [
        OFFERS_PART,
        f"{SCENARIO_PART} {WARNING_ICON}",
        PRACTICE_PART,
    ]


def test_a_sidebar_dialog_stays_open_until_closed_and_reading_a_file_closes_it(app):
    """The user opens the dialog to open a file; the app runs again (another session's doing,
    say) and the dialog is still there; the file read, it closes and the notice says so."""
    open_dialog(app, FILES)
    assert app.session_state[SIDEBAR_DIALOG] == FILES
    app.run()
    uploaders = [item for item in app.file_uploader if item.key.startswith("scenario_upload")]
    assert len(uploaders) == 1  # still open: no click since
    uploader = uploaders[0]
    uploader.upload("course.yaml", (SCENARIOS / "course-creator.yaml").read_bytes()).run()
    assert not app.exception
    assert app.session_state[SIDEBAR_DIALOG] is None
    assert not [item for item in app.file_uploader if item.key.startswith("scenario_upload")]
    assert any("Loaded" in shown(item.value) for item in app.success)
    open_dialog(app, SHARE)
    assert any(f"?{LINK_PARAMETER}=" in text.value for text in app.text)
    app.session_state[SIDEBAR_DIALOG] = None  # what its ×, Esc or a click outside does
    app.run()
    assert not [text for text in app.text if f"?{LINK_PARAMETER}=" in text.value]


@pytest.mark.parametrize("kind", list(OFFER_MODELS))
def test_add_duplicate_disable_and_delete_an_offer_of_every_kind(app, kind):
    """The user adds an offer of a kind, duplicates it, switches the copy off, deletes it."""
    before = len(current(app).offers)
    app.selectbox(key="new_offer_kind").set_value(kind)
    app.button(key="add_offer").click().run()
    assert not app.exception
    scenario = current(app)
    assert len(scenario.offers) == before + 1
    added = scenario.offers[-1]
    assert added.kind == kind and added.name == KIND_LABELS[kind]
    assert added == new_offer(kind, [offer.name for offer in scenario.offers[:-1]])
    assert evaluate(scenario).offer(added.name).revenue > 0

    app.button(key="duplicate_offer").click().run()
    scenario = current(app)
    assert [offer.name for offer in scenario.offers[-2:]] == [added.name, f"{added.name} (copy)"]

    app.toggle(key=offer_key(app, before + 1, "enabled")).set_value(False).run()
    scenario = current(app)
    assert scenario.offers[-1].enabled is False
    assert f"{added.name} (copy)" not in [offer.name for offer in evaluate(scenario).offers]

    app.button(key="delete_offer").click().run()
    assert len(current(app).offers) == before + 2  # asked first
    app.button(key="confirm_delete").click().run()
    assert not app.exception
    assert len(current(app).offers) == before + 1


def test_moving_an_offer_changes_the_order(app):
    """The user moves the second offer up."""
    names = [offer.name for offer in current(app).offers]
    app.selectbox(key="selected_offer").set_value(offer_id(app, 1)).run()
    app.button(key="move_up").click().run()
    assert not app.exception
    assert [offer.name for offer in current(app).offers] == [names[1], names[0], *names[2:]]


def test_an_impossible_combination_is_explained_and_the_page_keeps_working(app):
    """The user types more new licensees than active ones."""
    app.selectbox(key="new_offer_kind").set_value("licensing")
    app.button(key="add_offer").click().run()
    index = len(current(app).offers) - 1
    app.number_input(key=offer_key(app, index, "new_licensees_per_year")).set_value(9.0).run()
    assert not app.exception
    messages = [shown(error.value) for error in app.error]
    assert any("cannot be more than the active licensees (4)" in message for message in messages)
    assert len(app.metric) == 8  # results still shown, from the last valid plan


def test_a_good_upload_replaces_the_scenario_and_can_be_undone(app):
    """The user opens a scenario file, then changes their mind."""
    content = (SCENARIOS / "course-creator.yaml").read_bytes()
    sidebar_uploader(app).upload("course.yaml", content).run()
    assert not app.exception
    assert shown(app.title[0].value) == "Course creator"
    assert current(app) == load_scenario(content)
    app.button(key="undo").click().run()
    assert shown(app.title[0].value) == load_example(DEFAULT_EXAMPLE).name


def test_a_bad_upload_shows_every_problem_and_changes_nothing(app):
    """The user opens a broken file and keeps the scenario they had."""
    before = current(app)
    broken = (
        (SCENARIOS / "course-creator.yaml").read_text().replace("students: 300", "students: -3")
    )
    broken = broken.replace("automation: 0.8", "automaton: 0.8")
    sidebar_uploader(app).upload("broken.yaml", broken.encode()).run()
    assert not app.exception
    text = "\n".join(shown(error.value) for error in app.error)
    assert "broken.yaml is not a valid scenario" in text
    assert (
        "Offer 2, “Career change program”: students per year must be at least 0, not -3 (students)"
        in text
    )
    assert "Did you mean `automation`?" in text
    assert current(app) == before


@pytest.fixture
def downloads(monkeypatch):
    """The bytes behind a download button: ``downloads(app, key)``; a deferred download's
    file is made as if the button were clicked."""
    stores = []
    managers = []

    class RecordingStorage(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    class RecordingManager(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", RecordingStorage)
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingManager)

    def content(at, button_key):
        proto = at.download_button(key=button_key).proto
        if proto.HasField("deferred_file_id"):
            url = managers[-1].execute_deferred(proto.deferred_file_id)
        else:
            url = proto.url
        return stores[-1].get_file(url.rsplit("/", 1)[-1]).content

    return content


def test_the_downloaded_file_loads_back_to_the_same_scenario(app, downloads):
    """The user edits, downloads, and the file holds exactly the scenario on screen."""
    app.selectbox(key="selected_offer").set_value(offer_id(app, 1)).run()
    set_field(app, offer_key(app, 1, "fee_per_member_per_month"), "950")
    assert not app.exception
    content = downloads(app, "download_scenario")
    assert load_scenario(content) == current(app)
    assert yaml.safe_load(content)["offers"][1]["fee_per_member_per_month"] == 950


def test_a_downloaded_plan_counts_as_saved_until_the_next_edit(app, downloads):
    """The user edits, downloads the file, switches example: not asked, the edits are in the
    file. An edit after the download is asked about again."""
    clients = offer_key(app, 0, "clients")
    app.number_input(key=clients).set_value(5.0).run()
    downloads(app, "download_scenario")  # the click: the file records itself, no rerun
    app.run()
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    assert not any("unsaved edits" in warning.value for warning in app.warning)
    assert shown(app.title[0].value) == "Course creator"

    edited_after = AppTest.from_file(APP, default_timeout=60).run()
    downloads(edited_after, "download_scenario")
    edited_after.number_input(key=offer_key(edited_after, 0, "clients")).set_value(6.0).run()
    edited_after.selectbox(key="scenario_picker").set_value("course-creator").run()
    assert any("unsaved edits" in warning.value for warning in edited_after.warning)


def test_a_share_link_opens_the_same_scenario():
    """The user opens a link someone shared and sees that scenario exactly."""
    shared = load_example("program-licensing")
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params[LINK_PARAMETER] = encode_scenario(shared)
    linked.run()
    assert not linked.exception
    assert current(linked) == shared
    assert shown(linked.title[0].value) == shared.name
    assert metric(linked, "Net income a year") == "€199,520"


def test_the_link_the_app_shows_carries_the_current_scenario(app):
    """The user copies the share link after an edit."""
    app.number_input(key=offer_key(app, 0, "clients")).set_value(18.0).run()
    open_dialog(app, SHARE)
    assert not app.exception
    url = next(text.value for text in app.text if f"?{LINK_PARAMETER}=" in text.value)
    token = url.split(f"?{LINK_PARAMETER}=", 1)[1]
    from models.sharing import decode_scenario

    assert decode_scenario(token) == current(app)


@pytest.mark.parametrize("token", ["not-a-scenario", "eJzLSM3JyVcozy_KSQEAGgQEXQ", "x" * 20_000])
def test_a_corrupt_or_too_long_link_shows_a_message_and_the_default(token):
    """The user opens a damaged link and gets the default example with an explanation."""
    st.cache_data.clear()
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params[LINK_PARAMETER] = token
    linked.run()
    assert not linked.exception
    assert shown(linked.title[0].value) == load_example(DEFAULT_EXAMPLE).name
    assert any("could not be opened" in shown(error.value) for error in linked.error)


def test_switching_scenario_with_unsaved_edits_asks_first(app):
    """The user edits, picks another example, and is asked before losing the edits."""
    app.number_input(key=offer_key(app, 0, "clients")).set_value(5.0).run()
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    assert not app.exception
    assert shown(app.title[0].value) == load_example(DEFAULT_EXAMPLE).name  # not replaced yet
    assert any("unsaved edits" in warning.value for warning in app.warning)
    app.button(key="keep_editing").click().run()
    assert current(app).offers[0].clients == 5
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    app.button(key="confirm_replace").click().run()
    assert shown(app.title[0].value) == "Course creator"


def test_switching_scenario_without_edits_needs_no_confirmation(app):
    """The user picks another example straight away."""
    app.selectbox(key="scenario_picker").set_value("coach-one-to-one").run()
    assert shown(app.title[0].value) == "1:1 coach at full capacity"
    app.selectbox(key="scenario_picker").set_value("blank").run()
    app.text_input(key="blank_name").set_value("New scenario")
    app.button(key="FormSubmitter:blank_scenario_form-Start").click().run()
    assert not app.exception
    assert shown(app.title[0].value) == "New scenario"
    assert len(app.metric) == 8  # net income, take-home, hours, rate and four ratios


def test_every_page_renders_without_an_exception(app):
    """The user visits each page of the navigation."""
    for page in ["plan", "timeline", "scale", "compare", "decide"]:
        app.switch_page(f"app/pages/{page}.py").run()
        assert not app.exception


def test_the_scale_page_shows_the_engines_ceiling_for_each_offer(app):
    """The user opens Scale and reads the first offer's ceiling and next buyer."""
    from models.scale import scale

    app.switch_page("app/pages/scale.py").run()
    assert not app.exception
    expected = scale(load_example(DEFAULT_EXAMPLE)).offers[0]
    assert metric(app, "Ceiling") == f"{expected.ceiling.quantity:,.0f}"
    assert metric(app, "The next buyer") == f"{expected.marginal.hours_per_unit:,.1f} h"
    app.selectbox(key="scale_offer").set_value("Leaders mastermind").run()
    assert metric(app, "Your plan (members)") == "8"
    assert any("events or training business" in info.value for info in app.info)


def test_the_scale_page_shows_the_automation_frontier_of_an_online_program(app):
    """The user looks at a course's automation frontier."""
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    app.switch_page("app/pages/scale.py").run()
    app.selectbox(key="scale_offer").set_value("Career change program").run()
    assert not app.exception
    frontier = app.dataframe[-1].value  # the last table on the page
    assert (
        frontier["Price per student (USD)"].tolist()[0] == 1997
    )  # automation 0: full support price
    assert frontier["Price per student (USD)"].tolist()[-1] == 497  # automation 1: fully automated
    # every figure shown as a whole number, the money columns (named with the currency) too
    formats = json.loads(app.dataframe[-1].proto.columns)
    assert {
        name for name, config in formats.items() if config.get("type_config", {}).get("format")
    } == set(frontier.columns) - {"Automation"}


def test_an_edit_on_plan_reaches_scale_and_survives_the_page_switch(app):
    """The user edits clients, looks at Scale, comes back, and the edit is still there."""
    clients_key = offer_key(app, 0, "clients")
    app.number_input(key=clients_key).set_value(20.0).run()
    app.switch_page("app/pages/scale.py").run()
    assert metric(app, "Your plan (clients)") == "20"
    app.switch_page("app/pages/plan.py").run()
    assert not app.exception
    assert app.number_input(key=clients_key).value == 20
    assert metric(app, "Net income a year") == "$210,500"


def test_compare_shows_the_current_scenario_against_another_with_deltas(app):
    """The user opens Compare and reads the change in net income against the baseline."""
    from models.compare import compare

    app.switch_page("app/pages/compare.py").run()
    assert not app.exception
    chosen = app.multiselect(key="compare_selection").value
    assert len(chosen) == 2
    # the default partner: the first other example in the library (examples by file name)
    other = load_example("coach-group-program")
    assert chosen[1] == other.name
    table = headline_table(app)
    expected = compare([load_example(DEFAULT_EXAMPLE), other])
    net = next(row for row in expected.metrics if row.metric == "net_income")
    # $180,310 against the baseline's $186,500: -$6,190, -3.3%
    assert net.deltas[1] == pytest.approx(-6_190)
    assert table.loc["Net income", other.name] == "$180,310\n-$6,190 (-3.3%)"


def headline_table(app):
    """The Compare page's headline table as the text a person reads: figure × scenario."""
    table = app.table[0].value
    return table.rename(columns=shown).map(shown)


def test_compare_tells_scenarios_of_the_same_name_apart(app):
    """The user compares the plan with the example it started from: both are called alike."""
    same = load_example(DEFAULT_EXAMPLE).name
    app.switch_page("app/pages/compare.py").run()
    app.multiselect(key="compare_selection").set_value(["The scenario you are editing", same]).run()
    assert not app.exception
    assert list(headline_table(app).columns) == [same, f"{same} (2)"]
    assert {app.selectbox(key="changed_from").options[1]} == {f"{same} (2)"}


def test_compare_keeps_each_scenarios_colour_when_one_leaves(app):
    """The user compares three scenarios, then removes the middle one: the others keep
    their colours (colours follow the scenario, not its position)."""
    from charts.compare import SCENARIO_COLOURS

    app.switch_page("app/pages/compare.py").run()
    three = ["The scenario you are editing", "Course creator", "1:1 coach at full capacity"]
    app.multiselect(key="compare_selection").set_value(three).run()
    assert app.session_state["compare_colours"] == {name: slot for slot, name in enumerate(three)}
    app.multiselect(key="compare_selection").set_value([three[0], three[2]]).run()
    assert not app.exception
    assert app.session_state["compare_colours"] == {three[0]: 0, three[2]: 2}
    spec = app.get("vega_lite_chart")[0].proto.spec
    assert SCENARIO_COLOURS[2] in spec and SCENARIO_COLOURS[1] not in spec


def test_saving_a_copy_compares_the_plan_with_it(app):
    """The user saves a copy on the Compare page: the comparison is the plan against it."""
    app.switch_page("app/pages/compare.py").run()
    app.text_input(key="save_as_name").set_value("Before the retreat")
    app.button(key="save_copy").click().run()
    assert not app.exception
    assert app.multiselect(key="compare_selection").value == [
        "The scenario you are editing",
        "Before the retreat",
    ]
    assert app.selectbox(key="compare_baseline").value == "The scenario you are editing"
    same = load_example(DEFAULT_EXAMPLE).name
    assert list(headline_table(app).columns) == [same, "Before the retreat"]


def test_an_uploaded_file_is_opened_and_kept_only_when_saved(app):
    """The user opens a file: it is the scenario they edit; the library keeps it only once saved."""
    before = dict(app.session_state["library"])
    content = (SCENARIOS / "course-creator.yaml").read_bytes()
    sidebar_uploader(app).upload("course.yaml", content).run()
    assert not app.exception
    assert current(app) == load_scenario(content)
    assert dict(app.session_state["library"]) == before


def test_the_timeline_shows_the_engines_months_and_what_collides(app, downloads):
    """The user opens Timeline on the default example and downloads the months."""
    import io

    import pandas as pd

    from models.tables import MONTH_COLUMNS, MONTH_UNITS, months_table, with_currency
    from models.timeline import timeline

    app.switch_page("app/pages/timeline.py").run()
    assert not app.exception
    # The autumn retreat (month 10 of each year) on top of the coaching: 186 h against 153 h
    # (193 h in year one), and month 1: the first cohort's 8 members are all new, 8 × 8 h = 64 h
    # of selling, with the coaching's first year of new clients, 16 × 12 / 12 = 16 h: 169 h
    assert metric(app, "Months over capacity") == "4 of 36"
    assert metric(app, "Busiest month") == "month 10"
    assert 'Month 10: "Autumn leadership retreat" 104 h' in shown(app.warning[0].value)
    assert app.session_state["draft"] == app.session_state["saved"]  # looking changes nothing
    months = pd.read_csv(io.BytesIO(downloads(app, "download_timeline")))
    headings = with_currency(MONTH_COLUMNS, MONTH_UNITS, "USD")
    expected = months_table(timeline(load_example(DEFAULT_EXAMPLE))).rename(columns=headings)
    assert list(months.columns) == list(expected.columns)
    assert months["Cumulative net income (USD)"].to_numpy() == pytest.approx(
        expected["Cumulative net income (USD)"].to_numpy()
    )


def test_the_timeline_shows_each_years_take_home(app):
    """The user looks at what each of the first three years leaves after tax."""
    from models.timeline import timeline

    app.switch_page("app/pages/timeline.py").run()
    assert not app.exception
    years = next(frame.value for frame in app.dataframe if "Take-home (USD)" in frame.value.columns)
    plan = timeline(load_example(DEFAULT_EXAMPLE))
    assert list(years["Year"]) == [1, 2, 3]
    assert years["Take-home (USD)"].to_numpy() == pytest.approx([y.take_home for y in plan.years])
    assert years["Tax (USD)"].to_numpy() == pytest.approx([y.tax for y in plan.years])


def test_moving_the_retreat_on_the_timeline_moves_the_crowded_month(app):
    """The user moves the retreat to month 4 of the year; the schedule is saved with the scenario."""
    app.switch_page("app/pages/timeline.py").run()
    retreat_id = offer_id(app, 2)
    app.selectbox(key="timeline_offer").set_value(retreat_id).run()
    app.multiselect(key=key(app, "schedule", retreat_id, "start_months")).set_value([4]).run()
    assert not app.exception
    assert current(app).offers[2].schedule.start_months == [4]
    assert metric(app, "Busiest month") == "month 4"
    assert app.session_state["draft"] != app.session_state["saved"]  # an edit to download


def test_a_course_that_cannot_be_built_in_time_starts_later_with_a_note(app):
    """The user asks a course with six months of creation to launch in month 3."""
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    app.switch_page("app/pages/timeline.py").run()
    course_id = offer_id(app, 1)
    app.selectbox(key="timeline_offer").set_value(course_id).run()
    app.number_input(key=key(app, "schedule", course_id, "start_month")).set_value(3).run()
    assert not app.exception
    assert current(app).offers[1].schedule.start_month == 3
    moved = "starts in month 7, not 3: its 6 months of creation come first"
    assert any(moved in shown(note.value) for note in app.info)  # under the schedule editor
    assert not any(moved in shown(warning.value) for warning in app.warning)  # said once
    # Creation the same (months 1-6, first launch in month 7): paid back in month 7 as in the
    # example, with the coaching's rate, 10,200 / 370.29 h = 27.55 an hour
    assert any(
        "paid back in **month 7** (an hour valued at $27.55, the effective hourly rate of your "
        "other offers)" in shown(text.value)
        for text in app.markdown
    )


def test_launch_months_move_an_online_programs_sales(app):
    """The user launches the course in months 3 and 9 instead of spreading its launches."""
    app.selectbox(key="scenario_picker").set_value("course-creator").run()
    app.switch_page("app/pages/timeline.py").run()
    course_id = offer_id(app, 1)
    app.selectbox(key="timeline_offer").set_value(course_id).run()
    months = app.multiselect(key=key(app, "schedule", course_id, "launch_months"))
    assert months.placeholder == "spread evenly from the first month"
    months.set_value([3, 9]).run()
    assert not app.exception
    assert current(app).offers[1].schedule.launch_months == [3, 9]
    # from month 7: launches in months 9, 15, 21, 27 and 33, each 150 students × 797 (the first
    # at 3/4 of the rate, month 9 being the third month of a 3-month ramp); the other months
    # hold the coaching's 8 × 2,400 / 12 = 1,600
    months = timeline(current(app)).months
    assert [m.month for m in months if m.revenue > 1600] == [9, 15, 21, 27, 33]
    assert months[8].revenue == pytest.approx(150 * 3 / 4 * 797 + 1600)


def test_licensees_at_the_start_count_from_the_first_month(app):
    """The user says the practice already has 6 licensees; licensing has no ramp to set."""
    app.selectbox(key="scenario_picker").set_value("program-licensing").run()
    app.switch_page("app/pages/timeline.py").run()
    licence_id = offer_id(app, 2)
    app.selectbox(key="timeline_offer").set_value(licence_id).run()
    assert not [
        widget for widget in app.number_input if widget.key.endswith("ramp_months")
    ]  # its ramp-up is the signing
    app.number_input(key=key(app, "schedule", licence_id, "licensees_at_start")).set_value(6).run()
    assert not app.exception
    assert current(app).offers[2].schedule.licensees_at_start == 6
    # month 8 (no group starts in it): 6 + 2 × 4 / 12 active × 7% × 80,000 / 12 = 3,111.11 of
    # royalties + 4 / 12 × 9,950 = 3,316.67 upfront, beside the coaching's 6 × 7,200 / 12 = 3,600
    month = timeline(current(app)).months[7]
    assert month.revenue == pytest.approx((6 + 2 / 3) * 0.07 * 80_000 / 12 + 9_950 / 3 + 3_600)


def decide(app, section):
    """Open a section of the Decide page."""
    app.switch_page("app/pages/decide.py").run()
    app.segmented_control(key="decide_section").set_value(section).run()
    assert not app.exception
    return app


def test_every_section_of_decide_renders(app):
    """The user opens each section of Decide in turn (``decide`` asserts no exception)."""
    sections = ["What it takes", "What matters most", "How sure", "Best mix"]
    app.switch_page("app/pages/decide.py").run()
    assert app.segmented_control(key="decide_section").options == sections
    for section in sections:
        decide(app, section)
        assert not app.error


def test_goal_seek_finds_the_models_value_and_applies_it_undoably(app):
    """The user asks what price per client brings take-home income (the figure a goal seek
    offers first) to 200,000 and applies it; then undoes."""
    from models.goal_seek import goal_seek
    from models.inputs import Input

    decide(app, "What it takes")
    scenario = current(app)
    offer = scenario.offers[0].name
    app.selectbox(key="goal_input").set_value(f"{offer} → Price per client").run()
    app.number_input(key="goal_target:take_home").set_value(200000.0).run()
    expected = goal_seek(scenario, Input(offer, "price_per_client"), "take_home", 200000)
    assert metric(app, "Price per client needed").startswith(f"{expected.value:,.4g}")
    app.button(key="goal_apply").click().run()
    assert not app.exception
    applied = current(app)
    assert applied.offers[0].price_per_client == pytest.approx(expected.value)
    assert evaluate(applied).totals.take_home == pytest.approx(200000)
    app.button(key="undo").click().run()
    assert current(app).offers[0].price_per_client == scenario.offers[0].price_per_client


@pytest.fixture
def maya_app():
    """A session opened on Maya's full 1:1 practice (scenarios/coach-one-to-one.yaml)."""
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[LINK_PARAMETER] = encode_scenario(load_example("coach-one-to-one"))
    at.run()
    assert not at.exception
    return at


def test_goal_seek_says_when_the_answer_does_not_fit_and_applies_the_best_that_does(maya_app):
    """The user asks how many clients reach 180,000, learns it does not fit, and applies what does."""
    app = decide(maya_app, "What it takes")
    app.selectbox(key="goal_input").set_value("Executive coaching → Clients per year").run()
    assert app.number_input(key="goal_target:take_home").value == 180000
    # 188,000 / 7,850 = 23.95, so 24 whole clients, who need 20.57 h a year more than Maya's
    # 1,840 h; 11,592 / 489 = 23.71 clients fit, so 23 whole ones, for 172,550 of net income
    # (tests/test_decide.py works it through).
    assert metric(app, "Clients per year needed") == "24"
    warning = next(shown(error.value) for error in app.error if "does not fit" in error.value)
    assert "needs 21 h a year more than you have" in warning
    assert "The most that fits is 23 clients per year" in warning and "$172,550" in warning
    app.button(key="goal_apply_fitting").click().run()
    assert not app.exception
    applied = current(app)
    assert applied.offers[0].clients == 23
    assert any("Clients per year set to 23." in shown(item.value) for item in app.success)


def test_what_must_be_true_puts_what_fits_first(maya_app):
    """The user reads what must be true for Maya's 180,000: the price fits, more clients do not."""
    app = decide(maya_app, "What it takes")
    table = app.dataframe[0].value
    assert table["Driver"].tolist() == [
        "Executive coaching → Price per client",
        "Executive coaching → Clients per year",
    ]
    assert table["Fits your hours"].tolist() == ["yes", "no"]
    assert table["Within the market"].tolist() == ["yes", "yes"]
    # Price alone: (188,000 + 23 × 150) / 23 = 8,323.91.
    # Clients alone: 23.95, so 24 whole clients.
    assert table["Needed on its own"].tolist() == pytest.approx([191450 / 23, 24])


def test_the_simulation_shows_the_chance_of_a_plan_that_reaches_and_fits(maya_app):
    """The user runs Maya's ranges and reads both chances and the spread of the plans that fit."""
    from models.uncertainty import simulate
    from presentation.formatting import format_share

    app = decide(maya_app, "How sure")
    assert not app.exception
    expected = simulate(current(app), 10_000, 1)
    income = expected.net_income
    assert income.p10 is not None and income.p50 is not None and income.p90 is not None
    assert income.p10 < income.p50 < income.p90  # Maya's ranges make a spread
    assert metric(app, "Cautious (P10)") == format_money(income.p10, "USD")
    assert metric(app, "Middle (P50)") == format_money(income.p50, "USD")
    assert metric(app, "Hopeful (P90)") == format_money(income.p90, "USD")
    assert metric(app, "Chance of reaching the target") == format_share(
        expected.probability_reach_target
    )
    assert metric(app, "… and fitting") == format_share(expected.p_reach_and_fit)
    assert expected.p_reach_and_fit < expected.probability_reach_target
    spreads = next(
        frame.value for frame in app.dataframe if "Middle (P50)" in frame.value.columns
    ).set_index("Figure")
    fitting = spreads.loc["Net income, plans that fit"]
    assert expected.net_income_fitting is not None
    assert fitting["Middle (P50)"] == pytest.approx(expected.net_income_fitting.p50)


def test_sensitivity_marks_the_moves_that_go_over_your_hours(maya_app):
    """The user moves every input ±20% and sees which ends do not fit."""
    app = decide(maya_app, "What matters most")
    table = next(
        frame.value for frame in app.dataframe if "Up: the plan" in frame.value.columns
    ).set_index("Input")
    clients = table.loc["Executive coaching → Clients per year"]
    assert (clients["Down: the plan"], clients["Up: the plan"]) == (
        "fits your hours",
        "over your hours",
    )
    assert any("a plan over your hours" in caption.value for caption in app.caption)


def test_what_must_be_true_lists_the_drivers(app):
    """The user opens Goal seek and reads, for each driver, the value it needs on its own."""
    from models.goal_seek import what_must_be_true

    decide(app, "What it takes")
    assert not app.exception
    scenario = current(app)
    assert scenario.practitioner.target_net_income is not None
    expected = what_must_be_true(scenario, scenario.practitioner.target_net_income)
    assert len(expected) >= 2
    table = app.dataframe[0].value
    assert table["Driver"].tolist() == [row.label for row in expected]
    assert table["Planned"].tolist() == pytest.approx([row.current for row in expected])
    needed = [math.nan if row.needed is None else row.needed for row in expected]
    assert table["Needed on its own"].astype(float).tolist() == pytest.approx(needed, nan_ok=True)
    assert table["Fits your hours"].tolist() == [
        "—" if row.needed is None else ("no" if row.over_capacity else "yes") for row in expected
    ]


def test_sensitivity_and_the_two_input_table_show_the_models_figures(app):
    """The user moves every input ±10% and reads the table of two inputs."""
    from models.sensitivity import sensitivity

    decide(app, "What matters most")
    app.slider(key="sensitivity_percent").set_value(10).run()
    assert not app.exception
    expected = sensitivity(current(app), 10)
    table = app.dataframe[0].value
    assert table["Input"].tolist() == [row.label for row in expected.rows]
    assert table["Swing"].tolist() == pytest.approx([row.swing for row in expected.rows])
    # The two inputs to cross are offered largest swing first (a choice made stays chosen).
    assert app.selectbox(key="grid_across").options == [row.label for row in expected.rows]
    assert any("−10% to +10%" in caption.value for caption in app.caption)


def test_a_range_set_in_the_app_is_saved_and_simulated(app):
    """The user gives the clients a range; the simulation shows the model's percentiles."""
    from models.uncertainty import simulate

    decide(app, "How sure")
    scenario = current(app)
    offer = scenario.offers[0]
    app.selectbox(key="ranges_section").set_value(offer.name).run()
    app.selectbox(key="ranges_field").set_value("Clients per year").run()
    where = (offer.name, "clients")
    app.number_input(key=key(app, "range", *where, "low")).set_value(offer.clients - 4).run()
    app.number_input(key=key(app, "range", *where, "high")).set_value(offer.clients + 2).run()
    assert not app.exception
    ranged = current(app)
    assert ranged.offers[0].ranges == {"clients": [offer.clients - 4, offer.clients + 2]}
    expected = simulate(ranged, 10_000, 1)
    assert metric(app, "Cautious (P10)") == format_money(expected.net_income.p10, "USD")
    app.button(key="range_spread").click().run()
    assert len(current(app).offers[0].ranges) > 3


def reserve_input(at):
    """Best mix's "Keep free" input (its key carries its default, which follows the plan)."""
    return next(item for item in at.number_input if item.key.startswith("mix_reserve"))


@pytest.fixture
def mastermind_app():
    """A session opened on tests.factories.MASTERMIND_COACH (8 members, target 107,000)."""
    from models.files import scenario_from_document
    from tests.factories import MASTERMIND_COACH

    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[LINK_PARAMETER] = encode_scenario(scenario_from_document(MASTERMIND_COACH))
    at.run()
    assert not at.exception
    return at


def test_goal_seek_on_members_answers_and_applies_a_whole_number(mastermind_app):
    """The user asks how many members per cohort bring 107,000 home and applies the answer."""
    app = decide(mastermind_app, "What it takes")
    app.selectbox(key="goal_input").set_value("Mastermind → Members per cohort").run()
    # 112,000 / 9,600 = 11.67 members: 12 whole members give 9,600 × 12 − 5,000 = 110,200.
    assert metric(app, "Members per cohort needed") == "12"
    assert metric(app, "Take-home income there") == "$110,200"
    assert any("Counted in whole numbers" in caption.value for caption in app.caption)
    app.button(key="goal_apply").click().run()
    assert not app.exception
    assert app.session_state[DRAFT]["offers"][0]["members_per_cohort"] == 12.0
    assert any("Members per cohort set to 12." in shown(item.value) for item in app.success)


def test_use_this_mix_puts_the_best_mix_into_the_plan_and_undo_brings_the_plan_back(app):
    """The user reads the best mix, uses it, then undoes."""
    from models.optimizer import Limits, optimize

    decide(app, "Best mix")
    before = current(app)
    reserve = reserve_input(app).value
    # Today's free hours a week, rounded down to a tenth, are the default to keep free.
    free = evaluate(before).totals.free_hours / before.practitioner.weeks_per_year
    assert reserve == pytest.approx(math.floor(free * 10) / 10)
    assert any(
        f"Keeps {reserve:g} h a week free, as your plan does today" in caption.value
        for caption in app.caption
    )
    # Keeping those hours free, the default example's best mix is the plan as it is.
    assert app.button(key="mix_use").disabled
    assert any("already the best mix" in caption.value for caption in app.caption)
    reserve_input(app).set_value(0.0).run()
    assert any(
        "Keeps no hours free, as you asked (your plan leaves" in caption.value
        for caption in app.caption
    )
    expected = optimize(before, Limits(reserve_hours_per_week=0))
    app.button(key="mix_use").click().run()
    assert not app.exception
    used = current(app)
    counts = {
        offer.name: getattr(offer, offer.count_field) for offer in used.offers if offer.enabled
    }
    assert counts == {name: count for name, count in expected.counts.items() if count > 0}
    assert all(count == int(count) for count in counts.values())
    assert any("The plan now has the best mix" in shown(item.value) for item in app.success)
    app.button(key="undo").click().run()
    assert not app.exception
    assert current(app) == before


def test_sensitivity_says_how_many_inputs_it_shows_and_shows_that_many(app):
    """The user opens What matters most: the caption counts the bars the chart draws."""
    from charts.decide import tornado_data
    from models.sensitivity import sensitivity

    decide(app, "What matters most")
    result = sensitivity(current(app), 20)
    shown_inputs = tornado_data(result)["input"].nunique()
    moving = sum(1 for row in result.rows if row.swing > 0)
    still = len(result.rows) - moving
    assert still > 0  # your working hours move no income: some inputs are left out
    caption = next(
        caption.value for caption in app.caption if "Net income as planned" in caption.value
    )
    assert f"The {shown_inputs} inputs that move it" in caption
    assert f"{still} more do not move it at ±20%" in caption


def test_best_mix_shows_the_optimizers_answer_and_joins_the_library(app):
    """The user keeps 2 h a week free, reads the best mix and adds it to the library."""
    from models.optimizer import Limits, optimize

    decide(app, "Best mix")
    reserve_input(app).set_value(2.0).run()
    assert not app.exception
    expected = optimize(current(app), Limits(reserve_hours_per_week=2.0))
    assert metric(app, "Net income") == format_money(expected.totals.net_income, "USD")
    # Each offer says in words what stops it growing, from the optimizer's binding limits.
    from presentation.levers import BINDING_WORDS

    table = next(frame.value for frame in app.dataframe if "Stopped by" in frame.value.columns)
    assert table.set_index("Offer")["Stopped by"].to_dict() == {
        name: BINDING_WORDS[limit] for name, limit in expected.binding_limits.items()
    }
    app.button(key="mix_add").click().run()
    assert not app.exception
    assert any("(best mix)" in name for name in app.session_state["library"])


def test_the_reports_download_for_the_scenario_on_screen(app, downloads):
    """The user edits a price and downloads the report, workbook and a chart of that plan."""
    set_field(app, offer_key(app, 0, "price_per_client"), "9,000")
    assert not app.exception
    scenario = current(app)
    net_income = format_money_short(evaluate(scenario).totals.net_income, scenario.currency)
    report = downloads(app, "download_report_html").decode("utf-8")
    assert report.startswith("<!DOCTYPE html>") and net_income in report
    assert scenario.name in report
    book = openpyxl.load_workbook(io.BytesIO(downloads(app, "download_report_xlsx")))
    assert book["Totals"]["B2"].value == pytest.approx(evaluate(scenario).totals.net_income)
    png = downloads(app, "download_chart_hours")
    assert png.startswith(b"\x89PNG")


def test_the_reports_wait_for_a_valid_plan(app):
    """More new licensees than active ones: no report of a plan that is not valid."""
    app.selectbox(key="new_offer_kind").set_value("licensing")
    app.button(key="add_offer").click().run()
    index = len(current(app).offers) - 1
    app.number_input(key=offer_key(app, index, "new_licensees_per_year")).set_value(9.0).run()
    assert not app.exception
    assert app.download_button(key="download_report_html").disabled
    assert app.download_button(key="download_report_xlsx").disabled


def test_the_simulation_is_not_drawn_again_when_an_unrelated_widget_changes(app, count_calls):
    """The user runs the simulation, then picks another figure to give a range: no new draw."""
    import models.uncertainty

    draws = count_calls(models.uncertainty, "draw")
    decide(app, "How sure")
    assert len(draws) == 0  # no figure has a range yet: nothing to draw
    app.button(key="range_every_figure").click().run()
    assert len(draws) == 1
    p50 = metric(app, "Middle (P50)")
    figure = app.selectbox(key="ranges_field")
    figure.set_value(figure.options[1]).run()  # only what the range editor shows
    assert not app.exception
    assert len(draws) == 1  # the cached simulation, keyed on the scenario, samples and seed
    assert metric(app, "Middle (P50)") == p50
    app.selectbox(key="simulation_samples").set_value(1_000).run()
    assert not app.exception
    assert len(draws) == 2  # a new sample count is a new simulation


def test_the_levers_are_not_computed_again_when_another_offer_is_chosen(app, count_calls):
    """The user opens Scale and looks at another offer: the levers come from the cache."""
    import models.scale

    levers = count_calls(models.scale, "scale")
    app.switch_page("app/pages/scale.py").run()
    assert not app.exception
    assert len(levers) == 1
    app.selectbox(key="scale_offer").set_value("Leaders mastermind").run()
    assert not app.exception
    assert len(levers) == 1
    assert metric(app, "Your plan (members)") == "8"
    app.switch_page("app/pages/plan.py").run()
    app.number_input(key=offer_key(app, 0, "clients")).set_value(21).run()  # an edit of the plan
    assert not app.exception
    app.switch_page("app/pages/scale.py").run()
    assert not app.exception
    assert len(levers) == 2


def _two_notices():
    """A page on which two things happen before it is drawn, then it is drawn again."""
    import streamlit as st

    from app.notices import set_notice, show_notice

    if "told" not in st.session_state:
        st.session_state["told"] = True
        set_notice("info", "Undone: opening a file.")
        set_notice("error", "bad.yaml was not loaded.", "line 1: not a scenario")
    show_notice()


def test_notices_wait_in_a_queue_and_each_is_shown_once(monkeypatch):
    """Two notices of one run are both shown, in order, with the file's problems; then neither."""
    # AppTest installs its script as __main__; a process pool started later (the chart
    # engine's) would run this throwaway script in its workers, so __main__ is put back.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = AppTest.from_function(_two_notices, default_timeout=60).run()
    assert not at.exception
    assert [shown(item.value) for item in at.info] == ["Undone: opening a file."]
    assert [shown(item.value) for item in at.error] == [
        "bad.yaml was not loaded.",
        "line 1: not a scenario",
    ]
    at.run()
    assert not at.exception
    assert not at.info and not at.error


def test_the_compare_page_evaluates_each_scenario_once(app, count_calls):
    """The user opens Compare: each scenario compared is evaluated once, the others not at all."""
    import models.compare
    import models.evaluation

    evaluations = count_calls(models.evaluation, "evaluate")
    again = count_calls(models.compare, "evaluate")
    app.switch_page("app/pages/compare.py").run()
    assert not app.exception
    selection = app.session_state[COMPARE_SELECTION]
    assert len(selection) == 2  # a comparison is on screen
    assert len(evaluations) == 2
    for name, (_, scenario) in app.session_state["library"].items():
        assert sum(arguments[0] is scenario for arguments in evaluations) == (name in selection)
    assert again == []


def test_an_offers_id_travels_with_it_and_never_reaches_the_schema(app):
    """The user duplicates the second offer and moves it up: each widget id stays with its offer."""
    first, second = offer_id(app, 0), offer_id(app, 1)
    app.selectbox(key="selected_offer").set_value(second).run()
    app.button(key="duplicate_offer").click().run()
    assert not app.exception
    copy = offer_id(app, 2)
    assert copy not in (first, second)
    assert app.session_state["selected_offer"] == copy
    app.button(key="move_up").click().run()
    assert not app.exception
    assert [offer_id(app, index) for index in range(3)] == [first, copy, second]
    assert current(app).offers[1].name.endswith("(copy)")  # the draft, ids left out, is valid


def test_a_market_bound_ceiling_reads_in_words_on_the_scale_page():
    """A coach whose discovery calls bring 25 clients a year (tests/factories.py FUNNEL_COACH
    works it out) opens Scale: the ceiling is 25, bound by what the market will buy, in words
    on the metric and in the ranking, never the code "market"."""
    from models.files import scenario_from_document
    from tests.factories import FUNNEL_COACH

    st.cache_data.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params[LINK_PARAMETER] = encode_scenario(scenario_from_document(FUNNEL_COACH))
    app.run()
    app.switch_page("app/pages/scale.py").run()
    assert not app.exception
    ceiling = next(item for item in app.metric if item.label == "Ceiling")
    assert ceiling.value == "25"
    assert ceiling.delta == "bound by what the market will buy"
    ranking = app.dataframe[0].value.set_index("Offer")
    assert ranking.loc["Coaching", "Bound by"] == "what the market will buy"
    assert ranking.loc["Group", "Bound by"] == "your hours"
    assert "market" not in set(ranking["Bound by"])
