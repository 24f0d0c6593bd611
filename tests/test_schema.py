"""The schema of docs/model.md: defaults, ranges, cross-field rules, good and bad documents."""

import subprocess
import sys
from pathlib import Path

import pytest

from models import ScenarioError, load_scenario
from models.currencies import CURRENCY_CODES
from models.schema import (
    OFFER_MODELS,
    SALES_FIELDS,
    Contract,
    GroupProgram,
    Licensing,
    Mastermind,
    OnlineProgram,
    Practitioner,
    Retreat,
    Scenario,
    field_order,
)

MINIMAL_OFFERS = {
    "one_to_one": {
        "clients": 10,
        "sessions_per_client": 24,
        "session_hours": 1,
        "price_per_client": 5000,
    },
    "contract": {"contracts": 1, "hours_per_contract": 100, "hourly_rate": 150},
    "group_program": {
        "groups": 2,
        "participants_per_group": 8,
        "price_per_participant": 1000,
        "sessions_per_group": 10,
        "session_hours": 1.5,
    },
    "mastermind": {
        "cohorts": 1,
        "members_per_cohort": 8,
        "fee_per_member_per_month": 800,
        "meetings_per_month": 2,
        "meeting_hours": 2,
    },
    "retreat": {
        "retreats": 1,
        "attendees_per_retreat": 12,
        "price_per_attendee": 4500,
        "retreat_hours": 24,
    },
    "online_program": {
        "students": 100,
        "price_high_touch": 1000,
        "price_automated": 300,
        "automation": 0.5,
    },
    "licensing": {
        "licensees": 5,
        "new_licensees_per_year": 2,
        "royalty_rate": 0.07,
        "licensee_revenue_per_year": 80000,
    },
}


def scenario_document(**offer_fields):
    kind = offer_fields.pop("kind", "one_to_one")
    offer = {"kind": kind, "name": "Offer", **MINIMAL_OFFERS[kind], **offer_fields}
    return {"schema_version": 1, "name": "Test", "offers": [offer]}


def problems_of(document):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_as_json(document))
    return [str(problem) for problem in caught.value.problems]


def _as_json(document):
    import json

    return json.dumps(document)


def test_minimal_offer_of_every_kind_is_valid_and_takes_the_defaults():
    for kind, fields in MINIMAL_OFFERS.items():
        scenario = load_scenario(_as_json(scenario_document(kind=kind)))
        offer = scenario.offers[0]
        assert isinstance(offer, OFFER_MODELS[kind])
        assert offer.enabled is True
        assert offer.bd_hours_per_sale == 0
        assert offer.max_sales_per_year is None
        for name, value in fields.items():
            assert getattr(offer, name) == value


def test_the_defaults_design_lists():
    assert Practitioner() == Practitioner(
        hours_per_week=40, weeks_per_year=46, admin_hours_per_week=4, fixed_costs_per_year=0
    )
    assert Practitioner().target_net_income is None
    assert Contract.model_fields["session_hours"].default == 8
    assert GroupProgram.model_fields["max_group_size"].default == 12
    assert Mastermind.model_fields["max_group_size"].default == 12
    assert Mastermind.model_fields["months"].default == 12
    assert Retreat.model_fields["max_group_size"].default == 20
    assert OnlineProgram.model_fields["amortization_years"].default == 3
    assert Licensing.model_fields["amortization_years"].default == 3
    scenario = Scenario(name="x")
    assert (scenario.currency, scenario.description, scenario.offers) == ("USD", "", [])


def test_returning_bd_hours_default_to_a_seventh_of_winning_one():
    scenario = load_scenario(_as_json(scenario_document(bd_hours_per_sale=14)))
    assert scenario.offers[0].effective_bd_hours_per_returning_sale == pytest.approx(2)


def test_negative_count_is_named_with_offer_and_field():
    document = scenario_document(kind="group_program", participants_per_group=-3)
    document["offers"][0]["name"] = "Spring group"
    assert problems_of(document) == [
        "Offer 1, “Spring group”: participants per group must be at least 0, not -3 "
        "(participants_per_group)"
    ]


def test_misspelt_key_suggests_the_nearest_field():
    document = scenario_document(sesions_per_client=3)
    (problem,) = problems_of(document)
    assert problem.startswith("Offer 1, “Offer”: sesions_per_client is not a field")
    assert "Did you mean `sessions_per_client`?" in problem


def test_misspelt_top_level_and_practitioner_keys_are_named():
    document = scenario_document()
    document["descripton"] = "x"
    document["practitioner"] = {"hours_per_wek": 30}
    problems = problems_of(document)
    assert any("descripton" in p and "`description`" in p for p in problems)
    assert any(
        p.startswith("Your working year: hours_per_wek is not a field") and "`hours_per_week`" in p
        for p in problems
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "returning_share",
            1.5,
            "share of returning buyers must be at most 1, not 1.5 (returning_share)",
        ),
        ("clients", True, "clients per year must be a number, not true (clients)"),
        (
            "clients",
            "20",
            'clients per year must be a number, not "20"; remove the quotes (clients)',
        ),
        ("clients", None, "clients per year must be a number, not nothing (clients)"),
        ("delivery", "zoom", "delivery must be one of 'online' or 'in_person', not \"zoom\""),
        ("enabled", "yes", 'enabled must be true or false, not "yes" (enabled)'),
    ],
)
def test_wrong_values_get_plain_words(field, value, expected):
    (problem,) = problems_of(scenario_document(**{field: value}))
    assert expected in problem


