"""The README documents the format the schema really has."""

from pathlib import Path

from models.schema import OFFER_MODELS
from presentation.reference import BEGIN_MARKER, END_MARKER, readme_with_reference

README = Path(__file__).parent.parent / "README.md"


def test_readme_field_tables_are_generated_from_the_schema():
    text = README.read_text(encoding="utf-8")
    assert BEGIN_MARKER in text and END_MARKER in text
    assert text == readme_with_reference(text), "run `make docs` to regenerate the tables"


def test_every_field_of_every_kind_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for model in OFFER_MODELS.values():
        for name in model.model_fields:
            assert f"`{name}`" in text


def test_readme_shows_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
