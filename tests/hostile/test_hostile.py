"""Shared files and links that try to hurt the person who opens them (issue 13).

Every case is a file in ``tests/hostile/files`` or a link token in ``tests/hostile/links``;
cases too large to keep in the repository (90,000 keys, a 16,001-character link) are built
by the test that uses them. Each is run through loading, validation, the command line and
the report outputs, and must end in a clear, short message or a neutralised output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import stat
import string
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from cli.commands import main
from models import ScenarioError, dump_scenario, load_scenario
from models.errors import MAX_LISTED_PROBLEMS, Problem
from models.files import (
    MAX_ITEMS,
    MAX_KEYS,
    MAX_TEXT_CHARACTERS,
    MAX_VALUES,
    write_atomically,
)
from models.schema import OFFER_MODELS, Practitioner, Scenario, assumption_fields
from models.sharing import (
    MAX_LINK_DOCUMENT_BYTES,
    MAX_TOKEN_CHARACTERS,
    decode_scenario,
    encode_scenario,
)
from models.tables import csv_bytes, offers_table
from models.text import (
    EXCERPT_CHARACTERS,
    FORMULA_TRIGGERS,
    excerpt,
    name_key,
    neutralise_formula,
    terminal_safe,
    unsafe_character,
)
from presentation.file_names import download_name
from reports.workbook import workbook

HERE = Path(__file__).parent
FILES = HERE / "files"
LINKS = HERE / "links"
SCENARIOS = HERE.parent.parent / "scenarios"

#: Each hostile file → the one problem it must give, in full.
REFUSED_FILES = {
    "escape-in-offer-name.json": (
        "Offer 1, “Coach\\u001b[31ming”: offer name contains a control character (ESC); "
        "remove it (name)"
    ),
    "noncharacter-in-offer-name.json": (
        "Offer 1, “Coaching\\uffff”: offer name contains a noncharacter (U+FFFF); remove it (name)"
    ),
    "carriage-return-formula-name.json": (
        "Offer 1, “\\u000d=1+1”: offer name contains a control character (CR); remove it (name)"
    ),
    "direction-override-in-name.json": (
        "Scenario name contains a direction override (U+202E); remove it (name)"
    ),
    "control-character-in-description.json": (
        "Description contains a control character (BEL); remove it (description)"
    ),
    "unknown-key-with-escape.json": "\\u001b]0;pwned\\u0007 is not a field of a scenario.",
    "long-currency.json": (
        "Currency must be an ISO 4217 currency code such as USD, EUR or GBP, not "
        '"XXXXXXXXXXXX…" (currency)'
    ),
    "base-60-session-hours.yaml": (
        'Offer 1, “Coaching”: session length must be a number, not "1:30"; for 1 h 30 min '
        "write 1.5 (session_hours)"
    ),
    "octal-and-hex-numbers.yaml": (  # clients: 017 is read as 17, as YAML 1.2 does
        'Offer 1, “Coaching”: sessions per client must be a number, not "0x10"; write it '
        "as a plain decimal number: 16 (sessions_per_client)"
    ),
    "duplicate-names-by-case.yaml": (
        'Offers must each have their own name; used more than once: "Coaching" and "COACHING" '
        "(the same name) (offers)"
    ),
    "duplicate-names-by-look-alike-letters.yaml": (
        'Offers must each have their own name; used more than once: "Coaching" and "Соасhіng" and '
        '"Ｃｏａｃｈｉｎｇ" (the same name) (offers)'
    ),
    "licensees-above-active.yaml": (
        "Offer 1, “Licence”: new licensees per year (5) cannot be more than the active "
        "licensees (2) (new_licensees_per_year, licensees)"
    ),
    "billion-laughs.yaml": (
        "line 2: aliases (*name) are not supported in scenario files; write the values out"
    ),
}

#: Each hostile link → the one problem it must give.
REFUSED_LINKS = {
    "escape-in-offer-name.link": (
        "Offer 1, “Coach\\u001bing”: offer name contains a control character (ESC); "
        "remove it (name)"
    ),
    "damaged.link": "the link is damaged or incomplete; ask for it again, or for the scenario file",
    "zip-bomb-one-mebibyte.link": (
        "the link's scenario is larger than any valid scenario (120 KiB); ask for the scenario "
        "file instead"
    ),
    "long-currency.link": (
        "the link's scenario is larger than any valid scenario (120 KiB); ask for the scenario "
        "file instead"
    ),
    "five-thousand-unknown-keys.link": (
        "a section has 5,001 keys; a section of a scenario has at most 64"
    ),
}

#: Seconds and bytes of memory a refusal may cost at most: a small input costs little.
CHEAP_SECONDS = 0.5
CHEAP_BYTES = 30 * 1024 * 1024


def only_problem(error: ScenarioError) -> str:
    (problem,) = error.problems
    return str(problem)


def refusal_cost(load) -> tuple[ScenarioError, float, int]:
    """The error of ``load()``, the seconds it took and the peak memory it allocated [B]."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ScenarioError) as caught:
            load()
    finally:
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return caught.value, seconds, peak


