"""The glossary: one source for the trade's words, the Glossary page and the help texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from models.evaluation import evaluate
from models.examples import DEFAULT_EXAMPLE, load_example
from models.results import HOUR_CATEGORY_LABELS
from models.schema import OFFER_MODELS, Practitioner
from presentation.glossary import (
    FIELD_TERMS,
    GLOSSARY,
    HEADLINE_TERMS,
    SELLING,
    field_help,
    glossary_anchor,
)
from presentation.headline import headlines
from tests.shown_text import shown

APP = str(Path(__file__).parent.parent / "streamlit_app.py")

#: The terms the issue asks the glossary to explain, as the app shows them.
REQUIRED_TERMS = (
    "Selling (BD)",
    "Contribution",
    "Billable share",
    "Billable utilisation",
    "Leverage",
    "Hours used",
    "Take-home",
    "Demand",
    "Leads",
    "Conversion rate",
    "Team leverage",
    "P10, P50, P90",
    "Market limit",
    "Delivery cap",
)


@pytest.fixture
def app():
    """A fresh app session on its first screen, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def test_the_glossary_explains_every_required_term_in_plain_words():
    assert set(REQUIRED_TERMS) <= set(GLOSSARY)
    for term, explanation in GLOSSARY.items():
        assert len(explanation.split()) >= 12, term
        assert "_" not in explanation, term  # no code-style names
    assert "cautious, middle and hopeful outcome" in GLOSSARY["P10, P50, P90"]
    assert "Business development" in GLOSSARY[SELLING]


def test_business_development_is_called_selling_bd_everywhere():
    assert HOUR_CATEGORY_LABELS["business_development"] == "Selling (BD)"
    titles = [
        info.title or ""
        for model in (Practitioner, *OFFER_MODELS.values())
        for info in model.model_fields.values()
    ]
    assert not [title for title in titles if "business development" in title.lower()]
    assert "Selling (BD) hours per new buyer" in titles


def test_every_headline_card_that_is_a_glossary_term_has_its_explanation_as_help():
    scenario = load_example(DEFAULT_EXAMPLE)
    figures = headlines(scenario, evaluate(scenario))
    assert {figure.key for figure in figures} == set(HEADLINE_TERMS)
    for figure in figures:
        term = HEADLINE_TERMS[figure.key]
        assert figure.label.lower().startswith(term.lower()), figure.label
        assert figure.help == GLOSSARY[term]


def test_a_field_that_uses_a_term_ends_its_help_with_the_explanation():
    fields = {
        name: info
        for model in (Practitioner, *OFFER_MODELS.values())
        for name, info in model.model_fields.items()
    }
    assert set(FIELD_TERMS) <= set(fields)
    help_text = field_help("bd_hours_per_sale", fields["bd_hours_per_sale"].description)
    assert help_text is not None
    assert help_text.startswith(fields["bd_hours_per_sale"].description or "")
    assert help_text.endswith(f"**Selling (BD)**: {GLOSSARY[SELLING]}")
    assert field_help("clients", "Private clients served in a year.") == (
        "Private clients served in a year."
    )


def test_anchors_are_words_joined_by_dashes():
    assert glossary_anchor("P10, P50, P90") == "p10-p50-p90"
    assert glossary_anchor("Selling (BD)") == "selling-bd"
    assert len({glossary_anchor(term) for term in GLOSSARY}) == len(GLOSSARY)


def test_the_glossary_page_lists_every_term_with_its_explanation(app):
    """The user opens "Glossary" in the navigation and reads every term, in order."""
    app.switch_page("app/pages/glossary.py").run()
    assert not app.exception
    assert [shown(heading.value) for heading in app.subheader] == list(GLOSSARY)
    texts = [shown(markdown.value) for markdown in app.markdown]
    for explanation in GLOSSARY.values():
        assert explanation in texts


def test_the_plan_page_cards_show_the_glossary_as_help(app):
    """The user hovers over a headline card's ⓘ and reads the glossary's words."""
    by_label = {card.label: card.proto.help for card in app.metric}
    for label, help_text in by_label.items():
        terms = [term for term in GLOSSARY if label.lower().startswith(term.lower())]
        if terms:
            assert help_text == GLOSSARY[max(terms, key=len)], label
    assert by_label["Leverage"] == GLOSSARY["Leverage"]
