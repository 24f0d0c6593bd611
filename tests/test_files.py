"""Loading and saving scenario files: every source, safety limits, round trips, migrations."""

import json
import time

import pytest

from models import ScenarioError, dump_scenario, load_scenario, save_scenario
from models.files import MAX_DOCUMENT_BYTES, MAX_NESTING, read_scenario
from models.migrations import migrate
from models.schema import Scenario

DOCUMENT = """\
schema_version: 1
name: Small practice
currency: EUR
practitioner:
  hours_per_week: 35
offers:
  - kind: one_to_one
    name: Coaching
    clients: 10
    sessions_per_client: 24
    session_hours: 1
    price_per_client: 5000
"""


def only_problem(source):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(source)
    (problem,) = caught.value.problems
    return problem


def test_the_same_scenario_from_text_bytes_a_path_and_json(tmp_path):
    from_text = load_scenario(DOCUMENT)
    path = tmp_path / "practice.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    json_path = tmp_path / "practice.json"
    json_path.write_text(json.dumps(from_text.model_dump(mode="json")), encoding="utf-8")
    assert from_text.name == "Small practice"
    assert from_text.practitioner.hours_per_week == 35
    assert load_scenario(DOCUMENT.encode()) == from_text
    assert load_scenario(path) == from_text
    assert load_scenario(json_path) == from_text
    assert load_scenario(("\ufeff" + DOCUMENT).encode()) == from_text


def test_yaml_flow_style_starting_with_a_brace_is_read_as_yaml():
    scenario = load_scenario("{name: Flow, currency: GBP}")
    assert (scenario.name, scenario.currency) == ("Flow", "GBP")


def test_yaml_syntax_error_gives_the_line():
    problem = only_problem("name: x\noffers:\n  - kind: one_to_one\n   name: [\n")
    assert problem.line == 4
    assert str(problem).startswith("line 4: this is not valid YAML")


def test_json_syntax_error_is_reported():
    problem = only_problem('{"name": "x",, }')
    assert "not valid" in problem.message


def test_a_document_over_one_mebibyte_is_refused_before_parsing(tmp_path):
    big = "name: x\ndescription: " + "a" * MAX_DOCUMENT_BYTES
    assert "larger than 1024 KiB" in only_problem(big).message
    assert "larger than 1024 KiB" in only_problem(big.encode()).message
    path = tmp_path / "big.yaml"
    path.write_text(big)
    assert "larger than 1024 KiB" in only_problem(path).message


def test_aliases_are_refused_so_an_alias_bomb_costs_nothing():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    bomb = "\n".join(lines) + "\nname: *a9\n"
    started = time.perf_counter()
    problem = only_problem(bomb)
    assert time.perf_counter() - started < 1.0
    assert problem.line == 2
    assert "aliases" in problem.message


def test_tags_that_build_python_objects_are_refused():
    problem = only_problem("name: !!python/object/apply:os.system ['echo pwned']\n")
    assert "not valid YAML" in problem.message
    assert problem.line == 1


def test_deep_nesting_is_refused_with_a_message():
    deep_yaml = "name: " + "[" * 5000 + "]" * 5000
    assert f"nested more than {MAX_NESTING} levels" in only_problem(deep_yaml).message
    for depth in (MAX_NESTING + 1, 100_000):
        deep_json = '{"name": ' + "[" * depth + "]" * depth + "}"
        assert f"nested more than {MAX_NESTING} levels" in only_problem(deep_json).message


def test_keys_given_twice_are_refused_with_the_line():
    problem = only_problem("name: a\ncurrency: USD\nname: b\n")
    assert (problem.line, problem.message) == (
        3,
        "the key `name` appears twice in the same section",
    )
    assert "twice" in only_problem('{"name": "a", "name": "b"}').message


def test_binary_junk_is_not_a_text_file():
    assert "not a text file" in only_problem(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8").message


def test_documents_that_are_not_a_scenario():
    assert only_problem("").message == "the document is empty"
    assert "not a list" in only_problem("- a\n- b\n").message
    assert "not a single line of text" in only_problem("just words").message


def test_missing_file_and_folder_name_the_path(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "nope.yaml")
    assert str(caught.value).startswith(str(tmp_path / "nope.yaml"))
    assert "no such file" in str(caught.value)
    assert "folder" in only_problem(tmp_path).message


def test_source_name_heads_the_message():
    with pytest.raises(ScenarioError) as caught:
        load_scenario("name: ''", source_name="upload.yaml")
    assert str(caught.value).splitlines() == [
        "upload.yaml is not a valid scenario (1 problem):",
        "  - Scenario name must not be empty (name)",
    ]


def test_saving_writes_readable_yaml_in_schema_order_without_defaults(tmp_path):
    scenario = load_scenario(DOCUMENT)
    text = dump_scenario(scenario)
    assert text == (
        "schema_version: 2\n"
        "name: Small practice\n"
        "currency: EUR\n"
        "practitioner:\n"
        "  hours_per_week: 35\n"
        "offers:\n"
        "- kind: one_to_one\n"
        "  name: Coaching\n"
        "  clients: 10\n"
        "  sessions_per_client: 24\n"
        "  session_hours: 1\n"
        "  price_per_client: 5000\n"
    )
    path = tmp_path / "saved.yaml"
    save_scenario(scenario, path)
    assert load_scenario(path) == scenario


def test_multi_line_descriptions_are_saved_as_a_block_and_round_trip():
    scenario = Scenario(name="Story", description="First line.\nSecond line: with a colon.\n")
    text = dump_scenario(scenario)
    assert "description: |\n  First line.\n  Second line: with a colon.\n" in text
    assert load_scenario(text) == scenario


def test_a_file_without_schema_version_is_version_1_and_opens_as_version_2():
    loaded = read_scenario("name: Old file")
    assert loaded.saved_version == 1
    assert loaded.upgraded
    assert loaded.scenario.schema_version == 2
    assert not read_scenario("schema_version: 2\nname: New file").upgraded


def test_a_file_from_a_newer_version_says_so():
    problem = only_problem("schema_version: 3\nname: Future")
    assert problem.location == "schema_version"
    assert "made by a newer version of Leverage Planner" in problem.message


def test_a_schema_version_that_is_not_a_whole_number():
    assert "whole number" in only_problem("schema_version: '1'\nname: x").message
    assert "at least 1" in only_problem("schema_version: 0\nname: x").message


def test_the_migration_chain_upgrades_step_by_step_without_changing_the_input():
    # A pretend v1 → v2 → v3 chain: v2 renames a field, v3 adds one.
    def rename(document):
        return {**document, "title": document["name"]} | {"name": None}

    def add(document):
        return {**document, "added": True}

    original = {"schema_version": 1, "name": "Old"}
    upgraded = migrate(original, migrations={1: rename, 2: add}, current_version=3)
    assert upgraded == {"schema_version": 3, "title": "Old", "name": None, "added": True}
    assert original == {"schema_version": 1, "name": "Old"}
    # a document already at the current version passes through unchanged
    assert migrate({"schema_version": 3, "x": 1}, migrations={}, current_version=3) == {
        "schema_version": 3,
        "x": 1,
    }


def test_ranges_are_saved_on_one_line_each_and_load_back():
    from pathlib import Path

    from models.files import dump_scenario, load_scenario

    scenario = load_scenario(Path(__file__).parent.parent / "scenarios" / "coach-one-to-one.yaml")
    text = dump_scenario(scenario)
    assert "    clients: [18, 25]\n" in text and "    returning_share: [0.3, 0.6]\n" in text
    assert load_scenario(text) == scenario