@pytest.mark.parametrize("name", sorted(REFUSED_FILES))
def test_each_hostile_file_is_refused_cheaply_with_its_clear_message(name):
    error, seconds, peak = refusal_cost(lambda: load_scenario(FILES / name))
    assert only_problem(error) == REFUSED_FILES[name]
    assert seconds < CHEAP_SECONDS and peak < CHEAP_BYTES, (seconds, peak)
    assert unsafe_character(str(error), paragraphs=True) is None


@pytest.mark.parametrize("name", sorted(REFUSED_LINKS))
def test_each_hostile_link_is_refused_cheaply_with_its_clear_message(name):
    token = (LINKS / name).read_text().strip()
    error, seconds, peak = refusal_cost(lambda: decode_scenario(token))
    assert only_problem(error) == REFUSED_LINKS[name]
    assert seconds < CHEAP_SECONDS and peak < CHEAP_BYTES, (seconds, peak)


def test_every_hostile_case_in_the_folders_has_its_expected_message():
    kept = {path.name for path in FILES.iterdir()} | {path.name for path in LINKS.iterdir()}
    expected = {*REFUSED_FILES, *REFUSED_LINKS, "device-name.yaml", "formula-offer-names.yaml"}
    assert kept == expected


def test_a_link_longer_than_any_the_app_makes_is_refused_before_decoding():
    token = "A" * (MAX_TOKEN_CHARACTERS + 1)
    error, seconds, _ = refusal_cost(lambda: decode_scenario(token))
    assert only_problem(error) == (
        "the link is 16,001 characters long, longer than any link Leverage Planner makes "
        "(16,000); ask for the scenario file instead"
    )
    assert seconds < 0.05


def _largest_valid_document() -> dict:
    """A bound on the largest valid scenario: 30 offers of the kind with the most fields,
    every text at its limit in 4-byte characters, every figure the longest a float prints
    (23 characters) with a range of two more, every schedule field used."""
    widest = "\U0001d54f"  # 𝕏: 4 bytes in UTF-8
    number = 2.2250738585072014e-308  # repr is 23 characters, the longest of a float >= 0

    def filled(model) -> dict:
        document: dict = {}
        for name in model.model_fields:
            if name == "ranges":
                document[name] = {field: [number, number] for field in assumption_fields(model)}
            elif name == "schedule":
                document[name] = {
                    "start_month": 36,
                    "ramp_months": 36,
                    "creation_months": 36,
                    "start_months": list(range(1, 13)),
                    "duration_months": 36,
                }
            elif name == "kind":
                document[name] = "online_program"
            elif name == "name":
                document[name] = widest * 100
            elif name == "delivery":
                document[name] = "in_person"
            elif name == "enabled":
                document[name] = False
            else:
                document[name] = number
        return document

    def size(document: dict) -> int:
        return len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode())

    largest_offer = max((filled(model) for model in OFFER_MODELS.values()), key=size)
    return {
        "schema_version": 2,
        "name": widest * 100,
        "description": widest * 2000,
        "currency": "USD",
        "practitioner": filled(Practitioner),
        "offers": [largest_offer] * 30,
    }


def test_the_link_limits_come_from_the_largest_valid_scenario():
    document = json.dumps(_largest_valid_document(), ensure_ascii=False, separators=(",", ":"))
    size = len(document.encode())
    # 107,996 bytes when written: the inflate limit is above it, and not far above it
    assert size <= MAX_LINK_DOCUMENT_BYTES < 1.2 * size, size
    # the same document of real, incompressible text would need a link far over the limit,
    # so encode_scenario refuses it: no link the app makes is over MAX_TOKEN_CHARACTERS
    rng = random.Random(13)

    def words(length: int) -> str:
        return "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(length))

    names = [words(100) for _ in range(30)]
    scenario = load_scenario(SCENARIOS / "portfolio-every-lever.yaml")
    many = [
        scenario.offers[index % len(scenario.offers)].model_copy(update={"name": name})
        for index, name in enumerate(names)
    ]
    with pytest.raises(ValueError, match="too large to share as a link"):
        encode_scenario(scenario.model_copy(update={"offers": many, "description": words(2000)}))


