"""One file-name rule for every download (YAML, HTML, XLSX, PNG, CSV) and the command line."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presentation.file_names import (
    DEFAULT_NAME,
    FORBIDDEN_CHARACTERS,
    MAX_NAME_CHARACTERS,
    download_name,
)


@pytest.mark.parametrize(
    ("name", "extension", "detail", "expected"),
    [
        # the name as the person wrote it, "+" and all
        ("Coach 10 clients + mastermind", "yaml", "", "Coach 10 clients + mastermind.yaml"),
        ("Coach 10 clients + mastermind", ".html", "", "Coach 10 clients + mastermind.html"),
        (
            "Coach 10 clients + mastermind",
            "png",
            "hours",
            "Coach 10 clients + mastermind - hours.png",
        ),
        ("Café & co (2027)", "xlsx", "", "Café & co (2027).xlsx"),
        # what Windows or a slash cannot take becomes a space, runs of spaces one
        ('Plan: A/B "best"?', "csv", "offers", "Plan A B best - offers.csv"),
        ("Tabs\tand\nnew lines", "yaml", "", "Tabs and new lines.yaml"),
        ("  trailing dots...  ", "yaml", "", "trailing dots.yaml"),
        # never empty
        ("", "yaml", "", "Scenario.yaml"),
        ("???", "csv", "timeline", "Scenario - timeline.csv"),
    ],
)
def test_download_names_keep_the_scenario_name_and_drop_what_no_system_takes(
    name, extension, detail, expected
):
    assert download_name(name, extension, detail) == expected


def test_a_long_name_is_cut_before_the_extension():
    name = download_name("x" * 500, "yaml")
    assert name == "x" * MAX_NAME_CHARACTERS + ".yaml"


@given(st.text(), st.sampled_from(["yaml", "html", "xlsx", "png", "csv"]), st.text(max_size=20))
def test_any_name_gives_a_safe_non_empty_file_name(name, extension, detail):
    result = download_name(name, extension, detail)
    stem = result.removesuffix(f".{extension}")
    assert result.endswith(f".{extension}") and stem
    assert not set(result) & FORBIDDEN_CHARACTERS
    assert all(unicodedata.category(character)[0] != "C" for character in result)
    assert not stem.startswith((".", "-", " ")) and not stem.endswith((".", " "))
    assert len(result) <= MAX_NAME_CHARACTERS + 3 + 20 + 1 + len(extension)
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}


def test_the_default_name_is_a_word():
    assert DEFAULT_NAME == "Scenario"
