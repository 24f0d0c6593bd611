# Leverage Planner. Needs only python3 (3.11 or newer): every target sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed

PACKAGES := models presentation store charts reports cli app scenarios

.PHONY: run test test-fast lint bench bench-app bench-cli bench-rooms bytecode expected docs clean

# Create the virtual environment and install the project with its test tools.
# Re-runs only when pyproject.toml changes, so it is quick once set up.
$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(READY)

# Compile the project's modules to bytecode (__pycache__), as pip does for an installed wheel,
# so that no start of the app or the command line compiles them again (Python writes none
# itself where PYTHONDONTWRITEBYTECODE is set). Every target that runs the project comes
# through here; files already compiled are skipped (a tenth of a second when nothing changed).
bytecode: $(READY)
	$(BIN)/python -m compileall -q $(PACKAGES) streamlit_app.py

## run: set up, then start the app on the default example scenario
run: bytecode
	$(BIN)/streamlit run streamlit_app.py

## test: set up, then lint, type-check and run every test
test: lint
	$(BIN)/pytest

## test-fast: every test but the browser's, no lint (docs/testing.md gives the times)
test-fast: bytecode
	$(BIN)/pytest -m "not browser"

lint: bytecode
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy models presentation store charts reports cli scenarios app streamlit_app.py
	$(BIN)/lint-imports

## bench: print the speed figures recorded in docs/performance.md
bench: bytecode
	$(BIN)/python -m benchmarks

## bench-app: only the app in Chromium against the floor app (edits, loads, messages, memory)
bench-app: bytecode
	$(BIN)/python -m benchmarks.app

## bench-cli: only the command line's start (validate and evaluate --json against a bare python)
bench-cli: bytecode
	$(BIN)/python -m benchmarks.cli_start

## bench-rooms: only a workshop room: 30 participants submitting, the room view's update
bench-rooms: bytecode
	$(BIN)/python -m benchmarks.rooms

## expected: rewrite scenarios/*.expected.json after a deliberate change of the model
expected: bytecode
	for file in scenarios/*.yaml; do \
		$(BIN)/leverage evaluate --json "$$file" > "$${file%.yaml}.expected.json" || exit 1; \
	done

## docs: regenerate the field tables of docs/scenario-format.md from the schema, the Plan
## page's stored chart specs (charts/plan_specs.json) from their builders and the stored
## currency codes (models/currency_codes.txt) from Babel
docs: $(READY)
	$(BIN)/python -c "from presentation.reference import update_scenario_format; update_scenario_format()"
	$(BIN)/python -c "from charts.plan import write_plan_specs; write_plan_specs()"
	$(BIN)/python -c "from models.currencies import write_currency_codes; write_currency_codes()"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