def _values_and_widest_section(document) -> tuple[int, int, int]:
    """(values in all, most keys in one section, most items in one list) of a document."""
    if isinstance(document, dict):
        inner = [_values_and_widest_section(value) for value in document.values()]
        own = (1, len(document), 0)
    elif isinstance(document, list):
        inner = [_values_and_widest_section(value) for value in document]
        own = (1, 0, len(document))
    else:
        return 1, 0, 0
    return (
        own[0] + sum(item[0] for item in inner),
        max([own[1], *(item[1] for item in inner)]),
        max([own[2], *(item[2] for item in inner)]),
    )


def test_the_size_limits_never_refuse_a_valid_scenario():
    values, keys, items = _values_and_widest_section(_largest_valid_document())
    # 3,459 values, 30 keys in the widest offer, 30 offers in the longest list (version 2)
    assert (values, keys, items) == (3459, 30, 30)
    assert values < MAX_VALUES and keys <= MAX_KEYS and items <= MAX_ITEMS


#: Uploads under 1 MiB shaped to cost the most: each must be refused in well under a second.
_OFFER = {"kind": "one_to_one", "name": "x", "clients": 1, "sessions_per_client": 1}
COSTLY_UPLOADS = {
    "a flow list of 200,000 numbers": "name: x\noffers: [" + ",".join(["1"] * 200_000) + "]",
    "9,000 keys of 90 characters": "name: x\n"
    + "".join(f"k{index}: {'v' * 90}\n" for index in range(9_000)),
    "a JSON list of 300,000 sections": '{"name":"x","offers":[' + ",".join(["{}"] * 300_000) + "]}",
    "30 offers of 60 keys of 500 characters": json.dumps(
        {
            "name": "x",
            "offers": [
                dict(_OFFER, name=f"o{index}", **{f"k{key}": "y" * 500 for key in range(60)})
                for index in range(30)
            ],
        }
    ),
    "64 offers of unknown kinds with long names": json.dumps(
        {"name": "x", "offers": [{"kind": "q" * 1999, "name": "n" * 1999}] * 64}
    ),
}


@pytest.mark.parametrize("shape", sorted(COSTLY_UPLOADS))
def test_an_upload_under_one_mebibyte_costs_little_whatever_its_shape(shape):
    text = COSTLY_UPLOADS[shape]
    assert len(text.encode()) < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(ScenarioError) as caught:
        load_scenario(text)
    assert time.perf_counter() - started < 1.5
    assert len(str(caught.value)) < 2_000


def test_ninety_thousand_unknown_keys_are_refused_with_one_short_message():
    text = "name: x\n" + "".join(f"key{number}: 1\n" for number in range(90_000))
    document = json.dumps({"name": "x", **{f"key{number}": 1 for number in range(90_000)}})
    for source in (text, document):
        error, seconds, _ = refusal_cost(lambda source=source: load_scenario(source))
        assert len(str(error)) < 300, str(error)
        assert seconds < 1.0


def test_a_screenful_of_problems_is_listed_and_the_rest_counted():
    # 30 offers × 40 misspelt keys = 1,200 problems, plus none other
    offer = {"kind": "one_to_one", "name": "x", "clients": 1, "sessions_per_client": 1}
    offer |= {"session_hours": 1, "price_per_client": 1}
    offers = [
        dict(offer, name=f"Offer {index}", **{f"wrong_{key}": 1 for key in range(40)})
        for index in range(30)
    ]
    with pytest.raises(ScenarioError) as caught:
        load_scenario(json.dumps({"name": "Many", "offers": offers}))
    error = caught.value
    assert error.total == 1200
    assert len(error.problems) == MAX_LISTED_PROBLEMS == 20
    lines = str(error).splitlines()
    assert lines[0] == "Not a valid scenario (1,200 problems):"
    assert lines[-1] == "  … and 1,180 more"
    assert len(lines) == 22
    assert not hasattr(Problem("", ""), "__dict__")  # slots: a problem is four references


