"""Fuzzing load_scenario: whatever the input, a Scenario or one ScenarioError, nothing else."""

import copy
import json
import math
import random
from pathlib import Path

import yaml

from models import Scenario, ScenarioError, evaluate, load_scenario
from models.results import result_to_dict
from models.schema import OFFER_MODELS
from tests.strategies import numbers_in

SCENARIOS = sorted(Path(__file__).parent.parent.joinpath("scenarios").glob("*.yaml"))
DOCUMENTS = 5200

JUNK_VALUES = [
    None,
    True,
    False,
    "",
    "text",
    "12",
    "inf",
    "NaN",
    -1,
    -0.0,
    0,
    1,
    0.5,
    7,
    36,
    1e308,
    -1e308,
    5e-324,
    10**30,
    -(10**30),
    [],
    {},
    [1, 2],
    {"a": 1},
    [[[[[[[[[[]]]]]]]]]],
    "é✓😀",
    "\u0000\u0007",
    "x" * 3000,
    float("inf"),
    float("nan"),
]
FIELD_NAMES = sorted({name for model in OFFER_MODELS.values() for name in model.model_fields})
TEXT_JUNK = [
    "\n",
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!binary ",
    "\t",
    '"',
    "'",
    "%YAML 1.1\n---\n",
    "---\n",
    "? ",
    "<<: ",
    "\u2028",
    "\ufeff",
    "0x",
    "1e5",
    ".inf",
]


def _containers(value, path=()):
    """(path, container) for every dict and list inside a document."""
    if isinstance(value, dict | list):
        yield path, value
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from _containers(item, (*path, key))


def junk(rng):
    """A fresh copy of a junk value, so no two places share a mutable one."""
    return copy.deepcopy(rng.choice(JUNK_VALUES))


def mutate_document(document, rng):
    for _ in range(rng.randint(1, 4)):
        _, container = rng.choice(list(_containers(document)))
        operation = rng.randrange(5)
        if isinstance(container, dict) and container:
            key = rng.choice(list(container))
            if operation == 0:
                del container[key]
            elif operation == 1:
                container[rng.choice([*FIELD_NAMES, "x", "Name", "clientz", 3])] = junk(rng)
            else:
                container[key] = junk(rng)
        elif isinstance(container, list):
            if container and operation < 2:
                del container[rng.randrange(len(container))]
            elif container and operation < 4:
                container[rng.randrange(len(container))] = junk(rng)
            else:
                container.append(rng.choice([junk(rng), {"kind": "one_to_one"}]))
    return document


def serialise(document, rng):
    form = rng.randrange(3)
    if form == 0:
        return json.dumps(document, allow_nan=True)
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    if form == 1:
        return text
    # damage the text itself: cut, insert YAML punctuation, truncate
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(text) + 1)
        if rng.random() < 0.5:
            text = text[:position] + rng.choice(TEXT_JUNK) + text[position:]
        else:
            text = text[:position] + text[position + rng.randint(1, 20) :]
    return text


def random_input(rng, examples):
    roll = rng.random()
    if roll < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    if roll < 0.2:
        return "".join(rng.choice([*TEXT_JUNK, "a", "1", " ", "name"]) for _ in range(50))
    if roll < 0.25:
        depth = rng.randint(1, 3000)
        return "name: " + rng.choice(["[", "{a: "]) * depth
    document = mutate_document(json.loads(json.dumps(rng.choice(examples))), rng)
    text = serialise(document, rng)
    return text.encode("utf-8", "surrogatepass") if rng.random() < 0.3 else text


def test_thousands_of_random_and_mutated_documents_never_escape_as_another_exception():
    rng = random.Random(20261122)
    examples = [yaml.safe_load(path.read_text()) for path in SCENARIOS]
    outcomes = {"valid": 0, "invalid": 0}
    for _ in range(DOCUMENTS):
        source = random_input(rng, examples)
        try:
            scenario = load_scenario(source)
        except ScenarioError as error:
            outcomes["invalid"] += 1
            assert error.problems, source
            assert all(str(problem) for problem in error.problems)
        else:
            outcomes["valid"] += 1
            assert isinstance(scenario, Scenario)
            result = result_to_dict(evaluate(scenario))
            assert all(math.isfinite(number) for number in numbers_in(result))
    # both outcomes are exercised, so the fuzzer is not only producing junk
    assert outcomes["valid"] > 100 and outcomes["invalid"] > 2000, outcomes
