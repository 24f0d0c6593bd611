"""The documents a newcomer reads: a short README, links that lead somewhere, and a
scenario format generated from the schema itself."""

import re
from pathlib import Path

import pytest

from models.schema import OFFER_MODELS
from presentation.reference import (
    BEGIN_MARKER,
    END_MARKER,
    SCENARIO_FORMAT_PATH,
    document_with_reference,
)

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
SCENARIO_FORMAT = ROOT / SCENARIO_FORMAT_PATH
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]

#: A Markdown link or image: ``[text](target)`` or ``![alt](target)``.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def relative_targets(text: str) -> list[str]:
    """The file part of every link that is not a web address or an anchor on the same page."""
    targets = (match.group(1) for match in LINK.finditer(text))
    return [
        target.split("#", 1)[0]
        for target in targets
        if not re.match(r"^[a-z]+:", target) and not target.startswith("#")
    ]


def test_relative_targets_keep_files_and_leave_out_web_addresses_and_anchors():
    text = "[a](docs/cli.md#exit) ![b](images/plan.png) [c](https://x.org/a.md) [d](#top)"
    assert relative_targets(text) == ["docs/cli.md", "images/plan.png"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_relative_link_leads_to_a_file_of_the_repository(document):
    missing = [
        target
        for target in relative_targets(document.read_text(encoding="utf-8"))
        if not (document.parent / target).resolve().is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_no_document_points_outside_the_repository(document):
    for target in relative_targets(document.read_text(encoding="utf-8")):
        assert (document.parent / target).resolve().is_relative_to(ROOT), target
    assert "../shared" not in document.read_text(encoding="utf-8")


def test_the_readme_is_short_and_links_every_document_of_docs():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    linked = set(relative_targets(text))
    documents = ("user-guide", "cli", "model", "scenario-format", "architecture", "testing")
    for document in (*documents, "performance", "adding-a-kind"):
        assert f"docs/{document}.md" in linked


def test_readme_shows_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text


def test_readme_shows_a_screenshot_of_the_plan_page():
    text = README.read_text(encoding="utf-8")
    assert "docs/images/plan.png" in relative_targets(text)
    header = (ROOT / "docs" / "images" / "plan.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (1440, 900)


def test_scenario_format_field_tables_are_generated_from_the_schema():
    text = SCENARIO_FORMAT.read_text(encoding="utf-8")
    assert BEGIN_MARKER in text and END_MARKER in text
    assert text == document_with_reference(text), "run `make docs` to regenerate the tables"


def test_every_field_of_every_kind_is_in_the_scenario_format():
    text = SCENARIO_FORMAT.read_text(encoding="utf-8")
    for model in OFFER_MODELS.values():
        for name in model.model_fields:
            assert f"`{name}`" in text