def test_texts_longer_than_any_field_allows_are_refused_before_validation():
    for text in (
        "name: x\ncurrency: " + "X" * 900_000,
        json.dumps({"name": "x", "currency": "X" * 900_000}),
    ):
        error, seconds, _ = refusal_cost(lambda text=text: load_scenario(text))
        assert only_problem(error).endswith(
            f"a text of 900,000 characters; no text in a scenario is longer than "
            f"{MAX_TEXT_CHARACTERS:,} characters"
        )
        assert seconds < CHEAP_SECONDS


@pytest.mark.parametrize(
    ("typed", "read"),
    [("017", 17), ("1e5", 100_000.0), ("+2.5", 2.5), (".5", 0.5), ("1.", 1.0)],
)
def test_numbers_are_read_the_yaml_1_2_way(typed, read):
    scenario = load_scenario(f"name: x\npractitioner:\n  fixed_costs_per_year: {typed}\n")
    assert scenario.practitioner.fixed_costs_per_year == read


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("1:30", 'must be a number, not "1:30"; for 1 h 30 min write 1.5'),
        ("0:45", 'must be a number, not "0:45"; for 0 h 45 min write 0.75'),
        ("0x10", 'must be a number, not "0x10"; write it as a plain decimal number: 16'),
        ("0o17", 'must be a number, not "0o17"; write it as a plain decimal number: 15'),
        ("1_000", 'must be a number, not "1_000"; write it without separators: 1000'),
        ("1,000", 'must be a number, not "1,000"; write it without separators: 1000'),
    ],
)
def test_yaml_1_1_number_forms_get_a_hint_instead_of_a_surprise(typed, hint):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(f"name: x\npractitioner:\n  admin_hours_per_week: {typed}\n")
    assert only_problem(caught.value) == (
        f"Your working year: fixed admin hours per week {hint} (admin_hours_per_week)"
    )


def test_a_share_written_as_a_percentage_gets_a_hint():
    with pytest.raises(ScenarioError) as caught:
        load_scenario(
            "name: x\noffers:\n- kind: licensing\n  name: L\n  licensees: 1\n"
            "  new_licensees_per_year: 1\n  royalty_rate: 7%\n  licensee_revenue_per_year: 1\n"
        )
    assert only_problem(caught.value).endswith(
        'Offer 1, “L”: royalty rate must be a number, not "7%"; write a share as a fraction: '
        "0.07 (royalty_rate)"
    )


def test_text_that_yaml_1_2_reads_as_a_number_is_quoted_when_saved():
    for name in ("1e5", "017", "1:30", "0x10", "yes", "2026-01-01", ".5"):
        scenario = Scenario(name=name)
        assert load_scenario(dump_scenario(scenario)) == scenario, dump_scenario(scenario)


def test_every_example_saves_and_loads_unchanged():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path)
        assert load_scenario(dump_scenario(scenario)) == scenario


def test_a_description_keeps_its_paragraphs_and_tabs():
    text = "First paragraph.\n\n\tIndented second one.\n"
    assert load_scenario(json.dumps({"name": "x", "description": text})).description == text


@pytest.mark.parametrize(
    ("character", "words"),
    [
        ("\x00", "a control character (NUL)"),
        ("\x1b", "a control character (ESC)"),
        ("\x7f", "a control character (DEL)"),
        ("\x85", "a control character (U+0085)"),
        ("\u202e", "a direction override (U+202E)"),
        ("\u2067", "a direction override (U+2067)"),
        ("\ud800", "an unpaired surrogate (U+D800)"),
        ("\uffff", "a noncharacter (U+FFFF)"),
        ("\ufffe", "a noncharacter (U+FFFE)"),
        ("\U0010ffff", "a noncharacter (U+10FFFF)"),
    ],
)
def test_every_kind_of_refused_character_is_named(character, words):
    for field in ("name", "description"):
        with pytest.raises(ScenarioError) as caught:
            load_scenario(json.dumps({"name": "x", field: f"a{character}b"}))
        assert only_problem(caught.value).endswith(f" contains {words}; remove it ({field})")


def test_the_chart_engine_draws_every_kind_of_text_the_schema_accepts():
    """U+FFFF and ESC made the chart engine abort the process; what the schema lets through,
    including combining marks, joined emoji, private use, unassigned code points, marks of
    direction and a byte order mark, is drawn (in a child process, which an abort would end)."""
    name = (
        "a\u0301\u0301 👨\u200d👩\u200d👧 \ue000\u0378\ufffd\u200f\u061c\ufeff\U000e0001 {{x}} <b>&"
    )
    assert unsafe_character(name) is None
    code = (
        "import sys, json\n"
        "from models import load_scenario\n"
        "from reports.chart_files import chart_png\n"
        "scenario = load_scenario(sys.stdin.read())\n"
        "print(len(chart_png(scenario, 'hours')), len(chart_png(scenario, 'money')))\n"
    )
    offer = {"kind": "one_to_one", "name": name, "clients": 1, "sessions_per_client": 1}
    offer |= {"session_hours": 1, "price_per_client": 1}
    document = {"name": name, "offers": [offer]}
    completed = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=HERE.parent.parent,
    )
    assert completed.returncode == 0, completed.stderr[-500:]