def test_infinite_and_nan_numbers_are_refused():
    text = "name: x\npractitioner:\n  fixed_costs_per_year: .inf\n  hours_per_week: .nan\n"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(text)
    messages = [problem.message for problem in caught.value.problems]
    assert messages == ["must be a finite number, not nan", "must be a finite number, not inf"]


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        ("practitioner", "hours_per_week", 101, "must be at most 100"),
        ("practitioner", "hours_per_week", 0, "must be at least 1"),
        ("practitioner", "weeks_per_year", 53, "must be at most 52"),
        ("offer", "months", 37, "must be at most 36"),
        ("offer", "months", 0, "must be at least 1"),
        ("offer", "months", 6.5, "must be a whole number"),
        ("offer", "automation", -0.1, "must be at least 0"),
        ("offer", "platform_fee_rate", 2, "must be at most 1"),
    ],
)
def test_ranges_of_design(section, field, value, message):
    kind = "mastermind" if field == "months" else "online_program"
    document = scenario_document(kind=kind)
    if section == "practitioner":
        document["practitioner"] = {field: value}
    else:
        document["offers"][0][field] = value
    (problem,) = problems_of(document)
    assert field in problem and message in problem


def test_new_licensees_cannot_exceed_active_ones():
    (problem,) = problems_of(scenario_document(kind="licensing", new_licensees_per_year=6))
    assert problem == (
        "Offer 1, “Offer”: new licensees per year (6) cannot be more than the active licensees "
        "(5) (new_licensees_per_year, licensees)"
    )


def test_automated_price_cannot_exceed_the_high_touch_price():
    (problem,) = problems_of(scenario_document(kind="online_program", price_automated=2000))
    assert (
        "the price fully automated (2000) must not be above the price with full support (1000) "
        "(price_automated, price_high_touch)" in problem
    )


def test_offer_names_must_be_unique_even_when_other_fields_are_wrong():
    document = scenario_document()
    document["offers"].append(dict(document["offers"][0], clients=-1))
    problems = problems_of(document)
    assert "Offer 2, “Offer”: clients per year must be at least 0, not -1 (clients)" in problems
    assert 'Offers must each have their own name; used more than once: "Offer" (offers)' in problems


def test_unknown_kind_lists_the_kinds_and_suggests_one():
    (problem,) = problems_of(scenario_document() | {"offers": [{"kind": "licencing", "name": "L"}]})
    assert 'Offer 1, “L”: kind is "licencing", which is not a kind of offer' in problem
    assert "Did you mean `licensing`?" in problem


def test_field_of_another_kind_says_which_kinds_have_it():
    (problem,) = problems_of(scenario_document(kind="licensing", returning_share=0.3))
    assert "“Offer”: returning_share is not a field of a licensing offer" in problem
    assert "Only one_to_one, contract" in problem


def test_every_problem_is_listed_at_once():
    document = scenario_document(clients=-1, price_per_client="a lot", unknown=1)
    document["currency"] = "Dollars"
    document["name"] = ""
    assert len(problems_of(document)) == 5


def test_currency_must_be_an_iso_code():
    (problem,) = problems_of(scenario_document() | {"currency": "usd"})
    assert problem == (
        'Currency must be an ISO 4217 currency code such as USD, EUR or GBP, not "usd" (currency)'
    )
    assert load_scenario(_as_json(scenario_document() | {"currency": "IDR"})).currency == "IDR"


def test_the_stored_currency_codes_are_babels():
    """A Babel that knows other codes fails here until ``make docs`` stores its list again."""
    from babel.numbers import list_currencies

    assert frozenset(list_currencies()) == CURRENCY_CODES


def test_limits_on_text_and_offer_count():
    long_name = problems_of(scenario_document() | {"name": "x" * 101})
    assert long_name == ["Scenario name must be at most 100 characters long, not 101 (name)"]
    offers = [
        {"kind": "one_to_one", "name": f"Offer {index}", **MINIMAL_OFFERS["one_to_one"]}
        for index in range(31)
    ]
    assert problems_of({"name": "Many", "offers": offers}) == [
        "Offers must hold at most 30 items, not 31 (offers)"
    ]


def test_field_order_puts_identity_first_and_selling_fields_last():
    order = field_order(OFFER_MODELS["group_program"])
    assert order[:4] == ["kind", "name", "enabled", "groups"]
    assert tuple(order[-len(SALES_FIELDS) :]) == SALES_FIELDS
    assert sorted(order) == sorted(OFFER_MODELS["group_program"].model_fields)


def test_validators_built_on_first_use_are_safe_from_many_threads_at_once():
    """The schema's validators are built the first time they validate (defer_build), and the
    app's first validations come from many threads at once (sessions, a room's 30 plans). In a
    fresh process, 16 threads read every example at the same moment: each comes back equal to
    the same file read alone afterwards, with no error (before pydantic 2.14 a thread could
    validate with a parent class's validator while another built the model's own)."""
    script = """
import threading
from models.examples import EXAMPLES_DIRECTORY
from models.files import load_scenario
texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES_DIRECTORY.glob("*.yaml"))]
start, results, errors = threading.Barrier(16), [], []
def read_all():
    start.wait()
    try:
        results.append([load_scenario(text) for text in texts])
    except Exception as error:
        errors.append(repr(error))
threads = [threading.Thread(target=read_all) for _ in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
alone = [load_scenario(text) for text in texts]
assert not errors, errors
assert len(results) == 16 and all(result == alone for result in results)
"""
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