@pytest.mark.parametrize("character", ["\n", "\t", "\u2028"])
def test_a_name_is_one_line(character):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(json.dumps({"name": f"two{character}lines"}))
    assert "; remove it" in only_problem(caught.value)


def test_formula_names_are_neutralised_in_the_csv_and_the_workbook():
    scenario = load_scenario(FILES / "formula-offer-names.yaml")
    from models.evaluation import evaluate

    rows = list(csv.reader(io.StringIO(csv_bytes(offers_table(evaluate(scenario))).decode())))
    names = [row[0] for row in rows[1:]]
    assert names == ["'=1+1", "'@SUM(A1:A2)", "'+cmd|' /C calc'!A0", "'-2+3"]
    raw = csv_bytes(offers_table(evaluate(scenario))).decode().splitlines()
    assert raw[1].startswith('"\'=1+1",')  # the text field is quoted as well
    book = openpyxl.load_workbook(io.BytesIO(workbook(scenario)))
    texts = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert "'=1+1" in texts and "'@SUM(A1:A2)" in texts and "'-2+3" in texts
    assert not [text for text in texts if text.startswith(FORMULA_TRIGGERS)]
    assert all(
        cell.data_type != "f"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Coach \u202eexe.gpj", "Coach exe.gpj.yaml"),
        ("../../etc/passwd", "etc passwd.yaml"),
        ("-rf --no-preserve-root", "rf --no-preserve-root.yaml"),
        ("CON", "Scenario-CON.yaml"),
        ("nul.txt", "Scenario-nul.txt.yaml"),
        ("...", "Scenario.yaml"),
        ("Coach adds a mastermind", "Coach adds a mastermind.yaml"),
    ],
)
def test_file_names_drop_control_direction_and_path_characters(name, expected):
    assert download_name(name, "yaml") == expected


def test_the_device_name_file_loads_and_saves_under_a_safe_name():
    scenario = load_scenario(FILES / "device-name.yaml")
    assert download_name(scenario.name, "xlsx") == "Scenario-CON.xlsx"


# --- the command line -------------------------------------------------------------------


def test_validate_prints_no_escape_sequence_from_a_file_name_or_a_value(tmp_path, capsys):
    path = tmp_path / "\x1b[2J\x1b]0;title\x07plan.json"
    path.write_bytes((FILES / "unknown-key-with-escape.json").read_bytes())
    assert main(["validate", str(path)]) == 1
    output = capsys.readouterr()
    assert "\x1b" not in output.err and "\x07" not in output.err
    assert "\\u001b[2J" in output.err


def test_terminal_output_of_a_valid_scenario_keeps_its_lines():
    assert terminal_safe("a\tb\nc\x1b[31m\u202e") == "a\tb\nc\\u001b[31m\\u202e"


@pytest.mark.parametrize("device", ["fifo", "/dev/zero"])
def test_validate_refuses_a_pipe_or_a_device_instead_of_hanging(tmp_path, capsys, device):
    if device == "fifo":
        device = str(tmp_path / "pipe")
        os.mkfifo(device)
    started = time.perf_counter()
    assert main(["validate", device]) == 1
    assert time.perf_counter() - started < 2
    assert "not a file; give the path of a scenario file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments",
    [
        ("simulate", "--seed", "-1"),
        ("simulate", "--seed", "x"),
        ("sensitivity", "--percent", "nan"),
        ("optimize", "--reserve-hours-per-week", "inf"),
        ("optimize", "--max-travel-hours", "-inf"),
        ("optimize", "--min-one-to-one-hours", "NaN"),
        ("optimize", "--max-bd-share", "nan"),
    ],
)
def test_a_negative_seed_and_non_finite_numbers_are_usage_errors(arguments, capsys):
    command, *options = arguments
    with pytest.raises(SystemExit) as caught:
        main([command, str(SCENARIOS / "coach-one-to-one.yaml"), *options])
    assert caught.value.code == 2
    assert "error: argument" in capsys.readouterr().err


def test_goal_seek_refuses_a_non_finite_target(capsys):
    arguments = ["goal-seek", str(SCENARIOS / "coach-one-to-one.yaml"), "--field"]
    arguments += ["hours_per_week", "--target", "net_income=inf"]
    assert main(arguments) == 2
    assert "must be a finite number" in capsys.readouterr().err


def test_report_never_overwrites_its_input(tmp_path, capsys, monkeypatch):
    path = tmp_path / "plan.html"
    path.write_bytes((SCENARIOS / "coach-one-to-one.yaml").read_bytes())
    before = path.read_bytes()
    assert main(["report", str(path), "--out", str(path)]) == 2
    link = tmp_path / "link.html"
    link.symlink_to(path)
    assert main(["report", str(path), "--out", str(link)]) == 2
    monkeypatch.chdir(tmp_path)  # the default output, plan.html, is the input itself
    assert main(["report", "plan.html"]) == 2
    assert path.read_bytes() == before
    assert "is the scenario file itself" in capsys.readouterr().err


def test_report_exits_1_when_it_cannot_write_and_leaves_no_temporary_file(tmp_path, capsys):
    scenario = str(SCENARIOS / "coach-one-to-one.yaml")
    assert main(["report", scenario, "--out", str(tmp_path / "missing" / "r.html")]) == 1
    assert main(["report", scenario, "--out", str(tmp_path)]) == 1
    assert main(["report", scenario, "--out", "/dev/null"]) == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err.count("cannot write") == 3


def test_report_replaces_an_old_report_whole(tmp_path):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    scenario = str(SCENARIOS / "coach-one-to-one.yaml")
    assert main(["report", scenario, "--format", "xlsx", "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"  # a zip: the workbook, not the old bytes
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["report.xlsx"]


def test_an_atomic_write_that_fails_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "kept.txt"
    out.write_bytes(b"old")

    def full_disk(*_arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(out, b"new")
    assert out.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["kept.txt"]


# --- properties of the text rules -------------------------------------------------------


@given(st.text(max_size=300))
def test_an_echo_is_short_and_harmless_whatever_was_typed(text):
    shown = excerpt(text)
    assert unsafe_character(shown) is None
    assert len(shown) <= len("\\U0010ffff") * (EXCERPT_CHARACTERS + 1)


@given(st.text(min_size=1, max_size=100))
def test_a_name_is_accepted_exactly_when_it_holds_no_refused_character(text):
    try:
        Scenario(name=text)
    except ValidationError:
        accepted = False
    else:
        accepted = True
    assert accepted == (unsafe_character(text) is None)


#: Latin letter → a Cyrillic or Greek letter that looks the same.
LOOK_ALIKES = {"a": "а", "c": "с", "e": "е", "o": "ο", "p": "р", "x": "х", "y": "у", "i": "і"}


@given(st.text(alphabet=string.ascii_letters + " ", max_size=40))
def test_names_that_differ_in_case_or_look_alike_letters_fold_alike(text):
    look_alike = "".join(LOOK_ALIKES.get(letter, letter) for letter in text.lower())
    assert name_key(text.upper()) == name_key(text.lower()) == name_key(look_alike)
    assert name_key("\u200b".join(text) + "  ") == name_key(text)


@given(st.text(max_size=60))
def test_a_folded_name_has_no_invisible_characters_or_stray_spaces(text):
    key = name_key(text)
    assert key == " ".join(key.split())
    assert "\u200b" not in key and "\u00ad" not in key


@given(st.text(max_size=60))
def test_a_neutralised_cell_never_begins_a_formula(text):
    cell = neutralise_formula(text)
    assert not cell.startswith(FORMULA_TRIGGERS)
    assert cell.endswith(text)


def test_a_new_offer_never_takes_a_name_that_folds_to_one_already_used():
    from models.templates import new_offer, unique_name

    assert unique_name("Group program", ["GROUP PROGRAM", "group program 2"]) == "Group program 3"
    taken = ["Grоup prоgram"]  # with Cyrillic о
    offer = new_offer("group_program", taken)
    assert offer.name == "Group program 2"
    both = [offer.model_dump(mode="json") | {"name": taken[0]}, offer.model_dump(mode="json")]
    assert [o.name for o in load_scenario(json.dumps({"name": "x", "offers": both})).offers] == [
        "Grоup prоgram",
        "Group program 2",
    ]
